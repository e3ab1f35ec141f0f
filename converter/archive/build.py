"""Build the site with MkDocs: `archive build`, and the preview `archive serve` shows (`converter.archive.desk`).

A build goes to a temporary folder beside the site and replaces the last good site only when it succeeded
(`atomic.replace_dir`), so a failed or killed build leaves the previous site as it was.

With two or more cores `archive build` runs the content check (`check`) in a forked process while the
site is built, and the plugins render report pages and build the search index in forked workers
(`parallel`); the site is replaced only when the check found no error. With one core the check runs
first and nothing is built when it finds an error.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from converter.archive.atomic import recover_dir, replace_dir
from converter.archive.last_build import inputs_stamp, remember, unchanged
from converter.archive.lock import archive_lock
from converter.archive.pages import PAGE_READ_ERRORS, STATE, read_page, report_paths
from converter.data.frontmatter import parsing_once
from converter.model.errors import ArchiveError
from converter.site.forked import Forked

if TYPE_CHECKING:
    from converter.site.mkdocs_api import MkDocsException

LOCK_WAIT = 10.0  # seconds a build waits for an import to finish
Check = Callable[[Path], list]  # findings, each with `is_error`


def build_site(root: Path, site_dir: Path, check: Check | None = None, parallel: bool | None = None,
               when_unchanged: Callable[[], None] | None = None, clean: bool = False) -> list:
    """Build the site into `site_dir` unless `check(root)` finds an error; return the check's findings.
    With `when_unchanged`: when nothing the site is made of changed since the build that made it
    (last_build.py), call it and return that build's findings instead of building again. `clean`:
    build, and work everything out again (what earlier builds kept in .archive/build is dropped)."""
    parallel = len(os.sched_getaffinity(0)) > 1 if parallel is None else parallel
    site_dir = (root / site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with archive_lock(root, "archive build", wait=LOCK_WAIT):
        recover_dir(site_dir)
        for stale in [*site_dir.parent.glob(f".{site_dir.name}.building-*"),
                      *site_dir.parent.glob(f".{site_dir.name}.discarded-*")]:
            shutil.rmtree(stale, ignore_errors=True)  # left by a killed build: nobody else builds now
        stamp = inputs_stamp(root, site_dir, getattr(check, "__qualname__", "")) if when_unchanged else None
        if clean:
            shutil.rmtree(root / STATE / "build", ignore_errors=True)
        elif last := unchanged(root, site_dir, stamp):
            last.replay()
            when_unchanged()
            return last.findings
        remembering = partial(remember, root, site_dir, stamp)
        # the check and the site parse each page's front matter once between them, and once over builds
        with parsing_once(root / STATE / "build" / "front-matter"):
            if check and not parallel:
                findings = check(root)
                return findings if _has_error(findings) else _build_and_swap(root, site_dir, False, lambda: findings,
                                                                             remembering)
            if check:
                _parse_pages(root)  # before the fork, so that the check has them too
            # The check's findings are wanted only when the site is built: it takes the CPU the build
            # leaves (at the end, while the search index is finished), not the build's.
            checking = Forked(check, root, niceness=19) if check else None
            try:
                return _build_and_swap(root, site_dir, parallel, checking.result if checking else list, remembering)
            finally:
                if checking:
                    checking.cancel()


def _parse_pages(root: Path) -> None:
    for path in report_paths(root):
        try:
            read_page(path)
        except PAGE_READ_ERRORS:
            pass  # the check reports it


def _build_and_swap(root: Path, site_dir: Path, parallel: bool, findings_of: Callable[[], list],
                    remembering: Callable[[list, list], None] | None = None) -> list:
    """Build into a folder beside the site and put it in place when `findings_of()` (the check, maybe
    still running) has no error. Until then the build's log messages are held: a site thrown away
    because of the check says nothing of itself (as when the check ran first). `remembering(findings,
    log records)` is called once the site is in place."""
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        with _HeldLogs() as held:
            failure = _build(root, staging, parallel, site_dir)
        findings = findings_of()
        if _has_error(findings):
            return findings
        if failure:
            reason = _reason(failure)
            held.records = [r for r in held.records if r.getMessage() != reason]  # said once, below
            held.replay()
            raise ArchiveError("build-failed", f"网站生成失败：{reason}",
                               "原有网站未被改动；请按提示修正后重新生成") from failure
        held.replay()
        replace_dir(staging, site_dir, discard=_discard)
        if remembering:
            remembering(findings, held.records)
        return findings
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class _HeldLogs(logging.Handler):
    """Takes the place of the root logger's handlers for a while; `replay` gives them the records."""

    def __enter__(self) -> "_HeldLogs":
        self.records: list[logging.LogRecord] = []
        self.handlers, logging.root.handlers = logging.root.handlers, [self]
        return self

    def __exit__(self, *exc) -> None:
        logging.root.handlers = self.handlers

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def replay(self) -> None:
        for record in self.records:
            for handler in self.handlers:
                if record.levelno >= handler.level:
                    handler.handle(record)


