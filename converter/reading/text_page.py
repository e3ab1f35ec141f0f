"""A text scraped from a web page, without the page: the site's furniture is dropped, its header fields kept.

- what follows the article (`打印本页`, `相关链接`, `责任编辑：`, a licence footer) is cut off;
- buttons, breadcrumbs, share links, footer lines and a sharing site's notices are dropped (furniture.py);
- a document-sharing page shows the document's file name as its heading (`2023年…工作总结.docx`), then
  its own panel (ID, 大小, 页数, tags) down to where the document's text begins: the name, without its
  extension, is the title; the panel goes, and so does the document's first line when it only repeats
  the title;
- information fields above the text (`标题:`, `发布时间:`, `发布机构:`, `来源:` …) are taken out of the
  text into the document's `header`, which the metadata stage reads (one without a value, `文号:`, goes).
  The `标题:` value is also the page's own title, for a body that does not repeat it.
"""
from __future__ import annotations

import re

from converter.data.heading_rules import heading_rules
from converter.reading.furniture import PROSE, article_end, header_fields, is_furniture, is_prose, sharing_notices

DOCUMENT_NAME = re.compile(r"^(.{4,80}?)\s*\.(?:docx?|wps|pdf|txt|rtf|odt)$", re.IGNORECASE)
HEAD_LINES = 40  # a sharing site's file-name heading is near the top
CRUMB_SEPARATOR = re.compile(r"^[>›»/|＞]+$")
CRUMB_MAX = 15


def page_lines(lines: list[str]) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """The report's lines, without the page around it; and the page's information fields."""
    lines = lines[:article_end(lines)]
    notices = sharing_notices(lines) | _breadcrumb_trails(lines)
    lines = [line for i, line in enumerate(lines) if i not in notices and not is_furniture(line)]
    return header_fields(_from_document_name(lines))


def _breadcrumb_trails(lines: list[str]) -> set[int]:
    """A breadcrumb scraped one item a line (`当前位置：` / `首页` / `>` / `政务信息` / `>` / `宁夏要闻`): the
    items joined by separator lines after the `当前位置：` line."""
    found = set()
    for index, line in enumerate(lines):
        if not heading_rules().breadcrumb.match(line):
            continue
        following = index + 1
        while following < len(lines) and _crumb(lines, following):
            found.add(following)
            following += 1
    return found


def _crumb(lines: list[str], index: int) -> bool:
    if CRUMB_SEPARATOR.match(lines[index]):
        return True
    joined = (index + 1 < len(lines) and CRUMB_SEPARATOR.match(lines[index + 1])) \
        or CRUMB_SEPARATOR.match(lines[index - 1])
    return bool(joined) and len(lines[index]) <= CRUMB_MAX and not PROSE.search(lines[index])


def _from_document_name(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines[:HEAD_LINES]):
        if is_prose(line):
            return lines
        match = DOCUMENT_NAME.match(line)
        if match:
            title = match.group(1).strip()
            start = _document_start(lines, index + 1, title)
            return lines[:index] + [title] + lines[start:]
    return lines


def _document_start(lines: list[str], start: int, title: str) -> int:
    """Where the document's own text begins below its file name: its first line when that repeats the
    title (which is then skipped), else the first sentence or labelled line."""
    squashed_title = _squash(title)
    for index in range(start, min(len(lines), start + HEAD_LINES)):
        line = lines[index]
        if len(_squash(line)) >= 4 and _squash(line) in squashed_title:
            return index + 1
        if is_prose(line) or heading_rules().web_header.match(line):
            return index
    return start


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
