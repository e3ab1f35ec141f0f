"""One normalisation for page text and queries, so that a query matches exactly what a reader sees.

Each character is mapped on its own: NFKC (full-width letters and digits become half-width, U+3000
becomes a space), then lower case; zero-width characters are dropped. Spaces between two digits are
then dropped (the 1998 report writes `1 9 9 7 年`). Whitespace separates runs: nothing is matched
across it. The browser client (`engine.js`) implements the same steps; the tests hold them together.
"""
from __future__ import annotations

import re
import unicodedata

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
DIGIT_SPACES = re.compile(r"([0-9]) +(?=[0-9])")
WHITESPACE = re.compile(r"\s+")


def char_mapping(char: str) -> str:
    """What one character becomes (before the digit-space rule)."""
    return "" if char in ZERO_WIDTH else unicodedata.normalize("NFKC", char).lower()


class _CharMap(dict):
    """`str.translate` table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        self[code] = char_mapping(chr(code))
        return self[code]


_CHARS = _CharMap()


def normalize(text: str) -> str:
    return DIGIT_SPACES.sub(r"\1", text.translate(_CHARS))


def query_terms(query: str) -> list[str]:
    """The normalised terms of a query: separated by whitespace, all of them must occur."""
    return [term for term in WHITESPACE.split(normalize(query)) if term]
