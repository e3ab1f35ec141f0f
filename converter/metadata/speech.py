"""The issuer of a 政府工作报告 that names it only in its opening: the 人民代表大会 it was delivered to,
`我代表…人民政府，向大会报告工作`, or the speaker line `广东省省长 孟凡利`."""
from __future__ import annotations

import re

from converter.metadata.issuers import normalise_issuer, region_government, region_of
from converter.metadata.opening_lines import RULES, HeadLine

MEETING = re.compile(r"在(.{0,40}?)第[一二三四五六七八九十\d]+届(全国)?人民代表大会")
ON_BEHALF = re.compile(r"我代表([^，,。；\s]{2,30}?)[，,]?向(?:大会|会议)")
SPEAKER_REGION = re.compile(rf"^(.{{2,20}}?){RULES.speaker}")
GENERIC_GOVERNMENT = re.compile(r"^(?:省|市|县|区|自治区|自治州|州|盟|旗|镇|乡)?(?:人民)?政府$")


def speech_issuer(head: list[HeadLine], opening: str, doc_type: str) -> str | None:
    on_behalf = ON_BEHALF.search(opening)
    if doc_type != "政府工作报告" and not on_behalf:
        return None
    region = meeting_region(head) or _speaker_region(head)
    if on_behalf and not GENERIC_GOVERNMENT.match(on_behalf.group(1)):
        return normalise_issuer(on_behalf.group(1))
    if region == "全国":
        return "国务院"
    return region_government(region) if region else None


def meeting_region(head: list[HeadLine]) -> str:
    """`在广东省第十四届人民代表大会…` → 广东省; the national people's congress → 全国."""
    for line in head:
        if match := MEETING.search(re.sub(r"\s+", "", line.text)):
            if match.group(2):
                return "全国"
            region = region_of(match.group(1).split("暨")[-1])
            if region:
                return region
    return ""


def _speaker_region(head: list[HeadLine]) -> str:
    for line in head:
        if line.kind == "speaker" and (match := SPEAKER_REGION.match(line.text)):
            if match.group(1).startswith("国务院"):
                return "全国"
            if region := region_of(match.group(1)):
                return region
    return ""
