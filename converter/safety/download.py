"""What is published beside a report page for readers to download, per format of the received file.

| received | published |
|---|---|
| .docx | the sanitized .docx (`sanitize`) |
| .doc, .wps, .rtf, .odt | LibreOffice's .docx of it, sanitized the same way; the page says what the original was |
| .pdf | the PDF cleaned (`pdf_clean`): no properties, XMP, scripts, attachments or hidden layers |
| .txt | the file as received: plain text, nothing in it runs, and the publication checks read all of it |
| .html, .htm, .mht | nothing: a saved page carries the site's scripts, styles and tracking with the report, and a |
|  | cleaned copy would be a text we made, not the original; the report page is that text |

The received file itself is kept in the archive (`.archive/originals/`) whatever is published.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from converter.safety.sanitize import sanitized_docx


@dataclass(frozen=True)
class Copy:
    """A file to publish beside the page: its bytes, and the suffix its name takes."""

    data: bytes
    suffix: str


def published_copy(file_format: str, original: bytes, docx: Path | None, cleaned_pdf: bytes | None = None) -> Copy | None:
    """The copy readers get of a received file of `file_format` (`original`: its bytes; `docx`: the .docx
    that was read, for Word-like formats; `cleaned_pdf`: a PDF's cleaned copy, made when it was read), or
    None when nothing is published."""
    if docx is not None:
        return Copy(sanitized_docx(original if file_format == "docx" else docx.read_bytes()), ".docx")
    if cleaned_pdf is not None:
        return Copy(cleaned_pdf, ".pdf")
    if file_format == "txt":
        return Copy(original, ".txt")
    return None
