"""Files staff drop on the desk: kept in `inbox/网页上传/` under generated names, imported by the same
importer as `archive add` (its workers, limits and messages), one entry each in a ledger the desk lists.

The ledger (`.archive/desk-uploads.json`) remembers the name staff gave each file, what became of it and,
for a refused file, what staff decided: a reason to publish personal data (`publish_override`, as
`--allow-personal-data` records it), the year when none could be found, or to replace the report it
duplicates (`--force`). A file imported is removed from the upload folder (the importer keeps the
original in `.archive/originals/`); a refused one stays until staff remove it from the list.
"""
from __future__ import annotations

import json
import os
import secrets
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from converter.archive.atomic import write_atomic
from converter.archive.desk.guard import safe_id
from converter.archive.importer import Outcome, add
from converter.archive.lock import ArchiveBusy
from converter.archive.pages import STATE
from converter.archive.prepare import program_error
from converter.model.errors import ArchiveError
from converter.reading.intake import DOCUMENT_SUFFIXES
from converter.reading.package_limits import MAX_FILE_BYTES

FOLDER = Path("inbox") / "网页上传"
LEDGER = STATE / "desk-uploads.json"
MAX_WAITING = 100  # files received and not yet imported
CHUNK = 1 << 20
DONE = ("added", "updated", "unchanged")


@dataclass
class Upload:
    id: str
    name: str  # as staff gave it: shown, and the page's `source`
    suffix: str  # one of the importer's suffixes
    size: int
    received: float
    status: str = "waiting"  # "importing", then an Outcome's status
    code: str = ""  # a failure's code ("personal-data", "no-year", "duplicate", …)
    message: str = ""  # a failure's one line
    page: str = ""  # the report page, relative to the archive
    warnings: list[str] = field(default_factory=list)
    overrides: dict = field(default_factory=dict)  # what staff decided for a refused file
    force: bool = False


class Uploads:
    def __init__(self, root: Path, on_change=lambda: None):
        self.root, self.on_change = root, on_change
        self.folder = root / FOLDER
        self.entries: dict[str, Upload] = _load(root)
        self._lock = threading.Lock()
        self._wake = threading.Event()

    def listed(self) -> list[Upload]:
        """The entries as they are now (other threads change them)."""
        with self._lock:
            return [Upload(**asdict(u)) for u in self.entries.values()]

    def path(self, upload: Upload) -> Path:
        return self.folder / f"{upload.id}{upload.suffix}"  # generated: never a name from the browser

    def receive(self, name: str, suffix: str, length: int, stream) -> Upload:
        """Store a file of `length` bytes read from `stream`; `ArchiveError` when over a limit."""
        if length > MAX_FILE_BYTES:
            raise ArchiveError("too-large", f"{name}：文件超过 {MAX_FILE_BYTES >> 20} MB，不能上传", "请确认选对了文件")
        with self._lock:
            if sum(u.status in ("waiting", "importing") for u in self.entries.values()) >= MAX_WAITING:
                raise ArchiveError("too-many", f"{name}：已有 {MAX_WAITING} 个文件等待导入", "请等这些文件导入后再上传")
        upload = Upload(secrets.token_hex(8), name, suffix, length, time.time())
        _store(self.path(upload), length, stream)
        with self._lock:
            self.entries[upload.id] = upload
            self._save()
        self._wake.set()
        self.on_change()
        return upload

    def decide(self, upload_id: str, overrides: dict, force: bool = False) -> Upload | None:
        """Import a refused file again with what staff decided."""
        with self._lock:
            upload = self.entries.get(upload_id)
            if upload is None or upload.status != "failed" or not self.path(upload).is_file():
                return None
            upload.overrides, upload.force, upload.status = {**upload.overrides, **overrides}, force, "waiting"
            self._save()
        self._wake.set()
        self.on_change()
        return upload

    def dismiss(self, upload_id: str) -> bool:
        """Take a refused (or imported) file off the list, and out of the upload folder."""
        with self._lock:
            upload = self.entries.get(upload_id)
            if upload is None or upload.status in ("waiting", "importing"):
                return False
            self.path(upload).unlink(missing_ok=True)
            del self.entries[upload_id]
            self._save()
        self.on_change()
        return True

    def watch(self, stop: threading.Event) -> None:
        """Import what is waiting, a batch at a time; when an `archive add` holds the archive, wait."""
        while not stop.is_set():
            self._wake.wait(1.0)
            self._wake.clear()
            with self._lock:
                batch = [u for u in self.entries.values() if u.status == "waiting"]
            for group in _groups(batch):
                try:
                    self._import(group)
                except ArchiveBusy:
                    self._mark(group, "waiting")
                    stop.wait(1.0)
                    self._wake.set()
                except Exception as error:  # a bug costs these files only, and says so
                    for upload in group:
                        failed = Outcome(self.path(upload), "failed", program_error(upload.name, error), "bug")
                        self._filed(upload, failed)

    def _import(self, group: list[Upload]) -> None:
        self._mark(group, "importing")
        by_path = {self.path(u): u for u in group}
        add(self.root, list(by_path), overrides=group[0].overrides, force=group[0].force,
            names={path: u.name for path, u in by_path.items()}, on_outcome=lambda o: self._filed(by_path[o.path], o))

    def _filed(self, upload: Upload, outcome: Outcome) -> None:
        with self._lock:
            upload.status, upload.code, upload.message = outcome.status, outcome.code, outcome.message
            upload.page = outcome.page.as_posix() if outcome.page else ""
            upload.warnings = [w.message for w in outcome.warnings]
            if outcome.status in DONE:
                self.path(upload).unlink(missing_ok=True)
            self._save()
        self.on_change()

    def _mark(self, group: list[Upload], status: str) -> None:
        with self._lock:
            for upload in group:
                upload.status = status
            self._save()
        self.on_change()

    def _save(self) -> None:
        entries = [asdict(u) for u in self.entries.values()]
        write_atomic(self.root / LEDGER, json.dumps(entries, ensure_ascii=False).encode("utf-8"))


def _groups(batch: list[Upload]) -> list[list[Upload]]:
    """Plain uploads in one import (the workers share them); each decided file on its own."""
    plain = [u for u in batch if not u.overrides and not u.force]
    return ([plain] if plain else []) + [[u] for u in batch if u.overrides or u.force]


def discard(stream, length: int) -> None:
    """Read and drop up to `length` bytes (at most a file's limit) of a request that was refused."""
    left = min(length, MAX_FILE_BYTES)
    while left:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            return
        left -= len(chunk)


def _store(target: Path, length: int, stream) -> None:
    """Exactly `length` bytes from `stream` into `target`, through a temporary file (nothing is left
    when the browser stops sending)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as out:
            left = length
            while left:
                chunk = stream.read(min(CHUNK, left))
                if not chunk:
                    raise ArchiveError("upload-cut", "上传中断，文件不完整", "请重新上传")
                out.write(chunk)
                left -= len(chunk)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _load(root: Path) -> dict[str, Upload]:
    """The ledger as the last server left it, without the files imported (they are pages now); a file it
    was importing is imported again."""
    try:
        entries = [Upload(**entry) for entry in json.loads((root / LEDGER).read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return {}
    for upload in entries:
        if upload.status == "importing":
            upload.status = "waiting"
    return {u.id: u for u in entries if u.status not in DONE and safe_id(u.id) and u.suffix in DOCUMENT_SUFFIXES
            and (root / FOLDER / f"{u.id}{u.suffix}").is_file()}
