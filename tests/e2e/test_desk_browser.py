"""The review desk in Chromium, served by the real `archive serve`: staff drop three files, review and
correct one, decide about another, publish, and import again; by mouse, by keyboard, on a phone."""
from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from archive_helpers import pages, tree
from desk_helpers import Served, three_files

from converter.data.frontmatter import split_page

from .conftest import run_archive, run_axe

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("ARCHIVE_SCREENSHOTS")
NEW_ISSUER = "明湖区科学技术局"


@pytest.fixture
def desk(tmp_path):
    archive = tmp_path / "档案"
    run_archive("init", str(archive), cwd=tmp_path)
    server = Served(archive).start()
    yield server
    _, errors = server.stop()
    assert "Traceback" not in errors


@pytest.fixture
def tab(browser):
    """A browser tab that fails the test on any script error or request leaving 127.0.0.1."""
    contexts = []

    def open_tab(width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("dialog", lambda dialog: page.errors.append(f"dialog: {dialog.message}"))
        page.on("request", lambda request: request.url.startswith(("http://127.0.0.1", "data:"))
                or page.errors.append(f"request: {request.url}"))
        return page

    yield open_tab
    for context in contexts:
        context.close()


def drop(page, *files: Path) -> None:
    """Drag files onto the drop zone, as staff do from their file manager."""
    payload = [{"name": f.name, "data": base64.b64encode(f.read_bytes()).decode()} for f in files]
    page.evaluate("""files => {
        const transfer = new DataTransfer();
        for (const f of files) {
            const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
            transfer.items.add(new File([bytes], f.name));
        }
        const zone = document.getElementById("drop");
        for (const kind of ["dragenter", "dragover", "drop"]) {
            zone.dispatchEvent(new DragEvent(kind, {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }
    }""", payload)


def serious(page) -> list:
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in run_axe(page)
            if v["impact"] in ("serious", "critical")]


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def front_matter(archive: Path) -> dict:
    return split_page((archive / pages(archive)[0]).read_text(encoding="utf-8"))[0]


def test_dropped_files_are_reviewed_corrected_decided_published_and_imported_again(desk, tab, tmp_path):
    files, page = three_files(tmp_path), tab()
    page.goto(desk.url + "_desk/")
    drop(page, files["good"], files["personal"], files["corrupt"])
    items = page.locator("#list li")
    items.nth(2).wait_for(timeout=90_000)
    page.locator("#uploads a").nth(2).wait_for(timeout=90_000)
    shown = {items.nth(n).locator(".title").inner_text(): items.nth(n) for n in range(3)}
    assert shown["2023年区科技局工作总结"].locator(".badge").first.inner_text() == "待核对"
    refused = shown["损坏的报告.docx"]
    assert refused.locator(".badge").inner_text() == "未能导入"
    assert refused.locator(".message").inner_text().startswith("损坏的报告.docx：文件已损坏，无法读取")
    deciding = shown["信访工作总结.docx"]
    assert deciding.locator(".badge").inner_text() == "需要决定"
    assert "含个人信息" in deciding.locator(".message").inner_text()
    assert serious(page) == [] and fits(page)
    shot(page, "desk-home-1280")

    before = front_matter(desk.archive)
    _correct_issuer_and_year(page, desk)
    after = front_matter(desk.archive)
    assert {k for k in after if after[k] != before.get(k)} == {"issuer", "year", "sources"}
    assert {k: v for k, v in after["sources"].items() if v != before["sources"].get(k)} == {"issuer": "staff",
                                                                                              "year": "staff"}
    assert (after["issuer"], after["year"]) == (NEW_ISSUER, 2022)

    _decide_with_a_reason(page)
    _publish(page, desk)

    drop(page, files["good"])  # the same file again
    page.get_by_text("未变化，已跳过：核对").wait_for(timeout=90_000)
    assert front_matter(desk.archive) == after
    assert page.errors == []


