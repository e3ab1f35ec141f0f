"""The whole path staff take: init, add, build; then the public opens the site in Chromium."""
from __future__ import annotations

import pytest
from docx_factory import simple_report

from .conftest import run_archive

pytestmark = pytest.mark.browser


def test_init_add_build_serves_a_report_page_with_no_outside_request(tmp_path, serve, recorded_page):
    archive = tmp_path / "档案"
    run_archive("init", str(archive), cwd=tmp_path)
    report = simple_report(tmp_path / "科技局 总结.docx")
    run_archive("add", str(report), cwd=archive)
    run_archive("build", cwd=archive)

    url = serve(archive / "site")
    page = recorded_page.page
    page.goto(url)
    page.get_by_role("link", name="2023年").first.click()
    page.get_by_role("link", name="2023年区科技局工作总结").click()

    assert _heading_text(page, "h1") == "2023年区科技局工作总结"
    assert _heading_text(page, "h2") == "一、主要工作完成情况"
    assert recorded_page.external_requests() == []


def test_adding_the_same_file_twice_changes_nothing(tmp_path):
    archive = tmp_path / "a"
    run_archive("init", str(archive), cwd=tmp_path)
    report = simple_report(tmp_path / "r.docx")
    run_archive("add", str(report), cwd=archive)
    before = {p: p.read_bytes() for p in (archive / "docs").rglob("*") if p.is_file()}

    second = run_archive("add", str(report), cwd=archive)

    after = {p: p.read_bytes() for p in (archive / "docs").rglob("*") if p.is_file()}
    assert after == before
    assert "未变化" in second.stdout


def _heading_text(page, tag: str) -> str:
    """The first such heading's own text, without the ¶ permalink."""
    return page.locator(f"article {tag}").first.evaluate(
        "h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()")


def test_a_picture_in_a_report_is_shown_on_its_page(tmp_path, serve, recorded_page):
    from docx_factory import Para, Title, Xml, image_rel, para, picture, write_docx

    archive = tmp_path / "a"
    run_archive("init", str(archive), cwd=tmp_path)
    report = write_docx(tmp_path / "图.docx", [
        Title("2023年区科技局工作总结"), Para("一、主要工作"), Para("全年立项13项，走势如下图。"),
        Xml(lambda d: para(picture(image_rel(d), alt="立项数走势图"))), Para("区科技局", align="right")])
    run_archive("add", str(report), cwd=archive)
    run_archive("build", cwd=archive)

    page = recorded_page.page
    page.goto(serve(archive / "site") + "years/2023/")
    page.get_by_role("link", name="2023年区科技局工作总结").first.click()
    image = page.get_by_role("img", name="立项数走势图")
    assert image.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0  # waits for the load
    assert recorded_page.external_requests() == []
