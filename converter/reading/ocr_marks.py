"""Chinese punctuation that Tesseract reads in its ASCII form, given back the form the page shows.

An OCR reading cannot tell a full-width mark from its ASCII twin (`（` from `(`, `；` from `;`), and
Tesseract's Chinese model reads the curly quotes `“”` as a straight `"` more often than not. Chinese text
uses the full-width forms (the generated reports: 30 282 `，` against 6 `,` next to a Chinese character),
so a mark touching a Chinese character is given its full-width form, and a straight quote becomes `“` or
`”`: the closing one when a `“` before it on the page is still open, else the opening one. An opening `（`
read as the angle bracket `〈` is known by the `）` that closes it (`区〈县）` → `区（县）`; `〈…〉` stays).
Nothing else is changed: a character Tesseract misread stays as read.

At the start of a line Tesseract often garbles the opening bracket of a bold `（四）` label (`〈（一）`,
`\\四）`): stray marks before the label are dropped and a lost opening bracket is put back — a line never
opens with `四）` in Chinese, so this restores the label the page shows rather than inventing one.
"""
from __future__ import annotations

import re

from converter.reading.fullwidth import CHINESE, MARKS

FULL_WIDTH = {"(": "（", ")": "）", **MARKS}
MARK_NEXT_TO_HAN = re.compile(rf"(?<={CHINESE})[(),;:?!]|[(),;:?!](?={CHINESE})")
QUOTES = re.compile(r'[“”"]')
ANGLE_CLOSED_ROUND = re.compile(r"〈([^〈〉（）()]*）)")  # `〈县）`: a `（` read as `〈`, by the bracket closing it
GARBLED_LABEL = re.compile(r"^[^\w（(]{0,2}[（(]?([一二三四五六七八九十]{1,3})）")


def repaired_lines(texts: list[str]) -> list[str]:
    """A page's OCR lines, top to bottom, with their marks in the form Chinese text uses."""
    repaired, open_quote = [], False
    for text in texts:
        text = ANGLE_CLOSED_ROUND.sub(r"（\1", MARK_NEXT_TO_HAN.sub(lambda m: FULL_WIDTH[m.group()], text))
        text, open_quote = _paired_quotes(text, open_quote)
        repaired.append(repaired_label(text))
    return repaired


def _paired_quotes(text: str, open_quote: bool) -> tuple[str, bool]:
    """`text` with each straight quote next to Chinese text made the `“` or `”` it pairs as; and whether a
    quote is open at its end (quotes run on over line breaks)."""
    out = []
    for index, mark in enumerate(text):
        if QUOTES.fullmatch(mark):
            if mark == '"' and _next_to_chinese(text, index):
                mark = "”" if open_quote else "“"
            open_quote = mark == "“" or (mark == '"' and not open_quote)
        out.append(mark)
    return "".join(out), open_quote


def _next_to_chinese(text: str, index: int) -> bool:
    return any(re.fullmatch(CHINESE, c) for c in text[max(index - 1, 0):index] + text[index + 1:index + 2])


def repaired_label(text: str) -> str:
    """`（四）…` for an OCR line that opens `\\四）…` or `〈（四）…`."""
    match = GARBLED_LABEL.match(text)
    return f"（{match.group(1)}）{text[match.end():]}" if match else text
