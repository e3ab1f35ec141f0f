"""索引号: given once at the first import (organisation code from organisations.yml, else a placeholder
made from the issuer's name), never changed by a re-import, `--force`, a rebuild or a move of the archive
folder, unique across the archive; 发布日期 kept the same way."""
from __future__ import annotations

import random
import shutil

import pytest
from archive_helpers import pages, run
from docx_factory import simple_report

from converter.archive.pages import PageIndex, index_number
from converter.data.frontmatter import split_page
from converter.metadata.index_numbers import organisation_codes, placeholder_code
from converter.model.errors import ArchiveError
from converter.model.fields import ReportMeta
from converter.model.values import INDEX_NUMBER_FORM


def front(archive, name=None) -> dict:
    path = archive / (name or pages(archive)[0])
    return split_page(path.read_text(encoding="utf-8"))[0]


def test_placeholder_code_depends_on_the_issuer_only_and_is_never_a_real_credit_code():
    code = placeholder_code("明湖区科学技术局")
    assert code == placeholder_code("明湖区科学技术局") != placeholder_code("明湖区教育局")
    assert len(code) == 9 and code.startswith("ZZ") and code.isalnum() and code.isupper()


def test_a_thousand_reports_of_thirty_issuers_get_distinct_well_formed_numbers(tmp_path):
    """Thirty issuers (two with the same configured code, the rest placeholders), 1000 reports in a
    random order of years: every number is new, and each issuer's serials for a year count 1, 2, 3…"""
    rng = random.Random(15)
    issuers = [f"第{n}区科学技术局" for n in range(30)]
    codes = {issuers[0]: "11441700007280420Y", issuers[1]: "11441700007280420Y"}
    index = PageIndex(tmp_path)
    given: dict[str, str] = {}
    for n in range(1000):
        issuer, year = rng.choice(issuers), rng.randint(2015, 2024)
        meta = ReportMeta(issuer=issuer, year=year, date=f"{year}-12-{rng.randint(1, 28):02d}")
        target = tmp_path / f"{n}.md"
        number = index_number(index, codes, meta, target, None)
        index.remember(target, {"index_number": number})
        given[number] = issuer
    assert len(given) == 1000 and all(INDEX_NUMBER_FORM.match(n) for n in given)
    by_prefix: dict[str, list[int]] = {}
    for number in given:
        prefix, serial = number.rsplit("-", 1)
        by_prefix.setdefault(prefix, []).append(int(serial))
    assert all(sorted(s) == list(range(1, len(s) + 1)) for s in by_prefix.values())
    assert any(n.startswith("11441700007280420Y/") for n in given)


def test_a_number_staff_give_that_another_page_has_is_refused(tmp_path):
    index = PageIndex(tmp_path)
    index.remember(tmp_path / "a.md", {"index_number": "ZZAAAAAAA/2023-00001"})
    meta = ReportMeta(issuer="区科技局", year=2023, index_number="ZZAAAAAAA/2023-00001")
    with pytest.raises(ArchiveError) as refused:
        index_number(index, {}, meta, tmp_path / "b.md", None)
    assert "已被 a.md 使用" in refused.value.line()


def test_organisation_codes_are_read_from_the_archive_and_checked(tmp_path):
    (tmp_path / "organisations.yml").write_text("区科技局: 11441700007280420Y\n", encoding="utf-8")
    assert organisation_codes(tmp_path) == {"区科技局": "11441700007280420Y"}
    (tmp_path / "organisations.yml").write_text("区科技局: 代码/1\n", encoding="utf-8")
    with pytest.raises(ArchiveError) as wrong:
        organisation_codes(tmp_path)
    assert "区科技局" in wrong.value.line() and "机构代码" in wrong.value.line()
    assert organisation_codes(tmp_path / "nowhere") == {}


def test_the_first_import_gives_the_number_and_the_publication_date(archive, tmp_path):
    (archive / "organisations.yml").write_text("区科技局: 11441700007280420Y\n", encoding="utf-8")
    simple_report(tmp_path / "a.docx")
    assert run(archive, "add", tmp_path / "a.docx").exit_code == 0
    data = front(archive)
    assert data["index_number"] == "11441700007280420Y/2023-00001"
    assert data["published"] == data["imported"]


def test_number_and_publication_date_survive_force_reimport_rebuild_and_a_move(archive, tmp_path):
    simple_report(tmp_path / "a.docx")
    simple_report(tmp_path / "b.docx", title="2022年区科技局工作总结", date="2022年12月26日")
    assert run(archive, "add", tmp_path / "a.docx", tmp_path / "b.docx").exit_code == 0
    names = pages(archive)
    before = {name: (front(archive, name)["index_number"], front(archive, name)["published"]) for name in names}
    assert len({number for number, _ in before.values()}) == 2
    page = archive / names[0]
    page.write_text(page.read_text(encoding="utf-8").replace(f"published: '{before[names[0]][1]}'",
                                                             "published: '2020-01-02'"), encoding="utf-8")
    before[names[0]] = (before[names[0]][0], "2020-01-02")  # staff's date
    simple_report(tmp_path / "a.docx", body="全年共申报科技项目37项，立项14项。")  # a new version of a report
    assert run(archive, "add", "--force", tmp_path / "a.docx", tmp_path / "b.docx").exit_code == 0
    assert run(archive, "build").exit_code == 0
    moved = shutil.move(archive, tmp_path / "别处" / "档案")
    assert run(moved, "add", "--force", tmp_path / "a.docx").exit_code == 0
    assert run(moved, "build").exit_code == 0
    after = {name: (front(moved, name)["index_number"], front(moved, name)["published"]) for name in pages(moved)}
    assert after == before
    assert "全年共申报科技项目37项" in (moved / names[0]).read_text(encoding="utf-8") \
        or "全年共申报科技项目37项" in (moved / names[1]).read_text(encoding="utf-8")


def test_staff_set_catalogue_fields_in_name_yml(archive, tmp_path):
    simple_report(tmp_path / "a.docx")
    (tmp_path / "a.yml").write_text("文号: 明科发〔2023〕12号\n摘要: 全年立项13项。\n索引号: 000014349/2023-00012\n"
                                    "发布日期: 2024年1月5日\n公开方式: 依申请公开\n", encoding="utf-8")
    assert run(archive, "add", tmp_path / "a.docx").exit_code == 0
    data = front(archive)
    assert (data["doc_number"], data["summary"], data["index_number"], data["published"], data["disclosure"]) == \
        ("明科发〔2023〕12号", "全年立项13项。", "000014349/2023-00012", "2024-01-05", "依申请公开")
    assert {data["sources"][k] for k in ("doc_number", "summary", "index_number", "published")} == {"staff"}
