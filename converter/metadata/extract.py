"""Report metadata from the document itself: title, year, issuer, type, date, region; each with its source.

Sources, strongest first (recorded in front matter `sources`, shown by `archive check`):
title-line (the opening title), title (read from the title), subtitle-date (`——2025年1月16日在…会议上`),
signature (the closing `<单位> <日期>`), speech (`我代表…人民政府`, the 人大 meeting, the speaker line),
and the weak ones staff should confirm: header (a web page's `标题:`/`发布机构:`), file-name, properties.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from converter.metadata.dates import find_dates, find_years
from converter.metadata.disclosure import disclosure_note
from converter.metadata.doc_numbers import find_doc_number
from converter.metadata.doctypes import doc_type_of_title, is_government_speech, reports_on
from converter.metadata.issuers import leading_org, normalise_issuer, region_government, region_of
from converter.metadata.opening_lines import SUBTITLE, TIMESTAMP, HeadLine, head_lines
from converter.metadata.signature import Signature, find_signature
from converter.metadata.speech import speech_issuer
from converter.metadata.summary import summary_of
from converter.metadata.title_fallback import choose_title
from converter.model import DocProperties, Notice, Paragraph, Report
from converter.model.fields import BY_KEY, LABELS

WEAK_SOURCES = ("header", "file-name", "properties")
YEAR_PREFIX = re.compile(r"^(.*?)(?:关于)?(?:(?:19|20)\d\d|[一二][〇○OＯ0零一二三四五六七八九]{3})\s*年")


@dataclass
class Extracted:
    values: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    warnings: list[Notice] = field(default_factory=list)

    def set(self, key: str, value, source: str) -> None:
        self.values[key] = value
        self.sources[key] = source

    def override(self, values: dict) -> None:
        """Staff's values win (source "staff"); warnings about those fields go. Codes end in the field."""
        for key, value in values.items():
            self.set(key, value, "staff")
        if "date" in values:
            self.values.pop("date_text", None)
        self.warnings = [w for w in self.warnings if w.code.split("-", 1)[-1] not in values]


@dataclass(frozen=True)
class Clues:
    """What the fields are read from: the title, the opening lines, the signature block, the file."""

    title: str
    title_source: str  # source of what is read from the title: "title", or the title's own weak source
    head: list[HeadLine]
    signature: Signature | None
    opening: str  # the first paragraphs, where `我代表…人民政府` stands
    file_name: str
    properties: DocProperties


def extract_metadata(report: Report, file_name: str = "") -> Extracted:
    head = head_lines(report)
    title, title_source = choose_title(report, head, file_name)
    clues = Clues(title, "title" if title_source == "title-line" else title_source, head,
                  find_signature(report), " ".join(b.text for b in report.blocks[:12] if isinstance(b, Paragraph)),
                  file_name, report.properties)
    found = Extracted()
    found.set("title", title, title_source)
    _doc_type(clues, found)
    _date(clues, found)
    _year(clues, found)
    _issuer(clues, found)
    if region := region_of(found.values.get("issuer", "")):
        found.set("region", region, found.sources["issuer"])
    _catalogue(report, clues, found)
    found.warnings.extend(_warnings(found))
    return found


def _catalogue(report: Report, clues: Clues, found: Extracted) -> None:
    """The 政务公开 catalogue fields the document itself gives: 文号, 摘要, 公开方式."""
    number, where = find_doc_number(report, clues.head)
    if number:
        found.set("doc_number", number, where)
    found.set("summary", summary_of(report, clues.title), "opening")
    disclosure, warning = disclosure_note(report)
    if disclosure:
        found.set("disclosure", disclosure, "signature")
    if warning:
        found.warnings.append(warning)


def _doc_type(clues: Clues, found: Extracted) -> None:
    if doc_type := doc_type_of_title(clues.title):
        found.set("doc_type", doc_type, clues.title_source)
    elif is_government_speech(clues.opening):
        found.set("doc_type", "政府工作报告", "speech")
    else:
        found.set("doc_type", "其他", clues.title_source)


def _date(clues: Clues, found: Extracted) -> None:
    """The ISO date, and as `date_text` the date as the document writes it (二○一二年二月二十日)."""
    if clues.signature and clues.signature.date:
        found.set("date", clues.signature.date.isoformat(), "signature")
        found.values["date_text"] = clues.signature.date_text
    elif dated := _subtitle_date(clues.head):
        found.set("date", dated[0].isoformat(), "subtitle-date")
        found.values["date_text"] = dated[1]


