#!/usr/bin/env python3
"""Where a built site's bytes go: files and bytes per kind of file, for one or more sites.

    python bench/site_bytes.py SITE [SITE ...]

e.g. bench/out/archive-1000/site (build_bench.py) and a 10,000-report site. Kinds: the report pages and
what sits beside them (the report as JSON with its Markdown, the published original), the other pages,
the open data's bulk files, the search index by part, the theme's assets, feeds and the rest. The
report's text is in the page, in its JSON, in the JSONL and in the search index's text fragments; the
last column says how many times the site holds the reports' text, by the search index's own count of
characters (meta.json's `length` column) against the bytes of each kind. Not a test: it prints a table.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

KINDS = (  # (name, test on the path relative to the site); the first that matches
    ("report pages (HTML)", lambda p: p.startswith("reports/") and p.endswith("/index.html")),
    ("report JSON (open data)", lambda p: p.startswith("reports/") and p.endswith(".json")),
    ("originals (.docx, .pdf…)", lambda p: p.startswith("reports/")),
    ("bulk open data (data/)", lambda p: p.startswith("data/")),
    ("search: report table (meta.json)", lambda p: p == "search/meta.json"),
    ("search: shards (i/)", lambda p: p.startswith("search/i/")),
    ("search: big entries (k/, b/)", lambda p: p.startswith(("search/k/", "search/b/"))),
    ("search: text fragments (t/)", lambda p: p.startswith("search/t/")),
    ("listing pages (years, topics, issuers, types)", lambda p: p.split("/")[0] in ("years", "topics", "issuers", "types")),
    ("theme assets", lambda p: p.startswith("assets/")),
    ("feeds and sitemap", lambda p: p.endswith((".xml", ".xml.gz"))),
    ("other pages and files", lambda p: True),
)


def tally(site: Path) -> dict[str, list[int]]:
    counts = {name: [0, 0] for name, _ in KINDS}
    for top, _, names in os.walk(site):
        for name in names:
            path = Path(top, name)
            relative = path.relative_to(site).as_posix()
            kind = next(k for k, test in KINDS if test(relative))
            counts[kind][0] += 1
            counts[kind][1] += path.stat().st_size
    return counts


def text_characters(site: Path) -> int:
    meta = json.loads((site / "search" / "meta.json").read_text(encoding="utf-8"))
    return sum(meta["table"]["length"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sites", type=Path, nargs="+")
    args = parser.parse_args()
    for site in args.sites:
        counts = tally(site)
        files = sum(n for n, _ in counts.values())
        size = sum(b for _, b in counts.values())
        text = text_characters(site) * 3  # UTF-8: nearly all of it Chinese, 3 bytes a character
        print(f"\n{site}: {files:,} files, {size / 2**20:,.1f} MB; the reports' text ~{text / 2**20:,.1f} MB in UTF-8\n")
        print("| kind | files | MB | share | x the text |")
        print("|---|---:|---:|---:|---:|")
        for kind, (n, b) in counts.items():
            if n:
                print(f"| {kind} | {n:,} | {b / 2**20:,.1f} | {b / size:.0%} | {b / text:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
