"""Metadata extraction: each rule on a small model-level report, the hard cases of the corpus README, and a
few whole .docx files through the reader."""
from __future__ import annotations

from docx_factory import Para, Title, simple_report, write_docx

from converter.archive.convert import convert_file
from converter.metadata.extract import extract_metadata, issuer_of_title
from converter.model import DocProperties, Heading, Paragraph, Report, Run, SourceDocument, SourceParagraph
from converter.reading.docx import read_docx
from converter.structure.outline import build_report


def report(title: str, *lines, properties: DocProperties = DocProperties()) -> Report:
    blocks = tuple(line if isinstance(line, Heading) else Paragraph(runs=(Run(text=line),)) for line in lines)
    return Report(title=title, blocks=blocks, properties=properties)


def extract(title: str, *lines, file_name: str = "报告.docx", **kwargs):
    return extract_metadata(report(title, *lines, **kwargs), file_name)


def extract_read(*lines: str | SourceParagraph, file_name: str = "报告.docx", properties=DocProperties()):
    """Lines (plain text: a web page pasted without formatting) read by the outline, then metadata."""
    blocks = tuple(SourceParagraph(runs=(Run(text=line),)) if isinstance(line, str) else line for line in lines)
    return extract_metadata(build_report(SourceDocument(blocks=blocks, properties=properties)), file_name)


def centred(text: str) -> SourceParagraph:
    return SourceParagraph(runs=(Run(text=text, size=22.0),), align="center")


BODY = "过去一年，我们坚持稳中求进工作总基调，各项工作取得新成效。"
PROVINCIAL_OPENING = ("来源：河北日报", "2025年1月13日在河北省第十四届人民代表大会第三次会议上河北省人民政府省长王正谱作政府工作报告。",
                      "各位代表：", "现在，我代表省人民政府向大会报告工作，请予审议。", Heading(1, "一、2024年工作回顾"), BODY)


# --- title ---------------------------------------------------------------------------------------------

def test_title_is_the_readers_title_line_when_it_reads_as_a_title():
    found = extract("2023年区科技局工作总结", BODY)
    assert found.values["title"] == "2023年区科技局工作总结"
    assert found.sources["title"] == "title-line"


def test_source_line_at_the_top_gives_way_to_the_real_title_below():
    found = extract_read("来源：北京日报", "2025年北京市政府工作报告", "各位代表：", BODY)
    assert found.values["title"] == "2025年北京市政府工作报告"


def test_dated_subtitle_at_the_top_gives_way_to_the_title_line():
    found = extract_read("——2026年2月3日在四川省第十四届人民代表大会第五次会议上", "2026年四川省人民政府工作报告",
                    "四川省人民政府省长 施小琳", "各位代表：", BODY)
    assert found.values["title"] == "2026年四川省人民政府工作报告"


def test_time_speaker_and_photo_caption_lines_are_never_the_title():
    found = extract_read("时间：2026-01-25 10:00", "图为会议现场。新华社记者 张三 摄", "广东省省长 孟凡利",
                    "政府工作报告", "各位代表：", BODY)
    assert found.values["title"] == "政府工作报告"


def test_website_furniture_above_the_title_is_skipped():
    found = extract("", "下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】",
                    "当前位置： 首页政务公开", "2026年河北省政府工作报告", "各位代表：", BODY)
    assert found.values["title"] == "2026年河北省政府工作报告"


def test_title_wrapped_over_two_lines_is_joined():
    found = extract_read("平潭综合实验区投资促进局关于2024年度工作总结和", "2025年工作计划的报告", BODY)
    assert found.values["title"] == "平潭综合实验区投资促进局关于2024年度工作总结和2025年工作计划的报告"


def test_bare_type_line_takes_the_wrapped_first_half_above_it():
    found = extract_read("2023年区科技局年度科学技术事业", "工作总结", BODY)
    assert found.values["title"] == "2023年区科技局年度科学技术事业工作总结"


def test_title_ending_in_a_bracketed_note_is_still_a_title():
    for title in ("2025年重庆市政府工作报告（全文）", "政府工作报告（2025）", "《2025年政府工作报告》"):
        assert extract_read("来源：重庆日报", title, BODY).values["title"] == title


def test_slogan_before_a_dash_is_part_of_the_title():
    found = extract("", "凝心聚力，砥砺前行——区科技局2023年工作总结", BODY)
    assert found.values["title"] == "凝心聚力，砥砺前行——区科技局2023年工作总结"
    assert (found.values["year"], found.values["issuer"], found.values["doc_type"]) == (2023, "区科技局", "工作总结")


