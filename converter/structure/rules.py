"""The rules in data/headings.yml, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from converter.model.frontmatter import LOADER
from converter.data import DATA_DIR

RULES_FILE = DATA_DIR / "headings.yml"


@dataclass(frozen=True)
class Rules:
    label_kinds: tuple[tuple[str, re.Pattern], ...]
    standalone_max: int
    run_in_max: int
    long_heading_max: int
    run_in_ends: re.Pattern
    sentence_ends: re.Pattern
    run_in_forbidden: re.Pattern
    attachment_list: re.Pattern
    not_headings: re.Pattern
    plain_heading_max: int
    back_matter: re.Pattern
    heading_fonts: tuple[str, ...]
    plain_heading_forbidden: re.Pattern
    page_furniture: re.Pattern
    toc_heading: re.Pattern
    toc_entry: re.Pattern
    title_max: int
    not_title: re.Pattern
    title_words: re.Pattern
    not_title_continuation: re.Pattern
    caption: re.Pattern
    caption_max: int
    date_line: re.Pattern
    signature_max: int

    def label(self, text: str) -> tuple[str, int] | None:
        """(kind, length of the label) when `text` opens with a typed heading label."""
        for kind, pattern in self.label_kinds:
            if match := pattern.match(text):
                return kind, match.end()
        return None

    @property
    def kind_order(self) -> tuple[str, ...]:
        return tuple(kind for kind, _ in self.label_kinds)


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> Rules:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    return Rules(
        label_kinds=tuple((k["name"], re.compile(k["pattern"])) for k in data["label_kinds"]),
        standalone_max=data["standalone_max"],
        run_in_max=data["run_in_max"],
        long_heading_max=data["long_heading_max"],
        run_in_ends=re.compile(data["run_in_ends"]),
        sentence_ends=re.compile(data["sentence_ends"]),
        run_in_forbidden=re.compile(data["run_in_forbidden"]),
        attachment_list=re.compile(data["attachment_list"]),
        not_headings=_any(data["not_headings"]),
        plain_heading_max=data["plain_heading_max"],
        back_matter=re.compile(data["back_matter"]),
        heading_fonts=tuple(data["heading_fonts"]),
        plain_heading_forbidden=re.compile(data["plain_heading_forbidden"]),
        page_furniture=_any(data["page_furniture"]),
        toc_heading=re.compile(data["toc_heading"]),
        toc_entry=re.compile(data["toc_entry"]),
        title_max=data["title_max"],
        not_title=_any(data["not_title"]),
        title_words=re.compile(data["title_words"]),
        not_title_continuation=_any(data["not_title_continuation"]),
        caption=re.compile(data["caption"]),
        caption_max=data["caption_max"],
        date_line=re.compile(data["date_line"]),
        signature_max=data["signature_max"],
    )
