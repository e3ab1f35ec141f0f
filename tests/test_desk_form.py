"""The desk's correction form: controls from the field registry, one validator (the check's), and a save
that writes what a hand edit would write, only where staff changed something."""
from __future__ import annotations

import difflib

import pytest
from archive_helpers import pages, run
from desk_helpers import BAD, bad_values
from docx_factory import simple_report

from converter.archive.check import check_archive
from converter.archive.desk.form import StalePage, WrongValues, controls, page_hash, save
from converter.data.frontmatter import join_page, split_page
from converter.metadata.overrides import STAFF_FIELDS
from converter.metadata.topics import taxonomy_for
from converter.model.values import DOC_TYPES


@pytest.fixture
def imported(archive, tmp_path):
    run(archive, "add", str(simple_report(tmp_path / "科技局 总结.docx")))
    return archive, archive / pages(archive)[0]


def test_the_form_has_a_control_for_every_field_staff_may_set(imported):
    archive, page = imported
    data, _ = split_page(page.read_text(encoding="utf-8"))
    made = {c["key"]: c for c in controls(taxonomy_for(archive), {"issuer": ["区科技局", "区教育局"]}, data)}
    assert list(made) == [f.key for f in STAFF_FIELDS]
    assert (made["year"]["control"], made["year"]["min"], made["year"]["max"]) == ("year", 1949, 2100)
    assert made["doc_type"]["choices"] == list(DOC_TYPES)
    assert made["topics"]["choices"][:2] == ["综合政务", "国民经济管理、国有资产监管"] and len(made["topics"]["choices"]) == 21
    assert made["issuer"]["suggestions"] == ["区科技局", "区教育局"]
    assert made["date"]["control"] == "date" and made["title"]["control"] == "text"


def test_a_correction_changes_only_the_lines_of_the_values_staff_changed(imported):
    archive, page = imported
    before = page.read_text(encoding="utf-8")
    assert save(archive, page, {"issuer": "明湖区科学技术局", "year": "2022年", "title": "2023年区科技局工作总结"}, [],
                page_hash(before))
    after = page.read_text(encoding="utf-8")
    changed = sorted(line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ "))
    assert changed == sorted(["- year: 2023", "+ year: 2022", "- issuer: 区科技局", "+ issuer: 明湖区科学技术局",
                              "-   year: title", "+   year: staff", "-   issuer: signature", "+   issuer: staff"])
    assert check_archive(archive) == []


@pytest.mark.parametrize("key, typed, in_yaml", bad_values())
def test_each_fields_bad_value_gets_the_line_archive_check_prints_and_nothing_is_written(imported, key, typed, in_yaml):
    archive, page = imported
    before = page.read_bytes()
    with pytest.raises(WrongValues) as refused:
        save(archive, page, {key: typed}, [], page_hash(before.decode("utf-8")))
    assert page.read_bytes() == before

    data, body = split_page(before.decode("utf-8"))
    page.write_text(join_page({**data, key: in_yaml}, body), encoding="utf-8")  # the same mistake, by hand
    check_lines = [f.line() for f in check_archive(archive) if f.code == "front-matter"]
    assert list(refused.value.lines.values()) == check_lines
    assert list(refused.value.lines) == [key]


def test_every_kind_of_staff_field_has_a_bad_value_in_this_test():
    assert {f.kind.name for f in STAFF_FIELDS} <= set(BAD)


def test_a_save_over_a_page_changed_since_the_form_was_opened_is_refused(imported):
    archive, page = imported
    opened = page_hash(page.read_text(encoding="utf-8"))
    assert save(archive, page, {"issuer": "区教育局"}, [], opened)  # the first tab
    saved = page.read_bytes()
    with pytest.raises(StalePage) as refused:
        save(archive, page, {"issuer": "区财政局"}, [], opened)  # the second tab, opened before
    assert refused.value.line() == (f"{page.relative_to(archive).as_posix()} 在您打开后已被修改（可能在另一个标签页或编辑器中），"
                                    "您这次的修改没有保存。请重新打开这篇报告，核对后再改。")
    assert page.read_bytes() == saved


def test_a_confirmed_value_is_marked_as_staffs_without_changing_it(imported):
    archive, page = imported
    text = page.read_text(encoding="utf-8")
    save(archive, page, {}, ["date", "source", "no-such-key"], page_hash(text))
    data, _ = split_page(page.read_text(encoding="utf-8"))
    assert data["sources"]["date"] == "staff"
    assert "source" not in data["sources"]  # the importer's own fields are not staff's to confirm
    assert data["date"] == split_page(text)[0]["date"]


def test_a_value_cleared_in_the_form_leaves_the_page_and_a_new_one_goes_where_the_registry_puts_it(imported):
    archive, page = imported
    save(archive, page, {"date": "", "region": "明湖区"}, [], page_hash(page.read_text(encoding="utf-8")))
    data, _ = split_page(page.read_text(encoding="utf-8"))
    assert "date" not in data and "date" not in data["sources"]
    keys = list(data)
    assert keys.index("sha256") < keys.index("region") < keys.index("topics")


def test_values_may_be_typed_as_in_a_yml_beside_the_file(imported):
    archive, page = imported
    save(archive, page, {"year": "二〇二二年", "date": "2022年12月1日", "topics": ["科技、教育", " 其他 "]}, [],
         page_hash(page.read_text(encoding="utf-8")))
    data, _ = split_page(page.read_text(encoding="utf-8"))
    assert (data["year"], data["date"], data["topics"]) == (2022, "2022-12-01", ["科技、教育", "其他"])


def test_corrections_made_in_the_form_survive_a_forced_re_import(imported, tmp_path):
    archive, page = imported
    save(archive, page, {"issuer": "明湖区科学技术局", "year": "2022"}, [], page_hash(page.read_text(encoding="utf-8")))
    result = run(archive, "add", "--force", str(tmp_path / "科技局 总结.docx"))
    assert result.exit_code == 0, result.output
    data, _ = split_page(page.read_text(encoding="utf-8"))
    assert (data["issuer"], data["year"], data["sources"]["issuer"]) == ("明湖区科学技术局", 2022, "staff")


def test_a_page_whose_front_matter_cannot_be_read_is_not_saved(imported):
    archive, page = imported
    page.write_text("---\ntitle: [unclosed\n---\n\n正文\n", encoding="utf-8")
    with pytest.raises(Exception) as refused:
        save(archive, page, {"issuer": "x"}, [], page_hash(page.read_text(encoding="utf-8")))
    assert "页首元数据无法读取" in refused.value.line()
    assert page.read_text(encoding="utf-8") == "---\ntitle: [unclosed\n---\n\n正文\n"
