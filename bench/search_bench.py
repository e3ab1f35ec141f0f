"""Search figures as tables: exactness and cost of the archive's search, measured by ../shared's
search-eval harness in Chromium, plus the index build time. Not part of the tests.

    .venv/bin/python bench/search_bench.py [--work DIR] [--sizes corpus,1000] [--rebuild]
                                           [--site DIR ...] [--keep-queries]

For each archive (`corpus`: ../shared reports-docx + reports-txt as .docx, bench/search_archive.py;
`N`: the N-report archive of bench/make_reports.py, the one the build bench measures) it builds the
site once (kept), times `build_index` on the pages' searchable text (median of 3), makes the harness's
query set and runs
`searcheval.evaluate --engine custom --adapter bench/search-eval-adapter.js` with this Python (playwright
from the test extra) or SEARCH_EVAL_PYTHON.

`--site DIR` also measures an archive's site already built elsewhere (e.g. issue 17's generated
10,000-report archive), without timing its index; `--keep-queries` reuses a query set made before for
the same archive (making one takes ~6 minutes at 10,000 reports).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

import search_archive  # noqa: E402
from make_reports import ARCHIVE, Unavailable, imported_archive  # noqa: E402

from converter.search.collect import write_index  # noqa: E402
from converter.search.index import IndexedReport, build_index, search_values  # noqa: E402
from converter.search.page_text import page_text  # noqa: E402
from converter.site import csp  # noqa: E402

EVAL = ROOT.parent / "shared" / "tools" / "search-eval"
# The harness needs only playwright (in the test extra); another Python can be named for it.
TOOLS_PYTHON = Path(os.environ.get("SEARCH_EVAL_PYTHON", sys.executable))
SEARCH_RE = r"^/search/|^/assets/archive-search/"
HARNESS_PAGE = "search-eval-home.html"


def build_archive(size: str, work: Path, rebuild: bool) -> Path:
    if size == "corpus":
        if not search_archive.CORPUS.is_dir():
            raise Unavailable(f"needs {search_archive.CORPUS}")
        folder = work / "corpus"
        if rebuild or not (folder / "site" / "search" / "meta.json").exists():
            search_archive.corpus_archive(folder)
        return folder / "site"
    folder, _ = imported_archive(int(size))
    if rebuild or not (folder / "site" / "search" / "meta.json").exists():
        subprocess.run([*ARCHIVE, "build", "-q"], cwd=folder, check=True)
    return folder / "site"


def index_build_seconds(site: Path) -> tuple[float, float, int, int, float, float, int]:
    """(median build_index seconds, text extraction seconds, reports, characters, CPU seconds of the median
    run (all threads: a figure that depends less on what else the machine is doing), seconds to write the
    files, number of files)."""
    started = time.perf_counter()
    reports = [IndexedReport(url=p.parent.relative_to(site).as_posix() + "/", fields=search_values({}, ""),
                             text=page_text(p.read_text(encoding="utf-8"))[0])
               for p in sorted((site / "reports").rglob("index.html"))]
    extraction = time.perf_counter() - started
    runs = []
    for _ in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        files = build_index(reports)
        runs.append((time.perf_counter() - started, time.process_time() - cpu))
    wall, cpu = sorted(runs)[1]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        write_index(Path(folder) / "search", files)
        writing = time.perf_counter() - started
    return wall, extraction, len(reports), sum(len(r.text) for r in reports), cpu, writing, len(files)


def harness_page(site: Path) -> str:
    """The home page without its Content-Security-Policy <meta>, beside it (same relative links): the
    harness injects its adapter as an inline script, which the site's policy blocks. Nothing else
    differs, so loading and searching happen exactly as on the home page."""
    home = (site / "index.html").read_text(encoding="utf-8")
    (site / HARNESS_PAGE).write_text(home.replace(csp.META, ""), encoding="utf-8")
    return "/" + HARNESS_PAGE


def evaluate(site: Path, work: Path, label: str, nodelay: bool = False, keep_queries: bool = False) -> dict:
    queries, out = work / f"{label}-queries.json", work / f"{label}{'-nodelay' if nodelay else ''}-results.json"
    common = ["--site", str(site), "--include", "reports/"]
    if not nodelay and not (keep_queries and queries.exists()):  # else made again: the archive may have changed
        subprocess.run([str(TOOLS_PYTHON), "-m", "searcheval.queries", *common, "--out", str(queries)],
                       cwd=EVAL, check=True, stdout=subprocess.DEVNULL)
    runner = [str(ROOT / "bench" / "search_eval_nodelay.py")] if nodelay else ["-m", "searcheval.evaluate"]
    subprocess.run([str(TOOLS_PYTHON), *runner, *common, "--engine", "custom",
                    "--adapter", str(ROOT / "bench" / "search-eval-adapter.js"), "--page", harness_page(site),
                    "--search-re", SEARCH_RE, "--queries", str(queries), "--out", str(out), "--label", label,
                    "--index-dir", "search"], cwd=EVAL, check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def kb(n) -> str:
    return "-" if n is None else f"{n / 1024:.1f} KB"


def tables(rows: list[tuple[str, dict, tuple, dict]]) -> str:
    lines = ["| archive | pages | terms R / P | random R / P (R=0) | multi R / P |", "|---|---|---|---|---|"]
    for label, r, _, _ in rows:
        s = r["summary"]
        cell = lambda c: f"{s[c]['mean_recall']:.2f} / {s[c]['mean_precision']:.2f}"
        lines.append(f"| {label} | {r['pages']} | {cell('terms')} | {cell('random')} ({s['random']['recall_zero']}/"
                     f"{s['random']['queries']}) | {cell('multi')} |")
    lines += ["", "| archive | search bytes at page load | first query on wire (raw) | later queries median / p90 |"
              " query time median (+10 excerpts) | same, server with TCP_NODELAY | index on disk |"
              " index build |",
              "|---|---|---|---|---|---|---|---|"]
    for label, r, timing, fast in rows:
        n, q, lat, quick = r["network"], r["per_query_bytes"], r["latency"], fast["latency"]
        disk = r.get("index_on_disk", {}).get("search", {})
        build, extraction, reports, chars, cpu, writing, count = timing or (0,) * 7
        lines.append(
            f"| {label} | {kb(n['page_load_search']['wire'])} | {kb(n['first_query_search']['wire'])} "
            f"({kb(n['first_query_search']['raw'])}) | {kb(q['median_index_after_first'])} / "
            f"{kb(q['p90_index_after_first'])} | {lat['median_t_search_ms']:.1f} ms "
            f"({lat['median_t_first5_ms']:.1f} ms) | {quick['median_t_search_ms']:.1f} ms "
            f"({quick['median_t_first5_ms']:.1f} ms) | {disk.get('bytes', 0) / 2**20:.1f} MB in {disk.get('files', 0)} "
            + (f"files | {build:.2f} s ({cpu:.2f} s CPU) for {reports} reports, {chars / 1e6:.1f} M chars; "
               f"+ {writing:.2f} s to write {count} files; page text extraction {extraction:.2f} s |" if timing
               else "files | (not timed) |"))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "search")
    parser.add_argument("--sizes", default="corpus,1000")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--site", type=Path, action="append", default=[], help="a built site to measure as well")
    parser.add_argument("--keep-queries", action="store_true")
    args = parser.parse_args()
    if not EVAL.is_dir() or not TOOLS_PYTHON.exists():
        print(f"(skipped: needs {EVAL}, Debian's chromium, and playwright in {TOOLS_PYTHON} "
              "(or SEARCH_EVAL_PYTHON=a Python that has it))")
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    rows, skipped = [], []
    for size in filter(None, args.sizes.split(",")):
        label = size if size == "corpus" else f"{size} reports"
        try:
            site = build_archive(size, args.work, args.rebuild)
        except Unavailable as error:
            skipped.append(f"(skipped {label}: {error})")
            continue
        rows.append((label, evaluate(site, args.work, size, keep_queries=args.keep_queries),
                     index_build_seconds(site), evaluate(site, args.work, size, nodelay=True)))
    for site in args.site:
        label = f"{site.parent.name} ({sum(1 for _ in (site / 'reports').rglob('index.html'))} reports)"
        rows.append((label, evaluate(site, args.work, site.parent.name, keep_queries=args.keep_queries), None,
                     evaluate(site, args.work, site.parent.name, nodelay=True)))
    if rows:
        print(tables(rows))
    print("\n".join(skipped))
    return 0 if rows else 2


if __name__ == "__main__":
    sys.exit(main())
