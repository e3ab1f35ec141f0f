"""`archive add` of a mixed folder (bench/formats_bench.py's `add` section): distinct reports
(bench/make_reports.py) in every format staff bring, imported with one worker and with every core.

The folder, made once in bench/out/formats-bench/mixed-<count>/: of every ten reports, three stay .docx,
two become .doc and one each .rtf, .odt, .pdf, .html and .txt (LibreOffice, one run per format); one
report in twenty of the PDFs is a two-page scan instead (pdftoppm at 200 dpi, img2pdf).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from make_reports import ARCHIVE, OUT, children_cpu, make_reports, new_archive

PLAN = ("docx", "docx", "docx", "doc", "doc", "rtf", "odt", "pdf", "html", "txt")
EXPORT = {"doc": "doc", "rtf": "rtf", "odt": "odt", "pdf": "pdf", "html": "html", "txt": "txt:Text (encoded):UTF8"}


def add_mixed(count: int) -> None:
    folder = mixed_folder(count)
    kinds = sorted({p.suffix for p in folder.iterdir()})
    print(f"\n`archive add` of a mixed folder: {count} reports ({', '.join(kinds)})\n")
    print("| workers | wall s | CPU s (all processes) | CPU/wall (cores used) | reports/s | result |")
    print("|---|---|---|---|---|---|")
    for workers in (1, len(os.sched_getaffinity(0))):
        archive = OUT / "formats-bench" / f"archive-mixed-{workers}"
        new_archive(archive)
        cpu = children_cpu()
        started = time.perf_counter()
        done = subprocess.run([*ARCHIVE, "add", str(folder)], cwd=archive, capture_output=True, text=True,
                              env={**os.environ, "ARCHIVE_WORKERS": str(workers)})
        wall, cpu = time.perf_counter() - started, children_cpu() - cpu
        summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-200:]
        print(f"| {workers} | {wall:.1f} | {cpu:.1f} | {cpu / wall:.2f} | {count / wall:.2f} | {summary} |")
        if done.stderr.strip():
            print("\n".join(f"    {line}" for line in done.stderr.strip().splitlines()[:10]))


def mixed_folder(count: int) -> Path:
    folder = OUT / "formats-bench" / f"mixed-{count}"
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    reports = make_reports(count)
    wanted: dict[str, list[Path]] = {}
    for number, path in enumerate(reports):
        wanted.setdefault(PLAN[number % len(PLAN)], []).append(path)
    for path in wanted.pop("docx", []):
        shutil.copyfile(path, folder / path.name)
    for kind, paths in wanted.items():
        _export(paths, kind, folder)
    _scans(sorted(folder.glob("*.pdf"))[::20])
    return folder


def _export(paths: list[Path], kind: str, folder: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={Path(profile).as_uri()}",
                        "--convert-to", EXPORT[kind], "--outdir", str(folder), *map(str, paths)],
                       check=True, capture_output=True, timeout=1800)


def _scans(pdfs: list[Path]) -> None:
    """Each PDF replaced by a scan of its first two pages: grey page images in a PDF, no text layer."""
    import img2pdf

    for pdf in pdfs:
        with tempfile.TemporaryDirectory() as scratch:
            subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "2", str(pdf),
                            f"{scratch}/page"], check=True)
            pages = sorted(Path(scratch).glob("page-*.png"))
            pdf.write_bytes(img2pdf.convert([str(p) for p in pages]))
