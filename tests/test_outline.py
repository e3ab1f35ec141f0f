"""The outline stage on document models built in the test: title, headings and their levels, run-in
headings, what must never become a heading, page furniture, captions, closing lines."""
from converter.model import (Cell, DocProperties, Heading, NumberLabel, Paragraph, Run, SourceDocument,
                             SourceParagraph, Table)
from converter.outline import build_report

BODY = "全年共申报科技项目36项，立项13项，争取上级资金1200万元，同比增长15%，带动企业研发投入持续增长。"


def p(text: str = BODY, *, bold=False, font="仿宋_GB2312", size=16.0, align=None, **fields) -> SourceParagraph:
    runs = tuple(Run(text=part, bold=bold, font=font, size=size) for part in text.split("|"))
    return SourceParagraph(runs=runs, align=align, **fields)


def title(text: str = "2023年区科技局工作总结") -> SourceParagraph:
    return p(text, font="方正小标宋简体", size=22.0, align="center")


def report(*blocks, properties=DocProperties()):
    return build_report(SourceDocument(blocks=blocks, properties=properties))


def headings(result) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in result.blocks if isinstance(b, Heading)]


def body_texts(result) -> list[str]:
    return [b.text for b in result.blocks if isinstance(b, Paragraph)]


# --- title -----------------------------------------------------------------------------------------------


def test_first_centred_large_line_is_the_title_and_not_in_the_body():
    result = report(title(), p())
    assert result.title == "2023年区科技局工作总结"
    assert body_texts(result) == [BODY]


def test_title_style_wins_over_formatting():
    result = report(p("来源：区政府网", align="center"), p("工作总结", style_level=0), p())
    assert result.title == "工作总结"


def test_title_wrapped_over_two_lines_is_joined():
    result = report(title("平潭综合实验区投资促进局关于2024年度工作总结和"), title("2025年工作计划的报告"), p())
    assert result.title == "平潭综合实验区投资促进局关于2024年度工作总结和2025年工作计划的报告"


def test_subtitle_in_another_look_is_not_joined_to_the_title():
    subtitle = p("——2024年1月15日在区第五届人民代表大会第三次会议上", font="楷体_GB2312", align="center")
    result = report(title(), subtitle, p())
    assert result.title == "2023年区科技局工作总结"
    assert body_texts(result)[0].startswith("——2024年1月15日")


def test_source_and_date_lines_are_never_the_title():
    result = report(p("来源：四川日报", align="center"), p("2024年1月20日", align="center"), title(), p())
    assert result.title == "2023年区科技局工作总结"


def test_plain_first_line_named_like_a_report_is_the_title():
    result = report(p("平潭综合实验区财政金融局2022年工作计划"), p())
    assert result.title == "平潭综合实验区财政金融局2022年工作计划"


def test_plain_first_sentence_is_not_taken_for_a_title():
    result = report(p("现将有关情况报告如下。"), p())
    assert result.title == "" and [w.code for w in result.warnings] == ["no-title"]


def test_a_document_without_a_title_falls_back_to_its_properties():
    result = report(p(), properties=DocProperties(title="属性标题"))
    assert result.title == "属性标题"


def test_lone_top_level_heading_at_the_start_is_the_title():
    result = report(p("年度报告", style_level=1), p("概述", style_level=2), p())
    assert result.title == "年度报告"
    assert headings(result) == [(1, "概述")]


# --- heading signals and levels ----------------------------------------------------------------------


def test_typed_labels_give_levels_in_gb9704_order():
    result = report(title(), p("一、主要工作"), p(), p("（一）科技项目"), p(), p("1.项目申报"), p(), p("（1）省级项目"), p())
    assert headings(result) == [(1, "一、主要工作"), (2, "（一）科技项目"), (3, "1.项目申报"), (4, "（1）省级项目")]


def test_report_starting_at_paren_labels_makes_them_the_first_level():
    result = report(title(), p("（一）巩固经济回升向好态势"), p(), p("（二）推动科技创新"), p())
    assert headings(result) == [(1, "（一）巩固经济回升向好态势"), (1, "（二）推动科技创新")]


def test_half_width_and_full_width_labels_are_the_same_kind():
    result = report(title(), p("一、总体"), p("(一)目标"), p(), p("（二）措施"), p(), p("1．全面"), p(), p("2.重点"), p())
    assert [level for level, _ in headings(result)] == [1, 2, 2, 3, 3]


def test_styles_set_levels_and_typed_labels_of_other_kinds_go_below_them():
    result = report(title(), p("一、总体要求", style_level=1), p("（一）目标", style_level=2), p(), p("1.具体任务"), p())
    assert headings(result) == [(1, "一、总体要求"), (2, "（一）目标"), (3, "1.具体任务")]