def _correct_issuer_and_year(page, desk) -> None:
    page.get_by_role("link", name="2023年区科技局工作总结").click()
    page.get_by_role("heading", name="核对与更正").wait_for()
    assert page.locator("#f-issuer-source").inner_text().startswith("来源：落款")
    assert serious(page) == []
    shot(page, "desk-report-1280")
    page.get_by_label("发文机关（必填）").fill(NEW_ISSUER)
    page.get_by_label("年度（必填）").fill("2022")
    version = desk.request("GET", "/_preview/version")[1]["version"]
    page.get_by_role("button", name="保存更正").click()
    page.get_by_text("已保存，预览正在更新。").wait_for()
    desk.preview_version(since=version)
    frame = page.frame_locator("iframe")
    frame.locator("article").get_by_text(NEW_ISSUER).first.wait_for(timeout=60_000)  # reloaded by itself
    assert frame.locator("article").get_by_text("2022年", exact=True).count() >= 1


def _decide_with_a_reason(page) -> None:
    page.get_by_role("link", name="返回列表").click()
    page.get_by_role("link", name="信访工作总结.docx").click()
    page.get_by_role("heading", name="您的决定").wait_for()
    assert serious(page) == []
    shot(page, "desk-decision-1280")
    page.get_by_label("公开理由").fill("当事人书面同意公开")
    page.get_by_role("button", name="记录理由并导入").click()
    page.get_by_role("link", name="2023年区信访局工作总结").wait_for(timeout=90_000)


def _publish(page, desk) -> None:
    page.get_by_role("button", name="检查并发布").click()
    page.get_by_text("发布完成").wait_for(timeout=180_000)
    assert serious(page) == []
    shot(page, "desk-published-1280")
    site = tree(desk.archive / "site")
    report = next(text.decode() for name, text in site.items() if name.endswith("kejiju-gongzuo-zongjie/index.html"))
    assert NEW_ISSUER in report
    assert any(name.endswith("xinfangju-gongzuo-zongjie/index.html") for name in site)
    page.locator("#filters button", has_text="已发布").click()
    assert page.locator("#list li").count() == 2


def test_a_wrong_value_typed_in_the_form_shows_the_line_archive_check_prints_and_nothing_is_written(desk, tab, tmp_path):
    run_archive("add", str(three_files(tmp_path)["good"]), cwd=desk.archive)
    page = tab()
    page.goto(desk.url + "_desk/")
    page.get_by_role("link", name="2023年区科技局工作总结").click()
    before = (desk.archive / pages(desk.archive)[0]).read_bytes()
    page.get_by_label("年度（必填）").fill("1800")
    page.get_by_label("发文机关（必填）").fill("")
    page.get_by_role("button", name="保存更正").click()
    page.locator("#f-year-problem").wait_for()
    assert page.evaluate("document.activeElement.id") == "f-year"
    assert page.get_by_label("年度（必填）").get_attribute("aria-invalid") == "true"
    assert serious(page) == []
    shown = [page.locator("#f-year-problem").inner_text(), page.locator("#f-issuer-problem").inner_text()]
    assert (desk.archive / pages(desk.archive)[0]).read_bytes() == before

    data, body = split_page(before.decode("utf-8"))
    (desk.archive / pages(desk.archive)[0]).write_text(
        before.decode("utf-8").replace("year: 2023\n", "year: 1800\n").replace("issuer: 区科技局\n", "issuer: ''\n"),
        encoding="utf-8")
    check = run_archive("check", cwd=desk.archive, check=False)
    assert sorted(shown) == sorted(line for line in check.stderr.splitlines() if "（year）" in line or "（issuer）" in line)


