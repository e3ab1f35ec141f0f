"""The .docx zip package: parts by name, content types, relationships between parts, core properties.

The one model of the package, for the converter's reader, the publication checks, the package limits
and the sanitizer. Part names are matched case-insensitively (OPC part names are), relationship
targets are resolved against the source part's folder, and a relationship whose target is missing is
reported as missing rather than raised, so one broken reference never stops a conversion. Reads are
bounded: a part declaring more than MAX_PART_BYTES (an XML part more than MAX_XML_PART_BYTES) is
refused before it is inflated, even when `package_limits.check_package` has not run first.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from lxml import etree

from converter.model import DocProperties
from converter.reading.ooxml.xml import CP, CT, DC, DCTERMS, REL, parse_part

MB = 1 << 20
MAX_PART_BYTES = 64 * MB  # one part inflated (a photo; XML parts are far smaller)
MAX_XML_PART_BYTES = 32 * MB  # one XML part inflated; lxml needs several times this in memory
CONTENT_TYPES = "[Content_Types].xml"


class PartTooLarge(ValueError):
    """A part declares more bytes than a package part may have."""


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str  # last segment of the relationship type URI, e.g. "image", "hyperlink", "footnotes"
    target: str  # part name inside the package (no leading /), or the URL for external targets
    external: bool = False


class Package:
    def __init__(self, archive: zipfile.ZipFile):
        self._zip = archive
        infos = archive.infolist()
        self.names = [info.filename for info in infos]
        self._infos = {info.filename.lstrip("/").lower(): info for info in infos}

    @classmethod
    def open(cls, source: Path | str | BinaryIO) -> Package:
        return cls(zipfile.ZipFile(source))

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def name_of(self, part: str) -> str | None:
        """The name `part` has in the zip (matched without case), or None when there is no such part."""
        info = self._infos.get(part.lstrip("/").lower())
        return None if info is None else info.filename

    def read(self, part: str, xml: bool = False) -> bytes | None:
        """The part's bytes; an XML part (`xml`) has the lower size limit."""
        return self._read(part, MAX_XML_PART_BYTES if xml else MAX_PART_BYTES)

    def xml(self, part: str, as_written: bool = False) -> etree._Element | None:
        data = self.read(part, xml=True)
        return None if data is None else parse_part(data, as_written)

    def _read(self, part: str, limit: int) -> bytes | None:
        info = self._infos.get(part.lstrip("/").lower())
        if info is None:
            return None
        if info.file_size > limit:
            raise PartTooLarge(f"{info.filename}: {info.file_size} bytes")
        return self._zip.read(info)

    def content_type(self, part: str) -> str:
        defaults, overrides = self._content_types
        extension = PurePosixPath(part).suffix.lstrip(".").lower()
        return overrides.get(part.lstrip("/").lower(), defaults.get(extension, ""))

    def is_xml(self, part: str) -> bool:
        return self.content_type(part).endswith("xml") or part.lower().endswith((".xml", ".rels"))

    def xml_parts(self) -> list[str]:
        return [name for name in self.names if self.is_xml(name) and name != CONTENT_TYPES]

    @cached_property
    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        root = self.xml(CONTENT_TYPES)
        if root is None:
            return {}, {}
        defaults = {(d.get("Extension") or "").lower(): d.get("ContentType") or "" for d in root.iter(CT + "Default")}
        overrides = {(o.get("PartName") or "").lstrip("/").lower(): o.get("ContentType") or ""
                     for o in root.iter(CT + "Override")}
        return defaults, overrides

    def relationships(self, part: str) -> dict[str, Relationship]:
        """Relationships of `part` ("" for the package itself), by id."""
        root = self.xml(rels_part(part))
        if root is None:
            return {}
        folder = posixpath.dirname(part)
        return {rel.id: rel for rel in (relationship(element, folder) for element in root.iter(REL + "Relationship"))}

    def main_part(self) -> str:
        for rel in self.relationships("").values():
            if rel.type == "officeDocument" and not rel.external and self.name_of(rel.target) is not None:
                return rel.target
        return "word/document.xml"

    def properties(self) -> DocProperties:
        part = next((rel.target for rel in self.relationships("").values() if rel.type == "core-properties"),
                    "docProps/core.xml")
        try:
            root = self.xml(part)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            return DocProperties()
        text = lambda tag: (root.findtext(tag) or "").strip()  # noqa: E731
        return DocProperties(title=text(DC + "title"), subject=text(DC + "subject"),
                             creator=text(DC + "creator"), keywords=text(CP + "keywords"),
                             created=text(DCTERMS + "created"), modified=text(DCTERMS + "modified"))


def rels_part(part: str) -> str:
    """The relationships part of `part` ("" for the package's own: `_rels/.rels`)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def relationship(element: etree._Element, folder: str) -> Relationship:
    """One `<Relationship>` of a part in `folder`, its target resolved to a part name."""
    target = element.get("Target") or ""
    external = (element.get("TargetMode") or "").lower() == "external"
    if target and not external:
        target = posixpath.normpath(posixpath.join("/" + folder, target)).lstrip("/")
    kind = (element.get("Type") or "").rstrip("/").rpartition("/")[2]
    return Relationship(element.get("Id") or "", kind, target, external)
