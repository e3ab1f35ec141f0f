"""`normalize.normalize` for a whole archive at once, as numpy arrays of code points.

Besides the normalised code points it keeps, for every original character, where its normalisation
starts (`offsets`), so fragments of the original text can be addressed by normalised position, and
which characters a fragment may start or end next to (`plain`: normalised to something that is not
empty and holds no space, so the digit-space rule cannot reach across the cut).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
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
    """Large texts are cut at a line break near the middle and the halves normalised in two threads."""
    cut = text.rfind("\n", 0, len(text) // 2) + 1
    if len(text) < 1_000_000 or cut <= 0:
        return _normalise(text)
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(_normalise, (text[:cut], text[cut:]))
    return Normalised(np.concatenate((first.codes, second.codes)),
                      np.concatenate((first.offsets[:-1], second.offsets + first.offsets[-1])),
                      np.concatenate((first.plain, second.plain)))


def _normalise(text: str) -> Normalised:
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
    lengths = widths[ids]
    odd = np.flatnonzero(lengths != 1)  # characters dropped or expanded: few
    offsets = _plus_steps(np.arange(len(codes) + 1, dtype=np.int64), odd + 1, lengths[odd].astype(np.int64) - 1)
    out = expansion[np.repeat(ids, lengths) if len(odd) else ids, 0]
    for k in range(1, int(widths.max())):  # the few characters that expand, e.g. … -> ...
        chosen = np.flatnonzero(lengths > k)
        out[offsets[chosen] + k] = expansion[ids[chosen], k]
    dropped = _digit_spaces(out)
    if len(dropped):
        owners = np.searchsorted(offsets, dropped, side="right") - 1
        offsets = _plus_steps(offsets, owners + 1, np.full(len(owners), -1, np.int64))
        out = np.delete(out, dropped)
    return Normalised(out, offsets, plain_chars[ids])


def _plus_steps(values: np.ndarray, at: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """`values` plus, from each index `at[i]` (ascending) on, `steps[i]`."""
    if not len(at):
        return values
    levels = np.concatenate(([0], np.cumsum(steps)))
    return values + np.repeat(levels, np.diff(np.concatenate(([0], at, [len(values)]))))


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