def test_complete_title_is_not_joined_with_a_second_title_line():
    found = extract("2025年湖南省政府工作报告", "政府工作报告", BODY)
    assert found.values["title"] == "2025年湖南省政府工作报告"


def test_spaces_typed_inside_a_title_are_dropped():
    found = extract("平潭综合实验区投资促进局 关于2024年度工作总结和2025年 工作计划的报告", BODY)
    assert found.values["title"] == "平潭综合实验区投资促进局关于2024年度工作总结和2025年工作计划的报告"


def test_title_lines_the_reader_joined_with_a_line_break_are_one_title():
    found = extract("平潭综合实验区投资促进局关于2024年度工作总结和\n2025年工作计划的报告", BODY)
    assert found.values["title"] == "平潭综合实验区投资促进局关于2024年度工作总结和2025年工作计划的报告"


def test_salutation_at_the_top_gives_way_to_the_title_line():
    found = extract_read("各位代表：", centred("2025年安徽省政府工作报告"), "来源：省政府政策研究室", "现在，我代表省人民政府，向大会报告工作。")
    assert found.values["title"] == "2025年安徽省政府工作报告"


def test_pingtan_metadata_header_gives_the_title_when_the_body_has_no_title_line():
    found = extract("", "标题: 平潭综合实验区财政金融局2022年工作计划", "发布时间: 2022-12-02 10:51", "文号: ",
                    "发布机构: 平潭综合实验区财政金融局", "栏目: 年度计划", "==================== 正文 ====================",
                    "当前位置： 首页政务公开规划信息年度计划 平潭综合实验区财政金融局2022年工作计划 时间：2022-12-02 10:51")
    assert found.values["title"] == "平潭综合实验区财政金融局2022年工作计划"
    assert found.sources["title"] == "header"


def test_national_text_without_any_title_takes_the_file_name_as_a_weak_source():
    found = extract("", "各位代表：", "现在，我代表国务院，向大会报告政府工作，请予审议。", BODY,
                    file_name="2015年政府工作报告.docx")
    assert found.values["title"] == "2015年政府工作报告"
    assert found.sources["title"] == "file-name"
    assert any(w.code == "weak-title" for w in found.warnings)


def test_document_properties_title_comes_before_the_file_name():
    found = extract("", "各位代表：", BODY, properties=DocProperties(title="2016年政府工作报告"),
                    file_name="scan001.docx")
    assert (found.values["title"], found.sources["title"]) == ("2016年政府工作报告", "properties")


def test_the_title_is_the_outlines_title_even_where_its_words_alone_would_not_make_one():
    found = extract_read(centred("会议纪要"), BODY)  # four characters, as a person's name has
    assert (found.values["title"], found.sources["title"]) == ("会议纪要", "title-line")


def test_a_title_the_outline_took_from_the_document_properties_is_a_weak_source():
    found = extract_read("各位代表：", BODY, properties=DocProperties(title="2016年政府工作报告"))
    assert (found.values["title"], found.sources["title"]) == ("2016年政府工作报告", "properties")
    assert any(w.code == "weak-title" for w in found.warnings)


def test_readers_title_without_a_type_word_is_still_kept():
    found = extract("区科技局二〇二三年工作回顾", BODY)
    assert found.values["title"] == "区科技局二〇二三年工作回顾"
    assert found.values["doc_type"] == "其他"


# --- year ----------------------------------------------------------------------------------------------

def test_year_is_the_first_year_of_the_title():
    found = extract("平潭综合实验区社会事业局2024年工作总结及2025年工作思路", BODY)
    assert (found.values["year"], found.sources["year"]) == (2024, "title")


def test_year_of_a_plan_is_the_year_planned():
    assert extract("区农业农村局2024年工作计划", BODY, "区农业农村局", "2023年12月20日").values["year"] == 2024


def test_year_in_brackets_and_in_chinese_numerals_is_read():
    assert extract("政府工作报告（2025）", BODY).values["year"] == 2025
    assert extract("区科技局二〇二三年工作总结", BODY).values["year"] == 2023


def test_year_comes_from_the_dated_subtitle_when_the_title_has_none():
    found = extract("政府工作报告", "——2023年3月5日在第十四届全国人民代表大会第一次会议上", "国务院总理", "李克强",
                    "各位代表：", BODY)
    assert (found.values["year"], found.sources["year"]) == (2023, "subtitle-date")


