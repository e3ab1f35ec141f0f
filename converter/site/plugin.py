"""Thin MkDocs plugin: reads the catalog once, adds the index pages, dresses report pages, writes feeds.

Each event calls plain functions (catalog, indexes, report_page, views, feeds, theme_setup); the only
state kept between events is the catalog and what was derived from it.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

from converter.model.errors import printable, undecodable
from converter.model.fields import BY_KEY, ReportMeta
from converter.site import csp, theme_setup
from converter.site.catalog import HOME, Catalog, Entry
from converter.site.feeds import atom, feeds
from converter.site.head_meta import page_description
from converter.site.indexes import SECTIONS, IndexPage, index_pages
from converter.site.markup import esc
from converter.site.mkdocs_api import (
    BasePlugin,
    File,
    Files,
    PluginError,
    base,
    cache_compiled_templates,
    get_relative_url,
    get_toc,
)
from converter.site.mkdocs_api import config_options as c
from converter.site.open_data import OpenData
from converter.site.prerender import Prerender, report_markdown
from converter.site.render_cache import CachedPages, RenderCache
from converter.site.report_page import Original, card, with_card
from converter.site.report_sources import find_originals, read_pages
from converter.site.site_files import write_files
from converter.site.views import PageParts, index_parts, report_parts


def archive_nav(staff_nav: list | None) -> list:
    """The index pages, then what staff listed in mkdocs.yml (e.g. the guide): never the reports, so the
    nav stays the same size however many there are."""
    ours = [{"首页": HOME}] + [{title: src} for src, title in SECTIONS.items()]
    listed = {src for item in ours for src in item.values()}
    return ours + [item for item in staff_nav or [] if _targets(item) - listed]


def _targets(item) -> set:
    return {str(v) for v in item.values()} if isinstance(item, dict) else {str(item)}


class ArchiveConfig(base.Config):
    enabled = c.Type(bool, default=True)


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    policy = True  # the Content-Security-Policy goes into every page (not in the local preview)
    parallel = False  # set by `archive build` (site/build.py): report Markdown rendered on a second core
    prerender: Prerender | None = None
    cache_dir: Path | None = None  # set by `archive build` and the preview: the build cache (.archive/build)
    previous_site: Path | None = None  # set by them too: the site being replaced (site_files links from it)
    cached: CachedPages  # report pages' rendered Markdown kept between builds
    pages: dict[str, tuple[dict, str]]
    catalog: Catalog
    index: dict[str, IndexPage]
    urls: dict[str, str]
    originals: dict[str, Original]

    def on_config(self, config):
        if self.config.enabled:
            theme_setup.configure(config)
            csp.install(config)
            config.nav = archive_nav(config.nav)
        return config

    def on_startup(self, *, command, dirty) -> None:
        # The local preview (`archive serve`) reloads pages with an inline script the policy would block;
        # the policy is for the published site. It runs threads, so it must not fork workers either.
        self.policy = command != "serve"
        self.parallel = self.parallel and command != "serve"

    def on_post_page(self, output: str, *, page, config) -> str:
        return csp.with_policy(output) if self.config.enabled and self.policy else output

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        return csp.with_policy(output_content) if self.config.enabled and self.policy else output_content

    def on_files(self, files: Files, *, config) -> Files:
        if not self.config.enabled:
            return files
        _refuse_undecodable_names(files)
        self.pages = read_pages(files)
        self.catalog = Catalog([Entry(src, ReportMeta.from_dict(data)) for src, (data, _) in self.pages.items()])
        self.index = {}
        self.urls = {f.src_uri: f.url for f in files}
        self.open_data = OpenData(self.catalog, {src: body for src, (_, body) in self.pages.items()}, self.urls)
        for path in self.open_data.paths:  # ours win over a file of the same name in docs/
            if file := files.get_file_from_path(path):
                files.remove(file)
        if self.parallel:
            self.open_data.start(Path(config.site_dir), self.previous_site)
        for page in index_pages(self.catalog, config.site_name, config.site_description or "", self.open_data.listing):
            if files.get_file_from_path(page.src_uri) is None:  # a page staff wrote themselves wins
                files.append(File.generated(config, page.src_uri, content=_stub(page.title)))
                self.index[page.src_uri] = page
        theme_setup.drop_unused_assets(files, config)
        self.urls.update({f.src_uri: f.url for f in files})
        self.originals = find_originals(self.catalog, files)
        return files

    def on_nav(self, nav, *, config, files):
        self.cached = CachedPages(None, {}, {})
        if not (self.config.enabled and self.pages):
            return nav
        markdown = report_markdown(files, self.pages)
        cache = RenderCache(self.cache_dir / "rendered", config) if self.cache_dir else None
        self.cached = CachedPages(cache, markdown, self.urls)
        if self.parallel:
            self.prerender = Prerender(config, files, {src: text for src, text in markdown.items()
                                                       if not self.cached.has(src)})
        return nav

    def on_pre_page(self, page, *, config, files):
        if not self.cached.bind(page) and self.prerender:
            self.prerender.bind(page)
        return page

    def on_env(self, env, *, config, files):
        self._stop_prerender()  # every page is rendered by now
        env.globals["archive_memo"] = theme_setup.BlockMemo()
        if self.cache_dir:
            cache_compiled_templates(env, self.cache_dir / "templates")
        self.cached.keep_new(files)
        return env

    def on_build_error(self, *, error) -> None:
        self._stop_prerender()
        if getattr(self, "open_data", None):
            self.open_data.cancel()

    def _stop_prerender(self) -> None:
        if self.prerender:
            self.prerender.close()
            self.prerender = None

    def on_page_read_source(self, *, page, config):
        """A report page's body as read in on_files: MkDocs need not read the file and parse its front
        matter a second time (on_page_markdown gives the page its front matter)."""
        if self.config.enabled and page.file.src_uri in self.pages:
            return self.pages[page.file.src_uri][1]
        return None

    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled:
            return markdown
        src = page.file.src_uri
        if entry := self.catalog.by_src.get(src):
            # Only the registry's fields reach Material: a key staff add (template, hide, …) is theirs to
            # keep in the file, but it must not change how the page is built.
            page.meta = {k: v for k, v in self.pages[src][0].items() if k in BY_KEY}
            page.meta["template"] = "archive-report.html"
            # Material prints the description into an attribute as it is: escape it here.
            page.meta.setdefault("description", esc(page_description(entry)))
            page.update_date = entry.added  # sitemap lastmod: from the data, not the build time
        elif index := self.index.get(src):
            page.meta["template"] = "archive-index.html"
            page.update_date = max((e.added for e in index.entries), default=page.update_date)
        return markdown

    def on_page_content(self, html, *, page, config, files):
        if not self.config.enabled:
            return html
        src, link = page.file.src_uri, self._linker(page.url)
        if entry := self.catalog.by_src.get(src):
            self.cached.saw(src, html)  # as rendered (or taken from the cache): our plugin sees it first
            return with_card(html, entry.meta.title, card(entry, self.catalog, link))
        if index := self.index.get(src):
            body = index.render(link)
            page.toc = get_toc([{"level": 1, "id": "archive-title", "name": esc(index.title), "children": [
                {"level": h.level, "id": h.id, "name": esc(h.title), "children": []} for h in body.headings]}])
            return f'<h1 id="archive-title">{esc(index.title)}</h1>\n{body.html}'
        return html

    def on_page_context(self, context, *, page, config, nav):
        if self.config.enabled:
            parts = self._parts(page, config)
            if page.file.src_uri in self.catalog.by_src and not page.parent and page not in nav.pages:
                parts = replace(parts, memo=f"report:{context['base_url']}:")
            context["archive"] = parts
        return context

    def on_post_build(self, *, config):
        if not self.config.enabled:
            return
        site_dir, site_url = Path(config.site_dir), config.site_url or ""
        written = {}
        for feed in feeds(self.catalog, config.site_name):
            def href(src: str, feed=feed) -> str:
                url = self.urls.get(src, src)
                return urljoin(site_url, url) if site_url else get_relative_url(url, feed.path)
            xml = atom(feed, config.site_name, href, urljoin(site_url, feed.path) if site_url else "")
            written[feed.path] = xml.encode("utf-8")
        write_files(site_dir, written, self.previous_site)
        self.open_data.finish(site_dir, self.previous_site)
        theme_setup.settle_sitemap(site_dir, self.previous_site)
        self.cached.save()

    def _parts(self, page, config) -> PageParts:
        src, link = page.file.src_uri, self._linker(page.url)
        if entry := self.catalog.by_src.get(src):
            absolute = bool(config.site_url)
            permalink = urljoin(config.site_url, page.url) if absolute else link(src)
            return report_parts(entry, self.catalog, self.originals.get(src), link, permalink, absolute,
                                config.site_name)
        if index := self.index.get(src):
            return index_parts(index, link, config.site_name)
        return PageParts()

    def _linker(self, page_url: str):
        def link(src: str, anchor: str = "") -> str:
            url = get_relative_url(self.urls.get(src, src), page_url)
            return f"{url}#{anchor}" if anchor else url
        return link


def _refuse_undecodable_names(files: Files) -> None:
    """A file name that is not UTF-8 (copied from a disk written with another encoding) has no address."""
    for file in files:
        if undecodable(file.src_uri):
            raise PluginError(f"{printable(file.src_uri)}：文件名含有无法识别的字符（不是 UTF-8 编码），"
                              "请把这个文件改成正常的中文或英文文件名后重新生成")


def _stub(title: str) -> str:
    """The generated page's Markdown: only its title (JSON is YAML); the plugin writes the body."""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
