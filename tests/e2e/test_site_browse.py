"""The public archive in headless Chromium: browsing by year and topic, the report page, accessibility,
font size, print, and layout at phone and desktop widths."""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path

import pytest

from .conftest import run_axe
from .site_archive import HOSTILE, build_archive, front_matter

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("ARCHIVE_SCREENSHOTS")  # a folder to keep the screenshots in, for looking at


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return build_archive(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def reports(archive):
    return front_matter(archive)


@pytest.fixture(scope="module")
def url(archive, serve) -> str:
    return serve(archive / "site")


def the_report(reports, title: str) -> str:
    return next(path for path, meta in reports.items() if meta.title == title)


def test_home_lists_every_year_with_the_number_of_its_reports(recorded_page, url, reports):
    page = recorded_page.page
    page.goto(url)
    shown = page.locator("#years ~ ul.archive-names").first.locator("li").evaluate_all(
        "items => items.map(li => [li.querySelector('a').textContent, li.querySelector('.archive-count').textContent])")
    expected = Counter(meta.year for meta in reports.values())
    assert shown == [[f"{year}年", f"{count} 篇"] for year, count in sorted(expected.items(), reverse=True)]
    assert recorded_page.external_requests() == []


def test_a_year_page_lists_its_reports(recorded_page, url, reports):
    page = recorded_page.page
    page.goto(url)
    page.locator("ul.archive-names").first.get_by_role("link", name="2023年").click()
    page.wait_for_url("**/years/2023/")
    listed = page.locator("article ul.archive-list > li > a").all_text_contents()
    assert sorted(listed) == sorted(meta.title for meta in reports.values() if meta.year == 2023)
    assert page.locator("nav.archive-crumbs").inner_text().split("\n")[-1].strip().endswith("2023年")


def test_a_topic_page_links_into_sections_of_several_years_and_the_sections_exist(recorded_page, url, reports):
    page = recorded_page.page
    page.goto(url + "topics/")
    page.get_by_role("link", name="科技、教育").click()
    page.wait_for_url("**/topics/keji-jiaoyu/")
    links = page.locator("ul.archive-sections a").evaluate_all("links => links.map(a => a.href)")
    years = {link.split("/reports/")[1][:4] for link in links}
    assert len(years) >= 3, links
    for link in links:
        page.goto(link)
        anchor = link.split("#")[1]
        assert page.locator(f"[data-search-body] [id='{anchor}']").count() == 1, link
    assert recorded_page.external_requests() == []


def test_a_report_page_shows_its_metadata_and_serves_the_original_with_the_sha256_shown(
        recorded_page, url, reports, archive):
    path = the_report(reports, "2023年区科技局工作总结")
    meta, page = reports[path], recorded_page.page
    page.goto(url + path)
    card = page.locator("dl.archive-card").inner_text()
    for text in ("区科技局", "2023年", "工作总结", "2023年12月28日"):
        assert text in card
    shown = page.locator("code[data-sha256]").inner_text()
    download = page.locator(".archive-download a[download]")
    served = page.request.get(download.evaluate("a => a.href")).body()
    assert hashlib.sha256(served).hexdigest() == shown
    original = archive / "docs" / path.rstrip("/")
    # What is served is the published (sanitized) copy beside the page; its own SHA-256 is the one shown.
    assert served == original.with_suffix(".docx").read_bytes() and meta.download.sha256 == shown
    assert recorded_page.external_requests() == []


def test_a_report_page_links_the_same_issuers_other_years_and_its_plan(recorded_page, url, reports):
    page = recorded_page.page
    page.goto(url + the_report(reports, "2023年区科技局工作总结"))
    related = page.locator(".archive-related li").all_inner_texts()
    assert related == ["上一年度：2022年区科技局工作总结", "同年工作计划：2023年区科技局工作计划"]
    page.get_by_role("link", name="2023年区科技局工作计划").click()
    page.wait_for_url("**/*gongzuo-jihua/")
    assert "同年工作总结：2023年区科技局工作总结" in page.locator(".archive-related").inner_text()


def test_the_search_body_holds_the_title_the_card_and_the_text_and_nothing_else(recorded_page, url, reports):
    page = recorded_page.page
    page.goto(url + the_report(reports, "2023年区科技局工作总结"))
    body = page.locator("[data-search-body]")
    assert body.count() == 1
    text = body.evaluate("e => e.textContent").strip()
    assert text.startswith("2023年区科技局工作总结") and "发文机关" in text and "全年共申报科技项目36项" in text
    for furniture in ("下载原件", "如何引用", "相关报告", "按年度浏览", "¶", "目录"):
        assert furniture not in text


def test_the_first_tab_offers_a_skip_link_to_the_report_title(recorded_page, url, reports):
    page = recorded_page.page
    page.goto(url + the_report(reports, "2023年区科技局工作总结"))
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.hash]")
    assert skip[0] == "跳转至"
    assert page.locator(f"[data-search-body] h1[id='{skip[1][1:]}']").count() == 1


def test_a_title_with_markup_is_shown_as_text(recorded_page, url, reports):
    page = recorded_page.page
    page.goto(url + the_report(reports, f"2024年{HOSTILE}工作总结"))
    assert HOSTILE in page.locator("h1").inner_text()
    assert page.locator("img[src=x]").count() == 0


def test_the_font_size_chosen_is_kept_across_pages(recorded_page, url):
    page = recorded_page.page
    page.goto(url)
    normal = page.locator("article").evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
    page.get_by_role("button", name="特大").click()
    page.goto(url + "years/")
    assert page.get_by_role("button", name="特大").get_attribute("aria-pressed") == "true"
    larger = page.locator("article").evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
    assert larger == pytest.approx(normal * 1.45, rel=0.02)


def test_printing_hides_the_site_and_sets_the_report_like_paper(recorded_page, url, reports):
    page = recorded_page.page
    page.goto(url + the_report(reports, "2023年区科技局工作总结"))
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.archive-card', '.archive-download']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none"] * 4
    body_font = page.locator(".archive-report > p").first.evaluate("p => getComputedStyle(p).fontFamily")
    heading_font = page.locator(".archive-report > h2").first.evaluate("h => getComputedStyle(h).fontFamily")
    assert body_font.startswith("FangSong") and heading_font.startswith("SimHei")


PAGES = {
    "home": "", "year": "years/2023/", "topic": "topics/keji-jiaoyu/", "issuer": "issuers/qukejiju/",
    "type": "types/gongzuo-zongjie/",
}


@pytest.mark.parametrize("name", [*PAGES, "report", "report in dark mode"])
def test_axe_finds_no_serious_or_critical_violation(recorded_page, url, reports, name):
    page = recorded_page.page
    page.emulate_media(color_scheme="dark" if "dark" in name else "light")
    page.goto(url + (PAGES.get(name) or the_report(reports, "2023年区科技局工作总结")))
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    # The search box in the header slot belongs to the search plugin, whose own tests scan it.
    violations = run_axe(page, {"exclude": [[".archive-search-slot"]]})
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("width", [375, 1280])
def test_home_topic_and_report_pages_fit_the_screen(browser, url, reports, width, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    shots = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    for name, path in (("home", ""), ("topic", PAGES["topic"]),
                       ("report", the_report(reports, "2023年区科技局工作总结"))):
        page.goto(url + path)
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width}px"
    context.close()
