#!/usr/bin/env python3
"""Text PDF end to end, per core: read (converter/reading/pdf.py) → outline → Markdown, in one process.

    python bench/pdf_speed.py [bench/out/formats/pdf]

CPU seconds of this process (steady on a busy machine) and wall seconds, with the load average.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.reading.pdf import read_pdf  # noqa: E402
from converter.reading.pdf_pages import open_pdf  # noqa: E402
from converter.render.markdown import render_markdown  # noqa: E402
from converter.structure.outline import build_report  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "bench" / "out" / "formats" / "pdf"
    pdfs = sorted(folder.glob("*.pdf"))
    pages = 0
    for path in pdfs:
        with open_pdf(path) as document:
            pages += len(document)
    render_markdown(build_report(read_pdf(pdfs[0])))  # imports and rules loaded outside the timing
    wall, cpu = time.perf_counter(), time.process_time()
    for path in pdfs:
        render_markdown(build_report(read_pdf(path)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{len(pdfs)} PDFs, {pages} pages: {pages / cpu:.1f} pages/s per core (CPU {cpu:.1f} s), "
          f"wall {wall:.1f} s, load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
