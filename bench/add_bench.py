#!/usr/bin/env python3
"""Wall time of `archive add` for 100 and 1000 reports, as staff run it (a subprocess, from cold).

usage: python bench/add_bench.py [--sizes 100 1000] [--workers 1 2] [--source DIR] [--keep DIR]

The reports are copies of the docx-gen set (`--source`, default /work/gen/docx-gen; when it is missing,
../shared/tools/docx-gen/gen.py is run over ../shared/seed and ../shared/corpus/reports-txt), each made a
different report by a numbered title, so none is a duplicate of another. For each size and worker count:
a first import into a fresh archive, then the same import again (everything unchanged: hashes only).
Prints a Markdown table. Not part of the tests.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SOURCE = Path("/work/gen/docx-gen")


def source_files(source: Path, scratch: Path) -> list[Path]:
    if not source.is_dir():
        source = scratch / "docx-gen"
        texts = sorted((SHARED / "seed").glob("*.txt")) + sorted((SHARED / "corpus" / "reports-txt").glob("*.txt"))
        if not texts:
            sys.exit(f"no {DEFAULT_SOURCE} and no ../shared to generate reports from")
        subprocess.run([sys.executable, str(SHARED / "tools" / "docx-gen" / "gen.py"), str(source), *map(str, texts)],
                       check=True, capture_output=True)
    return sorted(source.glob("*.docx"))


def distinct_copies(sources: list[Path], count: int, folder: Path) -> Path:
    """`count` reports in `folder`: the sources in turn, each a different report (its first three lines
    numbered, whichever of them the converter takes for the title; a year in every file name)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        source = sources[number % len(sources)]
        document = docx.Document(str(source))
        for line in [p for p in document.paragraphs if p.text.strip()][:3]:
            line.add_run(f"（第{number + 1}份）")
        name = source.stem if re.search(r"(?:19|20)\d{2}", source.stem) else f"2024-{source.stem}"
        document.save(str(folder / f"{name}__{number + 1:04d}.docx"))
    return folder


def timed_add(archive: Path, folder: Path, workers: int) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the command and its workers, user + system) and the summary line."""
    env = {**os.environ, "ARCHIVE_WORKERS": str(workers)}
    cpu_before = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "converter", "add", str(folder)], cwd=archive, env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-200:]
    return elapsed, _children_cpu() - cpu_before, summary


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, len(os.sched_getaffinity(0))])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="add-bench-") as temporary:
        scratch = options.keep or Path(temporary)
        sources = source_files(options.source, scratch)
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
        print("| reports | workers | first import, s | reports/s | CPU s (cores busy) | again (all unchanged), s "
              "| result of the first import |")
        print("|---:|---:|---:|---:|---:|---:|---|")
        for size in options.sizes:
            folder = distinct_copies(sources, size, scratch / f"reports-{size}")
            for workers in options.workers:
                archive = scratch / f"archive-{size}-{workers}"
                subprocess.run([sys.executable, "-m", "converter", "init", str(archive)], check=True,
                               capture_output=True)
                first, cpu, summary = timed_add(archive, folder, workers)
                again, _, _ = timed_add(archive, folder, workers)
                print(f"| {size} | {workers} | {first:.1f} | {size / first:.1f} | {cpu:.1f} ({cpu / first:.1f}) "
                      f"| {again:.1f} | {summary} |", flush=True)


if __name__ == "__main__":
    main()
