#!/usr/bin/env python3
"""All the benchmark tables in one run (`make bench`). Not part of the tests; nothing here asserts.

    .venv/bin/python bench/run.py [--skip convert,add,build,search,catalogue] [--quick]

Sections, each a script of its own that can also be run alone:
  convert  bench/convert_bench.py  docs/s on one core, batch and one process per file: ours, pandoc
                                   (pypandoc-binary) and markitdown on the same docx-gen files
  add      bench/add_bench.py      `archive add FOLDER` of 100 and 1000 reports, 1 worker and all cores
  build    bench/build_bench.py    `archive build` of 100 and 1000 reports: seconds, CPU, peak memory,
                                   site size, report-page size
  search   bench/search_bench.py   ../shared/tools/search-eval in Chromium on the corpus archive and the
                                   1000-report one: recall/precision, bytes, query time, index build
The reports are bench/make_reports.py's (docx-gen over the corpus texts, made distinct), one set for
add, build and search; they and the archives are kept in bench/out/. A section whose inputs are missing
(../shared, pandoc, markitdown, the search-eval Python) prints a note and the run goes on.
--quick measures 100 reports only (and the corpus archive for search).
The long fuzz run is separate: .venv/bin/python bench/fuzz_bench.py [--count 10000].
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SECTIONS = {
    "convert": ("Conversion speed (issues 2 and 3)", ["convert_bench.py"]),
    "add": ("`archive add` (issue 7)", ["add_bench.py"]),
    "build": ("`archive build` (issue 5)", ["build_bench.py"]),
    "search": ("Search (issue 6)", ["search_bench.py"]),
    "catalogue": ("政务公开 catalogue fields (issue 15)", ["catalogue_eval.py"]),
}
QUICK = {"add": ["--sizes", "100"], "build": ["--sizes", "100"], "search": ["--sizes", "corpus"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip", default="", help="comma-separated sections to leave out: " + ",".join(SECTIONS))
    parser.add_argument("--quick", action="store_true", help="100 reports only")
    args = parser.parse_args()
    skipped = {name.strip() for name in args.skip.split(",") if name.strip()}
    unknown = skipped - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    print(header())
    for name, (title, script) in SECTIONS.items():
        print(f"\n## {title}\n")
        if name in skipped:
            print("(skipped with --skip)")
            continue
        run_section(script + (QUICK.get(name, []) if args.quick else []))
    print("\nThe long fuzz run is separate: `.venv/bin/python bench/fuzz_bench.py [--count 10000]`.")
    return 0


def header() -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=BENCH, capture_output=True, text=True)
    return (f"# Benchmarks, {dt.datetime.now().isoformat(timespec='minutes')}\n\n"
            f"commit {commit.stdout.strip() or '?'}, {os.cpu_count()} cores, load average "
            f"{os.getloadavg()[0]:.1f} at the start (other work on the machine inflates wall times: "
            "CPU seconds are the steadier figure)")


def run_section(argv: list[str]) -> None:
    started = time.perf_counter()
    sys.stdout.flush()
    done = subprocess.run([sys.executable, str(BENCH / argv[0]), *argv[1:]], cwd=BENCH.parent)
    if done.returncode not in (0, 2):  # 2: the script printed why it could not measure
        print(f"\n({argv[0]} failed with exit code {done.returncode}; see its output above)")
    print(f"\n({argv[0]}: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
