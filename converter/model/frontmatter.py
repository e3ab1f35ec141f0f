"""The front-matter schema of a report page: the one module that knows the keys.

A report page is `---\\n<YAML>\\n---\\n\\n<Markdown body>`. The writer (importer), the MkDocs plugin and
`archive check` all go through `ReportMeta`, so they cannot drift apart.
"""
from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from typing import Iterator

import yaml

DOC_TYPES = (
    "政府工作报告",
    "工作报告",
    "工作总结",
    "工作计划",
    "工作要点",
    "述职报告",
    "信息公开年度报告",
    "其他",
)

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
FENCE = "---"
# libyaml's safe loader/dumper when PyYAML has it: same results, 5-8x faster (1000 pages per import/build).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


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


@dataclass
class ReportMeta:
    # The contract relied on by other tools: these keys, these types.
    title: str
    year: int
    issuer: str
    doc_type: str
    source: str  # original file name as staff gave it
    sha256: str  # of the original file as received
    date: str | None = None  # ISO YYYY-MM-DD
    region: str = ""
    topics: list[str] = field(default_factory=list)
    # Ours: how the page came about.
    date_text: str = ""  # the date as the document writes it (二○一二年二月二十日); `date` is its ISO form
    keywords: list[str] = field(default_factory=list)  # finer subjects under the topics (topics.yml)
    sections: list[Section] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # field -> where its value came from
    download: Download | None = None
    body_sha256: str = ""  # of the Markdown body as generated; differs once staff edit the page
    imported: str = ""  # ISO date the page was first imported
    publish_override: str = ""  # staff's recorded reason to publish despite personal-data findings

    def to_dict(self) -> dict:
        data = asdict(self)
        return {k: v for k, v in data.items() if v not in (None, "", [], {})}

    @classmethod
    def from_dict(cls, data: dict) -> "ReportMeta":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["sections"] = [Section(**s) for s in values.get("sections") or []]
        if values.get("download"):
            values["download"] = Download(**values["download"])
        if isinstance(values.get("date"), dt.date):
            values["date"] = values["date"].isoformat()
        for key in ("title", "year", "issuer", "doc_type", "source", "sha256"):
            values.setdefault(key, "" if key != "year" else 0)
        return cls(**values)


def problems(data: dict) -> list[str]:
    """What is wrong with a page's front matter, in Chinese; empty when it is valid."""
    found = []
    for key in ("title", "issuer", "doc_type", "source"):
        if not isinstance(data.get(key), str) or not data.get(key).strip():
            found.append(f"缺少“{key}”或不是文字")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2100:
        found.append(f"year 应为 1949–2100 之间的整数年份，现为 {year!r}")
    if data.get("doc_type") and data["doc_type"] not in DOC_TYPES:
        found.append(f"doc_type“{data['doc_type']}”不在文种列表中：{'、'.join(DOC_TYPES)}")
    date = data.get("date")
    if isinstance(date, dt.date):
        date = date.isoformat()
    if date is not None and not (isinstance(date, str) and ISO_DATE.match(date) and _is_real_date(date)):
        found.append(f"date 应为 YYYY-MM-DD 格式的日期，现为 {date!r}")
    if not isinstance(data.get("sha256"), str) or not SHA256.match(data.get("sha256", "")):
        found.append("sha256 应为 64 位十六进制摘要")
    topics = data.get("topics", [])
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        found.append("topics 应为文字列表")
    return found


def _is_real_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


_parsed: dict[str, object] | None = None  # front matter by its YAML text, while `parsing_once`


@contextmanager
def parsing_once() -> Iterator[None]:
    """While in this block `split_page` parses each front matter once and then returns the same objects
    (callers must not change them). `archive build` parses every page before it forks the check, so
    that the check and the site share the work (1 s of YAML at 1000 reports)."""
    global _parsed
    outer, _parsed = _parsed, {} if _parsed is None else _parsed
    try:
        yield
    finally:
        _parsed = outer


def split_page(text: str) -> tuple[dict, str]:
    """Split a page into its front matter (a dict, empty when there is none) and its body."""
    if not text.startswith(FENCE + "\n"):
        return {}, text
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end == -1:
        return {}, text
    data = _load(text[len(FENCE) + 1 : end])
    if not isinstance(data, dict):
        return {}, text
    return data, text[end + len(FENCE) + 2 :].lstrip("\n")


def _load(header: str):
    if _parsed is None:
        return yaml.load(header, Loader=LOADER) or {}
    if header not in _parsed:
        _parsed[header] = yaml.load(header, Loader=LOADER) or {}
    return _parsed[header]


def join_page(data: dict, body: str) -> str:
    header = yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return f"{FENCE}\n{header}{FENCE}\n\n{body.rstrip()}\n"
