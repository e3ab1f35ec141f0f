"""Postings for every character, every character bigram, and the trigrams around the commonest bigrams,
built with numpy so that 1000 reports (15 M characters) take seconds, not minutes.

All texts are laid end to end, separated by a newline, in one position space. Nothing is indexed across
whitespace. Entries are positional or per report (entries.py).

A character's entry is per report. A bigram's is positional, unless its positional entry would be longer
than WIDE_BYTES: such a "wide" bigram (发展, 工作…) gets a per report entry, which is all a two-character
term needs, and every trigram that starts or ends with it gets a positional entry. A longer term is then
pinned by narrow bigrams and those trigrams (engine.js `coverKeys`), so no query fetches a wide bigram's
positions: at 10,000 reports 发展's were 1.3 MB.
"""
from __future__ import annotations

from typing import Callable, Iterator

import numpy as np

from converter.search.entries import (
    POSITION_BITS,
    POSITION_MASK,
    Entries,
    encoded,
    group_starts,
    joined,
    per_report_entries,
    positional_entries,
    sorted_deltas,
    varints,
)

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


def build_entries(codes: np.ndarray, starts: list[int]) -> tuple[Entries, list[str]]:
    """(entries, the wide bigrams) for normalised code points (reports joined by newlines; `starts` =
    where each begins): characters, then narrow bigrams, wide bigrams and trigrams, each in key order.

    One thread: `archive build` runs this in a worker while the other core renders pages, and threads
    here only added peak memory (the parts are built one after the other).
    """
    chars = np.flatnonzero(np.bincount(codes)) if len(codes) else np.zeros(0, np.int64)
    kind = np.int16 if len(chars) < 2**15 else np.int32  # a few thousand different characters: 16 bits
    ids = np.zeros(int(chars[-1]) + 1 if len(chars) else 1, kind)
    ids[chars] = np.arange(len(chars), dtype=kind)
    char_ids = ids[codes]
    alphabet = [chr(c) for c in chars.tolist()]
    space_ids = np.array([c.isspace() for c in alphabet], dtype=bool)
    space = space_ids[char_ids]
    report_starts = np.asarray(starts, np.int64)
    size, narrow, wide, leading, wide_names, found = len(alphabet), [], [], [], [], []
    room = 2 ** (TRIGRAM_KEY_BITS - 1 - _bits(alphabet)) - 1  # wide bigrams a trigram key can number
    names = _trigram_names(wide_names, alphabet)
    for part in _bigram_parts(char_ids, space):
        part_narrow, part_wide, positions, counts = _bigram_entries(_packed(char_ids, part, alphabet), alphabet,
                                                                    report_starts, WIDE_BYTES, room - len(wide_names))
        numbers = np.repeat(np.arange(len(wide_names), len(wide_names) + len(counts), dtype=np.int32), counts)
        narrow.append(part_narrow)
        wide.append(part_wide)
        wide_names += part_wide.keys
        leading += [positional_entries(p, names) for p in _trigrams(char_ids, space, size, numbers, positions, True)]
        found.append((numbers, positions.astype(np.int32 if len(char_ids) < 2**31 else np.int64)))  # kept: 32 bits
    numbers, positions = (np.concatenate(column) for column in zip(*found)) if found else (np.zeros(0, np.int32),) * 2
    del found
    table = _WideBigrams(wide_names, alphabet)
    trailing = [positional_entries(p, names)
                for p in _trigrams(char_ids, space, size, numbers, positions, False, table)]
    groups = [_unigram_entries(char_ids, space_ids, starts, alphabet), *narrow, *wide, *leading, *trailing]
    return joined(groups), wide_names


WIDE_BYTES = 64 * 1024  # a bigram whose positions take more is wide (above)
TRIGRAM_KEY_BITS = 31  # a trigram's key: which wide bigram, and which character before or after it


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


def _bigram_entries(packed: np.ndarray, alphabet, report_starts: np.ndarray, wide_bytes: int,
                    room: int) -> tuple[Entries, Entries, np.ndarray, np.ndarray]:
    """(positional entries of the narrow bigrams, per report entries of the wide ones, the wide ones'
    positions and how many each has): at most `room` are wide, the first in key order."""
    first, deltas = sorted_deltas(packed)
    names = _pair_names(packed[first] >> POSITION_BITS, alphabet)
    data, value_offsets = varints(deltas)
    del deltas
    bounds = np.append(value_offsets[first], len(data))
    chosen = np.flatnonzero(np.diff(bounds) > wide_bytes)[: max(0, room)]  # the wide ones: few
    if not len(chosen):
        return Entries(names, data.tobytes(), bounds.tolist()), Entries([], b"", [0]), np.zeros(0, np.int64), chosen
    ends = np.append(first[1:], len(packed))
    positions = np.concatenate([packed[first[i] : ends[i]] for i in chosen.tolist()]) & POSITION_MASK
    del packed
    cut = np.append(chosen, len(first))
    kept_data = [data[bounds[a + 1] : bounds[b]] for a, b in zip([-1, *chosen.tolist()], cut.tolist())]
    sizes = np.delete(np.diff(bounds), chosen)
    narrow = Entries(np.delete(np.array(names, dtype=object), chosen).tolist(), np.concatenate(kept_data).tobytes(),
                     np.append(0, np.cumsum(sizes)).tolist())
    counts = (ends - first)[chosen]
    per_report = per_report_entries([names[i] for i in chosen.tolist()], positions, counts, report_starts)
    return narrow, per_report, positions, counts


