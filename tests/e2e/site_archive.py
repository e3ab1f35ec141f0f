"""A small archive for the site's tests: reports of several years, issuers, types and topics, made with
tests/docx_factory.py, imported and built with the `archive` command as staff would."""
from __future__ import annotations

from pathlib import Path

from docx_factory import simple_report

from converter.data.frontmatter import split_page
from converter.model.fields import ReportMeta

from .conftest import DEMO_REPORTS, run_archive

HOSTILE = '区<img src=x onerror="alert(1)">局'
AGRICULTURE = "全年粮食播种面积稳定，农业农村基础设施持续改善，乡村振兴扎实推进，农民收入稳步增长。"
# (title, issuer, signature date, body of section (一))
REPORTS = [
    ("2021年区科技局工作总结", "区科技局", "2021年12月20日", "全年共申报科技项目30项，立项10项。"),
    ("2022年区科技局工作总结", "区科技局", "2022年12月26日", "全年共申报科技项目33项，立项12项。"),
    ("2023年区科技局工作计划", "区科技局", "2023年1月10日", "计划申报科技项目40项，争取立项15项。"),
    ("2023年区科技局工作总结", "区科技局", "2023年12月28日", "全年共申报科技项目36项，立项13项。"),
    ("2022年区农业农村局工作总结", "区农业农村局", "2022年12月30日", AGRICULTURE),
    ("2023年区农业农村局工作总结", "区农业农村局", "2023年12月29日", AGRICULTURE),
    ("2023年区人民政府工作报告", "区人民政府", "2023年1月5日", "科技创新和乡村振兴协同推进，农业增效、科技赋能。"),
    (f"2024年{HOSTILE}工作总结", "区审计局", "2024年12月20日", "全年完成审计项目20个。"),
]


def build_archive(root: Path, site_url: str = "") -> Path:
    """`archive init`, `archive add` the reports (and the demo reports), `archive build`; returns the archive."""
    archive = root / "archive"
    run_archive("init", str(archive), cwd=root)
    if site_url:
        config = archive / "mkdocs.yml"
        config.write_text(f"site_url: {site_url}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    inbox = root / "inbox"
    for number, (title, issuer, date, body) in enumerate(REPORTS):
        simple_report(inbox / f"{number:02d}.docx", title=title, issuer=issuer, date=date, body=body)
    run_archive("add", str(inbox), cwd=archive)
    if DEMO_REPORTS.is_dir():
        run_archive("add", str(DEMO_REPORTS), cwd=archive)
    run_archive("build", cwd=archive)
    return archive


def front_matter(archive: Path) -> dict[str, ReportMeta]:
    """Every report page's front matter, by its URL path (e.g. "reports/2023/qukejiju-gongzuo-zongjie/")."""
    found = {}
    for page in sorted((archive / "docs" / "reports").glob("*/*.md")):
        data, _ = split_page(page.read_text(encoding="utf-8"))
        found[f"reports/{page.parent.name}/{page.stem}/"] = ReportMeta.from_dict(data)
    return found
