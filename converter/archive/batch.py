"""What the importer does with a run's files before its workers start: each file's format and time limit,
and the .doc, .wps, .rtf and .odt files converted to .docx.

LibreOffice's start is the slow part of converting such a file (about 1.5 s of CPU, a report 0.1-0.8 s),
so each core gets one LibreOffice run over its share of the files (`reading.libreoffice.convert_batch`)
instead of one start per file; the workers then read the .docx files like any other. A file LibreOffice
cannot convert, or hangs on, fails here with its line, and the others go on. A PDF may be a scan, read
by OCR at a few seconds a page: its worker gets `PDF_TIME_FACTOR` times the time limit (the PDF reader
bounds its own CPU time and Tesseract's; the wall-clock limit only stops what hangs).
"""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Callable

from converter.archive.prepare import Job
from converter.model.errors import ArchiveError
from converter.reading.formats import VIA_LIBREOFFICE
from converter.reading.intake import file_format
from converter.reading.libreoffice import convert_batch

Progress = Callable[[int, int], None]  # (files converted, files to convert)
PDF_TIME_FACTOR = 20


def with_formats(jobs: dict[int, Job]) -> dict[int, Job]:
    """The jobs with their file's format ("" where it cannot be named: the worker says why) and a PDF's
    longer time limit."""
    typed = {n: replace(job, format=_format(job.path)) for n, job in jobs.items()}
    return {n: replace(job, time_limit=job.time_limit * PDF_TIME_FACTOR) if job.format == "pdf" else job
            for n, job in typed.items()}


def convert_office_files(jobs: dict[int, Job], workdir: Path, time_limit: float, cores: int,
                         on_progress: Progress = lambda done, total: None) -> tuple[dict[int, Job], dict[int, ArchiveError]]:
    """`jobs` (`with_formats`) with LibreOffice's .docx given to each office file (`Job.converted`), and
    the office files that could not be converted, with why. Jobs of other formats pass through."""
    office = [(number, job, job.format) for number, job in jobs.items() if job.format in VIA_LIBREOFFICE]
    if not office:
        return jobs, {}
    shares = [office[start::cores] for start in range(min(cores, len(office)))]
    results: dict[int, Path | ArchiveError] = {}
    counter = _Counter(len(office), on_progress)
    threads = [threading.Thread(target=_convert_share, args=(share, workdir / f"run-{index}", time_limit, results,
                                                              counter)) for index, share in enumerate(shares)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    converted = {n: replace(job, converted=results[n]) if isinstance(results.get(n), Path) else job
                 for n, job in jobs.items()}
    failed = {n: result for n, result in results.items() if isinstance(result, ArchiveError)}
    return {n: job for n, job in converted.items() if n not in failed}, failed


def _format(path: Path) -> str:
    try:
        return file_format(path)
    except ArchiveError:
        return ""  # the worker reads it again and reports the problem with everything else


def _convert_share(share: list, workdir: Path, time_limit: float, results: dict, counter: "_Counter") -> None:
    done = convert_batch([(job.path, kind) for _, job, kind in share], workdir, time_limit, counter.step)
    for (number, _, _), result in zip(share, done):
        results[number] = result


class _Counter:
    """Progress over all runs: each run reports its own count, the total is their sum."""

    def __init__(self, total: int, on_progress: Progress):
        self.total, self.on_progress = total, on_progress
        self.lock = threading.Lock()
        self.counts: dict[int, int] = {}

    def step(self, done: int, _: int) -> None:
        with self.lock:
            self.counts[threading.get_ident()] = done
            self.on_progress(sum(self.counts.values()), self.total)
