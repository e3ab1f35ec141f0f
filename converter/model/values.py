"""The kinds of value a front-matter field holds, each with the one function that checks it.

`Kind.read(value)` takes a value as YAML gives it (from a page, a NAME.yml, the desk's form) and returns it
as the page keeps it, or raises `ValueProblem` saying in Chinese what is wrong (the caller names the file
and the field). What staff may type more loosely (`2023年`, `2023年12月28日`) is made strict first by
`converter.metadata.overrides`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

DOC_TYPES = ("政府工作报告", "工作报告", "工作总结", "工作计划", "工作要点", "述职报告", "信息公开年度报告", "其他")
YEARS = range(1949, 2101)
# The formats a received file may have besides .docx (`converter.reading.intake.file_format`).
FORMATS = ("doc", "wps", "rtf", "odt", "pdf", "txt", "html", "mht")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLAIN_FILE_NAME = re.compile(r"^[^/\\\x00-\x1f]+$")
# 索引号: organisation code / year - serial (《政府信息公开目录系统实施指引》: 11441700007280420Y/2021-00050)
INDEX_NUMBER_FORM = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,19}/(?:19|20)\d\d-\d{1,8}$")
SUMMARY_MAX = 100  # characters of 摘要 (内容概述), as the catalogue rules fix it
DISCLOSURES = ("主动公开", "依申请公开")


class ValueProblem(ValueError):
    """What is wrong with a value, in Chinese, without naming the field (e.g. "应是 1949–2100 之间的年份")."""


@dataclass
class Section:
    """A section of the report (an 一、 or （一） heading) and the topics and keywords found in it."""

    title: str
    anchor: str
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


@dataclass
class Download:
    """The published (sanitized) original, served next to the page."""

    file: str  # file name, relative to the page's folder
    size: int
    sha256: str


@dataclass(frozen=True)
class Kind:
    name: str
    read: Callable[[object], object]
    example: str  # what a valid value looks like, for the fix ("2023")
    empty: Callable[[], object] = str  # the value of an absent field


def shown(value) -> str:
    """A value as a problem message quotes it (cut short: a message stays one line)."""
    text = str(value).replace("\n", " ")
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


def read_text(value) -> str:
    if isinstance(value, str):
        return value
    raise ValueProblem(f"应是一段文字，现为 {shown(value)}")


def read_year(value) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value in YEARS:
        return value
    raise ValueProblem(f"应是 1949–2100 之间的年份（四位数字），现为 {shown(value)}")


def read_doc_type(value) -> str:
    if isinstance(value, str) and value in DOC_TYPES:
        return value
    raise ValueProblem(f"{shown(value)}不在文种列表中（{'、'.join(DOC_TYPES)}）")


def read_iso_date(value) -> str:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ValueProblem(f"应是 YYYY-MM-DD 格式的日期，现为 {shown(value)}")


def read_text_list(value) -> list[str]:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise ValueProblem(f"应是文字的列表，现为 {shown(value)}")


def read_index_number(value) -> str:
    if isinstance(value, str) and INDEX_NUMBER_FORM.match(value):
        return value
    raise ValueProblem(f"应写成“机构代码/年份-流水号”，例如 11441700007280420Y/2023-00012，现为 {shown(value)}")


def read_summary(value) -> str:
    text = read_text(value)
    if len(text) > SUMMARY_MAX:
        raise ValueProblem(f"应不超过 {SUMMARY_MAX} 个字，现有 {len(text)} 个字")
    return text


def read_disclosure(value) -> str:
    if isinstance(value, str) and value in DISCLOSURES:
        return value
    raise ValueProblem(f"应是{'或'.join(DISCLOSURES)}，现为 {shown(value)}")


def read_sha256(value) -> str:
    if isinstance(value, str) and SHA256.match(value):
        return value
    raise ValueProblem("应是 64 位十六进制摘要（由导入程序生成）")


def read_sections(value) -> list[Section]:
    if not isinstance(value, list):
        raise ValueProblem(f"应是章节的列表（由导入程序生成），现为 {shown(value)}")
    return [_section(item) for item in value]


def _section(item) -> Section:
    if not isinstance(item, dict) or not isinstance(item.get("title"), str) \
            or not isinstance(item.get("anchor"), str) or set(item) - {"title", "anchor", "topics", "keywords"}:
        raise ValueProblem(f"中的 {shown(item)} 不是由导入程序生成的章节（应有 title 和 anchor）")
    lists = {key: read_text_list(item.get(key) or []) for key in ("topics", "keywords")}
    return Section(item["title"], item["anchor"], **lists)


def read_download(value) -> Download:
    if isinstance(value, dict) and set(value) == {"file", "size", "sha256"} \
            and isinstance(value["file"], str) and PLAIN_FILE_NAME.match(value["file"]) \
            and not value["file"].startswith(".") and isinstance(value["size"], int) \
            and not isinstance(value["size"], bool) and value["size"] >= 0 \
            and isinstance(value["sha256"], str) and SHA256.match(value["sha256"]):
        return Download(value["file"], value["size"], value["sha256"])
    raise ValueProblem(f"应是由导入程序生成的 file、size、sha256 三项，现为 {shown(value)}")


def read_format(value) -> str:
    if isinstance(value, str) and value in FORMATS:
        return value
    raise ValueProblem(f"应是原件格式之一（{'、'.join(FORMATS)}，由导入程序生成），现为 {shown(value)}")


def read_count(value) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueProblem(f"应是不小于 0 的整数，现为 {shown(value)}")


def read_sources(value) -> dict[str, str]:
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise ValueProblem(f"应是“项: 来源”的对照表，现为 {shown(value)}")


TEXT = Kind("text", read_text, "某某区科学技术局")
YEAR = Kind("year", read_year, "2023", int)
DOC_TYPE = Kind("doc_type", read_doc_type, "工作总结")
DATE = Kind("date", read_iso_date, "2023-12-28", lambda: None)
TEXT_LIST = Kind("text_list", read_text_list, "[科技、教育, 知识产权]", list)
CHECKSUM = Kind("sha256", read_sha256, "（64 位十六进制数）")
SECTIONS = Kind("sections", read_sections, "（由导入程序生成）", list)
DOWNLOAD = Kind("download", read_download, "（由导入程序生成）", lambda: None)
INDEX_NUMBER = Kind("index_number", read_index_number, "11441700007280420Y/2023-00012")
SUMMARY = Kind("summary", read_summary, "全年共申报科技项目36项，立项13项。")
DISCLOSURE = Kind("disclosure", read_disclosure, DISCLOSURES[0], lambda: DISCLOSURES[0])
SOURCES = Kind("sources", read_sources, "{title: staff}", dict)
FORMAT = Kind("format", read_format, "doc")
COUNT = Kind("count", read_count, "3", lambda: None)
