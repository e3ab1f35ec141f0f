"""Positional postings for every character bigram and doc-level postings for every character, built with
numpy so that 1000 reports (15 M characters) take seconds, not minutes.

All texts are laid end to end, separated by a newline, in one position space. A bigram's entry lists the
positions where it starts, as delta varints (first position absolute). A character's entry lists, per
report that contains it, the position of its first occurrence (as a delta from the previous report's)
and how often it occurs there. Nothing is indexed across whitespace.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

POSITION_BITS = 32


@dataclass(frozen=True)
class Entries:
    """Encoded entries: `keys[i]` is encoded as `data[offsets[i]:offsets[i + 1]]`."""

    keys: list[str]
    data: bytes
    offsets: list[int]

    def entry(self, i: int) -> bytes:
        return self.data[self.offsets[i] : self.offsets[i + 1]]


PART_POSITIONS = 32_000_000  # bigram positions built at a time (1000 reports: about 15 M in all)
HUGE_PAGES_FROM = 32_000_000  # characters of text (about 1,700 typical reports)


def huge_pages_for(characters: int) -> None:
    """Whether numpy asks the kernel for huge pages for its arrays of 4 MB or more, for an index of this
    much text. Where the kernel then compacts memory to find them (transparent_hugepage defrag "madvise",
    Debian's default), an index of 1000 reports (19 M characters) spends ~1 s more in the kernel than
    it saves; one of 10,000 (157 M characters, 7.6 GB) spends 15-20 s less, because 4 KB pages then
    mean 3 million page faults. The switch is set between the two, a little above where a straight line
    through the measured differences (+1 s, -17 s) crosses zero (27 M)."""
    multiarray = getattr(np, "_core", None) or getattr(np, "core", None)  # numpy 2 / numpy 1
    setting = getattr(getattr(multiarray, "multiarray", None), "_set_madvise_hugepage", None)
    if setting:
        setting(characters >= HUGE_PAGES_FROM)


def build_entries(codes: np.ndarray, starts: list[int]) -> Entries:
    """Entries for normalised code points (reports joined by newlines; `starts` = where each begins).

    One thread: `archive build` runs this in a worker while the other core renders pages, and threads
    here only added peak memory (the bigram parts are built one after the other).
    """
    chars = np.flatnonzero(np.bincount(codes)) if len(codes) else np.zeros(0, np.int64)
    kind = np.int16 if len(chars) < 2**15 else np.int32  # a few thousand different characters: 16 bits
    ids = np.zeros(int(chars[-1]) + 1 if len(chars) else 1, kind)
    ids[chars] = np.arange(len(chars), dtype=kind)
    char_ids = ids[codes]
    alphabet = [chr(c) for c in chars.tolist()]
    space_ids = np.array([c.isspace() for c in alphabet], dtype=bool)
    space = space_ids[char_ids]
    entries = _unigram_entries(char_ids, space_ids, starts, alphabet)
    for part in _bigram_parts(char_ids, space):
        entries = _merge(entries, _bigram_entries(_packed(char_ids, part, alphabet), alphabet))
    return entries


def _bigram_parts(char_ids, space) -> Iterator[np.ndarray]:
    """The positions of the bigrams (none across whitespace) in parts by first character, one part at a
    time: at least two, and more for a large archive, so that each part's entries are built in a bounded
    share of the memory (the parts' entries, in order, are those of all bigrams)."""
    positions = np.flatnonzero(~space[:-1] & ~space[1:])
    if len(char_ids) < 2**31:
        positions = positions.astype(np.int32)
    firsts = char_ids[positions]
    parts = max(2, -(-len(positions) // PART_POSITIONS))
    cumulative = np.cumsum(np.bincount(firsts, minlength=1))
    bounds = [0, *(int(np.searchsorted(cumulative, len(positions) * k // parts)) + 1 for k in range(1, parts)),
              len(cumulative)]
    for low, high in zip(bounds, bounds[1:]):
        if low < high:
            yield positions[(firsts >= low) & (firsts < high)]


def _packed(char_ids, positions: np.ndarray, alphabet) -> np.ndarray:
    """(first id, second id, position) of each bigram packed in an int64, so one sort orders them."""
    packed = char_ids[positions].astype(np.int64)
    packed <<= _bits(alphabet)
    packed |= char_ids[positions + 1]
    packed <<= POSITION_BITS
    packed |= positions
    return packed


def _bits(alphabet) -> int:
    return max(1, (len(alphabet) - 1).bit_length())


def _bigram_entries(packed: np.ndarray, alphabet) -> Entries:
    packed.sort()
    first = _group_starts(packed >> POSITION_BITS)
    bits = _bits(alphabet)
    names = [alphabet[k >> bits] + alphabet[k & ((1 << bits) - 1)] for k in (packed[first] >> POSITION_BITS).tolist()]
    deltas = np.empty_like(packed)  # within a key: the difference of positions
    np.subtract(packed[1:], packed[:-1], out=deltas[1:])
    deltas[first] = packed[first] & ((1 << POSITION_BITS) - 1)
    del packed
    return _encode(names, deltas, first)


def _unigram_entries(char_ids, space_ids, starts, alphabet) -> Entries:
    """Per (character, report): first position and count, from one bincount in character-major order
    (32-bit cells and positions while they fit: half the memory)."""
    reports = len(starts)
    small = len(alphabet) * reports < 2**31 and len(char_ids) < 2**31
    kind = np.int32 if small else np.int64
    lengths = np.diff(np.append(np.asarray(starts, np.int64), len(char_ids)))
    cells = char_ids.astype(kind)
    cells *= reports
    cells += np.repeat(np.arange(reports, dtype=kind), lengths)
    counts = np.bincount(cells, minlength=len(alphabet) * reports)
    counts.reshape(len(alphabet), reports)[space_ids] = 0
    first = np.full(len(counts), np.iinfo(kind).max, kind)
    np.minimum.at(first, cells, np.arange(len(cells), dtype=kind))
    del cells
    present = np.flatnonzero(counts)
    keys, firsts = present // reports, first[present].astype(np.int64)
    key_first = _group_starts(keys)
    deltas = np.diff(firsts, prepend=0)
    deltas[key_first] = firsts[key_first]
    values = np.empty(2 * len(present), np.int64)
    values[0::2], values[1::2] = deltas, counts[present]
    names = [alphabet[k] for k in keys[key_first].tolist()]
    return _encode(names, values, 2 * key_first)


def _group_starts(column: np.ndarray) -> np.ndarray:
    """Indices where the (sorted) column changes value, 0 included."""
    if not len(column):
        return np.zeros(0, np.int64)
    change = np.empty(len(column), dtype=bool)
    change[0] = True
    change[1:] = column[1:] != column[:-1]
    return np.flatnonzero(change)


def _encode(names: list[str], values: np.ndarray, group_starts: np.ndarray) -> Entries:
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


def _merge(first: Entries, second: Entries) -> Entries:
    """One key space; keys are 1 (character) or 2 (bigram) characters long, so they never collide."""
    shift = len(first.data)
    offsets = first.offsets[:-1] + [o + shift for o in second.offsets]
    return Entries(first.keys + second.keys, first.data + second.data, offsets)
