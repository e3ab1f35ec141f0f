import re

from site_entries import catalog, entry, link

from converter.site.chart import year_chart
from converter.site.indexes import index_pages

EVIL = '<img src=x onerror="alert(1)">'


def pages_of(cat, name="档案"):
    return {p.src_uri: p for p in index_pages(cat, name, "说明")}


def test_there_is_a_page_for_home_each_overview_year_topic_issuer_and_type():
    cat = catalog(entry(2022, topics=["科技、教育"]), entry(2023, issuer="区农业局", doc_type="工作计划"))
    assert set(pages_of(cat)) == {
        "index.md", "years/index.md", "topics/index.md", "issuers/index.md", "types/index.md",
        "years/2022.md", "years/2023.md", "topics/keji-jiaoyu.md", "issuers/qukejiju.md",
        "issuers/qunongyeju.md", "types/gongzuo-zongjie.md", "types/gongzuo-jihua.md"}


def test_the_home_page_lists_every_year_with_its_count_newest_first():
    cat = catalog(entry(2021), entry(2023), entry(2023, issuer="区农业局"), entry(2023, issuer="区财政局"))
    html = pages_of(cat)["index.md"].render(link).html
    assert re.findall(r'href="/years/(\d+)/">\1年</a><span class="archive-count">(\d+) 篇', html) == [
        ("2023", "3"), ("2021", "1")]


def test_a_year_page_groups_its_reports_by_document_type_with_links_to_them():
    plan, summary = entry(2023, doc_type="工作计划", slug="plan"), entry(2023, slug="summary")
    body = pages_of(catalog(plan, summary))["years/2023.md"].render(link)
    assert [h.title for h in body.headings] == ["工作总结（1）", "工作计划（1）"]
    assert body.html.index('href="/reports/2023/summary/"') < body.html.index('href="/reports/2023/plan/"')


def test_a_topic_page_links_to_the_matching_sections_newest_year_first():
    old = entry(2021, slug="old", sections=[("一、科技", "s1", ["科技、教育"]), ("二、农业", "s2", ["农业、林业、水利"])])
    new = entry(2023, slug="new", sections=[("（一）创新", "s1-1", ["科技、教育"])])
    html = pages_of(catalog(old, new))["topics/keji-jiaoyu.md"].render(link).html
    anchors = re.findall(r'href="(/reports/\d+/\w+/#s[\d-]+)"', html)
    assert anchors == ["/reports/2023/new/#s1-1", "/reports/2021/old/#s1"]


def test_a_topic_page_charts_its_reports_per_year_each_column_linking_to_the_year():
    reports = [entry(2019, slug="a", topics=["科技、教育"], sections=[("一、科技", "s1", ["科技、教育"])]),
               entry(2021, slug="b", topics=["科技、教育"]), entry(2021, slug="c", issuer="区农业局", topics=["科技、教育"]),
               entry(2022, slug="d", topics=["农业、林业、水利"])]
    html = pages_of(catalog(*reports))["topics/keji-jiaoyu.md"].render(link).html
    assert re.findall(r'<a href="#y(\d+)" aria-label="\1年：(\d+)篇，涉及章节(\d+)个">', html) == [
        ("2019", "1", "1"), ("2021", "2", "0")]
    assert re.findall(r'<th scope="row"><a href="#y(\d+)">\1年</a></th><td>(\d+)</td>', html) == [("2019", "1"), ("2021", "2")]
    assert 'id="y2021"' in html and 'viewBox="0 0 30 100"' in html  # 2019–2021, the empty 2020 a gap


def test_an_issuer_page_offers_its_own_feed():
    page = pages_of(catalog(entry()))["issuers/qukejiju.md"]
    assert page.feed == "issuers/qukejiju/feed.xml"
    assert 'href="/issuers/qukejiju/feed.xml/"' in page.render(link).html


def test_breadcrumbs_of_a_topic_page_lead_home_through_the_topics_overview():
    page = pages_of(catalog(entry(topics=["科技、教育"])))["topics/keji-jiaoyu.md"]
    assert page.parents == (("首页", "index.md"), ("按主题浏览", "topics/index.md"))


def test_text_from_front_matter_is_escaped_on_every_index_page():
    hostile = entry(title=f"标题{EVIL}", issuer=f"机关{EVIL}", topics=[f"主题{EVIL}"])
    for page in pages_of(catalog(hostile), name=f"站点{EVIL}").values():
        html = page.render(link).html
        assert "<img" not in html, page.src_uri


def test_the_chart_has_a_text_alternative_and_a_bar_per_year_with_reports():
    svg = year_chart({2019: 2, 2021: 4})
    assert 'role="img"' in svg and "2019年至2021年共6篇" in svg and "最多为2021年4篇" in svg
    assert svg.count("<rect") == 2 and "<title>2021年：4篇</title>" in svg


def test_no_reports_no_chart():
    assert year_chart({}) == ""


def test_a_topic_page_shows_the_three_sections_most_about_the_topic_in_reading_order():
    sections = [("一", "s1", ["农业、林业、水利", "科技、教育"]), ("二", "s2", ["科技、教育"]),
                ("三", "s3", ["科技、教育"]), ("四", "s4", ["科技、教育"]), ("五", "s5", ["农业、林业、水利"])]
    report = entry(2023, slug="r", sections=sections)
    html = pages_of(catalog(report))["topics/keji-jiaoyu.md"].render(link).html
    assert re.findall(r"#(s\d)", html) == ["s2", "s3", "s4"] and "等 4 节" in html


def test_a_year_with_many_reports_on_a_topic_gets_its_own_page_and_the_topic_page_shows_the_most_relevant():
    many = [entry(2023, issuer=f"机关{i}", slug=f"r{i}", topics=["农业、林业、水利", "科技、教育"]) for i in range(6)]
    focused = entry(2023, issuer="区科技局", slug="focused", topics=["科技、教育"])
    pages = pages_of(catalog(*many, focused, entry(2022, slug="old", topics=["科技、教育"])))
    topic = pages["topics/keji-jiaoyu.md"].render(link).html
    assert "/reports/2023/focused/" in topic and topic.count('<a href="/reports/2023/') == 5
    assert 'href="/topics/keji-jiaoyu/2023/">2023年全部 7 篇' in topic and "/reports/2022/old/" in topic
    year = pages["topics/keji-jiaoyu/2023.md"]
    assert year.render(link).html.count('<a href="/reports/2023/') == 7
    assert year.parents[-1] == ("科技、教育", "topics/keji-jiaoyu.md") and "topics/keji-jiaoyu/2022.md" not in pages
