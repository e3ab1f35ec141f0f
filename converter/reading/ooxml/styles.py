"""styles.xml: what a paragraph or character style means once its `w:basedOn` chain is followed.

For paragraph styles: the heading level (from the style name rules the caller passes, or from a
`w:outlineLvl` anywhere in the chain), alignment, numbering, and the run formatting it gives its text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

from converter.reading.ooxml.xml import flag, val, w

MAX_CHAIN = 20


class RunFormat(NamedTuple):
    bold: bool = False
    italic: bool = False
    font: str | None = None  # east-Asian font
    size: float | None = None  # points
    vert: str | None = None  # "superscript", "subscript"
    hidden: bool = False


@dataclass(frozen=True)
class ParagraphStyle:
    name: str
    level: int | None = None  # 0 = title, n = heading level n (outline level + 1)
    align: str | None = None
    numbering: tuple[str, int] | None = None  # (numId, ilvl)
    run: RunFormat = RunFormat()
    defined: bool = True


def apply_rpr(base: RunFormat, rpr) -> RunFormat:
    """Formatting `rpr` sets directly, over `base`."""
    if rpr is None:
        return base
    changes = {}
    for field, name in (("bold", "b"), ("italic", "i"), ("hidden", "vanish")):
        value = flag(rpr, name)
        if value is not None:
            changes[field] = value
    fonts = rpr.find(w("rFonts"))
    if fonts is not None and (font := fonts.get(w("eastAsia")) or fonts.get(w("ascii"))):
        changes["font"] = font
    size = val(rpr, "sz")
    if size and size.isdigit():
        changes["size"] = int(size) / 2
    vert = val(rpr, "vertAlign")
    if vert is not None:
        changes["vert"] = vert if vert in ("superscript", "subscript") else None
    return base._replace(**changes) if changes else base


class Styles:
    def __init__(self, root, level_of_name: Callable[[str], int | None]):
        self._level_of_name = level_of_name
        self._elements = {}
        self._paragraph_cache: dict[str, ParagraphStyle] = {}
        self._character_cache: dict[tuple[str, RunFormat], RunFormat] = {}
        self.default_run = RunFormat()
        self.default_paragraph = ""
        if root is None:
            return
        for style in root.iterchildren(w("style")):
            style_id = style.get(w("styleId")) or ""
            self._elements[style_id] = style
            if style.get(w("default")) in ("1", "true") and style.get(w("type")) == "paragraph":
                self.default_paragraph = style_id
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_run = apply_rpr(RunFormat(), defaults)

    def paragraph(self, style_id: str | None) -> ParagraphStyle:
        style_id = style_id or self.default_paragraph
        if style_id not in self._paragraph_cache:
            self._paragraph_cache[style_id] = self._resolve_paragraph(style_id)
        return self._paragraph_cache[style_id]

    def character(self, style_id: str, base: RunFormat) -> RunFormat:
        """`base` with what character style `style_id` (and the styles it is based on) sets."""
        key = (style_id, base)
        if key not in self._character_cache:
            fmt = base
            for style in reversed(self._chain(style_id)):
                fmt = apply_rpr(fmt, style.find(w("rPr")))
            self._character_cache[key] = fmt
        return self._character_cache[key]

    def _chain(self, style_id: str) -> list:
        chain, seen = [], set()
        while style_id in self._elements and style_id not in seen and len(chain) < MAX_CHAIN:
            seen.add(style_id)
            style = self._elements[style_id]
            chain.append(style)
            style_id = val(style, "basedOn") or ""
        return chain

    def _resolve_paragraph(self, style_id: str) -> ParagraphStyle:
        chain = self._chain(style_id)
        if not chain:
            return ParagraphStyle(name=style_id, run=self.default_run, defined=not style_id)
        run = self.default_run
        for style in reversed(chain):
            run = apply_rpr(run, style.find(w("rPr")))
        return ParagraphStyle(
            name=val(chain[0], "name") or style_id,
            level=self._level(chain),
            align=_first(chain, lambda ppr: val(ppr, "jc")),
            numbering=_first(chain, numbering_of),
            run=run,
        )

    def _level(self, chain) -> int | None:
        for style in chain:
            by_name = self._level_of_name(val(style, "name") or "")
            if by_name is not None:
                return by_name
            outline = val(style.find(w("pPr")), "outlineLvl")
            if outline is not None:
                return int(outline) + 1 if outline.isdigit() and int(outline) < 9 else None
        return None


def numbering_of(ppr) -> tuple[str, int] | None:
    """(numId, ilvl) of a `w:pPr`, or None; numId 0 means "no numbering"."""
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    if numpr is None:
        return None
    num_id, level = val(numpr, "numId"), val(numpr, "ilvl")
    if num_id is None:
        return None
    return num_id, int(level) if level and level.isdigit() else 0


def _first(chain, getter):
    for style in chain:
        ppr = style.find(w("pPr"))
        if ppr is not None and (value := getter(ppr)) is not None:
            return value
    return None
