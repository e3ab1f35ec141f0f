"""Classification marks (密级标志: 机密★1年, 内部资料 …) in a line of text, from the rules in
data/classification_marks.yml.

A mark is a short line of mark words only, as typed at the top left of a 公文 or in a header; the same
words inside a sentence ("保守国家秘密") are prose and are not reported. A few patterns (秘密★,
密级：…) are marks wherever they occur.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.data import rules as rule_file

SEPARATORS = "★☆·•・、，,/|:：-—"
PERIOD = r"(?:\d+\s*(?:年|个月)|长期|启用前)"
OPEN, CLOSE = "【[（(〔<《", "】]）)〕>》"
SPACES = re.compile(r"[\s\u3000\xa0]+")


@dataclass(frozen=True)
class MarkRules:
    line: re.Pattern  # a whole segment made of mark words
    words: re.Pattern  # any mark word: a line without one holds no such segment
    anywhere: tuple[re.Pattern, ...]
    property_names: frozenset[str]
    public_values: frozenset[str]


@lru_cache(maxsize=1)
def mark_rules() -> MarkRules:
    data = rule_file("classification_marks") or {}
    words = "|".join(re.escape(w) for w in sorted(data.get("marks") or [], key=len, reverse=True))
    separator = f"[{re.escape(SEPARATORS)}\\s]*"
    item = f"(?:{words}|{PERIOD})"
    line = re.compile(f"^[{re.escape(OPEN)}]?(?:{words}){separator}(?:{item}{separator})*[{re.escape(CLOSE)}]?$")
    return MarkRules(
        line=line,
        words=re.compile(words),  # with no words: matches everywhere, so every line is looked at
        anywhere=tuple(re.compile(p) for p in data.get("anywhere") or []),
        property_names=frozenset(n.lower() for n in data.get("property_names") or []),
        public_values=frozenset(v.lower() for v in data.get("public_values") or []),
    )


def mark_in_line(text: str, rules: MarkRules | None = None) -> str | None:
    """The mark in a line (a paragraph, a header line, a table cell at the top), if there is one."""
    rules = rules or mark_rules()
    if rules.words.search(text):  # most lines hold none: no need to split them
        for segment in SPACES.split(text.strip()):
            if segment and rules.line.match(segment):
                return segment
    return mark_in_prose(text, rules)


def mark_in_prose(text: str, rules: MarkRules | None = None) -> str | None:
    """Only the patterns that are marks even inside a sentence."""
    rules = rules or mark_rules()
    for pattern in rules.anywhere:
        if match := pattern.search(text):
            return _around(text, match)
    return None


def mark_in_property(name: str, value: str, rules: MarkRules | None = None) -> str | None:
    """A document property: a custom property named 密级 etc. with a non-public value, or a value
    that is itself a mark line."""
    rules = rules or mark_rules()
    value = (value or "").strip()
    if name.strip().lower() in rules.property_names and value and value.lower() not in rules.public_values:
        return f"{name}：{value}"
    return mark_in_line(value, rules)


def mark_in_file_name(stem: str, rules: MarkRules | None = None) -> str | None:
    """File names use - _ . and brackets where lines use spaces: 机密-2023年工作总结."""
    return mark_in_line(re.sub(r"[-_.+（）()【】\[\]]+", " ", stem), rules)


def _around(text: str, match: re.Match) -> str:
    """The matched mark with the rest of its space-separated segment, e.g. 机密★1年."""
    start = max(text.rfind(" ", 0, match.start()), text.rfind("\u3000", 0, match.start())) + 1
    ends = [i for i in (text.find(" ", match.end()), text.find("\u3000", match.end())) if i != -1]
    segment = text[start:min(ends) if ends else len(text)]
    return segment if len(segment) <= 30 else match.group(0)
