"""`archive build` on two cores: report Markdown rendered in a forked worker, the search index built in
another, the content check in a third. The site must be byte for byte the site of a one-core build."""
from __future__ import annotations

import base64
import hashlib
import logging
import shutil
import time
from pathlib import Path

import pytest
from archive_helpers import new_archive, tree

from converter.archive.build import build_site
from converter.archive.check import CheckFinding, check_archive
from converter.data.frontmatter import join_page
from converter.model.fields import ReportMeta
from converter.search import plugin as search_plugin
from converter.site.prerender import WORKERS, Prerender

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
BODY = """# {title}

## 一、总体情况 {{#s1}}

全年推进科技特派员工作{n}项，PM2.5平均浓度下降8.8%，见附表[^1]。文中的\\*星号\\*和\\[方括号\\]照原样显示。

| 项目 | 数量 |
| --- | --- |
| 特派员 | {n} |

![现场照片](images/p{n}.png)

参见[另一篇报告](../2019/r1.md#s1)和[本页第二节](#s2)。

## 二、下步打算 {{#s2}}

继续推进5G基站建设<sup>1</sup>。

[^1]: 附表见原件。
"""


def report(archive: Path, year: int, n: int, body: str = BODY, name: str = "") -> None:
    title = f"{year}年区科技局工作总结（{n}）"
    meta = ReportMeta(title=title, year=year, issuer="区科技局", doc_type="工作总结", source=f"r{n}.docx",
                      sha256=hashlib.sha256(title.encode()).hexdigest(), date=f"{year}-12-{10 + n % 18}",
                      topics=["科技、教育"])
    page = archive / "docs" / "reports" / str(year) / (name or f"r{n}.md")
    (page.parent / "images").mkdir(parents=True, exist_ok=True)
    (page.parent / "images" / f"p{n}.png").write_bytes(PNG)
    page.write_text(join_page(meta.to_dict(), body.format(title=title, n=n)), encoding="utf-8")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Reports with footnotes, a table, a picture, links across pages and to anchors; one whose raw HTML
    leaves a <div> open (its search text cannot be taken from its content alone); the last one links to
    a page that does not exist (MkDocs warns); a page under reports/ without front matter."""
    archive = new_archive(tmp_path_factory.mktemp("parallel"))
    for n in range(1, 13):
        report(archive, 2018 + n % 4, n)
    report(archive, 2021, 13, BODY.replace("## 二、", '<div class="note">\n\n未闭合的说明\n\n## 二、'))
    report(archive, 2099, 14, BODY + "\n[不存在的报告](../2000/missing.md)\n", name="zz.md")
    (archive / "docs" / "reports" / "2021" / "notes.md").write_text("# 说明\n\n没有页首元数据的页面。\n", encoding="utf-8")
    return archive


@pytest.fixture
def split_between_worker_and_main(monkeypatch):
    """The worker (forked after these patches) claims the last half of the reports, and MkDocs' loop
    starts only then: both render some, whatever the machine's load. Returns the pages taken from the
    worker."""
    taken = []
    claim, bind, apply = Prerender._claim, Prerender.bind, Prerender._apply

    def half_for_the_worker(self, i, who):
        if who == WORKERS and sum(c == WORKERS for c in self.claims) >= len(self.claims) // 2:
            return False
        return claim(self, i, who)

    def bind_after_the_worker(self, page):
        deadline = time.monotonic() + 30
        while sum(c == WORKERS for c in self.claims) < len(self.claims) // 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        bind(self, page)

    def counted_apply(self, page, config, files):
        taken.append(page.file.src_uri)
        apply(self, page, config, files)

    monkeypatch.setattr(Prerender, "_claim", half_for_the_worker)
    monkeypatch.setattr(Prerender, "bind", bind_after_the_worker)
    monkeypatch.setattr(Prerender, "_apply", counted_apply)
    return taken


def test_a_parallel_build_writes_the_same_site_as_a_one_core_build(archive, split_between_worker_and_main, caplog,
                                                                    monkeypatch):
    fragments = []
    wrapped_in = search_plugin.wrapped_in
    monkeypatch.setattr(search_plugin, "wrapped_in", lambda *a: fragments.append(wrapped_in(*a)) or fragments[-1])
    with caplog.at_level(logging.WARNING):
        build_site(archive, Path("one-core"), parallel=False)
        one_core_warnings = sorted(r.getMessage() for r in caplog.records)
        caplog.clear()
        build_site(archive, Path("two-cores"), parallel=True)
        two_cores_warnings = sorted(r.getMessage() for r in caplog.records)

    assert tree(archive / "two-cores") == tree(archive / "one-core")
    assert len(split_between_worker_and_main) == 7 and "reports/2099/zz.md" in split_between_worker_and_main
    assert any("missing.md" in w for w in one_core_warnings)
    assert two_cores_warnings == one_core_warnings  # the worker's log messages are given again here
    assert fragments.count(True) >= 12  # texts taken from the content as rendered, checked on the written page


def test_a_check_error_keeps_the_old_site_even_though_the_site_was_built_meanwhile(archive, tmp_path):
    build_site(archive, Path("kept"), parallel=True)
    before = tree(archive / "kept")
    page = archive / "docs" / "reports" / "2019" / "r1.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("year: 2019", "year: 二〇一九"), encoding="utf-8")
    try:
        findings = build_site(archive, Path("kept"), check=check_archive, parallel=True)
    finally:
        page.write_text(original, encoding="utf-8")

    assert "年度（year）应是 1949–2100 之间的年份（四位数字），现为 “二〇一九”。请写成例如“year: 2023”。" \
        in [f.message for f in findings if f.is_error]
    assert tree(archive / "kept") == before
    assert not list(archive.glob(".kept.building-*"))


def test_the_check_and_the_site_share_one_parse_of_each_front_matter(archive, monkeypatch):
    """Parsed before the check is forked: the check (in its own process) parses nothing again, and
    the site parses nothing the check had. The next build parses nothing (the build cache's memo)."""
    from converter.data import frontmatter

    shutil.rmtree(archive / ".archive" / "build", ignore_errors=True)
    parsed = []
    load = frontmatter.load_yaml
    def counted(text):
        if "sha256:" in text:  # a report's front matter, not one of the data files
            parsed.append(text)
        return load(text)

    monkeypatch.setattr(frontmatter, "load_yaml", counted)

    def check_counting_parses(root):
        before = len(parsed)  # in the forked check: what the parent had parsed when it forked
        findings = check_archive(root)
        return findings + [CheckFinding("parses", str(len(parsed) - before), is_error=False)]

    findings = build_site(archive, Path("shared-parse"), check=check_counting_parses, parallel=True)

    assert [f.message for f in findings if f.page == "parses"] == ["0"]
    pages = len(list((archive / "docs" / "reports").glob("*/*.md")))
    assert len(parsed) == pages - 1  # each page with front matter, once (notes.md has none)

    parsed.clear()
    build_site(archive, Path("shared-parse"), check=check_counting_parses, parallel=True)
    assert parsed == []


def test_blocks_rendered_once_per_depth_are_those_each_page_would_render(archive, monkeypatch):
    """theme_setup.BlockMemo: the report pages' shared blocks (nav, header tools, tabs, footer…)."""
    from converter.site import theme_setup

    build_site(archive, Path("memo"), parallel=False)
    monkeypatch.setattr(theme_setup.BlockMemo, "__call__", lambda self, key, caller: caller())
    build_site(archive, Path("no-memo"), parallel=False)

    assert tree(archive / "memo") == tree(archive / "no-memo")


def test_a_rebuild_links_the_search_index_files_that_did_not_change(archive):
    build_site(archive, Path("linked"), parallel=True)
    search = archive / "linked" / "search"
    before = {p.relative_to(search): p.stat().st_ino for p in search.rglob("*.json")}
    meta = (search / "meta.json").read_bytes()
    page = archive / "docs" / "reports" / "2019" / "r1.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("全年推进", "全年大力推进"), encoding="utf-8")
    try:
        build_site(archive, Path("linked"), parallel=True)
    finally:
        page.write_text(original, encoding="utf-8")

    after = {p.relative_to(search): p.stat().st_ino for p in search.rglob("*.json")}
    kept = [p for p in after if after[p] == before.get(p)]
    assert len(kept) >= len(after) - 3 and (search / "meta.json").read_bytes() != meta
    assert Path("meta.json") not in kept  # changed: written anew
