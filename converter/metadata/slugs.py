"""Stable ASCII file names for report pages: pinyin of a short issuer name and of the document type.

`reports/<year>/<slug>/`, e.g. 2023 区科技局 工作总结 → `kejiju-gongzuo-zongjie`; 2025 安徽省人民政府
政府工作报告 → `anhui-zhengfu-gongzuo-baogao`. Choices:
- a department drops its region (an archive is mostly one area's reports; the year is already in the
  path), so 平潭综合实验区投资促进局 → `touzicujinju`; a government keeps its region, shortened for provinces
  (安徽省人民政府 → `anhui`, 平潭县人民政府 → `pingtanxian`); 国务院 → `guowuyuan`;
- an issuer longer than ISSUER_MAX letters is written as initials (党工委管委会办公室 → `dgwgwhbgs`);
- a name already taken that year gets `-2`, `-3`…; a slug is assigned once, at first import, and the
  importer keeps it (it never recomputes the name of an existing page).
"""
from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

from converter.metadata.doctypes import slug_words
from converter.metadata.issuers import provinces, region_of

MAX_LENGTH = 60
ISSUER_MAX = 24  # shichangjianduguanliju (22) stays readable; longer names become initials
CJK = re.compile(r"[\u4e00-\u9fff]+")
BARE_LEVELS = "省市县区镇乡"


def report_slug(issuer: str, doc_type: str, taken: set[str] = frozenset(), title: str = "") -> str:
    """`区科技局`, `工作总结` → `kejiju-gongzuo-zongjie`; `-2`, `-3`… when the name is taken."""
    parts = [_issuer_part(issuer)] + [_pinyin(word) for word in _type_words(doc_type, title)]
    base = "-".join(p for p in parts if p)[:MAX_LENGTH].strip("-") or "report"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def name_slug(name: str) -> str:
    """A whole name in pinyin, one word per run of characters (for index pages): 科技、教育 → keji-jiaoyu,
    区科技局 → qukejiju."""
    words = re.findall(r"[\u4e00-\u9fff]+|[0-9A-Za-z]+", name)
    return "-".join(_pinyin(w) for w in words)[:MAX_LENGTH].strip("-") or "x"


def type_slug(doc_type: str) -> str:
    """工作总结 → gongzuo-zongjie; 政府工作报告 → zhengfu-gongzuo-baogao."""
    return "-".join(_pinyin(w) for w in _type_words(doc_type, doc_type)) or "qita"


def short_issuer(issuer: str) -> str:
    """The issuer as a slug names it: no region for a department, the bare region for a government."""
    name = "".join(CJK.findall(issuer))
    if name.endswith("国务院"):
        return "国务院"
    region = region_of(name)
    rest = name[len(region):] if name.startswith(region) else name
    if rest in ("", "人民政府", "政府"):
        return _short_region(region)
    return rest[1:] if not region and rest[0] in BARE_LEVELS and len(rest) > 2 else rest  # 区科技局 → 科技局


def _issuer_part(issuer: str) -> str:
    name = short_issuer(issuer)
    full = _pinyin(name)
    if len(full) <= ISSUER_MAX:
        return full
    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()


def _short_region(region: str) -> str:
    """安徽省 → 安徽, 广西壮族自治区 → 广西 (a province's shortest name); lower levels as written."""
    names = [name for name, official in provinces().items() if official == region]
    return min(names, key=len) if names else region


def _type_words(doc_type: str, title: str) -> list[str]:
    if words := slug_words(doc_type):
        return list(words)
    if doc_type and doc_type != "其他":
        return re.findall(r".{1,2}", doc_type)
    tail = "".join(CJK.findall(title))[-2:]
    return [tail] if tail else ["baogao"]


def _pinyin(text: str) -> str:
    words = CJK.findall(text) + re.findall(r"[0-9A-Za-z]+", text)
    return "".join("".join(lazy_pinyin(w)) for w in words).lower()
