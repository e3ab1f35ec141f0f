"""The conversion pipeline: a received file → model → structure, metadata, topics → Markdown page.

`convert_file` is `archive convert`: a file of any format to a page. `read_received` and `convert_reading`
are its two halves, shared with the importer (`prepare`), which keeps what was read (LibreOffice's .docx,
a PDF's cleaned copy) for the publication checks and the download.
"""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from converter.data.frontmatter import body_hash, join_page
from converter.metadata.extract import extract_metadata
from converter.metadata.overrides import check_overrides
from converter.metadata.tagging import tag_report, unknown_topics
from converter.metadata.topics import Taxonomy, taxonomy_for
from converter.model import Image, Notice, Report
from converter.model.fields import ReportMeta
from converter.reading.formats import Reading, read_file
from converter.reading.package_limits import TIME_LIMIT_SECONDS
from converter.render.markdown import render_markdown
from converter.safety.pdf_clean import cleaned_pdf
from converter.structure.outline import build_report


@dataclass(frozen=True)
class Received:
    """A received file as read, and for a PDF its cleaned copy (`safety.pdf_clean`), the one published."""

    reading: Reading
    cleaned_pdf: bytes | None = None


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
    """Convert one file of any format we read. Raises `ArchiveError` when the file cannot be read.

    `overrides` (staff's --year/--issuer/…, merged by the caller with a NAME.yml beside the file) win over
    what was extracted. `taxonomy`: the archive's topics (default: the packaged topics.yml).
    `image_dir`: the folder, relative to the page, where the caller writes `Converted.images`;
    None leaves pictures out of the page. `sha256`: of the original, when the caller has hashed it.
    `name`: the file's name as staff gave it, when `path` is another (a converted .doc, an upload).
    """
    with tempfile.TemporaryDirectory(prefix="archive-") as workdir:
        received = read_received(path, Path(workdir))
    return convert_reading(received.reading, path, overrides, taxonomy, image_dir, sha256, name)


def read_received(path: Path, workdir: Path, converted: Path | None = None,
                  seconds: float = TIME_LIMIT_SECONDS) -> Received:
    """The file read (`reading.formats.read_file`). A PDF is also cleaned, and when cleaning took hidden
    layers out, the cleaned copy is what is read: the page never shows text the published PDF hides."""
    reading = read_file(path, workdir, converted, seconds)
    if reading.format != "pdf":
        return Received(reading)
    cleaned, hidden = cleaned_pdf(path.read_bytes())
    if hidden:
        copy = workdir / "cleaned.pdf"
        copy.write_bytes(cleaned)
        again = read_file(copy, workdir)
        notice = Notice("pdf-hidden", f"PDF 中有 {hidden} 处隐藏图层的内容（阅读器中看不到），已从正文和供下载的副本中删除")
        reading = replace(again, document=replace(again.document, warnings=again.document.warnings + (notice,)))
    return Received(reading, cleaned)


def convert_reading(reading: Reading, path: Path, overrides: dict | None = None, taxonomy: Taxonomy | None = None,
                    image_dir: str | None = None, sha256: str | None = None, name: str = "") -> Converted:
    """`convert_file` from a file already read."""
    overrides = check_overrides(overrides or {})
    sha256 = sha256 or hashlib.sha256(path.read_bytes()).hexdigest()
    report = build_report(reading.document)
    body = render_markdown(report, image_dir)
    received = {"source": name or path.name, "sha256": sha256,
                "format": "" if reading.format == "docx" else reading.format, "ocr": len(report.ocr_pages) or None}
    meta, notices = _meta(report, body, received, overrides, taxonomy or taxonomy_for(None))
    return Converted(meta=meta, body=body, report=report, warnings=list(report.warnings) + notices)


def _meta(report: Report, body: str, received: dict, overrides: dict,
          taxonomy: Taxonomy) -> tuple[ReportMeta, list[Notice]]:
    """`received`: the fields of the received file (`source`, `sha256`, `format`)."""
    found = extract_metadata(report, received["source"])
    tagged = tag_report(report, taxonomy)
    overrides = dict(overrides)
    publish_override = overrides.pop("publish_override", "")
    found.override(overrides)
    staff_topics = overrides.get("topics")
    notices = found.warnings + (unknown_topics(staff_topics, taxonomy) if staff_topics else tagged.warnings)
    extracted = {**found.values, "topics": staff_topics or tagged.topics, "keywords": tagged.keywords,
                 "sections": tagged.sections, "sources": found.sources, "body_sha256": body_hash(body),
                 "publish_override": publish_override, **received}
    return ReportMeta(**extracted), notices
