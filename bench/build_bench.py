#!/usr/bin/env python3
"""How `archive build` scales: build time, peak memory, site size and report-page size at 100 and
1000 reports (distinct, realistic reports from bench/make_reports.py, imported with `archive add`).

    python bench/build_bench.py [--sizes 100 1000] [--repeat 2] [--profile] [--fresh]

Each size is built once into an empty folder, then rebuilt (which replaces the last site, as staff
do). CPU seconds (user + system) are steadier than wall seconds on a shared machine.
Archives are kept in bench/out/ and reused (importing 1000 reports takes a while); --fresh re-imports.
--profile builds the largest archive once more under cProfile and prints where the time goes.
Not a test: it prints tables; the targets (1000 reports in <= 10 s, <= 40 KB of HTML around a
report's text) are read by people.
"""
from __future__ import annotations

import argparse
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from make_reports import make_reports

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
ARCHIVE = [sys.executable, "-m", "converter"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=1, help="rebuilds per size (the fastest is shown)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--fresh", action="store_true", help="import the reports again")
    args = parser.parse_args()
    docx = make_reports(max(args.sizes), OUT / f"reports-{max(args.sizes)}")
    rows = [measure(size, docx[:size], args.repeat, args.fresh) for size in args.sizes]
    print_table(rows)
    if args.profile:
        profile(OUT / f"archive-{max(args.sizes)}")
    return 0


def measure(size: int, docx: list[Path], repeat: int, fresh: bool) -> dict:
    archive = OUT / f"archive-{size}"
    imported = import_reports(archive, docx, fresh)
    shutil.rmtree(archive / "site", ignore_errors=True)
    first = timed_build(archive)  # into an empty folder
    seconds, cpu, peak_kb = min(timed_build(archive) for _ in range(repeat))  # replacing the last site
    pages = sorted((archive / "site" / "reports").glob("*/*/index.html"))
    sizes = [p.stat().st_size for p in pages]
    return {
        "reports": size, "import s": imported, "first build s": first[0], "rebuild s": seconds,
        "cpu s": cpu, "peak MB": peak_kb / 1024,
        "site MB": folder_size(archive / "site") / 1e6, "files": sum(1 for p in (archive / "site").rglob("*") if p.is_file()),
        "page KB": statistics.median(sizes) / 1024,
        "around text KB": statistics.median(around_text(p) for p in pages) / 1024,
        "max around KB": max(around_text(p) for p in pages) / 1024,
        "cpu ms/report": 1000 * cpu / size,
    }


def import_reports(archive: Path, docx: list[Path], fresh: bool) -> float | None:
    """Seconds `archive add` took, or None when the archive was already there."""
    if fresh:
        shutil.rmtree(archive, ignore_errors=True)
    if (archive / "docs" / "reports").is_dir() and len(list((archive / "docs" / "reports").glob("*/*.md"))) == len(docx):
        return None
    shutil.rmtree(archive, ignore_errors=True)
    subprocess.run([*ARCHIVE, "init", str(archive)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    subprocess.run([*ARCHIVE, "add", "-q", *map(str, docx)], check=True, cwd=archive, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def timed_build(archive: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system: steadier than wall time on a shared machine) and peak
    resident memory (KB) of one `archive build`, measured on that child alone."""
    start = time.perf_counter()
    child = subprocess.Popen([*ARCHIVE, "build", "-q"], cwd=archive, env={**os.environ, "PYTHONPATH": str(ROOT)})
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"archive build failed in {archive}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def around_text(page: Path) -> int:
    """Bytes of a report page that are not the report's own text (title + card + body)."""
    html = page.read_bytes()
    start, end = html.index(b"data-search-body>"), html.index(b'<div class="archive-aside">')
    return len(html) - (end - start)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def print_table(rows: list[dict]) -> None:
    columns = list(rows[0])
    print("\n" + " | ".join(f"{c:>14}" for c in columns))
    print("-|-".join("-" * 14 for _ in columns))
    for row in rows:
        print(" | ".join(f"{_cell(row[c]):>14}" for c in columns))
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        factor = last["reports"] / first["reports"]
        print(f"\n{factor:.0f}x the reports: {last['cpu s'] / first['cpu s']:.1f}x the build CPU time, "
              f"{last['site MB'] / first['site MB']:.1f}x the site size")


def _cell(value) -> str:
    if value is None:
        return "(kept)"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def profile(archive: Path) -> None:
    stats_file = OUT / "build.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "converter", "build", "-q"],
                   cwd=archive, check=True)
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt
    ours = sum(v[3] for k, v in stats.stats.items() if "converter/site" in k[0] and k[2] == "on_files") + sum(
        v[3] for k, v in stats.stats.items() if "converter/site/plugin.py" in k[0] and k[2].startswith("on_")
        and k[2] != "on_files")
    print(f"\nprofile of one build of {archive.name}: {total:.1f} s in all, {ours:.2f} s in the archive plugin's events")
    stats.sort_stats("cumulative").print_stats(r"converter/site|markdown/core|mkdocs/commands/build|jinja2/environment", 25)


if __name__ == "__main__":
    sys.exit(main())
