"""The rules in data/headings.yml, compiled once. A new setting is a key there and a field here.

Here, beside the data, because three stages read them: the readers of formats without paragraphs or
styles (plain text, web pages, PDF) find where paragraphs start by the same labels, the structure stage
finds headings, the metadata stage reads the shared word lists."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from converter.data import rules


@dataclass(frozen=True)
class HeadingRules:
    """data/headings.yml, compiled: a field per key (patterns compiled; a list of patterns is one pattern
    matching any of them), plus `web_header`, `source_line` and `speaker` made from the word lists."""

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
    web_header_fields: tuple[str, ...]
    source_fields: tuple[str, ...]
    web_furniture_words: tuple[str, ...]
    web_furniture_max: int
    breadcrumb: re.Pattern
    speaker_titles: tuple[str, ...]
    photo_caption: re.Pattern
    title_continuation_max: int
    year_zeros: str
    web_header: re.Pattern  # "标题: …": group 1 the field, group 2 its value
    source_line: re.Pattern  # "来源：…", "时间：…"
    speaker: str  # a pattern matching one of the speaker titles, 代 (acting) allowed before it

    def label(self, text: str) -> tuple[str, int] | None:
        """(kind, length of the label) when `text` opens with a typed heading label."""
        for kind, pattern in self.label_kinds:
            if match := pattern.match(text):
                return kind, match.end()
        return None

    @property
    def kind_order(self) -> tuple[str, ...]:
        return tuple(kind for kind, _ in self.label_kinds)


def _any(patterns: list[str] | str) -> re.Pattern:
    if isinstance(patterns, str):
        return re.compile(patterns)
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _words(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


READ = {"re.Pattern": _any, "int": int, "str": str, "tuple[str, ...]": tuple,
        "tuple[tuple[str, re.Pattern], ...]": lambda kinds: tuple((k["name"], re.compile(k["pattern"])) for k in kinds)}


@lru_cache(maxsize=1)
def heading_rules() -> HeadingRules:
    data = dict(rules("headings"))
    data["date_line"] = data["date_line"].replace("YEAR_ZEROS", data["year_zeros"])
    values = {f.name: READ[f.type](data[f.name]) for f in fields(HeadingRules) if f.name in data}
    speaker = f"代?(?:{_words(data['speaker_titles'])})"
    values["web_header"] = re.compile(rf"^({_words(data['web_header_fields'])})\s*[:：]\s*(.*)$")
    values["source_line"] = re.compile(rf"^(?:{_words(data['source_fields'])})\s*[:：]")
    values["speaker"] = speaker
    values["web_furniture_words"] = tuple(sorted(data["web_furniture_words"], key=len, reverse=True))  # 打印本页 before 打印
    values["not_headings"] = _any([*data["not_headings"], values["web_header"].pattern, values["source_line"].pattern,
                                   rf"{speaker}[ \u3000\xa0]+[\u4e00-\u9fff·]{{2,10}}(?:同志)?$",
                                   data["photo_caption"]])
    return HeadingRules(**values)
