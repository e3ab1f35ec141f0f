"""The whole search index of a site as files: reports in, {path under search/: bytes} out.

    meta.json           parameters, the report table and the list of big keys (fetched first)
    i/<n>.bin           shard n of the postings (see shards.py)
    k/<code points>.bin one big entry
    t/<report>-<k>.json fragment k of a report's text: [normalised start, text]

Output depends only on the reports (sorted by URL), so two builds of the same archive are identical.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable

from converter.search.codes import normalise
from converter.search.fragments import CHUNK, fragments
from converter.search.postings import build_entries
from converter.search.shards import SHARD_BYTES, big_key_name, pack

FORMAT = 1


@dataclass(frozen=True)
class Report:
    url: str  # relative to the site root, e.g. "reports/2023/kejiju/"
    title: str
    year: int
    issuer: str
    doc_type: str
    text: str  # the page's searchable text (page_text.py)
    topics: tuple[str, ...] = ()
    date: str | None = None


def build_index(reports: list[Report], early: Callable[[dict[str, bytes]], None] | None = None) -> dict[str, bytes]:
    """`early`, if given, gets the report texts' files (t/) as soon as they are made, before the postings:
    writing them can go on meanwhile."""
    reports = sorted(reports, key=lambda r: r.url)
    text = "\n".join(r.text for r in reports)
    spans, position = [], 0
    for report in reports:
        spans.append((position, position + len(report.text)))
        position += len(report.text) + 1
    norm = normalise(text)
    texts = {f"t/{number}-{k}.json": _json(list(fragment))
             for number, report_fragments in enumerate(fragments(text, norm, spans))
             for k, fragment in enumerate(report_fragments)}
    if early:
        early(dict(texts))
    starts = [int(norm.offsets[a]) for a, _ in spans]
    lengths = [int(norm.offsets[b]) - s for (_, b), s in zip(spans, starts)]
    shards, big = pack(build_entries(norm.codes, starts))
    files = {f"i/{n}.bin": data for n, data in enumerate(shards)}
    files.update({f"k/{big_key_name(key)}.bin": data for key, data in big.items()})
    files.update(texts)
    files["meta.json"] = _json(_meta(reports, lengths, len(shards), sorted(big), _digest(files)))
    return files


def _meta(reports: list[Report], lengths: list[int], shards: int, big: list[str], digest: str) -> dict:
    issuers = sorted({r.issuer for r in reports})
    types = sorted({r.doc_type for r in reports})
    topics = sorted({t for r in reports for t in r.topics})
    docs = [[r.url, r.title, r.year, issuers.index(r.issuer), types.index(r.doc_type),
             [topics.index(t) for t in r.topics], r.date or "", length]
            for r, length in zip(reports, lengths)]
    return {"format": FORMAT, "digest": digest, "shards": shards, "shard_bytes": SHARD_BYTES,
            "chunk": CHUNK, "big": big, "issuers": issuers, "types": types, "topics": topics,
            "docs": docs}


def _digest(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.encode() + b"\0" + files[path] + b"\0")
    return h.hexdigest()[:16]


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
