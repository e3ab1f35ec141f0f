"""Staff overrides of extracted metadata: a `NAME.yml` beside `NAME.docx`. (Stub: the metadata work
fills this in.)"""
from __future__ import annotations

from pathlib import Path


def sidecar_overrides(docx_path: Path) -> dict:
    return {}