def _trigrams(char_ids, space, size: int, numbers: np.ndarray, positions: np.ndarray, leading: bool,
              table: _WideBigrams | None = None) -> Iterator[np.ndarray]:
    """Packed (key, position) of the trigrams that start (`leading`) or end with the wide bigrams at
    `positions` (`numbers`: which wide bigram each is, ascending); a trigram that ends with one and also
    starts with one (`table`) is left to the leading kind. The key numbers the wide bigram and the other
    character (`_trigram_names`). In parts by wide bigram, like the bigrams. A wide bigram holds no
    whitespace: only the other character needs the test."""
    other = positions + 2 if leading else positions - 1
    keep = (other < len(char_ids)) if leading else (other >= 0)
    keep[keep] = ~space[other[keep]]
    start, numbers, other = (positions if leading else other)[keep], numbers[keep], other[keep]
    if not leading and len(start):
        keep = table.number(char_ids[start], char_ids[start + 1]) < 0
        start, numbers, other = start[keep], numbers[keep], other[keep]
    parts = max(1, -(-len(start) // PART_POSITIONS))
    inner = [int(np.searchsorted(numbers, numbers[len(start) * k // parts])) for k in range(1, parts)]
    cuts = sorted({0, len(start), *inner})  # at a change of wide bigram: each key in one part
    for a, b in zip(cuts, cuts[1:]):
        keys = (numbers[a:b].astype(np.int64) * size + char_ids[other[a:b]]) * 2 + (0 if leading else 1)
        yield (keys << POSITION_BITS) | start[a:b]


class _WideBigrams:
    """Which wide bigram a pair of character ids is, or -1, by a table of the characters that begin a
    wide bigram by those that end one (a few hundred each)."""

    def __init__(self, wide: list[str], alphabet):
        number = {char: i for i, char in enumerate(alphabet)}
        firsts = np.array([number[key[0]] for key in wide], np.int64)
        seconds = np.array([number[key[1]] for key in wide], np.int64)
        used_rows, used_columns = np.unique(firsts), np.unique(seconds)
        self.begins, self.ends = np.zeros(len(alphabet), bool), np.zeros(len(alphabet), bool)
        self.begins[used_rows], self.ends[used_columns] = True, True
        width = len(used_columns)
        self.rows, self.columns = np.zeros(len(alphabet), np.int32), np.zeros(len(alphabet), np.int32)
        self.rows[used_rows] = np.arange(len(used_rows), dtype=np.int32) * width
        self.columns[used_columns] = np.arange(width, dtype=np.int32)
        self.table = np.full(max(1, len(used_rows) * width), -1, np.int32)
        self.table[self.rows[firsts] + self.columns[seconds]] = np.arange(len(wide), dtype=np.int32)

    def number(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = self.table[self.rows[a] + self.columns[b]]
        out[~(self.begins[a] & self.ends[b])] = -1
        return out


def _trigram_names(wide: list[str], alphabet) -> Callable[[int], str]:
    """Names of trigram keys (`_trigrams`); `wide` may grow meanwhile."""
    size = len(alphabet)

    def name(key: int) -> str:
        number, other, leading = key // 2 // size, key // 2 % size, key % 2 == 0
        return wide[number] + alphabet[other] if leading else alphabet[other] + wide[number]
    return name


def _pair_names(pairs: np.ndarray, alphabet) -> list[str]:
    """The bigrams of pair codes (`_packed`: first id, second id)."""
    bits = _bits(alphabet)
    return [alphabet[k >> bits] + alphabet[k & ((1 << bits) - 1)] for k in pairs.tolist()]


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
    key_first = group_starts(keys)
    deltas = np.diff(firsts, prepend=0)
    deltas[key_first] = firsts[key_first]
    values = np.empty(2 * len(present), np.int64)
    values[0::2], values[1::2] = deltas, counts[present]
    names = [alphabet[k] for k in keys[key_first].tolist()]
    return encoded(names, values, 2 * key_first)
