"""Browser fixtures: the system Chromium (never `playwright install`), a local static server, and
pages that record every request so tests can prove nothing leaves 127.0.0.1."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("ARCHIVE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-quic", "--no-first-run", "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
DEMO_REPORTS = ROOT / "demo" / "reports"


def run_archive(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run the `archive` command as staff would, and return its result."""
    command = [sys.executable, "-m", "converter", *args]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"archive {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port, in a thread."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def serve():
    servers = []

    def start(folder: Path) -> str:
        server = StaticServer(folder)
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.close()


class RecordedPage:
    """A browser page plus every URL it requested."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).scheme not in ("data", "blob", "about")
                and urlparse(u).hostname != "127.0.0.1"]


@pytest.fixture
def recorded_page(browser):
    context = browser.new_context()
    # Anything not addressed to 127.0.0.1 is recorded (above) and then refused here.
    context.route(lambda url: urlparse(url).hostname not in ("127.0.0.1", None), lambda route: route.abort())
    page = RecordedPage(context.new_page())
    yield page
    context.close()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo archive (demo/reports) imported into a fresh copy of the project and built."""
    archive = tmp_path_factory.mktemp("demo-archive")
    shutil.copy(ROOT / "mkdocs.yml", archive / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", archive / "docs", ignore=shutil.ignore_patterns("reports"))
    run_archive("add", str(DEMO_REPORTS), cwd=archive)
    run_archive("build", cwd=archive)
    return archive / "site"


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page, context: dict | None = None, options: dict | None = None) -> list[dict]:
    """axe-core's violations on the page. axe is evaluated over the DevTools protocol rather than added as a
    <script>, so the site's Content-Security-Policy (own script files only) stays in force while it scans."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make setup` (npm ci)")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate("([c, o]) => axe.run(c || document, o || {}).then(r => r.violations)",
                         [context, {"resultTypes": ["violations"], **(options or {})}])
