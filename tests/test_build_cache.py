"""The build cache (.archive/build): what a rebuild takes from earlier builds gives the bytes a build
without it gives, a damaged or planted cache file is ignored, and the site being replaced is never
written into through the links a rebuild makes to its unchanged files."""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import zlib
from pathlib import Path

import pytest
from archive_helpers import new_archive, tree

from converter.archive.build import build_site
from converter.archive.check import check_archive
from converter.data.disk_memo import DiskMemo
from converter.data.frontmatter import join_page
from converter.model.fields import ReportMeta
from converter.site import site_files
from converter.site.render_cache import LINKING

BODY = """# {title}

## 一、总体情况 {{#s1}}

全年推进科技特派员工作{n}项，PM2.5平均浓度下降8.8%，见附表[^1]。文中的\\*星号\\*照原样显示。

| 项目 | 数量 |
| --- | --- |
| 特派员 | {n} |

## 二、下步打算 {{#s2}}

继续优化营商环境。

[^1]: 附表见原件。
"""


def report(archive: Path, n: int, body: str = BODY, **changes) -> Path:
    title = changes.pop("title", f"{2018 + n % 4}年区科技局工作总结（{n}）")
    meta = ReportMeta(title=title, year=2018 + n % 4, issuer="区科技局", doc_type="工作总结", source=f"r{n}.docx",
                      sha256=hashlib.sha256(title.encode()).hexdigest(), date=f"{2018 + n % 4}-12-{10 + n}",
                      topics=["科技、教育"], **changes)
    page = archive / "docs" / "reports" / str(meta.year) / f"r{n}.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(join_page(meta.to_dict(), body.format(title=title, n=n)), encoding="utf-8")
    return page


@pytest.fixture
def archive(tmp_path) -> Path:
    """Reports whose Markdown the render cache may keep, and one with a picture it may not."""
    archive = new_archive(tmp_path)
    for n in range(1, 9):
        report(archive, n)
    picture = report(archive, 9, BODY + "\n![现场照片](p9.png)\n")
    (picture.parent / "p9.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return archive


def cache(archive: Path) -> Path:
    return archive / ".archive" / "build"


def rendered_entries(archive: Path) -> set[str]:
    _, entries = pickle.loads((cache(archive) / "rendered").read_bytes())  # the test's own file: trusted
    return set(entries)


def clean_build(archive: Path, site: str) -> dict[str, bytes]:
    kept = cache(archive).with_name("kept-cache")
    shutil.move(cache(archive), kept)
    try:
        build_site(archive, Path(site), check=check_archive, parallel=True)
    finally:
        shutil.rmtree(cache(archive), ignore_errors=True)
        shutil.move(kept, cache(archive))
    return tree(archive / site)


def test_rebuilds_from_the_cache_give_the_bytes_of_a_build_without_it(archive):
    build_site(archive, Path("site"), check=check_archive, parallel=True)
    rendered = rendered_entries(archive)
    assert len(rendered) == 8  # every report but the one with a picture

    report(archive, 2, BODY.replace("全年推进", "全年大力推进"))  # text changed
    report(archive, 3, title="2021年区科技局工作总结（三）")  # front matter changed
    report(archive, 10)  # added
    (archive / "docs" / "reports" / "2019" / "r5.md").unlink()  # removed
    build_site(archive, Path("site"), check=check_archive, parallel=True)

    assert tree(archive / "site") == clean_build(archive, "clean")
    kept = rendered_entries(archive)
    # r2 and r3 changed (a title is also the body's first heading) and r5 went; r2, r3 and r10 came
    assert len(kept) == 8 and len(kept & rendered) == 5


def test_the_check_finds_the_same_with_and_without_its_memo(archive):
    report(archive, 4, BODY.replace("继续优化营商环境。", "联系人：张三，手机13812345678。"))
    without = check_archive(archive)
    with_memo = check_archive(archive)  # the bodies' scans taken from .archive/build/check-bodies
    (cache(archive) / "check-bodies").unlink()
    assert any("13812345678" in f.message or "手机" in f.message for f in without)
    assert with_memo == without == check_archive(archive)


def test_the_render_cache_keeps_no_page_that_links_or_shows_a_picture():
    for linking in ("![图](p.png)", "[另一篇](../2019/r1.md)", "<b>粗体</b>", "[站点]: https://example.org",
                    "参见[附件][1]\n\n[1]: a.pdf"):
        assert LINKING.search(f"正文\n\n{linking}\n"), linking
    for plain in ("见附表[^1]。\n\n[^1]: 附表见原件。", "文中的\\*星号\\*和\\[方括号\\]", "| 项目 | 数量 |"):
        assert not LINKING.search(plain), plain


def test_a_damaged_foreign_or_planted_memo_is_ignored(tmp_path):
    path = tmp_path / "memo"
    calls = []
    def work(text: str) -> str:
        calls.append(text)
        return text.upper()

    class Planted:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "ran"),))

    for content in (b"not zlib", zlib.compress(b"not a pickle"),
                    zlib.compress(pickle.dumps(("v1", {"k": Planted()}))),
                    zlib.compress(pickle.dumps(("v0", {hashlib.sha256(b"a").hexdigest(): "stale"})))):
        path.write_bytes(content)
        assert DiskMemo(path, "v1").get("a", work) == "A"
    assert not (tmp_path / "ran").exists() and calls == ["a"] * 4

    memo = DiskMemo(path, "v1")
    memo.get("a", work), memo.get("b", work)
    memo.save()
    again = DiskMemo(path, "v1")
    assert again.get("b", work) == "B" and calls == ["a"] * 5 + ["b"]  # taken from the file
    again.save()  # only "b" was used: "a" goes
    assert DiskMemo(path, "v1").old == {hashlib.sha256(b"b").hexdigest(): "B"}


