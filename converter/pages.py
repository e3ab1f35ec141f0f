"""The report pages already in an archive, and how a re-import treats them.

A page remembers what it was generated from: `sha256` of the original and `body_sha256` of the body as
written. The front matter as generated is kept in `.archive/generated/` so that a re-import can tell the
staff's corrections (which always win) from values the converter may now extract better.
"""
from __future__ import annotations

import hashlib
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .frontmatter import ReportMeta, split_page

REPORTS = Path("docs") / "reports"
STATE = Path(".archive")
# Keys that describe where the page came from: always the converter's.
MACHINE_KEYS = ("source", "sha256", "body_sha256", "sections", "sources", "download", "imported")


def body_hash(body: str) -> str:
    """SHA-256 of a page body as stored (line endings and trailing blank lines do not count as edits)."""
    return hashlib.sha256((body.replace("\r\n", "\n").rstrip() + "\n").encode("utf-8")).hexdigest()


def identity(data: dict) -> tuple | None:
    """What makes two files the same report: title, year and issuer, all known."""
    key = (data.get("title"), data.get("year"), data.get("issuer"))
    return key if all(key) else None


@dataclass
class Page:
    path: Path  # absolute
    data: dict  # front matter now (with staff's edits)
    body: str
    generated: dict | None  # front matter as generated, when known

    @property
    def edited(self) -> bool:
        return body_hash(self.body) != self.data.get("body_sha256")


@dataclass
class PageIndex:
    """Every report page, found by the hash of its original and by title, year and issuer."""

    root: Path
    by_sha: dict[str, Path] = field(default_factory=dict)
    by_identity: dict[tuple, Path] = field(default_factory=dict)
    stems: dict[Path, set[str]] = field(default_factory=dict)  # folder → page names taken

    @classmethod
    def load(cls, root: Path) -> "PageIndex":
        index = cls(root)
        for path in sorted((root / REPORTS).glob("*/*.md")):
            index.stems.setdefault(path.parent, set()).add(path.stem)
            page = index.read(path)
            if page:
                index.remember(path, page.data, page.generated)
        return index

    def read(self, path: Path) -> Page | None:
        try:
            data, body = split_page(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return None  # `archive check` reports it; its name stays taken
        return Page(path, data, body, self._generated(path)) if data else None

    def remember(self, path: Path, data: dict, generated: dict | None = None) -> None:
        self.stems.setdefault(path.parent, set()).add(path.stem)
        if data.get("sha256"):
            self.by_sha[data["sha256"]] = path
        for source in (data, generated or {}):
            if key := identity(source):
                self.by_identity[key] = path

    def same_report(self, meta: ReportMeta) -> Path | None:
        key = identity(meta.to_dict())
        return self.by_identity.get(key) if key else None

    def generated_path(self, page: Path) -> Path:
        return self.root / STATE / "generated" / page.relative_to(self.root).with_suffix(".yml")

    def _generated(self, page: Path) -> dict | None:
        try:
            return yaml.safe_load(self.generated_path(page).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            return None


def merged(new: dict, page: Page) -> dict:
    """The new front matter with every value staff changed by hand kept (and keys they removed, removed)."""
    result = dict(new)
    sources = dict(new.get("sources") or {})
    base = page.generated
    for key, value in page.data.items():
        if key in MACHINE_KEYS:
            continue
        if base is None or base.get(key) != value:
            result[key] = value
            sources[key] = "staff"
    for key in (base or {}):
        if key not in page.data and key not in MACHINE_KEYS:
            result.pop(key, None)
    result["sources"] = sources
    if page.data.get("imported"):
        result["imported"] = page.data["imported"]
    return result


class Backup:
    """`.archive/backup/<time>/…`: where a run keeps every file it is about to overwrite."""

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / STATE / "backup" / time.strftime("%Y%m%d-%H%M%S")
        number = 2
        while self.folder.exists():
            self.folder = self.folder.with_name(f"{self.folder.name.split('_')[0]}_{number}")
            number += 1

    def keep(self, *paths: Path) -> Path:
        for path in paths:
            if path.is_file():
                copy = self.folder / path.relative_to(self.root)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, copy)
        return self.folder.relative_to(self.root)
