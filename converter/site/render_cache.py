"""Report pages' rendered Markdown kept between builds, so that a rebuild renders only what changed.

Rendering the reports' Markdown is the largest part of a build (about 7 CPU s of 1000 reports), and staff
rebuild after adding one report. An entry holds what `Page.render` left on a page (HTML, table of
contents, title, anchor ids, links to its own anchors), named by a digest of its Markdown and URL; the
file (a `DiskMemo`, .archive/build/rendered) is named valid for the Markdown configuration and the
versions of MkDocs, Python-Markdown and the code of each Markdown extension. Anything else changes the
name or the version, so an entry is never stale; it is only left unused, and saving drops it.

Only pages whose Markdown has no link, picture or raw HTML are kept: rendering those also reads which
other files exist (a picture beside the report may be replaced or removed), which the name cannot hold.
Reports converted from documents have none unless they carry pictures; those are rendered every time.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
from pathlib import Path

from converter.data.disk_memo import DiskMemo, digest
from converter.site.mkdocs_api import get_toc

VERSION = 3
LINKING = re.compile(r"\]\(|<|\[(?!\^)[^\]\n]*\]:")  # inline links and pictures, raw HTML, link definitions


class RenderCache:
    def __init__(self, path: Path, config):
        self.memo = DiskMemo(path, _salt(config), compress=False)

    def key(self, url: str, markdown: str) -> str | None:
        """The entry's name for a page rendered at `url` from `markdown`; None when it may not be kept."""
        return None if LINKING.search(markdown) else digest(f"{url}\0{markdown}")

    def has(self, key: str) -> bool:
        return self.memo.knows(key)

    def apply(self, key: str, page) -> None:
        """Give `page` what rendering left on it last time (the entry `has`)."""
        content, toc, title, anchors, own_links = self.memo.take(key)
        page.content, page.toc, page._title_from_render = content, get_toc(toc), title
        page.present_anchor_ids = set(anchors)
        page.links_to_anchors = {page.file: dict(own_links)} if own_links else {}

    def keep(self, key: str, page, content: str) -> None:
        """Store what `page.render` left on `page`: `content`, its HTML (plugins change `page.content`
        after), and its table of contents, title and anchor ids."""
        links = page.links_to_anchors or {}
        if set(links) - {page.file}:  # links to anchors of other pages: not kept
            return
        self.memo.put(key, (content, [_token(item) for item in page.toc or []], page._title_from_render,
                            sorted(page.present_anchor_ids or ()), links.get(page.file) or {}))

    def save(self) -> None:
        """Write the entries this build used (those of reports changed or removed since go)."""
        self.memo.save()


class CachedPages:
    """What the plugin does with a `RenderCache` (None: no cache) in one build: report pages it holds get a
    render that takes the entry (`bind`); the HTML of those rendered now (`saw`) is kept (`keep_new`)."""

    def __init__(self, cache: RenderCache | None, markdown: dict[str, str], urls: dict[str, str]):
        """`markdown`: each report page's Markdown by src_uri; `urls`: each page's URL."""
        self.cache, self.markdown, self.rendered = cache, markdown, {}
        self.keys = {src: key for src, text in markdown.items() if cache and (key := cache.key(urls[src], text))}

    def has(self, src: str) -> bool:
        return src in self.keys and self.cache.has(self.keys[src])

    def bind(self, page) -> bool:
        """Give `page` a render that takes its entry, when there is one."""
        if not self.has(page.file.src_uri):
            return False
        page.render = lambda config, files: self._render(page, config, files)
        return True

    def saw(self, src: str, html: str) -> None:
        if src in self.keys:
            self.rendered[src] = html

    def keep_new(self, files) -> None:
        for src, html in self.rendered.items():
            page = files.get_file_from_path(src).page
            if page.markdown == self.markdown[src] and not self.cache.has(self.keys[src]):
                self.cache.keep(self.keys[src], page, html)
        self.rendered = {}

    def save(self) -> None:
        if self.cache:
            self.cache.save()

    def _render(self, page, config, files) -> None:
        del page.render
        src = page.file.src_uri
        if page.markdown == self.markdown[src]:
            self.cache.apply(self.keys[src], page)
        else:
            page.render(config, files)  # a plugin changed the Markdown after it was read


def _token(item) -> dict:
    return {"level": item.level, "id": item.id, "name": item.title,
            "children": [_token(child) for child in item.children]}


def _salt(config) -> str:
    """What, besides the page, decides the HTML: the Markdown settings and the code that applies them."""
    extensions = [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}"
                  for e in config["markdown_extensions"]]
    parts = [str(VERSION), *(importlib.metadata.version(d) for d in ("mkdocs", "markdown")),
             json.dumps(extensions), json.dumps(config["mdx_configs"] or {}, sort_keys=True, default=repr),
             *(_source_digest(e) for e in extensions)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _source_digest(extension: str) -> str:
    """The extension's own code (ours changes without a version number), or '' for a built-in one."""
    for name in (extension, f"markdown.extensions.{extension}"):
        try:
            spec = importlib.util.find_spec(name.partition(":")[0])
        except (ImportError, ValueError):
            continue
        if spec and spec.origin and os.path.isfile(spec.origin):
            return hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest()
    return ""
