"""The searchable text of a built page: the same text the search-eval harness takes as ground truth.

The root is the first element marked `data-search-body` (then `data-pagefind-body`, `article`, `main`,
`body`). Inside it scripts, styles, templates, SVG, elements marked `data-pagefind-ignore` or
`data-search-eval-ignore` and Material's `¶` permalinks are skipped; block elements start and end lines;
spaces are collapsed within lines and empty lines dropped. Indexing exactly this text is what makes the
search find every page that contains a phrase, and only those.
"""
from __future__ import annotations

import re

from lxml import html

SKIP_TAGS = {"script", "style", "template", "noscript", "svg", "head"}
SKIP_ATTRIBUTES = ("data-pagefind-ignore", "data-search-eval-ignore")
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "ul", "tr", "td", "th", "br", "summary", "caption", "tbody",
    "thead",
}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
             "track", "wbr"}
ROOTS = ("//*[@data-search-body]", "//*[@data-pagefind-body]", "//article", "//main", "//body")
SENTINEL = "data-archive-search-sentinel"
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def search_root(document):
    """(the element whose text is searchable or None, whether it is marked `data-search-body`)."""
    for path in ROOTS:
        found = document.xpath(path)
        if found:
            return found[0], path == ROOTS[0]
    return None, False


def page_text(page_html: str) -> tuple[str, bool]:
    """(the page's searchable text, whether the page marks it with `data-search-body`)."""
    root, marked = search_root(_parse(page_html))
    if root is None:
        return "", False
    pieces: list[str] = []
    _collect(root, pieces)
    return _tidy("".join(pieces)), marked


def fragment_text(content_html: str) -> tuple[str, bool]:
    """`page_text` of a page whose first marked element is `<div data-search-body>content_html</div>`,
    from that fragment alone; and whether that may be wrong: the content's tags close the element
    elsewhere (a sentinel paragraph after the fragment ends up inside it)."""
    root, _ = search_root(_parse(f"<div data-search-body>{content_html}</div><p {SENTINEL}></p>"))
    pieces: list[str] = []
    _collect(root, pieces)
    return _tidy("".join(pieces)), bool(root.xpath(f".//*[@{SENTINEL}]"))


def _parse(page_html: str):
    return html.document_fromstring(page_html.encode("utf-8"), parser=_PARSER)


_PARSER = html.HTMLParser(encoding="utf-8", remove_comments=False)


def _collect(element, pieces: list[str], skipping: bool = False) -> None:
    """Text in document order; inside skipped elements only the line breaks of block elements count."""
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in BLOCK_TAGS
    if block:
        pieces.append("\n")
    if not tag or tag in VOID_TAGS:
        return
    skipping = skipping or _skipped(element, tag)
    if element.text and not skipping:
        pieces.append(element.text)
    for child in element:
        _collect(child, pieces, skipping)
        if child.tail and not skipping:
            pieces.append(child.tail)
    if block:
        pieces.append("\n")


def _skipped(element, tag: str) -> bool:
    if tag in SKIP_TAGS or any(name in element.attrib for name in SKIP_ATTRIBUTES):
        return True
    return tag == "a" and "headerlink" in (element.get("class") or "").split()


def _tidy(text: str) -> str:
    lines = (SPACES.sub(" ", line).strip() for line in text.replace("\u200b", "").split("\n"))
    return "\n".join(line for line in lines if line)

