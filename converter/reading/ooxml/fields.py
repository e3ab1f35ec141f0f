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
    __slots__ = ("code", "result", "kind", "target")

    def __init__(self):
        self.code: list[str] = []  # instruction text, complete once the result starts
        self.result = False
        self.kind = ""
        self.target: str | None = None

    def start_result(self) -> None:
        code = "".join(self.code)
        self.result, self.kind, self.target = True, field_kind(code), hyperlink_target(code)


class Fields:
    """The fields open at the current point of the document, innermost last."""

    def __init__(self):
        self._open: list[_Field] = []
        self.saw_toc = False

    def char(self, kind: str | None) -> None:
        if kind == "begin":
            self._open.append(_Field())
        elif kind == "separate" and self._open:
            self._open[-1].start_result()
            self.saw_toc = self.saw_toc or self._open[-1].kind == "TOC"
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
        return all(f.result and f.kind not in DROPPED for f in self._open)

    @property
    def href(self) -> str | None:
        return next((f.target for f in reversed(self._open) if f.target), None)
