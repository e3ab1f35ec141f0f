"""Bounds on what a .docx package may make us do (size, ratio, parts, XML depth), checked before any
XML is parsed. (Stub: the hostile-input work fills this in.)"""
from __future__ import annotations

from pathlib import Path


def check_package(path: Path) -> None:
    """Raise `ArchiveError` when the package is beyond the limits."""
