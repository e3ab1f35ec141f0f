"""Build and serve the site with MkDocs. A build goes to a temporary folder and replaces the last good
site only when it succeeded."""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..errors import ArchiveError
from ..safety import refuse_unsafe_pages


def build_site(root: Path, site_dir: Path) -> None:
    refuse_unsafe_pages(root / "docs")
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        config = _config(root, site_dir=str(staging))
        mkdocs_build.build(config)
        _swap(staging, site_dir)
    except MkDocsException as error:
        raise ArchiveError("build-failed", f"网站生成失败：{error}", "原有网站未被改动；请按提示修正后重新生成") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    """Put `new` in place of `target` with renames only, so a killed build never leaves half a site."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def serve_site(root: Path, dev_addr: str) -> None:
    os.chdir(root)
    try:
        mkdocs_serve.serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    except MkDocsException as error:
        raise ArchiveError("serve-failed", f"预览启动失败：{error}", "请检查 mkdocs.yml 或端口是否被占用") from error


def _config(root: Path, **overrides):
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(config_file=str(root / "mkdocs.yml"), **overrides)
