"""Report pages' rendered Markdown kept between builds, so that a rebuild renders only what changed.

Rendering the reports' Markdown is the largest part of a build (about 7 CPU s of 1000 reports), and staff
rebuild after adding one report. An entry holds what `Page.render` left on a page (HTML, table of
contents, title, anchor ids), zlib-compressed JSON in one file per page, named by a digest of everything
the rendering read: the page's Markdown and URL, the Markdown configuration, and the versions of MkDocs,
Python-Markdown and the code of each Markdown extension. Anything else changes the name, so an entry is
never stale; it is only left unused, and the build removes what it did not use.

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
import zlib
from pathlib import Path

from converter.site.mkdocs_api import get_toc

VERSION = 2
LINKING = re.compile(r"\]\(|<|\[(?!\^)[^\]\n]*\]:")  # inline links and pictures, raw HTML, link definitions


class RenderCache:
    def __init__(self, folder: Path, config):
        self.folder = folder
        self.salt = _salt(config)
        self.used: set[str] = set()

    def key(self, url: str, markdown: str) -> str | None:
        """The entry's name for a page rendered at `url` from `markdown`; None when it may not be kept."""
        if LINKING.search(markdown):
            return None
        digest = hashlib.sha256(self.salt)
        digest.update(f"{url}\0{markdown}".encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def has(self, key: str) -> bool:
        return os.path.isfile(self._path(key))

    def apply(self, key: str, page) -> bool:
        """Give `page` what rendering left on it last time; False when the entry is gone or unreadable."""
        try:
            data = json.loads(zlib.decompress(self._path(key).read_bytes()))
            page.content, page.toc = data["content"], get_toc(data["toc"])
            page._title_from_render, page.present_anchor_ids = data["title"], set(data["anchors"])
            page.links_to_anchors = {page.file: dict(data["own_links"])} if data["own_links"] else {}
        except (OSError, ValueError, KeyError, TypeError, zlib.error):
            return False
        self.used.add(key)
        return True

    def keep(self, key: str, page, content: str) -> None:
        """Store what `page.render` left on `page`: `content`, its HTML (plugins change `page.content`
        after), and its table of contents, title and anchor ids."""
        self.used.add(key)
        links = page.links_to_anchors or {}
        if self.has(key) or set(links) - {page.file}:  # links to anchors of other pages: not kept
            return
        data = {"content": content, "toc": [_token(item) for item in page.toc or []],
                "title": page._title_from_render, "anchors": sorted(page.present_anchor_ids or ()),
                "own_links": links.get(page.file) or {}}  # footnotes link to anchors of the page itself
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(key)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            partial.write_bytes(zlib.compress(json.dumps(data, ensure_ascii=False).encode(), 1))
            os.replace(partial, path)
        except OSError:  # a full or read-only disk: the next build renders the page again
            partial.unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove the entries this build did not use (reports changed or removed since)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name not in self.used and not name.startswith("."):
                try:
                    os.unlink(self.folder / name)
                except OSError:
                    pass

    def _path(self, key: str) -> Path:
        return self.folder / key


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
            if page.markdown == self.markdown[src]:
                self.cache.keep(self.keys[src], page, html)
        self.rendered = {}

    def prune(self) -> None:
        if self.cache:
            self.cache.prune()

    def _render(self, page, config, files) -> None:
        del page.render
        src = page.file.src_uri
        if page.markdown != self.markdown[src] or not self.cache.apply(self.keys[src], page):
            page.render(config, files)  # a plugin changed the Markdown, or the entry is gone


def _token(item) -> dict:
    return {"level": item.level, "id": item.id, "name": item.title,
            "children": [_token(child) for child in item.children]}


def _salt(config) -> bytes:
    """What, besides the page, decides the HTML: the Markdown settings and the code that applies them."""
    extensions = [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}"
                  for e in config["markdown_extensions"]]
    parts = [str(VERSION), *(importlib.metadata.version(d) for d in ("mkdocs", "markdown")),
             json.dumps(extensions), json.dumps(config["mdx_configs"] or {}, sort_keys=True, default=repr),
             *(_source_digest(e) for e in extensions)]
    return "\0".join(parts).encode()


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