def test_a_second_tab_saving_an_older_form_is_refused_and_the_first_save_is_kept(desk, tab, tmp_path):
    run_archive("add", str(three_files(tmp_path)["good"]), cwd=desk.archive)
    first, second = tab(), tab()
    for page in (first, second):
        page.goto(desk.url + "_desk/")
        page.get_by_role("link", name="2023年区科技局工作总结").click()
        page.get_by_label("发文机关（必填）").wait_for()
    first.get_by_label("发文机关（必填）").fill("区教育局")
    first.get_by_role("button", name="保存更正").click()
    first.get_by_text("已保存，预览正在更新。").wait_for()
    second.get_by_label("发文机关（必填）").fill("区财政局")
    second.get_by_role("button", name="保存更正").click()
    second.get_by_text("在您打开后已被修改").wait_for()
    assert front_matter(desk.archive)["issuer"] == "区教育局"


def test_a_file_named_like_a_script_is_refused_as_plain_text(desk, tab, tmp_path):
    hostile = tmp_path / "<img src=x onerror=alert(1)>.docx"
    hostile.write_bytes(three_files(tmp_path)["good"].read_bytes())
    page = tab()
    page.goto(desk.url + "_desk/")
    before = tree(desk.archive)
    drop(page, hostile)
    refusal = page.locator("#uploads li.failed .upload-state")
    refusal.wait_for()
    assert refusal.inner_text().endswith("请把文件改名后重新上传。")
    assert page.locator("#uploads img").count() == 0
    assert page.errors == []
    assert {k: v for k, v in tree(desk.archive).items() if not k.startswith(".archive/")} == \
        {k: v for k, v in before.items() if not k.startswith(".archive/")}


def test_the_desk_works_by_keyboard_alone(desk, tab, tmp_path):
    files, page = three_files(tmp_path), tab()
    # Playwright turns on file-chooser interception without waiting for it: listening from the start makes
    # sure it is on before Enter (1 run in 5 missed the chooser when `expect_file_chooser` turned it on).
    page.on("filechooser", lambda chooser: None)
    page.goto(desk.url + "_desk/")
    _tab_until(page, "document.activeElement.id === 'files'")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files([str(files["good"])])
    page.locator("#list li").first.wait_for(timeout=90_000)
    _tab_until(page, "document.activeElement.textContent === '2023年区科技局工作总结'")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.tagName === 'H1'")
    _tab_until(page, "document.activeElement.id === 'f-issuer'")
    page.keyboard.press("Control+A")
    page.keyboard.type(NEW_ISSUER)
    _tab_until(page, "document.activeElement.textContent === '保存更正'")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'save-message'")
    assert front_matter(desk.archive)["issuer"] == NEW_ISSUER
    _tab_until(page, "document.activeElement.textContent === '返回列表'", backwards=True)
    page.keyboard.press("Enter")
    _tab_until(page, "document.activeElement.textContent === '检查并发布'")
    page.keyboard.press("Enter")
    page.get_by_text("发布完成").wait_for(timeout=180_000)


def _tab_until(page, condition: str, backwards: bool = False, presses: int = 80) -> None:
    for _ in range(presses):
        if page.evaluate(condition):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"not reached by keyboard: {condition}")


def test_every_desk_screen_fits_a_phone_and_passes_axe(desk, tab, tmp_path):
    files, page = three_files(tmp_path), tab(375)
    page.goto(desk.url + "_desk/")
    drop(page, files["good"], files["corrupt"], files["personal"])
    page.locator("#list li").nth(2).wait_for(timeout=90_000)
    assert fits(page) and serious(page) == []
    shot(page, "desk-home-375")
    screens = {"损坏的报告.docx": "refused", "信访工作总结.docx": "decision", "2023年区科技局工作总结": "report"}
    for name, screen in screens.items():
        page.get_by_role("link", name=name).click()
        page.locator("#detail h1").wait_for()
        page.wait_for_timeout(500)
        assert fits(page) and serious(page) == [], name
        shot(page, f"desk-{screen}-375")
        page.get_by_role("link", name="返回列表").click()
    for filter_name in ("待核对", "有提示", "已发布", "未能导入"):
        page.locator("#filters button", has_text=filter_name).click()
        assert serious(page) == [], filter_name
