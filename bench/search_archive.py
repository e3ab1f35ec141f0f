"""The corpus archive the search bench measures besides the 1000-report one (bench/make_reports.py):
../shared/corpus/reports-docx as they are, plus reports-txt made into .docx (one paragraph a line),
imported with `archive add` and built. A report whose issuer the importer could not find (the NPC's
resolution on a government work report) gets one the way staff would give it, in its front matter
(`archive build` refuses a page without one).

    python bench/search_archive.py DIR
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CORPUS = ROOT.parent / "shared" / "corpus"


def run(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def corpus_archive(folder: Path) -> None:
    """A new archive in `folder` (emptied first) holding the corpus, built."""
    from docx_factory import Para, Title, write_docx
    from make_reports import new_archive

    new_archive(folder)
    with tempfile.TemporaryDirectory() as tmp:
        for txt in sorted((CORPUS / "reports-txt").glob("*.txt")):
            lines = [line.strip() for line in txt.read_text(encoding="utf-8").splitlines() if line.strip()]
            write_docx(Path(tmp) / f"{txt.stem}.docx", [Title(lines[0])] + [Para(line) for line in lines[1:]])
        run("add", str(CORPUS / "reports-docx"), tmp, cwd=folder)
    give_missing_issuers(folder)
    run("build", cwd=folder)


def give_missing_issuers(folder: Path) -> None:
    from converter.data.frontmatter import join_page, split_page

    for page in (folder / "docs" / "reports").glob("*/*.md"):
        data, body = split_page(page.read_text(encoding="utf-8"))
        if data and not data.get("issuer"):
            data["issuer"] = "（未注明）"
            data.setdefault("sources", {})["issuer"] = "staff"
            page.write_text(join_page(data, body), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    corpus_archive(Path(sys.argv[1]).resolve())
