"""Everything the package takes from MkDocs, in one place (the adapter that a move to ProperDocs, or off
MkDocs, would change; MkDocs 2.0 drops plugins). No other module imports `mkdocs`.

Material prints a banner about MkDocs 2.0 on stderr unless NO_MKDOCS_2_WARNING is set; staff should see
only our messages, so it is set before Material is loaded.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import jinja2  # noqa: E402 - MkDocs' template engine
from mkdocs import utils as mkdocs_utils  # noqa: E402
from mkdocs.commands import build as mkdocs_build  # noqa: E402
from mkdocs.config import base, config_options, load_config  # noqa: E402
from mkdocs.exceptions import Abort, MkDocsException, PluginError  # noqa: E402
from mkdocs.plugins import BasePlugin, get_plugin_logger  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

__all__ = ["Abort", "BasePlugin", "File", "Files", "MkDocsException", "Page", "PluginError", "base", "config_options",
           "cache_compiled_templates", "get_data", "get_plugin_logger", "get_relative_url", "get_toc", "load_config",
           "mkdocs_build", "replace_file_writing"]


def replace_file_writing(write: Callable[[bytes, str], None], copy: Callable[[str, str], None]):
    """Have MkDocs write its files (pages, sitemap) with `write(content, path)` and copy the static ones
    with `copy(source, path)` until the returned function is called."""
    restore_write = _replace(mkdocs_utils, "write_file", write)
    restore_copy = _replace(mkdocs_utils, "copy_file", copy)

    def restore() -> None:
        restore_write()
        restore_copy()
    return restore


def _replace(module, name: str, replacement):
    original = getattr(module, name)
    setattr(module, name, replacement)

    def restore() -> None:
        setattr(module, name, original)
    return restore


def cache_compiled_templates(env, folder: Path) -> None:
    """Keep the theme's templates compiled in `folder` between builds (Jinja recompiles a template whose
    source changed): compiling them is half a second of every build."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only archive: compiled every time
        return
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
