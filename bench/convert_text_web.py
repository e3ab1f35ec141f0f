#!/usr/bin/env python3
"""The current pipeline on a .txt, .html/.htm or .mht/.mhtml file, until `archive convert` takes them.

    .venv/bin/python bench/convert_text_web.py IN [-o OUT.md]
    .venv/bin/python bench/convert_text_web.py --batch OUTDIR IN...   (one process; prints seconds)

reader (converter/reading/text.py or html.py) → `outline.build_report` → `render_markdown`, with the front
matter `metadata.extract_metadata` finds (title, year, issuer, type, date), as `archive convert` writes it.
A file that cannot be read prints the staff's one line and exits 1. For converter-bench:
`--cmd 'ours=.venv/bin/python bench/convert_text_web.py {in} -o {out}'`.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from converter.model.errors import ArchiveError
from converter.data.frontmatter import join_page
from converter.metadata.extract import extract_metadata
from converter.structure.outline import build_report
from converter.reading.html import read_html
from converter.reading.text import read_text
from converter.render.markdown import render_markdown

READERS = {".txt": read_text, ".html": read_html, ".htm": read_html, ".mht": read_html, ".mhtml": read_html}
FIELDS = ("title", "year", "issuer", "doc_type", "date")


def convert(path: Path) -> str:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SystemExit(f"{path.name}: not a .txt/.html/.htm/.mht/.mhtml file")
    report = build_report(reader(path))
    found = extract_metadata(report, path.name).values
    return join_page({key: found[key] for key in FIELDS if found.get(key)}, render_markdown(report))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--batch", type=Path, help="convert every input into this folder in one process")
    args = parser.parse_args(argv)
    if args.batch:
        return _batch(args.inputs, args.batch)
    try:
        page = convert(args.inputs[0])
    except ArchiveError as error:
        print(error.line(args.inputs[0]), file=sys.stderr)
        return 1
    if args.output:
        args.output.write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
    return 0


def _batch(inputs: list[Path], folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    failed = 0
    for path in inputs:
        try:
            (folder / (path.stem + ".md")).write_text(convert(path), encoding="utf-8")
        except ArchiveError as error:
            failed += 1
            print(error.line(path), file=sys.stderr)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{len(inputs)} files, {failed} refused: {wall:.2f} s wall, {cpu:.2f} s CPU, "
          f"{1000 * wall / len(inputs):.1f} ms/file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
