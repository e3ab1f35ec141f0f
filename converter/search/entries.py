"""Encoded entries of keys, and the two kinds of entry made from sorted positions (postings.py).

All integers are LEB128 varints. A positional entry is the key's positions as deltas (the first one
absolute); a per report entry holds, for each report with the key, the position of its first
occurrence (as a delta from the previous report's) and how often it occurs there.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

POSITION_BITS = 32
POSITION_MASK = (1 << POSITION_BITS) - 1


@dataclass(frozen=True)
class Entries:
    """Encoded entries: `keys[i]` is encoded as `data[offsets[i]:offsets[i + 1]]`."""

    keys: list[str]
    data: bytes
    offsets: list[int]

    def entry(self, i: int) -> bytes:
        return self.data[self.offsets[i] : self.offsets[i + 1]]


def positional_entries(packed: np.ndarray, name: Callable[[int], str]) -> Entries:
    """Entries of (key << POSITION_BITS | position) values: the positions of each key."""
    first, deltas = sorted_deltas(packed)
    names = [name(k) for k in (packed[first] >> POSITION_BITS).tolist()]
    return encoded(names, deltas, first)


def sorted_deltas(packed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sort (key << POSITION_BITS | position) values in place: (where each key's values start, the
    positions as deltas within each key, its first one absolute)."""
    packed.sort()
    first = group_starts(packed >> POSITION_BITS)
    deltas = np.empty_like(packed)
    np.subtract(packed[1:], packed[:-1], out=deltas[1:])
    deltas[first] = packed[first] & POSITION_MASK
    return first, deltas


def per_report_entries(names: list[str], positions: np.ndarray, counts: np.ndarray,
                        report_starts: np.ndarray) -> Entries:
    """Per report entries of keys given by their positions (`counts[i]` sorted positions for `names[i]`)."""
    if not names:
        return Entries([], b"", [0])
    key = np.repeat(np.arange(len(names)), counts)
    report = np.searchsorted(report_starts, positions, side="right") - 1
    change = np.ones(len(positions), bool)
    change[1:] = (report[1:] != report[:-1]) | (key[1:] != key[:-1])
    groups = np.flatnonzero(change)
    firsts = positions[groups].astype(np.int64)
    key_first = group_starts(key[groups])
    deltas = np.diff(firsts, prepend=0)
    deltas[key_first] = firsts[key_first]
    values = np.empty(2 * len(groups), np.int64)
    values[0::2], values[1::2] = deltas, np.diff(np.append(groups, len(positions)))
    return encoded(names, values, 2 * key_first)


def group_starts(column: np.ndarray) -> np.ndarray:
    """Indices where the (sorted) column changes value, 0 included."""
    if not len(column):
        return np.zeros(0, np.int64)
    change = np.empty(len(column), dtype=bool)
    change[0] = True
    change[1:] = column[1:] != column[:-1]
    return np.flatnonzero(change)


def encoded(names: list[str], values: np.ndarray, group_starts: np.ndarray) -> Entries:
    data, value_offsets = varints(values)
    bounds = np.append(value_offsets[group_starts], len(data)).tolist() if len(values) else [0]
    return Entries(names, data.tobytes(), bounds)


def varints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LEB128 encoding of non-negative integers: (bytes, offset of each value's first byte)."""
    values = np.asarray(values)
    if len(values) and int(values.max()) >= 1 << 28:
        return _varints_wide(values.astype(np.uint64))
    values = values.astype(np.uint32)
    sizes = np.ones(len(values), np.uint8)
    for shift in (7, 14, 21):
        sizes += values >= 1 << shift
    starts = np.cumsum(sizes, dtype=np.int64)
    out = np.empty(int(starts[-1]) if len(values) else 0, np.uint8)
    starts -= sizes
    out[starts] = (values & 0x7F).astype(np.uint8) | ((sizes > 1).view(np.uint8) << 7)
    for k in (1, 2, 3):  # byte k of the (fewer and fewer) values that need it
        chosen = np.flatnonzero(sizes > k)
        low = ((values[chosen] >> (7 * k)) & 0x7F).astype(np.uint8)
        out[starts[chosen] + k] = low | ((sizes[chosen] > k + 1).view(np.uint8) << 7)
    return out, starts


def _varints_wide(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    chunks, offsets, at = [], [], 0
    for value in values.tolist():
        offsets.append(at)
        while True:
            byte, value = value & 0x7F, value >> 7
            chunks.append(byte | (0x80 if value else 0))
            at += 1
            if not value:
                break
    return np.array(chunks, np.uint8), np.array(offsets, np.int64)


def joined(groups: list[Entries]) -> Entries:
    """One key space: the groups (characters, narrow and wide bigrams, trigrams) never share a key."""
    keys, offsets, shift = [], [], 0
    for group in groups:
        keys += group.keys
        offsets += [o + shift for o in group.offsets[:-1]]
        shift += len(group.data)
    return Entries(keys, b"".join(group.data for group in groups), offsets + [shift])
