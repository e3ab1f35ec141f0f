"""Paragraphs of a WordprocessingML part (body, header, footer, notes) with where staff find them:
"第 12 段，在“一、主要工作完成情况”下", "第 1 个表格第 2 行第 3 列", "页眉", "文本框".

Works on lxml elements from the package model (`ooxml.package`), so it sees what python-docx does not show (headers, text
boxes, hidden runs) and can point from any element back to its paragraph. Locations are spelled out
only when a finding needs one.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from converter.reading.ooxml.xml import W

PART_KINDS = {W + "document": "正文", W + "hdr": "页眉", W + "ftr": "页脚", W + "footnotes": "脚注",
              W + "endnotes": "尾注", W + "comments": "批注"}
TEXT_TAGS = {W + "t": None, W + "tab": "\t", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}
INDENT = " \t\u3000\xa0"
TOP_BLOCKS = 3  # a table among the first blocks of the body may hold the 版头 (份号, 密级)


@dataclass(frozen=True)
class Located:
    paragraph: etree._Element
    text: str
    top: bool  # a place where a mark line is typed: body line, header, footer, text box, 版头 table
    part: str = "正文"  # a PART_KINDS value
    number: int = 0  # body paragraphs: the how-many-th non-empty one; tables: the table's number
    heading: str = ""  # the heading it is under
    role: str = ""  # "title", "heading", "textbox", "cell"

    @property
    def where(self) -> str:
        if self.part != "正文":
            return self.part
        if self.role == "textbox":
            return "文本框"
        if self.role == "cell":
            return f"第 {self.number} 个表格{_cell_position(self.paragraph)}" + self._under()
        if self.role == "title":
            return f"第 {self.number} 段，标题"
        if self.role == "heading":
            return f"第 {self.number} 段，小标题“{_short(self.heading)}”"
        return f"第 {self.number} 段" + self._under()

    def _under(self) -> str:
        return f"，在“{_short(self.heading)}”下" if self.heading else ""


def paragraph_text(p: etree._Element) -> str:
    """The paragraph's own text (not that of a text box anchored in it)."""
    pieces = []
    for node in p.iter(*TEXT_TAGS):
        if _paragraph_of(node) is p:
            pieces.append(node.text or "" if TEXT_TAGS[node.tag] is None else TEXT_TAGS[node.tag])
    return "".join(pieces)


def located_paragraphs(root: etree._Element, headings: list[str] = (), title: str = "") -> list[Located]:
    if root.tag != W + "document":
        part = PART_KINDS.get(root.tag, "")
        return [Located(p, paragraph_text(p), True, part) for p in root.iter(W + "p")]
    return _BodyWalk(list(headings), title).walk(root)


def paragraph_of(element: etree._Element) -> etree._Element | None:
    return element if element.tag == W + "p" else _paragraph_of(element)


def _paragraph_of(element: etree._Element) -> etree._Element | None:
    return next(element.iterancestors(W + "p"), None)


class _BodyWalk:
    """Numbers body paragraphs and tables in reading order and tracks the heading they are under."""

    def __init__(self, headings: list[str], title: str):
        self.headings = [h.strip(INDENT) for h in headings if h.strip(INDENT)]
        self.title = title.strip(INDENT)
        self.heading = ""
        self.count = 0
        self.tables: dict[etree._Element, tuple[int, bool]] = {}

    def walk(self, root: etree._Element) -> list[Located]:
        located = []
        for p in root.iter(W + "p"):
            text = paragraph_text(p)
            container = next(p.iterancestors(W + "tbl", W + "txbxContent"), None)
            if container is None:
                located.append(self._body_line(p, text))
            elif container.tag == W + "txbxContent":
                located.append(Located(p, text, True, role="textbox", heading=self.heading))
            else:
                number, top = self.tables.setdefault(container, (len(self.tables) + 1, self.count < TOP_BLOCKS))
                located.append(Located(p, text, top, number=number, heading=self.heading, role="cell"))
        return located

    def _body_line(self, p: etree._Element, text: str) -> Located:
        stripped = text.strip(INDENT)
        if not stripped:
            return Located(p, text, True, number=self.count, heading=self.heading)
        self.count += 1
        role = ""
        if self.title and stripped == self.title:
            role = "title"
        elif self.headings and stripped.startswith(self.headings[0]):
            self.heading, role = self.headings.pop(0), "heading"
        return Located(p, text, True, number=self.count, heading=self.heading, role=role)


def _cell_position(paragraph: etree._Element) -> str:
    cell = next(paragraph.iterancestors(W + "tc"), None)
    row = cell.getparent() if cell is not None else None
    if row is None or row.tag != W + "tr":
        return ""
    rows = list(row.getparent().iterchildren(W + "tr"))
    cells = list(row.iterchildren(W + "tc"))
    return f"第 {rows.index(row) + 1} 行第 {cells.index(cell) + 1} 列"


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
