"""The parts of a report page around its text: breadcrumbs, the metadata card, the download box, the
citation and the related reports. Pure functions returning HTML; every front-matter value is escaped."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from converter.model.fields import CARD, TEXT_LIST
from converter.site.catalog import HOME, YEARS, Catalog, Entry
from converter.site.markup import Link, a, chinese_date, esc, human_size
from converter.site.relations import Related

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA = {".docx": (DOCX, "Word 文档"), ".pdf": ("application/pdf", "PDF 文件"), ".txt": ("text/plain", "文本文件")}
CONVERTED = ("doc", "wps", "rtf", "odt")  # received formats published as LibreOffice's .docx
WEB_PAGES = ("html", "mht")  # received formats of which nothing is published
OCR_NOTICE = "正文由扫描件识别，可能有误，以原件为准"


@dataclass(frozen=True)
class Original:
    """The published copy of the original offered for download: where it is (a source path) and what it is."""

    src_uri: str
    size: int
    sha256: str

    @property
    def suffix(self) -> str:
        return Path(self.src_uri).suffix.lower()

    @property
    def media_type(self) -> str:
        return MEDIA.get(self.suffix, ("application/octet-stream", ""))[0]


def digest(path: Path) -> tuple[int, str]:
    data = path.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


def breadcrumbs(trail: list[tuple[str, str]], current: str, link: Link) -> str:
    """`trail`: (title, src_uri) from the home page down; `current`: this page's title."""
    items = "".join(f"<li>{a(link(src), title)}</li>" for title, src in trail)
    return (f'<nav class="archive-crumbs" aria-label="当前位置"><ol>{items}'
            f'<li aria-current="page">{esc(current)}</li></ol></nav>')


def report_trail(entry: Entry, catalog: Catalog) -> list[tuple[str, str]]:
    trail = [("首页", HOME), ("按年度浏览", YEARS)]
    if entry.meta.year in catalog.years:
        trail.append((f"{entry.meta.year}年", catalog.year_src(entry.meta.year)))
    return trail


def card(entry: Entry, catalog: Catalog, link: Link) -> str:
    """The metadata card shown under the title (and indexed with the text, so it holds only facts): the
    fields with a `card` position in the registry, in that order; a list field takes a line of its own."""
    cells = []
    for f in CARD:
        value = CARD_VALUES.get(f.key, _plain)(entry, catalog, link, getattr(entry.meta, f.key))
        if value:
            wide = ' class="archive-card__wide"' if f.kind is TEXT_LIST else ""
            cells.append(f"<div{wide}><dt>{esc(f.label)}</dt><dd>{value}</dd></div>")
    return f'<dl class="archive-card">{"".join(cells)}</dl>'


def _plain(entry: Entry, catalog: Catalog, link: Link, value) -> str:
    return esc(str(value)) if value not in (None, "", []) else ""


def _issuer(entry: Entry, catalog: Catalog, link: Link, value) -> str:
    return a(link(catalog.issuer_src(entry.issuer)), entry.issuer)


def _year(entry: Entry, catalog: Catalog, link: Link, value) -> str:
    return a(link(catalog.year_src(value)), f"{value}年") if value else ""


def _doc_type(entry: Entry, catalog: Catalog, link: Link, value) -> str:
    return a(link(catalog.type_src(value)), value) if value in catalog.doc_types else ""


def _date(entry: Entry, catalog: Catalog, link: Link, value) -> str:
    return f'<time datetime="{esc(value)}">{esc(chinese_date(value))}</time>' if value else ""


def _published(entry: Entry, catalog: Catalog, link: Link, value) -> str:
    return _date(entry, catalog, link, entry.published)


def _topics(entry: Entry, catalog: Catalog, link: Link, value) -> str:
    return "；".join(a(link(catalog.topic_src(t)), t) for t in value if t in catalog.topics)


CARD_VALUES = {"issuer": _issuer, "year": _year, "doc_type": _doc_type, "date": _date, "published": _published,
               "topics": _topics}


