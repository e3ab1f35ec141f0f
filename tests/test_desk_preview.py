"""The live preview of `archive serve`: its files only, pages that reload themselves, rebuilt after a
change on disk, and the last good preview kept when a build fails."""
from __future__ import annotations

import os
import subprocess
import sys
from html import escape

import pytest
from archive_helpers import pages, run
from desk_helpers import Served
from docx_factory import simple_report

from converter.archive.desk.preview import RELOAD_SCRIPT, Preview, with_reload


@pytest.fixture
def preview(archive):
    found = Preview(archive)
    (found.folder / "reports" / "2023").mkdir(parents=True)
    (found.folder / "index.html").write_text("<html><body>首页</body></html>", encoding="utf-8")
    (found.folder / "reports" / "2023" / "index.html").write_text("年度", encoding="utf-8")
    (found.folder / ".hidden").write_text("x", encoding="utf-8")
    os.symlink(archive / "mkdocs.yml", found.folder / "escape.yml")
    return found


@pytest.mark.parametrize("url, found", [
    ("/", "index.html"), ("/reports/2023/", "reports/2023/index.html"), ("/reports/2023", "reports/2023/index.html"),
    ("/../mkdocs.yml", None), ("/reports/%2e%2e/%2e%2e/mkdocs.yml", None), ("/.hidden", None),
    ("/escape.yml", None), ("/reports\\..\\..\\mkdocs.yml", None), ("/nothing/", None), ("/index.html%00.png", None),
])
def test_a_url_finds_only_files_inside_the_preview(preview, url, found):
    path = preview.file(url)
    assert (path.relative_to(preview.folder).as_posix() if path else None) == found


def test_a_preview_page_gets_the_reload_script_with_its_build_number():
    assert with_reload("<html><body>正文</body></html>", 7) == \
        f'<html><body>正文<script src="{RELOAD_SCRIPT}" data-version="7"></script></body></html>'


@pytest.fixture
def served(archive, tmp_path):
    run(archive, "add", str(simple_report(tmp_path / "科技局总结.docx")))
    server = Served(archive).start()
    yield server
    server.stop()


def test_a_page_edited_on_disk_shows_in_the_preview_after_a_rebuild(served):
    page = served.archive / pages(served.archive)[0]
    version = served.request("GET", "/_preview/version")[1]["version"]
    page.write_text(page.read_text(encoding="utf-8").replace("全年共申报科技项目36项", "全年共申报科技项目40项"),
                    encoding="utf-8")
    served.preview_version(since=version)
    status, html = served.request("GET", "/reports/2023/kejiju-gongzuo-zongjie/")
    assert status == 200 and "全年共申报科技项目40项" in html
    assert f'<script src="{RELOAD_SCRIPT}" data-version="{version + 1}"></script>' in html


def test_a_failed_build_keeps_the_last_preview_and_the_desk_says_why(served):
    config = served.archive / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnav: [unclosed\n", encoding="utf-8")
    state = served.wait(lambda s: s["preview"]["error"], what="the failed preview build")
    assert state["preview"]["error"].startswith("网站生成失败：")
    status, html = served.request("GET", "/reports/2023/kejiju-gongzuo-zongjie/")
    assert status == 200 and "2023年区科技局工作总结" in html  # the last good preview


def test_when_the_first_build_fails_the_preview_says_why_and_waits_for_the_fix(archive):
    config = archive / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnav: [unclosed\n", encoding="utf-8")
    server = Served(archive)
    try:
        server.start(desk=False)
        state = server.wait(lambda s: s["preview"]["error"], what="the failed first build")
        status, html = server.request("GET", "/")
        assert status == 503 and "<h1>预览未能生成</h1>" in html
        assert escape(state["preview"]["error"]) in html
        assert f'<script src="{RELOAD_SCRIPT}" data-version="0"></script>' in html
    finally:
        server.stop()


def test_a_taken_address_is_one_line_before_anything_starts(served):
    result = subprocess.run([sys.executable, "-m", "converter", "serve", "--dev-addr", served.netloc],
                            cwd=served.archive, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == (f"预览启动失败：地址 {served.netloc} 已被占用或无效。"
                             f"请换一个端口，例如 --dev-addr 127.0.0.1:8001。\n")
    assert result.stdout == ""
