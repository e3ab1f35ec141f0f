"""Lines of a scanned page that Tesseract skipped, found so that they can be read again on their own.

At a scan's own 200 dpi Tesseract reads body text best (bench/notes/pdf-library.md), but its page layout
step now and then drops a whole line as noise: a short bold heading (`一、主要工作成效` set in a heavy sans
font), the three-character last line of a paragraph. Such a line is still on the page: a band of rows
with ink in which no word Tesseract gave lies. The bands are cut out, stacked into one strip, enlarged
twice (where the same lines read without fault) and read in one more Tesseract run; each word found goes
back to its place on the page. A band taller than a large title (a seal, a picture) or too low to be a
line of text (a rule, a speck) is left alone.
"""
from __future__ import annotations

import numpy

INK = 128  # a pixel darker than this is ink
INK_PIXELS = 3  # a row with fewer dark pixels is blank (specks)
JOIN_POINTS = 1.5  # blank rows fewer than this (in points) do not split a band (the gap inside 二 or 三)
LINE_POINTS = (6.0, 40.0)  # a band of text is this tall, in points (small print to a large title)
PAD_POINTS = 3.0  # white kept above and below a band in the strip
ENLARGE = 2


def skipped_bands(image: numpy.ndarray, words: list[dict], dpi: int) -> list[tuple[int, int]]:
    """Row ranges [top, bottom) of the bands of ink that hold no word of `words` (Tesseract's, in pixels)."""
    covered = numpy.zeros(image.shape[0], dtype=bool)
    for word in words:
        covered[int(word["top"]):int(word["top"]) + int(word["height"])] = True
    low, high = (round(points * dpi / 72) for points in LINE_POINTS)
    return [(top, bottom) for top, bottom in _bands(image, dpi)
            if low <= bottom - top <= high and not covered[top:bottom].any()]


def _bands(image: numpy.ndarray, dpi: int) -> list[tuple[int, int]]:
    inked = numpy.flatnonzero((image < INK).sum(axis=1) >= INK_PIXELS)
    if not len(inked):
        return []
    breaks = numpy.flatnonzero(numpy.diff(inked) > JOIN_POINTS * dpi / 72)
    starts = numpy.concatenate(([inked[0]], inked[breaks + 1]))
    ends = numpy.concatenate((inked[breaks], [inked[-1]])) + 1
    return list(zip(starts.tolist(), ends.tolist()))


def strip(image: numpy.ndarray, bands: list[tuple[int, int]], dpi: int) -> tuple[numpy.ndarray, list[tuple]]:
    """The bands (with some white above and below) stacked top to bottom and enlarged; and for each, the
    page row its piece starts at and the piece's height, for `placed`."""
    pad = round(PAD_POINTS * dpi / 72)
    pieces = [(max(top - pad, 0), min(bottom + pad, image.shape[0])) for top, bottom in bands]
    stacked = numpy.concatenate([image[top:bottom] for top, bottom in pieces])
    return stacked.repeat(ENLARGE, 0).repeat(ENLARGE, 1), [(top, bottom - top) for top, bottom in pieces]


def placed(words: list[dict], pieces: list[tuple]) -> list[dict]:
    """Words read in the strip, moved back to the page; each band is a line of its own."""
    starts = numpy.cumsum([0] + [height for _, height in pieces[:-1]])
    out = []
    for word in words:
        row = int(word["top"]) // ENLARGE
        index = int(numpy.searchsorted(starts, row, side="right")) - 1
        out.append({**word, "block_num": f"skipped-{index}", "par_num": "1", "line_num": "1",
                    "top": str(row - int(starts[index]) + pieces[index][0]),
                    **{key: str(int(word[key]) // ENLARGE) for key in ("left", "width", "height")}})
    return out
