"""The index of pages an import starts from: kept in .archive/pages.json, re-read only where pages changed."""
from __future__ import annotations

from pathlib import Path

import yaml
from archive_helpers import new_archive, pages, run
from docx_factory import simple_report

from converter.archive.pages import CACHE, PageIndex
from converter.data.frontmatter import body_hash, join_page, split_page


def imported(tmp_path: Path, count: int = 3) -> Path:
    archive = new_archive(tmp_path)
    for year in range(2020, 2020 + count):
        run(archive, "add", simple_report(tmp_path / f"{year}.docx", title=f"{year}年区科技局工作总结"))
    return archive


def test_unchanged_pages_are_not_read_again(tmp_path, monkeypatch):
    archive = imported(tmp_path)
    reads = []
    real_read = PageIndex.read
    monkeypatch.setattr(PageIndex, "read", lambda self, path: reads.append(path) or real_read(self, path))

    index = PageIndex.load(archive)

    assert reads == []
    assert len(index.by_sha) == 3 and not any(index.edited(archive / p) for p in pages(archive))


def test_page_edited_since_is_read_again_and_seen_as_edited(tmp_path):
    archive = imported(tmp_path)
    page = archive / pages(archive)[1]
    page.write_text(page.read_text(encoding="utf-8") + "\n补一句。\n", encoding="utf-8")
    index = PageIndex.load(archive)
    assert [index.edited(archive / p) for p in pages(archive)] == [False, True, False]


def test_damaged_cache_is_ignored(tmp_path):
    archive = imported(tmp_path)
    (archive / CACHE).write_text("{not json", encoding="utf-8")
    assert len(PageIndex.load(archive).by_sha) == 3


def test_body_hash_ignores_line_endings_and_trailing_blank_lines():
    assert body_hash("# 标题\n\n正文\n") == body_hash("# 标题\r\n\r\n正文\r\n\r\n")
    assert body_hash("# 标题\n\n正文\n") != body_hash("# 标题\n\n正文。\n")


def test_fast_yaml_writes_and_reads_pages_exactly_as_pure_python_yaml(tmp_path):
    archive = imported(tmp_path, count=1)
    text = (archive / pages(archive)[0]).read_text(encoding="utf-8")
    data, body = split_page(text)
    data["title"] = "含“引号”、冒号: 和 #井号 的标题 — 'x'"
    header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    assert join_page(data, body) == f"---\n{header}---\n\n{body.rstrip()}\n"
    assert split_page(join_page(data, body))[0] == yaml.safe_load(header)
