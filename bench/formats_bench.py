#!/usr/bin/env python3
"""Every input format side by side: quality against docx-gen's ground truth (converter-bench), ours next
to pandoc and markitdown where they read the format; then speed.

    .venv/bin/python bench/formats_bench.py [--sections quality,speed,add] [--sets doc,rtf,…] [--count 100]

quality  converter-bench over the generated sets: bench/make_format_sets.py (.docx and the same reports
         as .doc, .rtf, .odt, text PDF and scanned PDF) and bench/make_web_sets.py (.txt, four kinds of web
         page). Each set is linked into bench/out/formats-bench/sets/<set>/ with the ground truth's
         `variant` renamed to the set, so every set is a row of its own. Ours converts a whole set in one
         process (office files through one LibreOffice run, as `archive add` does); the bench scores the
         saved pages (bench/cached_page.py). pandoc reads .docx, .odt, .rtf and web pages; markitdown
         .docx, PDF, web pages and text.
speed    LibreOffice per .doc: one start for the whole set, one per core, one per file; text PDF pages/s on
         one core; OCR seconds per scanned page.
add      `archive add` of a mixed folder (bench/mixed_folder.py): wall, CPU of all processes, cores used.
The machine is shared: every figure gives CPU seconds beside wall seconds, and the load is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from make_reports import OUT, SHARED  # noqa: E402

SOURCES = OUT / "formats"  # make_format_sets.py and make_web_sets.py write here
WORK = OUT / "formats-bench"
TOOL_PYTHON = Path(os.environ.get("CONVERTER_BENCH_PYTHON", "/work/toolvenv/bin/python"))
CONVERTER_BENCH = SHARED / "tools" / "converter-bench" / "bench.py"
SETS = {"docx": "docx", "doc": "doc", "rtf": "rtf", "odt": "odt", "pdf": "pdf", "scan": "scan", "txt": "txt",
        "web-portal": "web/portal", "web-xxgk": "web/xxgk", "web-oldtable": "web/oldtable", "web-mht": "web/mht"}
PANDOC = {"docx": "docx", "rtf": "rtf", "odt": "odt", "web-portal": "html", "web-xxgk": "html",
          "web-oldtable": "html", "web-mht": None}
MARKITDOWN = ("docx", "pdf", "scan", "txt", "web-portal", "web-xxgk", "web-oldtable", "web-mht")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sections", default="quality,speed,add")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--count", type=int, default=100, help="files in the mixed folder of the add section")
    parser.add_argument("--scored-only", action="store_true", help="quality: score the pages converted before")
    parser.add_argument("--convert", default="", help="quality with --scored-only: convert these sets again")
    parser.add_argument("--ours-only", action="store_true", help="quality: pandoc and markitdown keep their rows")
    parser.add_argument("--ocr-cache", type=Path, help="quality: keep Tesseract's output here (bench/ocr_cache.py)")
    args = parser.parse_args(argv)
    if args.ocr_cache:
        from ocr_cache import cache_ocr
        cache_ocr(args.ocr_cache)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    sections = args.sections.split(",")
    if "quality" in sections:
        names = [name for name in args.sets.split(",") if (SOURCES / SETS[name]).is_dir()]
        quality(names, [n for n in names if not args.scored_only or n in args.convert.split(",")], not args.ours_only)
    if "speed" in sections:
        from formats_speed import speed
        speed(SOURCES)
    if "add" in sections:
        from mixed_folder import add_mixed
        add_mixed(args.count)
    return 0


def quality(names: list[str], convert: list[str], others: bool = True) -> None:
    if not names:
        print("quality: no sets in bench/out/formats (run bench/make_format_sets.py and bench/make_web_sets.py)")
        return
    results = WORK / "results"
    for name in convert:
        folder = linked_set(name)
        seconds, cpu, count = convert_set(folder, WORK / "pages" / name)
        print(f"ours, {name}: {count} files in one process, {seconds:.1f} s wall, {cpu:.1f} s CPU "
              f"({1000 * cpu / max(count, 1):.0f} ms CPU a file, LibreOffice and OCR included)")
    sets = [arg for name in names for arg in ("--set", str(WORK / "sets" / name))]
    bench(["run", *sets, "--out", str(results), "--conv", "ours", "--cmd",  # --conv: none of the bench's own
           f"ours={sys.executable} {BENCH / 'cached_page.py'} {WORK / 'pages'} {{in}}"])
    readers = {f"pandoc-{PANDOC[n]}": PANDOC[n] for n in names if PANDOC.get(n) and others}
    for converter, source in readers.items():  # one run per converter: a run replaces the converter's rows
        chosen = [a for n in names if PANDOC.get(n) == source for a in ("--set", str(WORK / "sets" / n))]
        bench(["run", *chosen, "--out", str(results), "--conv", converter,
               "--cmd", f"{converter}={{pandoc}} -f {source} -t gfm --wrap=none {{in}}"])
    chosen = [a for n in names if n in MARKITDOWN and others for a in ("--set", str(WORK / "sets" / n))]
    if chosen:
        bench(["run", *chosen, "--out", str(results), "--conv", "markitdown"])
    bench(["report", "--out", str(results), "--compact"], show=True)


def linked_set(name: str) -> Path:
    """The set's documents hard-linked into a folder of their own, ground truth with `variant` = the set."""
    source, folder = SOURCES / SETS[name], WORK / "sets" / name
    folder.mkdir(parents=True, exist_ok=True)
    for truth in sorted(source.glob("*.json")):
        documents = [p for p in source.glob(f"{truth.stem}.*") if p.suffix != ".json"]
        if not documents:
            continue
        data = json.loads(truth.read_text(encoding="utf-8"))
        variant = data.get("variant", "")
        data["variant"] = name if variant.startswith(name) or name.startswith("web") or name == "txt" \
            else f"{name}-{variant}"
        (folder / truth.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        target = folder / documents[0].name
        if not target.exists():
            target.unlink(missing_ok=True)  # a broken link
            os.link(documents[0].resolve(), target)  # a set may hold symbolic links (scan-sample)
    return folder


def convert_set(folder: Path, pages: Path) -> tuple[float, float, int]:
    """Every document of `folder` converted in this process (office files by one LibreOffice run), the
    pages saved as `pages/<stem>.md` (a file that cannot be read: `<stem>.error`)."""
    from converter.archive.convert import convert_reading
    from converter.model.errors import ArchiveError
    from converter.reading.formats import read_file
    from converter.reading.libreoffice import convert_batch

    shutil.rmtree(pages, ignore_errors=True)
    pages.mkdir(parents=True)
    files = sorted(p for p in folder.iterdir() if p.suffix != ".json")
    started, cpu = time.perf_counter(), _cpu()
    with tempfile.TemporaryDirectory() as workdir:
        office = [p for p in files if p.suffix in (".doc", ".wps", ".rtf", ".odt")]
        done = dict(zip(office, convert_batch([(p, p.suffix[1:]) for p in office], Path(workdir))))
        for path in files:
            converted = done.get(path)
            try:
                if isinstance(converted, ArchiveError):
                    raise converted
                page = convert_reading(read_file(path, Path(workdir), converted), path).page()
                (pages / f"{path.stem}.md").write_text(page, encoding="utf-8")
            except ArchiveError as error:
                (pages / f"{path.stem}.error").write_text(error.line(path), encoding="utf-8")
    return time.perf_counter() - started, _cpu() - cpu, len(files)


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bench(arguments: list[str], show: bool = False) -> None:
    done = subprocess.run([str(TOOL_PYTHON), str(CONVERTER_BENCH), *arguments], capture_output=not show, text=True)
    if done.returncode != 0:
        print(f"converter-bench {arguments[0]} failed:\n{done.stderr if not show else ''}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
