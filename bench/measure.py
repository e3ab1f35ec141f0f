"""Run a command and measure it: wall seconds, CPU seconds (user + system of the command and every
process it waited for), and peak memory summed over all its processes.

Memory is sampled every 50 ms from /proc: for every process of the command's process group, its
resident set (RSS) and its proportional set (PSS: pages shared between forked processes counted once,
split between them). The peak of the summed PSS is the memory the command really needed; the summed
RSS counts shared pages once per process (an upper bound). The largest single process's peak RSS is
given too (what `ru_maxrss` says).
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class Measured:
    wall: float
    cpu: float
    peak_pss_mb: float  # summed over the processes, at the worst moment
    peak_rss_mb: float  # summed RSS (shared pages counted in every process)
    largest_mb: float  # the largest process's peak RSS
    status: int


def measure(command: list[str], cwd: Path, env: dict | None = None, interval: float = 0.05,
            preexec_fn=None) -> Measured:
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, start_new_session=True, preexec_fn=preexec_fn)
    peaks = {"pss": 0, "rss": 0}
    done = threading.Event()
    sampler = threading.Thread(target=_sample, args=(child.pid, peaks, done, interval), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    return Measured(wall, usage.ru_utime + usage.ru_stime, peaks["pss"] / 1024, peaks["rss"] / 1024,
                    usage.ru_maxrss / 1024, status)


def _sample(group: int, peaks: dict, done: threading.Event, interval: float) -> None:
    while not done.is_set():
        pss = rss = 0
        for pid in _members(group):
            pss += _pss_kb(pid)
            rss += _rss_kb(pid)
        peaks["pss"], peaks["rss"] = max(peaks["pss"], pss), max(peaks["rss"], rss)
        done.wait(interval)


def _members(group: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == group:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_KB
    except OSError:
        return 0
