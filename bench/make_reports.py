#!/usr/bin/env python3
"""The benchmarks' one source of reports: N distinct, realistic .docx files, and archives built from them.

    python bench/make_reports.py 1000 [--out bench/out/reports] [--seed 7] [--source /work/gen/docx-gen]

The texts are the corpus reports as ../shared/tools/docx-gen parsed them (its ground-truth JSON: the
pre-generated set in --source, else gen.py is run over ../shared/seed and ../shared/corpus/reports-txt
once, into bench/out/docx-gen). Report i takes text i % (number of texts) and its own year, issuer and
document type, so no two reports share a title (what `archive add` takes for the same report); the
paragraphs of each section are shuffled, so every file differs in bytes and in words' neighbourhoods
while reading like a real report (each report's shuffle has its own seed). The .docx files are written by ../shared/tools/docx-gen/gen.py
(variant gongwen: every paragraph in style Normal, headings by direct formatting), the hardest
realistic case for the converter. Same arguments, same files; made once and kept in bench/out/reports/
(report i is the same file whatever the count, so the first 100 of the 1000 are the 100-report set).

`imported_archive(n)` is the archive the build and search benches measure: the first n of these
reports imported with `archive add` into bench/out/archive-<n> (kept and reused).
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
REPORTS = OUT / "reports"
SHARED = ROOT.parent / "shared"
DEFAULT_SOURCE = Path("/work/gen/docx-gen")
GEN = SHARED / "tools" / "docx-gen" / "gen.py"
ARCHIVE = [sys.executable, "-m", "converter"]
PLACES = ("明湖区", "清河县", "云山市", "石门区", "临江县", "松江区", "白沙县", "青山市", "东港区", "南溪县")
OFFICES = ("人民政府", "科技局", "教育局", "财政局", "农业农村局", "卫生健康委员会", "生态环境局", "商务局")
TYPES = ("工作总结", "工作计划")  # a 人民政府 writes a 政府工作报告
YEARS = range(2000, 2026)


class Unavailable(Exception):
    """../shared (docx-gen and the corpus texts) is not there."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="docx-gen ground-truth JSON folder")
    args = parser.parse_args(argv)
    try:
        files = make_reports(args.count, args.out or REPORTS, args.seed, args.source)
    except Unavailable as error:
        print(error, file=sys.stderr)
        return 2
    print(f"{len(files)} reports in {files[0].parent}")
    return 0


def make_reports(count: int, out: Path | None = None, seed: int = 7, source: Path = DEFAULT_SOURCE) -> list[Path]:
    """The first `count` .docx files, made once: files already in `out` are reused."""
    out = out or REPORTS
    wanted = [out / f"r{i:05d}__gongwen.docx" for i in range(count)]
    if all(p.exists() for p in wanted):
        return wanted
    if not GEN.exists():
        raise Unavailable(f"needs {GEN} (../shared) to write the reports")
    texts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(truth_folder(source).glob("*__gongwen.json"))]
    titles = distinct_titles(count, seed)
    out.mkdir(parents=True, exist_ok=True)
    for attempt in range(len(texts)):  # gen.py skips a text whose headings it cannot find: use the next one
        missing = [i for i, path in enumerate(wanted) if not path.exists()]
        if not missing:
            return wanted
        _generate(out, {i: report_text(texts[(i + attempt) % len(texts)], titles[i], i,
                                        random.Random(f"{seed}-{i}")) for i in missing})
    raise SystemExit(f"docx-gen could not make {len(missing)} of the reports")


def truth_folder(source: Path) -> Path:
    """docx-gen's ground truth for the corpus texts: `source`, else generated once into bench/out/."""
    if source.is_dir() and any(source.glob("*__gongwen.json")):
        return source
    return generated_set()


def generated_set(variants: str = "styled,gongwen,messy,outline") -> Path:
    """What /work/gen/docx-gen holds, made here from ../shared when it is missing: every corpus text
    (../shared/seed and corpus/reports-txt) in every docx-gen variant, with its ground truth."""
    if DEFAULT_SOURCE.is_dir() and any(DEFAULT_SOURCE.glob("*.docx")):
        return DEFAULT_SOURCE
    made = OUT / "docx-gen"
    if any(made.glob("*.docx")):
        return made
    texts = sorted((SHARED / "seed").glob("*.txt")) + sorted((SHARED / "corpus" / "reports-txt").glob("*.txt"))
    if not GEN.exists() or not texts:
        raise Unavailable(f"needs {DEFAULT_SOURCE} or ../shared (tools/docx-gen and corpus/reports-txt)")
    made.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(GEN), str(made), *map(str, texts), "--variants", variants], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return made


def distinct_titles(count: int, seed: int) -> list[tuple[int, str, str]]:
    """(year, issuer, document type) for each report, no two alike, in a fixed shuffled order."""
    combos = [(year, place + office, "工作报告" if office == "人民政府" else kind)
              for year, place, office, kind in itertools.product(YEARS, PLACES, OFFICES, TYPES)
              if office != "人民政府" or kind == TYPES[0]]
    random.Random(seed).shuffle(combos)
    if count > len(combos):
        raise SystemExit(f"at most {len(combos)} distinct reports (add places to bench/make_reports.py)")
    return combos[:count]


def _generate(out: Path, texts: dict[int, str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for i, text in texts.items():
            path = Path(scratch) / f"r{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        subprocess.run([sys.executable, str(GEN), str(out), *files, "--variants", "gongwen"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for stray in out.glob("*.json"):  # docx-gen's ground truth for our texts: not needed
        stray.unlink()


def report_text(truth: dict, title: tuple[int, str, str], index: int, rng: random.Random) -> str:
    """One report as plain text, one paragraph a line (the shape gen.py reads best)."""
    year, issuer, kind = title
    lines = [f"{year}年{issuer}{kind}"]
    for heading, paragraphs in _sections(truth):
        if heading:
            lines.append(heading)
        rng.shuffle(paragraphs)
        lines.extend(paragraphs)
    lines += [issuer, f"{year}年12月{1 + index % 28}日"]
    return "\n".join(lines) + "\n"


def _sections(truth: dict) -> list[tuple[str, list[str]]]:
    """(heading text, its body paragraphs) in document order; the first heading is "" (the preamble)."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for kind, number in truth["order"]:
        if kind == "h":
            sections.append((truth["headings"][number]["text"], []))
        elif kind == "p" and truth["paragraphs"][number]["role"] == "body":
            sections[-1][1].append(truth["paragraphs"][number]["text"])
    return sections


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def new_archive(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*ARCHIVE, "init", str(folder)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def add_reports(archive: Path, docx: list[Path]) -> None:
    """`archive add` of every file; all of them must be imported."""
    done = subprocess.run([*ARCHIVE, "add", "-q", *map(str, docx)], cwd=archive, capture_output=True, text=True)
    pages = len(list((archive / "docs" / "reports").glob("*/*.md")))
    if done.returncode or pages != len(docx):
        raise SystemExit(f"archive add imported {pages} of {len(docx)} reports in {archive}: "
                         f"{(done.stderr or done.stdout).strip()[-400:]}")


def imported_archive(size: int, fresh: bool = False) -> tuple[Path, float | None]:
    """(bench/out/archive-<size> with the first `size` reports imported, seconds the import took or None
    when the archive was already there)."""
    docx = make_reports(size)
    archive = OUT / f"archive-{size}"
    if not fresh and len(list((archive / "docs" / "reports").glob("*/*.md"))) == size:
        return archive, None
    new_archive(archive)
    started = time.perf_counter()
    add_reports(archive, docx[:size])
    return archive, time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
