"""The clean original offered for download: same text, no author/revision metadata.
(Stub: the publication-safety work fills this in.)"""
from __future__ import annotations


def sanitized_docx(data: bytes) -> bytes:
    return data
