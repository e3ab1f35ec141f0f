"""Chinese punctuation a scraper folded to ASCII, put back.

Some sites serve a document's text after Unicode NFKC normalisation, which turns the full-width
`，；：？！（）` of Chinese text into ASCII `,;:?!()` but leaves `。、“”` alone (they have no ASCII
form). Such a text is recognisable: it holds no full-width form at all (NFKC left none) while ASCII
punctuation sits next to Chinese characters, which an office document never has. In such a text, and
only there, a mark touching a Chinese character is given back its full-width form, which is what the
document's readers saw (the seed: `2023年,区科技局…(一)加大…` from a .docx that had `，` and `（一）`).
Search is unaffected: it folds both forms alike (NFKC).
"""
from __future__ import annotations

import re

HAN = r"\u3400-\u9fff\uf900-\ufaff"
CHINESE = rf"[{HAN}\u3000-\u303f“”‘’]"
FULL_WIDTH_FORMS = re.compile("[\uff01-\uff5e]")
MARKS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
MARK_NEXT_TO_HAN = re.compile(rf"(?<={CHINESE})[,;:?!]|[,;:?!](?={CHINESE})")
# a bracketed stretch with no bracket inside that holds or touches a Chinese character
PARENTHESES = re.compile(r"\(([^()\n]{1,60})\)")
FOLDED_MIN = 3  # ASCII marks next to Chinese characters for a text to count as folded


def restore_fullwidth(text: str) -> str:
    """`text` with folded punctuation restored when it was folded by NFKC, else unchanged."""
    if FULL_WIDTH_FORMS.search(text) or len(MARK_NEXT_TO_HAN.findall(text)) < FOLDED_MIN:
        return text
    text = MARK_NEXT_TO_HAN.sub(lambda m: MARKS[m.group()], text)
    return PARENTHESES.sub(_parentheses, text)


def _parentheses(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    around = text[max(0, start - 1):start] + match.group(1) + text[end:end + 1]
    return f"（{match.group(1)}）" if re.search(CHINESE, around) else match.group()
