"""What a web page puts above a report copied from it: buttons and links (`【字号：大 中 小】`, `打印本页
关闭窗口`), breadcrumbs (`当前位置：首页 > …`) and a metadata header (`标题: …`, `发布时间: …`). Not the
report, so never its title or a heading; the metadata stage reads the header's values as weak evidence.
The words are in data/headings.yml (and data/web_furniture.yml the other site lines the web-page and
plain-text readers drop, `converter/reading/furniture.py`)."""
from __future__ import annotations

import re

from converter.data.heading_rules import heading_rules

PUNCTUATION = re.compile(r"[\s【】\[\]：:>›»|/（）()\d.\-]+")
INDENT = " \t\u3000\xa0\u2003"


def is_web_furniture(text: str) -> bool:
    """Buttons, a breadcrumb or an information field: never a title or a heading."""
    text = text.strip(INDENT)
    return bool(text) and bool(web_kind(text))


def web_kind(text: str) -> str:
    """"furniture" (buttons, breadcrumbs), "header" (a metadata field), or "" for anything else."""
    rules = heading_rules()
    if _only_buttons(text) or rules.breadcrumb.match(text):
        return "furniture"
    return "header" if rules.web_header.match(text) else ""


def header_field(text: str) -> tuple[str, str] | None:
    """("发布机构", "某某局") for a metadata header line."""
    match = heading_rules().web_header.match(text.strip(INDENT))
    return (match.group(1), match.group(2).strip()) if match else None


def _only_buttons(text: str) -> bool:
    return len(text) <= heading_rules().web_furniture_max and not without_buttons(text)


def without_buttons(text: str) -> str:
    """What is left of `text` without its button words and punctuation ("" for a line of buttons)."""
    rest = PUNCTUATION.sub("", text)
    for word in heading_rules().web_furniture_words:  # longest first: 打印本页 before 打印
        rest = rest.replace(word, "")
    return rest
