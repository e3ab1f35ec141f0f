"""Every kind of bad input gets one Chinese line (file, problem, what to do), exit code 1, no traceback
(also under -v), and leaves the archive as it was."""
from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from archive_helpers import pages, run, tree
from conftest import require
from docx_factory import Para, encrypted_docx, simple_report, write_docx, write_ole
from format_files import text_file, web_page
from pdf_factory import hand_pdf

import converter.archive.workers  # noqa: F401  (monkeypatched below)
from converter.data.frontmatter import split_page

FIND_ORIGINAL = "请找到该报告的原稿（Word、WPS、RTF、OpenDocument、PDF、网页或文本文件）后再导入。"
RESAVE = "请用 Word 或 WPS 打开，另存为“Word 文档（*.docx）”后再导入。"


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    """Where staff keep the files they import: a folder with spaces and Chinese in its name."""
    folder = tmp_path / "待导入 文件"
    folder.mkdir()
    return folder


def assert_refused(archive: Path, path: Path, line: str, *options: str, env: dict | None = None) -> None:
    before = tree(archive / "docs")
    for verbosity in ((), ("-v",)):
        result = run(archive, "add", path, *options, *verbosity, env=env)
        assert result.exit_code == 1, result.output
        assert result.stderr.splitlines()[0] == line
        if not verbosity:
            assert result.stderr == line + "\n"
        assert "Traceback" not in result.output
        assert tree(archive / "docs") == before


def test_random_bytes_named_docx_are_not_a_word_document(archive, drop):
    path = drop / "2023年工作总结.docx"
    path.write_bytes(os.urandom(3000).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"dc").replace(b"%PDF", b"%pdf"))
    assert_refused(archive, path, "2023年工作总结.docx：文件内容不是 Word 文档（可能是其他类型的文件改了扩展名，"
                                  f"或文件已损坏）。{FIND_ORIGINAL}")


def test_picture_renamed_to_docx_is_not_a_word_document(archive, drop):
    path = drop / "扫描件.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    assert_refused(archive, path, "扫描件.docx：文件内容不是 Word 文档（可能是其他类型的文件改了扩展名，"
                                  f"或文件已损坏）。{FIND_ORIGINAL}")


@pytest.mark.parametrize("kind, what", [("doc", "Word 97-2003 格式（.doc）"), ("wps", "WPS 文字格式（.wps）"),
                                        ("rtf", "RTF 格式（.rtf）"), ("odt", "OpenDocument 格式（.odt）")])
def test_office_file_without_libreoffice_names_the_package_to_install(archive, drop, tmp_path, office_files,
                                                                      kind, what):
    path = Path(shutil.copy(office_files[kind], drop / f"2019-农业局.{kind}"))
    assert_refused(archive, path, f"2019-农业局.{kind}：这是 {what}，需要用 LibreOffice 转换，但本机没有安装 LibreOffice。"
                                  "请安装后再导入：sudo apt-get install libreoffice-writer-nogui（或用 Word、WPS 另存为 .docx）。",
                   env={"PATH": str(tmp_path / "empty-bin")})


@pytest.mark.parametrize("kind", ["doc", "wps", "rtf", "odt"])
def test_office_file_is_converted_by_libreoffice_and_published_as_docx(archive, drop, office_files, kind):
    path = Path(shutil.copy(office_files[kind], drop / f"2023 科技局.{kind}"))

    result = run(archive, "add", path)

    assert result.exit_code == 0, result.output
    [page] = pages(archive)
    assert f"由 .{kind} 自动转换（LibreOffice），请核对版式和文字" in result.stdout
    text = (archive / page).read_text(encoding="utf-8")
    assert f"source: 2023 科技局.{kind}\n" in text and f"format: {kind}\n" in text
    assert "## 一、主要工作完成情况" in text and "### （一）加大科技项目争取和实施" in text
    published = (archive / page).with_suffix(".docx")
    assert published.read_bytes()[:2] == b"PK" and f"file: {published.name}" in text


