"""Thin MkDocs plugin: reads the catalog, adds generated index pages, keeps the nav small."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import csp
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
        csp.install(config)
        if not config.nav:
            config.nav = [{"首页": "index.md"}]
        return config

    def on_post_page(self, output: str, *, page, config) -> str:
        return csp.with_policy(output)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        return csp.with_policy(output_content)

    @staticmethod
    def _catalog(files: Files) -> list[Entry]:
        entries = []
        for file in files.documentation_pages():
            if file.src_uri.startswith("reports/"):
                entry = entry_from_page(file.src_uri, file.content_string)
                if entry:
                    entries.append(entry)
        return entries
