"""Thin MkDocs plugin: reads the catalog, adds generated index pages, keeps the nav small."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .catalog import Entry, entry_from_page
from .indexes import index_pages


class ArchiveConfig(base.Config):
    pass


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def on_files(self, files: Files, *, config) -> Files:
        entries = self._catalog(files)
        for path, markdown in index_pages(entries, config.site_name).items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=markdown))
        return files

    def on_config(self, config):
        if not config.nav:
            config.nav = [{"首页": "index.md"}]
        return config

    @staticmethod
    def _catalog(files: Files) -> list[Entry]:
        entries = []
        for file in files.documentation_pages():
            if file.src_uri.startswith("reports/"):
                entry = entry_from_page(file.src_uri, file.content_string)
                if entry:
                    entries.append(entry)
        return entries
