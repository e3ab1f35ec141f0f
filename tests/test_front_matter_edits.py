"""Any hand edit of a report's front matter gives either one clear Chinese line from `archive check` (and the
same refusal from the build), or a page the site builds: never an internal error.

Random YAML values go into every key of a real page (and into keys Material would read); the check runs as
`archive check` runs it, and what it passes goes through everything the site makes of a report (catalog,
index pages, card, head tags, feeds, search values). A smaller sample is built for real with MkDocs.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx_factory import simple_report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.archive.check import PAGE_CHECKS, CheckedPage
from converter.archive.convert import convert_file
from converter.data import YAMLError
from converter.data.frontmatter import join_page, split_page
from converter.metadata.topics import taxonomy_for
from converter.model.fields import DOC_TYPES, FIELDS, read_front_matter
from converter.model.values import DISCLOSURES
from converter.search.index import search_values
from converter.site.catalog import Catalog, Entry, PageProblem, parse_report_page
from converter.site.feeds import atom, feeds
from converter.site.head_meta import page_description
from converter.site.indexes import index_pages
from converter.site.report_page import Original, card, with_card
from converter.site.views import report_parts

KEYS = [f.key for f in FIELDS] + ["template", "hide", "description", "tags", "title "]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
    st.text(max_size=30), st.sampled_from(["", " ", "2023", "二〇二三", "工作总结", "../x.docx", "<b>x</b>",
                                            "a" * 64, "2023-02-30", "2023-12-28", "{{ x }}", "---", "\x00"]),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.datetimes(),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(["title", "anchor", "topics", "file", "size", "sha256", "x"]),
                                        inner, max_size=4), max_leaves=6)
RAW = st.text(st.characters(blacklist_categories=("Cs",)), max_size=25)  # what staff type after "key: "
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
HEX = st.text("0123456789abcdef", min_size=64, max_size=64)
PLAUSIBLE = {  # values of the right kind, with anything inside: the edits the site must build
    "text": TEXT, "year": st.integers(1949, 2100), "doc_type": st.sampled_from(DOC_TYPES),
    "date": st.dates(dt.date(1949, 1, 1), dt.date(2100, 12, 31)) | st.dates().map(str),
    "text_list": st.lists(TEXT, max_size=4), "sha256": HEX,
    "sections": st.lists(st.fixed_dictionaries({"title": TEXT, "anchor": TEXT},
                                               optional={"topics": st.lists(TEXT, max_size=2)}), max_size=3),
    "download": st.fixed_dictionaries({"file": TEXT, "size": st.integers(0, 10**9), "sha256": HEX}),
    "sources": st.dictionaries(TEXT, TEXT, max_size=3),
    "format": st.sampled_from(["doc", "wps", "rtf", "odt", "pdf", "txt", "html", "mht"]),
    "count": st.integers(0, 10**6),
    "index_number": st.from_regex(r"[0-9A-Za-z][0-9A-Za-z-]{0,19}/20[0-9]{2}-[0-9]{1,8}", fullmatch=True),
    "summary": st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=100),
    "disclosure": st.sampled_from(DISCLOSURES),
}
EDIT = st.sampled_from(FIELDS).flatmap(lambda f: st.tuples(st.just(f.key), st.one_of(*[PLAUSIBLE[f.kind.name]] * 3, VALUES))) \
    | st.tuples(st.sampled_from(KEYS), VALUES)


@pytest.fixture(scope="module")
def page_text(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("edits")
    converted = convert_file(simple_report(folder / "2023年区科技局工作总结.docx"))
    data = converted.meta.to_dict()
    data["download"] = {"file": "r.docx", "size": 10, "sha256": "b" * 64}
    data["imported"] = "2024-01-05"
    return join_page(data, converted.body)


def outcome(text: str, folder: Path) -> str:
    """"refused" (with its lines checked) or "built"; any exception is the failure looked for."""
    try:
        data, body = split_page(text)
    except YAMLError:
        with pytest.raises(PageProblem, match=r"^reports/2023/r\.md：页首元数据.*不是有效的 YAML"):
            parse_report_page("reports/2023/r.md", text)
        return "refused"
    path = folder / "r.md"
    (folder / "r.docx").write_bytes(b"PK")  # the download the page names
    page = CheckedPage("docs/reports/2023/r.md", path, data, body, taxonomy_for(None))
    findings = [f for check in PAGE_CHECKS for f in check(page)] if data else []
    for finding in findings:
        assert "\n" not in finding.line() and finding.message.strip()
    if not data or any(f.is_error for f in findings):
        if data and read_front_matter(data)[1]:
            with pytest.raises(PageProblem, match=r"^reports/2023/r\.md："):
                parse_report_page("reports/2023/r.md", text)
        return "refused"
    site_parts(data, body)
    return "built"


def site_parts(data: dict, body: str) -> None:
    """Everything the site makes of one report, as the plugin makes it."""
    data, body = parse_report_page("reports/2023/r.md", join_page(data, body))
    meta, problems = read_front_matter(data)
    assert problems == []
    entry = Entry("reports/2023/r.md", meta)
    catalog = Catalog([entry])
    link = lambda src, anchor="": f"/{src}#{anchor}"  # noqa: E731
    for index in index_pages(catalog, "档案", "说明"):
        index.render(link)
    with_card("<h1>x</h1><p>正文</p>", meta.title, card(entry, catalog, link))
    report_parts(entry, catalog, Original("reports/2023/r.docx", 10, "b" * 64), link, "r/", False, "档案")
    page_description(entry)
    for feed in feeds(catalog, "档案"):
        atom(feed, "档案", lambda src: src)
    search_values(data, meta.title)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(EDIT, min_size=1, max_size=3))
def test_any_yaml_value_in_any_key_is_a_clear_line_or_a_page_that_builds(page_text, tmp_path, edits):
    data, body = split_page(page_text)
    outcome(join_page({**data, **dict(edits)}, body), tmp_path)


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(KEYS), RAW)
def test_whatever_staff_type_after_a_key_is_a_clear_line_or_a_page_that_builds(page_text, tmp_path, key, typed):
    pattern = re.compile(rf"^{re.escape(key)}:.*$", re.M)
    line = f"{key}: {typed}".replace("\n", " ")
    text = pattern.sub(lambda _: line, page_text, count=1) if pattern.search(page_text) \
        else page_text.replace("---\n", f"---\n{line}\n", 1)
    outcome(text, tmp_path)


VALID_EDITS = [  # each a page of its own in one archive that must build
    {"title": "</script><script>alert(1)</script>{{ 7*7 }}{% raw %}"},
    {"title": "# 标题 *斜体* [链接](javascript:alert(1)) \u202e反向\u200b 😀 " + "长" * 500},
    {"issuer": "区<img src=x onerror=alert(1)>局", "region": "\"'><svg onload=alert(1)>"},
    {"topics": ["科技、教育", "", " ", "<b>不存在的主题</b>", "科技、教育"], "keywords": ["#", "{{x}}"]},
    {"sections": [{"title": "一、<i>总体</i>", "anchor": "s1\" onmouseover=\"x"}, {"title": "", "anchor": ""}]},
    {"download": {"file": "原件 #1 ?&%.docx", "size": 0, "sha256": "c" * 64}},
    {"date": "1949-01-01", "year": 1949, "date_text": "一九四九年一月一日<br>"},
    {"year": 2100, "doc_type": "其他", "imported": "2100-12-31"},
    {"template": "no-such.html", "hide": ["navigation", "toc"], "description": "<script>x</script>", "tags": [1]},
    {"sources": {"title": "header", "issuer": "<x>", "新项": "staff"}, "publish_override": "\x01理由"},
]
INVALID_EDITS = [
    {"year": "二〇二三"}, {"sections": ["一、总体"]}, {"download": "x.docx"}, {"date": "2023-02-30"},
    {"topics": "科技"}, {"title": None}, {"doc_type": "总结"}, {"sha256": 12}, {"sources": ["title"]},
    {"download": {"file": "../../etc/passwd", "size": 1, "sha256": "c" * 64}},
]


def archive_of(tmp_path: Path, page_text: str, edits: list[dict]) -> Path:
    from archive_helpers import new_archive

    archive = new_archive(tmp_path)
    data, body = split_page(page_text)
    for number, edit in enumerate(edits):
        page = {**data, "sha256": f"{number:064x}", "title": f"报告{number}", **edit}
        folder = archive / "docs" / "reports" / "2023"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"r{number}.md").write_text(join_page(page, body), encoding="utf-8")
        file = edit.get("download", data["download"])
        if isinstance(file, dict) and "/" not in file["file"]:
            (folder / file["file"]).write_bytes(b"PK")
    return archive


def test_hostile_but_valid_hand_edits_build_for_real(page_text, tmp_path):
    from archive_helpers import run

    archive = archive_of(tmp_path, page_text, VALID_EDITS)
    result = run(archive, "build")
    assert result.exit_code == 0, result.output
    html = (archive / "site" / "reports" / "2023" / "r0" / "index.html").read_text(encoding="utf-8")
    assert "</script><script>alert(1)" not in html and "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    assert "程序内部错误" not in result.output


def test_invalid_hand_edits_stop_the_build_with_one_line_each(page_text, tmp_path):
    from archive_helpers import run

    archive = archive_of(tmp_path, page_text, INVALID_EDITS)
    result = run(archive, "build")
    errors = [line for line in result.output.splitlines() if "：错误：" in line]
    assert result.exit_code == 1 and "程序内部错误" not in result.output
    assert sorted({line.split("：")[0] for line in errors}) == \
        sorted(f"docs/reports/2023/r{n}.md" for n in range(len(INVALID_EDITS)))
    assert not (archive / "site").exists()
