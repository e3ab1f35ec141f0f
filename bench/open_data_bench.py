#!/usr/bin/env python3
"""What the site's open data costs a build: every report's record, its JSON, the bulk files (catalog.json,
reports.jsonl, reports.csv) and writing them, over the pages of the build bench's archive.

    .venv/bin/python bench/open_data_bench.py [--size 1000]

Needs bench/out/archive-N (bench/build_bench.py makes it). The build does the same work in `on_files` and
after the pages are written (`converter/site/open_data.py`).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from converter.model.fields import ReportMeta  # noqa: E402
from converter.site.catalog import Catalog, Entry, parse_report_page  # noqa: E402
from converter.site.open_data import OpenData  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    docs = BENCH / "out" / f"archive-{parser.parse_args().size}" / "docs"
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        data, body = parse_report_page(src, path.read_text(encoding="utf-8"))
        if data:
            pages[src] = (data, body)
    catalog = Catalog([Entry(src, ReportMeta.from_dict(data)) for src, (data, _) in pages.items()])
    cpu, wall = time.process_time(), time.perf_counter()
    data = OpenData(catalog, {src: body for src, (_, body) in pages.items()}, {src: src[:-3] + "/" for src in pages})
    sizes = sum(map(len, data.reports.values())), sum(map(len, data.bulk.values()))
    made = time.process_time() - cpu, time.perf_counter() - wall
    with tempfile.TemporaryDirectory(dir=BENCH / "out") as out:
        data.write(Path(out))
        os.sync()
        written = time.process_time() - cpu - made[0], time.perf_counter() - wall - made[1]
    print(f"| reports | records, JSON, bulk files | writing them | per-report JSON | bulk files |\n|---:|---:|---:|---:|---:|\n"
          f"| {len(pages)} | {made[1]:.2f} s ({made[0]:.2f} CPU s) | {written[1]:.2f} s ({written[0]:.2f} CPU s) "
          f"| {sizes[0] / 1e6:.1f} MB | {sizes[1] / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
