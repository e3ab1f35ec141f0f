"""The report pages already in an archive, and how a re-import treats them.

A page remembers what it was generated from: `sha256` of the original and `body_sha256` of the body as
written. The front matter as generated is kept in `.archive/generated/` (JSON) so that a re-import can tell the
staff's corrections (which always win) from values the converter may now extract better.
"""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from converter.archive.atomic import file_stamp, write_atomic
from converter.data import YAMLError
from converter.data.frontmatter import body_hash, split_page
from converter.metadata.index_numbers import index_number_for, split_serial
from converter.model.errors import ArchiveError
from converter.model.fields import MACHINE_KEYS, ONCE_KEYS, ReportMeta
from converter.model.values import INDEX_NUMBER_FORM

REPORTS_DIR = Path("docs") / "reports"
STATE = Path(".archive")
CACHE = STATE / "pages.json"
PAGE_READ_ERRORS = (OSError, UnicodeDecodeError, YAMLError)  # what `read_page` may raise


def report_paths(root: Path) -> list[Path]:
    """The archive's report pages, docs/reports/<year>/<name>.md, in name order."""
    return sorted((root / REPORTS_DIR).glob("*/*.md"))


def read_page(path: Path) -> tuple[dict, str]:
    """A page's front matter (empty when it has none) and body; raises one of PAGE_READ_ERRORS."""
    return split_page(path.read_text(encoding="utf-8"))


def identity(data: dict) -> tuple | None:
    """What makes two files the same report: title, year and issuer, all known."""
    key = (data.get("title"), data.get("year"), data.get("issuer"))
    return key if all(key) else None


@dataclass
class ExistingPage:
    path: Path  # absolute
    data: dict  # front matter now (with staff's edits)
    body: str
    generated: dict | None  # front matter as generated, when known

    @property
    def edited(self) -> bool:
        return body_hash(self.body) != self.data.get("body_sha256")


@dataclass(frozen=True)
class KnownPage:
    """What the importer needs to know of a page, valid while the page keeps its size and time stamp."""

    stamp: tuple  # (size, mtime_ns) of the page; () when not written (a dry run)
    sha256: str
    identities: tuple[tuple, ...]  # from its front matter now and as generated
    edited: bool
    index_number: str = ""  # 索引号


@dataclass
class PageIndex:
    """Every report page, found by the hash of its original and by title, year and issuer.

    Reading 1000 pages' YAML takes seconds, so what was read is kept in `.archive/pages.json` and only
    pages whose size or time stamp changed since are read again.
    """

    root: Path
    entries: dict[Path, KnownPage] = field(default_factory=dict)
    by_sha: dict[str, Path] = field(default_factory=dict)
    by_identity: dict[tuple, Path] = field(default_factory=dict)
    stems: dict[Path, set[str]] = field(default_factory=dict)  # folder → page names taken
    by_index_number: dict[str, Path] = field(default_factory=dict)
    highest_serial: dict[str, int] = field(default_factory=dict)  # `code/year-` → highest serial given

    @classmethod
    def load(cls, root: Path) -> "PageIndex":
        index, cached = cls(root), _read_cache(root)
        for path in report_paths(root):
            index.stems.setdefault(path.parent, set()).add(path.stem)
            entry = cached.get(path.relative_to(root).as_posix())
            if entry is None or entry.stamp != file_stamp(path):
                page = index.read(path)
                entry = page and KnownPage(file_stamp(path), page.data.get("sha256") or "",
                                           _identities(page.data, page.generated), page.edited,
                                           _index_number(page.data))
            if entry:
                index._add(path, entry)
        return index

    def read(self, path: Path) -> ExistingPage | None:
        try:
            data, body = read_page(path)
        except PAGE_READ_ERRORS:
            return None  # `archive check` reports it; its name stays taken
        return ExistingPage(path, data, body, self._generated(path)) if data else None

    def remember(self, path: Path, data: dict, generated: dict | None = None) -> None:
        """A page just written (or, in a dry run, planned) with this front matter."""
        self._add(path, KnownPage(file_stamp(path), data.get("sha256") or "", _identities(data, generated), False,
                                  _index_number(data)))

    def edited(self, path: Path) -> bool:
        return path in self.entries and self.entries[path].edited

    def same_report(self, meta: ReportMeta) -> Path | None:
        key = identity(meta.to_dict())
        return self.by_identity.get(key) if key else None

    def generated_path(self, page: Path) -> Path:
        return self.root / STATE / "generated" / page.relative_to(self.root).with_suffix(".json")

    def save(self) -> None:
        entries = {path.relative_to(self.root).as_posix(): [list(e.stamp), e.sha256, [list(i) for i in e.identities],
                                                            e.edited, e.index_number]
                   for path, e in self.entries.items() if e.stamp}
        write_atomic(self.root / CACHE, json.dumps(entries, ensure_ascii=False).encode("utf-8"))

    def _add(self, path: Path, entry: KnownPage) -> None:
        self.entries[path] = entry
        self.stems.setdefault(path.parent, set()).add(path.stem)
        if entry.sha256:
            self.by_sha[entry.sha256] = path
        for key in entry.identities:
            self.by_identity[key] = path
        if entry.index_number:
            self.by_index_number[entry.index_number] = path
            prefix, serial = split_serial(entry.index_number)
            self.highest_serial[prefix] = max(serial, self.highest_serial.get(prefix, 0))

    def _generated(self, page: Path) -> dict | None:
        try:
            return json.loads(self.generated_path(page).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None


def index_number(index: PageIndex, codes: dict[str, str], meta: ReportMeta, target: Path,
                 page: ExistingPage | None) -> str:
    """The 索引号 of a page being written: the one it has (never made again), else the one staff gave,
    else a new one, recorded at once (a dry run too) so that the next report gets the next serial.
    ArchiveError when another page has it."""
    number = (page and _index_number(page.data)) or meta.index_number
    if not number:
        number = index_number_for(meta.issuer or "", meta.year, meta.date, codes, index.highest_serial)
        prefix, serial = split_serial(number)
        index.highest_serial[prefix] = serial
    owner = index.by_index_number.get(number)
    if owner and owner != target:
        raise ArchiveError("duplicate-index-number", f"索引号 {number} 已被 {owner.relative_to(index.root).as_posix()} 使用",
                           "索引号不能重复：请在同名 .yml 文件中改正或删去“索引号”一项后再导入")
    return number


def _index_number(data: dict) -> str:
    number = data.get("index_number")
    return number if isinstance(number, str) and INDEX_NUMBER_FORM.match(number) else ""


def _identities(data: dict, generated: dict | None) -> tuple[tuple, ...]:
    return tuple(key for key in (identity(data), identity(generated or {})) if key)


def _read_cache(root: Path) -> dict[str, KnownPage]:
    try:
        cached = json.loads((root / CACHE).read_text(encoding="utf-8"))
        return {name: KnownPage(tuple(stamp), sha, tuple(tuple(i) for i in identities), edited, number)
                for name, (stamp, sha, identities, edited, number) in cached.items()}
    except (OSError, ValueError, TypeError):
        return {}


def merged(new: dict, page: ExistingPage) -> dict:
    """The new front matter with every value staff changed by hand kept (and keys they removed, removed),
    and what the first import gave once (`once` in the registry: 索引号, 发布日期, 导入日期) as the page has it."""
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
    for key in ONCE_KEYS:
        if page.data.get(key):
            result[key] = page.data[key]
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
