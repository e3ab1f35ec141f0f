"""The report's title: the Title style, else the first large, centred or bold line(s) at the top, else a
lone top-level styled heading, else a plain first line named like a report (…工作总结). A title wrapped
over two lines formatted alike is joined. A web page's furniture and metadata header pasted above the
report (`标题: …`, `发布时间: …`; see `web_furniture`) are passed over, never the title.

This is the one title finder for a .docx: the page's `#` and the front matter's `title` both come from it
(`metadata.title_fallback` only handles what it cannot see)."""
from __future__ import annotations

from converter.data.heading_rules import HeadingRules
from converter.data.web_furniture import is_web_furniture
from converter.model import Table
from converter.structure.clean_lines import prevailing

SEARCH = 8  # lines from the top where a title may be
SKIPPABLE = 20  # short lines above the title (附件1, 文号) are passed over; a longer one ends the search
BIG = 2  # points above the body size
MASTHEAD_ROWS, MASTHEAD_CHARS = 2, 40


def find_title(lines: list, rules: HeadingRules) -> tuple[str, set[int]]:
    """(title text, indices of the lines it was made from)."""
    for finder in (_styled, _formatted, _lone_heading, _named):
        found = finder(lines, rules)
        if found:
            return _joined([lines[i].text for i in found]), set(found)
    return "", set()


def _top(lines: list) -> list[int]:
    """The lines where a title may be: up to the first table, but a masthead laid out in a small table
    above everything else is passed over, and so is web furniture (which does not count as a line)."""
    indices = []
    window = SEARCH
    for index, block in enumerate(lines):
        if index >= window:
            break
        if isinstance(block, Table):
            if indices or not _masthead(block):
                break
        elif is_web_furniture(block.text):
            window += 1
        else:
            indices.append(index)
    return indices


def _masthead(table: Table) -> bool:
    """A table of a row or two holding a few words ("××局文件", a document number), not data."""
    text = "".join(cell.text for row in table.rows for cell in row)
    return len(table.rows) <= MASTHEAD_ROWS and len(text.strip()) <= MASTHEAD_CHARS


def _styled(lines: list, rules: HeadingRules) -> list[int]:
    top = [i for i in _top(lines) if lines[i].source.style_level == 0 and lines[i].source.origin == "body"]
    if not top:
        return []
    found = [top[0]]
    while found[-1] + 1 in top:
        found.append(found[-1] + 1)
    return found


def _formatted(lines: list, rules: HeadingRules) -> list[int]:
    body_size = prevailing(lines, "size", count_unset=False)
    for index in _top(lines):
        line = lines[index]
        if _title_like(line, rules, body_size):
            found = [index]
            following = index + 1
            if following < len(lines) and _continues(lines[index], lines[following], rules, body_size):
                found.append(following)
            return found
        if len(line.text) > SKIPPABLE or rules.label(line.text) or line.source.style_level:
            return []
    return []


def _lone_heading(lines: list, rules: HeadingRules) -> list[int]:
    """A document whose first line is its only top-level styled heading uses it as the title."""
    top = _top(lines)
    if not top:
        return []
    first = lines[top[0]].source
    level = first.style_level or first.outline_level
    if not level or first.origin != "body":
        return []
    others = any(not isinstance(b, Table) and (b.source.style_level or b.source.outline_level or 99) <= level
                 for b in lines[top[0] + 1:])
    return [] if others else [top[0]]


def _named(lines: list, rules: HeadingRules) -> list[int]:
    """The first line, web furniture apart, when it is named like a report."""
    top = _top(lines)
    if not top or any(isinstance(block, Table) for block in lines[:top[0]]):
        return []
    line = lines[top[0]]
    text = line.text
    if line.source.origin != "body" or len(text) > rules.title_continuation_max or rules.not_title.search(text) \
            or rules.label(text) or not rules.title_words.search(text):
        return []
    return [top[0]]


def _title_like(line, rules: HeadingRules, body_size: float | None) -> bool:
    text = line.text
    if line.source.origin != "body" or not text or len(text) > rules.title_max or rules.not_title.search(text):
        return False
    if rules.label(text) or line.role != "body":
        return False
    runs = [r for r in line.runs if r.text.strip()]
    size = max((r.size or 0 for r in runs), default=0)
    big = bool(body_size and size >= body_size + BIG)
    bold = bool(runs) and all(r.bold for r in runs)
    return line.source.align == "center" or big or bold


def _continues(first, second, rules: HeadingRules, body_size) -> bool:
    if isinstance(second, Table) or len(second.text) > rules.title_continuation_max:
        return False
    if not _title_like(second, rules, body_size) or rules.not_title_continuation.search(second.text):
        return False
    return _look(first) == _look(second)


def _look(line) -> tuple:
    run = next((r for r in line.runs if r.text.strip()), None)
    return line.source.align, run and (run.size, run.font, run.bold)


def _joined(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        latin = text[-1:].isascii() and part[:1].isascii() and text[-1:].isalnum() and part[:1].isalnum()
        text += (" " if latin else "") + part
    return text.strip()
