"""A report → open data: its JSON (front matter fields + Markdown), and the archive's bulk files.

The same bytes whoever writes them (the site's `data/` folder, `archive export`): records in URL order,
every public field of the registry (`converter.model.fields`, `public`) under its front-matter key, always
present (empty as null, "", [] or {}), plus where the report is on the site. Field names are stable; the
JSON Schema beside this module (`open-data.schema.json`) describes them and the files validate against it.

    data/catalog.json   {"format", "count", "fields", "reports": [record without markdown, …]}
    data/reports.jsonl  one record a line, with its Markdown
    data/reports.csv    one record a row without Markdown (UTF-8 with BOM, for Excel and WPS); a list or
                        a map is its JSON text in the cell, an empty value an empty cell
    data/schema.json    the JSON Schema
    <page>.json         one record, beside the page's Markdown source (reports/2023/x.md → reports/2023/x.json)
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import fields, is_dataclass
from pathlib import Path

from converter.model.fields import BY_KEY, PUBLIC_KEYS, ReportMeta

FORMAT = 1
SCHEMA = Path(__file__).with_name("open-data.schema.json")
PLACES = ("url", "json_url", "original_url")  # where the report is on the site, relative to its root
COLUMNS = (*PLACES, *PUBLIC_KEYS)
FOLDER = "data"
CATALOG, JSONL, CSV, SCHEMA_FILE = (f"{FOLDER}/{name}" for name in ("catalog.json", "reports.jsonl", "reports.csv",
                                                                    "schema.json"))


def json_path(src_uri: str) -> str:
    """Where a report's JSON goes: beside its Markdown source and its original."""
    return src_uri.removesuffix(".md") + ".json"


def report_record(meta: ReportMeta, src_uri: str, url: str, markdown: str | None = None) -> dict:
    """The report as open data; `url`: its page, relative to the site root; without `markdown` the
    catalogue's record."""
    folder = src_uri.rpartition("/")[0]
    record = {"url": url, "json_url": json_path(src_uri),
              "original_url": f"{folder}/{meta.download.file}" if meta.download else None}
    for key in PUBLIC_KEYS:
        value = getattr(meta, key)
        record[key] = _plain(value) if value is not None else BY_KEY[key].kind.empty()
    if markdown is not None:
        record["markdown"] = markdown
    return record


def _plain(value):
    """JSON-ready values: a field's value object as a dict of its fields (what `asdict` makes, without
    its deep copies: a tenth of the time, which counts at 1000 reports a build)."""
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def record_json(record: dict) -> bytes:
    """One record as one line of JSON (the report's file and its line in reports.jsonl)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def bulk_files(records: list[dict], encoded: list[bytes] | None = None) -> dict[str, bytes]:
    """The archive's bulk files from its records (each with its Markdown); `encoded`: their `record_json`,
    when the caller has it already (the site: each report's own file)."""
    order = sorted(range(len(records)), key=lambda n: records[n]["url"])
    encoded = encoded or [record_json(r) for r in records]
    listed = [{k: v for k, v in records[n].items() if k != "markdown"} for n in order]
    catalog = {"format": FORMAT, "count": len(records), "fields": list(COLUMNS), "reports": listed}
    return {
        CATALOG: json.dumps(catalog, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        JSONL: b"".join(encoded[n] + b"\n" for n in order),
        CSV: csv_bytes(listed),
        SCHEMA_FILE: SCHEMA.read_bytes(),
    }


def csv_bytes(records: list[dict]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([_cell(record[key]) for key in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")) if value else ""
    return str(value)


def read_csv(data: bytes) -> list[dict]:
    """The records of a reports.csv, typed again as in the JSON (the inverse of `csv_bytes`)."""
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return [{key: _typed(key, row[key]) for key in COLUMNS} for row in rows]


def _typed(key: str, cell: str):
    field = BY_KEY.get(key)
    empty = field.kind.empty() if field else None
    if isinstance(empty, (list, dict)):
        return json.loads(cell) if cell else empty
    if isinstance(empty, int):
        return int(cell) if cell else empty
    if key == "download":
        return json.loads(cell) if cell else None
    return cell if cell or empty == "" else empty
