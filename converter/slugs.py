"""Stable ASCII file names for report pages: pinyin of the issuer and document type."""
from __future__ import annotations

import re

from pypinyin import lazy_pinyin

MAX_LENGTH = 60


def report_slug(issuer: str, doc_type: str, taken: set[str] = frozenset()) -> str:
    """`区科技局`, `工作总结` → `qukejiju-gongzuo-zongjie`; `-2`, `-3`… when the name is taken."""
    parts = [_ascii(issuer)] + [_ascii(word) for word in re.findall(r".{2}", doc_type)]
    base = "-".join(p for p in parts if p)[:MAX_LENGTH].strip("-") or "report"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _ascii(text: str) -> str:
    words = re.findall(r"[\u4e00-\u9fff]+|[0-9A-Za-z]+", text)
    return "-".join("".join(lazy_pinyin(w)).lower() for w in words)
