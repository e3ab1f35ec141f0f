"""`archive check`: findings per page and across the archive, from plain check functions."""
from __future__ import annotations

import shutil
from pathlib import Path

from archive_helpers import new_archive, pages, run
from docx_factory import simple_report

import converter.archive.check
from converter.archive.check import CheckFinding, check_archive


def imported(tmp_path: Path) -> tuple[Path, Path]:
    archive = new_archive(tmp_path)
    run(archive, "add", simple_report(tmp_path / "r.docx"))
    return archive, archive / pages(archive)[0]


def test_freshly_imported_archive_has_no_findings(tmp_path):
    archive, _ = imported(tmp_path)
    assert check_archive(archive) == []
    assert run(archive, "check").stdout == "检查完成：0 个错误，0 个提示。\n"


def test_unreadable_front_matter_is_an_error_naming_the_page(tmp_path):
    archive, page = imported(tmp_path)
    page.write_text("---\ntitle: [unclosed\n---\n\n正文\n", encoding="utf-8")
    assert check_archive(archive) == [
        CheckFinding(pages(archive)[0], "页首元数据第 3 行不是有效的 YAML，请检查缩进、冒号和引号", code="bad-yaml")]


def test_missing_download_is_an_error(tmp_path):
    archive, page = imported(tmp_path)
    page.with_suffix(".docx").unlink()
    [finding] = check_archive(archive)
    assert finding.line() == (f"{pages(archive)[0]}：错误：找不到供下载的原件 {page.with_suffix('.docx').name}，"
                              "请用 archive add --force 重新导入原文件")


def test_two_pages_from_the_same_original_is_a_hint_and_their_shared_index_number_an_error(tmp_path):
    archive, page = imported(tmp_path)
    shutil.copy(page, page.with_name("zz-copy.md"))
    same, number = check_archive(archive)
    assert not same.is_error
    assert same.page == "docs/reports/2023/zz-copy.md"
    assert same.message.startswith(f"与 {pages(archive)[0]} 来自同一个原文件")
    assert number.is_error and number.code == "duplicate-index-number"
    assert number.page == "docs/reports/2023/zz-copy.md" and f"与 {pages(archive)[0]} 重复" in number.message


def test_a_check_added_to_the_list_runs_on_every_page(tmp_path, monkeypatch):
    archive, _ = imported(tmp_path)
    added = lambda page: [CheckFinding(page.name, f"看过 {page.data['year']}", is_error=False)]
    monkeypatch.setattr(converter.archive.check, "PAGE_CHECKS", [*converter.archive.check.PAGE_CHECKS, added])
    assert [f.message for f in check_archive(archive)] == ["看过 2023"]
