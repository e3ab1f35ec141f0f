"""The worker pool: every item gets a result; a stuck or dying worker costs its own item only."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

import converter.archive.workers
from converter.archive.workers import Lost, run_all


@pytest.fixture(autouse=True)
def fork(monkeypatch):
    monkeypatch.setattr(converter.archive.workers, "START_METHOD", "fork")  # the test functions live here


def square_or_misbehave(item):
    if item == "hang":
        time.sleep(600)
    if item == "die":
        os._exit(3)
    if isinstance(item, tuple) and item[0] == "child":  # start a grandchild, then hang
        child = subprocess.Popen(["sleep", "600"])
        Path(item[1]).write_text(str(child.pid))
        time.sleep(600)
    return item * item


def test_every_item_gets_its_result_under_its_index():
    results = dict(run_all(square_or_misbehave, [1, 2, 3, 4, 5], time_limit=30, workers=2))
    assert results == {0: 1, 1: 4, 2: 9, 3: 16, 4: 25}


def test_item_over_the_time_limit_is_lost_and_the_others_still_finish():
    started = time.monotonic()
    results = dict(run_all(square_or_misbehave, [2, "hang", 3, 4], time_limit=1.5, workers=2))
    assert results == {0: 4, 1: Lost("timeout"), 2: 9, 3: 16}
    assert time.monotonic() - started < 30


def test_worker_that_dies_is_replaced_and_its_item_reported_crashed():
    results = dict(run_all(square_or_misbehave, ["die", 2, "die", 3], time_limit=30, workers=1))
    assert results == {0: Lost("crashed"), 1: 4, 2: Lost("crashed"), 3: 9}


def test_a_timed_out_worker_takes_what_it_started_with_it(tmp_path):
    pid_file = tmp_path / "grandchild.pid"
    results = dict(run_all(square_or_misbehave, [("child", str(pid_file))], time_limit=2, workers=1))
    assert results == {0: Lost("timeout")}
    grandchild = int(pid_file.read_text())
    for _ in range(50):
        if not _alive(grandchild):
            break
        time.sleep(0.1)
    assert not _alive(grandchild)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False
