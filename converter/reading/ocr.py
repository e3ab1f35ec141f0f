"""OCR of a page image with Tesseract (Debian `tesseract-ocr` + `tesseract-ocr-chi-sim`, run as a program:
offline, nothing downloaded) → the same `TextLine`s a text page gives, so a scan goes through the same
lines → paragraphs → structure path.

Tesseract reads the page as one block of text (`--psm 6`), at the scan's own resolution: its automatic
page layout (`--psm 3`) and an image enlarged to 300 dpi both read less (bench/ocr_settings.py on the scan
sample: 96.1% of the body characters in 8-character runs, against 92.2% for the two together); the lines
its layout step still drops are read again on their own (`ocr_gaps`), and so is a heading label whose
numeral it lost (`ocr_labels`).

Tesseract reports words with their boxes in pixels; a line's characters are joined with nothing between
Chinese characters (Tesseract puts a space between its "words"), a space only between Latin words. The
size of a line is its height in points, snapped to the page's few sizes so that lines of one paragraph
agree (OCR heights wobble by a point or two). It is measured on the ink under the line's words, not on
Tesseract's boxes, which drift and grow (a first line read as large as the title above it was joined to
it), and on the characters' dense band only (a last line `道路。` is not smaller than the others).
Punctuation Tesseract reads in its ASCII form is given the form Chinese text uses (`ocr_marks`).
"""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
from statistics import median

import numpy

from converter.model import Run
from converter.model.errors import ArchiveError
from converter.reading import ocr_gaps, ocr_labels
from converter.reading.ocr_marks import repaired_lines
from converter.reading.pdf_lines import TextLine

LANGUAGES = "chi_sim"
CPU_SECONDS_PER_PAGE = 60  # a page takes 2-3 CPU seconds; a CPU limit holds on a busy machine
WALL_SECONDS_PER_PAGE = 900  # only a backstop for a Tesseract that waits on nothing
INK_SHARE = 0.92  # a Chinese character's ink is about this share of its font size
SIZE_CLUSTER = 0.12  # line heights within this share of each other are one size
SHORT_LINE, CLOSE = 3, 0.2  # a line of this many characters measured up to this share smaller than the line above
INNER_GAP = 0.3  # blank rows fewer than this share of the characters' height are inside them
DENSE_ROW = 0.1  # a row of a line with this share of the line's densest row's ink is in the characters' band
MISSING = ("ocr-missing", "这个 PDF 是扫描件，需要文字识别（OCR），但本机没有安装 Tesseract 中文识别",
           "请安装 tesseract-ocr 和 tesseract-ocr-chi-sim（Debian：apt-get install tesseract-ocr tesseract-ocr-chi-sim）后再导入")
FAILED = ("ocr-failed", "这个 PDF 是扫描件，文字识别（OCR）失败", "请确认扫描件清晰可读，或找到含文字的原稿后再导入")


def page_lines(image: numpy.ndarray, dpi: int, page: int, page_height: float) -> list[TextLine]:
    """The text lines Tesseract reads in an 8-bit grey page image rendered at `dpi`."""
    words = _words(_tesseract_tsv(_pgm(image)))
    groups = _grouped(words + _skipped_words(image, words, dpi))
    texts = repaired_lines([_read_text(image, group) for group in groups])
    lines = [_line(group, text, _ink_height(image, group), 72 / dpi, page, page_height)
             for group, text in zip(groups, texts)]
    return _snap_sizes(_short_lines_sized([line for line in lines if line.text.strip()]))


def _read_text(image: numpy.ndarray, words: list[dict]) -> str:
    """The line's text; its start read again alone when it looks like a garbled heading label (`ocr_labels`)."""
    text = _text(words)
    if not ocr_labels.suspect(text):
        return text
    piece = ocr_labels.label_piece(image, words)
    return ocr_labels.relabelled(text, _text(_words(_tesseract_tsv(_pgm(piece), "7"))))


def _skipped_words(image: numpy.ndarray, words: list[dict], dpi: int) -> list[dict]:
    """The words of the lines Tesseract skipped, read again on their own (`ocr_gaps`)."""
    bands = ocr_gaps.skipped_bands(image, words, dpi)
    if not bands:
        return []
    enlarged, pieces = ocr_gaps.strip(image, bands, dpi)
    return ocr_gaps.placed(_words(_tesseract_tsv(_pgm(enlarged))), pieces)


def _pgm(image: numpy.ndarray) -> bytes:
    height, width = image.shape
    return f"P5 {width} {height} 255\n".encode() + numpy.ascontiguousarray(image, dtype=numpy.uint8).tobytes()


def _tesseract_tsv(image: bytes, layout: str = "6") -> str:
    """Tesseract's words in `image` (a PGM); `layout`: its page segmentation mode, "6" a block of text,
    "7" a single line."""
    program = shutil.which("tesseract")
    if not program:
        raise ArchiveError(*MISSING)
    command = [program, "stdin", "stdout", "-l", LANGUAGES, "--psm", layout, "-c", "preserve_interword_spaces=1", "tsv"]
    try:
        done = subprocess.run(command, input=image, capture_output=True, timeout=WALL_SECONDS_PER_PAGE,
                              check=False, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
                              preexec_fn=_limit_cpu)
    except (OSError, subprocess.SubprocessError):
        raise ArchiveError(*FAILED) from None
    if done.returncode != 0:
        if b"chi_sim" in done.stderr:
            raise ArchiveError(*MISSING)
        raise ArchiveError(*FAILED)
    return done.stdout.decode("utf-8", "replace")


