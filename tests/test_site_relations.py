from site_entries import catalog, entry

from converter.site.relations import related


def labels(found):
    return {r.label: r.entry for r in found}


def test_a_summary_links_to_the_same_issuers_summaries_of_the_nearest_years():
    y2020, y2021, y2023 = entry(2020), entry(2021), entry(2023)
    found = labels(related(y2021, catalog(y2020, y2021, y2023, entry(2022, issuer="区农业局"))))
    assert found == {"上一年度": y2020, "下一年度": y2023}


def test_the_previous_year_prefers_the_same_document_type():
    summary_2020, plan_2022, summary_2023 = entry(2020), entry(2022, doc_type="工作计划"), entry(2023)
    found = labels(related(summary_2023, catalog(summary_2020, plan_2022, summary_2023)))
    assert found["上一年度"] is summary_2020


def test_without_the_same_type_the_nearest_year_of_any_type_is_used():
    plan_2022, report_2023 = entry(2022, doc_type="工作计划"), entry(2023, doc_type="政府工作报告")
    assert labels(related(report_2023, catalog(plan_2022, report_2023)))["上一年度"] is plan_2022


def test_a_plan_and_the_summary_of_the_same_issuer_and_year_point_at_each_other():
    plan, summary = entry(2023, doc_type="工作计划"), entry(2023, doc_type="工作总结")
    other = entry(2023, doc_type="工作总结", issuer="区农业局")
    cat = catalog(plan, summary, other)
    assert labels(related(plan, cat)) == {"同年工作总结": summary}
    assert labels(related(summary, cat)) == {"同年工作计划": plan}


def test_a_report_alone_has_no_relations():
    only = entry(2023)
    assert related(only, catalog(only)) == []