def test_outline_level_marks_a_heading():
    result = report(title(), p("主要工作", outline_level=1), p())
    assert headings(result) == [(1, "主要工作")]


def test_word_numbering_label_is_part_of_the_heading_text():
    label = NumberLabel(text="（二）", level=1, format="chineseCounting", suffix="nothing")
    result = report(title(), p("一、总体"), p("强化知识产权保护", numbering=label), p())
    assert headings(result) == [(1, "一、总体"), (2, "（二）强化知识产权保护")]


def test_a_bare_number_label_is_followed_by_a_space_as_its_tab_shows():
    label = NumberLabel(text="1.1", level=1, format="decimal", suffix="tab")
    result = report(title(), p("编写目的", numbering=label, style_level=2), p())
    assert headings(result) == [(1, "1.1 编写目的")]


def test_tab_inside_a_heading_reads_as_a_space():
    result = report(title(), p("一、\t总体要求"), p())
    assert headings(result) == [(1, "一、 总体要求")]


def test_bullet_numbering_is_a_list_item_not_a_heading():
    bullet = NumberLabel(text="•", level=0, format="bullet")
    result = report(title(), p("加强统筹", numbering=bullet))
    assert [(b.role, b.text) for b in result.blocks] == [("bullet", "加强统筹")]


def test_bold_short_unlabelled_line_after_the_opening_is_a_heading_at_the_first_level():
    result = report(title(), p(), p("2024年工作回顾", bold=True), p("（一）经济运行"), p())
    assert headings(result) == [(1, "2024年工作回顾"), (1, "（一）经济运行")]


def test_back_matter_lines_are_first_level_headings():
    result = report(title(), p("一、主要工作"), p(), p("名词解释"), p("1.“两新”：是指大规模设备更新和消费品以旧换新，是扩大内需、推动高质量发展的重要举措。"))
    assert headings(result) == [(1, "一、主要工作"), (1, "名词解释"), (2, "1.“两新”")]


def test_unlabelled_formatted_lines_are_not_headings_where_styles_mark_headings():
    result = report(title(), p("一、总体", style_level=1), p(), p("重点工作", bold=True), p())
    assert headings(result) == [(1, "一、总体")]


# --- run-in headings ---------------------------------------------------------------------------------


def test_run_in_heading_is_split_at_first_full_stop():
    result = report(title(), p("（一）加大科技项目争取和实施。一是全年共申报科技项目36项，立项13项，同比增长15%。"))
    assert headings(result) == [(1, "（一）加大科技项目争取和实施")]
    assert body_texts(result) == ["一是全年共申报科技项目36项，立项13项，同比增长15%。"]


def test_run_in_heading_is_split_at_a_colon():
    result = report(title(), p("1.“两重”：是指国家重大战略实施和重点领域安全能力建设，涵盖交通、能源、水利等多个方面。"))
    assert headings(result) == [(1, "1.“两重”")]


def test_run_in_split_keeps_the_formatting_of_the_rest():
    result = report(title(), p("（一）加强党的建设。|坚持把党的政治建设摆在首位，全面加强思想建设、组织建设和作风建设。"))
    paragraph = next(b for b in result.blocks if isinstance(b, Paragraph))
    assert paragraph.runs[0].text.startswith("坚持把党的政治建设")


def test_manual_line_break_after_a_labelled_head_ends_the_heading():
    result = report(title(), p("（一）总体要求\n坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。"))
    assert headings(result) == [(1, "（一）总体要求")]
    assert body_texts(result) == ["坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。"]


def test_labelled_paragraph_whose_first_sentence_is_too_long_stays_a_paragraph():
    long_sentence = "1." + "全面落实各项政策措施，" * 8 + "确保完成全年目标任务。"
    assert headings(report(title(), p(long_sentence))) == []


# --- never headings ----------------------------------------------------------------------------------


def test_lead_sentences_starting_with_yi_shi_stay_body_text():
    result = report(title(), p(), p("一是加大项目争取力度。", bold=True), p("二是深化科技特派员制度", bold=True))
    assert headings(result) == []


def test_dash_bullet_paragraphs_stay_body_text():
    result = report(title(), p(), p("——经济运行稳中向好", bold=True), p("——发展动能加快汇聚", bold=True))
    assert headings(result) == []


def test_closing_signature_and_date_are_body_text_with_roles():
    result = report(title(), p(), p("区科技局", align="right"), p("2023年12月28日", align="right"))
    assert headings(result) == []
    assert [(b.role, b.text) for b in result.blocks[-2:]] == [("signature", "区科技局"), ("date", "2023年12月28日")]


