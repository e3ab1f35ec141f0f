"""The site's open data: every report's JSON beside its page, and the bulk files under data/, with what the
home page says of them (size, SHA-256). The bytes come from `converter.render.open_data`, so that
`archive export` writes the same; this module only knows the site's pages and where files go."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from converter.render.open_data import (
    CATALOG,
    CSV,
    JSONL,
    SCHEMA_FILE,
    bulk_files,
    json_path,
    record_json,
    report_record,
)
from converter.site.catalog import Catalog
from converter.site.forked import Forked
from converter.site.markup import Link, a, esc, human_size
from converter.site.mkdocs_api import PluginError
from converter.site.site_files import write_files

LABELS = {CATALOG: "报告目录（JSON，元数据）", JSONL: "全部报告全文（JSONL，每行一篇）", CSV: "元数据表（CSV，可用 Excel 或 WPS 打开）",
          SCHEMA_FILE: "字段说明（JSON Schema）"}


@dataclass
class OpenData:
    """`start` (archive build) makes and writes the files in a forked process while the pages are
    built; otherwise `finish` writes them. Either way `listing` describes the bulk files."""

    catalog: Catalog
    bodies: dict[str, str]  # src_uri → the page's Markdown body
    urls: dict[str, str]  # src_uri → the page's URL
    writing: Forked | None = None

    @property
    def paths(self) -> list[str]:
        """Every file it writes, relative to the site."""
        return [json_path(e.src_uri) for e in self.catalog.entries] + [CATALOG, JSONL, CSV, SCHEMA_FILE]

    @cached_property
    def records(self) -> list[dict]:
        return [report_record(e.meta, e.src_uri, self.urls.get(e.src_uri, e.src_uri), self.bodies.get(e.src_uri, ""))
                for e in self.catalog.entries]

    @cached_property
    def encoded(self) -> list[bytes]:
        return [record_json(record) for record in self.records]

    @cached_property
    def reports(self) -> dict[str, bytes]:
        """Each report's JSON, by its path in the site."""
        return {json_path(e.src_uri): data + b"\n" for e, data in zip(self.catalog.entries, self.encoded)}

    @cached_property
    def bulk(self) -> dict[str, bytes]:
        return bulk_files(self.records, self.encoded)

    def write(self, site_dir: Path, previous: Path | None = None) -> None:
        """Into `site_dir`; a file `previous` (the site being replaced) holds with the same bytes is linked."""
        write_files(site_dir, {**self.reports, **self.bulk}, previous)

    def start(self, site_dir: Path, previous: Path | None = None) -> None:
        self.writing = Forked(self._write_all, site_dir, previous)

    def finish(self, site_dir: Path, previous: Path | None = None) -> None:
        if self.writing:
            self.facts  # noqa: B018 - waits for the worker
        else:
            self.write(site_dir, previous)

    def cancel(self) -> None:
        if self.writing:
            self.writing.cancel()

    def _write_all(self, site_dir: Path, previous: Path | None) -> dict[str, tuple[int, str]]:
        self.write(site_dir, previous)
        return self.facts

    @cached_property
    def facts(self) -> dict[str, tuple[int, str]]:
        """Each bulk file's size and SHA-256, by its path."""
        if self.writing:
            try:
                return self.writing.result()
            except RuntimeError as error:
                raise PluginError(f"开放数据文件生成失败，请重新生成网站\n{error}") from error
        return {path: (len(data), hashlib.sha256(data).hexdigest()) for path, data in self.bulk.items()}

    def listing(self, link: Link) -> str:
        """The home page's list of the bulk files, each with its size and SHA-256."""
        items = "".join(
            f"<li>{a(link(path), LABELS[path])}<span class=\"archive-meta\">{human_size(size)}，"
            f"SHA-256 <code>{esc(sha256)}</code></span></li>"
            for path, (size, sha256) in self.facts.items())
        return (f"<p>全部报告的元数据和全文可供程序读取：每篇报告旁有同名的 .json 文件，下面是整个档案的批量文件。"
                f"字段名称固定，含义见字段说明。</p><ul class=\"archive-list archive-data\">{items}</ul>")
