"""MkDocs plugin `archive-search`: collects each report page's searchable text as it is rendered and
writes the search index into search/ after the build. Logic lives in plain modules (collect.py,
index.py, …); `archive build` sets `parallel`, and the collecting and indexing then happen in a
forked process while this one renders the pages."""
from __future__ import annotations

from pathlib import Path

from converter.search.collect import MARK, Collector, CollectorProcess, PageFields, wrapped_in
from converter.search.index import search_values
from converter.site.catalog import REPORTS_URI
from converter.site.mkdocs_api import BasePlugin, File, Files, PluginError, base, get_plugin_logger

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
    parallel = False  # set by `archive build` (converter/site/build.py)
    previous: Path | None = None  # set by `archive build`: the search folder of the site it replaces
    memo: Path | None = None  # set by `archive build`: the file that keeps the reports' texts between builds
    collector: Collector | CollectorProcess | None = None

    def on_config(self, config):
        if any(name in config.plugins for name in ("search", "material/search")):
            raise PluginError("mkdocs.yml 的 plugins 中同时启用了 search 和 archive-search："
                              "请删除 search 一行，本档案使用自己的全文检索。")
        dirs = config.theme.dirs
        material = next((i for i, d in enumerate(dirs) if Path(d).parts[-2:] == ("material", "templates")), 0)
        dirs.insert(material, str(THEME))
        return config

    def on_files(self, files: Files, *, config) -> Files:
        if files.get_file_from_path("search.md") is None:
            files.append(File.generated(config, "search.md", content=SEARCH_PAGE))
        collector = CollectorProcess if self.parallel else Collector
        self.collector = collector(self.previous, self.memo)
        self.sent: dict[str, str] = {}
        return files

    def on_page_content(self, html, *, page, config, files):
        if self.parallel and page.file.src_uri.startswith(REPORTS_URI):
            self.collector.add_fragment(page_fields(page), html)
            self.sent[page.url] = html
        return html

    def on_env(self, env, *, config, files):
        if self.parallel:
            self.collector.speculate(Path(config.site_dir) / "search")
        return env

    def on_post_page(self, output: str, *, page, config) -> str:
        sent = self.sent.pop(page.url, None)
        if sent is not None and wrapped_in(output, sent):
            return output
        if page.file.src_uri.startswith(REPORTS_URI) or MARK in output:
            self.collector.add_page(page_fields(page), output)
        return output

    def on_post_build(self, *, config) -> None:
        try:
            count, seconds = self.collector.finish(Path(config.site_dir) / "search")
        except RuntimeError as error:
            raise PluginError(f"全文检索索引生成失败：{error}") from error
        log.info(f"search index: {count} reports in {seconds:.2f} s")

    def on_build_error(self, *, error) -> None:
        if isinstance(self.collector, CollectorProcess):
            self.collector.close()


def page_fields(page) -> PageFields:
    return PageFields(url=page.url, fields=search_values(page.meta or {}, page.title or ""),
                      is_report=page.file.src_uri.startswith(REPORTS_URI), output=page.file.abs_dest_path)