def test_legacy_doc_that_libreoffice_cannot_read_asks_to_resave(archive, drop, office_files):
    path = write_ole(drop / "2019-农业局.doc", {"WordDocument": b"\xec\xa5\xc1\x00" + b"\xff" * 7 + b"\xfe",  # a cut-off FIB
                                                "1Table": b"\xff" * 4096})
    assert_refused(archive, path, "2019-农业局.doc：这是 Word 97-2003 格式（.doc），用 LibreOffice 自动转换失败"
                                  f"（文件可能已损坏）。{RESAVE}")


def test_a_doc_with_an_open_password_is_named_as_such(archive, drop, office_files):
    """Word 97-2003 marks a password-protected file in its file information block (fEncrypted): a real
    .doc with that flag set is refused as encrypted, not as damaged."""
    import olefile

    path = Path(shutil.copy(office_files["doc"], drop / "2019-加密.doc"))
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        fib = bytearray(ole.openstream("WordDocument").read())
        fib[11] |= 0x01  # the flags at byte 10, little-endian: 0x0100 is fEncrypted
        ole.write_stream("WordDocument", bytes(fib))
    assert_refused(archive, path, "2019-加密.doc：文件设置了打开密码，无法读取。请在 Word 中打开，取消密码"
                                  "（文件→信息→保护文档→用密码进行加密，清空密码）并保存后再导入。")


def test_a_doc_libreoffice_hangs_on_is_stopped_named_and_the_others_imported(archive, drop, tmp_path, office_files):
    """LibreOffice stand-in (the one place a fake is used: a file that makes the real one hang is not at
    hand): it converts every file, but stops for good at one whose bytes hold HANG."""
    good = Path(shutil.copy(office_files["doc"], drop / "a 正常.doc"))
    stuck = drop / "b 卡住.doc"
    stuck.write_bytes(good.read_bytes() + b"HANG")
    pids = tmp_path / "pids.txt"
    bin_dir = _fake_soffice(tmp_path, f'echo $$ >> "{pids}"\n'
                            'for f in "$@"; do case "$f" in *.doc)\n'
                            '  grep -q HANG "$f" && sleep 600\n'
                            f'  cp "{simple_report(tmp_path / "saved.docx")}" "$outdir/$(basename "${{f%.*}}").docx";; esac; done',
                            tmp_path / "calls.txt")
    result = run(archive, "add", drop, env={"PATH": f"{bin_dir}:{os.environ['PATH']}", "ARCHIVE_FILE_TIME_LIMIT": "3"})

    assert result.exit_code == 1
    assert result.stderr == (f"b 卡住.doc：这是 Word 97-2003 格式（.doc），LibreOffice 转换超过 3 秒仍未完成，已停止。{RESAVE}\n")
    assert len(pages(archive)) == 1
    for pid in pids.read_text().split():
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_password_protected_docx_says_how_to_remove_the_password(archive, drop):
    path = encrypted_docx(drop / "加密 报告.docx")
    assert_refused(archive, path, "加密 报告.docx：文件设置了打开密码，无法读取。请在 Word 中打开，取消密码"
                                  "（文件→信息→保护文档→用密码进行加密，清空密码）并保存后再导入。")


