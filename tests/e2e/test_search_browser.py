"""Search in the browser: the real header box of a built archive, the search page, its filters and URL,
lazy loading, and the JS engine checked against the Python reference on random substrings."""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from docx_factory import simple_report
from search_reference import SearchIndex

from converter.search import index as search_index
from converter.search import postings, shards
from converter.search.collect import write_index
from converter.search.index import IndexedReport, build_index, search_values
from converter.search.normalize import normalize, query_terms
from converter.search.page_text import page_text

from .conftest import DEMO_REPORTS, run_archive, run_axe

pytestmark = pytest.mark.browser
SEARCH_FILES = re.compile(r"/search/(meta\.json|[bikt]/)|/assets/archive-search/")
REPORTS = [
    ("2023年区科技局工作总结", "区科技局", "2023年12月28日", "全年申报科技项目36项，PM2.5平均浓度下降8.8%。"),
    ("2021年区农业农村局工作总结", "区农业农村局", "2021年12月20日", "推广5G智慧农业，科技特派员服务农户1200户。"),
    ("2019年区财政局工作总结", "区财政局", "2019年12月25日", "GDP增长6.1%，<img src=x onerror=alert(1)>一般公共预算收入稳步增长。"),
    ("2022年区科技局工作总结", "区科技局", "2022年12月26日", "科技特派员服务农户800户，新增高新技术企业9家。"),
]


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    """A small archive: the demo reports plus four generated ones from three bureaus and four years."""
    folder = tmp_path_factory.mktemp("search-archive")
    run_archive("init", str(folder / "a"), cwd=folder)
    inbox = folder / "inbox"
    for i, (title, issuer, date, body) in enumerate(REPORTS):
        simple_report(inbox / f"r{i}.docx", title=title, issuer=issuer, date=date, body=body)
    if DEMO_REPORTS.is_dir():
        for docx in DEMO_REPORTS.glob("*.docx"):
            shutil.copy(docx, inbox / docx.name)
    run_archive("add", str(inbox), cwd=folder / "a")
    run_archive("build", cwd=folder / "a")
    return folder / "a" / "site"


def report_texts(site: Path) -> dict[str, str]:
    """URL -> searchable text of every report page, taken from the built HTML."""
    texts = {}
    for page in sorted((site / "reports").rglob("index.html")):
        texts[page.parent.relative_to(site).as_posix() + "/"] = page_text(page.read_text(encoding="utf-8"))[0]
    return texts


def truth(texts: dict[str, str], query: str) -> set[str]:
    terms = query_terms(query)
    return {url for url, text in texts.items() if all(t in normalize(text) for t in terms)}


def open_report(recorded_page, serve, site):
    url = serve(site)
    first = sorted(report_texts(site))[0]
    recorded_page.page.goto(url + first)
    return url


def test_nothing_of_the_search_loads_until_the_box_is_used(search_site, serve, recorded_page):
    page = recorded_page.page
    open_report(recorded_page, serve, search_site)
    page.wait_for_load_state("networkidle")
    assert [u for u in recorded_page.requests if SEARCH_FILES.search(u)] == []

    with page.expect_request(lambda request: request.url.endswith("/search/meta.json")):
        page.locator("input.md-search__input").focus()  # the report table is fetched on focus
    page.wait_for_function("() => window.archiveSearch && window.archiveSearch.ready")
    assert any("/assets/archive-search/engine.js" in u for u in recorded_page.requests)
    page.wait_for_timeout(500)  # time for anything else the focus might fetch: the shards wait for a query
    assert [u.split("/search/")[1] for u in recorded_page.requests if "/search/" in u] == ["meta.json"]
    assert recorded_page.external_requests() == []


def test_typing_in_the_header_box_lists_the_matching_report_with_the_phrase_marked(search_site, serve, recorded_page):
    page = recorded_page.page
    open_report(recorded_page, serve, search_site)
    page.locator("input.md-search__input").fill("派员服务农户1200")

    status = page.locator("[data-archive-search-status]")
    page.wait_for_function("() => document.querySelector('[data-archive-search-status]').textContent.includes('找到')")
    assert status.inner_text() == "找到 1 篇报告"
    result = page.locator("#archive-search-list .archive-search__result").first
    assert result.locator(".archive-search__title").inner_text() == "2021年区农业农村局工作总结"
    result.locator("mark").first.wait_for()
    assert result.locator("mark").all_inner_texts() == ["派员服务农户1200"]
    assert recorded_page.external_requests() == []


