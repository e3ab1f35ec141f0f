"""A page's characters → text lines with their place on the page and their formatting as `Run`s; and the
lines that are the page's, not the report's: running headers and footers, page numbers.

A running header or footer is text in the top or bottom margin band that comes back at the same place on
most pages (digits and punctuation ignored, so `第 3 页 共 9 页` matches `第 4 页 共 9 页`); a page number is a line in
the band that reads like one (headings.yml `page_furniture`: `— 3 —`, `- 3 -`, `第 3 页 共 9 页`, `3/9`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import median

from converter.data import rules as rule_file
from converter.data.heading_rules import HeadingRules
from converter.model import Run

MARGIN_BAND = 0.12  # share of the page height at the top and at the bottom where furniture sits
REPEATED_SHARE = 0.5  # furniture comes back on at least this share of the pages (and on two at least)
SUPERSCRIPT_SIZE = 0.75  # a character this much smaller than its line, and raised, is a superscript
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NO_LINE_START = set("、。，．,.：:；;！!？?）)」』】〕》〉”’%％·…—")
OPENING = set("（(「『【〔《〈“‘")
DIGITS = re.compile(r"[0-9０-９]+|[一二三四五六七八九十〇]+")


@dataclass(frozen=True)
class TextLine:
    page: int
    x0: float  # of the first character that is not a space (where the eye sees the line start)
    x1: float
    top: float
    bottom: float
    size: float  # the size most of its characters are set in
    runs: tuple[Run, ...]
    page_height: float = 0.0
    lead: float = 0.0  # width of the line's first unbreakable piece: what the line above had to fit


    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def page_lines(glyphs, page: int, page_height: float) -> list[TextLine]:
    """The glyphs (in PDFium's reading order) cut into lines at PDFium's line breaks."""
    lines, current = [], []
    for glyph in glyphs:
        current.append(glyph)
        if glyph.line_end:
            lines.append(current)
            current = []
    if current:
        lines.append(current)
    made = (_line(sorted(group, key=lambda g: g.x0), page, page_height) for group in lines)
    return [line for line in made if line is not None]


def _line(glyphs: list, page: int, page_height: float) -> TextLine | None:
    printed = [g for g in glyphs if g.text.strip()]
    if not printed:
        return None
    size = Counter(g.size for g in printed).most_common(1)[0][0]
    baseline = median(g.bottom for g in printed if g.size == size)
    runs = []
    for index, glyph in enumerate(glyphs):
        if not glyph.font and not _latin_gap(glyphs, index):
            continue  # a gap PDFium read as a space: Chinese is written without spaces
        raised = glyph.size and glyph.size <= size * SUPERSCRIPT_SIZE and glyph.bottom < baseline - size * 0.2
        runs.append(Run(text=glyph.text, bold=glyph.bold, font=family(glyph.font) if glyph.font else None,
                        size=glyph.size or None, superscript=bool(raised)))
    return TextLine(page=page, x0=printed[0].x0, x1=max(g.x1 for g in printed), top=min(g.top for g in printed),
                    bottom=max(g.bottom for g in printed), size=size, runs=merge_alike(_same_font(runs)),
                    page_height=page_height, lead=_lead(printed))


def _lead(printed: list) -> float:
    """How wide the line's first unbreakable piece is: a Latin word or number with what sticks to it up to
    the next Chinese character ("2.3%、3.9%；"), or a Chinese character with the punctuation that may not
    start a line. A line ends its paragraph only when it stopped short of the margin by more than this."""
    end = 1
    if printed[0].text.isascii():
        while end < len(printed) and not IDEOGRAPH.match(printed[end].text):
            end += 1
    else:
        while end < len(printed) and (printed[end].text in NO_LINE_START or printed[end - 1].text in OPENING):
            end += 1
    return printed[end - 1].x1 - printed[0].x0


def _latin_gap(glyphs: list, index: int) -> bool:
    before = glyphs[index - 1].text if index else ""
    after = glyphs[index + 1].text if index + 1 < len(glyphs) else ""
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum()


def _same_font(runs: list[Run]) -> list[Run]:
    """A space PDFium generated takes the font of the character before it, so it does not split a run."""
    out = []
    for run in runs:
        if run.font is None and out:
            run = Run(text=run.text, bold=out[-1].bold, font=out[-1].font, size=out[-1].size)
        out.append(run)
    return out


def merge_alike(runs) -> tuple[Run, ...]:
    """Neighbouring runs with the same formatting in every respect become one."""
    merged: list[Run] = []
    for run in runs:
        if merged and replace(merged[-1], text="") == replace(run, text=""):
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        else:
            merged.append(run)
    return tuple(merged)


@lru_cache(maxsize=1)
def _families() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = rule_file("pdf_fonts")
    return tuple((entry["family"], tuple(n.lower() for n in entry["names"])) for entry in data["families"])


@lru_cache(maxsize=512)
def family(font_name: str) -> str:
    """The family the heading rules know (黑体, 楷体, 仿宋, …) for a PDF font name; else the name itself."""
    key = font_name.lower()
    for name, parts in _families():
        if any(part in key for part in parts):
            return name
    return font_name


# --- page furniture -------------------------------------------------------------------------------------


def drop_furniture(pages: list[list[TextLine]], rules: HeadingRules) -> tuple[list[list[TextLine]], int]:
    """The pages without running headers/footers and page numbers; and how many lines were dropped."""
    counts = Counter(key for lines in pages for key in {_key(line) for line in lines if _in_band(line)})
    repeated = {key for key, n in counts.items() if n >= max(2, REPEATED_SHARE * len(pages))}
    kept, dropped = [], 0
    for lines in pages:
        page = [line for line in lines if not (_in_band(line) and
                                               (_key(line) in repeated or _page_number(line, rules)))]
        dropped += len(lines) - len(page)
        kept.append(page)
    return kept, dropped


def _in_band(line: TextLine) -> bool:
    band = line.page_height * MARGIN_BAND
    return line.bottom <= band or line.top >= line.page_height - band


def _key(line: TextLine) -> tuple[str, int]:
    """What a running header/footer keeps from page to page: its words with numbers masked (punctuation
    left out: OCR reads a gap in the header as a quote on some pages), and its band."""
    text = DIGITS.sub("#", re.sub(r"[\W_]+", "", line.text))
    return text, int(line.top >= line.page_height / 2)


def _page_number(line: TextLine, rules: HeadingRules) -> bool:
    text = line.text.strip()
    return bool(rules.page_furniture.match(text)) or text.isdigit() and len(text) <= 4
