"""Paragraphs made ready for the outline: indentation, empty paragraphs and typed page numbers gone,
Word's numbering label put in front of the text, table cells cleaned the same way."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from converter.data.heading_rules import HeadingRules
from converter.model import NumberLabel, Run, SourceParagraph, Table
from converter.structure.runs import join_breaks, strip_runs, text_of


@dataclass(frozen=True)
class Line:
    """A non-empty paragraph without its indentation; `runs` may still hold line breaks."""

    runs: tuple[Run, ...]
    joined: tuple[Run, ...]  # the runs with line breaks joined
    text: str  # their text
    source: SourceParagraph
    role: str = "body"


def clean_blocks(blocks, rules: HeadingRules):
    """Paragraphs as `Line`s (empty ones, page furniture and a typed table of contents dropped), tables
    with clean cells."""
    in_toc = False
    for block in blocks:
        if isinstance(block, Table):
            in_toc = False
            table = _clean_table(block)
            if any(cell.paragraphs for row in table.rows for cell in row):
                yield table  # a table with nothing in it is layout, not content
            continue
        line = _line(block)
        if line is None:
            continue
        in_toc = bool(rules.toc_heading.match(line.text)) or (in_toc and bool(rules.toc_entry.match(line.text)))
        if not in_toc and not rules.page_furniture.match(line.text):
            yield line


def _line(p: SourceParagraph) -> Line | None:
    runs, role = strip_runs(p.runs), "body"
    if p.numbering is not None and p.numbering.is_bullet:
        role = "bullet"
    elif p.numbering is not None and p.numbering.text and any(r.text.strip() for r in runs):
        runs = (Run(text=_label_text(p.numbering, text_of(runs))),) + runs
    if not any(r.text.strip() or r.image or r.note for r in runs):
        return None
    joined = join_breaks(runs)
    return Line(runs=runs, joined=joined, text=text_of(joined).strip(), source=p, role=role)


def _label_text(label: NumberLabel, text: str) -> str:
    """Word puts a tab or space after a label. After 一、 or （一） it reads as nothing; after a bare
    number ("1.1") or before a Latin word it reads as a space."""
    bare = label.text[-1:].isalnum() or (text[:1].isascii() and text[:1].isalnum())
    return label.text + (" " if label.suffix != "nothing" and bare else "")


def _clean_table(table: Table) -> Table:
    return replace(table, rows=tuple(tuple(_clean_cell(cell) for cell in row) for row in table.rows))


def _clean_cell(cell):
    paragraphs = ((p, strip_runs(p.runs)) for p in cell.paragraphs)
    return replace(cell, paragraphs=tuple(replace(p, runs=join_breaks(runs)) for p, runs in paragraphs if runs))


def prevailing(lines: list, attribute: str, count_unset: bool = True):
    """The run attribute (font, size) most of the text outside tables is set in; runs where it is unset
    count only with `count_unset`."""
    counts = Counter()
    for line in lines:
        if isinstance(line, Line):
            for run in line.runs:
                value = getattr(run, attribute)
                if value or count_unset:
                    counts[value] += len(run.text)
    return counts.most_common(1)[0][0] if counts else None
