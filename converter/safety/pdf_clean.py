"""The clean PDF offered for download: the same pages, without what identifies people or hides content.

Removed: the document properties (the Info dictionary: author, creator, dates; the XMP metadata of the
document, its pages and its objects; applications' private data, `PieceInfo`), everything that runs or
carries other files (JavaScript, actions other than going to a page, embedded and attached files, forms'
XFA), and hidden layers: the content of optional-content groups that are off when the document opens
(what a reader never sees, and what a text extractor still finds). Text, fonts and pictures are copied
as they are. The one module that imports `pypdf` (PDFium, which reads PDFs, cannot rewrite them).
"""
from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, NameObject

from converter.model.errors import ArchiveError

CATALOG_DROPPED = ("/Metadata", "/PieceInfo", "/AA", "/OCProperties", "/AcroForm", "/Perms", "/Threads",
                   "/SpiderInfo", "/URI")
NAMES_DROPPED = ("/JavaScript", "/EmbeddedFiles", "/AlternatePresentations", "/Renditions")
PAGE_DROPPED = ("/Metadata", "/PieceInfo", "/AA", "/Thumb")
ANNOTATIONS_DROPPED = ("/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D")
KEPT_CATALOG = ("/Lang", "/PageLabels", "/ViewerPreferences", "/PageLayout", "/PageMode")
SAFE_ACTIONS = ("/GoTo", "/URI")  # a link to a page of the document or to an address
CORRUPT = ("pdf-corrupt", "PDF 文件已损坏，无法生成供下载的副本", "请用 PDF 阅读器打开后另存或打印为新的 PDF，再导入")


def cleaned_pdf(data: bytes) -> tuple[bytes, int]:
    """The clean copy of the PDF `data`, and how many pieces of hidden content were taken out."""
    try:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        hidden = _without_hidden_layers(writer)
        _clean_catalog(writer)
        for page in writer.pages:
            _clean_page(page)
        out = _pages_only(writer)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise ArchiveError(*CORRUPT) from None
    return out, hidden


def _pages_only(cleaned: PdfWriter) -> bytes:
    """The pages (and bookmarks) of `cleaned` in a new file: only what they refer to is copied, so no
    object that was cut off (an attachment's data, the XMP) stays in the file unreferenced."""
    first = io.BytesIO()
    cleaned.write(first)
    writer = PdfWriter()
    writer.append(PdfReader(first), import_outline=True)
    for key in KEPT_CATALOG:
        if key in cleaned._root_object:
            writer._root_object[NameObject(key)] = cleaned._root_object[key].clone(writer)
    writer.metadata = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _clean_catalog(writer: PdfWriter) -> None:
    root = writer._root_object
    for key in CATALOG_DROPPED:
        root.pop(key, None)
    action = _resolved(root.get("/OpenAction"))
    if isinstance(action, DictionaryObject) and action.get("/S") not in SAFE_ACTIONS:
        root.pop("/OpenAction", None)
    names = _resolved(root.get("/Names"))
    if isinstance(names, DictionaryObject):
        for key in NAMES_DROPPED:
            names.pop(key, None)


def _clean_page(page) -> None:
    for key in PAGE_DROPPED:
        page.pop(key, None)
    annotations = _resolved(page.get("/Annots"))
    if isinstance(annotations, ArrayObject):
        kept = [a for a in annotations if _kept_annotation(_resolved(a))]
        page[NameObject("/Annots")] = ArrayObject(kept)
    for xobject in _xobjects(page):
        xobject.pop("/Metadata", None)
        xobject.pop("/PieceInfo", None)


def _kept_annotation(annotation) -> bool:
    if not isinstance(annotation, DictionaryObject) or annotation.get("/Subtype") in ANNOTATIONS_DROPPED:
        return False
    annotation.pop("/AA", None)
    action = _resolved(annotation.get("/A"))
    if isinstance(action, DictionaryObject) and action.get("/S") not in SAFE_ACTIONS:
        annotation.pop("/A", None)
    return True


