"""Open data: every report's JSON beside its page, the catalogue and the bulk files of the built site, and
`archive export`: they validate against the JSON Schema in the repository, carry every public field, and
export → re-read gives back every field of every page."""
from __future__ import annotations

import json

import jsonschema
import pytest
from archive_helpers import new_archive, run
from docx_factory import simple_report

from converter.archive.pages import read_page, report_paths
from converter.model.fields import PUBLIC_KEYS, read_front_matter
from converter.render.open_data import COLUMNS, SCHEMA, read_csv

SCHEMA_DATA = json.loads(SCHEMA.read_text(encoding="utf-8"))


def validator(definition: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({**SCHEMA_DATA, "$ref": f"#/$defs/{definition}"})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("open-data")
    archive = new_archive(tmp)
    simple_report(tmp / "a.docx")
    simple_report(tmp / "b.docx", title="2022年区农业农村局工作总结", issuer="区农业农村局", date="2022年12月30日")
    (tmp / "b.yml").write_text("文号: 明农发〔2022〕8号\n", encoding="utf-8")
    simple_report(tmp / "c.docx", title="2024年区审计局工作总结", issuer="区审计局", date="2024年12月20日",
                  body='全年完成审计项目20个，"引号"、逗号,与换行\n都要原样保留。')
    assert run(archive, "add", tmp / "a.docx", tmp / "b.docx", tmp / "c.docx").exit_code == 0
    assert run(archive, "build").exit_code == 0
    return archive


def pages_now(archive) -> dict[str, tuple[dict, str]]:
    return {p.relative_to(archive / "docs").as_posix(): read_page(p) for p in report_paths(archive)}


def test_the_schema_names_exactly_the_public_fields_of_the_registry():
    properties = SCHEMA_DATA["$defs"]["report"]["properties"]
    assert list(properties) == [*COLUMNS, "markdown"]
    assert set(PUBLIC_KEYS) < set(properties) and "body_sha256" not in properties and "publish_override" not in properties


def test_every_file_of_the_site_validates_against_the_schema(built):
    site = built / "site"
    reports = sorted((site / "reports").glob("*/*.json"))
    assert len(reports) == 3
    for path in reports:
        validator("report_with_text").validate(json.loads(path.read_text(encoding="utf-8")))
    catalog = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))
    validator("catalog").validate(catalog)
    assert catalog["count"] == 3 and catalog["fields"] == list(COLUMNS)
    lines = (site / "data" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        validator("report_with_text").validate(json.loads(line))
    rows = read_csv((site / "data" / "reports.csv").read_bytes())
    for row in rows:
        validator("report").validate(row)
    assert rows == catalog["reports"] == [{k: v for k, v in json.loads(line).items() if k != "markdown"} for line in lines]
    assert json.loads((site / "data" / "schema.json").read_text(encoding="utf-8")) == SCHEMA_DATA


def test_export_then_reading_back_loses_no_field(built, tmp_path):
    assert run(built, "export", "--format", "jsonl", tmp_path).exit_code == 0
    assert run(built, "export", "--format", "csv", tmp_path).exit_code == 0
    assert (tmp_path / "reports.jsonl").read_bytes() == (built / "site" / "data" / "reports.jsonl").read_bytes()
    assert (tmp_path / "reports.csv").read_bytes() == (built / "site" / "data" / "reports.csv").read_bytes()
    records = {r["json_url"].removesuffix(".json") + ".md": r
               for r in map(json.loads, (tmp_path / "reports.jsonl").read_text(encoding="utf-8").splitlines())}
    rows = {r["json_url"].removesuffix(".json") + ".md": r for r in read_csv((tmp_path / "reports.csv").read_bytes())}
    for src, (data, body) in pages_now(built).items():
        page_meta = read_front_matter(data)[0]
        for source in (records[src], rows[src]):
            back, problems = read_front_matter({k: source[k] for k in PUBLIC_KEYS})
            assert problems == []
            assert {k: getattr(back, k) for k in PUBLIC_KEYS} == {k: getattr(page_meta, k) for k in PUBLIC_KEYS}
        assert records[src]["markdown"] == body
    assert any(r["doc_number"] == "明农发〔2022〕8号" for r in records.values())


def test_the_home_page_lists_the_bulk_files_with_size_and_sha256(built):
    import hashlib

    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    for name in ("catalog.json", "reports.jsonl", "reports.csv", "schema.json"):
        data = (built / "site" / "data" / name).read_bytes()
        assert f'href="data/{name}"' in home and hashlib.sha256(data).hexdigest() in home


def test_export_of_an_archive_with_a_broken_page_writes_nothing(built, tmp_path):
    page = report_paths(built)[0]
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("year: ", "year: 二〇二三 #", 1), encoding="utf-8")
    try:
        result = run(built, "export", "--format", "csv", tmp_path / "out")
    finally:
        page.write_text(text, encoding="utf-8")
    assert result.exit_code == 1 and "元数据有误" in result.stderr and not (tmp_path / "out").exists()
