"""Which lines of a web page are the site's, not the report's: buttons, breadcrumbs, share links, footer
(主办/ICP备案/网站标识码), a document-sharing site's panel, and what follows the article (打印本页,
相关链接, 责任编辑, a licence footer). Rules in data/web_furniture.yml, plus head.py's button words and
breadcrumbs, which the structure stage already passes over at the top of a report.

A web page's header fields (`发布时间：`, `来源：`, `发布机构：`, `标题：`) are not furniture: they are
evidence for the metadata stage, which reads them from the opening lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from converter.frontmatter import LOADER
from converter.head import BREADCRUMB, FURNITURE_PUNCT, FURNITURE_WORDS

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "web_furniture.yml"
LINE_MAX = 80  # furniture is short; a longer line is text, whatever words it holds
END_SEARCH_FROM = 0.6  # share of the text's characters before which no line ends the article
SPACE = " \t\u3000\xa0"


@dataclass(frozen=True)
class FurnitureRules:
    lines: re.Pattern
    article_end: re.Pattern
    sharing_notice: re.Pattern


@lru_cache(maxsize=1)
def rules() -> FurnitureRules:
    data = yaml.load(RULES_FILE.read_text(encoding="utf-8"), Loader=LOADER)
    return FurnitureRules(lines=_any(data["lines"]), article_end=_any(data["article_end"]),
                          sharing_notice=re.compile(data["sharing_notice"]))


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """A line that belongs to the site: buttons, breadcrumbs, share links, footer, sharing-site panel."""
    text = text.strip(SPACE)
    if not text or len(text) > LINE_MAX:
        return False
    return _buttons(text) or bool(BREADCRUMB.match(text)) or bool(rules().lines.search(text))


def _buttons(text: str) -> bool:
    """Only button words (打印 收藏 【字号：大 中 小】 …) and punctuation; a bare number is not one."""
    rest = FURNITURE_PUNCT.sub("", text)
    if not rest or not set(rest) <= _button_characters():
        return False
    for word in sorted(FURNITURE_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return rest == ""


@lru_cache(maxsize=1)
def _button_characters() -> set[str]:
    return set("".join(FURNITURE_WORDS))


def article_end(lines: list[str]) -> int:
    """The index of the line that ends the article (`打印本页`, `相关链接`, `责任编辑：`, a licence footer),
    looked for only in the last part of the text; `len(lines)` when there is none."""
    total = sum(len(line) for line in lines)
    seen = 0
    for index, line in enumerate(lines):
        if seen >= END_SEARCH_FROM * total and len(line) <= LINE_MAX and rules().article_end.match(line):
            return index
        seen += len(line)
    return len(lines)


def sharing_notices(lines: list[str]) -> set[int]:
    """The numbered lines under a `温馨提示` heading that talk about downloading (a sharing site's notice)."""
    found = set()
    for index, line in enumerate(lines):
        if line.startswith("温馨提示"):
            following = index + 1
            while following < len(lines) and rules().sharing_notice.match(lines[following]):
                found.add(following)
                following += 1
    return found