def _limit_cpu() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS_PER_PAGE, CPU_SECONDS_PER_PAGE))


def _words(tsv: str) -> list[dict]:
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [row for row in rows if row.get("level") == "5" and (row.get("text") or "").strip()]


def _grouped(words: list[dict]) -> list[list[dict]]:
    """Words in lines: Tesseract's own lines, and its lines side by side on one baseline joined (it puts a
    bold run-in heading and the text after it in different blocks)."""
    found: dict[tuple, list[dict]] = {}
    for word in words:
        found.setdefault((word["block_num"], word["par_num"], word["line_num"]), []).append(word)
    lines: list[list[dict]] = []
    for line in sorted(found.values(), key=lambda ws: min(int(w["top"]) for w in ws)):
        same = next((other for other in lines if _side_by_side(other, line)), None)
        if same is None:
            lines.append(line)
        else:
            same.extend(line)
            same.sort(key=lambda w: int(w["left"]))
    return lines


def _side_by_side(a: list[dict], b: list[dict]) -> bool:
    top_a, bottom_a = _band(a)
    top_b, bottom_b = _band(b)
    overlap = min(bottom_a, bottom_b) - max(top_a, top_b)
    return overlap > 0.5 * min(bottom_a - top_a, bottom_b - top_b)


def _band(words: list[dict]) -> tuple[int, int]:
    return min(int(w["top"]) for w in words), max(int(w["top"]) + int(w["height"]) for w in words)


def _text(words: list[dict]) -> str:
    text = ""
    for word in words:
        piece = word["text"].strip()
        if text and text[-1].isascii() and piece[0].isascii() and text[-1].isalnum() and piece[0].isalnum():
            text += " "
        text += piece
    return text


def _ink_height(image: numpy.ndarray, words: list[dict]) -> int:
    """How tall the line's characters are: the longest run of rows under its words where the ink is dense,
    with the runs just above and below it that only a thin gap parts from it (the gap inside `台` or `三`).
    Tesseract's boxes are no measure: a character's box drifts and can grow to twice the line's height,
    and punctuation (`。`), bracket ends and Latin descenders are lower or thinner than the characters."""
    top, bottom = _band(words)
    left, right = min(int(w["left"]) for w in words), max(int(w["left"]) + int(w["width"]) for w in words)
    counts = (image[top:bottom, left:right] < ocr_gaps.INK).sum(axis=1)
    dense = numpy.concatenate(([False], counts >= DENSE_ROW * counts.max(initial=1), [False]))
    edges = numpy.flatnonzero(numpy.diff(dense.astype(numpy.int8)))
    runs = list(zip(edges[::2].tolist(), edges[1::2].tolist()))
    if not runs:
        return bottom - top
    start, end = max(runs, key=lambda run: run[1] - run[0])
    gap = INNER_GAP * (end - start)
    for run_start, run_end in sorted(runs, key=lambda run: abs(run[0] - start)):
        if start - gap <= run_end and run_start <= end + gap:
            start, end = min(start, run_start), max(end, run_end)
    return end - start


def _line(words: list[dict], text: str, ink: int, scale: float, page: int, page_height: float) -> TextLine:
    lefts = [int(w["left"]) for w in words]
    rights = [int(w["left"]) + int(w["width"]) for w in words]
    tops = [int(w["top"]) for w in words]
    bottoms = [int(w["top"]) + int(w["height"]) for w in words]
    size = ink * scale / INK_SHARE
    return TextLine(page=page, x0=min(lefts) * scale, x1=max(rights) * scale, top=min(tops) * scale,
                    bottom=max(bottoms) * scale, size=size, runs=(Run(text=text, size=size),),
                    page_height=page_height)


def _short_lines_sized(lines: list[TextLine]) -> list[TextLine]:
    """A line of a character or two (the end of a wrapped heading, `台`) is too short to measure: one
    glyph's ink can be shorter than the font's, never taller; so when it measures a little smaller than the
    line above, it takes that line's size."""
    out = []
    for line in lines:
        above = out[-1] if out else None
        if above and len(line.text.strip()) <= SHORT_LINE and (1 - CLOSE) * above.size <= line.size < above.size:
            line = _sized(line, above.size)
        out.append(line)
    return out


def _snap_sizes(lines: list[TextLine]) -> list[TextLine]:
    """Each line's size replaced by the rounded median of its cluster of similar sizes."""
    ordered = sorted(lines, key=lambda line: line.size)
    clusters: list[list[TextLine]] = []
    for line in ordered:
        if clusters and line.size <= clusters[-1][0].size * (1 + SIZE_CLUSTER):
            clusters[-1].append(line)
        else:
            clusters.append([line])
    sizes = {}
    for cluster in clusters:
        size = round(median(line.size for line in cluster))
        sizes.update({id(line): float(size) for line in cluster})
    return [_sized(line, sizes[id(line)]) for line in lines]


def _sized(line: TextLine, size: float) -> TextLine:
    from dataclasses import replace

    return replace(line, size=size, runs=tuple(replace(run, size=size) for run in line.runs))
