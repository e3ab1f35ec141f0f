"""A .docx file → the document model (`SourceDocument`).

The package is read with lxml directly (see `converter.reading.ooxml`): python-docx's proxy objects cost more
than the whole rest of the conversion and do not expose numbering, fields, notes or text boxes. This is
the module that would import `docx` if the reader needed it; nothing else in `converter/` does.
Headers and footers are never read: they are page furniture, not the report.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter.data import rules
from converter.model import Note, SourceDocument
from converter.model.errors import ArchiveError
from converter.reading.intake import CORRUPT
from converter.reading.ooxml.blocks import read_blocks
from converter.reading.ooxml.context import Context
from converter.reading.ooxml.images import Images
from converter.reading.ooxml.notes import read_notes
from converter.reading.ooxml.notices import Notices
from converter.reading.ooxml.numbering import Numbering
from converter.reading.ooxml.package import Package
from converter.reading.ooxml.styles import Styles
from converter.reading.ooxml.xml import w

HAN_NUMERALS = "一二三四五六七八九"  # 一级标题 … 九级标题
READ_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError, KeyError, ValueError,
              EOFError, OSError, RuntimeError, NotImplementedError, zlib.error, RecursionError)


def read_docx(path: Path) -> SourceDocument:
    """Raises `ArchiveError` when the package or its main part cannot be read."""
    try:
        with Package.open(path) as package:
            return _read(package)
    except READ_ERRORS as error:
        raise ArchiveError(*CORRUPT) from error


def _read(package: Package) -> SourceDocument:
    main = package.main_part()
    root = package.xml(main)
    body = root.find(w("body")) if root is not None else None
    if body is None:
        raise ArchiveError("no-body", "文件里找不到 Word 正文", "请用 Word 或 WPS 打开后另存为 .docx 再导入")
    rels = package.relationships(main)
    notices = Notices()
    ctx = Context(rels=rels, styles=Styles(_optional_part(package, rels, "styles"), style_level),
                  numbering=Numbering(_optional_part(package, rels, "numbering")),
                  images=Images(package, notices), notices=notices, read_blocks=read_blocks)
    blocks = read_blocks(body, ctx)
    if ctx.fields.saw_toc:
        notices.add("toc-dropped")
    return SourceDocument(blocks=tuple(blocks), notes=_notes(package, rels, ctx),
                          images=tuple(ctx.images.found), properties=package.properties(),
                          warnings=notices.values())


def _notes(package: Package, rels, ctx: Context) -> tuple[Note, ...]:
    notes: list[Note] = []
    for kind, rel_type in (("footnote", "footnotes"), ("endnote", "endnotes")):
        for rel in rels.values():
            if rel.type == rel_type and not rel.external:
                try:
                    notes.extend(read_notes(package, rel.target, kind, ctx))
                except etree.XMLSyntaxError:
                    ctx.notices.add("notes-unreadable")
    return tuple(notes)


def _optional_part(package: Package, rels, rel_type: str):
    """A supporting part (styles, numbering); a broken one is read as absent rather than fatal."""
    for rel in rels.values():
        if rel.type == rel_type and not rel.external:
            try:
                return package.xml(rel.target)
            except etree.XMLSyntaxError:
                return None
    return None


@lru_cache(maxsize=1)
def _style_rules() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    data = rules("styles")
    return frozenset(data["title"]), tuple(re.compile(p) for p in data["headings"])


@lru_cache(maxsize=256)
def style_level(name: str) -> int | None:
    """0 for a title style, n for a heading-n style, None for any other style name."""
    titles, headings = _style_rules()
    key = name.lower().replace(" ", "")
    if key in titles:
        return 0
    for pattern in headings:
        if match := pattern.match(key):
            digit = match.group(1)
            return int(digit) if digit.isdigit() else HAN_NUMERALS.index(digit) + 1
    return None
