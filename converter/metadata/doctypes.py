"""The document type (文种) of a report, from the words of its title.

The vocabulary is `frontmatter.DOC_TYPES`. A title naming two types ("2024年工作总结及2025年工作计划")
takes the first one named: the report is mainly about the year that is over.
"""
from __future__ import annotations

import re

# Checked in order; the first that matches decides.
WHOLE_TITLE_RULES = (
    (re.compile(r"(?:决议|决定|批复)$"), "其他"),
    (re.compile(r"政府工作报告"), "政府工作报告"),
    (re.compile(r"(?:信息|政务)公开.*(?:年度报告|工作报告|年报)"), "信息公开年度报告"),
    (re.compile(r"述职"), "述职报告"),
)
# Otherwise the earliest of these in the title decides.
FIRST_NAMED = (
    (re.compile(r"总结"), "工作总结"),
    (re.compile(r"工作要点|要点"), "工作要点"),
    (re.compile(r"计划|工作安排|工作思路|工作打算"), "工作计划"),
    (re.compile(r"工作报告|情况报告|年度报告|的报告|工作汇报|情况汇报|报告$"), "工作报告"),
)
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
