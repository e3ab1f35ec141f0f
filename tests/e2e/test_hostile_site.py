"""Reports whose text is markup, script, Markdown, YAML or template code: imported and built through
the CLI, the site shows that text as text. Checked in the built HTML and in Chromium (no dialog, no
injected script runs); the Content-Security-Policy is first in every page and the theme runs under it."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx_factory import simple_report
from hostile_docx import (
    CAMERA_METADATA,
    PAYLOADS,
    YAML_LINES,
    hostile_body_report,
    hostile_core_title_report,
    hostile_table_report,
    hostile_title_report,
)
from lxml import html

from converter.data.frontmatter import split_page
from converter.site.csp import META

from .conftest import run_archive

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "poster", "data", "background"}
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.I)
DATA_BLOCKS = {"application/json", "application/ld+json"}
FOREIGN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
HOSTILE_FILE_NAME = "x<img src=x onerror=alert(17)>.docx"
HOSTILE_ISSUER = "<b onclick=alert(10)>区科技局</b>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """An archive with one report per kind of payload, imported and built with the CLI."""
    root = tmp_path_factory.mktemp("hostile")
    archive = root / "档案"
    run_archive("init", str(archive), cwd=root)
    sources = [hostile_body_report(root / "body.docx"), hostile_title_report(root / "title.docx"),
               hostile_table_report(root / "table.docx"), hostile_core_title_report(root / HOSTILE_FILE_NAME)]
    before = {p for p in root.rglob("*")}
    for source in sources:  # the issuer given by staff reaches the front matter whatever the extractor finds
        run_archive("add", str(source), "--issuer", HOSTILE_ISSUER, cwd=archive)
    written = {p for p in root.rglob("*")} - before
    run_archive("build", cwd=archive)
    return archive, written


def report_page(archive: Path, source: str) -> Path:
    """The built HTML page of the report imported from `source`."""
    for page in (archive / "docs" / "reports").glob("*/*.md"):
        if split_page(page.read_text(encoding="utf-8"))[0].get("source") == source:
            relative = page.relative_to(archive / "docs").with_suffix("")
            return archive / "site" / relative / "index.html"
    raise AssertionError(f"no page imported from {source}")


def markup_problems(path: Path) -> list[str]:
    """Script, event handlers, script URLs and embedding elements that are not the theme's own."""
    problems = []
    for element in html.parse(str(path)).getroot().iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "script" and not _theme_script(element):
            problems.append(f"script: {html.tostring(element, encoding='unicode')[:80]}")
        if tag in FOREIGN_ELEMENTS or (tag == "meta" and element.get("http-equiv", "").lower() == "refresh"):
            problems.append(f"element: {tag}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"handler: <{tag} {name}={value[:40]}>")
            if name.lower() in URL_ATTRIBUTES and BAD_SCHEME.match(re.sub(r"[\s\x00-\x1f]", "", value)):
                problems.append(f"url: <{tag} {name}={value[:40]}>")
    return problems


def _theme_script(element) -> bool:
    """A data block (not run), or a file of the site's own assets/ with nothing inline."""
    if (element.get("type") or "").lower() in DATA_BLOCKS:
        return True
    source = element.get("src") or ""
    return bool(re.fullmatch(r"(?:\.\./)*(?:\./)?/?assets/[\w./-]+\.js", source)) and not (element.text or "").strip()


def test_the_body_payloads_reach_no_page_as_markup(hostile_site):
    archive, _ = hostile_site
    assert markup_problems(report_page(archive, "body.docx")) == []


def test_readers_see_the_body_payloads_as_the_text_that_was_written(hostile_site):
    archive, _ = hostile_site
    article = html.parse(str(report_page(archive, "body.docx"))).getroot().find(".//article")
    text = article.text_content()
    missing = [p for p in [*PAYLOADS, *YAML_LINES, "一、<script>alert('heading')</script>主要工作"] if p not in text]
    assert missing == []
    templated = [p.text_content() for p in article.iter("p") if "{% raw %}" in p.text_content()]
    assert templated and not any("49" in p for p in templated)  # {{ 7*7 }} was not evaluated


def test_table_cell_payloads_reach_no_page_as_markup(hostile_site):
    archive, _ = hostile_site
    assert markup_problems(report_page(archive, "table.docx")) == []


def test_a_title_payload_reaches_no_page_as_markup(hostile_site):
    archive, _ = hostile_site
    assert markup_problems(report_page(archive, "title.docx")) == []


def test_core_property_title_file_name_and_issuer_payloads_reach_no_page_as_markup(hostile_site):
    archive, _ = hostile_site
    assert markup_problems(report_page(archive, HOSTILE_FILE_NAME)) == []


def test_index_and_year_pages_list_hostile_titles_as_text(hostile_site):
    archive, _ = hostile_site
    pages = [archive / "site" / "index.html", *(archive / "site" / "years").rglob("index.html")]
    assert len(pages) >= 4
    assert {str(p.relative_to(archive)): markup_problems(p) for p in pages if markup_problems(p)} == {}


def test_every_page_has_the_policy_first_in_its_head(hostile_site):
    archive, _ = hostile_site
    pages = list((archive / "site").rglob("*.html"))
    assert len(pages) >= 7
    assert [p for p in pages if not re.search(r"<head>" + re.escape(META), p.read_text(encoding="utf-8"))] == []


def test_importing_writes_only_inside_the_reports_folder_with_generated_names(hostile_site):
    """The picture is named ../../../../evil<script>.png inside the document. The importer may keep
    its own state in the archive's hidden folder (.archive/); in docs/ it writes only under reports/."""
    archive, written = hostile_site
    files = [p for p in written if p.is_file()]
    assert [p for p in files if archive not in p.parents] == []
    in_docs = [p for p in files if archive / "docs" in p.parents]
    assert in_docs and all((archive / "docs" / "reports") in p.parents for p in in_docs)
    names = [p.name for p in in_docs]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", name) for name in names), names
    assert not [p for p in archive.parent.rglob("*evil*")]


def test_no_published_file_carries_the_pictures_camera_metadata(hostile_site):
    """The picture in the body report has a PNG text chunk with a GPS position (as phone photos carry
    in EXIF): neither the sanitized .docx nor a picture written beside the page may keep it."""
    archive, _ = hostile_site
    published = [p for folder in ("docs", "site") for p in (archive / folder).rglob("*") if p.is_file()]
    assert any(p.suffix == ".docx" for p in published)
    assert [p for p in published if CAMERA_METADATA in unpacked(p)] == []


def unpacked(path: Path) -> bytes:
    """A file's bytes, or for a zip (.docx) the bytes of every part in it."""
    if not zipfile.is_zipfile(path):
        return path.read_bytes()
    with zipfile.ZipFile(path) as package:
        return b"".join(package.read(name) for name in package.namelist())


def test_no_svg_with_a_script_is_published(hostile_site):
    archive, _ = hostile_site
    published = [p for p in (archive / "site" / "reports").rglob("*") if p.is_file()]
    assert [p for p in published if p.suffix.lower() == ".svg" and b"<script" in p.read_bytes()] == []


@pytest.mark.browser
def test_no_dialog_opens_and_no_injected_script_runs_on_any_page(hostile_site, serve, recorded_page):
    archive, _ = hostile_site
    url = serve(archive / "site")
    page = recorded_page.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = sorted((archive / "site").rglob("*.html"))
    for path in pages:
        page.goto(url + path.relative_to(archive / "site").as_posix())
        page.wait_for_load_state("load")
        page.evaluate(TRIGGER_HANDLERS)
        page.wait_for_timeout(100)
        assert page.evaluate("window.__pwned") is None, path
    assert dialogs == []
    assert recorded_page.external_requests() == []


TRIGGER_HANDLERS = """() => {
  for (const el of document.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (attr.name.startsWith('on')) el.dispatchEvent(new Event(attr.name.slice(2), {bubbles: true}));
    }
  }
  for (const a of document.querySelectorAll('a[href]')) {
    if (/^\\s*(javascript|vbscript|data):/i.test(a.getAttribute('href'))) a.click();
  }
}"""
VIOLATIONS = ("window.__violations = []; document.addEventListener('securitypolicyviolation', "
              "e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));")


def pages_under_policy(page, url: str, site: Path) -> dict[str, list]:
    """Open every page; what the policy blocked on each, and whether the theme's script ran."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            and "Content Security Policy" in message.text else None)
    page.add_init_script(VIOLATIONS)
    found = {}
    for path in sorted(site.rglob("*.html")):
        page.goto(url + path.relative_to(site).as_posix())
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        ran = page.evaluate("document.documentElement.classList.contains('js') && typeof __md_get === 'function'")
        found[path.relative_to(site).as_posix()] = [*page.evaluate("window.__violations"), *([] if ran else ["theme did not run"])]
    found["page errors and policy messages"] = errors
    return found


@pytest.mark.browser
def test_the_theme_runs_under_the_policy_with_no_violation(tmp_path, serve, recorded_page):
    archive = tmp_path / "a"
    run_archive("init", str(archive), cwd=tmp_path)
    run_archive("add", str(simple_report(tmp_path / "r.docx")), cwd=archive)
    run_archive("build", cwd=archive)
    found = pages_under_policy(recorded_page.page, serve(archive / "site"), archive / "site")
    assert {page: problems for page, problems in found.items() if problems} == {}
    assert len(found) >= 5


@pytest.mark.browser
def test_the_demo_site_raises_no_policy_violation(demo_site, serve, recorded_page):
    found = pages_under_policy(recorded_page.page, serve(demo_site), demo_site)
    assert {page: problems for page, problems in found.items() if problems} == {}
