import pytest
from site_entries import catalog, entry

from converter.model.fields import read_front_matter
from converter.site.catalog import Catalog, PageProblem, latest_added, newest_first, parse_report_page, unique_slugs


def test_a_page_without_front_matter_is_not_a_report():
    assert parse_report_page("reports/2023/x.md", "# 标题\n\n正文") == ({}, "# 标题\n\n正文")


def test_a_page_with_valid_front_matter_gives_its_data_and_body():
    text = ("---\ntitle: 2023年工作总结\nyear: 2023\nissuer: 区科技局\ndoc_type: 工作总结\nsource: a.docx\n"
            f"sha256: {'a' * 64}\n---\n\n正文\n")
    data, body = parse_report_page("reports/2023/x.md", text)
    assert (data["title"], data["year"], data["issuer"], body) == ("2023年工作总结", 2023, "区科技局", "正文\n")


def test_reports_are_listed_newest_year_first_then_newest_date():
    old, mid, new = entry(2021), entry(2023, date="2023-03-01"), entry(2023, date="2023-12-01", issuer="区农业局")
    assert newest_first([old, mid, new]) == [new, mid, old]


def test_latest_added_orders_by_import_date_and_keeps_only_the_count():
    a, b, c = entry(2020, imported="2024-05-02"), entry(2023, imported="2024-05-01"), entry(2022, imported="2024-06-01")
    assert latest_added([a, b, c], 2) == [c, a]


def test_a_report_without_issuer_is_grouped_under_a_named_placeholder():
    unnamed = entry(issuer="")
    assert list(catalog(unnamed).issuers) == ["未注明机关"]


def test_years_count_each_report_once_and_skip_reports_without_a_year():
    cat = catalog(entry(2023), entry(2023, issuer="区农业局"), entry(2022), entry(0))
    assert {year: len(items) for year, items in cat.years.items()} == {2023: 2, 2022: 1}


def test_a_topic_found_only_in_a_section_still_lists_the_report():
    report = entry(topics=["科技、教育"], sections=[("（一）农业", "s1-1", ["农业、林业、水利"])])
    assert set(catalog(report).topics) == {"科技、教育", "农业、林业、水利"}


def test_slugs_are_pinyin_and_colliding_names_get_a_suffix_that_depends_only_on_the_name():
    slugs = unique_slugs(["区科技局", "区科技据", "区农业局"], lambda n: "qu-kejiju" if "科技" in n else "qu-nongyeju")
    assert slugs["区农业局"] == "qu-nongyeju"
    assert slugs["区科技局"].startswith("qu-kejiju-") and slugs["区科技据"].startswith("qu-kejiju-")
    alone = unique_slugs(["区科技局", "区科技据", "区财政局"], lambda n: "qu-kejiju" if "科技" in n else "qu-caizhengju")
    assert alone["区科技局"] == slugs["区科技局"]


def test_index_page_paths_are_stable_ascii():
    cat = catalog(entry(2023, issuer="区科技局", doc_type="工作总结", topics=["科技、教育"]))
    assert cat.year_src(2023) == "years/2023.md"
    assert cat.issuer_src("区科技局") == "issuers/qukejiju.md"
    assert cat.type_src("工作总结") == "types/gongzuo-zongjie.md"
    assert cat.topic_src("科技、教育") == "topics/keji-jiaoyu.md"
    assert cat.issuer_feed("区科技局") == "issuers/qukejiju/feed.xml"


def test_document_types_follow_the_schema_order():
    cat = Catalog([entry(doc_type="工作计划"), entry(doc_type="政府工作报告", issuer="区政府"), entry(doc_type="工作总结")])
    assert list(cat.doc_types) == ["政府工作报告", "工作总结", "工作计划"]


def test_the_date_used_for_a_report_without_date_is_the_end_of_its_year():
    assert entry(2021).dated == "2021-12-31"
    assert entry(2021, date="2021-06-30", imported="2024-01-02").added == "2024-01-02"
    meta, problems = read_front_matter({"title": "x"})
    assert meta.year == 0 and meta.date is None and problems


def test_a_page_with_broken_yaml_is_named_with_the_line_and_what_to_do():
    with pytest.raises(PageProblem) as problem:
        parse_report_page("reports/2023/x.md", "---\ntitle: [未闭合\nyear: 2023\n---\n\n正文\n")
    assert str(problem.value).startswith("reports/2023/x.md：页首元数据第 ")
    assert "archive check" in str(problem.value)


def test_a_page_with_a_wrong_year_is_refused_in_one_chinese_line():
    text = "---\ntitle: 标题\nyear: 二〇二三\nissuer: 区科技局\ndoc_type: 工作总结\nsource: a.docx\nsha256: " + "a" * 64 + "\n---\n"
    with pytest.raises(PageProblem, match=r"^reports/2023/x.md：年度（year）应是 1949–2100 之间的年份（四位数字），现为 “二〇二三”。请写成例如“year: 2023”。"):
        parse_report_page("reports/2023/x.md", text)