def _without_hidden_layers(writer: PdfWriter) -> int:
    """Take out the content of the optional-content groups that are off by default; how many pieces."""
    hidden = _hidden_groups(writer)
    if not hidden:
        return 0
    removed = 0
    for page in writer.pages:
        properties = _resolved(_resolved(page.get("/Resources", {})).get("/Properties", {}))
        xobjects = _resolved(_resolved(page.get("/Resources", {})).get("/XObject", {}))
        content = ContentStream(page.get_contents(), writer) if page.get_contents() is not None else None
        if content is None:
            continue
        kept, count = _visible_operations(content.operations, properties, xobjects, hidden)
        if count:
            content.operations = kept
            page.replace_contents(content)
            removed += count
        annotations = _resolved(page.get("/Annots"))
        if isinstance(annotations, ArrayObject):
            visible = [a for a in annotations if not _is_hidden(_resolved(a).get("/OC"), hidden)]
            removed += len(annotations) - len(visible)
            page[NameObject("/Annots")] = ArrayObject(visible)
    return removed


def _hidden_groups(writer: PdfWriter) -> set:
    """The ids of the groups off when the document opens (its default configuration, /D)."""
    properties = _resolved(writer._root_object.get("/OCProperties"))
    if not isinstance(properties, DictionaryObject):
        return set()
    default = _resolved(properties.get("/D", {}))
    groups = [_id(g) for g in _resolved(properties.get("/OCGs", [])) or []]
    if default.get("/BaseState") == "/OFF":
        on = {_id(g) for g in _resolved(default.get("/ON", [])) or []}
        return {g for g in groups if g not in on}
    return {_id(g) for g in _resolved(default.get("/OFF", [])) or []}


def _visible_operations(operations: list, properties, xobjects, hidden: set) -> tuple[list, int]:
    """The operations outside hidden marked content (`/OC /name BDC … EMC`) and without invocations of
    hidden XObjects; and how many hidden pieces were left out."""
    kept, depth, skipping_from, count = [], 0, None, 0
    for operands, operator in operations:
        if operator in (b"BDC", b"BMC"):
            depth += 1
            if skipping_from is None and operator == b"BDC" and operands[0] == "/OC" \
                    and _is_hidden(properties.get(operands[1]) if isinstance(operands[1], str) else operands[1], hidden):
                skipping_from, count = depth, count + 1
        elif operator == b"EMC":
            depth -= 1
            if skipping_from is not None and depth < skipping_from:
                skipping_from = None
                continue
        elif operator == b"Do" and skipping_from is None and _is_hidden(_resolved(xobjects.get(operands[0], {})).get("/OC"), hidden):
            count += 1
            continue
        if skipping_from is None:
            kept.append((operands, operator))
    return kept, count


def _is_hidden(group, hidden: set) -> bool:
    """An optional-content group that is off, or a membership dictionary whose groups are all off."""
    group_object = _resolved(group)
    if not isinstance(group_object, DictionaryObject):
        return False
    if group_object.get("/Type") == "/OCMD":
        members = _resolved(group_object.get("/OCGs"))
        members = members if isinstance(members, ArrayObject) else [members]
        return bool(members) and all(_id(m) in hidden for m in members if m is not None)
    return _id(group) in hidden


def _xobjects(page) -> list:
    xobjects = _resolved(_resolved(page.get("/Resources", {})).get("/XObject", {}))
    return [x for x in (_resolved(v) for v in xobjects.values()) if isinstance(x, DictionaryObject)]


def _resolved(value):
    return value.get_object() if hasattr(value, "get_object") else value


def _id(value):
    """What identifies an object: its reference where it has one (groups are indirect objects)."""
    reference = getattr(value, "indirect_reference", None) or value
    return (reference.idnum, reference.generation) if hasattr(reference, "idnum") else id(_resolved(value))
