"""Report metadata from the document itself: year, issuer, type, date, region; each with its source."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Notice, Paragraph, Report

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DOC_TYPE_WORDS = (
    ("政府工作报告", "政府工作报告"),
    ("信息公开工作年度报告", "信息公开年度报告"),
    ("信息公开年度报告", "信息公开年度报告"),
    ("述职报告", "述职报告"),
    ("工作要点", "工作要点"),
    ("工作计划", "工作计划"),
    ("工作总结", "工作总结"),
    ("工作报告", "工作报告"),
)


@dataclass
class Extracted:
    values: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    warnings: list[Notice] = field(default_factory=list)

    def set(self, key: str, value, source: str) -> None:
        self.values[key] = value
        self.sources[key] = source


def extract_metadata(report: Report, file_name: str = "") -> Extracted:
    found = Extracted()
    found.set("title", report.title, "title")
    _year(report, file_name, found)
    found.set("doc_type", _doc_type(report.title), "title")
    date = _last_date(report)
    if date:
        found.set("date", date, "signature")
    issuer = _issuer(report)
    if issuer:
        found.set("issuer", issuer, "signature")
    else:
        found.warnings.append(Notice("no-issuer", "未能识别发文机关，请用 --issuer 指定"))
    return found


def _year(report: Report, file_name: str, found: Extracted) -> None:
    for text, source in ((report.title, "title"), (file_name, "file-name")):
        if match := YEAR.search(text or ""):
            found.set("year", int(match.group(1)), source)
            return
    if match := re.search(r"(?:19|20)\d{2}", file_name):
        found.set("year", int(match.group(0)), "file-name")


def _doc_type(title: str) -> str:
    for word, doc_type in DOC_TYPE_WORDS:
        if word in title:
            return doc_type
    return "其他"


def _last_date(report: Report) -> str | None:
    for block in reversed(report.blocks[-4:]):
        if isinstance(block, Paragraph) and (match := DATE.search(block.text)):
            year, month, day = (int(g) for g in match.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _issuer(report: Report) -> str | None:
    tail = [b for b in report.blocks[-4:] if isinstance(b, Paragraph)]
    for block in reversed(tail):
        text = block.text.strip(" \u3000")
        if 2 <= len(text) <= 30 and not DATE.search(text) and not text.endswith("。"):
            return text
    return None
