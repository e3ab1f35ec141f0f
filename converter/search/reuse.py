"""The index of the site being replaced, taken again when the build would make the same one.

The index is a pure function of the reports' URLs, texts and search fields (and of this code). After
writing an index, `remember` records the digest of what it was built from and of its `meta.json`; a
later build from the same inputs (`inputs_digest`) finds the replaced site's index with that same
`meta.json` and takes its files (`reusable`) instead of building them again (2-3 s at 1000 reports).
The record lives in the archive's build cache, not in the published site.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from converter.data.disk_memo import code_version, save_quietly
from converter.model import fields

META = "meta.json"


def inputs_digest(reports: list) -> str:
    """Of `IndexedReport`s and of the code that builds an index from them (this package, the fields)."""
    digest = hashlib.sha256(code_version(*sorted(Path(__file__).parent.glob("*.py")), fields).encode())
    for report in sorted(reports, key=lambda r: r.url):
        digest.update(json.dumps([report.url, report.text, report.fields], ensure_ascii=False, sort_keys=True)
                      .encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def reusable(record: Path | None, inputs: str, previous: Path | None) -> dict[str, bytes] | None:
    """The files of the index in `previous` when it was built from `inputs`, else None."""
    if not record or not previous:
        return None
    try:
        known = json.loads(record.read_text(encoding="utf-8"))
        if known.get("inputs") != inputs or known.get("meta") != _sha256((previous / META).read_bytes()):
            return None
        return {path: (previous / path).read_bytes() for path in _files(previous)}
    except (OSError, ValueError, AttributeError):
        return None


def remember(record: Path | None, inputs: str, files: dict[str, bytes]) -> None:
    if record and META in files:
        save_quietly(record, json.dumps({"inputs": inputs, "meta": _sha256(files[META])}).encode())


def _files(folder: Path) -> list[str]:
    return [os.path.relpath(os.path.join(top, name), folder)
            for top, _, names in os.walk(folder) for name in names]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