def test_arrow_keys_walk_the_results_and_escape_goes_back_to_the_box(search_site, serve, recorded_page):
    page = recorded_page.page
    open_report(recorded_page, serve, search_site)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("科技特派员")
    page.locator("#archive-search-list a").first.wait_for()
    box.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('#archive-search-list') !== null")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")


def test_enter_opens_the_search_page_where_a_filter_narrows_and_a_result_opens(search_site, serve, recorded_page):
    page = recorded_page.page
    texts = report_texts(search_site)
    expected = truth(texts, "科技特派员")
    open_report(recorded_page, serve, search_site)
    box = page.locator("input.md-search__input")
    box.fill("科技特派员")
    box.press("Enter")

    page.wait_for_url(re.compile(r"/search/\?q="))
    status = page.locator(".archive-search__status")
    page.wait_for_function("() => /找到|没有/.test(document.querySelector('.archive-search__status')?.textContent || '')")
    assert status.inner_text() == f"找到 {len(expected)} 篇报告"
    assert len(expected) >= 3

    page.get_by_label(re.compile(r"^区科技局（\d+）$")).check()
    page.wait_for_function("() => document.querySelector('.archive-search__status').textContent.includes('已筛选')")
    assert page.evaluate("document.activeElement.value") == "区科技局"  # focus survives the re-render
    titles = page.locator(".archive-search__results .archive-search__title").all_inner_texts()
    reports = {r["url"]: r for r in SearchIndex(search_site / "search").reports}
    assert sorted(titles) == sorted(reports[u]["title"] for u in expected if reports[u]["issuer"] == "区科技局")
    assert "2022年区科技局工作总结" in titles and "2021年区农业农村局工作总结" not in titles
    assert "issuer=" in page.url

    page.locator(".archive-search__results a").first.click()
    page.wait_for_url(re.compile(r"/reports/"))
    assert page.locator("article h1").first.inner_text().startswith(titles[0])
    assert recorded_page.external_requests() == []


def test_a_shared_results_url_shows_the_same_results(search_site, serve, recorded_page):
    page = recorded_page.page
    url = serve(search_site)
    page.goto(url + "search/?q=" + "科技特派员" + "&year=2022-2023")
    page.wait_for_function("() => (document.querySelector('.archive-search__status')?.textContent || '').includes('已筛选')")
    shown = page.locator(".archive-search__results .archive-search__title").all_inner_texts()
    api = page.evaluate("archiveSearch.search('科技特派员', {filters: {year: [2022, 2023]}, limit: Infinity})"
                        ".then(r => r.results.map(x => x.title))")
    assert shown == api
    assert {t[:4] for t in shown} <= {"2022", "2023"} and shown
    assert page.locator("#archive-search-from").input_value() == "2022"

    page.locator("#archive-search-to").select_option("2022")
    page.wait_for_url(re.compile(r"year=2022-2022"))
    page.wait_for_function("() => [...document.querySelectorAll('.archive-search__results .archive-search__title')]"
                           ".every(t => t.textContent.startsWith('2022'))")
    assert page.locator(".archive-search__results .archive-search__title").count() >= 1


def test_the_engine_in_the_browser_finds_exactly_the_pages_containing_random_substrings(search_site, serve,
                                                                                          recorded_page):
    page = recorded_page.page
    texts = report_texts(search_site)
    reference = SearchIndex(search_site / "search")
    queries = _random_queries(texts, random.Random(20240601), 60) + ["PM2.5", "5G", "gdp", "ＧＤＰ增长", "科技 农户"]
    open_report(recorded_page, serve, search_site)
    answers = _engine_matches(page, queries)
    _assert_exact(answers, texts, reference)
    assert sum(1 for q in queries if answers[q]) >= len(queries) - 1


def test_a_search_file_that_failed_to_load_is_fetched_again_by_the_next_search(search_site, serve, recorded_page):
    page = recorded_page.page
    open_report(recorded_page, serve, search_site)
    failed = []

    def first_fails(route):
        if failed:
            route.continue_()
        else:
            failed.append(route.request.url)
            route.abort()
    page.route(re.compile(r"/search/i/"), first_fails)
    assert page.evaluate("archiveSearch.search('科技特派员').then(() => 'answered', () => 'failed')") == "failed"
    assert failed
    urls = page.evaluate("archiveSearch.search('科技特派员', {limit: Infinity}).then(r => r.results.map(x => x.url))")
    assert set(urls) == truth(report_texts(search_site), "科技特派员") and urls


