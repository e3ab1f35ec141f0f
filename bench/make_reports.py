#!/usr/bin/env python3
"""Make N distinct, realistic report .docx files for benchmarks (build speed, search index size).

    python bench/make_reports.py 1000 bench/out/reports-1000 [--seed 7] [--source /work/gen/docx-gen]

The texts are the 25 corpus reports as ../shared/tools/docx-gen parsed them (its ground-truth JSON in
--source). Report i takes text i % 25, a year, an issuer and a document type from fixed lists, a title
made of those, and the text's paragraphs shuffled within each section, so every file differs in bytes
and in words' neighbourhoods while reading like a real report. Texts docx-gen cannot outline are replaced
by the next corpus text. The .docx files are written by
../shared/tools/docx-gen/gen.py (variant gongwen: every paragraph in style Normal, headings by
direct formatting), the hardest realistic case for the converter. Same arguments, same files.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SOURCE = Path("/work/gen/docx-gen")
GEN = SHARED / "tools" / "docx-gen" / "gen.py"
ISSUERS = [f"{place}{office}" for place in ("明湖区", "清河县", "云山市", "石门区", "临江县")
           for office in ("人民政府", "科技局", "教育局", "财政局", "农业农村局", "卫生健康委员会", "生态环境局", "商务局")]
TYPES = ("工作总结", "工作计划")  # a 人民政府 writes a 政府工作报告
FIRST_YEAR, YEARS = 2000, 26


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="docx-gen ground-truth JSON folder")
    args = parser.parse_args(argv)
    if not GEN.exists() or not args.source.is_dir():
        print(f"needs {GEN} and {args.source}", file=sys.stderr)
        return 2
    make_reports(args.count, args.out, args.seed, args.source)
    return 0


def make_reports(count: int, out: Path, seed: int = 7, source: Path = DEFAULT_SOURCE) -> list[Path]:
    """The .docx files, made once: an existing complete set in `out` is reused."""
    wanted = [out / f"r{i:05d}__gongwen.docx" for i in range(count)]
    if all(p.exists() for p in wanted):
        return wanted
    texts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(source.glob("*__gongwen.json"))]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for attempt in range(len(texts)):  # gen.py skips a text whose headings it cannot find: use the next one
        missing = [i for i, path in enumerate(wanted) if not path.exists()]
        if not missing:
            return wanted
        _generate(out, {i: report_text(texts[(i + attempt) % len(texts)], i, rng) for i in missing})
    raise SystemExit(f"docx-gen could not make {len(missing)} of the reports")


def _generate(out: Path, texts: dict[int, str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for i, text in texts.items():
            path = Path(scratch) / f"r{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        subprocess.run([sys.executable, str(GEN), str(out), *files, "--variants", "gongwen"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def report_text(truth: dict, index: int, rng: random.Random) -> str:
    """One report as plain text, one paragraph a line (the shape gen.py reads best)."""
    year = FIRST_YEAR + (index * 7) % YEARS
    issuer = ISSUERS[(index * 11) % len(ISSUERS)]
    government = issuer.endswith("人民政府")
    title = f"{year}年{issuer}工作报告" if government else f"{year}年{issuer}{TYPES[index % len(TYPES)]}"
    lines = [title]
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


if __name__ == "__main__":
    sys.exit(main())
