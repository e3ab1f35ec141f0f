"""The inbox: staff drop a report (any format `archive add` takes) into `inbox/`, `archive serve` imports it.

A file is taken once its size and time stamp have stayed the same for `SETTLE` seconds (copies from a
shared drive take time). Imported files move to `inbox/已导入/` (never deleted); a file that fails stays
where it is with `<name>.错误.txt` beside it saying what is wrong and what to do, and is tried again when
it changes. The note goes away when the file is imported or taken out of the inbox.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Callable

from converter.archive.atomic import file_stamp, write_atomic
from converter.archive.importer import Outcome, add
from converter.archive.lock import ArchiveBusy
from converter.archive.prepare import program_error
from converter.metadata.overrides import sidecar_path
from converter.reading.intake import NOTE_SUFFIX, is_candidate

INBOX = "inbox"
DONE = "已导入"
SETTLE = 1.5  # seconds a file must stay unchanged
POLL = 0.5
log = logging.getLogger(__name__)


class Inbox:
    def __init__(self, root: Path, on_outcome: Callable[[Outcome], None] = lambda outcome: None,
                 settle: float = SETTLE):
        self.folder = root / INBOX
        self.root, self.on_outcome, self.settle = root, on_outcome, settle
        self.seen: dict[Path, tuple[tuple, float]] = {}  # file → (its stamp, since when)
        self.failed: dict[Path, tuple] = {}  # file → its stamp when it failed

    def watch(self, stop: threading.Event, interval: float = POLL) -> None:
        self.folder.mkdir(exist_ok=True)
        while not stop.is_set():
            try:
                self.poll()
            except Exception as error:  # keep watching: one bad round must not end the preview's inbox
                log.error("收件箱：%s", program_error(None, error), exc_info=log.isEnabledFor(logging.INFO))
            stop.wait(interval)

    def poll(self) -> list[Outcome]:
        """One look at the inbox: import what has settled; the outcomes of this round."""
        self._drop_orphan_notes()
        ready = [path for path in self._settled() if self.failed.get(path) != file_stamp(path)]
        if not ready:
            return []
        try:
            outcomes = add(self.root, ready)
        except ArchiveBusy:
            return []  # an `archive add` is running: next round
        for outcome in outcomes:
            self._file(outcome)
            self.on_outcome(outcome)
        return outcomes

    def _settled(self) -> list[Path]:
        now, settled, current = time.monotonic(), [], {}
        for path in sorted(self.folder.glob("*")) if self.folder.is_dir() else ():
            if not is_candidate(path):
                continue
            stamp = file_stamp(path)
            previous = self.seen.get(path)
            since = previous[1] if previous and previous[0] == stamp else now
            current[path] = (stamp, since)
            if now - since >= self.settle:
                settled.append(path)
        self.seen = current
        return settled

    def _file(self, outcome: Outcome) -> None:
        path, note = outcome.path, _note(outcome.path)
        if outcome.status == "failed":
            self.failed[path] = file_stamp(path)
            write_atomic(note, _note_text(outcome).encode("utf-8"))
            return
        self.failed.pop(path, None)
        note.unlink(missing_ok=True)
        done = _free_name(self.folder / DONE / path.name)
        done.parent.mkdir(exist_ok=True)
        path.replace(done)
        sidecar = sidecar_path(path)
        if sidecar is not None:
            sidecar.replace(_free_name(done.with_suffix(sidecar.suffix)))

    def _drop_orphan_notes(self) -> None:
        for note in self.folder.glob(f"*{NOTE_SUFFIX}") if self.folder.is_dir() else ():
            if not note.with_name(note.name[: -len(NOTE_SUFFIX)]).exists():
                note.unlink(missing_ok=True)


def _note(path: Path) -> Path:
    return path.with_name(path.name + NOTE_SUFFIX)


def _note_text(outcome: Outcome) -> str:
    return (f"{outcome.message}\n\n"
            f"（{time.strftime('%Y-%m-%d %H:%M:%S')} 导入失败。按上面的办法处理后，把文件重新放进 inbox 文件夹"
            "（覆盖原文件）即可自动重试；导入成功后本说明会自动删除。）\n")


def _free_name(path: Path) -> Path:
    """`path`, or `name (2).docx`, `name (3).docx`… when that is taken."""
    number = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate
