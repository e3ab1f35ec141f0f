"""Report text cut into small files for result snippets, addressed by normalised position.

Fragment `k` of a report holds, verbatim, the original text that normalises to (at least) the positions
`[k * CHUNK, (k + 1) * CHUNK + OVERLAP)` of that report, and the normalised position where it starts.
A match at position `p` is therefore inside fragment `p // CHUNK`, with its next OVERLAP characters.
Fragments are cut only between two plain characters (codes.py), so the browser, normalising a fragment
on its own, gets exactly the positions the index has.
"""
from __future__ import annotations

import numpy as np

from converter.search.codes import Normalised

CHUNK = 2048
OVERLAP = 64


def fragments(text: str, norm: Normalised, spans: list[tuple[int, int]]) -> list[list[tuple[int, str]]]:
    """Per report (`spans`: its original [start, end) in `text`): [(normalised start, text), …]."""
    starts = np.array([a for a, _ in spans], np.int64)
    ends = np.array([b for _, b in spans], np.int64)
    allowed = np.zeros(len(norm.plain) + 1, bool)
    allowed[1:-1] = norm.plain[:-1] & norm.plain[1:]
    allowed[starts], allowed[ends] = True, True
    cuts = np.flatnonzero(allowed)
    counts = np.maximum(1, -(-(norm.offsets[ends] - norm.offsets[starts]) // CHUNK))
    report = np.repeat(np.arange(len(spans)), counts)
    k = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    low = norm.offsets[starts[report]] + k * CHUNK
    first = np.searchsorted(norm.offsets, low, side="right") - 1
    first = cuts[np.searchsorted(cuts, np.maximum(first, starts[report]), side="right") - 1]
    last = np.minimum(np.searchsorted(norm.offsets, low + CHUNK + OVERLAP, side="left"), ends[report])
    last = cuts[np.searchsorted(cuts, last, side="left")]
    local = norm.offsets[first] - norm.offsets[starts[report]]
    out: list[list[tuple[int, str]]] = [[] for _ in spans]
    for r, position, a, b in zip(report.tolist(), local.tolist(), first.tolist(), last.tolist()):
        out[r].append((position, text[a:b]))
    return out
