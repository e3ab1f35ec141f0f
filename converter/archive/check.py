"""`archive check` (and the first step of `archive build`): what is wrong with the archive's content.

Checks are plain functions in two lists, so adding one is adding a function:
- `PAGE_CHECKS`: `(page) -> findings` for each report page whose front matter could be read;
- `ARCHIVE_CHECKS`: `(pages) -> findings` across all of them.
A finding is an error (the build refuses to publish) or a hint (`is_error=False`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

from converter.archive.pages import read_page, report_paths
from converter.data import YAMLError
from converter.metadata.extract import SOURCE_NAMES, WEAK_SOURCES
from converter.metadata.tagging import unknown_topics
from converter.metadata.topics import ARCHIVE_TAXONOMY, Taxonomy, taxonomy_for
from converter.model.errors import ArchiveError
from converter.model.fields import LABELS, ReportMeta, read_front_matter
from converter.safety.publication import findings_in_page


@dataclass(frozen=True)
class Finding:
    page: str
    message: str
    is_error: bool = True

    def line(self) -> str:
        kind = "错误" if self.is_error else "提示"
        return f"{self.page}：{kind}：{self.message}"


@dataclass(frozen=True)
class Page:
    name: str  # relative to the archive, e.g. docs/reports/2023/qukejiju-gongzuo-zongjie.md
    path: Path
    data: dict
    body: str
    taxonomy: Taxonomy | None = None  # the archive's topics; None when its topics.yml is malformed

    @cached_property
    def fields(self) -> tuple[ReportMeta, list[str]]:
        """The page's fields (a wrong value left empty) and what is wrong with its front matter."""
        return read_front_matter(self.data)

    @property
    def meta(self) -> ReportMeta:
        return self.fields[0]


def front_matter(page: Page) -> Iterable[Finding]:
    return [Finding(page.name, problem) for problem in page.fields[1]]


def download_present(page: Page) -> Iterable[Finding]:
    download = page.meta.download
    if download and not (page.path.parent / download.file).is_file():
        return [Finding(page.name, f"找不到供下载的原件 {download.file}，请用 archive add --force 重新导入原文件")]
    return []


def same_original_twice(pages: list[Page]) -> Iterable[Finding]:
    first: dict[str, str] = {}
    for page in pages:
        sha = page.meta.sha256
        if sha and sha in first:
            yield Finding(page.name, f"与 {first[sha]} 来自同一个原文件（sha256 相同），请删除多余的一页", False)
        elif sha:
            first[sha] = page.name


def metadata_hints(page: Page) -> Iterable[Finding]:
    return [Finding(page.name, note, is_error=False) for note in metadata_notes(page.meta, page.taxonomy)]


def metadata_notes(meta: ReportMeta, taxonomy: Taxonomy | None) -> list[str]:
    """Hints for staff: values taken from weak sources (to confirm), and missing or unknown topics."""
    notes = []
    for key, source in meta.sources.items():
        if source in WEAK_SOURCES:
            notes.append(f"{LABELS.get(key, key)}“{getattr(meta, key, '')}”取自{SOURCE_NAMES[source]}，请核对；"
                         f"确认无误后把页首 sources 里的“{key}: {source}”改为“{key}: staff”")
    if not meta.topics:
        notes.append("没有主题（topics），请在页首补上，或重新导入时用 --topic 指定")
    if taxonomy is not None:
        notes.extend(n.message for n in unknown_topics(meta.topics, taxonomy))
    return notes


def publishable(page: Page) -> Iterable[Finding]:
    """Marks and personal data, also those a hand edit brought in (personal data needs a recorded reason)."""
    return [Finding(page.name, f"{f.message}。{f.fix}", f.blocking) for f in findings_in_page(page.data, page.body)]


PAGE_CHECKS: list[Callable[[Page], Iterable[Finding]]] = [front_matter, download_present, metadata_hints, publishable]
ARCHIVE_CHECKS: list[Callable[[list[Page]], Iterable[Finding]]] = [same_original_twice]


def check_archive(root: Path) -> list[Finding]:
    findings, pages = [], []
    try:
        taxonomy = taxonomy_for(root)
    except ArchiveError as error:
        findings.append(Finding(ARCHIVE_TAXONOMY, error.line()))
        taxonomy = None
    for path in report_paths(root):
        name = path.relative_to(root).as_posix()
        try:
            data, body = read_page(path)
        except (YAMLError, UnicodeDecodeError) as error:
            findings.append(Finding(name, f"页首元数据无法解析（{type(error).__name__}），请检查 YAML 格式"))
            continue
        if not data:
            findings.append(Finding(name, "缺少页首元数据（--- 包围的 YAML）"))
            continue
        pages.append(Page(name, path, data, body, taxonomy))
    for page in pages:
        for check in PAGE_CHECKS:
            findings.extend(check(page))
    for check in ARCHIVE_CHECKS:
        findings.extend(check(pages))
    return findings
