"""The 文号 (发文字号) of a report: `明科发〔2023〕12号`, read from the head and the signature area.

GB/T 9704 puts the 文号 under the masthead (`××局文件`), alone on its line or beside `签发人：…`; a web copy
may carry it in its header (`文号：…`); some reports repeat it under the signature. Only a line that is
nothing but a 文号 counts (a label, brackets around it or a 签发人 beside it allowed): a 文号 quoted in a
sentence (`根据国发〔2022〕5号文件…`) is another document's, never this report's. The brackets are shown as
written (`〔〕`, `[]`, `［］`, `【】`, `（）`); `doc_number_key` gives the one form search compares.
"""
from __future__ import annotations

import re
import unicodedata

from converter.metadata.opening_lines import HeadLine
from converter.model import Paragraph, Report, Table

OPEN, CLOSE = "〔［[【(（﹝", "〕］]】)）﹞"
DIGIT = "0-9０-９"
NUMBER = (rf"[\u4e00-\u9fff]{{1,12}}\s*[{re.escape(OPEN)}]\s*(?:19|20|１９|２０)[{DIGIT}]{{2}}\s*"
          rf"[{re.escape(CLOSE)}]\s*第?[{DIGIT}]{{1,5}}\s*号")
LABEL = r"(?:(?:发文字号|文号|字号|文件编号)\s*[:：]\s*)?"
SIGNER = r"(?:[\s\u3000]+签发人\s*[:：][\s\u3000]*[\u4e00-\u9fff·]{2,10})?"
LINE = re.compile(rf"^[（(]?{LABEL}(?P<number>{NUMBER})[）)]?{SIGNER}$")
KEY = re.compile(r"^(?P<org>.+?)[〔\[【(](?P<year>\d{4})[〕\])】]第?(?P<serial>\d+)号$")
INDENT = " \t\u3000\xa0"
TAIL_SIZE = 8  # paragraphs from the end: the signature area, as metadata/signature.py reads it
MASTHEAD_BLOCKS = 3  # a masthead laid out as a table is among the first blocks


def find_doc_number(report: Report, head: list[HeadLine]) -> tuple[str, str]:
    """(the 文号 as written, where it was found: "head", "header" or "signature"), or ("", "")."""
    for line in head:
        if line.field in ("文号", "发文字号") and (number := doc_number_of(line.value)):
            return number, "header"
        if number := doc_number_of(line.text):
            return number, "head"
    for block in report.blocks[:MASTHEAD_BLOCKS]:
        if isinstance(block, Table):
            for cell in (c for row in block.rows for c in row):
                if number := doc_number_of(cell.text):
                    return number, "head"
    for block in report.blocks[-TAIL_SIZE:]:
        if isinstance(block, Paragraph) and (number := doc_number_of(block.text)):
            return number, "signature"
    return "", ""


def doc_number_of(line: str) -> str:
    """The 文号 a line consists of (as written, spaces inside kept), or ""."""
    match = LINE.match(line.strip(INDENT))
    return match.group("number") if match else ""


def doc_number_key(text: str) -> str:
    """The form search compares: full-width characters made plain, no spaces, 〔〕 brackets, the serial
    without leading zeros (`明科发[2023]012号` → `明科发〔2023〕12号`); "" when `text` is no 文号."""
    plain = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    match = KEY.match(plain)
    if not match:
        return ""
    return f"{match.group('org')}〔{match.group('year')}〕{int(match.group('serial'))}号"
