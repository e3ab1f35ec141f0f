"""The archive's catalog: every report page's front matter, read once per build, and the groupings the
index pages, relations and feeds are made from."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from converter.data import YAMLError, where
from converter.data.frontmatter import split_page
from converter.metadata.slugs import name_slug, type_slug
from converter.model.fields import DOC_TYPES, ReportMeta, problems

NO_ISSUER_LABEL = "未注明机关"
REPORTS_URI = "reports/"  # where report pages are, in docs/ and on the site
HOME, YEARS, TOPICS, ISSUERS, TYPES = "index.md", "years/index.md", "topics/index.md", "issuers/index.md", "types/index.md"
FEED = "feed.xml"


@dataclass(frozen=True)
class Entry:
    """One report page: its source path, its URL and what its front matter says."""

    src_uri: str  # e.g. "reports/2023/qukejiju-gongzuo-zongjie.md"
    meta: ReportMeta

    @property
    def issuer(self) -> str:
        return self.meta.issuer or NO_ISSUER_LABEL

    @property
    def dated(self) -> str:
        """The date a reader would call this report's date: 成文日期, else the end of its year."""
        return self.meta.date or (f"{self.meta.year}-12-31" if self.meta.year else "")

    @property
    def published(self) -> str:
        """发布日期: as staff set it, else the first import's date."""
        return self.meta.published or self.meta.imported or ""

    @property
    def added(self) -> str:
        """When the report came into the archive: what feeds and "latest" are ordered by."""
        return self.meta.imported or self.dated


class PageProblem(ValueError):
    """A report page the site cannot be built with; the message is one Chinese line for staff."""


def parse_report_page(src_uri: str, text: str) -> tuple[dict, str]:
    """A report page's front matter (empty when it has none: then it is not a report) and body.
    Raises `PageProblem` naming the page, what is wrong and what to do."""
    try:
        data, body = split_page(text)
    except YAMLError as error:
        raise PageProblem(f"{src_uri}：页首元数据{where(error, first_line=2)}不是有效的 YAML。请修正后重新生成（archive check 可列出全部问题）") from error
    found = problems(data) if data else []
    if found:
        raise PageProblem(f"{src_uri}：{''.join(found)}（archive check 可列出全部问题）")
    return data, body



def newest_first(entries) -> list[Entry]:
    """Newest year first; within a year by date (newest first), then issuer and title."""
    by_name = sorted(entries, key=lambda e: (e.issuer, e.meta.title, e.src_uri))
    return sorted(by_name, key=lambda e: (e.meta.year, e.dated), reverse=True)


def latest_added(entries, count: int) -> list[Entry]:
    by_name = sorted(entries, key=lambda e: e.src_uri)
    return sorted(by_name, key=lambda e: (e.added, e.dated), reverse=True)[:count]


def unique_slugs(names, slug_of) -> dict[str, str]:
    """An ASCII slug per name. Names whose slugs collide get a suffix that depends only on the name,
    so a page's URL never depends on which other names exist (beyond the one collision)."""
    slugs = {name: slug_of(name) for name in names}
    counts: dict[str, int] = {}
    for slug in slugs.values():
        counts[slug] = counts.get(slug, 0) + 1
    return {name: slug if counts[slug] == 1 else f"{slug}-{_short_hash(name)}" for name, slug in slugs.items()}


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


@dataclass
class Catalog:
    """All reports, grouped the ways readers browse them. Every grouping is computed once."""

    entries: list[Entry] = field(default_factory=list)

    @cached_property
    def by_src(self) -> dict[str, Entry]:
        return {e.src_uri: e for e in self.entries}

    @cached_property
    def newest(self) -> list[Entry]:
        return newest_first(self.entries)

    @cached_property
    def years(self) -> dict[int, list[Entry]]:
        return group_by_keys(self.newest, lambda e: [e.meta.year] if e.meta.year else [])

    @cached_property
    def topics(self) -> dict[str, list[Entry]]:
        return group_by_keys(self.newest, lambda e: _all_topics(e.meta))

    @cached_property
    def issuers(self) -> dict[str, list[Entry]]:
        return group_by_keys(self.newest, lambda e: [e.issuer])

    @cached_property
    def doc_types(self) -> dict[str, list[Entry]]:
        groups = group_by_keys(self.newest, lambda e: [e.meta.doc_type or "其他"])
        order = {name: i for i, name in enumerate(DOC_TYPES)}
        return dict(sorted(groups.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))

    @cached_property
    def issuer_years(self) -> dict[str, dict[int, list[Entry]]]:
        return {issuer: group_by_keys(items, lambda e: [e.meta.year]) for issuer, items in self.issuers.items()}

    @cached_property
    def topic_slugs(self) -> dict[str, str]:
        return unique_slugs(self.topics, name_slug)

    @cached_property
    def issuer_slugs(self) -> dict[str, str]:
        return unique_slugs(self.issuers, name_slug)

    @cached_property
    def type_slugs(self) -> dict[str, str]:
        return unique_slugs(self.doc_types, type_slug)

    def year_src(self, year: int) -> str:
        return f"years/{year}.md"

    def topic_src(self, topic: str) -> str:
        return f"topics/{self.topic_slugs[topic]}.md"

    def topic_year_src(self, topic: str, year: int) -> str:
        return f"topics/{self.topic_slugs[topic]}/{year}.md"

    def issuer_src(self, issuer: str) -> str:
        return f"issuers/{self.issuer_slugs[issuer]}.md"

    def type_src(self, doc_type: str) -> str:
        return f"types/{self.type_slugs[doc_type]}.md"

    def issuer_feed(self, issuer: str) -> str:
        return f"issuers/{self.issuer_slugs[issuer]}/feed.xml"

    def sorted_years(self) -> list[int]:
        return sorted(self.years, reverse=True)

    def by_pinyin(self, names, slugs: dict[str, str]) -> list[str]:
        """Names in the order a Chinese reader expects: by pinyin (their slug), then by the name."""
        return sorted(names, key=lambda name: (slugs[name], name))


def _all_topics(meta: ReportMeta) -> list[str]:
    """The report's topics plus those found only in one of its sections."""
    found = list(meta.topics)
    for section in meta.sections:
        found.extend(t for t in section.topics if t not in found)
    return found


def group_by_keys(entries: list[Entry], keys_of) -> dict:
    """Entries under each key `keys_of` gives them (none, one or several), in their order."""
    groups: dict = {}
    for entry in entries:
        for key in keys_of(entry):
            groups.setdefault(key, []).append(entry)
    return groups
