"""A PDF file → the document model (`SourceDocument`), the same one the .docx reader produces.

Per page: the characters with their fonts and sizes (`pdf_pages`, PDFium), ruled tables (`pdf_tables`),
text lines (`pdf_lines`); a page without a text layer is read by OCR (`ocr`). Then, over the document:
running headers/footers and page numbers dropped (`pdf_lines.drop_furniture`), footnotes set apart
(`pdf_notes`), lines → paragraphs (`pdf_paragraphs`). The structure stage (outline.py) finds the title
and headings from the result as it does for a .docx. Document properties (Title, Author, …) are kept as
evidence for metadata only.

Limits: at most `PAGE_LIMIT` pages, and `TIME_LIMIT` seconds of this process's CPU time spent reading
(a bound for files built to be slow that holds on a busy machine; each OCR run has its own time limit in
`ocr`); a file PDFium cannot open, one with an open password, one without pages or text raise
`ArchiveError` with one line for staff.
"""
from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

from converter.data.heading_rules import heading_rules
from converter.model import DocProperties, Notice, SourceDocument
from converter.model.errors import ArchiveError
from converter.reading import ocr
from converter.reading.pdf_lines import TextLine, drop_furniture, page_lines
from converter.reading.pdf_notes import split_notes
from converter.reading.pdf_pages import Page, Unreadable, open_pdf, properties, read_page, render_grey
from converter.reading.pdf_paragraphs import paragraphs
from converter.reading.pdf_tables import TablePart, build_tables, cell_reader, find_regions

PAGE_LIMIT = 500
TIME_LIMIT = 120.0  # CPU seconds of this process (a text page takes about 0.03, rendering a scan 0.2)
SCAN_TEXT_MIN = 10  # a page with fewer printed characters than this, and a picture, is a scan
OCR_DPI = (200, 400)  # a scan is read at its own resolution (pixel for pixel), within these bounds (ocr.py)

ENCRYPTED = ("pdf-encrypted", "PDF 设置了打开密码，无法读取",
             "请用 PDF 阅读器输入密码打开，取消密码（或打印为新的 PDF）后再导入")
CORRUPT = ("pdf-corrupt", "PDF 文件已损坏，无法读取（可能没有下载或复制完整）",
           "请重新获取原文件；如能在 PDF 阅读器中打开，请另存或打印为新的 PDF 后再导入")
NO_PAGES = ("pdf-empty", "PDF 里没有任何页面", "请重新导出该报告的 PDF 后再导入")
NO_TEXT = ("pdf-no-text", "PDF 里没有文字，也没有可识别的扫描页面", "请确认该 PDF 含有报告正文（可在阅读器中选中文字）后再导入")
PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def too_many_pages(count: int) -> ArchiveError:
    return ArchiveError("pdf-too-many-pages", f"PDF 有 {count} 页，超过一篇报告的上限 {PAGE_LIMIT} 页",
                        "请只导入报告本身；如确是一篇报告，请拆分成几个 PDF 后分别导入")


def too_slow(seconds: float) -> ArchiveError:
    return ArchiveError("pdf-too-slow", f"PDF 读取用时超过 {seconds:.0f} 秒仍未完成（文件结构异常）",
                        "请用 PDF 阅读器打开后打印为新的 PDF，再导入")


def read_pdf(path: Path, page_limit: int = PAGE_LIMIT, time_limit: float = TIME_LIMIT) -> SourceDocument:
    """Raises `ArchiveError` for an encrypted, damaged, empty or oversized PDF."""
    deadline = time.process_time() + time_limit
    try:
        with open_pdf(path) as document:
            count = len(document)
            if count == 0:
                raise ArchiveError(*NO_PAGES)
            if count > page_limit:
                raise too_many_pages(count)
            pages, scanned = _read_pages(document, count, deadline, time_limit)
            meta = properties(document)
    except Unreadable as error:
        raise ArchiveError(*(ENCRYPTED if error.encrypted else CORRUPT)) from None
    return _document(pages, scanned, meta)