def test_year_of_a_summary_signed_in_january_is_the_year_before():
    found = extract("区科技局工作总结", BODY, "区科技局", "2024年1月8日")
    assert (found.values["year"], found.sources["year"]) == (2023, "signature")


def test_year_of_a_plan_signed_in_december_is_the_year_after():
    assert extract("区科技局工作计划", BODY, "区科技局", "2023年12月28日").values["year"] == 2024


def test_year_falls_back_to_the_file_name_then_the_properties():
    found = extract("", "各位代表：", BODY, file_name="2019-政府工作报告.docx")
    assert (found.values["year"], found.sources["year"]) == (2019, "file-name")
    found = extract("", "各位代表：", BODY, properties=DocProperties(created="2013-06-01T00:00:00"), file_name="a.docx")
    assert (found.values["year"], found.sources["year"]) == (2013, "properties")


def test_missing_year_is_a_warning():
    found = extract("", "各位代表：", BODY, file_name="a.docx")
    assert "year" not in found.values
    assert any(w.code == "no-year" for w in found.warnings)


# --- date ----------------------------------------------------------------------------------------------

def test_date_is_the_signature_date():
    found = extract("2023年区科技局工作总结", BODY, "××区科技局", "2023年12月28日")
    assert (found.values["date"], found.sources["date"]) == ("2023-12-28", "signature")


def test_date_is_the_meeting_date_of_the_subtitle_when_there_is_no_signature():
    found = extract("2025年甘肃省政府工作报告", "来源：甘肃日报", "——2025年1月20日在甘肃省第十四届人民代表大会第三次会议上",
                    "甘肃省省长 任振鹤", "各位代表：", BODY)
    assert (found.values["date"], found.sources["date"]) == ("2025-01-20", "subtitle-date")
    assert found.values["date_text"] == "2025年1月20日"


def test_meeting_date_inside_a_source_line_is_found():
    found = extract("2025年江西省政府工作报告",
                    "来源：江西省人民政府2025年1月17日在江西省第十四届人民代表大会第三次会议上省长叶建春作政府工作报告。",
                    "各位代表：", BODY)
    assert found.values["date"] == "2025-01-17"


def test_signature_date_in_chinese_numerals_with_a_circle_for_zero():
    found = extract("平潭县人民政府2011年政府信息公开工作年度报告", BODY, "平潭县人民政府", "二\u25cb一二年二月二十日")
    assert found.values["date"] == "2012-02-20"
    assert found.values["date_text"] == "二\u25cb一二年二月二十日"


def test_signature_date_in_full_width_digits():
    assert extract("区科技局2023年工作总结", BODY, "区科技局", "２０２３年１２月２０日").values["date"] == "2023-12-20"


def test_signature_trailing_a_paragraph_of_a_web_copy_is_found():
    found = extract("平潭综合实验区投资促进局关于2024年度工作总结和2025年工作计划的报告",
                    "……强化刚性兑现。 平潭综合实验区投资促进局 2024年12月18日")
    assert found.values["date"] == "2024-12-18"
    assert (found.values["issuer"], found.sources["issuer"]) == ("平潭综合实验区投资促进局", "signature")


def test_publication_timestamp_of_a_web_page_is_not_the_report_date():
    found = extract("2026年四川省人民政府工作报告", "2026年02月10日 07时41分", "来源:", "四川日报", "各位代表：", BODY)
    assert "date" not in found.values


def test_a_date_inside_the_body_is_not_a_signature():
    found = extract("区科技局2023年工作总结", "项目于2023年6月30日顺利完成结题验收。", BODY)
    assert "date" not in found.values


# --- issuer and region --------------------------------------------------------------------------------

def test_issuer_is_the_signature_block():
    found = extract("2023年区科技局年度科学技术事业工作总结", BODY, "××区科技局", "2023年12月20日")
    assert (found.values["issuer"], found.sources["issuer"]) == ("××区科技局", "signature")


def test_issuer_from_the_title_when_there_is_no_signature():
    assert issuer_of_title("2023年区科技局年度科学技术事业工作总结") == "区科技局"
    assert issuer_of_title("平潭综合实验区地方税务局2013年信息公开年度报告") == "平潭综合实验区地方税务局"
    assert issuer_of_title("平潭综合实验区投资促进局关于2024年度工作总结和2025年工作计划的报告") == "平潭综合实验区投资促进局"
    assert issuer_of_title("2024年县人民政府办公室工作总结") == "县人民政府办公室"


