"""公开方式 (公开属性) as a report's 附注 states it: `（此件公开发布）`, `（此件依申请公开）`.

Most reports say nothing: the field's default, 主动公开, stands. A note that the document is not to be made
public (`此件不公开`) is a warning for staff: the archive publishes what it imports.
"""
from __future__ import annotations

import re

from converter.model import Notice, Paragraph, Report

TAIL_SIZE = 8  # paragraphs from the end: the 附注 stands under the signature and date
NOTE = re.compile(r"^[（(]\s*此[件文]\s*(?P<kind>公开发布|主动公开|依申请公开|不予?公开|不宜公开)\s*[）)]$")
KINDS = {"公开发布": "主动公开", "主动公开": "主动公开", "依申请公开": "依申请公开"}
NOT_PUBLIC = Notice("not-public-disclosure", "文末注明此件不公开，请确认是否应当公开；如不应公开，请从档案中删除此页")


def disclosure_note(report: Report) -> tuple[str, Notice | None]:
    """(the 公开方式 the report's 附注 states, or ""; a warning when it says not to publish)."""
    for block in report.blocks[-TAIL_SIZE:]:
        if isinstance(block, Paragraph) and (match := NOTE.match(block.text.strip(" \t\u3000\xa0"))):
            kind = match.group("kind")
            return KINDS.get(kind, ""), None if kind in KINDS else NOT_PUBLIC
    return "", None
