"""The MANIFEST.md tables of ../shared/corpus folders: what each real report says it is."""
from __future__ import annotations

from pathlib import Path


def manifest_rows(folder: Path, suffixes: tuple[str, ...] = (".docx",)) -> dict[str, list[str]]:
    """File name → the cells of its MANIFEST.md row."""
    rows = {}
    for line in (folder / "MANIFEST.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) > 6 and cells[0].endswith(suffixes):
            rows[cells[0]] = cells
    return rows
