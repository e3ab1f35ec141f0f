"""The archive lock: one writer at a time, a clear message when busy, never a stale lock."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from converter.archive.lock import ArchiveBusy, archive_lock, busy

HOLD = ("import sys; from pathlib import Path; from converter.archive.lock import archive_lock\n"
        "with archive_lock(Path(sys.argv[1]), 'archive add'):\n"
        "    print('holding', flush=True)\n"
        "    sys.stdin.read()\n")


def hold(root: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(root)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "holding\n"
    return holder


def test_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path):
    holder = hold(tmp_path)
    try:
        with pytest.raises(ArchiveBusy) as refused:
            with archive_lock(tmp_path, "archive add"):
                pass
        assert refused.value.line().startswith(f"档案正忙：另一个“archive add”正在运行（进程 {holder.pid}，开始于 ")
    finally:
        holder.stdin.close()
        holder.wait()
    with archive_lock(tmp_path, "archive add"):
        pass


def test_lock_of_a_killed_process_does_not_block_anyone(tmp_path):
    holder = hold(tmp_path)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert (tmp_path / ".archive" / "lock").exists()  # the file stays; the lock went with the process
    with archive_lock(tmp_path, "archive add"):
        pass


def test_waiting_writer_gets_the_lock_when_the_holder_finishes(tmp_path):
    holder = hold(tmp_path)
    started = time.monotonic()
    subprocess.Popen(["sh", "-c", f"sleep 0.5; kill {holder.pid}"])
    with archive_lock(tmp_path, "archive build", wait=20):
        assert 0.3 < time.monotonic() - started < 20
    holder.wait()


def test_busy_message_without_readable_holder_details_is_still_plain(tmp_path):
    (tmp_path / "lock").write_text("garbage")
    assert busy(tmp_path / "lock").line() == "档案正忙：另一个导入或生成正在运行。请等它完成后再试。"