def test_a_rebuild_never_writes_into_the_site_it_replaces(archive):
    build_site(archive, Path("site"), check=check_archive, parallel=True)
    old = tree(archive / "site")
    snapshot = archive / "snapshot"  # the old site's files themselves (hard links), as a web server serves them
    for path in old:
        (snapshot / path).parent.mkdir(parents=True, exist_ok=True)
        os.link(archive / "site" / path, snapshot / path)

    for n in range(1, 9):
        report(archive, n, BODY.replace("全年推进", f"第{n}次修改后，全年推进"))
    build_site(archive, Path("site"), check=check_archive, parallel=True)

    assert tree(snapshot) == old
    new = tree(archive / "site")
    unchanged = [p for p in new if old.get(p) == new[p]]
    linked = [p for p in unchanged if (archive / "site" / p).stat().st_ino == (snapshot / p).stat().st_ino]
    assert len(linked) == len(unchanged) > 0 and any(p.endswith(".png") for p in linked)


def test_writing_over_a_linked_file_replaces_it(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.write_bytes(b"published")
    os.link(old, new)
    site_files.write_file(str(new), b"rebuilt", str(old))
    assert old.read_bytes() == b"published" and new.read_bytes() == b"rebuilt"
    site_files.write_file(str(new), b"published", str(old))
    assert new.stat().st_ino == old.stat().st_ino  # the same bytes: linked again


def test_an_unchanged_archive_takes_its_search_index_from_the_last_site(archive):
    build_site(archive, Path("site"), check=check_archive, parallel=True)
    meta = archive / "site" / "search" / "meta.json"
    before = meta.stat().st_ino
    build_site(archive, Path("site"), check=check_archive, parallel=True)
    assert meta.stat().st_ino == before

    report(archive, 4, BODY.replace("营商环境", "法治化营商环境"))
    build_site(archive, Path("site"), check=check_archive, parallel=True)
    assert meta.stat().st_ino != before
    assert tree(archive / "site" / "search") == {
        path.removeprefix("search/"): data for path, data in clean_build(archive, "clean").items()
        if path.startswith("search/")}
