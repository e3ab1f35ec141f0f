"""The built site as files: nothing fetched from a third party, the same bytes on every build, feeds,
sitemap and the size of a report page. This archive has a site_url (the browser tests' has none)."""
from __future__ import annotations

import gzip
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import run_archive
from .site_archive import build_archive, front_matter

SITE_URL = "https://baogao.example.gov.cn/dangan/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
REPORT_PAGE_BUDGET = 40 * 1024  # bytes of HTML around the report's own text

# Links a browser fetches by itself. Links a reader may follow (a[href], link rel=alternate/canonical,
# form actions) are not fetches, and a source URL shown to the reader is allowed.
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload", "prefetch",
                 "preconnect", "dns-prefetch", "modulepreload", "manifest"}
FETCHING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "xlink:href"}
ABSOLUTE = re.compile(r"^\s*(?:https?:)?//", re.I)
CSS_FETCH = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"]?)((?:https?:)?//[^'")\s]+)""", re.I)
JS_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""", re.I)
# Absolute URLs in Material's script that are never fetched by this archive, and why (checked below).
JS_NEVER_FETCHED = {
    "https://unpkg.com/resize-observer-polyfill": "only without ResizeObserver; archive-head.js defines one first",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only for Mermaid diagrams; reports have none",
    "https://api.github.com/users/${e}": "repository facts, only with repo_url; the archive sets none",
    "https://api.github.com/repos/${e}/${t}": "repository facts, only with repo_url",
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}": "GitLab repository facts, only with repo_url",
}


class FetchFinder(HTMLParser):
    """Absolute URLs an HTML page makes the browser fetch without the reader doing anything."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._inside: str = ""

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        self._inside = tag if tag in ("style", "script") and values.get("type", "") in ("", "module", "text/javascript") else ""
        for name in FETCHING_ATTRIBUTES & values.keys():
            self.found += [u for u in re.split(r"[,\s]+", values[name]) if ABSOLUTE.match(u)]
        if tag in ("use", "image") and ABSOLUTE.match(values.get("href", "")):
            self.found.append(values["href"])
        if tag == "link" and FETCHING_RELS & set(values.get("rel", "").lower().split()):
            self.found += [values["href"]] if ABSOLUTE.match(values.get("href", "")) else []
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh" and "//" in values.get("content", ""):
            self.found.append(values["content"])
        self.found += CSS_FETCH.findall(values.get("style", ""))

    def handle_endtag(self, tag):
        self._inside = ""

    def handle_data(self, data):
        if self._inside == "style":
            self.found += CSS_FETCH.findall(data)
        elif self._inside == "script":
            self.found += JS_URL.findall(data)


def third_party_fetches(site: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            finder = FetchFinder()
            finder.feed(path.read_text(encoding="utf-8"))
            urls = finder.found
        elif path.suffix == ".css":
            urls = CSS_FETCH.findall(path.read_text(encoding="utf-8"))
        elif path.suffix == ".js":
            urls = [u for u in JS_URL.findall(path.read_text(encoding="utf-8")) if u not in JS_NEVER_FETCHED]
        else:
            continue
        if urls:
            found[str(path.relative_to(site))] = urls
    return found


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return build_archive(tmp_path_factory.mktemp("built"), site_url=SITE_URL)


@pytest.fixture(scope="module")
def site(archive) -> Path:
    return archive / "site"


def test_the_scanner_finds_the_fetches_it_is_meant_to_find():
    finder = FetchFinder()
    finder.feed('<link rel="stylesheet" href="https://cdn.example/x.css"><img src="//cdn.example/a.png">'
                '<a href="https://gov.cn/">来源</a><link rel="alternate" href="https://e.cn/feed.xml">'
                '<div style="background:url(https://cdn.example/b.png)"></div><script>fetch("https://t.example/")</script>'
                '<script type="application/ld+json">{"@context": "https://schema.org"}</script>')
    assert finder.found == ["https://cdn.example/x.css", "//cdn.example/a.png", "https://cdn.example/b.png",
                            "https://t.example/"]


def test_no_page_stylesheet_or_script_fetches_anything_from_a_third_party(site):
    assert third_party_fetches(site) == {}


def test_what_materials_script_could_fetch_is_never_triggered(site):
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    for html in pages:
        assert html.index("archive-head.js") < html.index("javascripts/bundle.")
        assert 'class="mermaid"' not in html and "md-source" not in html


def test_every_page_says_it_is_in_simplified_chinese(site):
    for page in site.rglob("*.html"):
        assert '<html lang="zh-CN"' in page.read_text(encoding="utf-8"), page


def test_the_sitemap_lists_every_report_with_its_address_and_date(site, archive):
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    lastmod = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod").text for u in root}
    for path, meta in front_matter(archive).items():
        assert lastmod[SITE_URL + path] == (meta.imported or meta.date)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()


def test_the_feeds_list_the_new_reports_with_full_addresses(site, archive):
    reports = front_matter(archive)
    root = ET.fromstring((site / "feed.xml").read_bytes())
    links = {e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")}
    assert links == {SITE_URL + path for path in reports}
    issuer = ET.fromstring((site / "issuers" / "qukejiju" / "feed.xml").read_bytes())
    titles = sorted(e.find(f"{ATOM}title").text for e in issuer.iter(f"{ATOM}entry"))
    assert titles == sorted(m.title for m in reports.values() if m.issuer == "区科技局")


def test_building_again_gives_the_same_bytes(archive, site):
    run_archive("build", "--site-dir", "again", cwd=archive)
    again = archive / "again"
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(p) for p in first if first[p] != second[p]] == []


def test_a_report_page_needs_less_than_40_kb_besides_its_text(site, archive):
    for path in front_matter(archive):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        text = html[html.index("data-search-body>"):html.index('<div class="archive-aside">')]
        assert len(html.encode()) - len(text.encode()) < REPORT_PAGE_BUDGET, path


def test_a_report_page_with_a_bad_year_stops_the_build_with_one_chinese_line(archive, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(archive, broken, ignore=shutil.ignore_patterns("site", "again"))
    page = next((broken / "docs" / "reports").glob("*/*.md"))
    page.write_text(re.sub(r"(?m)^year: \d+$", "year: 二〇二三", page.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_archive("build", cwd=broken, check=False)
    name = page.relative_to(broken).as_posix()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == f"{name}：错误：年度（year）应是 1949–2100 之间的年份（四位数字），现为 “二〇二三”。请写成例如“year: 2023”。"
    assert not (broken / "site").exists()