def test_government_report_title_names_the_regions_government():
    assert issuer_of_title("2025年北京市政府工作报告") == "北京市人民政府"
    assert issuer_of_title("2026年四川省人民政府工作报告") == "四川省人民政府"
    assert issuer_of_title("1998年中华人民共和国国务院政府工作报告") == "中华人民共和国国务院"


def test_short_province_names_are_expanded_to_the_official_name():
    assert issuer_of_title("2025年广西政府工作报告") == "广西壮族自治区人民政府"
    assert issuer_of_title("2025年宁夏政府工作报告") == "宁夏回族自治区人民政府"


def test_places_ending_in_zhou_and_cities_named_like_provinces_are_kept_whole():
    assert issuer_of_title("2025年贵州省人民政府工作报告") == "贵州省人民政府"
    assert issuer_of_title("2024年杭州市政府工作报告") == "杭州市人民政府"
    assert issuer_of_title("2025年吉林市政府工作报告") == "吉林市人民政府"
    assert extract("广州市天河区教育局2023年工作总结", BODY).values["region"] == "广州市天河区"


def test_titles_that_name_no_body_give_no_issuer():
    for title in ("2024年法治政府建设工作要点", "2023年全市教育工作总结", "政府工作报告", "2023年新型城镇化工作总结"):
        assert issuer_of_title(title) is None, title


def test_issuer_of_a_government_report_from_the_people_s_congress_it_was_delivered_to():
    found = extract("政府工作报告", "——2026年1月26日在广东省第十四届人民代表大会第五次会议上", "广东省省长 孟凡利",
                    "各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。", BODY)
    assert (found.values["issuer"], found.sources["issuer"]) == ("广东省人民政府", "speech")
    assert found.values["region"] == "广东省"


def test_national_government_report_is_issued_by_the_state_council():
    found = extract("政府工作报告", "——2023年3月5日在第十四届全国人民代表大会第一次会议上", "国务院总理", "李克强",
                    "各位代表：", "本届政府任期即将结束。现在，我代表国务院，向大会报告工作，请予审议。", BODY)
    assert found.values["issuer"] == "国务院"
    assert found.values["region"] == "全国"


def test_a_named_body_on_whose_behalf_the_report_is_given_is_the_issuer():
    found = extract("政府工作报告（2025）",
                    "—2025年1月7日在平潭综合实验区人大工作会议暨平潭县第十八届人民代表大会第四次会议上",
                    "平潭综合实验区管委会主任黄建波各位代表，同志们：现在，我代表平潭综合实验区管委会，向大会报告工作，请予审议。")
    assert found.values["issuer"] == "平潭综合实验区管委会"


def test_issuer_from_a_web_page_header_is_weak_and_only_a_last_resort():
    found = extract("", "标题: 2022年度工作计划", "发布机构: 平潭综合实验区苏平片区管理局", BODY)
    assert (found.values["issuer"], found.sources["issuer"]) == ("平潭综合实验区苏平片区管理局", "header")
    assert any(w.code == "weak-issuer" for w in found.warnings)


def test_a_web_page_header_read_apart_from_the_text_is_the_same_evidence():
    body = Report(title="", blocks=(Paragraph(runs=(Run(text=BODY),)),),
                  header=(("标题", "2022年度工作计划"), ("发布机构", "平潭综合实验区苏平片区管理局")))
    found = extract_metadata(body, "报告.html")
    assert (found.values["issuer"], found.sources["issuer"]) == ("平潭综合实验区苏平片区管理局", "header")
    assert (found.values["title"], found.sources["title"]) == ("2022年度工作计划", "header")


def test_a_wrong_page_header_agency_loses_to_the_title():
    found = extract("", "标题: 平潭综合实验区社会事业局2024年工作总结及2025年工作思路", "发布机构: 福建学生资助",
                    "==================== 正文 ====================", BODY)
    assert (found.values["issuer"], found.sources["issuer"]) == ("平潭综合实验区社会事业局", "header")


def test_endnotes_and_licence_footers_at_the_end_are_no_signature():
    found = extract("2026年海南省政府工作报告", BODY, "［28］三个立法权：", "一般地方性法规制定权、经济特区法规制定权。",
                    "Public domain", "false")
    assert "date" not in found.values
    assert found.sources["issuer"] == "title"


def test_region_is_the_administrative_area_the_issuer_names():
    assert extract("北京市海淀区教育局2023年工作总结", BODY).values["region"] == "北京市海淀区"
    assert extract("2025年内蒙古自治区政府工作报告", BODY).values["region"] == "内蒙古自治区"
    assert "region" not in extract("2023年区科技局工作总结", BODY).values