def test_truncated_docx_is_reported_as_damaged(archive, drop):
    good = simple_report(drop / "完整.docx").read_bytes()
    path = drop / "没复制完.docx"
    path.write_bytes(good[: len(good) // 2])
    path.parent.joinpath("完整.docx").unlink()
    assert_refused(archive, path, "没复制完.docx：文件已损坏，无法读取（可能没有下载或复制完整，或保存时出错）。"
                                  "请重新获取原文件；如能在 Word 或 WPS 中打开，请另存为 .docx 后再导入。")


def test_docx_with_damaged_content_is_reported_as_damaged(archive, drop):
    path = _rezip(simple_report(drop / "损坏.docx"), damage="word/document.xml")
    assert_refused(archive, path, "损坏.docx：文件已损坏，无法读取（可能没有下载或复制完整，或保存时出错）。"
                                  "请重新获取原文件；如能在 Word 或 WPS 中打开，请另存为 .docx 后再导入。")


def test_excel_workbook_renamed_to_docx_is_not_a_word_document(archive, drop):
    path = drop / "统计表.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    assert_refused(archive, path, "统计表.docx：这是 Excel 表格，不是报告文档。"
                                  "请导入报告本身（Word、WPS、RTF、OpenDocument、PDF、网页或文本文件）。")


def test_empty_file_says_it_is_empty(archive, drop):
    path = drop / "空文件.docx"
    path.write_bytes(b"")
    assert_refused(archive, path, "空文件.docx：文件是空的（0 字节）。请重新复制或导出该报告后再导入。")


def test_document_without_text_says_so(archive, drop):
    path = write_docx(drop / "2023年空白.docx", [Para(""), Para("\u3000\u3000")])
    assert_refused(archive, path, "2023年空白.docx：文档里没有文字（可能是空白文档或扫描图片）。"
                                  "请导入含文字的原稿；扫描件请存为 PDF 后导入（会自动做文字识别）。")


def test_unreadable_file_says_to_check_permissions(archive, drop, monkeypatch):
    path = simple_report(drop / "无权限.docx")
    if os.geteuid() == 0:  # root reads anything: make this one file refuse, as chmod 000 would
        real_read_bytes = Path.read_bytes
        monkeypatch.setattr(Path, "read_bytes", lambda self: _refuse(self) if self.name == path.name
                            else real_read_bytes(self))
    else:
        path.chmod(0)
    assert_refused(archive, path, "无权限.docx：无法读取这个文件（没有读取权限或文件被占用）。"
                                  "请关闭正在使用它的程序，或检查文件权限后重试。")
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_missing_path_says_to_check_the_name(archive, drop):
    assert_refused(archive, drop / "不存在 的报告.docx", "不存在 的报告.docx：找不到这个文件。请检查文件名和路径是否正确。")


def test_folder_without_report_files_says_so(archive, drop):
    (drop / "说明.md").write_text("无关文件")
    assert_refused(archive, drop, "待导入 文件：这个文件夹里没有可导入的报告文件。"
                                  "可导入 .docx、.doc、.wps、.rtf、.odt、.pdf、.html、.mht 和 .txt 文件；请检查文件夹是否正确。")


def test_unknown_year_asks_for_year_option(archive, drop):
    path = write_docx(drop / "农业局 总结.docx", [Para("区农业局工作总结"), Para("全年完成造林面积1200亩。")])
    assert_refused(archive, path, "农业局 总结.docx：无法确定报告年度（标题和文件名里都没有年份）。"
                                  "请用 --year 指定，例如：archive add \"农业局 总结.docx\" --year 2023。")
    result = run(archive, "add", path, "--year", "2021")
    assert result.exit_code == 0, result.output
    assert [page.split("/")[2] for page in pages(archive)] == ["2021"]


def test_new_version_of_an_imported_report_is_a_duplicate_needing_force(archive, drop):
    run(archive, "add", simple_report(drop / "第一版.docx"))
    [first] = pages(archive)
    second = simple_report(drop / "第二版.docx", body="全年共申报科技项目38项，立项15项。")
    assert_refused(archive, second, f"第二版.docx：与已导入的 {first} 是同一份报告（标题、年度、发文机关相同），"
                                    "但内容不同。如要用这个新版本替换，请加 --force（原页面会先备份）。")


def test_file_that_takes_too_long_is_stopped_and_named(archive, drop):
    path = simple_report(drop / "巨大 文件.docx")
    assert_refused(archive, path, "巨大 文件.docx：处理超时（超过 0.001 秒），文件可能过大或结构异常。"
                                  "请用 Word 另存为新的 .docx 后再导入；如仍超时，请联系技术支持。",
                   env={"ARCHIVE_FILE_TIME_LIMIT": "0.001"})


def test_archive_busy_with_another_import_says_who_and_to_wait(archive, drop):
    path = simple_report(drop / "报告.docx")
    with holding_lock(archive, "archive add") as holder:
        result = _subprocess_add(archive, path)
    assert result.returncode == 1
    assert result.stderr == (f"档案正忙：另一个“archive add”正在运行（进程 {holder['pid']}，开始于 {holder['started']}）。"
                             "请等它完成后再试。\n")
    assert pages(archive) == []
    assert _subprocess_add(archive, path).returncode == 0  # released with its process


def test_bug_in_the_converter_costs_only_that_file(archive, drop, monkeypatch):
    import converter.archive.prepare

    simple_report(drop / "a 正常.docx")
    simple_report(drop / "b 触发错误.docx", title="2022年区教育局工作总结", issuer="区教育局")
    real = converter.archive.prepare.convert_reading
    monkeypatch.setattr(converter.archive.prepare, "convert_reading",
                        lambda reading, path, *args, **kwargs: {}["boom"] if "触发" in path.name
                        else real(reading, path, *args, **kwargs))
    monkeypatch.setattr(converter.archive.workers, "START_METHOD", "fork")  # the patch lives in forked workers

    quiet = run(archive, "add", drop)
    assert quiet.exit_code == 1
    assert quiet.stderr == ("b 触发错误.docx：程序内部错误（KeyError），此文件未导入。"
                            "请联系技术支持并提供此文件；加 -v 可显示详细信息。\n")
    assert [page.split("/")[2] for page in pages(archive)] == ["2023"]  # the good one
    verbose = run(archive, "add", drop, "-v")
    assert "Traceback" in verbose.stderr and "KeyError: 'boom'" in verbose.stderr


def test_bug_outside_any_file_is_one_line_and_a_traceback_only_with_verbose(archive, drop, monkeypatch):
    import converter.archive.pages

    path = simple_report(drop / "报告.docx")
    monkeypatch.setattr(converter.archive.pages.PageIndex, "load", classmethod(lambda cls, root: 1 / 0))
    quiet = run(archive, "add", path)
    assert quiet.exit_code == 1
    assert quiet.stderr == "程序内部错误（ZeroDivisionError），操作未完成。请加 -v 重新运行，把显示的信息发给技术支持。\n"
    verbose = run(archive, "add", path, "-v")
    assert verbose.exit_code == 1
    assert "Traceback" in verbose.stderr and "ZeroDivisionError" in verbose.stderr


def _fake_soffice(tmp_path: Path, action: str, calls: Path) -> Path:
    """A stand-in for LibreOffice's `soffice` that logs its arguments and then runs `action`."""
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{calls}"\n'
        'outdir=""; last=""; previous=""\n'
        'for arg in "$@"; do [ "$previous" = "--outdir" ] && outdir="$arg"; previous="$arg"; last="$arg"; done\n'
        f"{action}\n")
    script.chmod(0o755)
    return bin_dir


