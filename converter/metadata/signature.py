"""The signature block at the end of a report: `<单位>` over `<日期>`, or both on one line.

Also found when a web copy lost its line breaks and the block trails the last paragraph after a space
(`…强化刚性兑现。 平潭综合实验区投资促进局 2024年12月18日`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from converter.metadata.dates import find_dates, parse_date
from converter.metadata.issuers import is_org_name, normalise_issuer
from converter.model import Paragraph, Report

TAIL_SIZE = 8  # paragraphs from the end; room for 附件 lines or a note after the date
INDENT = " \t\u3000\xa0\u2003"
SPACE = re.compile(r"[\s\u3000\xa0]+")
ATTACHMENT_TAIL = re.compile(r"[\s\u3000\xa0]+附件.*$")  # `… 2012年2月20日 附件1：…` in a web copy


@dataclass(frozen=True)
class Signature:
    issuer: str | None
    date: dt.date | None
    date_text: str = ""  # the date as the document writes it: 二○一二年二月二十日


def find_signature(report: Report) -> Signature | None:
    texts = [ATTACHMENT_TAIL.sub("", b.text).strip(INDENT) for b in report.blocks[-TAIL_SIZE:]
             if isinstance(b, Paragraph)]
    for index in reversed(range(len(texts))):
        date, date_text, inline_issuer = _dated_line(texts[index])
        if date:
            return Signature(inline_issuer or _issuer_above(texts, index), date, date_text)
    if texts and (issuer := _issuer_line(texts[-1])):
        return Signature(issuer, None)
    return None


def _dated_line(text: str) -> tuple[dt.date | None, str, str | None]:
    """(date, date as written, issuer) when the line is a date, or ends with `<issuer> <date>`."""
    if date := parse_date(text):
        return date, text, None
    dates = find_dates(text)
    if not dates or dates[-1].end != len(text):
        return None, "", None
    before = text[: dates[-1].start]
    if not before or not before[-1] in " \u3000\xa0\t":
        return None, "", None
    before = before.strip(INDENT)
    issuer = _issuer_line(SPACE.split(before)[-1])
    if issuer or before.endswith(("。", "！")):
        return dates[-1].date, text[dates[-1].start:], issuer
    return None, "", None


def _issuer_above(texts: list[str], index: int) -> str | None:
    for text in reversed(texts[max(0, index - 2): index]):
        if issuer := _issuer_line(text):
            return issuer
    return None


def _issuer_line(text: str) -> str | None:
    """A line that is nothing but an organisation name (the first, when several sign together)."""
    names = SPACE.split(text.strip(INDENT))
    if names and names[0] and all(is_org_name(name) for name in names):
        return normalise_issuer(names[0])
    if is_org_name(text):
        return normalise_issuer(text)
    return None
