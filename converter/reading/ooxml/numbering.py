"""numbering.xml: Word's automatic numbering, evaluated to the label text a reader sees.

`Numbering.label(num_id, level)` is called for each numbered paragraph in document order and keeps the
counters: `abstractNum`/`num` indirection, `lvlText` with `%1`…`%9`, `numFmt`, `start`, restart of
deeper levels, `lvlOverride`/`startOverride`, and lists that share an abstract definition continuing
each other unless a `num` restarts them.
"""
from __future__ import annotations

from dataclasses import dataclass

from converter.model import NumberLabel
from converter.reading.ooxml.number_formats import format_number
from converter.reading.ooxml.xml import val, w

LEVELS = 9


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # w:isLgl: show every level as decimal
    suffix: str = "tab"


def _level(lvl) -> Level:
    start = val(lvl, "start")
    legal = lvl.find(w("isLgl"))
    return Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=val(lvl, "numFmt") or "decimal",
        text=val(lvl, "lvlText") if val(lvl, "lvlText") is not None else "",
        legal=legal is not None and (legal.get(w("val")) or "1") not in ("0", "false"),
        suffix=val(lvl, "suff") or "tab",
    )


def _levels(container) -> dict[int, Level]:
    levels = {}
    for lvl in container.iter(w("lvl")):
        ilvl = lvl.get(w("ilvl"))
        if ilvl and ilvl.isdigit():
            levels[int(ilvl)] = _level(lvl)
    return levels


class Numbering:
    def __init__(self, root):
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            self._abstract[abstract.get(w("abstractNumId")) or ""] = _levels(abstract)
        for num in root.iter(w("num")):
            self._nums[num.get(w("numId")) or ""] = self._num(num)

    @staticmethod
    def _num(num):
        replaced, starts = {}, {}
        for override in num.iter(w("lvlOverride")):
            ilvl = override.get(w("ilvl")) or ""
            if not ilvl.isdigit():
                continue
            start = val(override, "startOverride")
            if start and start.isdigit():
                starts[int(ilvl)] = int(start)
            replaced.update({int(ilvl): level for level in _levels(override).values()})
        return val(num, "abstractNumId") or "", replaced, starts

    def label(self, num_id: str, ilvl: int) -> NumberLabel | None:
        if num_id not in self._nums or not 0 <= ilvl < LEVELS:
            return None
        abstract_id, replaced, starts = self._nums[num_id]
        levels = {**self._abstract.get(abstract_id, {}), **replaced}
        if ilvl not in levels:
            return None
        counters = self._advance(num_id, abstract_id, starts, levels, ilvl)
        level = levels[ilvl]
        if level.fmt == "bullet":
            return NumberLabel(text=level.text, level=ilvl, num_id=num_id, format="bullet")
        text = level.text
        for index in range(ilvl, -1, -1):  # %10 never occurs; high to low keeps %1 from eating %1x
            shown = levels.get(index, Level())
            fmt = "decimal" if level.legal and index < ilvl else shown.fmt
            value = counters[index] if counters[index] is not None else shown.start
            text = text.replace(f"%{index + 1}", format_number(value, fmt))
        return NumberLabel(text=text, level=ilvl, num_id=num_id, format=level.fmt,
                           suffix=level.suffix)

    def _advance(self, num_id, abstract_id, starts, levels, ilvl) -> list[int | None]:
        key = num_id if starts else "abstract:" + abstract_id
        counters = self._counters.setdefault(key, [None] * LEVELS)
        if counters[ilvl] is None:
            counters[ilvl] = starts.get(ilvl, levels[ilvl].start)
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = None
        return counters
