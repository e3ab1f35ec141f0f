"""An article's HTML elements → paragraphs and tables of the document model.

Block elements (`<p>`, `<div>`, `<h1>`…`<h6>`, `<li>`, table cells of a layout table …) are paragraphs;
`<br>` is a line break inside one (the structure stage joins breaks); `<b>`/`<strong>` and a bold
`font-weight` are bold runs, `<i>`/`<em>` italic, `<sup>`/`<sub>` raised and lowered; `text-align:center`
or `align=center` (and `<center>`) centre a paragraph; `<hN>` is a heading of outline level N-1 (the
title's element is level 0, the Title style). A table of short cells is a `Table` with its row and
column spans; a table that lays out the page (nested tables, long text, one row or one column) is read
as the blocks in its cells. Pictures are dropped (nothing is fetched); a link keeps its target only
when it is a web or mail address (`safe_href`). Whitespace is collapsed as a browser shows it: a line
break between two Chinese characters disappears (CSS Text 3), other runs of spaces become one space.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from converter.data.heading_rules import heading_rules
from converter.model import Cell, Run, SourceParagraph, Table, safe_href

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
          "section", "article", "header", "footer", "main", "aside", "nav", "center", "address", "figure",
          "figcaption", "form", "fieldset", "body", "html", "caption", "hr", "pre", "tr", "td", "th", "tbody",
          "thead", "tfoot", "details", "summary", "menu"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BOLD_TAGS, ITALIC_TAGS = {"b", "strong"}, {"i", "em"}
WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’"
SEGMENT_BREAK = re.compile(rf"(?<=[{WIDE}])[ \t\r\n\f]*\n[ \t\r\n\f]*(?=[{WIDE}])")
SPACES = re.compile(r"[ \t\r\n\f]+")
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
ALIGN_STYLE = re.compile(r"text-align\s*:\s*(center|right|left|justify)", re.IGNORECASE)
FONT_STYLE = re.compile(r"font-family\s*:\s*['\"]?([^,;'\"]+)", re.IGNORECASE)
SIZE_STYLE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px)", re.IGNORECASE)
PARAGRAPH_END = tuple("。！？：；!?:;")
DATA_CELL_MAX = 200  # characters: a cell holding more is a page's layout, not a table of data


def collapse(text: str) -> str:
    return SPACES.sub(" ", SEGMENT_BREAK.sub("", text))


class BlockBuilder:
    """Walks elements in document order and collects `SourceParagraph`s and `Table`s."""

    def __init__(self, title: etree._Element | None = None):
        self.blocks: list = []
        self.runs: list[Run] = []
        self.align: str | None = None
        self.level: int | None = None
        self.title = title

    def add(self, element: etree._Element) -> None:
        self.align, self.level = None, None
        self._element(element, Run(), None, None)
        self.flush()

    def flush(self) -> None:
        for runs in split_at_breaks(self.runs):
            if any(r.text.strip() for r in runs):
                self.blocks.append(SourceParagraph(runs=tuple(runs), align=self.align, style_level=self.level))
        self.runs = []

    def _text(self, text: str | None, fmt: Run) -> None:
        if text:
            self.runs.append(Run(text=collapse(text), bold=fmt.bold, italic=fmt.italic, href=fmt.href,
                                 superscript=fmt.superscript, subscript=fmt.subscript, font=fmt.font,
                                 size=fmt.size))

    def _element(self, element, fmt: Run, align, level) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            self.runs.append(Run(text="\n"))
        elif tag == "table":
            self.flush()
            self._table(element, fmt, align)
        elif tag in BLOCKS:
            self._block(element, tag, fmt, align, level)
        elif tag and tag != "img":
            fmt = run_format(element, tag, fmt)
            self._text(element.text, fmt)
            for child in element:
                self._element(child, fmt, align, level)
                self.align, self.level = align, level
                self._text(child.tail, fmt)

    def _block(self, element, tag: str, fmt: Run, align, level) -> None:
        self.flush()
        align = block_align(element, tag) or align
        if tag in HEADINGS:
            level = 0 if element is self.title else HEADINGS[tag] - 1
            fmt = Run(bold=True, font=fmt.font, size=fmt.size)
        elif element is self.title:
            level = 0
        fmt = run_format(element, tag, fmt)
        self.align, self.level = align, level
        self._text(element.text, fmt)
        for child in element:
            self._element(child, fmt, align, level)
            self.align, self.level = align, level
            self._text(child.tail, fmt)
        self.flush()

    def _table(self, table, fmt: Run, align) -> None:
        rows = [row for row in table.iter("tr") if _owner(row) is table]
        cells = [[c for c in row if c.tag in ("td", "th")] for row in rows]
        if is_data_table(table, cells):
            self.blocks.append(Table(rows=tuple(tuple(self._cell(c) for c in row) for row in cells if row)))
            return
        for row in cells:
            for cell in row:
                self._block(cell, "td", fmt, align, None)

    def _cell(self, element) -> Cell:
        inner = BlockBuilder()
        inner.add(element)
        paragraphs = tuple(b for b in inner.blocks if isinstance(b, SourceParagraph))
        paragraphs = tuple(SourceParagraph(runs=p.runs, align=p.align, origin="cell") for p in paragraphs)
        return Cell(paragraphs=paragraphs, colspan=_span(element, "colspan"), rowspan=_span(element, "rowspan"))


def split_at_breaks(runs: list[Run]) -> list[list[Run]]:
    """A block's lines (`<br>`) as paragraphs where the page visibly starts a new one: after a sentence
    end or a colon, before an indented line, a typed label or a date, and at an empty line (`<br><br>`).
    Other breaks stay in the paragraph as line breaks, which the structure stage joins (or cuts a
    heading at)."""
    if not any("\n" in run.text for run in runs):
        return [runs]
    lines: list[list[Run]] = [[]]
    for run in runs:
        pieces = run.text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                lines.append([])
            if piece:
                lines[-1].append(replace(run, text=piece))
    paragraphs: list[list[Run]] = []
    previous = ""
    for line in lines:
        text = "".join(r.text for r in line)
        if paragraphs and previous.strip() and text.strip() and not _starts_paragraph(previous, text):
            paragraphs[-1] += [Run(text="\n")] + line
        else:
            paragraphs.append(list(line))
        previous = text
    return paragraphs


def _starts_paragraph(before: str, text: str) -> bool:
    rules = heading_rules()
    stripped = text.strip(" \u3000\xa0")
    return (before.rstrip(" \u3000\xa0")[-1:] in PARAGRAPH_END or text.lstrip(" ")[:1] in "\u3000\xa0"
            or bool(rules.label(stripped)) or bool(rules.date_line.match(stripped)))


def is_data_table(table, cells: list[list]) -> bool:
    """A table of data: two rows or more, two columns somewhere, no table inside, short cells."""
    if len(cells) < 2 or max((len(row) for row in cells), default=0) < 2:
        return False
    if any(True for _ in table.iter("table") if _ is not table):
        return False
    return all(len(collapse(c.text_content())) <= DATA_CELL_MAX for row in cells for c in row)


def _owner(row):
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(element, name: str) -> int:
    value = (element.get(name) or "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def run_format(element, tag: str, fmt: Run) -> Run:
    style = element.get("style") or ""
    bold = fmt.bold or tag in BOLD_TAGS or bool(BOLD_STYLE.search(style))
    italic = fmt.italic or tag in ITALIC_TAGS
    href = safe_href(element.get("href")) if tag == "a" else fmt.href
    font_match, size_match = FONT_STYLE.search(style), SIZE_STYLE.search(style)
    font = font_match.group(1).strip() if font_match else (element.get("face") if tag == "font" else fmt.font)
    size = fmt.size
    if size_match:
        size = float(size_match.group(1)) * (0.75 if size_match.group(2).lower() == "px" else 1)
    return Run(bold=bold, italic=italic, href=href, superscript=fmt.superscript or tag == "sup",
               subscript=fmt.subscript or tag == "sub", font=font, size=size)


def block_align(element, tag: str) -> str | None:
    if tag == "center":
        return "center"
    match = ALIGN_STYLE.search(element.get("style") or "")
    value = match.group(1) if match else element.get("align")
    return value.strip().lower() if value and value.strip().lower() in ("center", "right", "left") else None
