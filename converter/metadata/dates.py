"""Dates and years as Chinese reports write them: 2024年12月18日, ２０２４年１２月１８日, 二○一二年二月二十日.

The zero of a Chinese-numeral year is typed as 〇 (U+3007), ○ (U+25CB, the usual mistake), O, Ｏ, 0 or 零.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from converter.data.heading_rules import heading_rules

FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
ZEROS = heading_rules().year_zeros  # 〇○OＯ0０零
HAN_DIGITS = {**{z: 0 for z in ZEROS}, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
HAN = "一二三四五六七八九"
SPACE = r"[ \u3000\xa0]*"

ARABIC_DATE = re.compile(rf"((?:19|20)\d\d){SPACE}年{SPACE}(\d{{1,2}}){SPACE}月{SPACE}(\d{{1,2}}){SPACE}日")
HAN_DATE = re.compile(rf"([{HAN}{ZEROS}]{{4}}){SPACE}年{SPACE}([十{HAN}]{{1,2}}){SPACE}月"
                      rf"{SPACE}([十廿卅{HAN}]{{1,3}}){SPACE}日")
NUMERIC_DATE = re.compile(r"^((?:19|20)\d\d)[-./](\d{1,2})[-./](\d{1,2})$")
ARABIC_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
HAN_YEAR = re.compile(rf"([一二{ZEROS}][{HAN}{ZEROS}]{{3}})(?=年)")


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int

    @property
    def iso(self) -> str:
        return self.date.isoformat()


def ascii_digits(text: str) -> str:
    return text.translate(FULL_WIDTH)


def find_dates(text: str) -> list[FoundDate]:
    """Every real calendar date written out in `text` (年/月/日 forms), in order."""
    text = ascii_digits(text)
    found = []
    for pattern, convert in ((ARABIC_DATE, int), (HAN_DATE, None)):
        for match in pattern.finditer(text):
            parts = [int(g) for g in match.groups()] if convert else _han_parts(*match.groups())
            date = _date(*parts) if parts else None
            if date:
                found.append(FoundDate(date, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str) -> dt.date | None:
    """`text` as a date when it is nothing but a date (also 2024-12-18 and 2024.12.18)."""
    text = ascii_digits(text).strip(" \u3000\xa0")
    if match := NUMERIC_DATE.match(text):
        return _date(*(int(g) for g in match.groups()))
    dates = find_dates(text)
    if len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(text):
        return dates[0].date
    return None


def find_years(text: str) -> list[int]:
    """Years named in `text`: 2023, 2023年, （2025）, 二〇二三年; in order of appearance."""
    text = ascii_digits(text)
    found = [(m.start(), int(m.group(1))) for m in ARABIC_YEAR.finditer(text)]
    found += [(m.start(), _han_number_digits(m.group(1))) for m in HAN_YEAR.finditer(text)]
    return [year for _, year in sorted(found) if 1949 <= year <= 2100]


def _han_parts(year: str, month: str, day: str) -> list[int] | None:
    numbers = [_han_number_digits(year), _han_number(month), _han_number(day)]
    return numbers if all(n is not None for n in numbers) else None


def _han_number_digits(text: str) -> int:
    """二○一二 → 2012: a year is read digit by digit."""
    return int("".join(str(HAN_DIGITS[c]) for c in text))


def _han_number(text: str) -> int | None:
    """十 → 10, 十二 → 12, 二十 → 20, 二十一 → 21, 廿一 → 21, 三 → 3."""
    text = text.replace("廿", "二十").replace("卅", "三十")
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return HAN_DIGITS.get(text) if len(text) == 1 else None
    if len(tens) > 1 or len(units) > 1 or (tens and tens not in HAN) or (units and units not in HAN):
        return None
    return (HAN_DIGITS[tens] if tens else 1) * 10 + (HAN_DIGITS[units] if units else 0)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
