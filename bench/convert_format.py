#!/usr/bin/env python3
"""Convert one file with the current pipeline and a reader the CLI does not take yet, for converter-bench:

    python bench/convert_format.py IN.pdf -o OUT.md

reader (by suffix: .pdf → converter/reading/pdf.py, .docx → read_docx) → outline → Markdown, with the
front matter `archive convert` writes. Exit 1 with the staff's one line on an `ArchiveError`.

`--cache DIR`: reuse DIR/<stem>.md when there, else write it there too. converter-bench stops any
conversion after 60 s, and OCR of a ten-page scan takes longer on a busy machine: convert the scans first
(`python bench/convert_format.py --cache DIR FILES...`, no time limit), then let the bench score the
cached pages (its timing is then not the OCR's: bench/ocr_bench.py measures that).
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.convert import _meta  # noqa: E402
from converter.errors import ArchiveError  # noqa: E402
from converter.frontmatter import join_page  # noqa: E402
from converter.outline import build_report  # noqa: E402
from converter.read_docx import read_docx  # noqa: E402
from converter.reading.pdf import read_pdf  # noqa: E402
from converter.render_markdown import render_markdown  # noqa: E402
from converter.topics import taxonomy_for  # noqa: E402

READERS = {".pdf": read_pdf, ".docx": read_docx}


def convert(path: Path) -> str:
    report = build_report(READERS[path.suffix.lower()](path))
    body = render_markdown(report)
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    meta, _ = _meta(report, body, path, sha256, {}, taxonomy_for(None))
    return join_page(meta.to_dict(), body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args(argv)
    failed = 0
    for path in args.files:
        cached = args.cache / f"{path.stem}.md" if args.cache else None
        if cached is None or not cached.exists():
            try:
                page = convert(path)
            except ArchiveError as error:
                print(error.line(path), file=sys.stderr)
                failed = 1
                continue
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(page, encoding="utf-8")
        if cached is not None and args.output:
            shutil.copyfile(cached, args.output)
        elif args.output:
            args.output.write_text(page, encoding="utf-8")
        elif cached is None:
            sys.stdout.write(page)
    return failed


if __name__ == "__main__":
    sys.exit(main())
