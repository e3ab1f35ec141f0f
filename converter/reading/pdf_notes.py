"""Footnotes of a PDF: the small lines at the foot of a page that open with a note number (`1 数据来源…`,
`①…`, `[1]…`), set apart from the text so they do not cut the paragraph that runs on to the next page;
the superscript number in the text that refers to one becomes the note's reference mark."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from converter.model import Note, Run, SourceParagraph
from converter.reading.pdf_lines import TextLine, merge_alike

NOTE_SIZE = 0.85  # a footnote is set at most this size of the body text
MARK = re.compile(r"^\s*(?:([0-9]{1,2})(?=\s|[^0-9.．%])|\[([0-9]{1,2})\]|([\u2460-\u2473]))\s*")


def split_notes(blocks: list) -> tuple[list, tuple[Note, ...]]:
    """(the blocks without the footnote lines, the footnotes); references in the text become note marks."""
    lines = [b for b in blocks if isinstance(b, TextLine)]
    sizes = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    if not sizes:
        return blocks, ()
    body_size = sizes.most_common(1)[0][0]
    taken: set[int] = set()
    notes: list[tuple[str, list[TextLine]]] = []
    for page in sorted({line.page for line in lines}):
        notes += _page_notes([b for b in blocks if isinstance(b, TextLine) and b.page == page], body_size, taken)
    if not notes:
        return blocks, ()
    ids = {note_id for note_id, _ in notes}
    body = [_marked(b, ids) if isinstance(b, TextLine) else b for b in blocks if id(b) not in taken]
    return body, tuple(Note(id=note_id, paragraphs=(_paragraph(note_lines),)) for note_id, note_lines in notes)


def _page_notes(page: list[TextLine], body_size: float, taken: set[int]) -> list[tuple[str, list[TextLine]]]:
    """The footnotes at the end of one page's lines."""
    start = len(page)
    while start > 0 and page[start - 1].size <= body_size * NOTE_SIZE:
        start -= 1
    notes: list[tuple[str, list[TextLine]]] = []
    for line in page[start:]:
        match = MARK.match(line.text)
        if match:
            notes.append((_note_id(match), [line]))
        elif notes:
            notes[-1][1].append(line)
        else:
            continue  # small text above the first note mark is not a note (a table's source line)
        taken.add(id(line))
    return notes


def _note_id(match: re.Match) -> str:
    number, bracketed, circled = match.groups()
    return number or bracketed or str(ord(circled) - 0x2460 + 1)


def _paragraph(lines: list[TextLine]) -> SourceParagraph:
    runs = [run for line in lines for run in line.runs]
    cut = MARK.match("".join(r.text for r in runs)).end()
    trimmed = []
    for run in runs:
        drop = min(cut, len(run.text))
        cut -= drop
        if run.text[drop:]:
            trimmed.append(replace(run, text=run.text[drop:]))
    return SourceParagraph(runs=merge_alike(trimmed), origin="note")


def _marked(line: TextLine, ids: set[str]) -> TextLine:
    """The line with each superscript note number turned into a reference to its note."""
    if not any(run.superscript and run.text.strip() in ids for run in line.runs):
        return line
    runs = tuple(Run(note=run.text.strip()) if run.superscript and run.text.strip() in ids else run
                 for run in line.runs)
    return replace(line, runs=runs)
