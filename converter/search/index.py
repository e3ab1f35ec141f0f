"""The whole search index of a site as files: reports in, {path under search/: bytes} out.

    meta.json           parameters, the report table and the wide bigrams (fetched first): `table`
                        holds a list of values per column (the fields the registry marks `search`),
                        in report order; `codes` the value tables of coded columns; `wide` and
                        the big key lists are `keys` lists (below)
    i/<n>.bin           shard n of the postings (see shards.py)
    b/<n>.json          the big keys whose hash (shards.py) is n modulo `big_lists`: a `keys` list
    k/<code points>.bin one big entry

A `keys` list is an object of strings: every key that is a property name followed by one character of
its value, e.g. {"科": "技学", "科技": "特"} holds 科技, 科学 and 科技特.
    t/<report>-<k>.json fragment k of a report's text: [normalised start, text]

Output depends only on the reports (sorted by URL), so two builds of the same archive are identical.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable

from converter.model.fields import FIELDS as REGISTRY
from converter.search.codes import normalise
from converter.search.fragments import CHUNK, fragments
from converter.search.postings import build_entries, huge_pages_for
from converter.search.shards import SHARD_BYTES, big_key_name, key_hash, pack

FORMAT = 3
FIELDS = tuple(f for f in REGISTRY if f.search)
CODED = tuple(f.key for f in FIELDS if f.search == "coded")


@dataclass(frozen=True)
class IndexedReport:
    url: str  # relative to the site root, e.g. "reports/2023/kejiju/"
    text: str  # the page's searchable text (page_text.py)
    fields: dict  # the values of the `search` fields (`search_values`): a list for a list field


def build_index(reports: list[IndexedReport], early: Callable[[dict[str, bytes]], None] | None = None) -> dict[str, bytes]:
    """`early`, if given, gets the report texts' files (t/) as soon as they are made, before the postings:
    writing them can go on meanwhile."""
    reports = sorted(reports, key=_in_date_order)
    text = "\n".join(r.text for r in reports)
    spans, position = [], 0
    for report in reports:
        spans.append((position, position + len(report.text)))
        position += len(report.text) + 1
    huge_pages_for(len(text))
    norm = normalise(text)
    texts = {f"t/{number}-{k}.json": _json(list(fragment))
             for number, report_fragments in enumerate(fragments(text, norm, spans))
             for k, fragment in enumerate(report_fragments)}
    if early:
        early(dict(texts))
    starts = [int(norm.offsets[a]) for a, _ in spans]
    lengths = [int(norm.offsets[b]) - s for (_, b), s in zip(spans, starts)]
    codes = norm.codes
    del text, norm  # about 1 GB at 10,000 reports (the text, its offsets) that the postings do not need
    entries, wide = build_entries(codes, starts)
    shards, big = pack(entries)
    del entries
    files = {f"i/{n}.bin": data for n, data in enumerate(shards)}
    files.update({f"k/{big_key_name(key)}.bin": data for key, data in big.items()})
    lists = _big_lists(sorted(big))
    files.update({f"b/{n}.json": _json(_keys(keys)) for n, keys in enumerate(lists)})
    files.update(texts)
    files["meta.json"] = _json(_meta(reports, lengths, len(shards), len(lists), wide, _digest(files)))
    return files


BIG_LIST_KEYS = 256  # big keys per list, about 1 KB compressed


def _big_lists(big: list[str]) -> list[list[str]]:
    """The big keys in lists by hash: a query fetches the lists of its keys, not all big keys (at
    10,000 reports 16,000 keys, 40 KB compressed)."""
    lists: list[list[str]] = [[] for _ in range(-(-len(big) // BIG_LIST_KEYS))]
    for key in big:
        lists[key_hash(key) % len(lists)].append(key)
    return lists


def _keys(keys: list[str]) -> dict[str, str]:
    """A `keys` list (above) of `keys`."""
    grouped: dict[str, str] = {}
    for key in sorted(keys):
        grouped[key[:-1]] = grouped.get(key[:-1], "") + key[-1]
    return grouped


def search_values(meta: dict, title: str = "") -> dict:
    """The `search` fields of a page's front matter as the index keeps them (a page without front matter,
    or without a title, has `title`)."""
    values = {}
    for f in FIELDS:
        value = meta.get(f.key)
        if f.kind.empty is list:
            values[f.key] = [str(v) for v in value] if isinstance(value, list) else []
        elif f.kind.empty is int:
            values[f.key] = value if isinstance(value, int) and not isinstance(value, bool) else 0
        else:
            values[f.key] = str(value) if value else ""
    values["title"] = values.get("title") or title
    return values


def _in_date_order(report: IndexedReport) -> tuple[str, str]:
    """Reports are numbered by date (成文日期, else the end of their year), then URL: a report added to an
    archive usually comes last, so the others keep their numbers and their text files (t/) stay the
    same, to be linked from the last site instead of written again (results are ordered in the page)."""
    fields = report.fields
    return (str(fields.get("date") or "") or f"{fields.get('year') or 0:04d}-12-31", report.url)


def _meta(reports: list[IndexedReport], lengths: list[int], shards: int, big_lists: int, wide: list[str],
          digest: str) -> dict:
    codes = {key: sorted({v for r in reports for v in _as_list(r.fields[key])}) for key in CODED}
    numbers = {key: {v: n for n, v in enumerate(values)} for key, values in codes.items()}
    table = {"url": [r.url for r in reports]}
    table.update({f.key: [_coded(r.fields[f.key], numbers.get(f.key)) for r in reports] for f in FIELDS})
    table["length"] = lengths
    return {"format": FORMAT, "digest": digest, "shards": shards, "shard_bytes": SHARD_BYTES, "chunk": CHUNK,
            "big_lists": big_lists, "wide": _keys(wide), "codes": codes, "table": table}


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _coded(value, numbers: dict | None):
    if numbers is None:
        return value
    return [numbers[v] for v in value] if isinstance(value, list) else numbers[value]


def _digest(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.encode() + b"\0" + files[path] + b"\0")
    return h.hexdigest()[:16]


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
