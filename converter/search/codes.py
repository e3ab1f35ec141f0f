"""`normalize.normalize` for a whole archive at once, as numpy arrays of code points.

Besides the normalised code points it keeps, for every original character, where its normalisation
starts (`offsets`), so fragments of the original text can be addressed by normalised position, and
which characters a fragment may start or end next to (`plain`: normalised to something that is not
empty and holds no space, so the digit-space rule cannot reach across the cut).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from converter.search.normalize import char_mapping

SPACE, ZERO, NINE = 0x20, 0x30, 0x39


@dataclass(frozen=True)
class Normalised:
    codes: np.ndarray  # normalised code points
    offsets: np.ndarray  # len(text) + 1 normalised positions, one per original character and the end
    plain: np.ndarray  # per original character: a fragment may be cut next to it


def normalise(text: str) -> Normalised:
    """Positions are 32-bit: an archive's text must stay under 2**31 characters (1000 reports: 15 M)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<i4")
    chars = np.flatnonzero(np.bincount(codes)) if len(codes) else np.zeros(0, np.int64)
    table = np.zeros(int(chars[-1]) + 1 if len(chars) else 1, np.int32)
    table[chars] = np.arange(len(chars), dtype=np.int32)
    mapped = [char_mapping(chr(c)) for c in chars.tolist()]
    widths = np.array([len(m) for m in mapped] or [0], np.int8)
    expansion = np.zeros((max(1, len(chars)), max(1, int(widths.max()))), np.int32)
    for row, m in enumerate(mapped):
        expansion[row, : len(m)] = [ord(c) for c in m]
    plain_chars = np.array([bool(m) and " " not in m for m in mapped] or [False])
    ids = table[codes]
    del codes
    lengths = widths[ids]  # what each character becomes: 1 character, or 0 (dropped), or more
    odd = np.flatnonzero(lengths != 1)  # few
    offsets = _starts(lengths)
    out = expansion[np.repeat(ids, lengths) if len(odd) else ids, 0]
    for k in range(1, int(widths.max())):  # the few characters that expand, e.g. … -> ...
        chosen = np.flatnonzero(lengths > k)
        out[offsets[chosen] + k] = expansion[ids[chosen], k]
    dropped = _digit_spaces(out)
    if len(dropped):
        np.subtract.at(lengths, np.searchsorted(offsets, dropped, side="right") - 1, 1)
        offsets = _starts(lengths)
        out = np.delete(out, dropped)
    return Normalised(out, offsets, plain_chars[ids])


def _starts(lengths: np.ndarray) -> np.ndarray:
    """Where each character's normalisation starts, and the end: 32-bit, so a 15 M character archive
    needs 60 MB here rather than 120."""
    starts = np.zeros(len(lengths) + 1, np.int32)
    np.cumsum(lengths, dtype=np.int32, out=starts[1:])
    return starts


def _digit_spaces(out: np.ndarray) -> np.ndarray:
    """Indices of the spaces in runs of spaces that have a digit on both sides."""
    spaces = np.flatnonzero(out == SPACE)
    if not len(spaces):
        return spaces
    run_start = np.ones(len(spaces), bool)
    run_start[1:] = spaces[1:] != spaces[:-1] + 1
    starts = np.flatnonzero(run_start)
    ends = np.append(starts[1:], len(spaces)) - 1
    before, after = spaces[starts] - 1, spaces[ends] + 1
    padded = np.append(out, 0)
    digit = lambda i: (i >= 0) & (padded[np.maximum(i, 0)] >= ZERO) & (padded[np.maximum(i, 0)] <= NINE)
    chosen = digit(before) & digit(after)
    return spaces[np.repeat(chosen, ends - starts + 1)]
