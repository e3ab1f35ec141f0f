"""Text as NFKC shows its digits, '-' and ASCII whitespace, without normalising all of it.

Only a few hundred characters become something holding a digit, '-' or ASCII whitespace under NFKC:
full-width digits, ①, ⑴, ¹, ½, U+3000 … `project(text)` replaces just those by their NFKC form. A
pattern over digits, '-' and ASCII whitespace (others being "anything else") that matches the NFKC of a
text therefore matches its projection too, and `str.translate` of a line is several times cheaper than
`unicodedata.normalize`. The characters are listed in data/nfkc_digit_forms.yml, made by
`python -m converter.safety.digit_forms` (a test checks it against this Python's Unicode data); a Python with
another Unicode version makes the list itself on first use (0.2 s).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import lru_cache

from converter.data import DATA_DIR, rules

TABLE = DATA_DIR / "nfkc_digit_forms.yml"
SHOWN = re.compile(r"[0-9\- \t\n\r\f\v]")


def project(text: str) -> str:
    # Most lines hold none of the characters: finding that out is ~5x cheaper than translating them.
    return text.translate(_forms()) if _any_form().search(text) else text


def scan() -> list[int]:
    """Every non-ASCII code point whose NFKC form differs from it and holds a digit, '-' or ASCII whitespace."""
    found = []
    for code in range(0x80, sys.maxunicode + 1):
        form = unicodedata.normalize("NFKC", chr(code))
        if form != chr(code) and SHOWN.search(form):
            found.append(code)
    return found


@lru_cache(maxsize=1)
def _forms() -> dict[int, str]:
    data = rules("nfkc_digit_forms")
    same = data["unicode_version"] == unicodedata.unidata_version
    codes = [int(code, 16) for code in data["code_points"]] if same else scan()
    return {code: unicodedata.normalize("NFKC", chr(code)) for code in codes}


@lru_cache(maxsize=1)
def _any_form() -> re.Pattern:
    """A character class of the code points in `_forms()`, as ranges (a class of 361 single code points
    is searched several times slower)."""
    ranges: list[list[int]] = []
    for code in sorted(_forms()):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                                    for a, b in ranges) + "]")


def table_text() -> str:
    return (f"# Made by `python -m converter.safety.digit_forms` from Python's Unicode data: do not edit.\n"
            f"unicode_version: {json.dumps(unicodedata.unidata_version)}\n"
            f"code_points: {json.dumps([f'{code:x}' for code in scan()])}\n")


if __name__ == "__main__":
    TABLE.write_text(table_text(), encoding="utf-8")