def _rezip(path: Path, damage: str) -> Path:
    """Flip bytes inside one compressed part, keeping the zip's structure (so only reading it fails)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        info = package.getinfo(damage)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 200)):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def _refuse(path: Path):
    raise PermissionError(13, "Permission denied", str(path))


@contextmanager
def holding_lock(archive: Path, command: str):
    """Another process holding the archive's lock (as a running `archive add` would) while the block runs;
    yields what the lock file says about it."""
    code = ("import sys; from pathlib import Path; from converter.archive.lock import archive_lock\n"
            f"with archive_lock(Path.cwd(), {command!r}):\n"
            "    print('ready', flush=True)\n"
            "    sys.stdin.read()\n")
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=archive, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        info = json.loads((archive / ".archive" / "lock").read_text(encoding="utf-8"))
        assert info["pid"] == holder.pid
        yield info
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def _subprocess_add(archive: Path, path: Path):
    return subprocess.run([sys.executable, "-m", "converter", "add", str(path)], cwd=archive,
                          capture_output=True, text=True, timeout=120)


def test_archive_that_cannot_be_written_costs_only_the_files_going_there(archive, drop):
    simple_report(drop / "2022.docx", title="2022年区教育局工作总结", issuer="区教育局")
    simple_report(drop / "2023.docx")
    (archive / "docs" / "reports" / "2023").write_text("a file where the 2023 folder should be")

    result = run(archive, "add", drop)

    assert result.exit_code == 1
    assert result.stderr == ("2023.docx：无法写入档案（磁盘已满、没有写入权限或文件夹有问题）。"
                             "请检查磁盘空间和档案文件夹的写入权限后重试。\n")
    assert [page.split("/")[2] for page in pages(archive)] == ["2022"]


@pytest.mark.corpus
def test_real_word_97_file_is_converted_by_real_libreoffice(archive, drop, shared):
    require("soffice", "libreoffice-writer-nogui")
    path = drop / "2019 旧版 报告.doc"
    shutil.copy(shared / "corpus" / "docx-fixtures" / "apache-poi" / "document__Bug34898.doc", path)

    result = run(archive, "add", path, "--year", "2019")

    assert result.exit_code == 0, result.output
    assert "由 .doc 自动转换（LibreOffice），请核对版式和文字" in result.stdout
    assert "source: 2019 旧版 报告.doc" in (archive / pages(archive)[0]).read_text(encoding="utf-8")


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["poifs__protected_agile.docx", "document__bug53475-password-is-pass.docx"])
def test_real_password_protected_files_are_recognised(archive, shared, name):
    path = shared / "corpus" / "docx-fixtures" / "apache-poi" / name
    assert_refused(archive, path, f"{name}：文件设置了打开密码，无法读取。请在 Word 中打开，取消密码"
                                  "（文件→信息→保护文档→用密码进行加密，清空密码）并保存后再导入。")


# --- every format: empty files, names that lie, hostile pages, unknown encodings ---------------------

@pytest.mark.parametrize("suffix", [".docx", ".doc", ".wps", ".rtf", ".odt", ".pdf", ".txt", ".html", ".mht"])
def test_an_empty_file_of_any_format_says_it_is_empty(archive, drop, suffix):
    path = drop / f"空的报告{suffix}"
    path.write_bytes(b"")
    assert_refused(archive, path, f"空的报告{suffix}：文件是空的（0 字节）。请重新复制或导出该报告后再导入。")


def test_a_text_file_in_an_unknown_encoding_says_to_save_it_as_utf8(archive, drop):
    path = drop / "2023年工作总结.txt"
    path.write_bytes("２０２３年區科技局工作總結。一、主要工作完成情況。全年共申報科技項目３６項。".encode("big5"))
    assert_refused(archive, path, "2023年工作总结.txt：无法识别这个文本文件的编码（不是 UTF-8、UTF-16 或 GB18030/GBK）。"
                                  "请用记事本打开，另存为“UTF-8”编码后再导入。")


def test_binary_content_named_txt_is_not_text(archive, drop):
    path = drop / "2023年工作总结.txt"
    path.write_bytes(b"\x00\x01\x02binary" * 100)
    assert_refused(archive, path, "2023年工作总结.txt：文件内容不是文字（可能是其他类型的文件改了扩展名，或文件已损坏）。"
                                  "请找到该报告的原稿（.txt、.docx 或网页）后再导入。")


def test_a_web_page_with_scripts_and_javascript_links_is_read_as_text_and_runs_nothing(archive, drop):
    path = web_page(drop / "2023年区科技局工作总结.html")

    result = run(archive, "add", path)

    assert result.exit_code == 0, result.output
    [page] = pages(archive)
    text = (archive / page).read_text(encoding="utf-8")
    body = split_page(text)[1]
    assert "## 一、主要工作完成情况" in body and "详见附件" in body
    for hostile in ("<script", "alert(", "javascript:", "onload", "onerror", "<img"):
        assert hostile not in text
    assert not list((archive / page).parent.glob(f"{Path(page).stem}.*htm*"))  # the page itself is not published


@pytest.mark.parametrize("content, suffix, format_", [
    ("page", ".doc", "html"),       # a web page saved as .doc (old systems export these)
    ("page", ".txt", "html"),
    ("text", ".html", "html"),      # a text under a web page's name: read as a page
    ("docx", ".txt", "docx"),
    ("docx", ".pdf", "docx"),
])
def test_a_file_whose_name_lies_is_read_by_its_content(archive, drop, tmp_path, content, suffix, format_):
    path = drop / f"2023年区科技局工作总结{suffix}"
    if content == "page":
        web_page(path)
    elif content == "text":
        text_file(path)
    else:
        path.write_bytes(simple_report(tmp_path / "r.docx").read_bytes())

    result = run(archive, "add", path)

    assert result.exit_code == 0, result.output
    [page] = pages(archive)
    meta = split_page((archive / page).read_text(encoding="utf-8"))[0]
    assert meta["title"] == "2023年区科技局工作总结" and meta.get("format", "docx") == format_


# --- PDF: damaged, encrypted, bombs -------------------------------------------------------------------

PDF_DAMAGED = ("PDF 文件已损坏，无法读取（可能没有下载或复制完整）。"
               "请重新获取原文件；如能在 PDF 阅读器中打开，请另存或打印为新的 PDF 后再导入。")


def test_a_pdf_under_a_word_name_is_read_as_a_pdf_and_published_cleaned(archive, drop, office_files):
    path = Path(shutil.copy(office_files["pdf"], drop / "2023年区科技局工作总结.docx"))

    result = run(archive, "add", path)

    assert result.exit_code == 0, result.output
    [page] = pages(archive)
    meta, body = split_page((archive / page).read_text(encoding="utf-8"))
    assert meta["format"] == "pdf" and meta["download"]["file"].endswith(".pdf")
    assert "## 一、主要工作完成情况" in body
    published = (archive / page).with_suffix(".pdf").read_bytes()
    assert published.startswith(b"%PDF") and b"/Producer" not in published and b"/Author" not in published


def test_a_damaged_pdf_is_one_line(archive, drop):
    path = drop / "2023年报告.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 50)
    assert_refused(archive, path, f"2023年报告.pdf：{PDF_DAMAGED}")


def test_a_pdf_with_an_open_password_says_how_to_remove_it(archive, drop, tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = drop / "加密 报告.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    assert_refused(archive, path, "加密 报告.pdf：PDF 设置了打开密码，无法读取。"
                                  "请用 PDF 阅读器输入密码打开，取消密码（或打印为新的 PDF）后再导入。")


def test_a_pdf_of_deeply_nested_objects_is_one_line_in_bounded_time(archive, drop):
    nested = "[" * 100_000 + "]" * 100_000
    path = hand_pdf(drop / "嵌套.pdf", [
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /X 4 0 R >> >>", nested])
    started = time.monotonic()
    assert_refused(archive, path, "嵌套.pdf：PDF 里没有文字，也没有可识别的扫描页面。"
                                  "请确认该 PDF 含有报告正文（可在阅读器中选中文字）后再导入。")
    assert time.monotonic() - started < 60


def test_a_pdf_of_a_huge_page_count_is_refused_before_its_pages_are_read(archive, drop):
    count = 5000
    kids = " ".join(f"{n} 0 R" for n in range(3, 3 + count))
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    path = hand_pdf(drop / "很多页.pdf", ["<< /Type /Catalog /Pages 2 0 R >>",
                                         f"<< /Type /Pages /Kids [{kids}] /Count {count} >>", *[page] * count])
    started = time.monotonic()
    assert_refused(archive, path, "很多页.pdf：PDF 有 5000 页，超过一篇报告的上限 500 页。"
                                  "请只导入报告本身；如确是一篇报告，请拆分成几个 PDF 后分别导入。")
    assert time.monotonic() - started < 60
