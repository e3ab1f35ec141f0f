"""Personal data in report text: resident ID numbers, mobile numbers, bank card numbers.

Pure functions over a string. Each number must stand alone (not part of a longer run of digits) and
pass its own validity rule, so amounts, dates, document numbers and credit codes are not reported:
- resident ID (GB 11643-1999): 18 characters, a province code, a real birth date, the check digit;
  legacy 15-digit numbers (province code and a real 19YYMMDD birth date; they have no check digit);
- mobile (mainland): 1[3-9] and 9 more digits, also written 138-1234-5678 or +86 138 1234 5678;
- bank card: 16–19 digits (maybe in groups of four) starting 3–6 (UnionPay 62, Visa, Mastercard, JCB,
  Amex) passing the Luhn check, and not a valid unified social credit code (GB 32100-2015).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from converter.safety.digit_forms import project

PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91}
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

ALONE_BEFORE = r"(?<![0-9A-Za-z０-９])"
ALONE_AFTER = r"(?![0-9A-Za-z０-９]|[.．,，]\d)"
ID_18 = re.compile(ALONE_BEFORE + r"(\d{17}[\dXx])" + ALONE_AFTER, re.ASCII)
ID_15 = re.compile(ALONE_BEFORE + r"(\d{15})" + ALONE_AFTER, re.ASCII)
MOBILE = re.compile(ALONE_BEFORE + r"(?:(?:\+|00)?86[-\s]?)?(1[3-9]\d(?:[-\s]?\d{4}){2})" + ALONE_AFTER
                    + r"(?!\s*(?:元|万|亿|%|％|个|人|户|次|吨|件|年))", re.ASCII)
CARD = re.compile(ALONE_BEFORE + r"([3-6]\d{3}(?:[-\s]?\d{4}){3}(?:[-\s]?\d{1,3})?)" + ALONE_AFTER, re.ASCII)
# What every pattern above needs: eleven digits, at most one separator between two of them. Most lines
# of a report have no such run: looking for it first (in the digits NFKC would show, digit_forms.py)
# makes the scan of a page ~10x faster.
CANDIDATE = re.compile(r"\d(?:[-\s]?\d){10}", re.ASCII)


@dataclass(frozen=True)
class PersonalData:
    kind: str  # "id-number", "phone", "bank-card"
    shown: str  # masked for messages: 110***********1234
    start: int


def find_personal_data(text: str) -> list[PersonalData]:
    if not CANDIDATE.search(project(text)):
        return []
    text = unicodedata.normalize("NFKC", text)  # fullwidth digits are digits too
    found: list[PersonalData] = []
    taken: list[range] = []
    for kind, pattern, valid in (("id-number", ID_18, is_resident_id), ("id-number", ID_15, is_legacy_id),
                                 ("phone", MOBILE, lambda digits: True), ("bank-card", CARD, is_bank_card)):
        for match in pattern.finditer(text):
            digits = re.sub(r"[-\s]", "", match.group(1))
            span = range(match.start(1), match.end(1))
            if valid(digits) and not any(_overlaps(span, other) for other in taken):
                taken.append(span)
                found.append(PersonalData(kind, mask(digits), match.start(1)))
    return sorted(found, key=lambda item: item.start)


def is_resident_id(text: str) -> bool:
    if len(text) != 18 or not text[:17].isdigit():
        return False
    if int(text[:2]) not in PROVINCES or not _real_birth_date(text[6:14]):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == text[17].upper()


def is_legacy_id(text: str) -> bool:
    return (len(text) == 15 and text.isdigit() and int(text[:2]) in PROVINCES
            and _real_birth_date("19" + text[6:12]))


def is_bank_card(digits: str) -> bool:
    if not 16 <= len(digits) <= 19 or not digits.isdigit() or is_credit_code(digits):
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def is_credit_code(text: str) -> bool:
    """Unified social credit code of an organisation (GB 32100-2015): public, not personal."""
    if len(text) != 18 or any(c not in CREDIT_CODE_CHARS for c in text):
        return False
    total = sum(CREDIT_CODE_CHARS.index(c) * w for c, w in zip(text[:17], CREDIT_CODE_WEIGHTS))
    return CREDIT_CODE_CHARS[(31 - total % 31) % 31] == text[17]


def mask(digits: str) -> str:
    keep_start = 3 if len(digits) <= 11 else 4
    return digits[:keep_start] + "*" * (len(digits) - keep_start - 4) + digits[-4:]


def _real_birth_date(yyyymmdd: str) -> bool:
    try:
        born = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today()


def _overlaps(one: range, other: range) -> bool:
    return one.start < other.stop and other.start < one.stop
