"""The corpus archive the search bench measures besides the 1000-report one (bench/make_reports.py):
../shared/corpus/reports-docx as they are, plus reports-txt made into .docx (one paragraph a line),
imported with `archive add` and built.

    python bench/search_archive.py DIR
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

CORPUS = ROOT.parent / "shared" / "corpus"


def run(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def corpus_archive(folder: Path) -> None:
    from docx_factory import Para, Title, write_docx

    run("init", str(folder), cwd=folder.parent)
    with tempfile.TemporaryDirectory() as tmp:
        for txt in sorted((CORPUS / "reports-txt").glob("*.txt")):
            lines = [line.strip() for line in txt.read_text(encoding="utf-8").splitlines() if line.strip()]
            write_docx(Path(tmp) / f"{txt.stem}.docx", [Title(lines[0])] + [Para(line) for line in lines[1:]])
        run("add", str(CORPUS / "reports-docx"), tmp, cwd=folder)
    run("build", cwd=folder)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    corpus_archive(Path(sys.argv[1]).resolve())
