"""What a 政务公开 reader does, in the real built site in Chromium: search by a 文号, by a 成文日期 range,
in each sort order; a result opening its report at the first match, marked; the year chart agreeing with
the results; printing to PDF; 长者模式 (AAA contrast, kept across pages); a keyboard-only walk; 朗读."""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from docx_factory import Para, Title, write_docx
from pypdf import PdfReader

from converter.data.frontmatter import split_page
from converter.search.normalize import normalize

from .conftest import run_archive, run_axe

pytestmark = pytest.mark.browser
TERM = "科技特派员"
# (year, issuer, 成文日期, 文号 in the head or "", how often the body names TERM)
REPORTS = [
    (2019, "区科技局", "2019年3月15日", "明科发〔2019〕3号", 1),
    (2020, "区科技局", "2020年12月20日", "", 2),
    (2021, "区农业农村局", "2021年6月30日", "明农发[2021]12号", 1),
    (2021, "区科技局", "2021年12月28日", "", 3),
    (2022, "区科技局", "2022年1月10日", "", 1),
    (2023, "区财政局", "2023年12月25日", "", 0),
    (2023, "区科技局", "2023年8月8日", "", 2),
]


def write_report(path: Path, year: int, issuer: str, date: str, number: str, times: int) -> None:
    head = [Para(f"{issuer}文件", align="center"), Para(number, align="center")] if number else []
    body = "".join(f"全年选派{TERM}{10 + n}名，服务农户{100 + n}户。" for n in range(times)) or "全年完成审计项目20个。"
    write_docx(path, [*head, Title(f"{year}年{issuer}工作总结"),
                      Para(f"{year}年，我局扎实推进各项工作，取得明显成效。", indent="\u3000\u3000"),
                      Para("一、主要工作", font="黑体"), Para(body, indent="\u3000\u3000"),
                      Para(f"另据明科发〔2018〕9号文件，开展{TERM}工作。" if not times else "工作有序推进。"),
                      Para(issuer, align="right"), Para(date, align="right")])


@pytest.fixture(scope="module")
def portal_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("portal")
    run_archive("init", str(folder / "a"), cwd=folder)
    for n, report in enumerate(REPORTS):
        write_report(folder / "inbox" / f"r{n}.docx", *report)
    run_archive("add", str(folder / "inbox"), cwd=folder / "a")
    run_archive("build", cwd=folder / "a")
    return folder / "a"


def pages(archive: Path) -> dict[str, dict]:
    return {f"reports/{p.parent.name}/{p.stem}/": split_page(p.read_text(encoding="utf-8"))[0]
            for p in sorted((archive / "docs" / "reports").glob("*/*.md"))}


@pytest.fixture
def site(portal_site, serve, recorded_page):
    url = serve(portal_site / "site")
    errors = []
    recorded_page.page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield recorded_page.page, url, pages(portal_site)
    assert [e for e in errors if "Content Security Policy" in e] == []
    assert recorded_page.external_requests() == []


def search_page(page, url: str, query: str):
    page.goto(url + "search/?" + query)
    page.wait_for_function("() => /找到|没有找到/.test(document.querySelector('.archive-search__status').textContent)")
    page.wait_for_function("() => document.querySelector('#archive-search-page .archive-search__results').getAttribute('aria-busy') === 'false'"
                           " || /没有找到/.test(document.querySelector('.archive-search__status').textContent)")


def result_urls(page, url: str) -> list[str]:
    hrefs = page.locator("#archive-search-page .archive-search__results a.archive-search__link").evaluate_all("as => as.map(a => a.href)")
    return [h.removeprefix(url).split("?")[0] for h in hrefs]


def test_a_doc_number_in_another_bracket_form_finds_its_report_first(site):
    page, url, data = site
    numbered = next(u for u, d in data.items() if d.get("doc_number") == "明科发〔2019〕3号")
    search_page(page, url, "q=" + "明科发[2019]3号")
    assert result_urls(page, url)[0] == numbered
    found = page.evaluate("() => window.archiveSearch.search('明农发〔2021〕12号', {limit: Infinity})")
    assert found["results"][0]["doc_number"] == "明农发[2021]12号"


