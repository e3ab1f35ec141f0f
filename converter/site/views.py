"""What the templates place around a page's content, assembled from the pure builders. The templates
only position these ready, escaped HTML strings."""
from __future__ import annotations

from dataclasses import dataclass

from converter.render.open_data import json_path
from converter.site.catalog import FEED, Catalog, Entry
from converter.site.head_meta import citation, json_ld, meta_tags
from converter.site.indexes import IndexPage
from converter.site.markup import Link, esc
from converter.site.relations import related
from converter.site.report_page import (
    Original,
    breadcrumbs,
    citation_box,
    download_box,
    ocr_notice,
    print_footer,
    quick_download,
    related_box,
    report_tools,
    report_trail,
)


@dataclass(frozen=True)
class PageParts:
    head: str = ""  # into <head>
    crumbs: str = ""  # breadcrumbs, above the content
    quick: str = ""  # the quick download link beside the breadcrumbs
    aside: str = ""  # download box, citation, related reports: after the text
    notice: str = ""  # above the text, outside what is searched: the scan notice
    tools: str = ""  # a report's 打印 and 朗读 buttons, beside the breadcrumbs
    footer: str = ""  # a report's printout footer (索引号, address, print date)
    memo: str = ""  # key prefix of the template parts this page shares with others (theme_setup.BlockMemo)


def feed_link(href: str, title: str) -> str:
    return f'<link rel="alternate" type="application/atom+xml" href="{esc(href)}" title="{esc(title)}">'


def report_parts(entry: Entry, catalog: Catalog, original: Original | None, link: Link,
                 permalink: str, absolute: bool, site_name: str) -> PageParts:
    """`permalink`: the page's address (absolute when the site has a site_url, else relative)."""
    data = link(json_path(entry.src_uri))
    head = "\n".join((feed_link(link(FEED), f"{site_name}：新收录报告"),
                      f'<link rel="alternate" type="application/json" href="{esc(data)}" title="本篇的开放数据（JSON）">',
                      meta_tags(entry), json_ld(entry, original, permalink, absolute)))
    aside = "".join((
        download_box(original, entry.meta.title, link, entry.meta.format),
        f'<p class="archive-data-link">本篇的元数据和全文（开放数据）：<a href="{esc(data)}" type="application/json">JSON</a></p>',
        citation_box(citation(entry, permalink), permalink, absolute),
        related_box(related(entry, catalog), link),
    ))
    return PageParts(
        head=head,
        crumbs=breadcrumbs(report_trail(entry, catalog), entry.meta.title, link),
        quick=quick_download(original, link),
        notice=ocr_notice(entry.meta.ocr),
        aside=f'<div class="archive-aside">{aside}</div>',
        tools=report_tools(),
        footer=print_footer(entry.meta.index_number, permalink, absolute),
    )


def index_parts(page: IndexPage, link: Link, site_name: str) -> PageParts:
    head = feed_link(link(FEED), f"{site_name}：新收录报告")
    if page.feed:
        head += "\n" + feed_link(link(page.feed), f"{site_name}：{page.title}")
    crumbs = breadcrumbs(list(page.parents), page.title, link) if page.parents else ""
    return PageParts(head=head, crumbs=crumbs)
