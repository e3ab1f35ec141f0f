#!/usr/bin/env python3
"""Evaluation sets for the other formats staff bring: the same reports as .doc, .rtf, .odt, text PDF and
scanned PDF, each file with docx-gen's ground truth `NAME.json` beside it (converter-bench scores any input
type that has one).

    python bench/make_format_sets.py [--out bench/out/formats] [--variants gongwen,messy]

Steps, each skipped when its output is already there (delete a folder to redo it):
1. `docx/`: ../shared/tools/docx-gen/gen.py over ../shared/seed and ../shared/corpus/reports-txt, in the
   given variants (deterministic: docx-gen seeds its choices by file id and variant).
2. `doc/`, `rtf/`, `odt/`, `pdf/`: LibreOffice headless, one `soffice --convert-to` per format for the
   whole set (one start, not one per file), with a private profile so a running LibreOffice is not
   disturbed.
3. `scan/`: every PDF rasterised at 200 dpi (pdftoppm, grey) and the page images wrapped in a PDF with
   img2pdf: what a scanner gives, with no text layer.
Needs Debian's libreoffice-writer-nogui and poppler-utils, and img2pdf (the `bench` extra).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GEN = SHARED / "tools" / "docx-gen" / "gen.py"
DEFAULT_OUT = ROOT / "bench" / "out" / "formats"
OFFICE_FORMATS = ("doc", "rtf", "odt", "pdf")
SCAN_DPI = 200
SOFFICE_SECONDS = 1800


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--variants", default="gongwen,messy")
    parser.add_argument("--formats", default=",".join(OFFICE_FORMATS + ("scan",)),
                        help="which sets to make (doc,rtf,odt,pdf,scan; scan needs pdf)")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("soffice", "pdftoppm") if not shutil.which(tool)]
    if missing or not GEN.exists():
        print(f"needs {GEN} and the commands {missing} (apt-get install libreoffice-writer-nogui poppler-utils)",
              file=sys.stderr)
        return 2
    formats = args.formats.split(",")
    docx = make_docx(args.out / "docx", args.variants)
    for kind in OFFICE_FORMATS:
        if kind in formats or (kind == "pdf" and "scan" in formats):
            timed(f"{kind}", lambda kind=kind: office_set(docx, args.out / kind, kind))
    if "scan" in formats:
        timed("scan", lambda: scan_set(args.out / "pdf", args.out / "scan"))
    return 0


def timed(name: str, make) -> None:
    started = time.perf_counter()
    count = make()
    print(f"{name}: {count} files in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def make_docx(out: Path, variants: str) -> list[Path]:
    """docx-gen's documents and ground truth for every corpus text in `variants`."""
    if not any(out.glob("*.docx")):
        texts = sorted((SHARED / "seed").glob("*.txt")) + sorted((SHARED / "corpus" / "reports-txt").glob("*.txt"))
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(GEN), str(out), *map(str, texts), "--variants", variants],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return sorted(out.glob("*.docx"))


def office_set(docx: list[Path], out: Path, kind: str) -> int:
    """`docx` saved by LibreOffice as `kind` into `out`, ground truth beside each file."""
    todo = [path for path in docx if not (out / f"{path.stem}.{kind}").exists()]
    out.mkdir(parents=True, exist_ok=True)
    if todo:
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={Path(profile).as_uri()}",
                            "--convert-to", kind, "--outdir", str(out), *map(str, todo)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=SOFFICE_SECONDS)
    for path in docx:
        if not (out / f"{path.stem}.{kind}").exists():
            raise SystemExit(f"LibreOffice did not write {out / path.stem}.{kind}")
        shutil.copyfile(path.with_suffix(".json"), out / f"{path.stem}.json")
    return len(docx)


def scan_set(pdf_dir: Path, out: Path) -> int:
    """Each PDF as a scan: its pages as 200 dpi grey images, wrapped in a PDF with no text layer."""
    import img2pdf

    out.mkdir(parents=True, exist_ok=True)
    pdfs = sorted(pdf_dir.glob("*.pdf"))
    for pdf in pdfs:
        target = out / pdf.name
        if not target.exists():
            with tempfile.TemporaryDirectory() as scratch:
                subprocess.run(["pdftoppm", "-r", str(SCAN_DPI), "-gray", "-png", str(pdf), f"{scratch}/page"],
                               check=True)
                pages = sorted(Path(scratch).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
                partial = target.with_suffix(".part")
                partial.write_bytes(img2pdf.convert([str(p) for p in pages]))
                partial.rename(target)
        shutil.copyfile(pdf.with_suffix(".json"), out / f"{pdf.stem}.json")
    return len(pdfs)


if __name__ == "__main__":
    sys.exit(main())
