"""Text lines (all pages, furniture gone, tables in place) → the paragraphs a word processor had.

A 公文 paragraph starts with a two-character indent and fills every line to the right margin but its
last, so a line starts a new paragraph when it is indented, when the line before ended well short of the
margin, when it opens with a heading label, when its size differs, or when it is centred or set to the
right (each such line is its own paragraph, except a title wrapped over lines of the same large size).
A line that is not indented after a short one, in a document whose paragraphs start indented, is the
same paragraph after a manual line break: it is joined with "\\n" for the outline stage to judge (a
run-in heading ends at such a break). Wrapped lines are joined with nothing between them (a space only
between two Latin words); no character is changed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from converter.data.heading_rules import HeadingRules
from converter.model import Run, SourceParagraph, Table
from converter.reading.pdf_lines import TextLine, merge_alike

CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
INDENT = 1.5  # characters: a line starting this far right of the margin is indented
SHORT = 1.5  # characters: a line ending this far left of the right margin ended its paragraph
CENTRED = 2.0  # characters: the gaps left and right of a centred line differ by less than this
INDENTED_SHARE = 0.02  # paragraphs start indented when this share of the lines is (long paragraphs: few)
SIZE_STEP = 1.0  # points: a change of size this large starts a new paragraph
TITLE_STEP = 2.0  # points above the body size: centred lines this large may wrap (a two-line title)


@dataclass(frozen=True)
class Layout:
    """Where the text column is, and what body text looks like."""

    left: float
    right: float
    size: float
    indented_starts: bool  # most paragraphs start indented

    @classmethod
    def of(cls, lines: list[TextLine]) -> "Layout":
        chars = Counter()
        lefts = Counter()
        for line in lines:
            chars[line.size] += len(line.text)
            lefts[round(line.x0)] += 1
        size = chars.most_common(1)[0][0] if chars else 12.0
        left = min((x for x, n in lefts.most_common(3)), default=0.0)
        ends = sorted(line.x1 for line in lines)
        right = ends[int(len(ends) * 0.9)] if ends else 0.0
        layout = cls(float(left), right, size, False)
        indented = sum(1 for line in lines if INDENT <= layout.indent(line) <= 4 and not layout.align(line))
        return cls(float(left), right, size, indented >= max(3, INDENTED_SHARE * len(lines)))

    def indent(self, line: TextLine) -> float:
        return (line.x0 - self.left) / (line.size or self.size)

    def short(self, line: TextLine, following: TextLine | None = None) -> bool:
        """Whether `line` stopped short of the right margin: by more than the first piece of the line
        after it needed (left-aligned text wraps early before a long number), or by `SHORT` characters."""
        room = self.right - line.x1
        if following is not None and following.lead:
            return room > following.lead + 0.5 * (line.size or self.size)
        return room > SHORT * (line.size or self.size)

    def align(self, line: TextLine) -> str | None:
        size = line.size or self.size
        before, after = line.x0 - self.left, self.right - line.x1
        # a large line (a title) may nearly fill the column: equal gaps on both sides are enough
        off_margin = 0.2 * size if size >= self.size + TITLE_STEP else 2.5 * size
        if before > off_margin and abs(before - after) < CENTRED * size:
            return "center"
        if after < SHORT * size and before > (self.right - self.left) / 2:
            return "right"
        return None


def paragraphs(blocks: list, rules: HeadingRules) -> list:
    """`blocks`: `TextLine`s and `Table`s in reading order → `SourceParagraph`s and `Table`s."""
    layout = Layout.of([b for b in blocks if isinstance(b, TextLine)])
    out, current, previous = [], [], None
    for block in blocks:
        if isinstance(block, Table):
            _flush(out, current, layout)
            out.append(block)
            current, previous = [], None
            continue
        joiner = _joiner(previous, block, layout, rules)
        if joiner is None:
            _flush(out, current, layout)
            current = []
        current.append((joiner or "", block))
        previous = block
    _flush(out, current, layout)
    return out


def _joiner(previous: TextLine | None, line: TextLine, layout: Layout, rules: HeadingRules) -> str | None:
    """What joins `line` to the paragraph of `previous`: "" (a wrapped line), "\\n" (a manual line break),
    or None: it starts a new paragraph."""
    if previous is None:
        return None
    big = min(line.size, previous.size) >= layout.size + TITLE_STEP
    if big and abs(line.size - previous.size) < max(SIZE_STEP, 0.1 * line.size) and layout.align(line) != "right":
        return ""  # a large title wrapped over two lines (OCR sizes of one title differ by a point or two)
    if abs(line.size - previous.size) >= SIZE_STEP:
        return None
    if layout.align(line) == "center" and not layout.short(previous, line) and layout.indent(previous) < INDENT:
        return ""  # the last line of a centred paragraph that wrapped (a subtitle)
    if layout.align(previous) or layout.align(line):
        return None
    if layout.indent(line) >= INDENT:
        return None
    if not layout.short(previous, line):
        return ""
    if rules.label(line.text.lstrip()) or not layout.indented_starts or not _same_look(previous, line):
        return None
    return "\n"


def _same_look(previous: TextLine, line: TextLine) -> bool:
    """A line after a manual break goes on in the look the line before ended in (the font is compared
    only between Chinese characters and punctuation: digits and “” are often set in a Latin font)."""
    last = next((r for r in reversed(previous.runs) if r.text.strip()), None)
    first = next((r for r in line.runs if r.text.strip()), None)
    if not (last and first) or last.bold != first.bold:
        return False
    chinese = CHINESE.match(last.text.rstrip()[-1]) and CHINESE.match(first.text.lstrip()[0])
    return not chinese or last.font == first.font


def _flush(out: list, lines: list[tuple[str, TextLine]], layout: Layout) -> None:
    if not lines:
        return
    runs: list[Run] = []
    for joiner, line in lines:
        if runs and (joiner or _latin_join(runs[-1].text, line.text)):
            runs.append(Run(text=joiner or " "))
        runs.extend(line.runs)
    # the other lines of a wrapped centred paragraph fill the column: its last line shows the alignment
    out.append(SourceParagraph(runs=merge_alike(runs), align=layout.align(lines[-1][1])))


def _latin_join(before: str, after: str) -> bool:
    """A wrapped line between two Latin words needs the space the wrap took."""
    a, b = before[-1:], after[:1]
    return a.isascii() and b.isascii() and a.isalpha() and b.isalpha()