def test_chinese_numeral_dates_are_closing_dates():
    result = report(title(), p(), p("平潭县人民政府"), p("二○一二年二月二十日"))
    assert [b.role for b in result.blocks[-2:]] == ["signature", "date"]


def test_bold_phrase_inside_a_body_paragraph_is_not_a_heading():
    result = report(title(), p(), SourceParagraph(runs=(Run(text="重点工作", bold=True), Run(text="：" + BODY))))
    assert headings(result) == []


def test_numbered_items_inside_a_long_paragraph_are_not_split_out():
    text = "主要做了以下工作：1.完善制度；2.强化监督；3.狠抓落实。" + BODY
    result = report(title(), p(text))
    assert headings(result) == [] and body_texts(result) == [text]


def test_a_list_of_items_in_one_labelled_paragraph_is_not_a_heading():
    result = report(title(), p("1.完善制度；2.强化监督；3.狠抓落实。" + BODY))
    assert headings(result) == []


def test_counting_is_not_a_label():
    result = report(title(), p("一、二季度经济运行平稳，工业增加值同比增长6%，固定资产投资保持较快增长。"))
    assert headings(result) == []


def test_table_cells_are_never_headings():
    table = Table(rows=((Cell(paragraphs=(p("一、指标"),)), Cell(paragraphs=(p("（一）数量"),))),))
    result = report(title(), table)
    assert headings(result) == [] and isinstance(result.blocks[0], Table)


def test_text_box_paragraphs_are_never_headings():
    result = report(title(), p(), p("一、说明", origin="textbox"))
    assert headings(result) == []


def test_speaker_and_subtitle_lines_under_the_title_are_not_headings():
    result = report(title(), p("区长 王某某", align="center", bold=True), p("各位代表："), p())
    assert headings(result) == []


# --- faithful text, furniture --------------------------------------------------------------------------


def test_full_width_indentation_and_empty_paragraphs_are_dropped():
    result = report(title(), p("\u3000\u3000" + BODY), p("   "), p("\u3000"))
    assert body_texts(result) == [BODY]


def test_line_breaks_are_joined_without_spaces_between_chinese():
    result = report(title(), p("全年共申报科技项目\n36项，立项13项。"))
    assert body_texts(result) == ["全年共申报科技项目36项，立项13项。"]


def test_line_breaks_between_latin_words_become_a_space():
    result = report(title(), p("加快建设Digital\nGovernment平台。"))
    assert body_texts(result) == ["加快建设Digital Government平台。"]


def test_typed_page_numbers_are_dropped():
    result = report(title(), p(), p("第 2 页 共 9 页"), p("- 3 -"), p("—4—"), p())
    assert body_texts(result) == [BODY, BODY]


def test_a_typed_table_of_contents_is_dropped():
    result = report(title(), p("目  录"), p("一、2024年工作回顾……………………1"), p("二、2025年工作安排.........5"),
                    p("一、2024年工作回顾"), p())
    assert headings(result) == [(1, "一、2024年工作回顾")] and body_texts(result) == [BODY]


def test_table_caption_before_the_table_moves_into_the_table():
    table = Table(rows=((Cell(paragraphs=(p("指标"),)),),))
    result = report(title(), p(), p("表1　2023年主要指标完成情况", align="center", font="黑体"), table, p())
    tables = [b for b in result.blocks if isinstance(b, Table)]
    assert tables[0].caption == "表1　2023年主要指标完成情况"
    assert headings(result) == [] and body_texts(result) == [BODY, BODY]


def test_table_caption_after_the_table_is_kept_with_it():
    table = Table(rows=((Cell(paragraphs=(p("指标"),)),),))
    result = report(title(), p(), table, p("表2 资金安排"))
    assert [b.caption for b in result.blocks if isinstance(b, Table)] == ["表2 资金安排"]


def test_centred_line_right_above_a_table_is_not_a_heading():
    table = Table(rows=((Cell(paragraphs=(p("指标"),)),),))
    result = report(title(), p(), p("2024年主要经济指标", align="center", bold=True), table)
    assert headings(result) == []


def test_empty_table_is_dropped():
    table = Table(rows=((Cell(paragraphs=(p("  "),)),),))
    assert not any(isinstance(b, Table) for b in report(title(), table).blocks)


def test_footnote_reference_in_a_heading_is_kept():
    heading = SourceParagraph(runs=(Run(text="一、主要工作"), Run(note="footnote-1")))
    result = report(title(), heading, p())
    assert [b.notes for b in result.blocks if isinstance(b, Heading)] == [("footnote-1",)]
