"""footnotes.xml / endnotes.xml → `Note`s, read with the part's own relationships (links, pictures)."""
from __future__ import annotations

from dataclasses import replace

from converter.model import Note, SourceParagraph
from converter.reading.ooxml.blocks import read_blocks
from converter.reading.ooxml.context import Context
from converter.reading.ooxml.package import Package
from converter.reading.ooxml.xml import w

SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def read_notes(package: Package, part: str, kind: str, ctx: Context) -> list[Note]:
    """`kind` is "footnote" or "endnote"; ids become "footnote-3", matching `Run.note`."""
    root = package.xml(part)
    if root is None:
        return []
    ctx = replace(ctx, rels=package.relationships(part), pending=[])
    notes = []
    for note in root.iter(w(kind)):
        if note.get(w("type")) in SEPARATORS:
            continue
        paragraphs = tuple(b for b in read_blocks(note, ctx, "note") if isinstance(b, SourceParagraph))
        notes.append(Note(id=f"{kind}-{note.get(w('id'))}", paragraphs=paragraphs))
    return notes
