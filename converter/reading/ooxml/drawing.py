"""Inside `w:drawing` / `w:pict` / `w:object`: pictures, text boxes, and what cannot be converted.

`mc:AlternateContent` offers the same content twice (a DrawingML choice, a VML fallback); exactly one
branch is read: the first choice whose requirements are understood, else the fallback.
"""
from __future__ import annotations

from converter.reading.ooxml.xml import MC, PIC, WP, A, O, V, r, w

TXBX = w("txbxContent")
ALTERNATE, CHOICE, FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
BLIP, PIC_PIC, IMAGEDATA, GRAPHIC_DATA = A + "blip", PIC + "pic", V + "imagedata", A + "graphicData"
UNDERSTOOD = frozenset({
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/word/2010/wordml",
    "http://schemas.microsoft.com/office/word/2012/wordml",
    "http://schemas.microsoft.com/office/drawing/2010/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
})
UNCONVERTIBLE_GRAPHICS = ("/chart", "/diagram", "/chartex")


def choose_branch(alternate):
    for branch in alternate:
        if branch.tag == CHOICE and _understood(branch):
            return branch
        if branch.tag == FALLBACK:
            return branch
    return None


def _understood(choice) -> bool:
    namespaces = choice.nsmap
    return all(namespaces.get(prefix) in UNDERSTOOD for prefix in (choice.get("Requires") or "").split())


def descendants(element, wanted: frozenset):
    """Elements with a tag in `wanted` under `element`, reading one branch of each AlternateContent
    and not looking inside the wanted elements themselves."""
    for child in element:
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag == ALTERNATE:
            branch = choose_branch(child)
            if branch is not None:
                yield from descendants(branch, wanted)
        elif tag != TXBX and isinstance(tag, str):
            yield from descendants(child, wanted)


def textboxes(element):
    return descendants(element, frozenset({TXBX}))


def pictures(element):
    """(relationship id, alt text) of each picture, in order."""
    alt = _drawing_alt(element)
    for found in descendants(element, frozenset({PIC_PIC, IMAGEDATA})):
        if found.tag == IMAGEDATA:
            yield found.get(r("id")) or "", found.get(O + "title") or alt
            continue
        blip = next(found.iter(BLIP), None)
        properties = next(found.iter(PIC + "cNvPr"), None)
        own = (properties.get("descr") or properties.get("title") or "") if properties is not None else ""
        if blip is not None:
            yield blip.get(r("embed")) or blip.get(r("link")) or "", own or alt


def _drawing_alt(element) -> str:
    doc_pr = next(element.iter(WP + "docPr"), None)
    if doc_pr is None:
        return ""
    return (doc_pr.get("descr") or doc_pr.get("title") or "").strip()


def unconvertible(element) -> bool:
    """Charts, SmartArt and embedded objects (OLE) have no text or picture we can keep."""
    if element.tag == w("object"):
        return next(element.iter(IMAGEDATA), None) is None
    return any((data.get("uri") or "").endswith(UNCONVERTIBLE_GRAPHICS)
               for data in descendants(element, frozenset({GRAPHIC_DATA})))
