"""Pre-publication checks: what must not be published.

Refused (`blocking`): classification marks (机密★1年, 内部资料 …) in the text, headers, footers, text
boxes, document properties or file name; unresolved tracked changes; comments; hidden text (hidden
runs, and text made invisible: white on a plain background, 1 pt or smaller).
Personal data (resident ID, mobile and bank card numbers) is refused unless staff record a reason
(`archive add --allow-personal-data "理由"` → front matter `publish_override`).

`publication_findings(path, report)` checks a .docx before import (Word's parts: headers, footers, text
boxes, properties, revisions, comments, hidden runs); `received_findings` checks a received file of any
format: Word's checks on the .docx that was read (a .doc's LibreOffice copy too), else the report's text
and the lines its published original shows beside it (`report_text`); `page_findings(text)` checks a
page already in docs/ (hand edits can add marks or personal data); `refusal(findings, override)` turns
what stops publication into one staff-readable `ArchiveError`.
"""
from __future__ import annotations

import html
import re
import sys
from datetime import date
from pathlib import Path

from converter.data import DATA_DIR, YAMLError
from converter.data.disk_memo import DiskMemo, code_version
from converter.data.frontmatter import split_page
from converter.model import Heading, Report
from converter.model.errors import ArchiveError
from converter.model.fields import SCANNED_KEYS
from converter.reading.ooxml.package import Package
from converter.reading.ooxml.xml import W
from converter.safety import digit_forms, marks, personal_data
from converter.safety import findings as findings_module
from converter.safety.findings import PERSONAL, Finding, personal_finding, snippet
from converter.safety.locations import PART_KINDS, Located, located_paragraphs
from converter.safety.marks import mark_in_file_name, mark_in_line, mark_in_prose
from converter.safety.personal_data import find_personal_data
from converter.safety.properties import property_findings
from converter.safety.report_text import Place, report_places
from converter.safety.word_review import comment_findings, hidden_findings, hidden_style_ids, revision_findings

__all__ = ["Finding", "publication_findings", "received_findings", "page_findings", "findings_in_page", "refusal"]
SHOWN = 4  # findings named in one refusal line
MARKUP = re.compile(r"[<{\\&*]")  # what _plain undoes starts with one of these
ORDER = ("classified", "revisions", "comments", "hidden-text", "invisible-text", *PERSONAL)


def received_findings(name: str, report: Report, docx: Path | None = None,
                      outside: tuple[str, ...] = ()) -> list[Finding]:
    """Everything in a received file (named `name`) that stops publication or needs a recorded reason.
    `docx`: the .docx that was read, for Word-like formats; without one, the report's text is checked,
    and `outside`: the lines of the published original that the text leaves out."""
    if docx is not None:
        return publication_findings(docx, report, name)
    findings = _name_findings(name) + text_findings(report_places(report, outside))
    return sorted(_unique(findings), key=_order)


def publication_findings(path: Path, report: Report, name: str = "") -> list[Finding]:
    """Everything in the .docx at `path` (received as `name`, default its own) that stops publication or
    needs a recorded reason."""
    headings = [b.text for b in report.blocks if isinstance(b, Heading)]
    findings = _name_findings(name or path.name)
    with Package.open(path) as package:
        findings += property_findings(package)
        roots = {name: package.xml(name) for name in package.xml_parts()}
        located = {name: located_paragraphs(root, headings, report.title)
                   for name, root in roots.items() if root.tag in PART_KINDS and root.tag != W + "comments"}
        hidden_styles = hidden_style_ids(roots)
        for name, paragraphs in located.items():
            findings += revision_findings(roots[name], paragraphs)
            findings += hidden_findings(roots[name], paragraphs, hidden_styles)
            findings += text_findings(paragraphs)
        findings += comment_findings(roots, located)
    return sorted(_unique(findings), key=_order)


def _name_findings(name: str) -> list[Finding]:
    stem = Path(name).stem
    return _line_findings(stem, "文件名", mark=mark_in_file_name(stem))


def _order(finding: Finding) -> int:
    return ORDER.index(finding.code) if finding.code in ORDER else len(ORDER)


