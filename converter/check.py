"""`archive check`: validate every report page in an archive."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .archive import REPORTS
from .frontmatter import problems, split_page
from .safety import page_findings


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
    for page in sorted((root / REPORTS).glob("*/*.md")):
        name = str(page.relative_to(root))
        try:
            text = page.read_text(encoding="utf-8")
            data, _ = split_page(text)
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            findings.append(Finding(name, f"页首元数据无法解析（{type(error).__name__}），请检查 YAML 格式"))
            continue
        if not data:
            findings.append(Finding(name, "缺少页首元数据（--- 包围的 YAML）"))
            continue
        findings.extend(Finding(name, problem) for problem in problems(data))
        findings.extend(Finding(name, f"{f.message}。{f.fix}", f.blocking) for f in page_findings(text))
    return findings
