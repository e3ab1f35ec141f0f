"""The article in a web page: its title, the page's header fields, and its text, without the site around it.

What never reaches the text: scripts, styles, forms' controls, frames, embedded objects, media, and
anything hidden (`hidden`, `display:none`). The text is the element holding most of the page's running
text, by the paragraphs' own characters less their links' (a navigation bar, a list of related
articles and a footer are mostly links or short lines, so they lose). The title is the heading before
it that the page's `<title>` names (else the last `<h1>`/`<h2>` or title-classed element before it);
information fields (`发布时间：`, `来源：`, `发布机构：`, `索引号：`, `文号：` …), wherever they stand before
the text, in a line or an information table, become the document's `header`: evidence for the metadata
stage, not text. Furniture left
inside the text (`【字号：大 中 小】`, `打印本页 关闭窗口`, share links, related links) is dropped as in
a scraped text (furniture.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from converter.data.heading_rules import heading_rules
from converter.model import Notice, SourceParagraph
from converter.reading.furniture import article_end, field_pattern, header_fields, is_furniture
from converter.reading.html_blocks import BlockBuilder, block_align, collapse

REMOVED = {"script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
           "applet", "input", "button", "select", "textarea", "option", "svg", "math", "canvas", "video",
           "audio", "source", "track", "map", "area", "link", "meta", "base", "img", "picture", "param",
           "dialog", "head", "title"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
CJK = re.compile(r"[\u3400-\u9fff]")
UNITS = {"p", "div", "td", "li", "section", "article", "span", "font", "center", "blockquote", "dd", "pre"}
TITLE_CLASS = re.compile(r"title|tit\b|biaoti|\bbt\b|headline|article-?h", re.IGNORECASE)
HIDDEN = "网页中有 {count} 处隐藏的文字（不在页面上显示），未收入正文；如原网页不应公开这些内容，请勿发布原网页"
TITLE_MAX = 100
BLOCK_CHILDREN = {"p", "div", "table", "tr", "td", "ul", "ol", "li", "section", "article", "h1", "h2", "h3"}
FIELD_NAMES = heading_rules().web_header_fields + heading_rules().source_fields
SITE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s-\s|-{2,}|－|—\s)\s*")
SITE_NAME = re.compile(r"(?:网|网站|门户|平台|政府|政务公开|信息公开)$")


@dataclass(frozen=True)
class Article:
    blocks: tuple
    page_title: str  # the page's <title>, without the site's name
    warnings: tuple[Notice, ...] = ()
    header: tuple[tuple[str, str], ...] = ()  # the information fields above the text: (name, value)


def find_article(root: etree._Element) -> Article:
    full_title = _page_title(root)
    hidden = _strip(root)
    scores = _text_scores(root)
    body = max(scores, key=lambda e: (scores[e], _depth(e)), default=root) if scores else root
    inside, around = set(body.iter()), set(body.iterancestors())
    title = _title_element(root, inside, around, full_title)
    builder = BlockBuilder(title=title)
    if title is not None and title not in inside:
        builder.add(title)
    above = _header_fields(root, inside, around)
    builder.add(body)
    blocks, within = header_fields(_without_furniture(builder.blocks), _paragraph_text)
    warnings = (Notice("html-hidden", HIDDEN.format(count=hidden)),) if hidden else ()
    return Article(blocks=tuple(blocks), page_title=_without_site(full_title), warnings=warnings,
                   header=tuple(dict.fromkeys(above + within)))


def _paragraph_text(block) -> str | None:
    return block.text.strip() if isinstance(block, SourceParagraph) else None


def _page_title(root) -> str:
    element = root.find(".//title")
    return collapse(element.text_content()).strip() if element is not None else ""


def _without_site(title: str) -> str:
    """`区科技局2023年工作总结_明湖区人民政府门户网站` → the part that is not the site's name ("" when
    the page's title is only the site's name)."""
    parts = [p.strip() for p in SITE_SEPARATORS.split(title) if len(p.strip()) >= 4]
    named = [p for p in parts if not SITE_NAME.search(p)]
    return named[0] if named else ""


def _strip(root) -> int:
    """Remove what never is text: scripts, styles, controls, frames, media, hidden elements. Returns how
    many hidden elements held text (a reader of the page never saw it; staff should know it was there)."""
    hidden = [e for e in root.iter() if isinstance(e.tag, str) and e.tag not in REMOVED
              and (e.get("hidden") is not None or HIDDEN_STYLE.search(e.get("style") or ""))]
    within = set(hidden)
    outermost = [e for e in hidden if not any(a in within for a in e.iterancestors())]
    with_text = sum(1 for e in outermost if e.text_content().strip())
    doomed = hidden + [e for e in root.iter() if not isinstance(e.tag, str) or e.tag in REMOVED]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return with_text


def _text_scores(root) -> dict:
    """Each container's score: the Chinese characters outside links of the paragraphs it holds, its own
    (full), its children's (full) and grandchildren's (half), times its share of text outside links."""
    own, linked = {}, {}
    for element in reversed(list(root.iter())):
        chars = _cjk(element.text) + sum(_cjk(child.tail) for child in element)
        inner = sum(own.get(child, 0) for child in element)
        inner_linked = sum(linked.get(child, 0) for child in element)
        if element.tag == "a":
            own[element], linked[element] = 0, chars + inner + inner_linked
        else:
            own[element], linked[element] = chars + inner, inner_linked
    scores = {}
    for element in root.iter(*UNITS):
        direct = _cjk(element.text) + sum(_cjk(child.tail) for child in element if child.tag in ("br", "span",
                                                                                                "font", "b", "strong"))
        points = max(direct, 0) + (own[element] if element.tag == "p" else 0)
        if points < 10:
            continue
        for ancestor, weight in _ancestors(element):
            scores[ancestor] = scores.get(ancestor, 0) + points * weight
    return {e: s * own[e] / max(1, own[e] + linked[e]) for e, s in scores.items()}


def _ancestors(element):
    yield element, 1.0
    parent = element.getparent()
    if parent is not None:
        yield parent, 1.0
        grand = parent.getparent()
        if grand is not None:
            yield grand, 0.5


def _cjk(text: str | None) -> int:
    return len(CJK.findall(text)) if text else 0


def _depth(element) -> int:
    return sum(1 for _ in element.iterancestors())


def _title_element(root, inside: set, around: set, page_title: str):
    """The article's heading: before the text (or its first heading), named in <title> when one is, else
    the last `<h1>`/`<h2>`, else the last title-classed element before the text."""
    candidates, entered = [], False
    for element in root.iter("h1", "h2", "h3", "div", "p", "td", "span", "strong", "font"):
        if element in around:
            continue
        if entered and element not in inside:
            break  # past the text: related links and the footer
        entered = entered or element in inside
        text = collapse(element.text_content()).strip()
        eligible = 4 <= len(text) <= TITLE_MAX and (element.tag == "h1" or element.find(".//a") is None)
        if eligible and (element.tag in ("h1", "h2", "h3") or _centred(element) or _title_class(element)):
            candidates.append((element, text))
            if entered:
                break
        elif entered and len(text) > TITLE_MAX and not any(c.tag in BLOCK_CHILDREN for c in element):
            break  # the text's first paragraph: the title is above it
    named = [e for e, text in candidates if _squash(text) in _squash(page_title)]
    if named:
        return _innermost(named[-1], named)
    before = [e for e, _ in candidates if e not in inside]
    headings = [e for e in before if e.tag in ("h1", "h2")] or [e for e in before if _title_class(e)]
    return headings[-1] if headings else None


def _title_class(element) -> bool:
    return bool(TITLE_CLASS.search(f"{element.get('class', '')} {element.get('id', '')}"))


def _centred(element) -> bool:
    return block_align(element, element.tag) == "center"


def _innermost(element, candidates: list):
    """Of nested candidates with one text (`<td align=center><font><b>…`), the outermost block."""
    while element.getparent() is not None and element.getparent() in candidates:
        element = element.getparent()
    return element


def _header_fields(root, inside: set, around: set) -> tuple[tuple[str, str], ...]:
    """`发布时间：…`, `来源：…`, `索引号：…` … before the article's text, as (name, value)."""
    fields = []
    for element in root.iter("p", "div", "span", "td", "tr", "li", "h4", "h5", "h6"):
        if element in inside:
            break
        if element in around:
            continue
        if element.tag == "tr":
            text = " ".join(collapse(c.text_content()).strip() for c in element if c.tag in ("td", "th"))
        elif any(child.tag in ("p", "div", "tr", "td", "table", "li") for child in element):
            continue
        else:
            text = collapse(element.text_content()).strip()
        for name, value in field_pattern().findall(_field_names(text)):
            if value.strip() and (name, value.strip()) not in fields:
                fields.append((name, value.strip()))
    return tuple(fields)


def _field_names(text: str) -> str:
    """`索 引 号` → `索引号`; a name in one cell and its value in the next get their colon."""
    for name in FIELD_NAMES:
        spaced = r"\s*".join(name)
        text = re.sub(rf"{spaced}(?!\s*[:：])\s+", f"{name}：", text)
        text = re.sub(spaced, name, text)
    return text


def _without_furniture(blocks: list) -> list:
    texts = [b.text.strip() if isinstance(b, SourceParagraph) else "" for b in blocks]
    end = article_end(texts)
    return [b for b, text in zip(blocks[:end], texts) if not (isinstance(b, SourceParagraph) and is_furniture(text))]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
