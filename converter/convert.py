"""The conversion pipeline: .docx → model → structure, metadata, topics → Markdown page."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import ReportMeta, join_page
from .intake import check_file
from .metadata import extract_metadata
from .model import Notice, Report
from .outline import build_report
from .read_docx import read_docx
from .render_markdown import render_markdown
from .topics import load_taxonomy, topics_of


@dataclass
class Converted:
    meta: ReportMeta
    body: str
    report: Report
    warnings: list[Notice] = field(default_factory=list)

    def page(self) -> str:
        return join_page(self.meta.to_dict(), self.body)


def convert_file(path: Path, overrides: dict | None = None) -> Converted:
    """Convert one .docx. Raises `ArchiveError` when the file cannot be read."""
    check_file(path)
    source = read_docx(path)
    report = build_report(source)
    body = render_markdown(report)
    found = extract_metadata(report, path.name)
    values = {**found.values, **(overrides or {})}
    sources = {**found.sources, **{k: "staff" for k in overrides or {}}}
    meta = ReportMeta(
        title=values.get("title", ""),
        year=values.get("year", 0),
        issuer=values.get("issuer", ""),
        doc_type=values.get("doc_type", "其他"),
        date=values.get("date"),
        region=values.get("region", ""),
        topics=values.get("topics") or topics_of(body, load_taxonomy()),
        source=path.name,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        sources=sources,
        body_sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
    )
    return Converted(meta=meta, body=body, report=report, warnings=[*report.warnings, *found.warnings])