def with_card(content: str, title: str, card_html: str) -> str:
    """The page's HTML with the card right under its h1 (an h1 is added when the page has none)."""
    end = content.find("</h1>")
    if end == -1:
        return f"<h1>{esc(title)}</h1>\n{card_html}\n{content}"
    end += len("</h1>")
    return f"{content[:end]}\n{card_html}{content[end:]}"


def quick_download(original: Original | None, link: Link) -> str:
    if not original:
        return ""
    return (f'<a class="archive-quick-download" href="{esc(link(original.src_uri))}">'
            f"下载原件（{human_size(original.size)}）</a>")


def download_box(original: Original | None, title: str, link: Link, received: str = "") -> str:
    """The download of the original (`received`: the front matter's `format`, "" for a .docx); a web
    page's original is not published, and the box says so."""
    if not original:
        if received not in WEB_PAGES:
            return ""
        return _download_section('<p class="archive-meta">原件为网页，不提供下载：保存的网页含原网站的脚本和栏目，'
                                 "本页即其正文。</p>")
    href, name = link(original.src_uri), f"{title}{original.suffix}"
    media, kind = MEDIA.get(original.suffix, ("application/octet-stream", "文件"))
    converted = (f'<p class="archive-meta">原件为 .{esc(received)}，此处提供转换后的 {esc(original.suffix)}</p>'
                 if received in CONVERTED else "")
    return _download_section(
        f'<p><a href="{esc(href)}" download="{esc(name)}" type="{media}">{esc(name)}</a>'
        f'<span class="archive-meta">{kind}，{human_size(original.size)}</span></p>{converted}'
        f'<p class="archive-hash">SHA-256 校验值：<code data-sha256>{esc(original.sha256)}</code></p>')


def _download_section(inner: str) -> str:
    return ('<section class="archive-download" aria-labelledby="archive-download">'
            f'<h2 id="archive-download">下载原件</h2>{inner}</section>')


def ocr_notice(pages: int | None) -> str:
    """Above the text of a report read from a scan: its text may be wrong, the scan is the reference."""
    if not pages:
        return ""
    return f'<p class="archive-notice" role="note">{OCR_NOTICE}（共 {pages} 页为扫描件）。</p>'



def citation_box(citation: str, permalink: str, absolute: bool) -> str:
    """`citation` ends with the permalink; without a site_url the link is relative and the page's
    script shows it as the full address the reader sees."""
    marker = "" if absolute else " data-absolutize"
    text = esc(citation[: -len(permalink)]) if permalink and citation.endswith(permalink) else esc(citation)
    link = f'<a class="archive-permalink" href="{esc(permalink)}"{marker}>{esc(permalink)}</a>' if permalink else ""
    return (
        '<section class="archive-cite" aria-labelledby="archive-cite">'
        '<h2 id="archive-cite">如何引用</h2>'
        f'<p><span class="archive-citation">{text}{link}</span></p>'
        '<button type="button" class="archive-copy" data-copy=".archive-citation" hidden>复制引用</button>'
        "</section>"
    )


def related_box(items: list[Related], link: Link) -> str:
    if not items:
        return ""
    rows = "".join(
        f"<li><span>{esc(item.label)}：</span>{a(link(item.entry.src_uri), item.entry.meta.title)}</li>"
        for item in items
    )
    return ('<section class="archive-related" aria-labelledby="archive-related">'
            f'<h2 id="archive-related">相关报告</h2><ul class="archive-related__list">{rows}</ul></section>')


def report_tools() -> str:
    """Where archive-report.js puts the 打印 and 朗读 buttons (shown once the script runs)."""
    return '<div class="archive-tools" role="group" aria-label="本页工具" hidden></div>'


def print_footer(index_number: str, permalink: str, absolute: bool) -> str:
    """The printout's footer: 索引号, the address and the print date (the script fills in the date, and
    the address when the site has no site_url). Not shown on screen."""
    number = f"<span>索引号：{esc(index_number)}</span>" if index_number else ""
    url = esc(permalink) if absolute else ""
    return (f'<div class="archive-print-footer">{number}<span>网址：<span data-print-url>{url}</span></span>'
            "<span>打印日期：<span data-print-date></span></span></div>")
