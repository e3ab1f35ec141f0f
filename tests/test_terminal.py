"""What `archive add` prints: lines per outcome, a table aligned for Chinese text, the summary."""
from __future__ import annotations

from pathlib import Path

from converter.archive.importer import Outcome
from converter.cli.add_view import fit, outcome_line, summary, table, width
from converter.model import Notice
from converter.model.fields import ReportMeta

META = ReportMeta(title="2023年区科技局工作总结", year=2023, issuer="区科技局", doc_type="工作总结",
                  source="a.docx", sha256="0" * 64, topics=["科技、教育", "农业、林业、水利"])


def test_chinese_characters_count_as_two_columns():
    assert width("区科技局 ab") == 11
    assert fit("区科技局工作总结", 9) == "区科技局…"
    assert width(fit("区科技局工作总结", 9)) == 9
    assert fit("ab", 4) == "ab  "


def test_table_columns_line_up_with_mixed_text():
    outcomes = [Outcome(Path("a.docx"), "added", meta=META, warnings=(Notice("no-date", "未识别成文日期"), Notice("x", "另一条"))),
                Outcome(Path("b.docx"), "added", meta=ReportMeta("Report", 2024, "", "其他", "b", "0" * 64))]
    header, first, second = table(outcomes).splitlines()
    assert header.startswith("标题")
    assert first.split("  ")[0] == "2023年区科技局工作总结"
    columns = [width(line[: line.index(f"  {year}  ") + 2]) for line, year in ((first, 2023), (second, 2024))]
    assert columns[0] == columns[1] == width(header[: header.index("年度")])
    assert "科技、教育；农业、林业、水利" in first
    assert first.endswith("未识别成文日期（另 1 条）")
    assert "（未识别）" in second


def test_one_line_per_outcome():
    page = Path("docs/reports/2023/x.md")
    assert outcome_line(Outcome(Path("d/a.docx"), "added", page=page), dry_run=False) == \
        "a.docx：已导入 → docs/reports/2023/x.md"
    assert outcome_line(Outcome(Path("a.docx"), "added", page=page), dry_run=True) == \
        "a.docx：将导入 → docs/reports/2023/x.md"
    assert outcome_line(Outcome(Path("a.docx"), "unchanged", page=page, edited=True), dry_run=False) == \
        "a.docx：未变化，跳过（docs/reports/2023/x.md 有手工修改，已保留）"
    assert outcome_line(Outcome(Path("a.docx"), "updated", page=page, backup=Path(".archive/backup/1")),
                        dry_run=False) == "a.docx：已更新 → docs/reports/2023/x.md（原页面已备份到 .archive/backup/1/）"


def test_summary_counts_new_and_unchanged_always_and_the_rest_when_there_are_any():
    outcomes = [Outcome(Path("a"), "unchanged")] * 20
    assert summary(outcomes, dry_run=False) == "导入完成：0 篇新增，20 篇未变化。"
    outcomes += [Outcome(Path("b"), "updated"), Outcome(Path("c"), "failed")]
    assert summary(outcomes, dry_run=True) == "预演，未写入任何文件：0 篇新增，20 篇未变化，1 篇更新，1 篇失败。"
