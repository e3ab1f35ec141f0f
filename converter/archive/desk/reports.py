"""The reports the desk lists: every page under `docs/reports/`, what `archive check` says of it, and
whether the published `site/` holds it as it is now.

A report is addressed by an id made from its page's name; the browser sends the id, and the server
finds the page by looking the id up among the pages it lists, never by building a path from it.
"""
from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from converter.archive.atomic import file_stamp
from converter.archive.check import CheckFinding, archive_taxonomy, checked_page, page_findings
from converter.archive.desk.form import controls, form_value_of, page_hash
from converter.archive.pages import REPORTS_DIR, report_paths
from converter.metadata.extract import SOURCE_NAMES, WEAK_SOURCES
from converter.metadata.overrides import STAFF_FIELDS
from converter.metadata.topics import ARCHIVE_TAXONOMY

SITE = Path("site")  # where `archive build` publishes


def report_id(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:16]  # a name may not be UTF-8


class Reports:
    def __init__(self, root: Path):
        self.root = root
        self._checked: dict[Path, tuple[tuple, dict]] = {}  # page → (stamps, its summary), re-read on change
        self._checking = threading.Lock()  # one request checks the pages; the others then find them cached

    def paths(self) -> dict[str, Path]:
        return {report_id(self._name(path)): path for path in report_paths(self.root)}

    def summaries(self) -> list[dict]:
        """Every report, with what `archive check` says of it (pages unchanged since the last look are not
        checked again)."""
        with self._checking:
            taxonomy = archive_taxonomy(self.root, [])
            topics_stamp = file_stamp(self.root / ARCHIVE_TAXONOMY)
            known, self._checked = self._checked, {}
            for path in report_paths(self.root):
                stamps = (file_stamp(path), topics_stamp)
                cached = known.get(path)
                fresh = cached and cached[0] == stamps
                self._checked[path] = cached if fresh else (stamps, self._summary(path, taxonomy))
            return [{**summary, "published": self._published(path)} for path, (_, summary) in self._checked.items()]

    def detail(self, report: str, known: dict[str, list[str]]) -> dict | None:
        path = self.paths().get(report)
        if path is None:
            return None
        text = path.read_text(encoding="utf-8", errors="replace")  # read once: the hash is of what the form shows
        taxonomy = archive_taxonomy(self.root, [])
        page = checked_page(self.root, path, taxonomy, text)
        summary = {**self._summary(path, taxonomy), "published": self._published(path), "hash": page_hash(text)}
        if isinstance(page, CheckFinding):
            return {**summary, "fields": [], "form": []}  # the finding says what to fix by hand
        sources = page.data.get("sources") if isinstance(page.data.get("sources"), dict) else {}
        fields = [{"key": f.key, "label": f.label, "value": form_value_of(f, page.data.get(f.key)),
                   "source": SOURCE_NAMES.get(sources.get(f.key), sources.get(f.key) or ""),
                   "weak": sources.get(f.key) in WEAK_SOURCES} for f in STAFF_FIELDS]
        facts = {"原件文件名": page.data.get("source"), "导入日期": page.data.get("imported"),
                 "细分主题": "、".join(page.meta.keywords), "章节": f"{len(page.meta.sections)} 节"}
        return {**summary, "fields": fields, "facts": {k: str(v) for k, v in facts.items() if v},
                "form": controls(taxonomy, known, page.data)}

    def _summary(self, path: Path, taxonomy) -> dict:
        name = self._name(path)
        page = checked_page(self.root, path, taxonomy)
        findings = [page] if isinstance(page, CheckFinding) else page_findings(page)
        meta = None if isinstance(page, CheckFinding) else page.meta
        return {"id": report_id(name), "name": name, "url": self._url(path), "changed": path.stat().st_mtime,
                "title": meta.title if meta else path.stem, "year": meta.year if meta else "",
                "issuer": meta.issuer if meta else "", "doc_type": meta.doc_type if meta else "",
                "findings": [{"error": f.is_error, "message": f.message, "code": f.code} for f in findings]}

    def _published(self, path: Path) -> bool:
        """The site holds this page, built after its last change."""
        built = self.root / SITE / self._url(path).strip("/") / "index.html"
        try:
            return built.stat().st_mtime_ns >= path.stat().st_mtime_ns
        except OSError:
            return False

    def _name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _url(self, path: Path) -> str:
        """The page's address in the site: docs/reports/2023/x.md → /reports/2023/x/."""
        return "/" + path.relative_to(self.root / REPORTS_DIR.parent).with_suffix("").as_posix() + "/"
