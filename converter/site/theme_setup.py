"""Settings the archive's pages depend on, applied to every archive's config (also those made with
`archive init` long ago): our theme folder, lang="zh-CN", no Google Fonts, our CSS and scripts."""
from __future__ import annotations

import gzip
import io
import logging
from pathlib import Path

from converter.site.site_files import write_files

log = logging.getLogger("mkdocs.plugins.archive")

THEME_DIR = Path(__file__).parent / "theme"
CSS = "assets/archive/archive.css"
HEAD_SCRIPT = "assets/archive/archive-head.js"  # runs before the page is drawn: font size, no polyfill fetch
SCRIPT = "assets/archive/archive.js"
# Material's own search (lunr) is replaced by the archive's; its files would only be dead weight.
UNUSED_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def configure(config) -> None:
    theme = config.theme
    if theme.name != "material":
        log.warning("档案网站的页面模板基于 Material 主题：请在 mkdocs.yml 中保留 theme: name: material")
    if str(THEME_DIR) not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME_DIR))
    if "language" in theme and theme["language"] == "zh":
        theme["language"] = "zh-CN"  # our partials/languages/zh-CN.html: Material's zh with lang="zh-CN"
    if "font" in theme and theme["font"] is not False:
        log.warning("mkdocs.yml 的 theme.font 会让网页从 Google 加载字体；已按 font: false 生成（网站不向第三方发出请求）")
        theme["font"] = False
    _append(config.extra_css, CSS)
    _append(config.extra_javascript, SCRIPT)
    config.extra["polyfills"] = _append(list(config.extra.get("polyfills") or []), HEAD_SCRIPT)


class BlockMemo:
    """`{% call archive_memo(key) %}…{% endcall %}`: the enclosed template output is made once per key
    and build. Report pages outside the nav at the same depth have the same tabs, footer, Material
    config and scripts, byte for byte (no active nav item, no previous/next page, the same relative
    URLs): archive-report.html renders them once (a tenth of the template time at 1000 reports).
    An empty key renders as usual."""

    def __init__(self):
        self.done: dict[str, str] = {}

    def __call__(self, key: str, caller) -> str:
        if not key:
            return caller()
        if key not in self.done:
            self.done[key] = caller()
        return self.done[key]


def drop_unused_assets(files, config) -> None:
    if "material/search" in config.plugins or "search" in config.plugins:
        return
    for file in [f for f in files if f.src_uri.startswith(UNUSED_ASSETS)]:
        files.remove(file)


def settle_sitemap(site_dir: Path, previous: Path | None = None) -> None:
    """MkDocs stamps sitemap.xml.gz with the build time; rewrite it with a fixed one so that the same
    archive always builds to the same bytes (`previous`: the site being replaced, see site_files)."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.exists():
        return
    zipped = io.BytesIO()
    with gzip.GzipFile(fileobj=zipped, filename="", mode="wb", mtime=0) as gz:
        gz.write(sitemap.read_bytes())
    write_files(site_dir, {"sitemap.xml.gz": zipped.getvalue()}, previous)


def _append(items: list, value: str) -> list:
    if value not in [str(item) for item in items]:
        items.append(value)
    return items
