"""The searchable text of a page is the text the search-eval harness takes as ground truth."""
from __future__ import annotations

import sys

import pytest

from converter.search.page_text import page_text


def test_the_marked_search_body_wins_over_the_article():
    html = ("<html><body><article><p>导航</p><div data-search-body><h1>标题</h1><p>正文</p></div></article>"
            "</body></html>")
    assert page_text(html) == ("标题\n正文", True)


def test_without_a_marked_body_the_article_is_used():
    html = "<html><body><nav>菜单</nav><article><h1>标题</h1><p>第一段</p></article></body></html>"
    assert page_text(html) == ("标题\n第一段", False)


def test_scripts_ignored_parts_and_permalinks_are_skipped_but_still_break_lines():
    html = ('<article><h2>一、总体<a class="headerlink" href="#s1">¶</a></h2><p>科技<script>var x="特派";</script>'
            '特派员</p><p>甲<span data-pagefind-ignore>乙</span>丙<div data-search-eval-ignore><p>丁</p></div>戊</p>'
            "</article>")
    assert page_text(html)[0] == "一、总体\n科技特派员\n甲丙\n戊"


def test_spaces_are_collapsed_within_lines_and_entities_decoded():
    html = "<article><p>  PM2.5&nbsp;&nbsp;浓度 \t 下降 </p><p>&lt;b&gt;</p></article>"
    assert page_text(html)[0] == "PM2.5 浓度 下降\n<b>"


def test_built_pages_give_the_harness_text(shared, tmp_path):
    """Cross-check with ../shared/tools/search-eval on a built report page (skipped without ../shared)."""
    sys.path.insert(0, str(shared / "tools" / "search-eval"))
    sitetext = pytest.importorskip("searcheval.sitetext")
    from docx_factory import simple_report
    from e2e.conftest import run_archive

    run_archive("init", str(tmp_path / "a"), cwd=tmp_path)
    run_archive("add", str(simple_report(tmp_path / "r.docx")), cwd=tmp_path / "a")
    run_archive("build", cwd=tmp_path / "a")
    pages = sorted((tmp_path / "a" / "site").rglob("*.html"))
    assert len(pages) >= 3
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert page_text(html)[0] == sitetext.extract_page(html)[0], page
