"""`archive check` (and the first step of `archive build`): what is wrong with the archive's content.

Checks are plain functions in two lists, so adding one is adding a function:
- `PAGE_CHECKS`: `(page) -> findings` for each report page whose front matter could be read;
- `ARCHIVE_CHECKS`: `(pages) -> findings` across all of them.
A finding is an error (the build refuses to publish) or a hint (`is_error=False`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

from converter.archive.pages import STATE, read_page, report_paths
from converter.data import YAMLError, where
from converter.data.disk_memo import DiskMemo
from converter.data.frontmatter import split_page
from converter.metadata.extract import SOURCE_NAMES, WEAK_SOURCES
from converter.metadata.tagging import unknown_topics
from converter.metadata.topics import ARCHIVE_TAXONOMY, Taxonomy, taxonomy_for
from converter.model import Notice
from converter.model.errors import ArchiveError, printable, undecodable
from converter.model.fields import LABELS, ReportMeta, read_front_matter
from converter.model.values import shown
from converter.safety.publication import body_memo, findings_in_page

BODY_MEMO = STATE / "build" / "check-bodies"


@dataclass(frozen=True)
class CheckFinding:
    page: str
    message: str
    is_error: bool = True
    code: str = ""  # what kind of finding: the front matter's, a safety finding's, a metadata hint's code

    def line(self) -> str:
        """One line to print; a file name that is not UTF-8 is shown escaped (`\\udcff`), not as raw bytes."""
        kind = "错误" if self.is_error else "提示"
        return printable(f"{self.page}：{kind}：{self.message}")


@dataclass(frozen=True)
class CheckedPage:
    name: str  # relative to the archive, e.g. docs/reports/2023/qukejiju-gongzuo-zongjie.md
    path: Path
    data: dict
    body: str
    taxonomy: Taxonomy | None = None  # the archive's topics; None when its topics.yml is malformed
    bodies: DiskMemo | None = None  # what earlier checks found in bodies (publication.body_memo)

    @cached_property
    def fields(self) -> tuple[ReportMeta, list[str]]:
        """The page's fields (a wrong value left empty) and what is wrong with its front matter."""
        return read_front_matter(self.data)

    @property
    def meta(self) -> ReportMeta:
        return self.fields[0]


def front_matter(page: CheckedPage) -> Iterable[CheckFinding]:
    return [CheckFinding(page.name, problem, code="front-matter") for problem in page.fields[1]]


def download_present(page: CheckedPage) -> Iterable[CheckFinding]:
    download = page.meta.download
    if download and not (page.path.parent / download.file).is_file():
        return [CheckFinding(page.name, f"找不到供下载的原件 {download.file}，请用 archive add --force 重新导入原文件",
                             code="download-missing")]
    return []


def same_original_twice(pages: list[CheckedPage]) -> Iterable[CheckFinding]:
    first: dict[str, str] = {}
    for page in pages:
        sha = page.meta.sha256
        if sha and sha in first:
            yield CheckFinding(page.name, f"与 {first[sha]} 来自同一个原文件（sha256 相同），请删除多余的一页", False,
                               "same-original")
        elif sha:
            first[sha] = page.name


def index_number_twice(pages: list[CheckedPage]) -> Iterable[CheckFinding]:
    """A 索引号 is the report's permanent number in the 政务公开 catalogue: one page each."""
    first: dict[str, str] = {}
    for page in pages:
        number = page.meta.index_number
        if number and number in first:
            yield CheckFinding(page.name, f"索引号 {number} 与 {first[number]} 重复。索引号不能重复："
                               "请改正其中一页页首的 index_number（已公开的一页保持不变）", code="duplicate-index-number")
        elif number:
            first[number] = page.name


def metadata_hints(page: CheckedPage) -> Iterable[CheckFinding]:
    return [CheckFinding(page.name, note.message, False, note.code) for note in metadata_notes(page.meta, page.taxonomy)]


