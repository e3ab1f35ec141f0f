"""One writer at a time: `archive add`, `archive build` and the inbox take `.archive/lock` first.

The lock is a POSIX record lock (`lockf`) on that file: the kernel drops it when its process ends, however
it ends, so a lock left by a killed process never blocks anyone (there are no stale locks to clean up), and
worker processes forked while it is held do not inherit it. The file itself only says who holds the lock,
for the message.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

from converter.model.errors import ArchiveError

LOCK = Path(".archive") / "lock"


class ArchiveBusy(ArchiveError):
    pass


@contextmanager
def archive_lock(root: Path, command: str, wait: float = 0.0):
    """Hold the archive's lock while the block runs; `ArchiveBusy` when another process keeps it."""
    path = root / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(handle, path, wait)
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps(_holder(command), ensure_ascii=False).encode("utf-8"), 0)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _acquire(handle: int, path: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            if time.monotonic() >= deadline:
                raise busy(path) from None
            time.sleep(0.2)


def busy(path: Path) -> ArchiveBusy:
    """The message for a lock held by someone else, naming them when the lock file says who."""
    try:
        holder = json.loads(path.read_text(encoding="utf-8"))
        who = f"另一个“{holder['command']}”正在运行（进程 {holder['pid']}，开始于 {holder['started']}）"
    except (OSError, ValueError, KeyError, TypeError):
        who = "另一个导入或生成正在运行"
    return ArchiveBusy("busy", f"档案正忙：{who}", "请等它完成后再试")


def _holder(command: str) -> dict:
    return {"pid": os.getpid(), "command": command, "started": time.strftime("%H:%M:%S")}