def test_a_date_range_by_month_keeps_exactly_the_reports_dated_in_it(site):
    page, url, data = site
    search_page(page, url, f"q={TERM}&from=2021-06&to=2022-01")
    truth = {u for u, d in data.items() if "2021-06" <= d["date"][:7] <= "2022-01"}
    assert len(truth) == 3 and set(result_urls(page, url)) == truth
    assert page.locator("#archive-search-date-from").input_value() == "2021"


@pytest.mark.parametrize("sort, order", [("newest", -1), ("oldest", 1)])
def test_results_sorted_by_date_come_in_date_order(site, sort, order):
    page, url, data = site
    search_page(page, url, f"q={TERM}&sort={sort}")
    dates = [data[u]["date"] for u in result_urls(page, url)]
    assert len(dates) == 7 and dates == sorted(dates, reverse=order < 0)
    assert page.locator("#archive-search-sort").input_value() == sort


def test_sorted_by_relevance_the_most_matches_come_first(site):
    page, url, data = site
    search_page(page, url, f"q={TERM}")
    first = data[result_urls(page, url)[0]]
    assert (first["year"], first["issuer"]) == (2021, "区科技局")  # three matches, more than any other


def test_the_year_chart_counts_equal_the_results_of_each_year(site):
    page, url, _ = site
    search_page(page, url, f"q={TERM}")
    bars = page.locator(".archive-trend__bar:not([disabled])")
    years = {b.get_attribute("data-year"): int(b.get_attribute("data-reports")) for b in bars.all()}
    assert years == {"2019": 1, "2020": 1, "2021": 2, "2022": 1, "2023": 2}
    table = page.locator(".archive-trend__table tbody tr").evaluate_all(
        "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent, r.cells[2].textContent])")
    assert [(y.removesuffix(" 年"), int(n)) for y, n, _ in table if n != "0"] == sorted(years.items())
    assert dict((y.removesuffix(" 年"), int(m)) for y, _, m in table)["2021"] == 4  # matches: 1 + 3
    for year, count in years.items():
        page.locator(f'.archive-trend__bar[data-year="{year}"]').click()
        page.wait_for_function(f"() => location.search.includes('year={year}-{year}')")
        page.wait_for_function("() => document.querySelector('#archive-search-page .archive-search__results').getAttribute('aria-busy') === 'false'")
        assert page.locator("#archive-search-page .archive-search__result").count() == count
        assert page.locator(".archive-search__status").text_content().startswith(f"找到 {count} 篇")


def test_a_result_opens_its_report_at_the_first_match_marked_and_the_marks_can_be_cleared(site):
    page, url, _ = site
    search_page(page, url, f"q={TERM} 农户")
    page.locator("#archive-search-page .archive-search__results a.archive-search__link").first.click()
    page.wait_for_selector("mark.archive-hl")
    first = page.locator("mark.archive-hl").first
    assert normalize(first.text_content()) in (normalize(TERM), "农户")
    assert page.evaluate("() => document.querySelectorAll('mark.archive-hl')[0].classList.contains('archive-hl--current')")
    box = first.bounding_box()
    assert 0 <= box["y"] <= page.viewport_size["height"]
    assert page.locator(".archive-hl-bar [role=status]").text_content().startswith(f"“{TERM} 农户”：第 1 处")
    page.get_by_role("button", name="清除标记").click()
    assert page.locator("mark.archive-hl").count() == 0 and "hl=" not in page.url