def _read_pages(document, count: int, deadline: float, time_limit: float):
    """Per page, its text lines and tables in reading order; and the numbers of the pages read by OCR."""
    pages, scanned = [], []
    for index in range(count):
        if time.process_time() > deadline:
            raise too_slow(time_limit)
        page = read_page(document, index)
        if _is_scan(page):
            dpi = round(min(max(page.image_dpi, OCR_DPI[0]), OCR_DPI[1]))
            pages.append(ocr.page_lines(render_grey(document, index, dpi), dpi, page.number, page.height))
            scanned.append(page.number)
        else:
            pages.append(_text_page(page))
    return pages, scanned


def _is_scan(page: Page) -> bool:
    printed = sum(1 for g in page.glyphs if g.text.strip())
    return printed < SCAN_TEXT_MIN and page.image_dpi > 0


def _text_page(page: Page) -> list:
    """The page's lines and tables, top to bottom (a table sits where its top is)."""
    regions = find_regions(page.segments)
    loose, boxed = [], {id(r): [] for r in regions}
    for glyph in page.glyphs:
        centre = ((glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2)
        region = next((r for r in regions if r.holds(*centre)), None)
        (boxed[id(region)] if region else loose).append(glyph)
    lines = page_lines(_keep_line_ends(page.glyphs, loose), page.number, page.height)
    tables = [(r.top, TablePart(r, cell_reader(boxed[id(r)], page.number, page.height))) for r in regions]
    blocks = [(line.top, line) for line in lines] + tables
    return [block for _, block in sorted(blocks, key=lambda pair: pair[0])]


def _keep_line_ends(glyphs, kept: list) -> list:
    """`kept` (a subsequence of `glyphs`), where a line end on a glyph taken away moves to the glyph before."""
    kept_ids = {id(g) for g in kept}
    out = []
    for glyph in glyphs:
        if id(glyph) in kept_ids:
            out.append(glyph)
        elif glyph.line_end and out and not out[-1].line_end:
            out[-1] = replace(out[-1], line_end=True)
    return out


def _document(pages: list[list], scanned: list[int], meta: dict) -> SourceDocument:
    rules = heading_rules()
    line_pages = [[b for b in page if isinstance(b, TextLine)] for page in pages]
    kept, _ = drop_furniture(line_pages, rules)
    kept_ids = {id(line) for page in kept for line in page}
    blocks = [b for page in pages for b in page if isinstance(b, TablePart) or id(b) in kept_ids]
    body, notes = split_notes(build_tables(blocks))
    if not body:
        raise ArchiveError(*NO_TEXT)
    warnings = (Notice("ocr", _ocr_message(scanned)),) if scanned else ()
    left_out = tuple(line.text for page in line_pages for line in page if id(line) not in kept_ids)
    return SourceDocument(blocks=tuple(paragraphs(body, rules)), notes=notes, properties=_properties(meta),
                          warnings=warnings, ocr_pages=tuple(scanned), left_out=left_out)


def _ocr_message(scanned: list[int]) -> str:
    listed = "、".join(str(n) for n in scanned[:10]) + ("等" if len(scanned) > 10 else "")
    return f"共 {len(scanned)} 页为扫描件（第 {listed} 页），正文由文字识别（OCR）得出，可能有误，请与原件核对"


def _properties(meta: dict) -> DocProperties:
    return DocProperties(title=meta.get("Title", ""), subject=meta.get("Subject", ""),
                         creator=meta.get("Author", ""), keywords=meta.get("Keywords", ""),
                         created=_iso(meta.get("CreationDate", "")), modified=_iso(meta.get("ModDate", "")))


def _iso(value: str) -> str:
    """A PDF date (`D:20240105093000+08'00'`) as ISO 8601 (`2024-01-05T09:30:00`), as far as it goes."""
    match = PDF_DATE.match(value)
    if not match:
        return ""
    year, month, day, hour, minute, second = (g or d for g, d in zip(match.groups(), ("", "01", "01", "00", "00", "00")))
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}"
