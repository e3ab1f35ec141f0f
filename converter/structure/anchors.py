"""Stable ids for section headings, shared by the renderer (`{#id}` in Markdown) and by the section
topics in front matter, so topic pages can link into reports."""
from __future__ import annotations

from converter.model import Heading


def heading_ids(headings: list[Heading]) -> list[str]:
    """Outline position as id: the 2nd （一） under the 1st 一、 is `s1-2`."""
    counters: list[int] = []
    ids = []
    for heading in headings:
        depth = max(heading.level, 1)
        counters = counters[:depth] + [0] * (depth - len(counters))
        counters[depth - 1] += 1
        ids.append("s" + "-".join(str(c) for c in counters))
    return ids
