"""A plain-Python reading of a built index: the reference the browser engine is checked against.

`SearchIndex(folder).matches(query)` gives, for every report containing all the query's terms, the
number of matches, exactly as engine.js counts them; it decodes the same files the browser fetches.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from pathlib import Path

from converter.search.normalize import query_terms
from converter.search.shards import big_key_name, key_hash


def read_varints(data: bytes) -> list[int]:
    out, value, shift = [], 0, 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            out.append(value)
            value, shift = 0, 0
    return out


def parse_shard(data: bytes) -> dict[str, bytes]:
    values, at = [], 0

    def next_value() -> int:
        nonlocal at
        value, shift = 0, 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    heads = []
    for _ in range(next_value()):
        first, second, length = next_value(), next_value(), next_value()
        heads.append((chr(first) + (chr(second) if second else ""), length))
    for key, length in heads:
        values.append((key, data[at : at + length]))
        at += length
    return dict(values)


class SearchIndex:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.meta = json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))
        self.big = set(self.meta["big"])
        self.reports = [self._decoded(row) for row in self.meta["docs"]]
        self.starts, position = [], 0
        for report in self.reports:
            self.starts.append(position)
            position += report["length"] + 1

    def _decoded(self, row: list) -> dict:
        """A report's row by column name, coded values looked up (as engine.js does)."""
        report = {}
        for name, value in zip(self.meta["columns"], row):
            codes = self.meta["codes"].get(name)
            report[name] = value if codes is None else [codes[v] for v in value] if isinstance(value, list) \
                else codes[value]
        return report

    def entry(self, key: str) -> list[int]:
        if key in self.big:
            return read_varints((self.folder / "k" / f"{big_key_name(key)}.bin").read_bytes())
        shard = self.folder / "i" / f"{key_hash(key) % self.meta['shards']}.bin"
        return read_varints(parse_shard(shard.read_bytes()).get(key, b""))

    def term(self, term: str) -> dict[int, int]:
        """Report number -> matches of one normalised term."""
        if len(term) == 1:
            values, first, hits = self.entry(term), 0, {}
            for delta, count in zip(values[0::2], values[1::2]):
                first += delta
                hits[self._doc(first)] = count
            return hits
        starts = None
        for k in range(len(term) - 1):
            positions, total = set(), 0
            for delta in self.entry(term[k : k + 2]):
                total += delta
                positions.add(total - k)
            starts = positions if starts is None else starts & positions
        hits: dict[int, int] = {}
        for position in starts or ():
            doc = self._doc(position)
            hits[doc] = hits.get(doc, 0) + 1
        return hits

    def matches(self, query: str) -> dict[str, int]:
        """URL -> total matches, for the reports that contain every term of `query`."""
        per_term = [self.term(t) for t in query_terms(query)]
        if not per_term:
            return {}
        docs = set(per_term[0]).intersection(*per_term[1:])
        return {self.meta["docs"][d][0]: sum(hits[d] for hits in per_term) for d in docs}

    def _doc(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1
