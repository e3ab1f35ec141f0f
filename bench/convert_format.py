#!/usr/bin/env python3
"""Convert one file with the current pipeline and a reader the CLI does not take yet, for converter-bench:

    python bench/convert_format.py IN.pdf -o OUT.md

reader (by suffix: .pdf → converter/reading/pdf.py, .docx → read_docx) → outline → Markdown, with the
front matter `archive convert` writes. Exit 1 with the staff's one line on an `ArchiveError`.
"""
from __future__ import annotations

import argparse
import hashlib
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
    parser.add_argument("file", type=Path)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    try:
        page = convert(args.file)
    except ArchiveError as error:
        print(error.line(args.file), file=sys.stderr)
        return 1
    if args.output:
        args.output.write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
