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
from converter.site.markup import Link, a, esc, human_size

LABELS = {CATALOG: "报告目录（JSON，元数据）", JSONL: "全部报告全文（JSONL，每行一篇）", CSV: "元数据表（CSV，可用 Excel 或 WPS 打开）",
          SCHEMA_FILE: "字段说明（JSON Schema）"}


@dataclass
class OpenData:
    catalog: Catalog
    bodies: dict[str, str]  # src_uri → the page's Markdown body
    urls: dict[str, str]  # src_uri → the page's URL

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

    def write(self, site_dir: Path) -> None:
        for path, data in {**self.reports, **self.bulk}.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def listing(self, link: Link) -> str:
        """The home page's list of the bulk files, each with its size and SHA-256."""
        items = "".join(
            f"<li>{a(link(path), LABELS[path])}<span class=\"archive-meta\">{human_size(len(data))}，"
            f"SHA-256 <code>{esc(hashlib.sha256(data).hexdigest())}</code></span></li>"
            for path, data in self.bulk.items())
        return (f"<p>全部报告的元数据和全文可供程序读取：每篇报告旁有同名的 .json 文件，下面是整个档案的批量文件。"
                f"字段名称固定，含义见字段说明。</p><ul class=\"archive-list archive-data\">{items}</ul>")