def test_the_engine_answers_exactly_from_trigrams_and_per_report_entries_of_wide_bigrams(
        search_site, serve, recorded_page, tmp_path, monkeypatch):
    """The small archive's index made again with every bigram of more than 6 bytes of positions wide, as
    the commonest are in a large archive: two-character terms come from per report entries, longer ones
    from trigrams. Terms that begin or end with a wide bigram included. Entries over 30 bytes get files of
    their own, found through the lists of big keys."""
    site = tmp_path / "site"
    shutil.copytree(search_site, site)
    texts = report_texts(site)
    monkeypatch.setattr(postings, "WIDE_BYTES", 6)
    monkeypatch.setattr(shards, "BIG_BYTES", 30)
    monkeypatch.setattr(search_index, "BIG_LIST_KEYS", 16)
    files = build_index([IndexedReport(url=url, text=text, fields=search_values({}, url)) for url, text in texts.items()])
    for folder in "ibk":
        shutil.rmtree(site / "search" / folder, ignore_errors=True)
    write_index(site / "search", files)
    reference = SearchIndex(site / "search")
    wide = sorted(reference.wide)
    assert len(wide) > 20 and reference.meta["big_lists"] > 1
    rng = random.Random(7)
    queries = _random_queries(texts, rng, 40) + wide[:10] + ["科技特派员", "科技 农户", "工作总结"]
    queries += [q for q in _random_queries(texts, rng, 400) if q[:2] in reference.wide or q[-2:] in reference.wide][:30]
    page = recorded_page.page
    page.goto(serve(site) + sorted(texts)[0])
    answers = _engine_matches(page, queries)
    _assert_exact(answers, texts, reference)


def _engine_matches(page, queries: list[str]) -> dict[str, dict[str, int]]:
    """Query -> {URL: matches} of every result, from the engine in the page."""
    return page.evaluate(
        "async qs => { const out = {}; for (const q of qs) {"
        " const r = await archiveSearch.search(q, {limit: Infinity, excerpts: 0});"
        " out[q] = Object.fromEntries(r.results.map(x => [x.url, x.matches])); } return out; }", queries)


def _assert_exact(answers: dict, texts: dict[str, str], reference: SearchIndex) -> None:
    for query, found in answers.items():
        assert set(found) == truth(texts, query), query
        assert found == reference.matches(query), query


def _random_queries(texts: dict[str, str], rng: random.Random, n: int) -> list[str]:
    out = []
    pages = sorted(texts)
    while len(out) < n:
        text = texts[rng.choice(pages)]
        start = rng.randrange(max(1, len(text) - 8))
        query = text[start : start + rng.randint(1, 7)]
        if query.strip() == query and query and not re.search(r"\s", query):
            out.append(query)
    return out


def test_the_search_page_and_header_results_pass_an_accessibility_scan(search_site, serve, recorded_page):
    page = recorded_page.page
    url = serve(search_site)
    page.goto(url + "search/?q=科技特派员")
    page.locator(".archive-search__results mark").first.wait_for()
    page.locator("input.md-search__input").fill("科技特派员")
    page.locator("#archive-search-list mark").first.wait_for()
    # the header's results fade in: contrast is for the finished page, not a frame of the transition
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    violations = run_axe(page, {"include": [["#archive-search-page"], ["[data-archive-search]"]]},
                         {"runOnly": ["wcag2a", "wcag2aa"]})
    assert [f"{v['id']}: {len(v['nodes'])}" for v in violations] == []


def test_report_text_that_looks_like_markup_is_shown_as_text_in_results(search_site, serve, recorded_page):
    page = recorded_page.page
    open_report(recorded_page, serve, search_site)
    result = page.evaluate("archiveSearch.search('onerror=alert').then(r => r.results[0].excerpt)")
    assert "&lt;img src=x <mark>onerror=alert</mark>(1)&gt;" in result and "<img" not in result
    page.locator("input.md-search__input").fill("onerror=alert")
    page.locator("#archive-search-list mark").first.wait_for()
    assert page.locator("#archive-search-list img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.locator("#archive-search-list .archive-search__excerpt").inner_text()
