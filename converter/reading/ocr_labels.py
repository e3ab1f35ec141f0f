"""Heading labels Tesseract garbled, read again from the picture of the label alone.

Reading a whole line, Tesseract now and then loses or misreads the numeral of a bold heading label:
`四、审批事项…` comes out as `、审批事项…`, `（八）扎实推进…` as `（狼）扎实推进…`. A line of Chinese
text never opens with `、` or `）`, and a bracketed single character that is not a numeral is no label, so
such a line start is suspect. The piece of the page around it (from a little left of the line to a few
characters in) is read again on its own, where the same glyphs read right; when that reading opens with a
numbered label (`四、`, `（八）`), it takes the place of the garbled start. Otherwise the line stays as read:
nothing is guessed from the numbering of the headings around it.
"""
from __future__ import annotations

import re

import numpy

NUMERALS = "一二三四五六七八九十"
GARBLED_START = re.compile(r"^[^\w]{0,3}(?:[（(][^\w]{0,2}\w)?[)）、]")  # `、…`, `（狼）…`: numeral lost or misread
SOUND_LABEL = re.compile(rf"^([（(][{NUMERALS}]{{1,3}}[)）]|[{NUMERALS}]{{1,3}}、|\d{{1,2}}[、．.])")
READ_LABEL = re.compile(rf"^([^\w]{{0,3}})([{NUMERALS}]{{1,3}})([)）]|、)")
LEFT, RIGHT, PAD = 2.5, 2.5, 0.2  # the piece read again, in line heights around the line's first word


def suspect(text: str) -> bool:
    """Whether `text` opens like a heading label whose numeral Tesseract lost or misread."""
    return bool(GARBLED_START.match(text)) and not SOUND_LABEL.match(text)


def label_piece(image: numpy.ndarray, words: list[dict]) -> numpy.ndarray:
    """The part of the page image around the start of the line made of `words`, on a white margin."""
    top = min(int(w["top"]) for w in words)
    bottom = max(int(w["top"]) + int(w["height"]) for w in words)
    first = min(int(w["left"]) for w in words)
    height, pad = bottom - top, round(PAD * (bottom - top))
    piece = image[max(top - pad, 0):bottom + pad, max(first - round(LEFT * height), 0):first + round(RIGHT * height)]
    margin = numpy.full((piece.shape[0], height), 255, dtype=numpy.uint8)
    return numpy.hstack([margin, piece, margin])


def relabelled(text: str, reread: str) -> str:
    """`text` with its garbled start replaced by the label `reread` opens with, if it opens with one."""
    label = READ_LABEL.match(reread)
    if not label:
        return text
    before, numeral, close = label.groups()
    fixed = f"{numeral}、" if close == "、" and not set("（(") & set(before) else f"（{numeral}）"
    return fixed + text[GARBLED_START.match(text).end():]