def text_findings(paragraphs: list[Located] | list[Place]) -> list[Finding]:
    findings = []
    for item in paragraphs:
        mark = mark_in_line(item.text) if item.top else mark_in_prose(item.text)
        personal = find_personal_data(item.text)
        if mark or personal:
            findings += _line_findings(item.text, item.where, mark, personal)
    return findings


def page_findings(markdown_text: str) -> list[Finding]:
    """Marks and personal data in a report page (front matter and body). `blocking` is resolved
    against the page's own `publish_override`: personal data blocks unless a reason is recorded."""
    try:
        data, body = split_page(markdown_text)
    except YAMLError:  # YAML that does not parse is `archive check`'s to report; scan it as text
        data, body = {}, markdown_text
    return findings_in_page(data, body)


def findings_in_page(data: dict, body: str, bodies: DiskMemo | None = None) -> list[Finding]:
    """`page_findings` for a page already split into front matter and body; `bodies`: what earlier
    scans found in bodies (`body_memo`), for a body scanned before."""
    findings = []
    for key in SCANNED_KEYS:
        if isinstance(data.get(key), str):
            findings += _line_findings(data[key], f"页首元数据 {key}", mark_in_line(data[key]))
    found = bodies.get(body, _body_findings) if bodies else _body_findings(body)
    findings += [Finding(*fields) for fields in found]
    overridden = bool(str(data.get("publish_override") or "").strip())
    return _unique([Finding(f.code, f.message, f.code not in PERSONAL or not overridden, f.fix) for f in findings])


def body_memo(path: Path | None) -> DiskMemo:
    """A memo of `findings_in_page`'s body scans, valid while the scanning code and its rules stay the
    same, and for one day (a date of birth in an ID number is checked against today's date)."""
    version = code_version(sys.modules[__name__], marks, personal_data, digit_forms, findings_module,
                           DATA_DIR / "classification_marks.yml")
    return DiskMemo(path, f"{version} {date.today().isoformat()}")


def _body_findings(body: str) -> list[tuple]:
    """What the body's lines hold (as the fields of each `Finding`: a memo keeps plain values)."""
    findings = []
    heading = ""
    for number, line in enumerate(body.splitlines(), start=1):
        text = _plain(line)
        if line.startswith("#"):
            heading = text.lstrip("# ")
        in_table = line.lstrip().startswith(("|", "<"))
        mark = mark_in_prose(text) if in_table else mark_in_line(text)
        personal = find_personal_data(text)
        if mark or personal:  # most lines have neither: their place is not spelled out
            where = f"正文第 {number} 行" + (f"，在“{snippet(heading)}”下" if heading and not line.startswith("#") else "")
            findings += _line_findings(text, where, mark, personal)
    return [(f.code, f.message, f.blocking, f.fix) for f in findings]


def refusal(findings: list[Finding], override: str = "") -> ArchiveError | None:
    """One `ArchiveError` for what stops publication, or None: blocking findings always; personal
    data unless staff gave a reason."""
    stopping = [f for f in findings if f.blocking or not (override or "").strip()]
    if not stopping:
        return None
    shown = "；".join(f.message for f in stopping[:SHOWN])
    more = f"；另有 {len(stopping) - SHOWN} 处" if len(stopping) > SHOWN else ""
    fixes = "；".join(dict.fromkeys(f.fix for f in stopping))
    return ArchiveError("unpublishable", f"不能公开发布：{shown}{more}", fixes)


def _line_findings(text: str, where: str, mark: str | None, personal: list | None = None) -> list[Finding]:
    findings = [Finding("classified", f"含密级或内部标志“{snippet(mark)}”（{where}）")] if mark else []
    found = find_personal_data(text) if personal is None else personal
    return findings + [personal_finding(item, where) for item in found]


def _plain(line: str) -> str:
    """A Markdown line as readers see it: tags, escapes, entities, ** and {#id} undone."""
    return _undo_markup(line) if MARKUP.search(line) else line.strip()  # most lines: nothing to undo


def _undo_markup(line: str) -> str:
    text = re.sub(r"<[^>]*>", " ", line)
    text = re.sub(r"\s*\{#[^}]*\}\s*$", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return html.unescape(text.replace("**", "")).strip()


def _unique(findings: list[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))
