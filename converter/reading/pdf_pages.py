"""A PDF opened with pypdfium2 (PDFium, Apache-2.0/BSD; the only module that imports it): per page, every
character with its box, font and size, the ruling lines tables are drawn with, and a rendering for OCR.

Coordinates are points from the page's top-left corner (y grows downwards), as a reader sees the page.
"""
from __future__ import annotations

import ctypes
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy
import pypdfium2 as pdfium
import pypdfium2.raw as raw

THIN = 2.5  # points: a path this thin is a ruling line
BOLD_NAME = re.compile(r"bold|heavy|black|semibold|demi", re.I)
SUBSET = re.compile(r"^[A-Z]{6}\+")
BOLD_WEIGHT = 600
FILL_STROKE = 2  # text render mode of the fake bold Word writes for fonts without a bold face
PASSWORD_ERROR = raw.FPDF_ERR_PASSWORD


class Unreadable(Exception):
    """PDFium could not open the file; `encrypted` when it needs a password."""

    def __init__(self, encrypted: bool = False):
        super().__init__("encrypted" if encrypted else "unreadable")
        self.encrypted = encrypted


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    bold: bool
    line_end: bool = False  # PDFium's text order puts a line break after this character


@dataclass(frozen=True)
class Segment:
    """A horizontal or vertical ruling line (a thin path, or one side of a stroked rectangle)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    segments: tuple[Segment, ...]
    image_dpi: float  # resolution of the page's sharpest picture (a scan's own resolution); 0: no picture


@contextmanager
def open_pdf(path):
    """The open document; `Unreadable` when PDFium cannot open it."""
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise Unreadable(encrypted=error.err_code == PASSWORD_ERROR) from None
    except OSError:
        raise Unreadable() from None
    try:
        yield document
    finally:
        document.close()


def properties(document) -> dict[str, str]:
    try:
        return {key: (value or "").strip() for key, value in document.get_metadata_dict().items()}
    except (pdfium.PdfiumError, UnicodeDecodeError, ValueError):
        return {}


def read_page(document, index: int) -> Page:
    page = document[index]
    try:
        width, height = page.get_size()
        text = page.get_textpage()
        glyphs = tuple(_glyphs(text, height))
        text.close()
        segments, image_dpi = _drawing(page, height)
        return Page(index + 1, width, height, glyphs, tuple(segments), image_dpi)
    finally:
        page.close()


def _glyphs(text, height: float) -> list[Glyph]:
    """The page's characters in PDFium's reading order. PDFium adds a space where it sees a gap, and a
    line break: the breaks mark line ends, the spaces are kept (with no font) for the line builder to judge."""
    rect = raw.FS_RECTF()
    names: dict[int, tuple[str, bool]] = {}
    glyphs: list[Glyph] = []
    for index in range(text.count_chars()):
        code = raw.FPDFText_GetUnicode(text, index)
        generated = raw.FPDFText_IsGenerated(text, index)
        if code in (10, 13) or (generated and code != 32):
            if glyphs and not glyphs[-1].line_end:
                glyphs[-1] = replace(glyphs[-1], line_end=True)
            continue
        if 0xDC00 <= code <= 0xDFFF and glyphs and 0xD800 <= ord(glyphs[-1].text) <= 0xDBFF:
            # PDFium gives a character beyond the BMP (a rare name character, 𠮷) as two UTF-16 halves
            pair = 0x10000 + ((ord(glyphs[-1].text) - 0xD800) << 10) + (code - 0xDC00)
            glyphs[-1] = replace(glyphs[-1], text=chr(pair))
            continue
        raw.FPDFText_GetLooseCharBox(text, index, rect)
        font, bold = ("", False) if generated else _font(text, index, names)
        size = 0.0 if generated else round(raw.FPDFText_GetFontSize(text, index), 1)
        glyphs.append(Glyph(chr(code), rect.left, rect.right, height - rect.top, height - rect.bottom,
                            size, font, bold))
    return [g if not 0xD800 <= ord(g.text) <= 0xDFFF else replace(g, text="\ufffd") for g in glyphs]


def _font(text, index: int, names: dict) -> tuple[str, bool]:
    """The character's font name (subset prefix removed) and whether it is set bold: a bold face, a heavy
    weight, or the fill-and-stroke fake bold."""
    obj = raw.FPDFText_GetTextObject(text, index)
    key = ctypes.cast(obj, ctypes.c_void_p).value or 0
    if key not in names:
        buffer = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        length = raw.FPDFText_GetFontInfo(text, index, buffer, len(buffer), flags)
        name = SUBSET.sub("", _decode(buffer.raw[:max(0, min(length, 256) - 1)]))
        weight = raw.FPDFText_GetFontWeight(text, index)
        fake = bool(obj) and raw.FPDFTextObj_GetTextRenderMode(obj) == FILL_STROKE
        names[key] = (name, bool(BOLD_NAME.search(name)) or weight >= BOLD_WEIGHT or fake)
    return names[key]


def _decode(data: bytes) -> str:
    """Font names are bytes: ASCII PostScript names, or Chinese names in GBK (`黑体`)."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _drawing(page, height: float) -> tuple[list[Segment], float]:
    segments, image_dpi = [], 0.0
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            image_dpi = max(image_dpi, _dpi(obj, right - left))
            continue
        box = Segment(left, height - top, right, height - bottom)
        if right - left <= THIN or top - bottom <= THIN:
            segments.append(box)
        elif _stroked(obj):
            segments += [Segment(box.x0, box.top, box.x1, box.top), Segment(box.x0, box.bottom, box.x1, box.bottom),
                         Segment(box.x0, box.top, box.x0, box.bottom), Segment(box.x1, box.top, box.x1, box.bottom)]
    return segments, image_dpi


def _dpi(image, width: float) -> float:
    pixels_wide, pixels_high = ctypes.c_uint(), ctypes.c_uint()
    if width <= 0 or not raw.FPDFImageObj_GetImagePixelSize(image, pixels_wide, pixels_high):
        return 1.0  # a picture all the same
    return max(1.0, pixels_wide.value / (width / 72))


def _stroked(obj) -> bool:
    """A stroked path with the shape of a rectangle (four or five straight segments)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    return bool(stroke.value) and raw.FPDFPath_CountSegments(obj) in (4, 5, 6)


def render_grey(document, index: int, dpi: int) -> numpy.ndarray:
    """The page as an 8-bit grey image (rows × columns), for OCR."""
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        return numpy.array(bitmap.to_numpy()).reshape(bitmap.height, bitmap.width, -1)[:, :, 0].copy()
    finally:
        page.close()
