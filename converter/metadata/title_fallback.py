"""The front matter's title: the outline's title (`title.py`, the page's `#`) whenever it found a title
line, so the two cannot disagree. Only what the outline cannot see is handled here: a report with no
title formatting at all (a web page pasted as plain text; the text corpus), where the first opening line
that reads as a title by its words is taken, joined with its second line when it wraps; a web page's
`标题:` header; then the weak sources, the document properties and the file name."""
from __future__ import annotations

import re
from pathlib import Path

from converter.metadata.doctypes import doc_type_of_title, ends_like_a_title
from converter.metadata.opening_lines import RULES, HeadLine
from converter.model import Report

CONNECTOR_END = re.compile(r"(?:和|及|与|暨|、|的|关于|于|对|在|之)$")
BARE_TYPE = re.compile(r"^(?:年度)?(?:政府)?工作(?:总结|计划|要点|报告|汇报)$|^述职报告$")
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])\s+"
                     r"(?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\d])|(?<=\d)\s+(?=[\u4e00-\u9fff])")


def choose_title(report: Report, head: list[HeadLine], file_name: str) -> tuple[str, str]:
    """(title, source); source is title-line, header, properties or file-name."""
    if report.title.strip() and not report.title_from_properties:
        return clean_title(report.title), "title-line"
    if text := title_by_words(head):
        return clean_title(text), "title-line"
    for line in head:
        if line.field == "标题" and line.value:
            return clean_title(line.value), "header"
    if report.properties.title.strip():
        return clean_title(report.properties.title), "properties"
    return clean_title(Path(file_name).stem), "file-name"


def title_by_words(head: list[HeadLine]) -> str:
    """The first opening line that reads as a title (`head.py`), with its wrapped second line or first half."""
    for index, line in enumerate(head):
        if line.kind not in ("title", "plain"):
            continue
        text = _with_continuation(head, index)
        if line.kind == "title" or text != line.text:
            return _with_first_part(head, index, text)
    return ""


def clean_title(text: str) -> str:
    """Spaces typed between Chinese characters dropped (`…促进局 关于2024年度…`), other runs made one space."""
    text = CJK_GAP.sub("", text.strip())
    return re.sub(r"\s+", " ", text)


def _with_continuation(head: list[HeadLine], index: int) -> str:
    """The title line, plus the next line when the title is visibly still open (`…关于2024年度工作总结和`)."""
    text = head[index].text
    if index + 1 >= len(head) or ends_like_a_title(text) or not _is_open(text):
        return text
    following = head[index + 1]
    if following.kind not in ("title", "plain") or len(following.text) > RULES.title_continuation_max:
        return text
    joined = text + following.text
    return joined if ends_like_a_title(joined) else text


def _with_first_part(head: list[HeadLine], index: int, text: str) -> str:
    """A bare `工作总结` line takes the plain line above it as the first half of the title."""
    if index == 0 or not BARE_TYPE.match(text):
        return text
    above = head[index - 1]
    return above.text + text if above.kind == "plain" and len(above.text) <= RULES.title_continuation_max else text


def _is_open(text: str) -> bool:
    return bool(CONNECTOR_END.search(text) or "关于" in text or doc_type_of_title(text))
