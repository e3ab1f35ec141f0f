"""The live preview: the site built into `.archive/preview/`, rebuilt when the archive changes, and the
version number open pages wait on to reload themselves.

The archive changes by an import (the inbox, the desk), a save in the desk, or a page or `mkdocs.yml`
edited on disk; all of them show as a changed time stamp under `docs/` or of the configuration, which
is what the builder watches. A failed build keeps the last good preview and says why (`error`).
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from urllib.parse import unquote

from converter.archive.atomic import file_stamp
from converter.archive.build import build_preview
from converter.archive.pages import STATE
from converter.archive.prepare import program_error
from converter.metadata.topics import ARCHIVE_TAXONOMY
from converter.model.errors import ArchiveError

PREVIEW = STATE / "preview"
POLL = 0.5  # seconds between looks at the archive's files
QUIET = 0.3  # a change is built once nothing has changed for this long (an import writes several files)
RELOAD_SCRIPT = "/_preview/reload.js"
log = logging.getLogger(__name__)


class Changes:
    """A number that goes up when something changed, and a way to wait for that (long polling)."""

    def __init__(self) -> None:
        self.count = 0
        self._changed = threading.Condition()

    def bump(self) -> None:
        with self._changed:
            self.count += 1
            self._changed.notify_all()

    def wait(self, since: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.count != since, timeout)
            return self.count


class Preview:
    def __init__(self, root: Path, on_built=lambda: None):
        self.root, self.folder, self.on_built = root, root / PREVIEW, on_built
        self.version = Changes()  # a build that succeeded
        self.error = ""  # why the last build failed ("" when it did not)
        self.building = False
        self._asked = threading.Event()

    def rebuild(self) -> None:
        """Build again soon (the desk saved a page: do not wait for the next look)."""
        self._asked.set()

    def watch(self, stop: threading.Event) -> None:
        seen = None
        while not stop.is_set():
            stamps = self._stamps()
            if stamps != seen or self._asked.is_set():
                time.sleep(QUIET)
                if self._stamps() != stamps:
                    continue  # still being written
                self._asked.clear()
                seen = stamps
                self._build()
            self._asked.wait(POLL)

    def _stamps(self) -> int:
        files = [self.root / "mkdocs.yml", self.root / ARCHIVE_TAXONOMY]
        files += [p for p in (self.root / "docs").rglob("*") if not p.name.startswith(".")]
        return hash(tuple((str(p), file_stamp(p)) for p in files))

    def _build(self) -> None:
        self.building = True
        try:
            build_preview(self.root, self.folder)
            self.error = ""
            self.version.bump()
        except ArchiveError as error:
            self.error = error.line()
        except Exception as error:  # a bug must not end the preview: the next change builds again
            self.error = program_error(None, error)
            log.error("预览：%s", self.error, exc_info=log.isEnabledFor(logging.INFO))
        finally:
            self.building = False
            self.on_built()

    def file(self, url_path: str) -> Path | None:
        """The preview's file for a URL path, or None. Only names inside the preview folder: no `..`,
        no hidden files, no backslashes, and what the path resolves to must still be inside."""
        parts = [unquote(part) for part in url_path.split("/") if part]
        if any(p in (".", "..") or p.startswith(".") or "\\" in p or "\x00" in p for p in parts):
            return None
        path = self.folder.joinpath(*parts)
        if path.is_dir():
            path = path / "index.html"
        try:
            path.resolve().relative_to(self.folder.resolve())
        except (ValueError, OSError):
            return None
        return path if path.is_file() else None


def with_reload(html: str, version: int) -> str:
    """A preview page that reloads itself after the next build (a script file: the site's CSP allows
    no inline script)."""
    tag = f'<script src="{RELOAD_SCRIPT}" data-version="{version}"></script>'
    at = html.rfind("</body>")
    return html[:at] + tag + html[at:] if at != -1 else html + tag
