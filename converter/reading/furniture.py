"""Which lines of a web page are the site's, not the report's: buttons, breadcrumbs, share links, footer
(主办/ICP备案/网站标识码), a document-sharing site's panel, and what follows the article (打印本页,
相关链接, 责任编辑, a licence footer). Rules in data/web_furniture.yml, plus the button words and
breadcrumbs of data/headings.yml (`converter.data.web_furniture`), which the structure stage passes
over at the top of any report.

A web page's information fields (`发布时间：`, `来源：`, `发布机构：`, `标题：`) are not furniture: the
readers keep them as the document's `header`, evidence for the metadata stage (`header_fields`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.data import rules
from converter.data.heading_rules import heading_rules
from converter.data.web_furniture import PUNCTUATION, without_buttons

LINE_MAX = 80  # furniture is short; a longer line is text, whatever words it holds
END_SEARCH_FROM = 0.6  # share of the text's characters before which no line ends the article
SPACE = " \t\u3000\xa0"
PROSE, PROSE_MIN = re.compile(r"[，。]"), 30  # a sentence: the text has begun


@dataclass(frozen=True)
class FurnitureRules:
    lines: re.Pattern
    article_end: re.Pattern
    sharing_notice: re.Pattern
    counters: tuple[str, ...]


@lru_cache(maxsize=1)
def furniture_rules() -> FurnitureRules:
    data = rules("web_furniture")
    counters = "|".join(data["counters"])
    return FurnitureRules(lines=_any([p.replace("COUNTERS", counters) for p in data["lines"]]),
                          article_end=_any(data["article_end"]), sharing_notice=re.compile(data["sharing_notice"]),
                          counters=tuple(data["counters"]))


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """A line that belongs to the site: buttons, breadcrumbs, share links, footer, sharing-site panel."""
    text = text.strip(SPACE)
    if not text or len(text) > LINE_MAX:
        return False
    return _buttons(text) or bool(heading_rules().breadcrumb.match(text)) or bool(furniture_rules().lines.search(text))


def _buttons(text: str) -> bool:
    """Only button words (打印 收藏 【字号：大 中 小】 …) and punctuation; a bare number is not one."""
    return bool(PUNCTUATION.sub("", text)) and not without_buttons(text)


def header_fields(items: list, text=lambda item: item) -> tuple[list, tuple[tuple[str, str], ...]]:
    """`items` without the page's information fields (`发布时间：…`, `来源：…`, `索引号：…`) that stand
    above the first sentence of the text; and those fields that have a value, as (name, value). `text`
    gives an item's text (items are lines by default). A field without a value (`文号：`) is dropped."""
    kept, fields, prose = [], [], False
    for item in items:
        line = text(item)
        found = [] if prose or line is None else fields_in(line)
        if not found:
            prose = prose or (line is not None and is_prose(line))
            kept.append(item)
        fields += [field for field in found if field[1] and field not in fields]
    return kept, tuple(fields)


def fields_in(line: str) -> list[tuple[str, str]]:
    """The information fields of a line that opens with one (`发布时间：2023-01-05 来源：区政府办
    浏览次数：12` → 发布时间, 来源), as (name, value); [] for any other line."""
    line = line.strip(SPACE)
    pattern = field_pattern()
    if not pattern.match(line):
        return []
    return [(name, value.strip()) for name, value in pattern.findall(line)]


@lru_cache(maxsize=1)
def field_pattern() -> re.Pattern:
    """A field's name, its colon and its value, which runs to the next field's name, a counter's or a
    button's name with its colon, a bracket or the end (group 1 the name, group 2 the value)."""
    words = heading_rules()
    names = _words(words.web_header_fields + words.source_fields)
    ends = _words(words.web_header_fields + words.source_fields + furniture_rules().counters
                  + words.web_furniture_words)
    return re.compile(rf"({names})\s*[:：]\s*(.*?)\s*(?=(?:{ends})\s*[:：]|【|\[|$)")


def _words(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def is_prose(line: str) -> bool:
    """A sentence of some length: where a text has begun."""
    return len(line) >= PROSE_MIN and bool(PROSE.search(line))


def article_end(lines: list[str]) -> int:
    """The index of the line that ends the article (`打印本页`, `相关链接`, `责任编辑：`, a licence footer),
    looked for only in the last part of the text; `len(lines)` when there is none."""
    total = sum(len(line) for line in lines)
    seen = 0
    for index, line in enumerate(lines):
        if seen >= END_SEARCH_FROM * total and len(line) <= LINE_MAX and furniture_rules().article_end.match(line):
            return index
        seen += len(line)
    return len(lines)


def sharing_notices(lines: list[str]) -> set[int]:
    """The numbered lines under a `温馨提示` heading that talk about downloading (a sharing site's notice)."""
    found = set()
    for index, line in enumerate(lines):
        if line.startswith("温馨提示"):
            following = index + 1
            while following < len(lines) and furniture_rules().sharing_notice.match(lines[following]):
                found.add(following)
                following += 1
    return found
