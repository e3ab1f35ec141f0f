"""The clean original offered for download: the same text, without what identifies people or drafts.

Rewrites the package:
- keeps only parts reachable from the package root through relationships that are kept; drops
  comments (and their people list, ids, extensions), custom properties, custom XML, thumbnails, the
  glossary (building blocks), printer settings, macros, and external links other than hyperlinks
  (an attached template or linked picture names a path on the author's computer);
- core properties: only title, subject and language (no author, last modified by, revision, dates);
  app properties: counts only (no company, manager, template, editing time);
- settings: no rsid list, attached template, document variables, mail merge, protection hashes or
  document ids; every part: no rsid attributes, no paragraph/text ids, no comment anchors, no XML
  comments or processing instructions (the package's parser drops them; Word writes none);
- pictures: JPEG and PNG metadata (EXIF with GPS and camera owner, XMP, text chunks) removed.
The zip is written deterministically (fixed order, timestamps and compression), so the same input
always gives the same bytes and the same SHA-256.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from converter.reading.image_metadata import strip_image_metadata
from converter.reading.ooxml.package import CONTENT_TYPES, Package, Relationship, relationship, rels_part
from converter.reading.ooxml.xml import CT, DC, REL, W, parse_part

DROPPED_RELATIONSHIPS = {
    "comments", "commentsExtended", "commentsIds", "commentsExtensible", "people", "custom-properties",
    "customXml", "thumbnail", "glossaryDocument", "printerSettings", "vbaProject", "vbaData", "wordVbaData",
    "attachedTemplate", "mailMergeSource", "mailMergeHeaderSource", "recipientData", "keyMapCustomizations",
}
KEPT_EXTERNAL = {"hyperlink"}
CORE_KEPT = {DC + "title", DC + "subject", DC + "language"}
EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
APP_KEPT = {EXTENDED + name for name in (
    "Application", "AppVersion", "DocSecurity", "Pages", "Words", "Characters", "CharactersWithSpaces",
    "Lines", "Paragraphs", "ScaleCrop", "LinksUpToDate", "SharedDoc", "HyperlinksChanged")}
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
SETTINGS_DROPPED = {W + "rsids", W + "attachedTemplate", W + "docVars", W + "mailMerge", W + "documentProtection",
                    W + "writeProtection", W + "saveThroughXslt", W14 + "docId", W15 + "docId"}
COMMENT_ANCHORS = {W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"}
IDENTIFYING_ATTRIBUTES = etree.XPath(  # w:rsid* and w14:paraId/textId, on any element
    "//@w:*[starts-with(local-name(), 'rsid')] | //@w14:paraId | //@w14:textId",
    namespaces={"w": W[1:-1], "w14": W14[1:-1]})
W_NS_BYTES = W[1:-1].encode()
ALWAYS_CLEANED = (b"paraId", b"textId", b"comment", b"<!", b"settings")
RSID_ATTRIBUTE = re.compile(rb"rsid[0-9A-Za-z]*=")  # styles' <w:rsid> elements stay
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def sanitized_docx(data: bytes) -> bytes:
    with Package.open(io.BytesIO(data)) as package:
        kept = _reachable(package)
        cleaned = {name: _clean_part(package, name, kept) for name in package.names if name in kept}
    return _deterministic_zip(cleaned)


def _reachable(package: Package) -> set[str]:
    """Parts reachable from the package root through kept relationships, their .rels parts, and the
    content types."""
    kept = {CONTENT_TYPES}
    queue = [""]
    while queue:
        source = queue.pop()
        rels = package.name_of(rels_part(source))
        if rels:
            kept.add(rels)
        for rel in package.relationships(source).values():
            target = package.name_of(rel.target) if _keeps(rel) and not rel.external else None
            if target and target not in kept:
                kept.add(target)
                queue.append(target)
    return kept


def _keeps(rel: Relationship) -> bool:
    return rel.type not in DROPPED_RELATIONSHIPS and (not rel.external or rel.type in KEPT_EXTERNAL)


def _clean_part(package: Package, name: str, kept: set[str]) -> bytes:
    if not package.is_xml(name):
        return strip_image_metadata(package.read(name))
    data = package.read(name, xml=True)
    if name == CONTENT_TYPES:
        return _serialize(_content_types(parse_part(data, as_written=True), kept))
    if name.endswith(".rels"):
        return _serialize(_relationships(package, name, parse_part(data, as_written=True), kept))
    if _nothing_to_clean(data):
        return data
    root = parse_part(data, as_written=True)  # saved again: Strict namespaces stay Strict
    if root.tag.endswith("}coreProperties"):
        _keep_children(root, CORE_KEPT)
    elif root.tag == EXTENDED + "Properties":
        _keep_children(root, APP_KEPT)
    elif root.tag.startswith(W):
        _clean_wordprocessing(root)
    else:
        return data
    return _serialize(root)


def _nothing_to_clean(data: bytes) -> bool:
    """A UTF-8 WordprocessingML part (not the settings) in which nothing the cleaning removes can be:
    kept byte for byte. Parsing and saving the 800 KB of styles a template carries was a third of an
    import's time. Any doubt (a word below anywhere, even in text) takes the full path."""
    return (data.startswith(b"<") and W_NS_BYTES in data and data.count(b"<?") <= 1
            and not any(marker in data for marker in ALWAYS_CLEANED) and not RSID_ATTRIBUTE.search(data))


def _content_types(root, kept: set[str]):
    lowered = {name.lower() for name in kept}
    for override in list(root.iter(CT + "Override")):
        if (override.get("PartName") or "").lstrip("/").lower() not in lowered:
            _detach(override)
    return root


def _relationships(package: Package, rels_name: str, root, kept: set[str]):
    folder = posixpath.dirname(posixpath.dirname(rels_name))  # word/_rels/document.xml.rels → word
    for element in list(root.iter(REL + "Relationship")):
        rel = relationship(element, folder)
        if not (_keeps(rel) and (rel.external or package.name_of(rel.target) in kept)):
            _detach(element)
    return root


def _clean_wordprocessing(root) -> None:
    for value in IDENTIFYING_ATTRIBUTES(root):  # found by libxml2: a Python loop over every attribute of
        del value.getparent().attrib[value.attrname]  # a 400 KB styles part took 40 ms
    dropped = COMMENT_ANCHORS | (SETTINGS_DROPPED if root.tag == W + "settings" else set())
    for element in list(root.iter(*dropped)):
        _remove(element)


def _remove(element) -> None:
    parent = element.getparent()
    if element.tag == W + "commentReference" and parent is not None and parent.tag == W + "r" and \
            all(child.tag in (W + "rPr", W + "commentReference") for child in parent):
        element = parent  # the run only carried the reference
    _detach(element)


def _detach(element) -> None:
    """Remove `element`, keeping any text that followed it (WordprocessingML has none, but be exact)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _keep_children(root, kept: set[str]) -> None:
    for child in list(root):
        if child.tag not in kept:
            root.remove(child)


def _serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _deterministic_zip(parts: dict[str, bytes]) -> bytes:
    order = sorted(parts, key=lambda name: (name != CONTENT_TYPES, name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, parts[name], compresslevel=3)
    return out.getvalue()
