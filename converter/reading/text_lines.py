"""Lines of a plain text → paragraphs: each non-empty line is a paragraph, except where a scraper or a
fixed line width visibly broke the text's own structure. Only unambiguous boundaries are used; the
wording is never changed (whitespace at a boundary goes, whitespace inside a paragraph stays).

- A whole body run together on one line (pages scraped without their paragraph breaks, `collapsed`):
  a typed label (一、 （一） 1. （1） 第一部分) after a sentence end (or 一、/（一） after a colon) starts a
  paragraph; whitespace is a
  lost break after a sentence end, before a label, around the page's own lines before the first and
  after the last sentence, and after a short labelled heading when a sentence follows; a short
  labelled heading glued to what follows ends where a label of another kind, an enumeration `一是`,
  or a clause opening with a year (`2025年，`) begins.
- Lines wrapped at a fixed width (`unwrap`): a line as long as the width continues into the next one
  unless that one is indented or opens with a label.
- A line that opens with closing punctuation (`。会议…`, where a link's text was put on its own line)
  continues the line before it; a title split after its first characters (`政府工作报` / `告`) is joined.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from converter.data.heading_rules import heading_rules

SPACE = " \t\u3000\xa0"
EDGES = SPACE + "\u200b\u200c\u200d\u2060\ufeff"  # and invisible characters, at a line's ends only
SENTENCE_END = "。！？；!?"
LABEL_START = re.compile(r"(?=第[一二三四五六七八九十百零〇]{1,4}(?:部分|章|篇)|[一二三四五六七八九十百零〇]{1,3}[、．.]"
                         r"|[（(][一二三四五六七八九十百零〇0-9０-９]{1,3}[）)]|[0-9０-９]{1,2}[.．、])")
WHITESPACE = re.compile(r"[ \t\u3000\xa0]+")
SECTION_LABELS = ("part", "han", "paren-han")
COLLAPSED_MIN = 1000  # characters: a line this long holding several labelled paragraphs is a whole body
COLLAPSED_LABELS = 3
HEADING_MAX = 40
LOOK = 16  # characters looked at around a boundary: labels and the ends of what they follow are short  # a labelled heading whose break was lost is at most this long
GLUED_OPENER = re.compile(r"一是|(?:19|20)\d\d年(?=[，,是以])")
NOT_IN_HEADING = re.compile(r"[。！？；：:!?;]")
PROSE_MIN = 25
SPEAKER_BEFORE = re.compile(rf"{heading_rules().speaker}$")
NAME_AFTER = re.compile(r"^[\u4e00-\u9fff·]{2,4}(?=[ \t\u3000\xa0]|$)")
CLOSING_START = tuple("。，、；：！？）」』》”’")
FIELD_VALUE_MAX = 40
WRAP_MIN_LINES = 10
WRAP_SHARE = 0.5  # of lines at the wrap width (±1) for a text to count as wrapped


def paragraphs(text: str) -> list[str]:
    raw = text.splitlines()
    lines = unwrap([line.strip(EDGES) for line in raw], [line[:1] in SPACE for line in raw])
    out = []
    for line in lines:
        if line:
            out.extend(split_collapsed(line) if is_collapsed(line) else [line])
    return join_fragments(out)


def is_collapsed(line: str) -> bool:
    return len(line) >= COLLAPSED_MIN and len(_label_breaks(line)) >= COLLAPSED_LABELS


def split_collapsed(line: str) -> list[str]:
    starts = sorted(set(_label_breaks(line)) | _space_breaks(line))
    pieces = [line[a:b].strip(SPACE) for a, b in zip([0] + starts, starts + [len(line)])]
    out = []
    for piece in pieces:
        out.extend(_split_glued(piece))
    return [p for p in out if p]


def _label(text: str) -> tuple[str, int] | None:
    return heading_rules().label(text)


def _label_breaks(line: str) -> list[int]:
    """Positions of typed labels that follow a sentence end (whitespace between allowed), and of 一、/（一）
    labels after a colon (`主要工作是：（一）…`: an item list is numbered 1./（1）, not with sections' labels)."""
    breaks = []
    for match in LABEL_START.finditer(line):
        start = match.start()
        previous = _previous_character(line, start)
        label = _label(line[start:start + LOOK]) if previous else None
        if label and (previous in SENTENCE_END or (previous in "：:" and label[0] in SECTION_LABELS)):
            breaks.append(start)
    return breaks


def _previous_character(line: str, index: int) -> str:
    index -= 1
    while index >= 0 and line[index] in SPACE:
        index -= 1
    return line[index] if index >= 0 else ""


def _space_breaks(line: str) -> set[int]:
    """Starts of the text after whitespace runs that are lost line breaks."""
    ends = [i for i, c in enumerate(line) if c in SENTENCE_END]
    first, last = (ends[0], ends[-1]) if ends else (len(line), -1)
    breaks = set()
    segment_start = 0
    for match in WHITESPACE.finditer(line):
        start, end = match.span()
        if start == segment_start or end == len(line):
            continue
        # only the ends of the text around the space matter: slices stay short on a line of any length
        before = line[segment_start:start] if start - segment_start <= LOOK * 4 else line[start - LOOK:start]
        short = start - segment_start <= LOOK * 4
        if _space_is_break(before, short, line[end:end + LOOK * 8], start < first or start > last):
            breaks.add(end)
            segment_start = end
    return breaks


def _space_is_break(before: str, short: bool, after: str, outside_sentences: bool) -> bool:
    """`before`: the text since the last break (its last characters when it is not `short`)."""
    label = _label(before) if short else None
    if label and label[1] == len(before):  # the space after a label ("一、 概述")
        return False
    if before[-1] in SENTENCE_END or _label(after):
        return True
    if outside_sentences:
        return not (before[-1] in ":：" or (before[-1].isdigit() and after[0].isdigit())
                    or (SPEAKER_BEFORE.search(before) and NAME_AFTER.match(after))
                    or (short and heading_rules().page_furniture.match(f"{before} {after.split()[0]}")))
    return short and _is_heading(before) and (_is_prose(after) or after.startswith("一是"))


def _is_heading(text: str) -> bool:
    label = _label(text)
    return bool(label) and len(text) <= HEADING_MAX and not NOT_IN_HEADING.search(text)


def _is_prose(text: str) -> bool:
    token = WHITESPACE.split(text, maxsplit=1)[0]
    return len(token) >= PROSE_MIN and any(mark in token for mark in "，。")


def _split_glued(piece: str) -> list[str]:
    """A labelled heading glued to the text after it, cut where another label, `一是` or a year clause begins."""
    out = []
    while (label := _label(piece)) is not None:
        cut = _glued_end(piece, label)
        if cut is None:
            break
        out.append(piece[:cut].rstrip(SPACE))
        piece = piece[cut:].lstrip(SPACE)
    return out + [piece]


def _glued_end(piece: str, label: tuple[str, int]) -> int | None:
    kind, start = label
    window = piece[:HEADING_MAX + 1]
    candidates = [m.start() for m in GLUED_OPENER.finditer(window, start)]
    candidates += [m.start() for m in LABEL_START.finditer(window, start + 1)
                   if (other := _label(piece[m.start():])) and other[0] != kind]
    for cut in sorted(candidates):
        head = piece[start:cut].strip(SPACE)
        if len(head) >= 2 and not NOT_IN_HEADING.search(head):
            return cut
        if NOT_IN_HEADING.search(head):
            return None
    return None


def _field_value(name: str, value: str) -> bool:
    bare = name.endswith((":", "："))
    field = bare and _is_field(name)
    return bool(field) and len(value) <= FIELD_VALUE_MAX and not _is_field(value)


def _is_field(text: str) -> bool:
    rules = heading_rules()
    return bool(rules.web_header.match(text) or rules.source_line.match(text))


def unwrap(lines: list[str], indented: list[bool]) -> list[str]:
    """Join lines a fixed width wrapped: a line as long as the width goes on in the next line unless
    that one is indented, empty or labelled. Texts without such a width are left as they are."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out, last = [], []
    for line, indent in zip(lines, indented):
        if out and out[-1] and line and not indent and not _label(line) and display_width(last[-1]) >= width - 2:
            out[-1] += line
            last[-1] = line
        else:
            out.append(line)
            last.append(line)
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The display width (a Chinese character counts 2) a text was wrapped at: most of its lines within
    2 of the most common width, and none wider."""
    widths = [display_width(line) for line in lines if line]
    if len(widths) < WRAP_MIN_LINES:
        return None
    width, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for n in widths if width - 2 <= n <= width)
    if near < WRAP_SHARE * len(widths) or width < 20 or max(widths) > width:
        return None
    return width


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def join_fragments(lines: list[str]) -> list[str]:
    """A line opening with closing punctuation continues the one before; so does the value under a field
    name that stands alone (`来源：` / `宁夏日报`, a page's table cells scraped one a line); a title split
    after its first characters (`政府工作报` / `告`) is joined."""
    rules = heading_rules()
    out = []
    for line in lines:
        if out and (line.startswith(CLOSING_START) or _field_value(out[-1], line)):
            out[-1] += line
        elif out and len(line) <= 2 and len(out) <= 10 and not rules.title_words.search(out[-1]) \
                and rules.title_words.search(out[-1] + line):
            out[-1] += line
        else:
            out.append(line)
    return out
