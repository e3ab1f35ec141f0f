#!/usr/bin/env python3
"""Which OCR engine reads scanned Chinese report pages best, offline: Tesseract (Debian chi_sim) or RapidOCR
(PyPI rapidocr-onnxruntime, PP-OCRv4 models inside the wheel).

    unshare -n python bench/ocr_bench.py [--pages 20] [--dpi 300]

Run it under `unshare -n` (no network at all): an engine that tried to fetch a model would fail here.
Pages: the first page and one middle page of every other document of bench/out/formats/pdf, rendered as a
scan would be (200 dpi grey, as bench/out/formats/scan holds them), then handed to each engine at --dpi.
Truth: the text layer of the same page of the text PDF (what is printed there). Scores: characters of the
truth found in order in the engine's text (difflib matching blocks over the text without whitespace),
CPU seconds per page on one thread (OMP_THREAD_LIMIT/OMP_NUM_THREADS=1).
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import numpy  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCAN_DPI = 200
SPACE = re.compile(r"\s+")
WIDTH = str.maketrans("，：；（）！？", ",:;()!?")


def pages(count: int) -> list[tuple[str, int]]:
    pdfs = sorted((ROOT / "bench" / "out" / "formats" / "pdf").glob("*.pdf"))[::2]
    chosen = []
    for path in pdfs:
        total = len(pdfium.PdfDocument(str(path)))
        chosen += [(str(path), 0), (str(path), total // 2)]
    return chosen[:count]


def truth(path: str, index: int) -> str:
    return pdfium.PdfDocument(path)[index].get_textpage().get_text_range()


def scan_image(path: str, index: int, dpi: int) -> numpy.ndarray:
    """The page as the scan set has it (200 dpi grey), resampled to `dpi` for the engine."""
    page = pdfium.PdfDocument(path)[index]
    bitmap = page.render(scale=SCAN_DPI / 72, grayscale=True).to_numpy()
    grey = numpy.asarray(bitmap)[:, :, 0] if bitmap.ndim == 3 else numpy.asarray(bitmap)
    if dpi == SCAN_DPI:
        return grey
    factor = dpi / SCAN_DPI
    rows = (numpy.arange(int(grey.shape[0] * factor)) / factor).astype(int)
    cols = (numpy.arange(int(grey.shape[1] * factor)) / factor).astype(int)
    return grey[rows][:, cols]


def tesseract(image: numpy.ndarray) -> str:
    height, width = image.shape
    data = f"P5 {width} {height} 255\n".encode() + image.astype(numpy.uint8).tobytes()
    done = subprocess.run(["tesseract", "stdin", "stdout", "-l", "chi_sim", "--psm", "3"], input=data,
                          capture_output=True, check=True)
    return done.stdout.decode()


_rapid = None


def rapidocr(image: numpy.ndarray) -> str:
    global _rapid
    if _rapid is None:
        from rapidocr_onnxruntime import RapidOCR

        _rapid = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    result, _ = _rapid(numpy.stack([image] * 3, axis=-1))
    return "\n".join(text for _, text, _ in result or [])


def found(truth_text: str, text: str) -> tuple[int, int]:
    want = SPACE.sub("", truth_text).translate(WIDTH)
    got = SPACE.sub("", text).translate(WIDTH)
    matched = sum(block.size for block in SequenceMatcher(None, want, got, autojunk=False).get_matching_blocks())
    return matched, len(want)


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--engines", default="tesseract,rapidocr")
    args = parser.parse_args(argv)
    chosen = pages(args.pages)
    images = [(truth(p, i), scan_image(p, i, args.dpi)) for p, i in chosen]
    print(f"{len(images)} pages at {args.dpi} dpi; load {os.getloadavg()[0]:.1f}")
    print("| engine | characters found | CPU s/page | wall s/page |")
    print("|---|---|---|---|")
    for name in args.engines.split(","):
        engine = {"tesseract": tesseract, "rapidocr": rapidocr}[name]
        engine(images[0][1])  # load the models once, outside the timing
        hit = total = 0
        started, cpu_started = time.perf_counter(), cpu()
        for truth_text, image in images:
            matched, length = found(truth_text, engine(image))
            hit, total = hit + matched, total + length
        count = len(images)
        print(f"| {name} | {hit / total:.2%} | {(cpu() - cpu_started) / count:.2f} "
              f"| {(time.perf_counter() - started) / count:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
