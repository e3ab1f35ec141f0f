"""Speed of the slow readers (bench/formats_benchs.py's `speed` section): LibreOffice per .doc with one
start for a batch, one per core and one per file; text PDF pages per second on one core; OCR seconds per
scanned page. CPU seconds include LibreOffice's and Tesseract's processes."""
from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

PER_FILE_SAMPLE = 10  # files converted with one LibreOffice start each (slow: a start is most of the cost)
OCR_SAMPLE = 3  # scanned PDFs read


def speed(sources: Path) -> None:
    docs = sorted((sources / "doc").glob("*.doc"))
    if docs:
        libreoffice(docs)
    else:
        print("speed: no .doc set (bench/make_format_sets.py)")
    pdfs, scans = sorted((sources / "pdf").glob("*.pdf")), sorted((sources / "scan").glob("*.pdf"))
    try:
        from converter.reading import pdf  # noqa: F401
    except ImportError:
        print("speed: no PDF reader in this tree")
        return
    if pdfs:
        pdf_pages(pdfs, "text PDF")
    if scans:
        pdf_pages(scans[:OCR_SAMPLE], "scanned PDF (OCR)")


def libreoffice(docs: list[Path]) -> None:
    from converter.archive.batch import convert_office_files, with_formats
    from converter.archive.prepare import Job
    from converter.reading.libreoffice import convert_batch, to_docx

    print("| LibreOffice, .doc → .docx | files | wall s | CPU s | wall s a file | CPU s a file |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        wall, cpu = timed(lambda: convert_batch([(p, "doc") for p in docs], Path(work) / "one"))
        row("one start for the whole set", len(docs), wall, cpu)
        jobs = with_formats({n: Job(p, "") for n, p in enumerate(docs)})
        wall, cpu = timed(lambda: convert_office_files(jobs, Path(work) / "cores", 60, 2))
        row("one start per core, 2 cores (`archive add`)", len(docs), wall, cpu)
        sample = docs[:PER_FILE_SAMPLE]
        wall, cpu = timed(lambda: [to_docx(p, "doc", Path(work) / f"each-{n}") for n, p in enumerate(sample)])
        row("one start per file", len(sample), wall, cpu)


def pdf_pages(pdfs: list[Path], what: str) -> None:
    import pypdfium2

    from converter.reading.pdf import read_pdf

    pages = sum(len(pypdfium2.PdfDocument(str(p))) for p in pdfs)
    wall, cpu = timed(lambda: [read_pdf(p) for p in pdfs])
    print(f"{what}: {len(pdfs)} files, {pages} pages: {wall:.1f} s wall, {cpu:.1f} s CPU; "
          f"{pages / cpu:.1f} pages per CPU second, {cpu / pages:.2f} CPU s a page, {wall / pages:.2f} wall s a page")


def timed(work) -> tuple[float, float]:
    started, cpu = time.perf_counter(), _cpu()
    work()
    return time.perf_counter() - started, _cpu() - cpu


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def row(what: str, count: int, wall: float, cpu: float) -> None:
    print(f"| {what} | {count} | {wall:.1f} | {cpu:.1f} | {wall / count:.2f} | {cpu / count:.2f} |")
