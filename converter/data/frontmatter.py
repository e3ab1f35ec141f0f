"""A report page as text: `---\\n<YAML front matter>\\n---\\n\\n<Markdown body>`, split and joined.

What the keys mean and which values are valid is `converter.model.fields`; this module only reads and
writes the text.
"""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from converter.data import YAML_VERSION, dump_yaml, load_yaml
from converter.data.disk_memo import DiskMemo

FENCE = "---"
_parsed: DiskMemo | None = None  # front matter by its YAML text, while `parsing_once`


@contextmanager
def parsing_once(memo: Path | None = None) -> Iterator[None]:
    """While in this block `split_page` parses each front matter once and then returns the same objects
    (callers must not change them). `archive build` parses every page before it forks the check, so
    that the check and the site share the work (1 s of YAML at 1000 reports); with a `memo` file, what
    earlier builds parsed is taken from there (`DiskMemo`)."""
    global _parsed
    outer = _parsed
    _parsed = DiskMemo(memo, YAML_VERSION) if outer is None else outer
    try:
        yield
        if outer is None:
            _parsed.save()
    finally:
        _parsed = outer


def split_page(text: str) -> tuple[dict, str]:
    """Split a page into its front matter (a dict, empty when there is none) and its body.
    Raises `converter.data.YAMLError` when the front matter is not valid YAML."""
    if not text.startswith(FENCE + "\n"):
        return {}, text
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end == -1:
        return {}, text
    data = _load(text[len(FENCE) + 1 : end])
    if not isinstance(data, dict):
        return {}, text
    return data, text[end + len(FENCE) + 2 :].lstrip("\n")


def _load(header: str):
    if _parsed is None:
        return _parse(header)
    return _parsed.get(header, _parse)


def _parse(header: str):
    return load_yaml(header) or {}


def join_page(data: dict, body: str) -> str:
    return f"{FENCE}\n{dump_yaml(data)}{FENCE}\n\n{body.rstrip()}\n"


def body_hash(body: str) -> str:
    """SHA-256 of a page body as stored (line endings and trailing blank lines do not count as edits)."""
    return hashlib.sha256((body.replace("\r\n", "\n").rstrip() + "\n").encode("utf-8")).hexdigest()
