"""Issuing bodies and administrative regions, recognised by how Chinese organisation names end.

An organisation name is a run of Chinese characters ending in a body suffix (局, 委员会, 人民政府, …).
Names are normalised only in ways the text itself supports: 安徽省政府 → 安徽省人民政府, and the short
province forms of titles (广西) → the official name (广西壮族自治区); nothing is guessed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from converter.data import rules

CJK = "\u4e00-\u9fff"
NAME_CHARS = rf"[{CJK}×xX*＊○〇（）()·]"
# Government of a region: 人民政府, or 政府 straight after a region suffix (so 法治政府 is no body).
GOVERNMENT = r"(?:人民政府|(?<=[省市县区镇乡州旗])政府|国务院)"
BODY_SUFFIX = (r"(?:管理委员会|委员会|管委会|党工委|工委|办公室|办公厅|办事处|街道办|管理局|总局|分局|局|厅"
               r"|(?<=[省市县区])委|(?<=[省市县区]委)办|(?<=..[^之好难])处|署|(?<=..)院|服务中心|中心"
               r"|(?<=..[^网])站|(?<=..[^场])所|大队|支队|总队|中队|(?<=..)部|协会|学会|联合会|商会|工会"
               r"|公司|集团)")
ORG_SUFFIX = rf"(?:{GOVERNMENT}|{BODY_SUFFIX})"
ORG_NAME = re.compile(rf"^{NAME_CHARS}{{1,40}}?{ORG_SUFFIX}$")
ORG_PREFIX = re.compile(rf"^{NAME_CHARS}{{1,30}}?{ORG_SUFFIX}")
SUB_BODY = re.compile(rf"^{NAME_CHARS}{{0,8}}?{BODY_SUFFIX}")
NOT_BODIES = ("网站", "场所", "干部", "运动会", "全部", "内部", "外部", "局部", "总部", "基层党组织")
REGION_UNIT = re.compile(rf"[{CJK}]{{1,12}}?(?:特别行政区|自治区|自治州|自治县|省|市|州(?![省市县区])|盟|地区|县|旗|区|镇"
                         rf"|乡|街道)")
NOT_REGIONS = ("城市", "都市", "超市", "社区", "景区", "城区", "市区", "郊区", "山区", "园区", "街区", "辖区",
               "全市", "全省", "全县", "全区", "本市", "本县", "本区", "我市", "我县", "我区", "我省")
GOVERNMENT_WORDS = ("人民政府", "政府")  # a short province name is expanded only before these (广西政府)
PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")
SPACES = re.compile(r"[\s\u3000\xa0]+")


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Every name of a provincial-level division (short or official) → its official name."""
    data = rules("regions")
    names = {}
    for official, short in data["provinces"].items():
        names[official] = official
        names.update({name: official for name in short})
    return names


def is_org_name(text: str) -> bool:
    name = SPACES.sub("", text)
    return bool(ORG_NAME.match(name)) and not any(name.endswith(w) for w in NOT_BODIES)


def leading_org(text: str) -> str | None:
    """The organisation a text starts with: `区科技局年度…` → 区科技局; `县人民政府办公室…` → the whole office."""
    match = ORG_PREFIX.match(text)
    if not match or any(match.group(0).endswith(w) for w in NOT_BODIES):
        return None
    name = match.group(0)
    while (sub := SUB_BODY.match(text[len(name):])) and "工作" not in sub.group(0):
        name += sub.group(0)
    return name


def region_government(region: str) -> str | None:
    """`安徽省` / `安徽` / `广西` → its 人民政府; None when `region` names no region."""
    region = expand_province(SPACES.sub("", region), only_before=())
    if region.endswith("国务院"):
        return region
    if region_of(region) != region:
        return None
    return region + "人民政府"


def expand_province(name: str, only_before: tuple[str, ...] | None = None) -> str:
    """A leading short province name → the official one: 广西… → 广西壮族自治区…

    With `only_before`, only when the rest of the name starts with one of those (or is empty)."""
    for short, official in sorted(provinces().items(), key=lambda item: -len(item[0])):
        if name.startswith(short) and not name.startswith(official):
            rest = name[len(short):]
            if only_before is not None and rest and not rest.startswith(only_before):
                return name
            return official + rest
    return name


def normalise_issuer(name: str) -> str:
    """Spaces dropped, short province expanded, `<地区>政府` written as `<地区>人民政府`."""
    name = expand_province(SPACES.sub("", name).strip("：:，,。"), only_before=GOVERNMENT_WORDS)
    if match := re.match(r"^(.*[省市县区镇乡州旗])政府(.*)$", name):
        if region_of(match.group(1)) == match.group(1):
            name = f"{match.group(1)}人民政府{match.group(2)}"
    return name


def region_of(text: str) -> str:
    """The administrative area a name starts with: 北京市海淀区教育局 → 北京市海淀区; '' when none."""
    text = PARTY_PREFIX.sub("", SPACES.sub("", text))
    if text.endswith("国务院") and (text == "国务院" or text.startswith("中华人民共和国")):
        return "全国"
    text = expand_province(text, only_before=GOVERNMENT_WORDS)
    region = ""
    while match := REGION_UNIT.match(text, len(region)):
        unit = match.group(0)
        if unit in NOT_REGIONS or unit.startswith(("全", "各")):
            break
        region += unit
    return region
