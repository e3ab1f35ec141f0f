"""`archive check`: validate every report page in an archive."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .archive import REPORTS
from .errors import ArchiveError
from .frontmatter import problems, split_page
from .metadata import SOURCE_NAMES, WEAK_SOURCES
from .topics import ARCHIVE_TAXONOMY, Taxonomy, taxonomy_for


@dataclass(frozen=True)
class Finding:
    page: str
    message: str
    is_error: bool = True

    def line(self) -> str:
        kind = "错误" if self.is_error else "提示"
        return f"{self.page}：{kind}：{self.message}"


def check_archive(root: Path) -> list[Finding]:
    findings = []
    try:
        taxonomy = taxonomy_for(root)
    except ArchiveError as error:
        findings.append(Finding(ARCHIVE_TAXONOMY, error.line()))
        taxonomy = None
    for page in sorted((root / REPORTS).glob("*/*.md")):
        name = str(page.relative_to(root))
        try:
            data, _ = split_page(page.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            findings.append(Finding(name, f"页首元数据无法解析（{type(error).__name__}），请检查 YAML 格式"))
            continue
        if not data:
            findings.append(Finding(name, "缺少页首元数据（--- 包围的 YAML）"))
            continue
        findings.extend(Finding(name, problem) for problem in problems(data))
        findings.extend(Finding(name, note, is_error=False) for note in metadata_notes(data, taxonomy))
    return findings


FIELD_NAMES = {"title": "标题", "year": "年度", "issuer": "发文机关", "doc_type": "文种", "date": "日期",
               "region": "地区"}


def metadata_notes(data: dict, taxonomy: Taxonomy | None) -> list[str]:
    """Warnings for staff: values taken from weak sources (to confirm), and missing or unknown topics."""
    notes = []
    sources = data.get("sources") if isinstance(data.get("sources"), dict) else {}
    for key, source in sources.items():
        if source in WEAK_SOURCES:
            notes.append(f"{FIELD_NAMES.get(key, key)}“{data.get(key)}”取自{SOURCE_NAMES[source]}，请核对；"
                         f"确认无误后把页首 sources 里的“{key}: {source}”改为“{key}: staff”")
    topics = data.get("topics") if isinstance(data.get("topics"), list) else []
    if not topics:
        notes.append("没有主题（topics），请在页首补上，或重新导入时用 --topic 指定")
    if taxonomy is not None:
        notes.extend(f"主题“{t}”不在主题分类（topics.yml）中，请检查拼写或把它加入 topics.yml"
                     for t in topics if isinstance(t, str) and t not in taxonomy.names)
    return notes
