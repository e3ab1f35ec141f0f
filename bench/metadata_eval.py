"""Metadata extraction measured against ground truth; prints a table (not part of the tests).

    .venv/bin/python bench/metadata_eval.py [-v]

Sets: the generated .docx (docx-gen's set, make_reports.generated_set; truth in the JSON beside each file), the real .docx of
../shared/corpus/reports-docx (truth: MANIFEST year and issuing body, title = first line, the meeting date),
and the text corpus ../shared/corpus/reports-txt read one line per paragraph with no reader title
(truth: bench/metadata_truth.yml). Hand-checked extra truth is in bench/metadata_truth.yml.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yaml

from converter.metadata.dates import find_dates
from converter.metadata.extract import extract_metadata
from converter.metadata.tagging import tag_report
from converter.metadata.topics import load_taxonomy
from converter.model import Paragraph, Report, Run, SourceParagraph
from converter.reading.docx import read_docx
from converter.structure.outline import build_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from corpus_manifest import manifest_rows  # noqa: E402
from make_reports import Unavailable, generated_set  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRUTH = yaml.safe_load((Path(__file__).parent / "metadata_truth.yml").read_text(encoding="utf-8"))
def generated_or_none() -> Path | None:
    try:
        return generated_set()
    except Unavailable:
        return None


GENERATED = generated_or_none()  # docx-gen's files with their ground truth
FIELDS = ("title", "year", "issuer", "date", "doc_type")


def generated_cases():
    types = TRUTH["generated_doc_types"]
    for truth_file in sorted(GENERATED.glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        source = truth_file.stem.split("__")[0]
        expected = {key: truth[key] for key in ("title", "year", "issuer")}
        expected["date"] = _iso(truth.get("date"))
        expected["doc_type"] = types.get(source, types["default"])
        yield truth_file.with_suffix(".docx"), expected


def real_docx_cases():
    folder = SHARED / "corpus" / "reports-docx"
    rows = manifest_rows(folder, (".docx", ".txt"))
    for path in sorted(folder.glob("*.docx")):
        row = rows[path.name]
        first = next(b.text for b in read_docx(path).blocks if isinstance(b, SourceParagraph) and b.text.strip())
        yield path, {"title": first.strip(), "year": int(row[5][:4]), "issuer": row[6],
                     "date": str(TRUTH["real_docx_dates"][path.stem]), "doc_type": "政府工作报告"}


def text_cases():
    folder = SHARED / "corpus" / "reports-txt"
    rows = manifest_rows(folder, (".docx", ".txt"))
    for path in sorted(folder.glob("*.txt")):
        truth = TRUTH["texts"][path.stem]
        expected = {"year": int(rows[path.name][5][:4]), "issuer": truth["issuer"], "doc_type": truth["doc_type"],
                    "date": str(truth["date"]) if "date" in truth else None}
        if "title" in truth:
            expected["title"] = truth["title"]
        yield path, expected


def text_report(path: Path) -> Report:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return Report(title="", blocks=tuple(Paragraph(runs=(Run(text=line),)) for line in lines if line))


def _iso(text: str | None) -> str | None:
    dates = find_dates(text or "")
    return dates[0].iso if dates else None


def evaluate(name, cases, load, verbose):
    scores = {key: [0, 0] for key in FIELDS}
    started, count = time.perf_counter(), 0
    for path, expected in cases:
        count += 1
        found = extract_metadata(load(path), path.name).values
        for key in FIELDS:
            if key not in expected or (key == "date" and expected[key] is None):
                continue
            scores[key][1] += 1
            if found.get(key) == expected[key]:
                scores[key][0] += 1
            elif verbose:
                print(f"  {name} {path.name} {key}: got {found.get(key)!r}, want {expected[key]!r}")
    elapsed = (time.perf_counter() - started) * 1000 / max(count, 1)
    return name, count, scores, elapsed


def main(verbose: bool) -> None:
    sets = [("generated", generated_cases, lambda p: build_report(read_docx(p)), GENERATED is not None),
            ("real-docx", real_docx_cases, lambda p: build_report(read_docx(p)), SHARED.is_dir()),
            ("texts", text_cases, text_report, SHARED.is_dir())]
    print("| set | docs | " + " | ".join(FIELDS) + " | ms/doc |")
    print("|---" * (len(FIELDS) + 3) + "|")
    for name, cases, load, present in sets:
        if not present:
            print(f"| {name} | (absent) |")
            continue
        name, count, scores, elapsed = evaluate(name, cases(), load, verbose)
        cells = [f"{100 * ok / n:.0f}% ({ok}/{n})" if n else "–" for ok, n in (scores[k] for k in FIELDS)]
        print(f"| {name} | {count} | " + " | ".join(cells) + f" | {elapsed:.0f} |")


def topic_table(loaders) -> None:
    """How many topics reports and sections get, and whether a bureau report's main subject is among them."""
    expected = TRUTH["main_topics"]
    taxonomy = load_taxonomy()
    print("\n| set | reports | topics/report (min–max) | with ≥1 topic | sections | sections with a topic "
          "| main subject found |")
    print("|---" * 7 + "|")
    for name, paths, load in loaders:
        counts, sections, covered, hits, labelled = [], 0, 0, 0, 0
        for path in paths:
            tagged = tag_report(load(path), taxonomy)
            counts.append(len(tagged.topics))
            sections += len(tagged.sections)
            covered += sum(1 for s in tagged.sections if s.topics)
            if (main := expected.get(path.stem.split("__")[0])) is not None:
                labelled += 1
                hits += main in tagged.topics
        if counts:
            print(f"| {name} | {len(counts)} | {sum(counts) / len(counts):.1f} ({min(counts)}–{max(counts)}) | "
                  f"{sum(1 for c in counts if c)}/{len(counts)} | {sections} | "
                  f"{100 * covered / max(sections, 1):.0f}% | {hits}/{labelled} |")


if __name__ == "__main__":
    main("-v" in sys.argv)
    generated = sorted(GENERATED.glob("*.docx")) if GENERATED else []
    topic_table([("generated", generated, lambda p: build_report(read_docx(p))),
                 ("real-docx", sorted((SHARED / "corpus" / "reports-docx").glob("*.docx")),
                  lambda p: build_report(read_docx(p))),
                 ("texts", sorted((SHARED / "corpus" / "reports-txt").glob("*.txt")), text_report)])
