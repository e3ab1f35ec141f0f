"""Where things are in a report read from a format without Word's parts (PDF, web page, plain text), so
the publication checks can name the place: "第 12 段，在“一、主要工作”下", "第 1 个表格第 2 行第 3 列".

The places are the report's own text as read (title, paragraphs, headings, tables, notes), and the lines
the published original shows that the reader left out of the text (a PDF's running headers and footers,
a text file's web-page furniture): a secrecy mark in a running header is published with the PDF.
"""
from __future__ import annotations

from dataclasses import dataclass

from converter.model import Heading, Report, Table

TOP_BLOCKS = 3  # a table among the first blocks may hold the 版头 (份号, 密级)
SHORT = 20


@dataclass(frozen=True)
class Place:
    """A line of text and where it is; `top`: a place where a mark line is typed (every line but a table
    cell below the first blocks, where such words are data)."""

    text: str
    where: str
    top: bool = True


def report_places(report: Report, outside: tuple[str, ...] = ()) -> list[Place]:
    """The report's lines in reading order, then `outside`: lines of the original left out of the text."""
    places = [Place(report.title, "标题")] if report.title.strip() else []
    heading, number, tables = "", 0, 0
    for index, block in enumerate(report.blocks):
        if isinstance(block, Table):
            tables += 1
            places += _cells(block, tables, heading, index < TOP_BLOCKS)
            continue
        number += 1
        if isinstance(block, Heading):
            heading = block.text
            places.append(Place(block.text, f"第 {number} 段，小标题“{_short(heading)}”"))
        else:
            places.append(Place(block.text, f"第 {number} 段" + _under(heading)))
    for note in report.notes:
        places += [Place(p.text, "脚注") for p in note.paragraphs]
    return places + [Place(line, "原件中未收入正文的文字（页眉、页脚或网页栏目）") for line in outside]


def _cells(table: Table, number: int, heading: str, top: bool) -> list[Place]:
    return [Place(cell.text, f"第 {number} 个表格第 {row + 1} 行第 {column + 1} 列" + _under(heading), top)
            for row, cells in enumerate(table.rows) for column, cell in enumerate(cells)]


def _under(heading: str) -> str:
    return f"，在“{_short(heading)}”下" if heading else ""


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[:SHORT] + "…"
