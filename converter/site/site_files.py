"""Writing the built site's files: a file the site being replaced holds with the same bytes is linked
from there instead of written again.

On this machine's ext4, writing a new file's data costs about eight times as much as linking an
existing one (1000 originals: 0.86 s copied, 0.11 s compared and linked), and most of a rebuild's
files are the same as last time. The replaced site is only ever renamed away and deleted, never
changed in place, so a file linked from it keeps its bytes.
"""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path


def write_files(folder: Path, files: dict[str, bytes], previous: Path | None = None) -> None:
    """Write `files` (path relative to `folder` → bytes); `previous`: the same folder in the site being
    replaced."""
    for parent in sorted({os.path.dirname(path) for path in files}):
        (folder / parent).mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        write_file(os.path.join(folder, path), data, os.path.join(previous, path) if previous else None)


def link_files(folder: Path, files: dict[str, bytes], previous: Path) -> None:
    """Put `files`, read from `previous` just now, into `folder` as links (written where linking fails)."""
    for parent in sorted({os.path.dirname(path) for path in files}):
        (folder / parent).mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        target = os.path.join(folder, path)
        remove(target)
        if not _linked(os.path.join(previous, path), target):
            with open(target, "wb") as out:
                out.write(data)


def write_file(target: str, data: bytes, old: str | None) -> None:
    """Write `data` to `target` (its folder exists), or link `old` there when it holds the same bytes.
    A file already at `target` is replaced, never written into: it may be linked to the old site."""
    remove(target)
    if old and _same_bytes(old, data) and _linked(old, target):
        return
    with open(target, "wb") as out:
        out.write(data)


def copy_file(source: str, target: str, old: str | None) -> None:
    """Copy `source` to `target` (its folder exists), or link `old` there when it has the same bytes."""
    remove(target)
    if old:
        try:
            with open(source, "rb") as original:
                data = original.read()
        except OSError:
            data = None
        if data is not None and _same_bytes(old, data) and _linked(old, target):
            return
    shutil.copyfile(source, target)


def remove(target: str | Path) -> None:
    """Take a file out of the way before writing one at its place (so as not to write into a link)."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        pass



def _linked(old: str, target: str) -> bool:
    try:
        os.link(old, target, follow_symlinks=False)
        return True
    except OSError:  # another file system, or no hard links: written instead
        return False


def _same_bytes(path: str, data: bytes) -> bool:
    """Is `path` a regular file (not a link to one elsewhere) holding `data`?"""
    try:
        found = os.lstat(path)
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(data):
            return False
        with open(path, "rb") as old:
            return old.read() == data
    except OSError:
        return False


class LinkingWriter:
    """Writes files into `site` (the site being built) as `write_file` does, with `previous` (the site it
    replaces) as the place of the old files: the same calls as MkDocs' own writing functions."""

    def __init__(self, site: Path, previous: Path | None):
        self.site, self.previous = os.path.abspath(site), os.path.abspath(previous) if previous else None

    def write(self, content: bytes, output_path: str) -> None:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        write_file(output_path, content, self._old(output_path))

    def copy(self, source_path: str, output_path: str) -> None:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        if os.path.exists(output_path) and os.path.samefile(source_path, output_path):
            raise shutil.SameFileError(source_path, output_path)  # as MkDocs' copy: a plugin wrote it there
        copy_file(source_path, output_path, self._old(output_path))

    def _old(self, output_path: str) -> str | None:
        relative = os.path.relpath(os.path.abspath(output_path), self.site)
        if not self.previous or relative.startswith(os.pardir):
            return None
        return os.path.join(self.previous, relative)
