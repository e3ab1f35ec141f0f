"""The conversion pipeline: .docx → model → structure, metadata, topics → Markdown page."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from converter.data.frontmatter import body_hash, join_page
from converter.metadata.extract import extract_metadata
from converter.metadata.overrides import check_overrides
from converter.metadata.tagging import tag_report, unknown_topics
from converter.metadata.topics import Taxonomy, taxonomy_for
from converter.model import Image, Notice, Report
from converter.model.fields import ReportMeta
from converter.reading.docx import read_docx
from converter.reading.intake import check_file
from converter.reading.package_limits import check_package
from converter.render.markdown import render_markdown
from converter.structure.outline import build_report


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


def convert_file(path: Path, overrides: dict | None = None, taxonomy: Taxonomy | None = None,
                 image_dir: str | None = None, sha256: str | None = None, name: str = "") -> Converted:
    """Convert one .docx. Raises `ArchiveError` when the file cannot be read.

    `overrides` (staff's --year/--issuer/…, merged by the caller with a NAME.yml beside the file) win over
    what was extracted. `taxonomy`: the archive's topics (default: the packaged topics.yml).
    `image_dir`: the folder, relative to the page, where the caller writes `Converted.images`;
    None leaves pictures out of the page. `sha256`: of the original, when the caller has hashed it.
    `name`: the file's name as staff gave it, when `path` is another (a converted .doc, an upload).
    """
    check_file(path)
    check_package(path)
    overrides = check_overrides(overrides or {})
    sha256 = sha256 or hashlib.sha256(path.read_bytes()).hexdigest()
    report = build_report(read_docx(path))
    body = render_markdown(report, image_dir)
    meta, notices = _meta(report, body, name or path.name, sha256, overrides, taxonomy or taxonomy_for(None))
    return Converted(meta=meta, body=body, report=report, warnings=list(report.warnings) + notices)


def _meta(report: Report, body: str, name: str, sha256: str, overrides: dict,
          taxonomy: Taxonomy) -> tuple[ReportMeta, list[Notice]]:
    found = extract_metadata(report, name)
    tagged = tag_report(report, taxonomy)
    overrides = dict(overrides)
    publish_override = overrides.pop("publish_override", "")
    found.override(overrides)
    staff_topics = overrides.get("topics")
    notices = found.warnings + (unknown_topics(staff_topics, taxonomy) if staff_topics else tagged.warnings)
    extracted = {**found.values, "topics": staff_topics or tagged.topics, "keywords": tagged.keywords,
                 "sections": tagged.sections, "source": name, "sha256": sha256, "sources": found.sources,
                 "body_sha256": body_hash(body), "publish_override": publish_override}
    return ReportMeta(**extracted), notices
