#!/usr/bin/env python3
"""How image preparation and Tesseract's settings change what it reads on the scan set's pages.

    python bench/ocr_settings.py [--pages 24] [--variants native,pdfium300,...]

Pages: the first and a middle page of every other document of bench/out/formats/scan (the 200 dpi scans),
rendered at the scan's own resolution (pixel for pixel) and prepared per variant. Truth: the text layer of
the same page of bench/out/formats/pdf. Scores over all pages: `in order` = characters of the truth found in
order (difflib over the texts without whitespace), `8-gram` = characters of the truth inside an 8-character
run the reading also has (converter-bench's body metric), CPU seconds per page of Tesseract (one thread).
Each variant's text passes through the reader's own line builder (`ocr._grouped`, `ocr._text`, `ocr_marks.repaired_lines`), so that
bracket widths are as the reader gives them.
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

import numpy
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.reading import ocr, ocr_marks  # noqa: E402

SCAN_DPI = 200
SPACE = re.compile(r"\s+")


def pages(count: int) -> list[tuple[Path, int]]:
    scans = sorted((ROOT / "bench" / "out" / "formats" / "scan").glob("*.pdf"))[::2]
    chosen = []
    for path in scans:
        total = len(pdfium.PdfDocument(str(path)))
        chosen += [(path, 0), (path, total // 2)]
    return chosen[:count]


def truth(scan: Path, index: int) -> str:
    text = ROOT / "bench" / "out" / "formats" / "pdf" / scan.name
    return pdfium.PdfDocument(str(text))[index].get_textpage().get_text_range()


def grey(path: Path, index: int, dpi: int = SCAN_DPI) -> numpy.ndarray:
    bitmap = pdfium.PdfDocument(str(path))[index].render(scale=dpi / 72, grayscale=True)
    return numpy.asarray(bitmap.to_numpy()).reshape(bitmap.height, bitmap.width, -1)[:, :, 0].copy()


def bilinear(image: numpy.ndarray, factor: float) -> numpy.ndarray:
    rows, cols = image.shape
    y = (numpy.arange(int(rows * factor)) + 0.5) / factor - 0.5
    x = (numpy.arange(int(cols * factor)) + 0.5) / factor - 0.5
    y0 = numpy.clip(numpy.floor(y).astype(int), 0, rows - 2)
    x0 = numpy.clip(numpy.floor(x).astype(int), 0, cols - 2)
    wy = numpy.clip(y - y0, 0, 1)[:, None]
    wx = numpy.clip(x - x0, 0, 1)[None, :]
    a = image.astype(numpy.float32)
    top = a[y0][:, x0] * (1 - wx) + a[y0][:, x0 + 1] * wx
    bottom = a[y0 + 1][:, x0] * (1 - wx) + a[y0 + 1][:, x0 + 1] * wx
    return numpy.clip(top * (1 - wy) + bottom * wy + 0.5, 0, 255).astype(numpy.uint8)


def otsu(image: numpy.ndarray) -> numpy.ndarray:
    counts = numpy.bincount(image.ravel(), minlength=256).astype(float)
    share = counts / counts.sum()
    omega = numpy.cumsum(share)
    mu = numpy.cumsum(share * numpy.arange(256))
    between = (mu[-1] * omega - mu) ** 2 / numpy.maximum(omega * (1 - omega), 1e-12)
    return numpy.where(image > numpy.argmax(between), 255, 0).astype(numpy.uint8)


# name → (prepare the 200 dpi page, the dpi it then has, Tesseract's options)
VARIANTS = {
    "pdfium300": (None, 300, ("--psm", "3")),
    "native": (lambda im: im, 200, ("--psm", "3")),
    "native-psm6": (lambda im: im, 200, ("--psm", "6")),
    "native-psm4": (lambda im: im, 200, ("--psm", "4")),
    "bilinear300": (lambda im: bilinear(im, 1.5), 300, ("--psm", "3")),
    "bilinear400": (lambda im: bilinear(im, 2.0), 400, ("--psm", "3")),
    "repeat400": (lambda im: im.repeat(2, 0).repeat(2, 1), 400, ("--psm", "3")),
    "otsu": (otsu, 200, ("--psm", "3")),
    "native-dpi300": (lambda im: im, 300, ("--psm", "3")),
    "psm6-rows": (lambda im: im, 200, ("--psm", "6", "-c", "textord_noise_rejrows=0")),
    "psm6-adaptive": (lambda im: im, 200, ("--psm", "6", "-c", "thresholding_method=1")),
    "psm6-sauvola": (lambda im: im, 200, ("--psm", "6", "-c", "thresholding_method=2")),
    "psm6-down150": (lambda im: bilinear(im, 0.75), 150, ("--psm", "6")),
    "psm4-rows": (lambda im: im, 200, ("--psm", "4", "-c", "textord_noise_rejrows=0")),
}


def tesseract(image: numpy.ndarray, dpi: int, options: tuple[str, ...]) -> str:
    command = ["tesseract", "stdin", "stdout", "-l", "chi_sim", "--dpi", str(dpi), *options,
               "-c", "preserve_interword_spaces=1", "tsv"]
    done = subprocess.run(command, input=ocr._pgm(image), capture_output=True, check=True,
                          env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    return done.stdout.decode("utf-8", "replace")


def reading(tsv: str) -> str:
    return "\n".join(text for text in ocr_marks.repaired_lines([ocr._text(g) for g in ocr._grouped(ocr._words(tsv))]))


def scores(want: str, got: str) -> tuple[int, int, int]:
    want, got = SPACE.sub("", want), SPACE.sub("", got)
    in_order = sum(b.size for b in SequenceMatcher(None, want, got, autojunk=False).get_matching_blocks())
    grams = {got[i:i + 8] for i in range(len(got) - 7)}
    covered = bytearray(len(want))
    for i in range(len(want) - 7):
        if want[i:i + 8] in grams:
            covered[i:i + 8] = b"\x01" * 8
    return in_order, sum(covered), len(want)


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--dump", type=Path, help="write each variant's reading of each page here")
    args = parser.parse_args(argv)
    chosen = pages(args.pages)
    truths = [truth(path, index) for path, index in chosen]
    print(f"{len(chosen)} pages; load {os.getloadavg()[0]:.1f}")
    print("| variant | in order | 8-gram | CPU s/page | wall s/page |\n|---|---|---|---|---|")
    for name in args.variants.split(","):
        prepare, dpi, options = VARIANTS[name]
        totals = numpy.zeros(3)
        started, cpu = time.perf_counter(), children_cpu()
        for (path, index), want in zip(chosen, truths):
            image = grey(path, index, dpi) if prepare is None else prepare(grey(path, index))
            got = reading(tesseract(image, dpi, options))
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / f"{name}--{path.stem}--{index}.txt").write_text(got, encoding="utf-8")
            totals += scores(want, got)
        count = len(chosen)
        print(f"| {name} | {totals[0] / totals[2]:.2%} | {totals[1] / totals[2]:.2%} | "
              f"{(children_cpu() - cpu) / count:.2f} | {(time.perf_counter() - started) / count:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
