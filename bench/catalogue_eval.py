#!/usr/bin/env python3
"""The 政务公开 catalogue fields read from reports, measured; prints tables (not part of the tests).

    .venv/bin/python bench/catalogue_eval.py [-v]

文号: docx-gen's generated set (make_reports.generated_set) with a 文号 written into each file's head the ways
offices write it — under a masthead line, under the title, beside 签发人, as a web header field, in a masthead
table, under the signature — in the four bracket forms (〔〕 [] ［］ （）); the same files with 文号 quoted
only in a sentence of the body (they have none of their own); the untouched generated files and the real
reports of ../shared/corpus/reports-docx, which carry none. A 文号 counts as found when it is exactly the one
written; any 文号 where none was written is a false one.
摘要 on every file: never empty, at most 100 characters, its text the report's own (a prefix of a sentence
run when cut, never cut inside a number, a Latin word or a character), and no sentence of it boilerplate.
"""
from __future__ import annotations

import copy
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import docx

from converter.archive.convert import convert_file
from converter.metadata.summary import BOILERPLATE, SENTENCE, sentences_of
from converter.model import Paragraph
from converter.model.values import SUMMARY_MAX

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_reports import Unavailable, generated_set  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "reports-docx"
BRACKETS = ("〔〕", "[]", "［］", "（）")
PLACES = ("masthead", "under-title", "signer", "web-header", "masthead-table", "signature")
ORGS = ("明科发", "云政办", "临农函", "石财", "清教发", "东商务发")


def numbered(source: Path, out: Path, place: str, number: str) -> None:
    """`source` with `number` written at `place` (python-docx edits a copy)."""
    document = docx.Document(str(source))
    first = document.paragraphs[0]
    if place == "masthead":
        first.insert_paragraph_before("明湖区人民政府办公室文件")
        first.insert_paragraph_before(number)
    elif place == "under-title":
        document.paragraphs[1].insert_paragraph_before(number)
    elif place == "signer":
        first.insert_paragraph_before(f"{number}\u3000\u3000\u3000\u3000签发人：王明")
    elif place == "web-header":
        first.insert_paragraph_before(f"文号：{number}")
    elif place == "masthead-table":
        table = document.add_table(rows=2, cols=1)
        table.cell(0, 0).text, table.cell(1, 0).text = "明湖区科学技术局文件", number
        first._p.addprevious(table._tbl)
    else:
        document.add_paragraph(f"（{number}）")
    document.save(str(out))


def quoted(source: Path, out: Path, number: str) -> None:
    """`source` with a 文号 quoted in a sentence of its body, and a note citing one at its end."""
    document = docx.Document(str(source))
    body = document.paragraphs[min(3, len(document.paragraphs) - 1)]
    body.insert_paragraph_before(f"按照《关于进一步做好有关工作的通知》（{number}）要求，全年开展专项检查12次。")
    document.add_paragraph(f"附件：{number}文件落实情况表")
    copy.deepcopy(document)
    document.save(str(out))


def summary_problems(converted) -> list[str]:
    summary = converted.meta.summary
    paragraphs = [" ".join(b.text.split()) for b in converted.report.blocks if isinstance(b, Paragraph)]
    text = "\n".join(paragraphs + [converted.meta.title])
    problems = []
    if not summary:
        problems.append("empty")
    if len(summary) > SUMMARY_MAX:
        problems.append("too long")
    pieces = [m.group(0) for m in SENTENCE.finditer(summary.removesuffix("…")) if m.group(0)]
    if not all(piece.strip() in text for piece in pieces):
        problems.append("not the report's text")
    if any(p.search(s) for s in sentences_of(summary) for p in BOILERPLATE):
        problems.append("boilerplate")
    return problems


def run_set(name, cases, verbose, table):
    found = false = expected = 0
    summaries = Counter()
    started, count = time.perf_counter(), 0
    for path, want in cases:
        count += 1
        converted = convert_file(path)
        got = converted.meta.doc_number
        expected += bool(want)
        found += bool(want) and got == want
        false += bool(got) and got != want
        problems = summary_problems(converted)
        summaries.update(problems or ["ok"])
        if verbose and ((got != want) or problems):
            print(f"  {name} {path.name}: 文号 {got!r} want {want!r}; 摘要 {problems} {converted.meta.summary!r}")
    ms = (time.perf_counter() - started) * 1000 / max(count, 1)
    rate = f"{100 * found / expected:.1f}% ({found}/{expected})" if expected else "–"
    table.append(f"| {name} | {count} | {rate} | {false} | {summaries['ok']}/{count} | "
                 f"{', '.join(f'{k} {v}' for k, v in summaries.items() if k != 'ok') or '–'} | {ms:.0f} |")


def generated_cases(folder: Path, scratch: Path, rng: random.Random):
    for n, source in enumerate(sorted(folder.glob("*.docx"))):
        place, brackets = PLACES[n % len(PLACES)], BRACKETS[(n // len(PLACES)) % len(BRACKETS)]
        number = f"{rng.choice(ORGS)}{brackets[0]}{rng.randint(2000, 2025)}{brackets[1]}{rng.randint(1, 199)}号"
        out = scratch / f"{place}-{source.name}"
        numbered(source, out, place, number)
        yield out, number


def quoted_cases(folder: Path, scratch: Path, rng: random.Random):
    for source in sorted(folder.glob("*.docx")):
        out = scratch / f"quoted-{source.name}"
        quoted(source, out, f"{rng.choice(ORGS)}〔{rng.randint(2000, 2025)}〕{rng.randint(1, 199)}号")
        yield out, ""


def main(verbose: bool) -> None:
    try:
        folder = generated_set()
    except Unavailable:
        folder = None
    table = ["| set | docs | 文号 found | false 文号 | 摘要 ok | 摘要 problems | ms/doc |", "|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        rng = random.Random(15)
        if folder:
            run_set("generated + 文号 in the head", generated_cases(folder, scratch, rng), verbose, table)
            run_set("generated + 文号 quoted in the body", quoted_cases(folder, scratch, rng), verbose, table)
            run_set("generated as made", ((p, "") for p in sorted(folder.glob("*.docx"))), verbose, table)
        if REAL.is_dir():
            run_set("real reports-docx", ((p, "") for p in sorted(REAL.glob("*.docx"))), verbose, table)
    print("\n".join(table))


if __name__ == "__main__":
    main("-v" in sys.argv)
