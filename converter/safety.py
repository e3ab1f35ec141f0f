"""Pre-publication checks: what must not be published (classification marks, revisions, comments,
hidden text, personal data). (Stub: the publication-safety work fills this in.)"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Report


@dataclass(frozen=True)
class Finding:
    code: str  # e.g. "classified", "revisions", "comments", "hidden-text", "id-number", "phone"
    message: str  # Chinese, with the location in the document
    blocking: bool = True  # False: needs an explicit override (personal data) rather than a fix


def publication_findings(path: Path, report: Report) -> list[Finding]:
    return []
