"""Word fields (`w:fldChar` begin/separate/end with `w:instrText`, and `w:fldSimple`).

A field shows its result text; that is what the reader keeps. Page numbers and tables of contents
(PAGE, NUMPAGES, PAGEREF, TOC) are page furniture, so their results are dropped. HYPERLINK fields give
their result a link target.
"""
from __future__ import annotations

import re

DROPPED = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "TOC"})
HYPERLINK_TARGET = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.I)


def field_kind(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


def hyperlink_target(instruction: str) -> str | None:
    match = HYPERLINK_TARGET.match(instruction)
    return match.group(1) if match else None


class _Field:
    __slots__ = ("code", "result")

    def __init__(self):
        self.code: list[str] = []
        self.result = False


class Fields:
    """The fields open at the current point of the document, innermost last."""

    def __init__(self):
        self._open: list[_Field] = []
        self.saw_toc = False

    def char(self, kind: str | None) -> None:
        if kind == "begin":
            self._open.append(_Field())
        elif kind == "separate" and self._open:
            self._open[-1].result = True
            self.saw_toc = self.saw_toc or field_kind(self._code(self._open[-1])) == "TOC"
        elif kind == "end" and self._open:
            self._open.pop()

    def instruction(self, text: str | None) -> None:
        if self._open and not self._open[-1].result:
            self._open[-1].code.append(text or "")

    def end_paragraph(self) -> None:
        """Field codes never span paragraphs (results may: a TOC does); close codes left open."""
        while self._open and not self._open[-1].result:
            self._open.pop()

    @property
    def showing(self) -> bool:
        return all(f.result and field_kind(self._code(f)) not in DROPPED for f in self._open)

    @property
    def href(self) -> str | None:
        for field in reversed(self._open):
            target = hyperlink_target(self._code(field))
            if target:
                return target
        return None

    @staticmethod
    def _code(field: _Field) -> str:
        return "".join(field.code)
