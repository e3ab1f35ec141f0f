"""The parts of a .docx package as zipfile and lxml see them, for the checks that need more than
python-docx shows (headers, comments, revisions, properties) and for rewriting the package.

Only call this on a package `package_limits.check_package` has accepted: sizes are then bounded and
no part declares a DTD. XML is parsed with entities, DTDs and network access off all the same.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from .errors import ArchiveError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CONTENT_TYPES = "[Content_Types].xml"

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(data: bytes, name: str = "") -> etree._Element:
    try:
        return etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError:
        raise ArchiveError("corrupt-xml", f"文件内部部件 {ascii(name[:60])} 不是有效的 XML（文件已损坏）",
                           "请用 Word 或 WPS 打开，另存为 .docx 后再导入") from None


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str  # the last segment of the type URI, e.g. "header", "comments", "image"
    target: str  # part name inside the package (no leading /), or the URL when external
    external: bool


class Package:
    """A read-only view of a .docx zip: part names, content types, bytes, parsed XML, relationships."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.names = [info.filename for info in archive.infolist()]
        self._defaults, self._overrides = self._content_types()

    def read(self, name: str) -> bytes:
        return self.archive.read(name)

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), name)

    def content_type(self, name: str) -> str:
        extension = PurePosixPath(name).suffix.lstrip(".").lower()
        return self._overrides.get(name.lower(), self._defaults.get(extension, ""))

    def is_xml(self, name: str) -> bool:
        return self.content_type(name).endswith("xml") or name.lower().endswith((".xml", ".rels"))

    def xml_parts(self) -> list[str]:
        return [name for name in self.names if self.is_xml(name) and name != CONTENT_TYPES]

    def relationships(self, source: str) -> list[Relationship]:
        """Relationships of part `source` ("" for the package), targets resolved to part names."""
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return []
        found = []
        for rel in self.xml(rels_name).iter(REL + "Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target") or ""
            if not external:
                target = posixpath.normpath(posixpath.join("/" + folder, target)).lstrip("/")
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            found.append(Relationship(rel.get("Id") or "", kind, target, external))
        return found

    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        if CONTENT_TYPES not in self.names:
            return {}, {}
        root = self.xml(CONTENT_TYPES)
        defaults = {(d.get("Extension") or "").lower(): d.get("ContentType") or "" for d in root.iter(CT + "Default")}
        overrides = {(o.get("PartName") or "").lstrip("/").lower(): o.get("ContentType") or ""
                     for o in root.iter(CT + "Override")}
        return defaults, overrides
