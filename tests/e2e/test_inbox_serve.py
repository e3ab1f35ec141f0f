"""The staff's preview: `archive serve` running, a report copied into inbox/, and the open browser shows
it within seconds without anyone pressing reload. A bad file gets its note instead."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import require
from docx_factory import simple_report
from format_files import saved_as
from pdf_factory import scanned

from .conftest import run_archive, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def served(tmp_path):
    """An empty archive previewed by `archive serve` in a subprocess: (archive, url, process)."""
    archive = tmp_path / "档案"
    run_archive("init", str(archive), cwd=tmp_path)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "converter", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=archive, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url, server)
        yield archive, url, server
    finally:
        server.send_signal(signal.SIGINT)  # what Ctrl+C does: the server shuts down cleanly
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_report_dropped_into_the_inbox_appears_in_the_open_browser(served, recorded_page, tmp_path):
    archive, url, server = served
    page = recorded_page.page
    page.goto(url)
    assert page.get_by_role("link", name="2023年", exact=True).count() == 0

    _copy_slowly(simple_report(tmp_path / "科技局 年度总结.docx"), archive / "inbox" / "科技局 年度总结.docx")

    page.get_by_role("link", name="2023年", exact=True).wait_for(timeout=30_000)  # livereload, no page.reload()
    page.get_by_role("link", name="2023年", exact=True).click()
    page.get_by_role("link", name="2023年区科技局工作总结").click()
    assert page.locator("article h1").first.inner_text().startswith("2023年区科技局工作总结")
    assert (archive / "inbox" / "已导入" / "科技局 年度总结.docx").is_file()
    assert recorded_page.external_requests() == []


def test_a_doc_and_a_scanned_pdf_dropped_into_the_inbox_appear_the_scan_with_its_notice(
        served, recorded_page, office_files, tmp_path):
    archive, url, _ = served
    require("tesseract", "tesseract-ocr tesseract-ocr-chi-sim")
    education = simple_report(tmp_path / "教育局.docx", title="2022年区教育局工作总结", issuer="区教育局",
                              date="2022年12月28日")
    scan = scanned(saved_as(education, "pdf", tmp_path), tmp_path / "教育局 扫描件.pdf")
    page = recorded_page.page
    page.goto(url)

    _copy_slowly(office_files["doc"], archive / "inbox" / "科技局 旧版总结.doc")
    _copy_slowly(scan, archive / "inbox" / "教育局 扫描件.pdf")

    page.get_by_role("link", name="2022年", exact=True).wait_for(timeout=180_000)  # LibreOffice, then OCR
    page.get_by_role("link", name="2023年", exact=True).click()
    page.get_by_role("link", name="2023年区科技局工作总结").click()
    page.get_by_role("heading", name="一、主要工作完成情况").wait_for()  # count() would not wait for the page
    assert page.get_by_role("heading", name="一、主要工作完成情况").count() == 1
    assert "原件为 .doc，此处提供转换后的 .docx" in page.locator(".archive-download").inner_text()
    assert page.locator(".archive-notice").count() == 0

    page.goto(url)
    page.get_by_role("link", name="2022年", exact=True).click()
    page.get_by_role("link", name="2022年区教育局工作总结").click()
    assert "正文由扫描件识别，可能有误，以原件为准" in page.locator(".archive-notice").inner_text()
    download = page.locator(".archive-download").get_by_role("link")
    assert download.get_attribute("download") == "2022年区教育局工作总结.pdf"
    serious = [v["id"] for v in run_axe(page, {"exclude": [[".archive-search-slot"]]})
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert sorted(p.name for p in (archive / "inbox" / "已导入").iterdir()) == ["教育局 扫描件.pdf", "科技局 旧版总结.doc"]
    assert recorded_page.external_requests() == []


def test_bad_file_dropped_into_the_inbox_gets_a_note_and_stays(served):
    archive, _, server = served
    (archive / "inbox" / "扫描件.pdf").write_bytes(b"%PDF-1.4\n")
    note = archive / "inbox" / "扫描件.pdf.错误.txt"
    deadline = time.monotonic() + 30
    while not note.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert note.read_text(encoding="utf-8").startswith("扫描件.pdf：PDF 文件已损坏，无法读取")
    assert (archive / "inbox" / "扫描件.pdf").exists()
    server.send_signal(signal.SIGINT)
    _, errors = server.communicate(timeout=20)
    assert "收件箱：扫描件.pdf：PDF 文件已损坏" in errors
    assert "Traceback" not in errors


def _copy_slowly(source: Path, target: Path) -> None:
    """Like a copy from a shared drive: the file grows over a couple of seconds."""
    data = source.read_bytes()
    with target.open("wb") as out:
        for start in range(0, len(data), len(data) // 5 + 1):
            out.write(data[start : start + len(data) // 5 + 1])
            out.flush()
            time.sleep(0.4)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"archive serve exited: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"archive serve did not answer at {url}")
