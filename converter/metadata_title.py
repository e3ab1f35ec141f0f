"""The report's title: the first opening line that reads as a title, joined with its second line when it
wraps; else the reader's title line; else a web page's `标题:` header; else weak sources."""
from __future__ import annotations

import re
from pathlib import Path

from .doctypes import doc_type_of_title, ends_like_a_title
from .head import HeadLine, header_value
from .model import DocProperties

CONNECTOR_END = re.compile(r"(?:和|及|与|暨|、|的|关于|于|对|在|之)$")
BARE_TYPE = re.compile(r"^(?:年度)?(?:政府)?工作(?:总结|计划|要点|报告|汇报)$|^述职报告$")
CONTINUATION_MAX = 40
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])\s+"
                     r"(?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\d])|(?<=\d)\s+(?=[\u4e00-\u9fff])")


def choose_title(head: list[HeadLine], properties: DocProperties, file_name: str) -> tuple[str, str]:
    """(title, source); source is title-line, header, properties or file-name."""
    for index, line in enumerate(head):
        if line.kind not in ("title", "plain"):
            continue
        text = _with_continuation(head, index)
        if line.kind == "title" or text != line.text:
            return clean_title(_with_first_part(head, index, text)), "title-line"
    reader = [i for i, line in enumerate(head) if line.reader_title and line.kind == "plain"]
    if reader:
        return clean_title(_with_continuation(head, reader[0])), "title-line"
    for line in head:
        if line.field == "标题" and header_value(line):
            return clean_title(header_value(line)), "header"
    if properties.title.strip():
        return clean_title(properties.title), "properties"
    return clean_title(Path(file_name).stem), "file-name"


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
    if following.kind not in ("title", "plain") or len(following.text) > CONTINUATION_MAX:
        return text
    joined = text + following.text
    return joined if ends_like_a_title(joined) else text


def _with_first_part(head: list[HeadLine], index: int, text: str) -> str:
    """A bare `工作总结` line takes the plain line above it as the first half of the title."""
    if index == 0 or not BARE_TYPE.match(text):
        return text
    above = head[index - 1]
    return above.text + text if above.kind == "plain" and len(above.text) <= CONTINUATION_MAX else text


def _is_open(text: str) -> bool:
    return bool(CONNECTOR_END.search(text) or "关于" in text or doc_type_of_title(text))
