#!/usr/bin/env python3
"""converter-bench's command for ours: the page bench/formats_bench.py saved for a document.

    python bench/cached_page.py PAGES IN

prints PAGES/<set>/<stem>.md (the set is IN's folder), or the staff's line on stderr and exit 1 when the
file could not be read. Standard library only: converter-bench runs it with its own Python.
"""
import sys
from pathlib import Path

pages, document = Path(sys.argv[1]), Path(sys.argv[2])
folder = pages / document.parent.name
page, error = folder / f"{document.stem}.md", folder / f"{document.stem}.error"  # stems may hold dots
if page.exists():
    sys.stdout.write(page.read_text(encoding="utf-8"))
    sys.exit(0)
print(error.read_text(encoding="utf-8") if error.exists() else f"{document.name}: not converted", file=sys.stderr)
sys.exit(1)
