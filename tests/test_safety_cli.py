"""The publication checks as staff meet them: `archive add`, `archive check`, `archive build`."""
from __future__ import annotations

import hashlib

import docx
from e2e.conftest import run_archive
from format_files import text_file, web_page
from hostile_docx import edited_report

from converter.data.frontmatter import split_page

PHONE_BODY = "项目联系人张三，手机13812345678。"


def _archive(tmp_path):
    archive = tmp_path / "档案"
    run_archive("init", str(archive), cwd=tmp_path)
    return archive


def _page(archive):
    [page] = (archive / "docs" / "reports").glob("*/*.md")
    return page


def test_add_refuses_a_marked_report_in_one_line_naming_file_place_and_fix(tmp_path):
    archive = _archive(tmp_path)
    report = edited_report(tmp_path / "科技局.docx", lambda d: d.paragraphs[0].insert_paragraph_before("机密★1年"))
    result = run_archive("add", str(report), cwd=archive, check=False)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("科技局.docx：不能公开发布：") and "机密★1年" in line and "第 1 段" in line
    assert not list((archive / "docs" / "reports").rglob("*.md"))


def test_personal_data_is_refused_until_a_reason_is_given_and_the_reason_is_recorded(tmp_path):
    archive = _archive(tmp_path)
    report = edited_report(tmp_path / "r.docx", lambda d: None, body=PHONE_BODY)
    refused = run_archive("add", str(report), cwd=archive, check=False)
    assert refused.returncode == 1 and "138****5678" in refused.stderr and "--allow-personal-data" in refused.stderr

    run_archive("add", str(report), "--allow-personal-data", "联系人同意公开", cwd=archive)
    data, _ = split_page(_page(archive).read_text(encoding="utf-8"))
    assert data["publish_override"] == "联系人同意公开"
    assert run_archive("check", cwd=archive, check=False).returncode == 0


def test_a_reason_is_not_recorded_for_a_report_that_did_not_need_one(tmp_path):
    archive = _archive(tmp_path)
    report = edited_report(tmp_path / "r.docx", lambda d: None)
    run_archive("add", str(report), "--allow-personal-data", "以防万一", cwd=archive)
    data, _ = split_page(_page(archive).read_text(encoding="utf-8"))
    assert "publish_override" not in data


def test_the_original_beside_the_page_is_the_sanitized_copy_with_its_own_sha256(tmp_path):
    archive = _archive(tmp_path)

    def author(document):
        document.core_properties.author = "张三"
        document.core_properties.last_modified_by = "李四"

    report = edited_report(tmp_path / "r.docx", author)
    run_archive("add", str(report), cwd=archive)
    page = _page(archive)
    data, _ = split_page(page.read_text(encoding="utf-8"))
    copy = page.parent / data["download"]["file"]
    assert copy == page.with_suffix(".docx")
    assert data["download"]["sha256"] == hashlib.sha256(copy.read_bytes()).hexdigest() != data["sha256"]
    assert data["download"]["size"] == copy.stat().st_size
    properties = docx.Document(str(copy)).core_properties
    assert (properties.author, properties.last_modified_by) == ("", "")


def test_check_and_build_refuse_a_mark_added_to_a_page_by_hand(tmp_path):
    archive = _archive(tmp_path)
    run_archive("add", str(edited_report(tmp_path / "r.docx", lambda d: None)), cwd=archive)
    page = _page(archive)
    page.write_text(page.read_text(encoding="utf-8").replace("\n# ", "\n内部资料\n\n# ", 1), encoding="utf-8")

    checked = run_archive("check", cwd=archive, check=False)
    assert checked.returncode == 1 and "内部资料" in checked.stderr
    built = run_archive("build", cwd=archive, check=False)
    assert built.returncode == 1 and "内部资料" in built.stderr and "Traceback" not in built.stderr
    assert not (archive / "site").exists()


# --- the same gate for formats without Word's parts ---------------------------------------------------

def test_a_text_file_with_a_mark_line_is_refused_naming_the_paragraph(tmp_path):
    archive = _archive(tmp_path)
    report = text_file(tmp_path / "科技局.txt")
    report.write_text("机密★1年\n" + report.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_archive("add", str(report), cwd=archive, check=False)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("科技局.txt：不能公开发布：含密级或内部标志“机密★1年”（第 1 段）")
    assert not list((archive / "docs" / "reports").rglob("*"))


def test_a_mark_in_a_line_the_text_leaves_out_still_stops_a_text_file_that_is_published_whole(tmp_path):
    archive = _archive(tmp_path)
    report = text_file(tmp_path / "科技局.txt")
    report.write_text(report.read_text(encoding="utf-8") + "相关链接\n内部资料\n", encoding="utf-8")
    result = run_archive("add", str(report), cwd=archive, check=False)
    assert result.returncode == 1
    assert "含密级或内部标志“内部资料”（原件中未收入正文的文字" in result.stderr


def test_personal_data_in_a_web_page_needs_a_reason_like_in_a_docx(tmp_path):
    archive = _archive(tmp_path)
    page = web_page(tmp_path / "科技局.html", body=PHONE_BODY)
    refused = run_archive("add", str(page), cwd=archive, check=False)
    assert refused.returncode == 1 and "138****5678" in refused.stderr and "--allow-personal-data" in refused.stderr
    accepted = run_archive("add", str(page), "--allow-personal-data", "举报电话", cwd=archive, check=False)
    assert accepted.returncode == 0, accepted.stderr
    meta = split_page(_page(archive).read_text(encoding="utf-8"))[0]
    assert meta["publish_override"] == "举报电话" and meta["format"] == "html" and "download" not in meta
