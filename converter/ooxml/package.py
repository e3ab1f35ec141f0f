"""The .docx zip package: parts by name, relationships between parts, core properties.

Part names are matched case-insensitively (OPC part names are), relationship targets are resolved
against the source part's folder, and a relationship whose target is missing is reported as missing
rather than raised, so one broken reference never stops a conversion.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..model import DocProperties
from .xml import REL, parse_part

CORE = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"


@dataclass(frozen=True)
class Relationship:
    type: str  # last segment of the relationship type URI, e.g. "image", "hyperlink", "footnotes"
    target: str  # part name inside the package, or the URL for external targets
    external: bool = False


class Package:
    def __init__(self, source: Path | str):
        self._zip = zipfile.ZipFile(source)
        self._names = {info.filename.lstrip("/").lower(): info.filename for info in self._zip.infolist()}

    def close(self) -> None:
        self._zip.close()

    def read(self, part: str) -> bytes | None:
        name = self._names.get(part.lstrip("/").lower())
        return None if name is None else self._zip.read(name)

    def xml(self, part: str) -> etree._Element | None:
        data = self.read(part)
        return None if data is None else parse_part(data)

    def relationships(self, part: str) -> dict[str, Relationship]:
        """Relationships of `part` ("" for the package itself), by id."""
        folder, _, base = part.rpartition("/")
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        if root is None:
            return {}
        found = {}
        for rel in root.iter(REL + "Relationship"):
            rel_id, target = rel.get("Id"), rel.get("Target") or ""
            external = (rel.get("TargetMode") or "").lower() == "external"
            kind = (rel.get("Type") or "").rstrip("/").rpartition("/")[2]
            found[rel_id] = Relationship(kind, target if external else _resolve(folder, target), external)
        return found

    def main_part(self) -> str:
        for rel in self.relationships("").values():
            if rel.type == "officeDocument" and not rel.external and self.read(rel.target) is not None:
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
                             creator=text(DC + "creator"), keywords=text(CORE + "keywords"),
                             created=text(DCTERMS + "created"), modified=text(DCTERMS + "modified"))


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("./") if target else ""
