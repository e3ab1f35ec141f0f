"""`archive add`: folders of good and bad files, re-runs, dry runs, what is written where."""
from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from archive_helpers import pages, run, tree
from docx_factory import simple_report

import converter.archive.prepare
import converter.archive.workers
import converter.safety.download
from converter.archive.importer import Importer, add
from converter.archive.prepare import Prepared
from converter.cli.add_view import AddView
from converter.data.frontmatter import split_page
from converter.model import Image
from converter.model.fields import ReportMeta
from converter.safety.download import Copy
from converter.safety.publication import Finding

REPORTS = [("2021年区科技局工作总结", "区科技局"), ("2022年区教育局工作总结", "区教育局"),
           ("2023年区农业局工作计划", "区农业局")]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of three good reports (names with spaces and Chinese) and three bad files."""
    folder = tmp_path / "收到的 报告"
    for number, (title, issuer) in enumerate(REPORTS):
        simple_report(folder / f"{number} {issuer} 报告.docx", title=title, issuer=issuer)
    (folder / "坏 文件.docx").write_bytes(b"not a word file at all")
    (folder / "空.docx").write_bytes(b"")
    (folder / "子文件夹").mkdir()
    (folder / "子文件夹" / "扫描.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "~$锁文件.docx").write_bytes(b"Word's lock file: never imported")
    (folder / "说明.md").write_text("not a candidate in a folder")
    return folder


def test_folder_imports_every_good_file_and_names_each_bad_one(archive, mixed):
    before = tree(archive / "docs")

    result = run(archive, "add", mixed)

    assert result.exit_code == 1
    failed = result.stderr.splitlines()
    assert [line.split("：")[0] for line in failed] == ["坏 文件.docx", "扫描.pdf", "空.docx"]  # path order
    added = [line for line in result.stdout.splitlines() if "：已导入 → " in line]
    assert [line.split("：")[0] for line in added] == ["0 区科技局 报告.docx", "1 区教育局 报告.docx", "2 区农业局 报告.docx"]
    assert result.stdout.splitlines()[-1] == "导入完成：3 篇新增，0 篇未变化，3 篇失败。"
    after = tree(archive / "docs")
    new = sorted(set(after) - set(before))
    assert [name for name in new if name.endswith(".md")] == [p.removeprefix("docs/") for p in pages(archive)]
    assert len(new) == 6  # a page and its published original per good file, nothing else
    assert all(after[name] == before[name] for name in before)
    assert sorted(split_page(after[p].decode())[0]["title"] for p in new if p.endswith(".md")) == \
        sorted(title for title, _ in REPORTS)


def test_running_the_same_import_again_changes_nothing(archive, mixed):
    run(archive, "add", mixed)
    before = tree(archive / "docs")

    again = run(archive, "add", mixed)

    assert tree(archive / "docs") == before
    assert again.stdout.splitlines()[-1] == "导入完成：0 篇新增，3 篇未变化，3 篇失败。"
    assert again.stdout.count("：未变化，跳过（docs/reports/") == 3


def test_dry_run_shows_the_table_and_writes_nothing(archive, mixed):
    before = tree(archive)

    result = run(archive, "add", "--dry-run", mixed)

    assert tree(archive) == before
    assert not (archive / ".archive").exists()
    assert result.stdout.count("：将导入 → docs/reports/") == 3
    assert result.stdout.splitlines()[-1] == "预演，未写入任何文件：3 篇新增，0 篇未变化，3 篇失败。"
    assert "标题" in result.stdout and "发文机关" in result.stdout


def test_table_shows_each_new_report_as_its_page_records_it(archive, tmp_path):
    simple_report(tmp_path / "r.docx")
    result = run(archive, "add", tmp_path / "r.docx")

    meta = split_page((archive / pages(archive)[0]).read_text(encoding="utf-8"))[0]
    header, row = result.stdout.split("\n\n")[1].splitlines()
    assert header.split() == ["标题", "年度", "发文机关", "文种", "主题", "提示"]
    assert row.split()[:4] == [meta["title"], str(meta["year"]), meta["issuer"], meta["doc_type"]]
    assert row.split()[-1] == "—"  # no warnings


def test_quiet_prints_only_failures(archive, mixed):
    result = run(archive, "add", "-q", mixed)
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 3


def test_progress_bar_is_drawn_on_a_terminal_and_cleared_before_each_line(archive, mixed):
    terminal, lines = io.StringIO(), []
    view = AddView(lambda text="", err=False: lines.append(text), dry_run=False, quiet=False, verbose=0,
                   bar=terminal)
    outcomes = add(archive, [mixed], on_start=view.start, on_outcome=view.show)
    view.finish(outcomes)

    assert "导入中 [########################] 6/6" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")
    assert lines[-1] == "导入完成：3 篇新增，0 篇未变化，3 篇失败。"


def test_published_original_is_the_sanitized_copy_and_the_received_one_is_kept_apart(archive, tmp_path,
                                                                                    monkeypatch):
    monkeypatch.setattr(converter.safety.download, "sanitized_docx", lambda data: b"sanitized:" + data[:10])
    monkeypatch.setattr(converter.archive.workers, "START_METHOD", "fork")
    original = simple_report(tmp_path / "r.docx")

    run(archive, "add", original)

    page = archive / pages(archive)[0]
    meta = split_page(page.read_text(encoding="utf-8"))[0]
    published = page.with_suffix(".docx").read_bytes()
    assert published == b"sanitized:" + original.read_bytes()[:10]
    assert meta["download"] == {"file": page.with_suffix(".docx").name, "size": len(published),
                                "sha256": hashlib.sha256(published).hexdigest()}
    kept = archive / ".archive" / "originals" / f"{meta['sha256']}.docx"
    assert kept.read_bytes() == original.read_bytes()


def test_blocking_publication_finding_refuses_the_file(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(converter.archive.prepare, "received_findings",
                        lambda name, report, docx, outside: [Finding("classified", "第 1 段有密级标志“机密★”")])
    monkeypatch.setattr(converter.archive.workers, "START_METHOD", "fork")
    result = run(archive, "add", simple_report(tmp_path / "密件.docx"))
    assert result.exit_code == 1
    assert result.stderr == ("密件.docx：不能公开发布：第 1 段有密级标志“机密★”。"
                             "涉密或内部文件不得公开；如确有可公开的版本，请删除该标志后另存再导入。\n")
    assert pages(archive) == []


def test_personal_data_is_refused_unless_staff_recorded_a_reason_to_publish(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(converter.archive.prepare, "received_findings",
                        lambda name, report, docx, outside: [Finding("phone", "第 3 段有手机号码 138****0000", blocking=False)])
    monkeypatch.setattr(converter.archive.workers, "START_METHOD", "fork")
    report = simple_report(tmp_path / "含电话.docx")

    refused = run(archive, "add", report)
    assert refused.stderr == ("含电话.docx：含个人信息：第 3 段有手机号码 138****0000。请删除后再导入；"
                              "如确需公开，请加 --allow-personal-data \"理由\"，或在同名 .yml 文件中写明“公开理由: …”，"
                              "理由会记入页面元数据。\n")

    report.with_suffix(".yml").write_text("公开理由: 举报电话，应公开\n", encoding="utf-8")
    accepted = run(archive, "add", report)
    assert accepted.exit_code == 0, accepted.output
    assert split_page((archive / pages(archive)[0]).read_text(encoding="utf-8"))[0]["publish_override"] == \
        "举报电话，应公开"


def test_sidecar_values_win_over_what_was_extracted(archive, tmp_path):
    report = simple_report(tmp_path / "r.docx")
    report.with_suffix(".yml").write_text("发文机关: 明湖区科学技术局\n", encoding="utf-8")
    run(archive, "add", report)
    meta = split_page((archive / pages(archive)[0]).read_text(encoding="utf-8"))[0]
    assert meta["issuer"] == "明湖区科学技术局"
    assert meta["sources"]["issuer"] == "staff"


def test_images_are_written_beside_the_pages_of_the_year_under_their_generated_names(archive, tmp_path):
    importer, original = Importer(archive, dry_run=False, force=False), simple_report(tmp_path / "r.docx")
    outcome = importer.file(original, _prepared(original, images=(Image("img-1a2b.png", "image/png", b"\x89PNG"),)), 60)
    page = archive / outcome.page
    assert (page.parent / "images" / "img-1a2b.png").read_bytes() == b"\x89PNG"
    assert page.is_file()


@pytest.mark.parametrize("name", ["../evil.png", ".hidden.png", "a/b.png", "名字.png", ""])
def test_image_name_that_could_leave_the_page_folder_is_refused(archive, tmp_path, name):
    importer, original = Importer(archive, dry_run=False, force=False), simple_report(tmp_path / "r.docx")
    outcome = importer.file(original, _prepared(original, images=(Image(name, "image/png", b"x"),)), 60)
    assert outcome.status == "failed"
    assert outcome.message == f"r.docx：图片文件名不安全：{name!r}。请联系技术支持。"
    assert pages(archive) == []


def test_image_of_another_report_with_the_same_name_is_never_replaced(archive, tmp_path):
    importer = Importer(archive, dry_run=False, force=False)
    first = simple_report(tmp_path / "a.docx")
    importer.file(first, _prepared(first, images=(Image("image1.png", "image/png", b"first"),)), 60)
    second = simple_report(tmp_path / "b.docx", title="2023年区教育局工作总结", issuer="区教育局")
    outcome = importer.file(second, _prepared(second, images=(Image("image1.png", "image/png", b"second"),)), 60)
    assert outcome.message == "b.docx：图片 image1.png 与同一文件夹中另一份报告的图片重名。请联系技术支持。"
    assert (archive / "docs/reports/2023/images/image1.png").read_bytes() == b"first"


def test_two_imports_at_once_never_leave_a_half_written_archive(archive, tmp_path):
    folders = [tmp_path / "甲", tmp_path / "乙"]
    for number, folder in enumerate(folders):
        for year in range(2010 + 5 * number, 2015 + 5 * number):
            simple_report(folder / f"{year}.docx", title=f"{year}年区科技局工作总结", date=f"{year}年12月1日")
    command = [sys.executable, "-m", "converter", "add"]
    running = [subprocess.Popen([*command, str(f)], cwd=archive, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for f in folders]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in running]

    for code, stderr in results:
        assert code == 0 or stderr.startswith("档案正忙：另一个“archive add”正在运行（进程 ")
    imported = sum(5 for code, _ in results if code == 0)
    assert len(pages(archive)) == imported >= 5
    check = subprocess.run([sys.executable, "-m", "converter", "check"], cwd=archive, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def _prepared(original: Path, images=()) -> Prepared:
    sha = hashlib.sha256(original.read_bytes()).hexdigest()
    meta = ReportMeta(title=f"标题 {original.stem}", year=2023, issuer=f"机关 {original.stem}", doc_type="工作总结",
                      source=original.name, sha256=sha)
    return Prepared(meta=meta, body="# 标题\n\n正文。\n", images=images, download=Copy(b"docx", ".docx"))


def test_generated_front_matter_is_kept_apart_and_pages_are_world_readable(archive, tmp_path):
    run(archive, "add", simple_report(tmp_path / "r.docx"))
    page = pages(archive)[0]
    generated = archive / ".archive" / "generated" / Path(page).with_suffix(".json")
    data = json.loads(generated.read_text(encoding="utf-8"))
    assert data == split_page((archive / page).read_text(encoding="utf-8"))[0]
    assert os.stat(archive / page).st_mode & 0o777 == 0o644


def test_file_changed_while_it_was_being_converted_is_not_filed(archive, tmp_path):
    importer, original = Importer(archive, dry_run=False, force=False), simple_report(tmp_path / "r.docx")
    prepared = _prepared(original, images=(Image("img-1.png", "image/png", b"png"),))
    original.write_bytes(original.read_bytes() + b"still copying")
    before = tree(archive)

    outcome = importer.file(original, prepared, 60)

    assert outcome.message == "r.docx：文件在导入过程中被改动了（可能还在复制）。请等复制完成后再导入。"
    assert tree(archive) == before