def _build(root: Path, staging: Path, parallel: bool, live_site: Path) -> MkDocsException | None:
    """Build into `staging`; files the same as in `live_site` are linked from there (`site_files`)."""
    # Imported here: MkDocs, Material and the plugins take half a second to load, most of a build that
    # finds nothing changed.
    from converter.site.mkdocs_api import MkDocsException, mkdocs_build, replace_file_writing
    from converter.site.site_files import LinkingWriter

    writer = LinkingWriter(staging, live_site)
    restore = replace_file_writing(writer.write, writer.copy)
    try:
        config = _config(root, site_dir=str(staging))
        _set_plugins(config, parallel, live_site, root / STATE / "build")
        mkdocs_build.build(config)
    except MkDocsException as error:
        return error
    finally:
        restore()
    return None


def _reason(failure: MkDocsException) -> str:
    """What stopped MkDocs, in the staff's words where MkDocs' own are a summary in English: a plugin's
    error (MkDocs logs it, then raises "Aborted with a BuildError!"), or warnings in strict mode."""
    from converter.site.mkdocs_api import Abort, MkDocsException

    if not isinstance(failure, Abort):
        return str(failure)
    if isinstance(failure.__context__, MkDocsException):
        return str(failure.__context__)
    return "mkdocs.yml 设置了 strict（严格模式），上面的警告都要先处理" if "strict mode" in str(failure) else str(failure)


def _discard(old_site: Path) -> None:
    """The replaced site, renamed out of the way and deleted by a detached `rm -rf`: staff get their
    prompt back without waiting for thousands of files to be unlinked (a second at 1000 reports).
    Anything left over is removed by the next build."""
    trash = old_site.with_name(old_site.name.replace(".building-", ".discarded-", 1))
    os.rename(old_site, trash)
    try:
        subprocess.Popen(["rm", "-rf", "--", str(trash)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:  # no rm: delete it here
        shutil.rmtree(trash, ignore_errors=True)


def _has_error(findings: list) -> bool:
    return any(finding.is_error for finding in findings)


def _set_plugins(config, parallel: bool, live_site: Path, cache: Path) -> None:
    """Whether our plugins fork workers: only in `archive build` (the live preview has threads, so no
    forks). Set either way: MkDocs keeps a plugin with on_startup from one build to the next. The
    search plugin links unchanged index files from the site being replaced. Both keep what they worked
    out from unchanged pages in `cache` (the build and the preview share it)."""
    from converter.search.plugin import SearchPlugin
    from converter.site.plugin import ArchivePlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, (ArchivePlugin, SearchPlugin)):
            plugin.parallel = parallel
        if isinstance(plugin, ArchivePlugin):
            plugin.cache_dir, plugin.previous_site = cache, live_site
        if isinstance(plugin, SearchPlugin):
            plugin.previous, plugin.memo = live_site / "search", cache / "search-texts"


def build_preview(root: Path, preview_dir: Path) -> None:
    """The site as `archive serve` previews it: no check (the desk shows its findings), no forks (the
    server has threads) and not under the archive's lock (the folder is the server's own, and an
    `archive add` in a terminal must not wait for a preview). The last good preview stays on failure."""
    preview_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in preview_dir.parent.glob(f".{preview_dir.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a killed server: only one builds the preview
    _build_and_swap(root, preview_dir, False, list)


def _config(root: Path, **overrides):
    from converter.site.mkdocs_api import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(config_file=str(root / "mkdocs.yml"), **overrides)
