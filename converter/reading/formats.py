"""One entry for every format: which reader reads a received file, chosen by its bytes (`intake`).

| format | reader |
|---|---|
| .docx | `docx.read_docx` (after `package_limits`) |
| .doc, .wps, .rtf, .odt | LibreOffice → .docx (`libreoffice`), then the .docx reader |
| .pdf | `pdf.read_pdf` (PDFium; pages without text through OCR) |
| .txt | `text.read_text` |
| .html, .htm, .mht, .mhtml | `html.read_html` |

Every reader gives the same document model, so structure, metadata, topics, safety, site and search
work alike for all of them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from converter.model import Notice, SourceDocument
from converter.reading.docx import read_docx
from converter.reading.html import read_html
from converter.reading.intake import file_format
from converter.reading.libreoffice import to_docx
from converter.reading.package_limits import TIME_LIMIT_SECONDS, check_package, check_size
from converter.reading.pdf import read_pdf
from converter.reading.text import read_text

VIA_LIBREOFFICE = ("doc", "wps", "rtf", "odt")
READERS = {"pdf": read_pdf, "txt": read_text, "html": read_html, "mht": read_html}
SUFFIXES = {"docx": ".docx", "doc": ".doc", "wps": ".wps", "rtf": ".rtf", "odt": ".odt", "pdf": ".pdf",
            "txt": ".txt", "html": ".html", "mht": ".mht"}


@dataclass(frozen=True)
class Reading:
    """A received file as read: its format, its document model, and for Word-like formats the .docx
    that was read (the file itself, or LibreOffice's copy): Word's own checks and the download use it."""

    format: str
    document: SourceDocument
    docx: Path | None = None


def read_file(path: Path, workdir: Path, converted: Path | None = None,
              seconds: float = TIME_LIMIT_SECONDS) -> Reading:
    """Read the file at `path`. `workdir`: where LibreOffice may write its .docx; `converted`: the .docx
    it already made of this file (a batch run before the workers), if any; `seconds`: LibreOffice's
    time limit. Raises `ArchiveError` with the staff's line for a file that cannot be read."""
    kind = file_format(path)
    check_size(path)
    if kind == "docx" or kind in VIA_LIBREOFFICE:
        docx = path if kind == "docx" else converted or to_docx(path, kind, workdir, seconds)
        check_package(docx)
        document = read_docx(docx)
        if kind != "docx":
            document = replace(document, warnings=(converted_notice(kind),) + document.warnings)
        return Reading(kind, document, docx)
    return Reading(kind, READERS[kind](path))


def converted_notice(kind: str) -> Notice:
    return Notice("converted", f"由 {SUFFIXES[kind]} 自动转换（LibreOffice），请核对版式和文字")
