"""MkDocs plugin `archive-search`: collects each report page's searchable text as it is rendered and
writes the search index into search/ after the build. Logic lives in plain modules (index.py, …)."""
from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .index import Report, build_index
from .page_text import page_text

THEME = Path(__file__).parent / "theme"
SEARCH_PAGE = """---
title: 搜索
hide:
  - navigation
  - toc
---

# 全文搜索

<div id="archive-search-page" class="archive-search-page">
<noscript><p>全文搜索需要浏览器启用 JavaScript。</p></noscript>
</div>
"""
log = get_plugin_logger(__name__)


class SearchConfig(base.Config):
    pass


class SearchPlugin(BasePlugin[SearchConfig]):
    def on_config(self, config):
        if any(name in config.plugins for name in ("search", "material/search")):
            raise PluginError("mkdocs.yml 的 plugins 中同时启用了 search 和 archive-search："
                              "请删除 search 一行，本档案使用自己的全文检索。")
        dirs = config.theme.dirs
        material = next((i for i, d in enumerate(dirs) if Path(d).parts[-2:] == ("material", "templates")), 0)
        dirs.insert(material, str(THEME))
        self.reports: list[Report] = []
        return config

    def on_files(self, files: Files, *, config) -> Files:
        if files.get_file_from_path("search.md") is None:
            files.append(File.generated(config, "search.md", content=SEARCH_PAGE))
        return files

    def on_post_page(self, output: str, *, page, config) -> str:
        text, marked = page_text(output)
        if marked or page.file.src_uri.startswith("reports/"):
            self.reports.append(report_from_page(page, text))
        return output

    def on_post_build(self, *, config) -> None:
        started = time.perf_counter()
        write_index(Path(config.site_dir) / "search", build_index(self.reports))
        log.info(f"search index: {len(self.reports)} reports in {time.perf_counter() - started:.2f} s")


def report_from_page(page, text: str) -> Report:
    meta = page.meta or {}
    return Report(url=page.url, title=str(meta.get("title") or page.title or ""), year=int(meta.get("year") or 0),
                  issuer=str(meta.get("issuer") or ""), doc_type=str(meta.get("doc_type") or ""), text=text,
                  topics=tuple(str(t) for t in meta.get("topics") or ()),
                  date=str(meta["date"]) if meta.get("date") else None)


def write_index(folder: Path, files: dict[str, bytes]) -> None:
    for parent in sorted({os.path.dirname(path) for path in files}):
        (folder / parent).mkdir(parents=True, exist_ok=True)
    root = str(folder)
    for path, data in files.items():
        with open(os.path.join(root, path), "wb") as out:
            out.write(data)
