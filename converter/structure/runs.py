"""Text operations on sequences of `Run`s that keep each character's formatting: strip indentation,
join manual line breaks, cut at a character offset. Offsets count text characters only (note marks
and pictures have no text)."""
from __future__ import annotations

import re
from dataclasses import replace

from converter.model import Run

SPACE = " \t\u3000\xa0\u2002\u2003\u2009\r"
BREAK = re.compile(r"[ \t\u3000\xa0]*\n[\n \t\u3000\xa0]*")


def text_of(runs) -> str:
    return "".join(r.text for r in runs)


def strip_runs(runs: tuple[Run, ...], chars: str = SPACE + "\n") -> tuple[Run, ...]:
    """Without leading and trailing `chars` (indentation typed as spaces or U+3000, stray breaks)."""
    runs = list(runs)
    for index in range(len(runs)):
        if not _strip_one(runs, index, chars, str.lstrip):
            break
    for index in range(len(runs) - 1, -1, -1):
        if not _strip_one(runs, index, chars, str.rstrip):
            break
    return tuple(r for r in runs if r.text or r.note or r.image)


def _strip_one(runs: list[Run], index: int, chars: str, strip) -> bool:
    """Strip one end of `runs[index]`; True when the run became empty and the next one needs it too."""
    run = runs[index]
    if run.note or run.image:
        return False
    text = strip(run.text, chars)
    if text != run.text:
        runs[index] = replace(run, text=text)
    return not text


def join_breaks(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Manual line breaks joined: nothing between Chinese characters (or digits), a space only where a
    Latin word meets a Latin word. Indentation around the break goes with it."""
    full = text_of(runs)
    if "\n" not in full:
        return runs
    pieces = [(m.start(), m.end(), _joiner(full, m.start(), m.end())) for m in BREAK.finditer(full)]
    return _rewrite(runs, pieces)


def _joiner(full: str, start: int, end: int) -> str:
    before = full[start - 1] if start else ""
    after = full[end] if end < len(full) else ""
    latin = before.isascii() and after.isascii() and (before.isalpha() or after.isalpha())
    return " " if latin and before.strip() and after.strip() else ""


def _rewrite(runs, pieces) -> tuple[Run, ...]:
    """Replace the spans [start, end) of the joined text by their replacements, run by run; a
    replacement goes where its span starts."""
    out, offset, index = [], 0, 0
    for run in runs:
        text, end = run.text, offset + len(run.text)
        if not text or index >= len(pieces) or pieces[index][0] >= end:
            out.append(run)
            offset = end
            continue
        chunks, cursor = [], offset
        while index < len(pieces) and pieces[index][0] < end:
            start, stop, joiner = pieces[index]
            chunks.append(text[max(cursor, offset) - offset:max(start, offset) - offset])
            if start >= offset:
                chunks.append(joiner)
            cursor = stop
            if stop > end:
                break
            index += 1
        chunks.append(text[min(max(cursor, offset), end) - offset:])
        out.append(replace(run, text="".join(chunks)))
        offset = end
    return tuple(r for r in out if r.text or r.note or r.image)


def split_runs(runs: tuple[Run, ...], offset: int) -> tuple[tuple[Run, ...], tuple[Run, ...]]:
    """The runs before and from text offset `offset`; marks at the cut stay with the head."""
    head, tail, seen = [], [], 0
    for run in runs:
        length = len(run.text)
        if seen + length <= offset and not tail:
            head.append(run)
        elif seen >= offset:
            tail.append(run)
        else:
            cut = offset - seen
            head.append(replace(run, text=run.text[:cut]))
            tail.append(replace(run, text=run.text[cut:]))
        seen += length
    return tuple(head), tuple(tail)


def merge_runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Neighbouring text runs that render the same (bold, link, super/subscript) become one."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last is not None and not (last.note or last.image or run.note or run.image) and _same_look(last, run):
            merged[-1] = replace(last, text=last.text + run.text)
        else:
            merged.append(run)
    return tuple(merged)


def _same_look(a: Run, b: Run) -> bool:
    return (a.bold, a.href, a.superscript, a.subscript) == (b.bold, b.href, b.superscript, b.subscript)
