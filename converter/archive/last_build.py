"""What the site in place was built from, so that `archive build` can tell when it has nothing to do.

After a build has replaced the site, `remember` writes a record into `.archive/build/last-build.json`:
a stamp of everything the build read (every file of the archive but the site, `inbox/`, hidden entries
of its root such as `.archive` and `.git`, and its `__pycache__`, each by size, times and identity; the
program's own files and the versions of the installed libraries; the day, since the check measures ID
numbers against today), the site folder it made, the check's findings and the messages the build
printed. When the next build finds the same stamp and the same site folder, the site is already what a
build would make: `unchanged` gives back the findings and messages instead (0.6-0.7 s instead of a
minute at 10,000 reports).

No stamp is taken (and the next build builds) when a file changed in the last seconds (its time stamp
might not tell a second change in the same tick, as in "racy git"), or when mkdocs.yml may make the
build read what the stamp does not cover: environment variables (`!ENV`), another configuration file
(`INHERIT`), a docs, theme or hooks folder outside the archive.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from converter.archive.pages import STATE
from converter.data import YAMLError, load_yaml
from converter.data.disk_memo import save_quietly

if TYPE_CHECKING:
    from converter.archive.check import CheckFinding

RECORD = STATE / "build" / "last-build.json"
PACKAGE = Path(__file__).resolve().parent.parent
NOT_READ = {"inbox", "__pycache__"}  # in the archive's root, besides hidden entries (.archive, .git, .venv…)
RACY_SECONDS = 3


@dataclass(frozen=True)
class LastBuild:
    findings: list[CheckFinding]
    logs: list[tuple[str, int, str]]  # the build's messages: (logger, level, text)

    def replay(self) -> None:
        for name, level, message in self.logs:
            logging.getLogger(name).log(level, "%s", message)


def inputs_stamp(root: Path, site_dir: Path, check: str) -> str | None:
    """A digest of all a build of `root` into `site_dir` with the check named `check` reads; None when
    it cannot be trusted (see the module's docstring)."""
    skipped = _not_read(root, site_dir)
    try:
        if not _reads_only(root, skipped):
            return None
        digest = hashlib.blake2b(f"{program_version()}\0{date.today()}\0{site_dir}\0{check}\0"
                                 f"{os.environ.get('SOURCE_DATE_EPOCH')}\0".encode(), digest_size=20)
        newest = time.time_ns() - RACY_SECONDS * 10**9
        for path, line, changed in _files(root, skipped):
            if changed > newest:
                return None
            digest.update(f"{path}\0{line}\n".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()
    except OSError:
        return None


def unchanged(root: Path, site_dir: Path, stamp: str | None) -> LastBuild | None:
    """What the last build found and said, when it was made from `stamp` into the site now in place."""
    from converter.archive.check import CheckFinding

    if stamp is None:
        return None
    try:
        record = json.loads((root / RECORD).read_text(encoding="utf-8"))
        if record["stamp"] != stamp or record["site"] != _site_identity(site_dir):
            return None
        return LastBuild([CheckFinding(**f) for f in record["findings"]],
                         [(str(n), int(lv), str(m)) for n, lv, m in record["logs"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(root: Path, site_dir: Path, stamp: str | None, findings: list, logs: list[logging.LogRecord]) -> None:
    """After the site in `site_dir` was replaced by a build from `stamp` (None: forget the last record)."""
    from converter.archive.check import CheckFinding

    record = root / RECORD
    if stamp is None or not all(isinstance(f, CheckFinding) for f in findings):
        record.unlink(missing_ok=True)
        return
    data = {"stamp": stamp, "site": _site_identity(site_dir), "findings": [asdict(f) for f in findings],
            "logs": [(r.name, r.levelno, r.getMessage()) for r in logs]}
    save_quietly(record, json.dumps(data).encode("ascii"))  # escaped: a file name may hold lone surrogates


@lru_cache(maxsize=1)
def program_version() -> str:
    """The package's files (code, rules, theme) and every installed library's version."""
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for library in sorted(f"{d.metadata['Name']}={d.version}" for d in importlib.metadata.distributions()):
        digest.update(library.encode() + b"\0")
    return digest.hexdigest()


def _not_read(root: Path, site_dir: Path) -> set[str]:
    """Names in the archive's root that are not a build's input, besides hidden ones (among them the site's
    temporary neighbours, `.site.building-*`): the inbox, `__pycache__`, the site."""
    return NOT_READ | ({site_dir.name} if site_dir.parent == root.resolve() else set())


def _reads_only(root: Path, skipped: set[str]) -> bool:
    """Does mkdocs.yml name only places in `root` that the stamp covers? Not when it inherits another
    file, or uses MkDocs' tags (`!ENV` reads environment variables; the safe loader refuses them)."""
    try:
        config = load_yaml((root / "mkdocs.yml").read_text(encoding="utf-8"))
    except (YAMLError, UnicodeDecodeError):
        return False
    if not isinstance(config, dict) or "INHERIT" in config:
        return False
    theme, hooks = config.get("theme"), config.get("hooks") or []
    places = [config.get("docs_dir", "docs"), *(hooks if isinstance(hooks, list) else [hooks])]
    if isinstance(theme, dict) and "custom_dir" in theme:
        places.append(theme["custom_dir"])
    inside = root.resolve()
    for place in places:
        resolved = (inside / place).resolve() if isinstance(place, str) else None
        if resolved is None or not resolved.is_relative_to(inside):
            return False
        top = resolved.relative_to(inside).parts[:1]
        if top and (top[0] in skipped or top[0].startswith(".")):
            return False
    return True


def _files(root: Path, skipped: set[str]):
    """(relative path, "size:mtime:ctime:inode", the later of its two times) of each file, in a fixed order.
    Raises OSError for a folder met twice (a link to a folder above it)."""
    pending, seen = [(root, "")], set()
    while pending:
        folder, prefix = pending.pop()
        s = folder.stat()
        identity = (s.st_dev, s.st_ino)
        if identity in seen:
            raise OSError(f"{folder}: a folder met twice")
        seen.add(identity)
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if not prefix and (entry.name in skipped or entry.name.startswith(".")):
                    continue
                name = prefix + entry.name
                if entry.is_dir():  # follows links, as MkDocs does
                    pending.append((Path(entry.path), name + "/"))
                    continue
                try:
                    s = entry.stat()
                except FileNotFoundError:  # a broken link
                    yield name, "-", 0
                    continue
                yield name, f"{s.st_size}:{s.st_mtime_ns}:{s.st_ctime_ns}:{s.st_ino}", max(s.st_mtime_ns, s.st_ctime_ns)


def _site_identity(site_dir: Path) -> list[int]:
    s = os.stat(site_dir)
    return [s.st_ino, s.st_mtime_ns]
