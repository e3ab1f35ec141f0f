"""The one XML parser for package parts, and the qualified names the readers look for.

Every part goes through `parse_part` (the converter's reader, the publication checks, the package
limits and the sanitizer alike): entities are never expanded, nothing is fetched from the network,
libxml2's default size and depth limits stay on (no `huge_tree`), and a part declaring a DTD is
refused. Strict OOXML files (ISO 29500 Strict, namespaces under purl.oclc.org) are mapped onto the
transitional namespaces first, so every reader handles one vocabulary; only a writer that saves the
parts again asks for them `as_written`. Namespace prefixes never matter (lxml works on namespace URIs),
which is why files written with `ns0:` prefixes read like any other.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from lxml import etree

SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True,
    remove_pis=True,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_NAMESPACES = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R_NS.encode(),
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    b"http://purl.oclc.org/ooxml/drawingml/main": b"http://schemas.openxmlformats.org/drawingml/2006/main",
    b"http://purl.oclc.org/ooxml/drawingml/picture": b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    b"http://purl.oclc.org/ooxml/officeDocument/math": b"http://schemas.openxmlformats.org/officeDocument/2006/math",
}
STRICT_MARK = b"purl.oclc.org/ooxml/"


class UnsafeXML(ValueError):
    """A part declares a DTD: OOXML never does, entity tricks (XXE, billion laughs) always do."""


def parse_part(data: bytes, as_written: bool = False) -> etree._Element:
    """Parse one part's bytes. Raises `etree.XMLSyntaxError` on malformed XML, `UnsafeXML` on a DTD.
    `as_written` keeps Strict namespaces as they are, and gives the caller a tree of its own to change
    and save (the sanitizer). Other callers only read, so they share one tree per part: the package
    limits, the reader and the publication checks would otherwise parse each part of a file again
    (a 400 KB styles part costs 5 ms a parse)."""
    if as_written:
        return _parse(data, as_written=True)
    return _recent.tree(data)


def _parse(data: bytes, as_written: bool) -> etree._Element:
    if not as_written and STRICT_MARK in data:
        for strict, transitional in STRICT_NAMESPACES.items():
            data = data.replace(strict, transitional)
    root = etree.fromstring(data, SAFE_PARSER)
    if root.getroottree().docinfo.doctype:
        raise UnsafeXML("DTD in a package part")
    return root


class _RecentTrees(threading.local):
    """The trees of the parts parsed last in this thread, up to CACHED_BYTES of XML in all."""

    def __init__(self) -> None:
        self.trees: OrderedDict[bytes, etree._Element] = OrderedDict()
        self.size = 0

    def tree(self, data: bytes) -> etree._Element:
        if data in self.trees:
            self.trees.move_to_end(data)
            return self.trees[data]
        root = _parse(data, as_written=False)
        if len(data) <= CACHED_BYTES:
            self.trees[data] = root
            self.size += len(data)
            while self.size > CACHED_BYTES:
                self.size -= len(self.trees.popitem(last=False)[0])
        return root


CACHED_BYTES = 8 << 20
_recent = _RecentTrees()


W = f"{{{W_NS}}}"


def w(name: str) -> str:
    return W + name


def r(name: str) -> str:
    return f"{{{R_NS}}}{name}"


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
V = "{urn:schemas-microsoft-com:vml}"
O = "{urn:schemas-microsoft-com:office:office}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"

W_VAL = w("val")
FALSE_VALUES = frozenset({"0", "false", "off", "none"})


def val(parent, name: str) -> str | None:
    """`w:val` of the child `w:<name>` of `parent`, or None when either is absent."""
    if parent is None:
        return None
    child = parent.find(w(name))
    return None if child is None else child.get(W_VAL)


def flag(parent, name: str) -> bool | None:
    """An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): True, False, or None when not set."""
    if parent is None:
        return None
    child = parent.find(w(name))
    if child is None:
        return None
    return (child.get(W_VAL) or "true").lower() not in FALSE_VALUES


def local_name(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