def test_missing_issuer_is_a_warning():
    found = extract("2023年工作总结", BODY)
    assert any(w.code == "no-issuer" for w in found.warnings)


# --- document type -------------------------------------------------------------------------------------

def test_document_type_from_the_title():
    cases = {
        "2025年安徽省政府工作报告": "政府工作报告",
        "平潭县人民政府2011年政府信息公开工作年度报告": "信息公开年度报告",
        "平潭综合实验区地方税务局2013年信息公开年度报告": "信息公开年度报告",
        "2023年区科技局年度科学技术事业工作总结": "工作总结",
        "平潭综合实验区财政金融局2022年工作计划": "工作计划",
        "区教育局2024年工作要点": "工作要点",
        "平潭综合实验区君山片区管理局2022年度工作报告": "工作报告",
        "局长2023年度述职述廉报告": "述职报告",
        "平潭综合实验区社会事业局2024年工作总结及2025年工作思路": "工作总结",
        "关于印发《区科技局2024年工作要点》的通知": "工作要点",
        "第十四届全国人民代表大会第二次会议关于政府工作报告的决议": "其他",
    }
    for title, doc_type in cases.items():
        assert extract(title, BODY).values["doc_type"] == doc_type, title


def test_untitled_text_that_opens_as_a_government_report_is_one():
    found = extract("", "各位代表：", "现在，我代表国务院，向大会报告政府工作，请予审议。", BODY, file_name="a.docx")
    assert (found.values["doc_type"], found.sources["doc_type"]) == ("政府工作报告", "speech")
    assert found.values["issuer"] == "国务院"


# --- staff overrides and warnings ----------------------------------------------------------------------

def test_staff_values_win_and_silence_the_warnings_about_them():
    found = extract("", "各位代表：", BODY, file_name="a.docx")
    found.override({"year": 2015, "issuer": "国务院"})
    assert found.values["year"] == 2015 and found.sources["year"] == "staff"
    assert not any(w.code in ("no-year", "no-issuer") for w in found.warnings)


def test_a_staff_date_drops_the_date_as_written():
    found = extract("区科技局工作总结", BODY, "区科技局", "2023年12月28日")
    found.override({"date": "2024-01-02"})
    assert found.values["date"] == "2024-01-02" and "date_text" not in found.values


# --- whole documents through the reader --------------------------------------------------------------

def test_small_docx_report_yields_all_fields(tmp_path):
    path = simple_report(tmp_path / "科技局.docx", date="二〇二三年十二月二十八日")
    found = extract_metadata(build_report(read_docx(path)), path.name)
    assert found.values == {"title": "2023年区科技局工作总结", "year": 2023, "issuer": "区科技局",
                            "doc_type": "工作总结", "date": "2023-12-28", "date_text": "二〇二三年十二月二十八日",
                            "summary": "2023年，我局紧紧围绕创新驱动发展战略，扎实推进各项工作。"}
    assert found.warnings == []


def test_provincial_docx_with_source_and_speaker_lines(tmp_path):
    path = write_docx(tmp_path / "甘肃.docx", [
        Title("2025年甘肃省政府工作报告"), Para("来源：甘肃日报"),
        Para("——2025年1月20日在甘肃省第十四届人民代表大会第三次会议上"), Para("甘肃省省长 任振鹤"),
        Para("各位代表："), Para("我代表省人民政府，向大会报告工作，请予审议。"), Para("一、2024年工作回顾", bold=True), Para(BODY)])
    found = extract_metadata(build_report(read_docx(path)), path.name).values
    assert (found["title"], found["year"], found["issuer"], found["date"], found["region"]) == (
        "2025年甘肃省政府工作报告", 2025, "甘肃省人民政府", "2025-01-20", "甘肃省")


def test_a_pasted_web_header_is_neither_the_page_heading_nor_the_title(tmp_path):
    path = write_docx(tmp_path / "网页.docx", [
        Para("标题：2023年区科技局工作总结"), Para("发布时间：2024-01-05 10:00"), Para("发布机构：区科技局"),
        Para("2023年区科技局工作总结"), Para(BODY)])
    converted = convert_file(path)
    assert converted.body.startswith("# 2023年区科技局工作总结\n")
    assert (converted.meta.title, converted.meta.sources["title"]) == ("2023年区科技局工作总结", "title-line")
