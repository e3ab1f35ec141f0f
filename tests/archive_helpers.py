"""Helpers for tests that drive `archive` the way staff do: a fresh archive, the CLI run inside it."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner, Result

from converter.archive.project import init
from converter.cli.commands import main


def new_archive(tmp_path: Path) -> Path:
    archive = tmp_path / "档案 2024"
    init(archive)
    return archive


@contextmanager
def inside(folder: Path):
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run(archive: Path, *args: str, env: dict | None = None) -> Result:
    """`archive ARGS…` in `archive`, in this process (so monkeypatches reach forked workers)."""
    with inside(archive):
        return CliRunner(env=env).invoke(main, [str(a) for a in args], catch_exceptions=False)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its content, to prove what changed and what did not."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pages(archive: Path) -> list[str]:
    return sorted(p.relative_to(archive).as_posix() for p in (archive / "docs" / "reports").glob("*/*.md"))
