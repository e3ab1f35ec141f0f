"""The archive's catalog: every report page's front matter, read once per build."""
from __future__ import annotations

from dataclasses import dataclass

from ..frontmatter import ReportMeta, split_page


@dataclass(frozen=True)
class Entry:
    """One report page: where it is and what its front matter says."""

    src_uri: str  # e.g. "reports/2023/qukejiju-gongzuo-zongjie.md"
    meta: ReportMeta

    @property
    def url(self) -> str:
        return self.src_uri[: -len(".md")] + "/"


def entry_from_page(src_uri: str, text: str) -> Entry | None:
    data, _ = split_page(text)
    if not data:
        return None
    return Entry(src_uri=src_uri, meta=ReportMeta.from_dict(data))


def by_year(entries: list[Entry]) -> dict[int, list[Entry]]:
    years: dict[int, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: (-e.meta.year, e.meta.title)):
        years.setdefault(entry.meta.year, []).append(entry)
    return years
