"""索引号: `机构代码/年份-流水号`, the permanent number of the 政务公开 catalogue, given at a report's first import.

The organisation code of each issuer is the archive's to set, in `organisations.yml` at its root
(`发文机关: 代码`, e.g. a 统一社会信用代码 `11441700007280420Y`). An issuer without one gets a placeholder
made from its name alone (`ZZ` and seven characters of its hash: `Z` is never in a real 统一社会信用代码),
so the same issuer gets the same code in any archive, on any machine, in any folder. The year is the
year of the 成文日期 (else the report's year); the serial is one more than the highest given for that
code and year. The number is stored in the page and never made again (converter/archive/pages.py keeps
it over re-imports); `archive check` refuses a number given twice.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from converter.data import read_yaml
from converter.model.errors import ArchiveError
from converter.model.values import INDEX_NUMBER_FORM

ORGANISATIONS = "organisations.yml"  # in an archive's root
CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,19}$")
SERIAL_DIGITS = 5


def organisation_codes(root: Path | None) -> dict[str, str]:
    """The archive's `organisations.yml` (issuer → code); {} when there is none. ArchiveError (naming
    the file and what to do) when it is malformed."""
    path = root / ORGANISATIONS if root else None
    if path is None or not path.is_file():
        return {}
    fix = "每行写成“发文机关: 机构代码”，例如“明湖区科学技术局: 11441700007280420Y”"
    data = read_yaml(path, "机构代码文件", fix, "bad-organisations") or {}
    if not isinstance(data, dict):
        raise ArchiveError("bad-organisations", f"机构代码文件 {ORGANISATIONS} 应是“发文机关: 机构代码”的列表", fix)
    for issuer, code in data.items():
        if not CODE.match(str(code)):
            raise ArchiveError("bad-organisations", f"机构代码文件 {ORGANISATIONS} 里“{issuer}”的代码“{code}”"
                               "不是有效的机构代码（只能有字母、数字和 -，最多 20 位）", fix)
    return {str(issuer): str(code) for issuer, code in data.items()}


def placeholder_code(issuer: str) -> str:
    """`ZZ` + 7 characters of base32 of the issuer's SHA-256: nine characters, as long as a 组织机构代码."""
    digest = hashlib.sha256(issuer.encode("utf-8")).digest()
    return "ZZ" + base64.b32encode(digest).decode("ascii")[:7]


def split_serial(number: str) -> tuple[str, int]:
    """`ZZ3F9K2QA/2023-00012` → ("ZZ3F9K2QA/2023-", 12)."""
    prefix, _, serial = number.rpartition("-")
    return prefix + "-", int(serial)


def index_number_for(issuer: str, year: int, date: str | None, codes: dict[str, str],
                     highest: dict[str, int]) -> str:
    """A new number for a report of `issuer`: `highest` holds the highest serial given so far for each
    `code/year-` (the caller records the new one)."""
    code = codes.get(issuer) or placeholder_code(issuer)
    prefix = f"{code}/{int(date[:4]) if date else year}-"
    made = f"{prefix}{highest.get(prefix, 0) + 1:0{SERIAL_DIGITS}d}"
    assert INDEX_NUMBER_FORM.match(made), made
    return made
