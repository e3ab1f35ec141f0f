"""The opening lines of a report, each classified: title, subtitle, source line, speaker, caption, web furniture…

Real reports put several lines above the body: the title (sometimes wrapped over two lines), a dated
subtitle `——2025年1月16日在…会议上`, `来源：<报纸>`, `时间：…`, `<职务> <姓名>`, photo captions, and,
when copied from a web page, buttons and breadcrumbs or a metadata header (`标题:`/`发布机构:`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from converter.data.heading_rules import heading_rules
from converter.data.web_furniture import INDENT, header_field, web_kind
from converter.metadata.dates import find_dates
from converter.metadata.doctypes import doc_type_of_title, ends_like_a_title
from converter.model import Heading, Paragraph, Report

RULES = heading_rules()  # the word lists this module shares with the structure stage
HEAD_SIZE = 30  # blocks looked at; the head usually ends sooner, at 各位代表： or the first 一、
META_LINE = re.compile(rf"{RULES.source_line.pattern}|^页面链接|^=+\s*正文\s*=+$")
MASTHEAD = re.compile(r"文件$|〔(?:19|20)\d\d〕\s*\d+\s*号|签发人\s*[:：]")
TIMESTAMP = re.compile(r"\d{1,2}\s*[:：时]\s*\d{1,2}\s*分?")
SUBTITLE = re.compile(r"^[—\-－–―]{1,4}|在.{0,60}?(?:会议|大会)")
SPEAKER = re.compile(rf"^[\u4e00-\u9fff]{{0,20}}?{RULES.speaker}(?:[\s\u3000\xa0]*[\u4e00-\u9fff·]{{2,10}}(?:同志)?)?$")
PERSON_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
SALUTATION = re.compile(r"^(?:各位代表|各位委员|同志们|各位领导)")
NUMBERED = re.compile(r"^[一二三四五六七八九十]{1,3}、|^[（(][一二三四五六七八九十]{1,3}[）)]")
SENTENCE = re.compile(r"[，。；！？,;!?]")
SLOGAN_TITLE = re.compile(r"^[^。；！？]{2,30}——[^，。；！？,;!?]{4,60}$")  # 凝心聚力，砥砺前行——区科技局2023年工作总结


@dataclass(frozen=True)
class HeadLine:
    text: str
    kind: str  # title, plain, subtitle, source, speaker, caption, furniture, header, stop
    field: str = ""  # header field name, for kind == "header"
    value: str = ""  # and its value


def head_lines(report: Report) -> list[HeadLine]:
    """A web page's information fields, then the outline's title line and the blocks that follow it,
    classified, up to the start of the body."""
    fields = [classify_line(f"{name}：{value}") for name, value in report.header]
    title_line = report.title.strip() and not report.title_from_properties
    texts = [(report.title, True)] if title_line else []
    for block in report.blocks[:HEAD_SIZE]:
        if isinstance(block, (Paragraph, Heading)):
            texts.append((block.text, False))
    lines = fields
    for text, is_title in texts:
        line = classify_line(text)
        if line.kind == "stop" and not is_title:  # a title line that reads like a body line is only skipped
            break
        lines.append(line)
    return lines


def classify_line(text: str) -> HeadLine:
    text = text.strip(INDENT)
    return HeadLine(text, _kind(text), *(header_field(text) or ()))


def _kind(text: str) -> str:
    if not text:
        return "furniture"
    if web := web_kind(text):
        return web
    if META_LINE.match(text) or MASTHEAD.search(text) or (find_dates(text) and TIMESTAMP.search(text)):
        return "source"
    if SALUTATION.match(text) or NUMBERED.match(text):
        return "stop"
    if RULES.photo_caption.search(text):
        return "caption"
    if find_dates(text) and SUBTITLE.search(text):
        return "subtitle"
    if len(text) > RULES.title_max:
        return "stop"
    if SENTENCE.search(text) and not SLOGAN_TITLE.search(text):
        return "plain-sentence"
    if doc_type_of_title(text) and ends_like_a_title(text):
        return "title"
    if SPEAKER.match(text) or PERSON_NAME.match(text):
        return "speaker"
    return "plain"
