"""Report texts taken from their content as it is rendered, checked against the written page."""
from __future__ import annotations

import json

import pytest

from converter.search.collect import Collector, PageFields, wrapped_in
from converter.search.index import search_values
from converter.search.page_text import fragment_text, page_text

CONTENT = '<h1 id="t">2023年工作总结</h1>\n<dl class="archive-card"><div><dt>年度</dt><dd>2023年</dd></div></dl>\n<p>科技特派员</p>'


def page(content: str, opening: str = '<div class="archive-report" data-search-body>') -> str:
    """A report page shaped like the report template's."""
    return (f"<html><head><title>科技</title></head><body><nav>导航</nav><article>"
            f'<div class="archive-toolbar">首页</div>{opening}\n    {content}\n  </div>'
            f'<div class="archive-aside"><p>下载原件</p></div></article></body></html>')


def fields(url: str, output: str = "") -> PageFields:
    return PageFields(url=url, fields=search_values({"title": "t", "year": 2023, "issuer": "区科技局",
                                                     "doc_type": "工作总结"}), is_report=True, output=output)


def test_the_report_template_holds_the_content_as_its_marked_element():
    assert wrapped_in(page(CONTENT), CONTENT)


@pytest.mark.parametrize("output", [
    page(CONTENT.replace("特派员", "特派")),  # other content
    page(CONTENT, opening="<section data-search-body>"),  # the element ends at </section>, not </div>
    page(CONTENT + "<p>又一段</p>"),  # more inside the element
    page(CONTENT).replace("<title>科技</title>", "<title>data-search-body</title>"),  # the mark first in text
])
def test_any_other_shape_is_not_taken_for_it(output):
    assert not wrapped_in(output, CONTENT)


@pytest.mark.parametrize("content", [
    CONTENT,
    '<p>甲<script>var x = "乙";</script>丙<a class="headerlink" href="#t">¶</a></p><table><tr><td>丁</td></tr></table>',
    "<p>PM2.5&nbsp;&nbsp;浓度</p><ul><li>一</li><li>二<br>三</li></ul><!-- 注释 -->尾",
])
def test_the_text_of_the_content_alone_is_the_text_of_the_page(content):
    assert fragment_text(content) == (page_text(page(content))[0], False)


def test_content_that_leaves_an_element_open_is_not_trusted():
    text, unsure = fragment_text("<p>正文</p><div>未闭合")
    assert unsure
    assert page_text(page("<p>正文</p><div>未闭合"))[0] != text  # the page's element swallows the aside


def test_a_page_whose_content_was_not_trusted_is_indexed_from_the_written_page(tmp_path):
    written = tmp_path / "index.html"
    written.write_text(page("<p>正文</p><div>未闭合"), encoding="utf-8")
    collector = Collector()
    collector.add_fragment(fields("reports/2023/a/", str(written)), "<p>正文</p><div>未闭合")
    collector.add_fragment(fields("reports/2023/b/"), CONTENT)
    collector.speculate()

    count, _ = collector.finish(tmp_path / "search")

    assert count == 2
    assert collector.reports["reports/2023/a/"].text == page_text(written.read_text(encoding="utf-8"))[0]
    meta = json.loads((tmp_path / "search" / "meta.json").read_text(encoding="utf-8"))
    assert meta["table"]["url"] == ["reports/2023/a/", "reports/2023/b/"]


def test_a_written_page_replaces_its_fragment_and_the_index_is_built_again(tmp_path):
    collector = Collector()
    collector.add_fragment(fields("reports/2023/a/"), "<p>旧的文字</p>")
    collector.speculate()
    collector.add_page(fields("reports/2023/a/"), page("<p>新的文字</p>"))

    collector.finish(tmp_path / "search")

    assert collector.reports["reports/2023/a/"].text == "新的文字"
    fragment = json.loads((tmp_path / "search" / "t" / "0-0.json").read_text(encoding="utf-8"))
    assert "新的文字" in fragment[1]


def test_an_index_written_ahead_is_kept_when_right_and_replaced_when_not(tmp_path):
    """`speculate(folder)` writes the index while the pages are written; `finish` leaves it as it is
    unless a written page changed the texts, then the folder holds exactly the new index."""
    from converter.search.collect import write_index
    from converter.search.index import build_index

    def folder_files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    kept = Collector()
    kept.add_fragment(fields("reports/2023/a/"), "<p>" + "科技特派员" * 900 + "</p>")
    kept.speculate(tmp_path / "kept")
    ahead = {p: f.stat().st_mtime_ns for p, f in ((p, tmp_path / "kept" / p) for p in folder_files(tmp_path / "kept"))}
    kept.finish(tmp_path / "kept")
    assert len(ahead) > 2 and ahead == {p: (tmp_path / "kept" / p).stat().st_mtime_ns for p in ahead}

    replaced = Collector()
    replaced.add_fragment(fields("reports/2023/a/"), "<p>" + "科技特派员" * 900 + "</p>")  # three text files
    replaced.speculate(tmp_path / "replaced")
    replaced.add_page(fields("reports/2023/a/"), page("<p>新的文字</p>"))  # one
    replaced.finish(tmp_path / "replaced")

    write_index(tmp_path / "expected", build_index(list(replaced.reports.values())))
    assert folder_files(tmp_path / "replaced") == folder_files(tmp_path / "expected")
