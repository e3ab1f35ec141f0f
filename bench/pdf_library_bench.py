#!/usr/bin/env python3
"""Which PDF library reads Chinese report PDFs best: pypdfium2, pdfplumber (pdfminer.six), pypdf.

    python bench/pdf_library_bench.py [bench/out/formats/pdf]

For each library, over every PDF of the set (made by bench/make_format_sets.py):
- CPU seconds per page to get what the reader needs: every character with its position, font name and
  size (and ruling lines where the library has them), and to get the library's plain text;
- characters: share of the ground truth's characters (title, headings, paragraphs; whitespace removed)
  found in the plain text (multiset), and spaces the library puts between two Chinese characters (per
  1000 Chinese characters) — LibreOffice leaves a gap, not a space, between Chinese and Latin text;
- encrypted (user password), truncated and garbage files: what the library does.
Prints a Markdown table (bench/notes/pdf-library.md has the last run).
"""
from __future__ import annotations

import io
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")
CJK = re.compile(r"[\u4e00-\u9fff]")


def pdfium_rich(path: Path) -> int:
    """What converter/reading/pdf_pages.py takes from PDFium: characters with box, font, size, bold, and
    the ruling lines."""
    from converter.reading.pdf_pages import open_pdf, read_page

    with open_pdf(path) as document:
        for index in range(len(document)):
            read_page(document, index)
        return len(document)


def pdfium_text(path: Path) -> tuple[int, str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    texts = [page.get_textpage().get_text_range() for page in pdf]
    pdf.close()
    return len(texts), "\n".join(texts)


def plumber_rich(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            [(c["text"], c["x0"], c["top"], c["fontname"], c["size"]) for c in page.chars]
            page.lines, page.rects
        return len(pdf.pages)


def plumber_text(path: Path) -> tuple[int, str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages), "\n".join(page.extract_text() or "" for page in pdf.pages)


def pypdf_rich(path: Path) -> int:
    import pypdf

    reader = pypdf.PdfReader(path)
    spans = []
    for page in reader.pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: spans.append((text, tm[4:6], font, size)))
    return len(reader.pages)


def pypdf_text(path: Path) -> tuple[int, str]:
    import pypdf

    reader = pypdf.PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


LIBRARIES = {"pypdfium2": (pdfium_rich, pdfium_text), "pdfplumber": (plumber_rich, plumber_text),
             "pypdf": (pypdf_rich, pypdf_text)}


def truth_chars(truth: dict) -> Counter:
    texts = [truth.get("title") or ""] + [h["text"] for h in truth["headings"]]
    texts += [p["text"] for p in truth["paragraphs"]]
    return Counter(re.sub(r"\s+", "", "".join(texts)))


def measure(name: str, pdfs: list[Path]) -> dict:
    rich, plain = LIBRARIES[name]
    pages = found = total = gaps = cjk = 0
    started = time.process_time()
    for path in pdfs:
        pages += rich(path)
    rich_seconds = time.process_time() - started
    started = time.process_time()
    for path in pdfs:
        _, text = plain(path)
        want = truth_chars(json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
        got = Counter(re.sub(r"\s+", "", text))
        found += sum(min(n, got[c]) for c, n in want.items())
        total += sum(want.values())
        gaps += len(CJK_GAP.findall(text))
        cjk += len(CJK.findall(text))
    text_seconds = time.process_time() - started
    return {"library": name, "pages": pages, "rich_pages_per_s": pages / rich_seconds,
            "text_pages_per_s": pages / text_seconds, "char_recall": found / total,
            "cjk_gaps_per_1000": 1000 * gaps / cjk, "bad_input": bad_input(name)}


def bad_input(name: str) -> str:
    """What the library does with an encrypted, a truncated and a garbage PDF."""
    import pypdf

    sample = sorted((ROOT / "bench" / "out" / "formats" / "pdf").glob("*.pdf"))[0].read_bytes()
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(sample))
    writer.encrypt(user_password="secret", owner_password="owner")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    cases = {"encrypted": encrypted.getvalue(), "truncated": sample[: len(sample) // 3],
             "garbage": b"%PDF-1.7\n" + bytes(range(256)) * 40}
    verdicts = []
    for case, data in cases.items():
        path = Path(f"/tmp/pdf-library-bench-{case}.pdf")
        path.write_bytes(data)
        try:
            pages, text = LIBRARIES[name][1](path)
            verdicts.append(f"{case}: read {pages} pages, {len(text.strip())} chars")
        except Exception as error:  # noqa: BLE001 - we report what each library raises
            verdicts.append(f"{case}: {type(error).__name__}")
        path.unlink()
    return "; ".join(verdicts)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "bench" / "out" / "formats" / "pdf"
    pdfs = sorted(folder.glob("*.pdf"))
    print("| library | pages | chars+fonts+positions, pages/s/core | plain text, pages/s/core | GT chars found "
          "| spaces between Chinese chars /1000 | bad input |")
    print("|---|---|---|---|---|---|---|")
    for name in LIBRARIES:
        row = measure(name, pdfs)
        print(f"| {name} | {row['pages']} | {row['rich_pages_per_s']:.1f} | {row['text_pages_per_s']:.1f} "
              f"| {row['char_recall']:.2%} | {row['cjk_gaps_per_1000']:.2f} | {row['bad_input']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
