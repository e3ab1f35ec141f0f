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
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from archive_helpers import pages, run, tree
from docx_factory import Para, encrypted_docx, legacy_doc, simple_report, write_docx, write_ole

import converter.archive.workers  # noqa: F401  (monkeypatched below)


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
    path.write_bytes(os.urandom(3000).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"dc"))
    assert_refused(archive, path, "2023年工作总结.docx：文件内容不是 Word 文档（可能是其他类型的文件改了扩展名，"
                                  "或文件已损坏）。请找到该报告的 Word 原稿（.docx）后再导入。")


def test_picture_renamed_to_docx_is_not_a_word_document(archive, drop):
    path = drop / "扫描件.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    assert_refused(archive, path, "扫描件.docx：文件内容不是 Word 文档（可能是其他类型的文件改了扩展名，"
                                  "或文件已损坏）。请找到该报告的 Word 原稿（.docx）后再导入。")


def test_legacy_doc_without_libreoffice_asks_to_resave_as_docx(archive, drop, tmp_path):
    path = legacy_doc(drop / "2019-农业局.doc")
    no_soffice = {"PATH": str(tmp_path / "empty-bin")}
    assert_refused(archive, path, "2019-农业局.doc：这是 Word 97-2003 格式（.doc），只能导入 .docx。"
                                  "请用 Word 或 WPS 另存为 .docx 后再导入。", env=no_soffice)


def test_legacy_doc_is_converted_when_libreoffice_is_installed(archive, drop, tmp_path):
    path = legacy_doc(drop / "2019 农业局.doc")
    converted = simple_report(tmp_path / "as-saved-by-libreoffice.docx", title="2019年区农业局工作总结",
                              issuer="区农业局", date="2019年12月20日")
    calls = tmp_path / "soffice-calls.txt"
    bin_dir = _fake_soffice(tmp_path, f'cp "{converted}" "$outdir/$(basename "${{last%.*}}").docx"', calls)

    result = run(archive, "add", path, env={"PATH": f"{bin_dir}:{os.environ['PATH']}"})

    assert result.exit_code == 0, result.output
    assert [page.split("/")[2] for page in pages(archive)] == ["2019"]
    assert "由 .doc 自动转换（LibreOffice），请核对版式和文字" in result.stdout
    page = (archive / pages(archive)[0]).read_text(encoding="utf-8")
    assert "source: 2019 农业局.doc" in page
    assert "--headless" in calls.read_text() and "--convert-to docx" in calls.read_text()


def test_legacy_doc_that_libreoffice_cannot_convert_asks_to_resave(archive, drop, tmp_path):
    path = legacy_doc(drop / "2019-农业局.doc")
    bin_dir = _fake_soffice(tmp_path, "exit 1", tmp_path / "calls.txt")
    assert_refused(archive, path, "2019-农业局.doc：这是 Word 97-2003 格式（.doc），用 LibreOffice 自动转换失败。"
                                  "请用 Word 或 WPS 另存为 .docx 后再导入。",
                   env={"PATH": f"{bin_dir}:{os.environ['PATH']}"})


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
    assert_refused(archive, path, "统计表.docx：这是 Excel 表格，不是 Word 文档。请导入报告的 Word 文档（.docx）。")


def test_empty_file_says_it_is_empty(archive, drop):
    path = drop / "空文件.docx"
    path.write_bytes(b"")
    assert_refused(archive, path, "空文件.docx：文件是空的（0 字节）。请重新复制或导出该报告后再导入。")


def test_document_without_text_says_so(archive, drop):
    path = write_docx(drop / "2023年空白.docx", [Para(""), Para("\u3000\u3000")])
    assert_refused(archive, path, "2023年空白.docx：文档里没有文字（可能是空白文档或扫描图片）。"
                                  "请导入含文字的 Word 原稿；扫描件需先做文字识别（OCR）。")


def test_wps_file_says_how_to_convert(archive, drop):
    path = write_ole(drop / "2022 总结.wps", {"WordDocument": b"\0" * 4096})
    assert_refused(archive, path, "2022 总结.wps：这是 WPS 文字格式（.wps），只能导入 .docx。"
                                  "请用 WPS 打开，另存为“Word 文档（*.docx）”后再导入。")


def test_pdf_says_to_find_the_word_original(archive, drop):
    path = drop / "2022年报告.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert_refused(archive, path, "2022年报告.pdf：这是 PDF 文件，只能导入 Word 文档（.docx）。请找到该报告的 Word 原稿再导入；"
                                  "如只有 PDF，可用 WPS 转为 Word，核对文字后再导入。")


def test_odt_says_how_to_convert(archive, drop):
    path = drop / "2022年报告.odt"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    assert_refused(archive, path, "2022年报告.odt：这是 OpenDocument 格式（.odt），只能导入 .docx。"
                                  "请用 WPS 或 LibreOffice 打开，另存为“Word 文档（*.docx）”后再导入。")


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


def test_folder_without_word_documents_says_so(archive, drop):
    (drop / "说明.txt").write_text("无关文件")
    assert_refused(archive, drop, "待导入 文件：这个文件夹里没有 Word 文档（.docx）。请检查文件夹是否正确。")


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
    real = converter.archive.prepare.convert_file
    monkeypatch.setattr(converter.archive.prepare, "convert_file",
                        lambda path, *args, **kwargs: {}["boom"] if "触发" in path.name else real(path, *args, **kwargs))
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
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_real_word_97_file_is_converted_by_real_libreoffice(archive, drop, shared):
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