def metadata_notes(meta: ReportMeta, taxonomy: Taxonomy | None) -> list[Notice]:
    """Hints for staff: values taken from weak sources (to confirm), and missing or unknown topics."""
    notes = []
    for key, source in meta.sources.items():
        if source in WEAK_SOURCES:
            notes.append(Notice(f"weak-{key}", f"{LABELS.get(key, key)}{shown(getattr(meta, key, ''))}取自{SOURCE_NAMES[source]}，"
                                f"请核对；确认无误后把页首 sources 里的“{key}: {source}”改为“{key}: staff”"))
    if not meta.topics:
        notes.append(Notice("no-topics", "没有主题（topics），请在页首补上，或重新导入时用 --topic 指定"))
    if not meta.index_number:
        notes.append(Notice("no-index_number", "没有索引号（index_number）：用 archive add --force 重新导入原文件即可生成，"
                                               "或在页首填写“index_number: 机构代码/年份-流水号”"))
    if taxonomy is not None:
        notes.extend(unknown_topics(meta.topics, taxonomy))
    return notes


def publishable(page: CheckedPage) -> Iterable[CheckFinding]:
    """Marks and personal data, also those a hand edit brought in (personal data needs a recorded reason)."""
    return [CheckFinding(page.name, f"{f.message}。{f.fix}", f.blocking, f.code) for f in findings_in_page(page.data, page.body, page.bodies)]


PAGE_CHECKS: list[Callable[[CheckedPage], Iterable[CheckFinding]]] = [front_matter, download_present, metadata_hints, publishable]
ARCHIVE_CHECKS: list[Callable[[list[CheckedPage]], Iterable[CheckFinding]]] = [same_original_twice, index_number_twice]


def check_archive(root: Path) -> list[CheckFinding]:
    findings, pages = [], []
    taxonomy = archive_taxonomy(root, findings)
    bodies = body_memo(root / BODY_MEMO)
    for path in report_paths(root):
        page = checked_page(root, path, taxonomy, bodies=bodies)
        (findings if isinstance(page, CheckFinding) else pages).append(page)
    for page in pages:
        findings.extend(page_findings(page))
    for check in ARCHIVE_CHECKS:
        findings.extend(check(pages))
    findings.extend(undecodable_names(root))
    bodies.save()
    return findings


def undecodable_names(root: Path) -> list[CheckFinding]:
    """Files under docs/ whose names are not UTF-8 (copied from a disk written in another encoding):
    they have no address on the site, so the build cannot make it."""
    return [CheckFinding(Path(folder, name).relative_to(root).as_posix(),
                         "文件名含有无法识别的字符（不是 UTF-8 编码），网站无法生成：请把它改成正常的中文或英文名称",
                         code="bad-file-name")
            for folder, dirs, names in os.walk(root / "docs") for name in sorted(dirs + names) if undecodable(name)]


def archive_taxonomy(root: Path, findings: list[CheckFinding]) -> Taxonomy | None:
    """The archive's topics; None (and the finding) when its topics.yml is malformed."""
    try:
        return taxonomy_for(root)
    except ArchiveError as error:
        findings.append(CheckFinding(ARCHIVE_TAXONOMY, error.line(), code=error.code))
        return None


def checked_page(root: Path, path: Path, taxonomy: Taxonomy | None, text: str | None = None,
                 bodies: DiskMemo | None = None) -> CheckedPage | CheckFinding:
    """A page ready for `PAGE_CHECKS` (read from disk, or `text` when the caller has read it), or the finding
    that its front matter cannot be read."""
    name = path.relative_to(root).as_posix()
    try:
        data, body = read_page(path) if text is None else split_page(text)
    except (YAMLError, UnicodeDecodeError) as error:
        problem = "不是 UTF-8 编码的文字，请用 UTF-8 保存" if isinstance(error, UnicodeDecodeError) \
            else f"页首元数据{where(error, first_line=2)}不是有效的 YAML，请检查缩进、冒号和引号"
        return CheckFinding(name, problem, code="bad-yaml")
    if not data:
        return CheckFinding(name, "缺少页首元数据（--- 包围的 YAML）", code="no-front-matter")
    return CheckedPage(name, path, data, body, taxonomy, bodies)


def page_findings(page: CheckedPage) -> list[CheckFinding]:
    """What `archive check` says of one page (the archive-wide checks aside)."""
    return [finding for check in PAGE_CHECKS for finding in check(page)]
