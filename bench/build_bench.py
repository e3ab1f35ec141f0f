#!/usr/bin/env python3
"""How `archive build` scales: build time, peak memory, site size and report-page size at 100 and
1000 reports (distinct, realistic reports from bench/make_reports.py, imported with `archive add`).

    python bench/build_bench.py [--sizes 100 1000] [--repeat 2] [--profile] [--fresh]

Each size is built once into an empty folder with no build cache (.archive/build), then rebuilt (which
replaces the last site, as staff do; the record of the last build is removed first, so that the build
runs and takes what it can from the cache), then run as staff run it with nothing changed (the build
finds its record and makes nothing: last_build.py), then rebuilt after one report was added (and removed
again after), then rebuilt limited to one CPU (no worker processes: what the parallel build saves).
CPU seconds (user + system, the workers included) are steadier than wall seconds on a shared machine.
Archives are kept in bench/out/ and reused (importing 1000 reports takes a while); --fresh re-imports.
--profile builds the largest archive once more under cProfile and prints where the time goes.
Not a test: it prints tables; the targets (1000 reports in <= 10 s, <= 40 KB of HTML around a
report's text) are read by people.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from make_reports import ARCHIVE, OUT, ROOT, Unavailable, imported_archive
from measure import measure as measured_run

sys.path.insert(0, str(ROOT))
from converter.data.frontmatter import body_hash, join_page, split_page  # noqa: E402

TRASH = OUT / "trash"
RECORD = Path(".archive") / "build" / "last-build.json"



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=1, help="rebuilds per size (the fastest is shown)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--fresh", action="store_true", help="import the reports again")
    parser.add_argument("--no-one-core", action="store_true", help="skip the rebuild limited to one CPU")
    args = parser.parse_args()
    try:
        rows = [measure(size, args.repeat, args.fresh, not args.no_one_core) for size in args.sizes]
    except Unavailable as error:
        print(f"(skipped: {error})")
        return 2
    shutil.rmtree(TRASH, ignore_errors=True)
    print_table(rows)
    if args.profile:
        profile(OUT / f"archive-{max(args.sizes)}")
    return 0


def measure(size: int, repeat: int, fresh: bool, one_core: bool) -> dict:
    archive, imported = imported_archive(size, fresh)
    set_aside(archive / "site")
    shutil.rmtree(archive / ".archive" / "build", ignore_errors=True)  # the build cache: this is a first build
    first = timed_build(archive)  # into an empty folder
    seconds, cpu, peak_kb, _ = min(timed_build(archive) for _ in range(repeat))  # replacing the last site
    unchanged = min(timed_build(archive, again=True) for _ in range(repeat))
    pages = sorted((archive / "site" / "reports").glob("*/*/index.html"))
    around = [around_text(p) for p in pages]
    added = timed_build_with_one_more(archive)
    return {
        "reports": size, "import": imported, "first": first[0], "rebuild": seconds, "cpu": cpu, "added": added,
        "unchanged": unchanged,
        "one core": timed_build(archive, cores=1) if one_core else None, "peak": peak_kb / 1024,
        "summed": (first[3], added[3]),
        "site": folder_size(archive / "site") / 1e6,
        "files": sum(1 for p in (archive / "site").rglob("*") if p.is_file()),
        "page": statistics.median(p.stat().st_size for p in pages) / 1024,
        "around": statistics.median(around) / 1024, "around max": max(around) / 1024,
    }


def set_aside(site: Path) -> None:
    """Move the last site out of the way, to be deleted when all is measured: on this machine's ext4
    (mounted with `discard`) writing files right after deleting a 200 MB site costs seconds of system
    time, which would be charged to the build."""
    if site.exists():
        TRASH.mkdir(exist_ok=True)
        site.rename(TRASH / f"site-{time.time_ns()}")


def timed_build(archive: Path, cores: int | None = None, again: bool = False) -> tuple[float, float, int, float]:
    """Wall seconds, CPU seconds (user + system of the command and its workers: steadier than wall time
    on a shared machine), peak resident memory (KB) of its largest process and peak memory summed over
    its processes (MB of PSS: pages the forked workers share counted once; measure.py), for one
    `archive build` (`cores`: limited to that many CPUs, as on a smaller machine). Without `again` the
    record of the last build is removed first: the build runs even when nothing changed."""
    if not again:
        (archive / RECORD).unlink(missing_ok=True)

    def pin():
        os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[:cores])
    run = measured_run([*ARCHIVE, "build", "-q"], archive, env={**os.environ, "PYTHONPATH": str(ROOT)},
                  preexec_fn=pin if cores else None)
    if run.status:
        raise SystemExit(f"archive build failed in {archive}")
    return run.wall, run.cpu, int(run.largest_mb * 1024), run.peak_pss_mb


def timed_build_with_one_more(archive: Path) -> tuple[float, float, int, float]:
    """`timed_build` after staff added this year's report (a distinct copy of one of the newest year's,
    as if imported: a new title, 索引号 and paragraph), and the report removed again afterwards."""
    newest = max(path.parent.name for path in (archive / "docs" / "reports").glob("*/*.md"))
    source = sorted((archive / "docs" / "reports" / newest).glob("*.md"))[0]
    data, body = split_page(source.read_text(encoding="utf-8"))
    body += "\n\n本报告为测试补充的一篇。\n"
    data = {k: v for k, v in data.items() if k != "download"}
    data.update(title=f"{data['title']}（补充）", index_number=f"BENCH0001/{data['year']}-99999",
                sha256=hashlib.sha256(body.encode()).hexdigest(), body_sha256=body_hash(body))
    extra = source.with_name("bench-added-report.md")
    extra.write_text(join_page(data, body), encoding="utf-8")
    try:
        return timed_build(archive)
    finally:
        extra.unlink()


def around_text(page: Path) -> int:
    """Bytes of a report page that are not the report's own text (title + card + body)."""
    html = page.read_bytes()
    start, end = html.index(b"data-search-body>"), html.index(b'<div class="archive-aside">')
    return len(html) - (end - start)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def print_table(rows: list[dict]) -> None:
    print(f"`archive build` (content check, site, search index), load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores\n")
    print("| reports | import, s | first build (no build cache), s | rebuild, nothing changed (record removed), s | CPU s, all processes "
          "| nothing changed, as staff run it, s (CPU s) | rebuild, one report added, s (CPU s) | rebuild on one core, s (CPU s) | peak memory, largest process | peak memory summed over processes (PSS): first build / one added "
          "| site | files | median report page | HTML around the text, median / max |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        one = f"{r['one core'][0]:.1f} ({r['one core'][1]:.1f})" if r["one core"] else "–"
        imported = "(kept)" if r["import"] is None else f"{r['import']:.0f}"
        added = f"{r['added'][0]:.1f} ({r['added'][1]:.1f})"
        unchanged = f"{r['unchanged'][0]:.2f} ({r['unchanged'][1]:.2f})"
        print(f"| {r['reports']} | {imported} | {r['first']:.1f} | {r['rebuild']:.1f} | {r['cpu']:.1f} | {unchanged} "
              f"| {added} | {one} "
              f"| {r['peak']:.0f} MB | {r['summed'][0]:.0f} / {r['summed'][1]:.0f} MB | {r['site']:.0f} MB | {r['files']} | {r['page']:.1f} KB "
              f"| {r['around']:.1f} / {r['around max']:.1f} KB |")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        factor = last["reports"] / first["reports"]
        print(f"\n{factor:.0f}x the reports: {last['cpu'] / first['cpu']:.1f}x the build CPU time, "
              f"{last['site'] / first['site']:.1f}x the site size, {last['around'] / first['around']:.2f}x the HTML "
              "around a report's text")


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