def test_printing_gives_paper_without_navigation_and_with_the_index_number(site):
    page, url, data = site
    report = next(iter(data))
    page.goto(url + report)
    page.wait_for_selector(".archive-tools:not([hidden])")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    texts = [unicodedata.normalize("NFKC", p.extract_text()) for p in pdf.pages]  # fonts map 工 to ⼯ (U+2F2F)
    text = re.sub(r"\s+", "", "".join(texts))
    assert data[report]["title"] in text
    assert data[report]["index_number"] in text and "打印日期" in text
    for chrome in ("按年度浏览", "按主题浏览", "搜索报告全文", "长者模式", "朗读", "下载原件", "标准大特大", "相关报告"):
        assert chrome not in text, chrome
    assert all("索引号" in t for t in texts)  # in the footer of every page


def test_elder_mode_is_one_switch_kept_across_pages_and_passes_aaa_contrast(site):
    page, url, data = site
    page.goto(url + next(iter(data)))
    page.get_by_role("button", name="长者模式").click()
    assert page.evaluate("() => document.documentElement.hasAttribute('data-archive-elder')")
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert size >= 23  # 特大: .8rem (16 px) × 1.45
    for target in ("", f"search/?q={TERM}"):
        page.goto(url + target if target else url + next(iter(data)))
        if target:
            page.wait_for_selector(".archive-trend__bar")
        assert page.evaluate("() => document.documentElement.hasAttribute('data-archive-elder')")
        for scheme in ("default", "slate"):
            page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            page.wait_for_timeout(500)  # Material's colour transitions (links: 125 ms) end before the scan
            violations = run_axe(page, {"exclude": [[".md-search__output"]]},
                                 {"runOnly": {"type": "rule", "values": ["color-contrast-enhanced", "color-contrast",
                                                                          "link-in-text-block", "target-size"]}})
            assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == [], (target, scheme)
    page.get_by_role("button", name="长者模式").click()
    page.reload()
    assert not page.evaluate("() => document.documentElement.hasAttribute('data-archive-elder')")


def focus_walk(page, presses: int) -> list[dict]:
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return {tag: e.tagName, text: (e.textContent || '').trim().slice(0, 20), id: e.id, name: e.name || '',
                    cls: e.className && e.className.baseVal === undefined ? e.className : '',
                    href: e.getAttribute('href') || '',
                    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'};
        }"""))
    return seen


def test_a_keyboard_only_walk_reaches_search_filters_results_download_and_read_aloud(site):
    page, url, data = site
    page.goto(url + f"search/?q={TERM}")
    page.wait_for_selector(".archive-trend__bar")
    page.get_by_role("button", name="长者模式").click()
    walk = focus_walk(page, 70)
    assert any(f["id"] == "archive-search-q" for f in walk)
    assert any(f["id"] == "archive-search-from" for f in walk) and any(f["id"] == "archive-search-date-from" for f in walk)
    assert any(f["id"] == "archive-search-sort" for f in walk)
    assert any(f["tag"] == "INPUT" and f["name"] == "issuer" for f in walk)
    assert any("archive-trend__bar" in f["cls"] for f in walk)
    assert any("archive-search__link" in f["cls"] for f in walk)
    assert all(f["ring"] for f in walk if f["tag"] in ("A", "BUTTON", "INPUT", "SELECT")), [f for f in walk if not f["ring"]]
    page.goto(url + next(iter(data)))
    walk = focus_walk(page, 60)
    assert any(f["text"] == "朗读" for f in walk) and any(f["text"] == "打印" for f in walk)
    assert any(f["href"].endswith(".docx") for f in walk)
    assert all(f["ring"] for f in walk if f["tag"] in ("A", "BUTTON")), [f for f in walk if not f["ring"]]


def test_read_aloud_says_so_when_the_browser_has_no_chinese_voice(site):
    page, url, data = site
    page.goto(url + next(iter(data)))
    has_voice = page.evaluate("() => speechSynthesis.getVoices().some(v => /^zh/i.test(v.lang))")
    page.get_by_role("button", name="朗读").click()
    note = page.locator(".archive-tool-note").text_content()
    if has_voice:
        assert note == "正在朗读全文。"
        page.get_by_role("button", name="停止朗读").click()
    else:
        assert "没有中文朗读语音" in note
