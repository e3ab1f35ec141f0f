"""`normalize.normalize` for a whole archive at once, as numpy arrays of code points.

Besides the normalised code points it keeps, for every original character, where its normalisation
starts (`offsets`), so fragments of the original text can be addressed by normalised position, and
which characters a fragment may start or end next to (`plain`: normalised to something that is not
empty and holds no space, so the digit-space rule cannot reach across the cut).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .normalize import char_mapping

SPACE, ZERO, NINE = 0x20, 0x30, 0x39


@dataclass(frozen=True)
class Normalised:
    codes: np.ndarray  # normalised code points
    offsets: np.ndarray  # len(text) + 1 normalised positions, one per original character and the end
    plain: np.ndarray  # per original character: a fragment may be cut next to it


def normalise(text: str) -> Normalised:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.int64)
    chars = np.flatnonzero(np.bincount(codes)) if len(codes) else np.zeros(0, np.int64)
    table = np.zeros(int(chars[-1]) + 1 if len(chars) else 1, np.int64)
    table[chars] = np.arange(len(chars))
    mapped = [char_mapping(chr(c)) for c in chars.tolist()]
    widths = np.array([len(m) for m in mapped] or [0], np.int64)
    expansion = np.zeros((max(1, len(chars)), max(1, int(widths.max()))), np.int64)
    for row, m in enumerate(mapped):
        expansion[row, : len(m)] = [ord(c) for c in m]
    plain_chars = np.array([bool(m) and " " not in m for m in mapped] or [False])
    ids = table[codes]
    lengths = widths[ids]
    source = np.repeat(np.arange(len(codes)), lengths)
    within = np.arange(len(source)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    out = expansion[ids[source], within]
    keep = ~_digit_spaces(out)
    kept_per_char = np.bincount(source[keep], minlength=len(codes))
    offsets = np.concatenate(([0], np.cumsum(kept_per_char)))
    return Normalised(out[keep], offsets, plain_chars[ids])


def _digit_spaces(out: np.ndarray) -> np.ndarray:
    """Spaces in a run of spaces that has a digit on both sides."""
    space = out == SPACE
    digit = (out >= ZERO) & (out <= NINE)
    index = np.arange(len(out))
    before = np.maximum.accumulate(np.where(space, -1, index)) if len(out) else index
    after = np.minimum.accumulate(np.where(space, len(out), index)[::-1])[::-1] if len(out) else index
    padded = np.append(digit, False)
    return space & (before >= 0) & padded[np.maximum(before, 0)] & padded[after]
