"""Build and serve the site with MkDocs.

A build goes to a temporary folder beside the site and replaces the last good site only when it succeeded
(`atomic.replace_dir`), so a failed or killed build leaves the previous site as it was. `serve` also
watches the archive's inbox.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Callable

from mkdocs.commands import build as mkdocs_build
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..atomic import recover_dir, replace_dir
from ..errors import ArchiveError
from ..inbox import Inbox
from ..lock import archive_lock

LOCK_WAIT = 10.0  # seconds a build waits for an import to finish


def build_site(root: Path, site_dir: Path) -> None:
    site_dir = (root / site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with archive_lock(root, "archive build", wait=LOCK_WAIT):
        recover_dir(site_dir)
        for stale in site_dir.parent.glob(f".{site_dir.name}.building-*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a killed build: nobody else builds now
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
        try:
            mkdocs_build.build(_config(root, site_dir=str(staging)))
            replace_dir(staging, site_dir)
        except MkDocsException as error:
            raise ArchiveError("build-failed", f"网站生成失败：{error}",
                               "原有网站未被改动；请按提示修正后重新生成") from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def serve_site(root: Path, dev_addr: str, on_outcome: Callable = lambda outcome: None) -> None:
    """Live preview at `dev_addr`; files dropped into inbox/ are imported while it runs."""
    os.chdir(root)
    stop = threading.Event()
    watcher = threading.Thread(target=Inbox(root, on_outcome).watch, args=(stop,), daemon=True, name="inbox")
    watcher.start()
    try:
        mkdocs_serve.serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    except MkDocsException as error:
        raise ArchiveError("serve-failed", f"预览启动失败：{error}", "请检查 mkdocs.yml 后重试") from error
    except OSError as error:
        raise ArchiveError("serve-failed", f"预览启动失败：地址 {dev_addr} 已被占用或无效",
                           "请换一个端口，例如 --dev-addr 127.0.0.1:8001") from error
    finally:
        stop.set()


def _config(root: Path, **overrides):
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(config_file=str(root / "mkdocs.yml"), **overrides)
