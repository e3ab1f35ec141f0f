"""Everything the package takes from MkDocs, in one place (the adapter that a move to ProperDocs, or off
MkDocs, would change; MkDocs 2.0 drops plugins). No other module imports `mkdocs`.

Material prints a banner about MkDocs 2.0 on stderr unless NO_MKDOCS_2_WARNING is set; staff should see
only our messages, so it is set before Material is loaded.
"""
from __future__ import annotations

import os

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands import build as mkdocs_build  # noqa: E402
from mkdocs.config import base, config_options, load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException, PluginError  # noqa: E402
from mkdocs.plugins import BasePlugin, get_plugin_logger  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

__all__ = ["BasePlugin", "File", "Files", "MkDocsException", "Page", "PluginError", "base", "config_options",
           "get_data", "get_plugin_logger", "get_relative_url", "get_toc", "load_config", "mkdocs_build"]
