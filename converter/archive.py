"""Importing reports into an archive: pages under docs/reports/<year>/, originals beside them.

An archive is a folder with `mkdocs.yml` and `docs/`. Re-importing is always safe: a file already in
the archive (same SHA-256) is skipped.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .convert import Converted, convert_file
from .errors import ArchiveError
from .frontmatter import split_page
from .safety import publication_gate
from .sanitize import download_copy
from .slugs import report_slug

REPORTS = Path("docs") / "reports"


@dataclass
class Outcome:
    path: Path
    status: str  # "added", "unchanged", "failed", "would-add"
    message: str = ""
    page: Path | None = None
    converted: Converted | None = None


def find_docx(paths: list[Path]) -> list[Path]:
    """The files to import: files as given, folders searched for .docx (Word lock files skipped)."""
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.docx") if not p.name.startswith("~$")))
        else:
            found.append(path)
    return found


def existing_pages(root: Path) -> dict[str, Path]:
    """SHA-256 of each imported original → its page."""
    pages = {}
    for page in sorted((root / REPORTS).glob("*/*.md")):
        data, _ = split_page(page.read_text(encoding="utf-8"))
        if data.get("sha256"):
            pages[data["sha256"]] = page
    return pages


def add(root: Path, paths: list[Path], *, dry_run: bool = False, overrides: dict | None = None,
        allow_personal_data: str = "") -> list[Outcome]:
    known = existing_pages(root)
    outcomes = []
    for path in find_docx(paths):
        try:
            converted = convert_file(path, overrides)
            converted.meta.publish_override = publication_gate(path, converted.report, allow_personal_data)
        except ArchiveError as error:
            outcomes.append(Outcome(path, "failed", error.line(path)))
            continue
        if converted.meta.sha256 in known:
            outcomes.append(Outcome(path, "unchanged", page=known[converted.meta.sha256]))
            continue
        if not converted.meta.year:
            error = ArchiveError("no-year", "无法确定报告年度", "请用 --year 指定，例如 --year 2023")
            outcomes.append(Outcome(path, "failed", error.line(path)))
            continue
        page = _page_path(root, converted)
        if not dry_run:
            _write(root, path, page, converted)
        known[converted.meta.sha256] = page
        outcomes.append(Outcome(path, "would-add" if dry_run else "added", page=page, converted=converted))
    return outcomes


def _page_path(root: Path, converted: Converted) -> Path:
    folder = root / REPORTS / str(converted.meta.year)
    taken = {p.stem for p in folder.glob("*.md")} if folder.exists() else set()
    return folder / f"{report_slug(converted.meta.issuer, converted.meta.doc_type, taken)}.md"


def _write(root: Path, original: Path, page: Path, converted: Converted) -> None:
    page.parent.mkdir(parents=True, exist_ok=True)
    copy = page.with_suffix(".docx")
    clean, converted.meta.download = download_copy(original.read_bytes(), copy.name)
    _atomic_write(copy, clean)
    _atomic_write(page, converted.page().encode("utf-8"))


def _atomic_write(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def init(target: Path) -> list[Path]:
    """Create an empty archive project in `target`."""
    template = Path(__file__).parent / "data" / "project"
    created = []
    for source in sorted(template.rglob("*")):
        destination = target / source.relative_to(template)
        if source.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            created.append(destination)
    (target / "inbox").mkdir(exist_ok=True)
    (target / REPORTS).mkdir(parents=True, exist_ok=True)
    return created
