"""The conversion pipeline: .docx → model → structure, metadata, topics → Markdown page."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import ReportMeta, join_page
from .intake import check_file
from .metadata import extract_metadata
from .model import Image, Notice, Report
from .outline import build_report
from .package_limits import check_package
from .read_docx import read_docx
from .render_markdown import render_markdown
from .topics import load_taxonomy, section_topics, topics_of


@dataclass
class Converted:
    meta: ReportMeta
    body: str
    report: Report
    warnings: list[Notice] = field(default_factory=list)

    @property
    def images(self) -> tuple[Image, ...]:
        return self.report.images

    def page(self) -> str:
        return join_page(self.meta.to_dict(), self.body)


def convert_file(path: Path, overrides: dict | None = None, image_dir: str | None = None) -> Converted:
    """Convert one .docx. Raises `ArchiveError` when the file cannot be read.

    `overrides` (staff's --year/--issuer/… or a NAME.yml) win over what was extracted.
    `image_dir`: the folder, relative to the page, where the caller writes `Converted.images`;
    None leaves pictures out of the page.
    """
    check_file(path)
    check_package(path)
    data = path.read_bytes()
    report = build_report(read_docx(path))
    body = render_markdown(report, image_dir)
    return Converted(meta=_meta(report, body, path, data, overrides or {}), body=body, report=report,
                     warnings=list(report.warnings))


def _meta(report: Report, body: str, path: Path, data: bytes, overrides: dict) -> ReportMeta:
    found = extract_metadata(report, path.name)
    values = {**found.values, **overrides}
    taxonomy = load_taxonomy()
    return ReportMeta(
        title=values.get("title", ""),
        year=values.get("year", 0),
        issuer=values.get("issuer", ""),
        doc_type=values.get("doc_type", "其他"),
        date=values.get("date"),
        region=values.get("region", ""),
        topics=values.get("topics") or topics_of(body, taxonomy),
        sections=section_topics(report, taxonomy),
        source=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        sources={**found.sources, **{key: "staff" for key in overrides}},
        body_sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
    )
