#!/usr/bin/env python3
"""Wall time of `archive add` of a folder of 100 and 1000 reports, as staff run it (a subprocess, from cold).

usage: python bench/add_bench.py [--sizes 100 1000] [--workers 1 2] [--keep]

The reports are bench/make_reports.py's, the same files the build and search benches import: the first
N of them are linked into a folder of their own. For each size and worker count (`ARCHIVE_WORKERS`):
a first import into a fresh archive, then the same import again (everything unchanged: hashes only).
Prints a Markdown table. Not part of the tests. Archives are made in bench/out/add/ and removed
afterwards unless --keep.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from make_reports import ARCHIVE, OUT, Unavailable, children_cpu, make_reports, new_archive

WORK = OUT / "add"


def report_folder(size: int) -> Path:
    """A folder holding the first `size` reports (hard links), what staff would pass to `archive add`."""
    folder = WORK / f"reports-{size}"
    docx = make_reports(size)
    if len(list(folder.glob("*.docx"))) != size:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in docx:
            try:
                os.link(path, folder / path.name)
            except OSError:
                shutil.copy(path, folder / path.name)
    return folder


def timed_add(archive: Path, folder: Path, workers: int) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the command and its workers, user + system) and the summary line."""
    env = {**os.environ, "ARCHIVE_WORKERS": str(workers)}
    cpu_before = children_cpu()
    started = time.perf_counter()
    result = subprocess.run([*ARCHIVE, "add", str(folder)], cwd=archive, env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-200:]
    return elapsed, children_cpu() - cpu_before, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, len(os.sched_getaffinity(0))])
    parser.add_argument("--keep", action="store_true", help="keep the archives in bench/out/add/")
    options = parser.parse_args()
    try:
        folders = {size: report_folder(size) for size in options.sizes}
    except Unavailable as error:
        print(f"(skipped: {error})")
        return 2
    print(f"`archive add FOLDER`, load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| reports | workers | first import, s | reports/s | CPU s (cores busy) | again (all unchanged), s "
          "| result of the first import |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for size, folder in folders.items():
        for workers in options.workers:
            archive = WORK / f"archive-{size}-{workers}"
            new_archive(archive)
            first, cpu, summary = timed_add(archive, folder, workers)
            again, _, _ = timed_add(archive, folder, workers)
            print(f"| {size} | {workers} | {first:.1f} | {size / first:.1f} | {cpu:.1f} ({cpu / first:.1f}) "
                  f"| {again:.1f} | {summary} |", flush=True)
            if not options.keep:
                shutil.rmtree(archive, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