def _subtitle_date(head: list[HeadLine]) -> tuple[dt.date, str] | None:
    for line in head:
        if line.kind in ("subtitle", "source", "plain-sentence") and SUBTITLE.search(line.text) \
                and not TIMESTAMP.search(line.text) and (dates := find_dates(line.text)):
            return dates[0].date, line.text[dates[0].start:dates[0].end]
    return None


def _year(clues: Clues, found: Extracted) -> None:
    doc_type = found.values["doc_type"]
    if years := find_years(clues.title):
        found.set("year", years[0], clues.title_source)
    elif dated := _subtitle_date(clues.head):
        found.set("year", dated[0].year, "subtitle-date")
    elif clues.signature and clues.signature.date:
        found.set("year", _year_reported(clues.signature.date, doc_type), "signature")
    elif years := find_years(Path(clues.file_name).stem):
        found.set("year", years[0], "file-name")
    elif years := find_years(clues.properties.title):
        found.set("year", years[0], "properties")
    elif created := _iso_date(clues.properties.created):
        found.set("year", _year_reported(created, doc_type), "properties")


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _year_reported(date: dt.date, doc_type: str) -> int:
    """The year a dated report is about: a 总结 signed in January looks back, a 计划 signed in December ahead."""
    if reports_on(doc_type) == "past" and date.month <= 3:
        return date.year - 1
    if reports_on(doc_type) == "next" and date.month >= 10:
        return date.year + 1
    return date.year


def _issuer(clues: Clues, found: Extracted) -> None:
    if clues.signature and clues.signature.issuer:
        found.set("issuer", clues.signature.issuer, "signature")
    elif issuer := issuer_of_title(clues.title):
        found.set("issuer", issuer, clues.title_source)
    elif issuer := speech_issuer(clues.head, clues.opening, found.values["doc_type"]):
        found.set("issuer", issuer, "speech")
    elif agency := next((h.value for h in clues.head if h.field in ("发布机构", "发文机关")), ""):
        found.set("issuer", normalise_issuer(agency), "header")


def issuer_of_title(title: str) -> str | None:
    """`平潭县人民政府2011年…` → 平潭县人民政府; `2023年区科技局…工作总结` → 区科技局;
    `2025年安徽省政府工作报告` → 安徽省人民政府."""
    title = re.sub(r"\s+", "", title).split("——")[-1]  # 凝心聚力，砥砺前行——区科技局2023年工作总结
    match = YEAR_PREFIX.match(title)
    before, rest = (match.group(1), title[match.end():].lstrip("度")) if match else ("", title)
    if before and (org := leading_org(before)) == before:
        return normalise_issuer(org)
    if government := re.match(r"^(.+?)(?:人民)?政府工作报告", rest):
        return region_government(government.group(1))
    if org := leading_org(rest):
        return normalise_issuer(org)
    if unit := re.match(r"^(.+?)(?:人民政府|政府)?(?:年度)?工作(?:总结|计划|要点|报告)", rest):
        return region_government(unit.group(1))
    return None


def _warnings(found: Extracted) -> list[Notice]:
    warnings = []
    for key in ("year", "issuer"):
        if key not in found.values:
            warnings.append(Notice(f"no-{key}", f"未能识别{LABELS[key]}，请用 {BY_KEY[key].option} 或同名 .yml 文件指定"))
    if found.values.get("doc_type") == "其他":
        warnings.append(Notice("no-doc_type", "未能从标题识别文种，已记为“其他”；如有误请用 --type 指定"))
    for key, source in found.sources.items():
        if source in WEAK_SOURCES and not (key == "doc_type" and found.values[key] == "其他"):
            value = found.values[key]
            warnings.append(Notice(f"weak-{key}", f"{LABELS[key]}“{value}”取自{SOURCE_NAMES[source]}，"
                                                  f"请核对；有误请用 {BY_KEY[key].option or '同名 .yml 文件'} 指定"))
    return warnings


SOURCE_NAMES = {"header": "网页信息栏", "file-name": "文件名", "properties": "文档属性", "staff": "人工指定",
                "title-line": "标题行", "title": "标题", "subtitle-date": "副标题日期", "signature": "落款",
                "speech": "报告开头", "head": "版头", "opening": "正文开头"}
