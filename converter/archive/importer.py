"""Importing reports into an archive: pages under docs/reports/<year>/, the published original beside them.

An archive is a folder with `mkdocs.yml` and `docs/`. Re-importing is always safe: a file already in the
archive (same SHA-256) is skipped; a page staff edited is never overwritten without `force`, and `force`
keeps a backup. Files are converted in worker processes (`prepare`), filed here, one at a time, in order.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import traceback
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from converter.archive.atomic import write_atomic
from converter.archive.batch import convert_office_files, with_formats
from converter.archive.beside import image_to_write, published_beside, remove_replaced
from converter.archive.lock import archive_lock
from converter.archive.pages import REPORTS_DIR, STATE, Backup, ExistingPage, PageIndex, index_number, merged
from converter.archive.prepare import CHANGED, IMAGE_FOLDER, Failed, Job, Prepared, prepare, program_error
from converter.archive.workers import Lost, default_workers, run_all
from converter.data.frontmatter import join_page
from converter.metadata.index_numbers import organisation_codes
from converter.metadata.slugs import report_slug
from converter.model import Notice
from converter.model.errors import ArchiveError
from converter.model.fields import Download, ReportMeta, read_front_matter
from converter.reading.intake import is_candidate, read_original
from converter.reading.package_limits import TIME_LIMIT_SECONDS

FILE_TIME_LIMIT = float(TIME_LIMIT_SECONDS)  # per file; the environment variable ARCHIVE_FILE_TIME_LIMIT overrides


@dataclass
class Outcome:
    path: Path
    status: str  # "added", "updated", "unchanged", "failed"
    message: str = ""  # failed: the staff's one line
    code: str = ""  # failed: what kind of failure ("personal-data", "no-year", "duplicate", …: ArchiveError.code)
    detail: str = ""  # failed: more, for -v
    page: Path | None = None  # relative to the archive
    meta: ReportMeta | None = None
    warnings: tuple[Notice, ...] = ()  # what staff should look at, with their codes
    backup: Path | None = None  # where the overwritten page was kept
    edited: bool = False  # the page carries hand edits


def find_files(paths: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """The files to import (folders searched for Word documents), and outcomes for empty folders."""
    found, empty = [], []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if is_candidate(p))
            found.extend(files)
            if not files:
                error = ArchiveError("empty-folder", "这个文件夹里没有可导入的报告文件",
                                     "可导入 .docx、.doc、.wps、.rtf、.odt、.pdf、.html、.mht 和 .txt 文件；请检查文件夹是否正确")
                empty.append(Outcome(path, "failed", error.line(path), error.code))
        else:
            found.append(path)
    return found, empty


def add(root: Path, paths: list[Path], *, dry_run: bool = False, force: bool = False,
        overrides: dict | None = None, on_outcome: Callable[[Outcome], None] = lambda outcome: None,
        on_start: Callable[[int], None] = lambda count: None, time_limit: float | None = None,
        workers: int | None = None, names: dict[Path, str] | None = None,
        on_converting: Callable[[int, int], None] = lambda done, total: None) -> list[Outcome]:
    """Import files and folders. `on_start` hears how many files there are; `on_converting` how many of
    the office files (.doc, .wps, .rtf, .odt) LibreOffice has converted, before the others are read;
    `on_outcome` of each file as soon as it is filed, in order. `names`: the name staff gave a file stored
    under another (an upload)."""
    time_limit = time_limit or float(os.environ.get("ARCHIVE_FILE_TIME_LIMIT") or FILE_TIME_LIMIT)
    files, outcomes = find_files(paths)
    on_start(len(files))
    for outcome in outcomes:
        on_outcome(outcome)
    with nullcontext() if dry_run else archive_lock(root, "archive add"):
        importer = Importer(root, dry_run=dry_run, force=force, names=names, on_converting=on_converting)
        try:
            for outcome in importer.run(files, overrides or {}, time_limit, workers):
                on_outcome(outcome)
                outcomes.append(outcome)
        finally:
            if not dry_run:
                importer.index.save()
    return outcomes


class Importer:
    def __init__(self, root: Path, *, dry_run: bool, force: bool, names: dict[Path, str] | None = None,
                 on_converting: Callable[[int, int], None] = lambda done, total: None):
        self.root, self.dry_run, self.force, self.names = root, dry_run, force, names or {}
        self.on_converting = on_converting
        self.index = PageIndex.load(root)
        self.backup = Backup(root)
        self.today, self.codes = dt.date.today().isoformat(), organisation_codes(root)

    def run(self, files: list[Path], overrides: dict, time_limit: float, workers: int | None):
        """Outcomes in the order of `files`: hashes first (unchanged files are never converted)."""
        early: dict[int, Outcome] = {}
        jobs: dict[int, Job] = {}
        for number, path in enumerate(files):
            try:
                sha = hashlib.sha256(read_original(path)).hexdigest()
            except ArchiveError as error:
                early[number] = Outcome(path, "failed", error.line(self.names.get(path, path)), error.code)
                continue
            if sha in self.index.by_sha and not self.force:
                early[number] = self._unchanged(path, self.index.by_sha[sha])
            else:
                jobs[number] = Job(path, sha, overrides, self.root, name=self.names.get(path, ""), time_limit=time_limit)
        with tempfile.TemporaryDirectory(prefix="archive-office-") as workdir:
            jobs, refused = convert_office_files(with_formats(jobs), Path(workdir), time_limit,
                                                 workers or default_workers(), self.on_converting)
            early.update({n: Outcome(files[n], "failed", error.line(self.names.get(files[n], files[n])), error.code) for n, error in refused.items()})
            yield from self._in_order(files, early, jobs, time_limit, workers)

    def _in_order(self, files: list[Path], early: dict[int, Outcome], jobs: dict[int, Job], time_limit: float,
                  workers: int | None):
        done: dict[int, Prepared | Failed | Lost] = {}
        numbers = list(jobs)
        results = run_all(prepare, list(jobs.values()), time_limit=lambda job: job.time_limit,
                          workers=workers) if jobs else ()
        following = 0
        for job_number, result in results:
            done[numbers[job_number]] = result
            while following < len(files) and (following in early or following in done):
                limit = jobs[following].time_limit if following in jobs else time_limit
                yield early.pop(following, None) or self.file(files[following], done.pop(following), limit)
                following += 1
        for number in range(following, len(files)):
            yield early[number]

    def file(self, path: Path, result: Prepared | Failed | Lost, time_limit: float) -> Outcome:
        shown = self.names.get(path, path)
        if isinstance(result, Lost):
            return Outcome(path, "failed", lost_line(shown, result, time_limit), code=result.reason)
        if isinstance(result, Failed):
            return Outcome(path, "failed", result.line, result.code, result.detail)
        try:
            return self._file(path, result)
        except ArchiveError as error:
            return Outcome(path, "failed", error.line(shown), error.code)
        except OSError as error:  # the archive's own disk: full, read-only, no permission
            failed = ArchiveError("write-failed", "无法写入档案（磁盘已满、没有写入权限或文件夹有问题）",
                                  "请检查磁盘空间和档案文件夹的写入权限后重试")
            return Outcome(path, "failed", failed.line(shown), failed.code, f"{type(error).__name__}: {error}")
        except Exception as error:  # a bug costs this file only
            return Outcome(path, "failed", program_error(shown, error), "bug", traceback.format_exc())

    def _file(self, path: Path, prepared: Prepared) -> Outcome:
        known = self.index.by_sha.get(prepared.meta.sha256)
        if known and not self.force:
            return self._unchanged(path, known)  # the same file twice in one run
        target, page = self._existing(known, prepared)
        target = target or self._new_page(prepared.meta)
        folder = target.parent / IMAGE_FOLDER
        images = [i for i in (image_to_write(folder, image, bool(page)) for image in prepared.images) if i]
        generated = self._front_matter(prepared, target, page)
        data = merged(generated, page) if page else generated
        text = join_page(data, prepared.body)
        if page and target.read_text(encoding="utf-8") == text:
            return self._unchanged(path, target)
        replaced = published_beside(target, page.data if page else {})
        backup = self.backup.keep(target, *replaced, self.index.generated_path(target),
                                  *(image for image, _ in images)) if page and not self.dry_run else None
        if not self.dry_run:
            self._write(path, target, prepared, images, generated, text)
            remove_replaced(replaced, target, prepared)
        self.index.remember(target, data, generated)
        return Outcome(path, "updated" if page else "added", page=target.relative_to(self.root),
                       meta=read_front_matter(data)[0], warnings=prepared.warnings, backup=backup,
                       edited=bool(page and page.edited))

    def _existing(self, known: Path | None, prepared: Prepared) -> tuple[Path | None, ExistingPage | None]:
        """The page this file replaces (`force` only), if any: of the same original, or of the same report."""
        target = known or self.index.same_report(prepared.meta)
        if target and not known and not self.force:
            raise duplicate(target.relative_to(self.root))
        page = self.index.read(target) if target else None
        reason = prepared.meta.publish_override or (page.data.get("publish_override") if page else "")
        if prepared.personal and not reason:
            raise personal_data(prepared.personal)
        return target, page

    def _unchanged(self, path: Path, target: Path) -> Outcome:
        return Outcome(path, "unchanged", page=target.relative_to(self.root), edited=self.index.edited(target))

    def _new_page(self, meta: ReportMeta) -> Path:
        folder = self.root / REPORTS_DIR / str(meta.year)
        return folder / f"{report_slug(meta.issuer, meta.doc_type, self.index.stems.get(folder, set()), title=meta.title)}.md"

    def _front_matter(self, prepared: Prepared, target: Path, page: ExistingPage | None) -> dict:
        copy = prepared.download
        download = Download(file=target.with_suffix(copy.suffix).name, size=len(copy.data),
                            sha256=hashlib.sha256(copy.data).hexdigest()) if copy else None
        meta, number = prepared.meta, index_number(self.index, self.codes, prepared.meta, target, page)
        return replace(meta, download=download, imported=self.today, published=meta.published or self.today,
                       index_number=number).to_dict()

    def _write(self, original: Path, page: Path, prepared: Prepared, images: list[tuple[Path, bytes]],
               generated: dict, text: str) -> None:
        """Everything the page refers to first, the page last: a killed import leaves no page without them."""
        received = read_original(original)
        if hashlib.sha256(received).hexdigest() != prepared.meta.sha256:
            raise ArchiveError(*CHANGED)
        for target, data in images:
            write_atomic(target, data)
        if prepared.download:
            write_atomic(page.with_suffix(prepared.download.suffix), prepared.download.data)
        write_atomic(self.root / STATE / "originals" / f"{prepared.meta.sha256}{original.suffix.lower()}", received)
        write_atomic(self.index.generated_path(page), json.dumps(generated, ensure_ascii=False).encode("utf-8"))
        write_atomic(page, text.encode("utf-8"))


def duplicate(page: Path) -> ArchiveError:
    return ArchiveError("duplicate", f"与已导入的 {page.as_posix()} 是同一份报告（标题、年度、发文机关相同），但内容不同",
                        "如要用这个新版本替换，请加 --force（原页面会先备份）")


def personal_data(findings: tuple[str, ...]) -> ArchiveError:
    return ArchiveError("personal-data", "含个人信息：" + "；".join(findings),
                        "请删除后再导入；如确需公开，请加 --allow-personal-data \"理由\"，"
                        "或在同名 .yml 文件中写明“公开理由: …”，理由会记入页面元数据")


def lost_line(path: Path | str, lost: Lost, time_limit: float) -> str:
    if lost.reason == "timeout":
        error = ArchiveError("timeout", f"处理超时（超过 {time_limit:g} 秒），文件可能过大或结构异常",
                             "请用 Word 另存为新的 .docx 后再导入；如仍超时，请联系技术支持")
    else:
        error = ArchiveError("crashed", "处理时程序意外退出（文件可能结构异常）",
                             "请用 Word 另存为新的 .docx 后再导入；如仍失败，请联系技术支持")
    return error.line(path)
