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
        points, length = [next_value() for _ in range(3)], next_value()
        heads.append(("".join(chr(p) for p in points if p), length))
    for key, length in heads:
        values.append((key, data[at : at + length]))
        at += length
    return dict(values)


def cover_keys(term: str, wide: set[str]) -> list[tuple[int, str]]:
    """(offset, key) of positional entries that together pin down every character of a term of two
    characters or more that is not itself a wide bigram: every bigram, or where it is wide the trigram
    that extends it by the next character (by the one before at the end of the term)."""
    keys = []
    for k in range(len(term) - 1):
        pair = term[k : k + 2]
        if pair not in wide:
            keys.append((k, pair))
        elif k + 2 < len(term):
            keys.append((k, term[k : k + 3]))
        else:
            keys.append((k - 1, term[k - 1 : k + 2]))
    return keys


def key_set(keys: dict[str, str]) -> set[str]:
    """The keys of a `keys` list (converter/search/index.py)."""
    return {head + last for head, lasts in keys.items() for last in lasts}


class SearchIndex:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.meta = json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))
        self._lists: dict[int, set[str]] = {}
        self.big = {key for n in range(self.meta["big_lists"]) for key in self._big_list(n)}
        self.wide = key_set(self.meta["wide"])
        table = self.meta["table"]
        self.reports = [self._decoded({name: values[i] for name, values in table.items()}) for i in range(len(table["url"]))]
        self.starts, position = [], 0
        for report in self.reports:
            self.starts.append(position)
            position += report["length"] + 1

    def _decoded(self, row: dict) -> dict:
        """A report's values by column name, coded values looked up (as engine.js does)."""
        report = {}
        for name, value in row.items():
            codes = self.meta["codes"].get(name)
            report[name] = value if codes is None else [codes[v] for v in value] if isinstance(value, list) \
                else codes[value]
        return report

    def entry(self, key: str) -> list[int]:
        lists = self.meta["big_lists"]
        if lists and key in self._big_list(key_hash(key) % lists):
            return read_varints((self.folder / "k" / f"{big_key_name(key)}.bin").read_bytes())
        shard = self.folder / "i" / f"{key_hash(key) % self.meta['shards']}.bin"
        return read_varints(parse_shard(shard.read_bytes()).get(key, b""))

    def _big_list(self, n: int) -> set[str]:
        """List n of the big keys (those with a file of their own), as engine.js reads it."""
        if n not in self._lists:
            self._lists[n] = key_set(json.loads((self.folder / "b" / f"{n}.json").read_text(encoding="utf-8")))
        return self._lists[n]

    def term(self, term: str) -> dict[int, int]:
        """Report number -> matches of one normalised term."""
        if len(term) == 1 or term in self.wide:  # a per report entry
            values, first, hits = self.entry(term), 0, {}
            for delta, count in zip(values[0::2], values[1::2]):
                first += delta
                hits[self._doc(first)] = count
            return hits
        starts = None
        for offset, key in cover_keys(term, self.wide):
            positions, total = set(), 0
            for delta in self.entry(key):
                total += delta
                positions.add(total - offset)
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
        return {self.reports[d]["url"]: sum(hits[d] for hits in per_term) for d in docs}

    def _doc(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1
