import json
import re

from site_entries import catalog, entry, link

from converter.site.head_meta import citation, json_ld, meta_tags
from converter.site.report_page import Original, breadcrumbs, card, download_box, ocr_notice, with_card

EVIL = '<img src=x onerror="alert(1)">'


def test_the_card_holds_issuer_year_type_date_and_topics_as_links():
    report = entry(2023, date="2023-12-28", topics=["科技、教育"])
    html = card(report, catalog(report), link)
    assert '<a href="/issuers/qukejiju/">区科技局</a>' in html
    assert '<a href="/years/2023/">2023年</a>' in html
    assert '<a href="/types/gongzuo-zongjie/">工作总结</a>' in html
    assert '<time datetime="2023-12-28">2023年12月28日</time>' in html
    assert '<a href="/topics/keji-jiaoyu/">科技、教育</a>' in html


def test_the_card_goes_right_under_the_title():
    page = with_card('<h1 id="t">标题</h1>\n<p>正文</p>', "标题", "<dl>卡</dl>")
    assert page == '<h1 id="t">标题</h1>\n<dl>卡</dl>\n<p>正文</p>'


def test_a_page_without_h1_gets_one_from_the_front_matter_escaped():
    page = with_card("<p>正文</p>", f"标题{EVIL}", "<dl>卡</dl>")
    assert page.startswith("<h1>标题&lt;img") and "<img" not in page


def test_the_download_box_shows_size_and_sha256():
    html = download_box(Original("reports/2023/x.docx", 23_456, "ab" * 32), "2023年工作总结", link)
    assert 'href="/reports/2023/x.docx/"' in html and 'download="2023年工作总结.docx"' in html
    assert "22.9 KB" in html and f"<code data-sha256>{'ab' * 32}</code>" in html


def test_no_original_no_download_box():
    assert download_box(None, "t", link) == ""


def test_a_converted_original_is_named_beside_the_docx_offered():
    html = download_box(Original("reports/2023/x.docx", 100, "ab" * 32), "报告", link, "doc")
    assert "原件为 .doc，此处提供转换后的 .docx" in html and 'download="报告.docx"' in html


def test_a_pdf_is_offered_as_a_pdf():
    html = download_box(Original("reports/2023/x.pdf", 100, "ab" * 32), "报告", link, "pdf")
    assert 'download="报告.pdf"' in html and 'type="application/pdf"' in html and "PDF 文件" in html
    assert "转换" not in html


def test_a_web_page_original_is_not_offered_and_the_box_says_why():
    html = download_box(None, "报告", link, "html")
    assert "原件为网页，不提供下载" in html and "<a " not in html


def test_a_scanned_report_carries_the_ocr_notice_and_others_none():
    assert "正文由扫描件识别，可能有误，以原件为准（共 3 页为扫描件）" in ocr_notice(3)
    assert ocr_notice(None) == "" and ocr_notice(0) == ""


def test_citation_follows_gbt_7714():
    report = entry(2023, date="2023-12-28", title="2023年区科技局工作总结")
    assert citation(report, "https://example.gov.cn/reports/2023/x/") == (
        "区科技局. 2023年区科技局工作总结[R/OL]. (2023-12-28). https://example.gov.cn/reports/2023/x/")
    assert citation(entry(2024, doc_type="工作计划", title="计划"), "") == "区科技局. 计划[EB/OL]. (2024)."


def test_json_ld_cannot_close_its_script_element():
    report = entry(title="</script><script>alert(1)</script>")
    script = json_ld(report, None, "", absolute=False)
    assert script.count("</script>") == 1 and script.endswith("</script>")
    data = json.loads(re.match(r"<script [^>]+>(.*)</script>$", script).group(1))
    assert data["name"] == "</script><script>alert(1)</script>" and data["@type"] == "Report"


def test_json_ld_describes_the_original_and_the_permalink():
    original = Original("reports/2023/x.docx", 100, "cd" * 32)
    data = json.loads(json_ld(entry(date="2023-01-02"), original, "https://e.cn/r/", absolute=True)[35:-9])
    assert data["url"] == "https://e.cn/r/" and data["encoding"]["sha256"] == "cd" * 32
    assert data["dateCreated"] == "2023-01-02" and data["author"]["name"] == "区科技局"


def test_json_ld_and_meta_tags_carry_the_catalogue_fields():
    report = entry(date="2023-01-02", index_number="ZZAAAAAAA/2023-00001", doc_number="明科发〔2023〕12号",
                   published="2024-01-05", summary="全年立项13项。", disclosure="主动公开")
    data = json.loads(json_ld(report, None, "", absolute=False)[35:-9])
    assert data["identifier"] == [{"@type": "PropertyValue", "propertyID": "索引号", "value": "ZZAAAAAAA/2023-00001"},
                                  {"@type": "PropertyValue", "propertyID": "文号", "value": "明科发〔2023〕12号"}]
    assert (data["datePublished"], data["abstract"], data["conditionsOfAccess"]) == ("2024-01-05", "全年立项13项。", "主动公开")
    tags = meta_tags(report)
    for tag in ('<meta name="DC.identifier" content="ZZAAAAAAA/2023-00001">',
                '<meta name="DC.identifier" content="明科发〔2023〕12号">', '<meta name="DCTERMS.issued" content="2024-01-05">',
                '<meta name="DC.description" content="全年立项13项。">', '<meta name="DCTERMS.accessRights" content="主动公开">'):
        assert tag in tags


def test_the_card_shows_the_catalogue_fields_in_the_portals_order():
    report = entry(2023, date="2023-12-28", index_number="ZZAAAAAAA/2023-00001", doc_number="明科发〔2023〕12号",
                   imported="2024-01-05", topics=["科技、教育"])
    labels = re.findall(r"<dt>(.*?)</dt>", card(report, catalog(report), link))
    assert labels == ["索引号", "发文机关", "文号", "成文日期", "发布日期", "主题", "年度", "文种", "公开方式"]
    assert '<time datetime="2024-01-05">2024年1月5日</time>' in card(report, catalog(report), link)


def test_meta_tags_escape_attribute_values():
    tags = meta_tags(entry(title='标题"><script>'))
    assert '<meta name="DC.title" content="标题&quot;&gt;&lt;script&gt;">' in tags


def test_breadcrumbs_mark_the_current_page():
    html = breadcrumbs([("首页", "index.md")], f"当前{EVIL}", link)
    assert '<li aria-current="page">当前&lt;img' in html and 'aria-label="当前位置"' in html
