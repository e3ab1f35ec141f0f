"""The document type (文种) of a report, from the words of its title; and what a type implies.

The vocabulary is the front matter's fixed list (`converter.model.values.DOC_TYPES`); the rules and what
each type implies are in data/doc_types.yml. A title naming two types ("2024年工作总结及2025年工作计划")
takes the first one named: the report is mainly about the year that is over.
"""
from __future__ import annotations

import re

from converter.data import rules

RULES = rules("doc_types")
TYPES: dict[str, dict] = RULES["types"]
WHOLE_TITLE_RULES = tuple((re.compile(pattern), doc_type) for pattern, doc_type in RULES["whole_title"])
FIRST_NAMED = tuple((re.compile(pattern), doc_type) for pattern, doc_type in RULES["first_named"])
ISSUED_BY_NOTICE = re.compile(r"印发[《〈]?(.+?)[》〉]?的通知$")
DOC_ENDING = re.compile(r"(?:报告|总结|计划|要点|汇报|思路|安排|打算|方案|规划|决议|意见|通知)"
                        r"(?:[（(][^（）()]{1,10}[）)])?[》〉」”]?$")  # …报告（全文）, …报告（2025）, 《…报告》
GOVERNMENT_SPEECH = re.compile(r"我代表[^，,。；]{0,30}?(?:人民政府|国务院|政府|管委会|管理委员会)[，,]?"
                               r"向(?:大会|会议)(?:作|报告)")


def doc_type_of_title(title: str) -> str | None:
    """The type a title names, or None when it names none."""
    title = re.sub(r"\s+", "", title)
    if match := ISSUED_BY_NOTICE.search(title):
        title = match.group(1)
    for pattern, doc_type in WHOLE_TITLE_RULES:
        if pattern.search(title):
            return doc_type
    named = [(m.start(), doc_type) for pattern, doc_type in FIRST_NAMED if (m := pattern.search(title))]
    return min(named)[1] if named else None


def ends_like_a_title(text: str) -> bool:
    return bool(DOC_ENDING.search(re.sub(r"\s+", "", text)))


def is_government_speech(text: str) -> bool:
    """"我代表省人民政府，向大会报告工作": the opening of a 政府工作报告."""
    return bool(GOVERNMENT_SPEECH.search(text))


def reports_on(doc_type: str) -> str:
    """"past" (a 总结: dated early in a year, it is about the year before), "next" (a 计划), or ""."""
    return TYPES.get(doc_type, {}).get("reports_on", "")


def types_paired_as(kind: str) -> tuple[str, ...]:
    """The types the site pairs as "plan" or as "summary" (计划 ↔ 总结 of the same issuer and year)."""
    return tuple(name for name, facts in TYPES.items() if facts.get("pairs_with") == kind)


def slug_words(doc_type: str) -> list[str] | None:
    return TYPES.get(doc_type, {}).get("slug_words")


def citation_mark(doc_type: str) -> str:
    return TYPES.get(doc_type, {}).get("citation", "EB/OL")
