"""The index pages (home, years, topics, issuers, document types) as HTML, built from the catalog.

Pure functions: catalog in, `IndexPage`s out; each page renders its body with a `link` function that
turns a source path into a URL relative to the page, so these functions never think about URL styles.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

from converter.site.catalog import FEED, HOME, ISSUERS, TOPICS, TYPES, YEARS, Catalog, Entry, latest_added
from converter.site.chart import year_chart
from converter.site.listing import Body, group_by, name_list, report_list
from converter.site.markup import Link, a, esc
from converter.site.topic_pages import needs_year_page, topic_years, write_topic, write_topic_year

LATEST = 10  # reports under 最新收录 on the home page
HOME_ISSUERS = 30  # issuers listed on the home page before "全部发文机关"
SECTIONS = {YEARS: "年度", TOPICS: "主题", ISSUERS: "发文机关", TYPES: "文种"}


@dataclass(frozen=True)
class IndexPage:
    src_uri: str
    title: str
    parents: tuple[tuple[str, str], ...]  # (title, src_uri) from the home page down, for breadcrumbs
    write: Callable[[Body, Link], None]  # fills the body (after the h1)
    entries: tuple[Entry, ...] = ()  # the reports it lists (for its last-modified date)
    feed: str = ""  # its own feed, if any

    def render(self, link: Link) -> Body:
        body = Body()
        self.write(body, link)
        return body


def index_pages(catalog: Catalog, site_name: str, description: str = "",
                open_data: Callable[[Link], str] | None = None) -> list[IndexPage]:
    """`open_data(link)`: the home page's list of the open data files (none without it)."""
    home = (("首页", HOME),)
    pages = [IndexPage(HOME, site_name, (), partial(write_home, catalog, description, open_data), tuple(catalog.entries))]
    for src, title in SECTIONS.items():
        pages.append(IndexPage(src, f"按{title}浏览", home, partial(_OVERVIEWS[src], catalog),
                               tuple(catalog.entries)))
    under = {src: home + ((f"按{title}浏览", src),) for src, title in SECTIONS.items()}
    for year, items in catalog.years.items():
        pages.append(IndexPage(catalog.year_src(year), f"{year}年", under[YEARS],
                               partial(write_year, items, catalog), tuple(items)))
    for topic, items in catalog.topics.items():
        src = catalog.topic_src(topic)
        pages.append(IndexPage(src, topic, under[TOPICS], partial(write_topic, topic, items, catalog), tuple(items)))
        for year, group in topic_years(items).items():
            if needs_year_page(group):
                pages.append(IndexPage(catalog.topic_year_src(topic, year), f"{topic}：{year}年",
                                       under[TOPICS] + ((topic, src),), partial(write_topic_year, topic, group),
                                       tuple(group)))
    for issuer, items in catalog.issuers.items():
        pages.append(IndexPage(catalog.issuer_src(issuer), issuer, under[ISSUERS],
                               partial(write_issuer, issuer, items, catalog), tuple(items),
                               feed=catalog.issuer_feed(issuer)))
    for doc_type, items in catalog.doc_types.items():
        pages.append(IndexPage(catalog.type_src(doc_type), doc_type, under[TYPES],
                               partial(write_by_year, items), tuple(items)))
    return pages


# --- the home page and the four overviews ---------------------------------------------------------


def write_home(catalog: Catalog, description: str, open_data: Callable[[Link], str] | None, body: Body,
               link: Link) -> None:
    years = catalog.sorted_years()
    summary = f"共收录报告 {len(catalog.entries)} 篇"
    if years:
        summary += f"，时间跨度 {years[-1]}–{years[0]} 年，来自 {len(catalog.issuers)} 个发文机关"
    body.add(f'<p class="archive-lead">{esc(description)}</p>' if description else "",
             f"<p>{summary}。{a(link(FEED), '订阅新收录报告（Atom）', class_='archive-feed')}</p>")
    body.h2("years", "按年度浏览")
    write_years(catalog, body, link)
    body.h2("latest", "最新收录")
    body.add(report_list(latest_added(catalog.entries, LATEST), link, ("issuer", "year", "type")))
    body.h2("topics", "按主题浏览")
    body.add(topic_names(catalog, link))
    body.h2("types", "按文种浏览")
    write_types(catalog, body, link)
    body.h2("issuers", "按发文机关浏览")
    issuers = sorted(catalog.issuers, key=lambda i: (-len(catalog.issuers[i]), catalog.issuer_slugs[i]))
    body.add(name_list(issuers[:HOME_ISSUERS], catalog.issuers, catalog.issuer_src, link))
    if len(issuers) > HOME_ISSUERS:
        body.add(f"<p>{a(link(ISSUERS), f'全部 {len(issuers)} 个发文机关')}</p>")
    if open_data and catalog.entries:
        body.h2("data", "开放数据")
        body.add(open_data(link))


def write_years(catalog: Catalog, body: Body, link: Link) -> None:
    body.add(year_chart({year: len(items) for year, items in catalog.years.items()}))
    years = catalog.sorted_years()
    body.add(name_list(years, catalog.years, catalog.year_src, link, label=lambda y: f"{y}年"))


def write_topics(catalog: Catalog, body: Body, link: Link) -> None:
    body.add("<p>主题按国务院公文主题分类归纳。主题页按年度列出涉及该主题的报告和章节，可逐年追踪同一事项。</p>")
    body.add(topic_names(catalog, link))


def topic_names(catalog: Catalog, link: Link) -> str:
    return name_list(catalog.topics, catalog.topics, catalog.topic_src, link)


def write_issuers(catalog: Catalog, body: Body, link: Link) -> None:
    names = catalog.by_pinyin(catalog.issuers, catalog.issuer_slugs)
    body.add(name_list(names, catalog.issuers, catalog.issuer_src, link))


def write_types(catalog: Catalog, body: Body, link: Link) -> None:
    body.add(name_list(catalog.doc_types, catalog.doc_types, catalog.type_src, link))


_OVERVIEWS = {YEARS: write_years, TOPICS: write_topics, ISSUERS: write_issuers, TYPES: write_types}


# --- one year, topic, issuer or type ---------------------------------------------------------------


def write_year(items: list[Entry], catalog: Catalog, body: Body, link: Link) -> None:
    """A year's reports under one h2 per document type, in the catalog's order of types."""
    groups = group_by(items, lambda e: e.meta.doc_type or "其他")
    for doc_type in catalog.doc_types:
        if doc_type in groups:
            body.h2(catalog.type_slugs[doc_type], f"{doc_type}（{len(groups[doc_type])}）")
            body.add(report_list(groups[doc_type], link, ("issuer", "date")))


def write_by_year(items: list[Entry], body: Body, link: Link) -> None:
    for year, group in group_by(items, lambda e: e.meta.year).items():
        body.h2(f"y{year}", f"{year}年（{len(group)}）")
        body.add(report_list(group, link, ("issuer", "type", "date")))


def write_issuer(issuer: str, items: list[Entry], catalog: Catalog, body: Body, link: Link) -> None:
    feed = a(link(catalog.issuer_feed(issuer)), f"订阅{issuer}的新报告（Atom）", class_="archive-feed")
    body.add(f"<p>共 {len(items)} 篇。{feed}</p>")
    write_by_year(items, body, link)
