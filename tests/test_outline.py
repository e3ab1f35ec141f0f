"""The outline stage on document models built in the test: title, headings and their levels, run-in
headings, what must never become a heading, page furniture, captions, closing lines."""
from converter.model import (
    Cell,
    DocProperties,
    Heading,
    NumberLabel,
    Paragraph,
    Run,
    SourceDocument,
    SourceParagraph,
    Table,
)
from converter.structure.outline import build_report

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


def test_plain_first_line_named_like_a_report_to_superiors_is_the_title():
    assert report(p("关于2024年工作情况的汇报"), p()).title == "关于2024年工作情况的汇报"
    assert report(p("区科技局2025年工作思路"), p()).title == "区科技局2025年工作思路"


def test_masthead_and_document_number_are_never_the_title():
    masthead = p("平潭综合实验区财政金融局文件", font="方正小标宋简体", size=36.0, align="center", bold=True)
    result = report(masthead, p("岚财〔2024〕12号", align="center"), title("平潭综合实验区财政金融局2024年工作总结"), p())
    assert result.title == "平潭综合实验区财政金融局2024年工作总结"
    assert body_texts(result) == ["平潭综合实验区财政金融局文件", "岚财〔2024〕12号", BODY]


def test_masthead_laid_out_in_a_table_above_the_title_is_passed_over():
    masthead = Table(rows=((Cell(paragraphs=(p("平潭综合实验区财政金融局文件", align="center", bold=True),)),),))
    result = report(masthead, title("平潭综合实验区财政金融局2024年工作总结"), p())
    assert result.title == "平潭综合实验区财政金融局2024年工作总结"
    assert isinstance(result.blocks[0], Table) and body_texts(result) == [BODY]


def test_a_web_page_metadata_header_above_the_title_is_never_the_title():
    header = (p("标题：2023年区科技局工作总结"), p("发布时间：2024-01-05 10:00"), p("发布机构：区科技局"))
    assert report(*header, p("2023年区科技局工作总结"), p()).title == "2023年区科技局工作总结"
    assert report(*header, title(), p()).title == "2023年区科技局工作总结"


def test_a_web_page_metadata_header_alone_gives_no_title_and_stays_in_the_text():
    result = report(p("标题：2023年区科技局工作总结"), p("发布机构：区科技局"), p())
    assert result.title == "" and body_texts(result) == ["标题：2023年区科技局工作总结", "发布机构：区科技局", BODY]


def test_web_buttons_and_breadcrumbs_do_not_use_up_the_lines_where_a_title_may_be():
    buttons = [p(text) for text in ("下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】",
                                    "当前位置： 首页政务公开")]
    assert report(*buttons, title(), p()).title == "2023年区科技局工作总结"


def test_a_data_table_at_the_top_ends_the_search_for_a_title():
    rows = tuple((Cell(paragraphs=(p(f"指标{n}"),)), Cell(paragraphs=(p(str(n)),))) for n in range(4))
    result = report(Table(rows=rows), title(), p())
    assert result.title == "" and body_texts(result) == ["2023年区科技局工作总结", BODY]


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


def test_lone_top_level_heading_below_web_buttons_is_the_title():
    result = report(p("打印本页"), p("发展回顾", style_level=1), p("概述", style_level=2), p())
    assert result.title == "发展回顾"


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


def test_part_labels_rank_above_the_han_labels_they_contain():
    result = report(title(), p(), p("第一部分 2024年工作回顾", font="黑体"), p("一、经济运行", font="黑体"), p(),
                    p("第二部分 2025年工作安排", font="黑体"), p("一、目标", font="黑体"), p())
    assert headings(result) == [(1, "第一部分 2024年工作回顾"), (2, "一、经济运行"), (1, "第二部分 2025年工作安排"),
                                (2, "一、目标")]


def test_chapter_labels_are_headings_of_the_first_level():
    result = report(title(), p("第一章 总则", font="黑体"), p(), p("第二章 主要任务", font="黑体"), p())
    assert headings(result) == [(1, "第一章 总则"), (1, "第二章 主要任务")]


def test_half_width_brackets_full_width_stops_and_dun_commas_after_digits_keep_their_levels():
    result = report(title(), p("一、总体"), p(), p("(一)目标任务"), p(), p("1、具体措施"), p(), p("2．保障措施"), p(),
                    p("(1)资金保障"), p(), p("（2）人员保障"), p())
    assert [level for level, _ in headings(result)] == [1, 2, 3, 3, 4, 4]


def test_circled_numbers_open_list_items_not_headings():
    result = report(title(), p("一、总体"), p(), p("①加强组织领导。" + BODY), p("②强化资金保障"))
    assert headings(result) == [(1, "一、总体")]


def test_heading_in_a_heading_font_without_bold_is_a_heading():
    result = report(title(), p(), p("重点项目推进情况", font="黑体"), p())
    assert headings(result) == [(1, "重点项目推进情况")]


def test_heading_font_named_in_english_is_a_heading_cue():
    result = report(title(), p(), p("重点项目推进情况", font="SimHei"), p())
    assert headings(result) == [(1, "重点项目推进情况")]


def test_heading_font_that_is_also_the_body_font_is_no_heading_cue():
    body = [p(BODY, font="楷体_GB2312"), p("主要工作回顾", font="楷体_GB2312"), p(BODY, font="楷体_GB2312")]
    assert headings(report(title(), *body)) == []


def test_attachment_with_its_number_and_name_is_a_first_level_heading():
    result = report(title(), p("一、主要工作"), p(), p("附件1：平潭县人民政府2011年政府信息公开情况统计表"), p())
    assert headings(result) == [(1, "一、主要工作"), (1, "附件1：平潭县人民政府2011年政府信息公开情况统计表")]


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


def test_spaces_inside_a_run_in_head_do_not_end_it():
    """Spaces are blanks to fill in ("本单位 口与    （供应商名称）") or a tab after a number as often as a lost
    line break: only a line break or the first 。/： ends a run-in head."""
    result = report(title(), p("（一）总体要求\u3000\u3000坚持稳中求进工作总基调。" + BODY))
    assert headings(result) == [(1, "（一）总体要求\u3000\u3000坚持稳中求进工作总基调")]


def test_long_run_in_heading_of_fifty_odd_characters_is_split():
    head = "（一）坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大和二十届二中、三中全会精神"
    result = report(title(), p("一、主要工作"), p(head + "。" + BODY))
    assert headings(result) == [(1, "一、主要工作"), (2, head)] and body_texts(result) == [BODY]


def test_long_stand_alone_labelled_line_without_a_full_stop_is_a_heading():
    line = "（一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群"
    assert headings(report(title(), p(line), p())) == [(1, line)]


def test_head_ending_in_a_semicolon_does_not_run_in():
    text = "（二）完善制度建设；" + BODY
    result = report(title(), p("（一）强化组织领导：" + BODY), p(text))
    assert headings(result) == [(1, "（一）强化组织领导")] and body_texts(result)[-1] == text


def test_items_written_one_after_another_in_a_labelled_paragraph_are_not_a_heading():
    text = "1.完善制度。2.强化监督。3.狠抓落实。"
    result = report(title(), p("一、主要工作"), p(text))
    assert headings(result) == [(1, "一、主要工作")] and body_texts(result) == [text]


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


def test_closing_date_without_a_day_is_a_date_not_a_heading():
    result = report(title(), p("一、主要工作"), p(), p("区科技局", align="center"), p("2024年12月", align="center"))
    assert headings(result) == [(1, "一、主要工作")]
    assert [(b.role, b.text) for b in result.blocks[-2:]] == [("signature", "区科技局"), ("date", "2024年12月")]


def test_chinese_numeral_dates_are_closing_dates():
    result = report(title(), p(), p("平潭县人民政府"), p("二○一二年二月二十日"))
    assert [b.role for b in result.blocks[-2:]] == ["signature", "date"]


def test_signature_above_the_closing_date_is_never_a_heading():
    for look in ({"align": "center"}, {"bold": True}):
        result = report(title(), p("一、主要工作"), p(), p("平潭综合实验区财政金融局", **look), p("2024年12月20日", **look))
        assert headings(result) == [(1, "一、主要工作")]
        assert [b.role for b in result.blocks[-2:]] == ["signature", "date"]


def test_two_issuers_on_one_line_or_two_stay_body_text():
    one = report(title(), p("一、主要工作"), p(), p("区科技局\u3000\u3000区财政局", align="right"), p("2024年12月20日"))
    two = report(title(), p("一、主要工作"), p(), p("区科技局", align="right"), p("区财政局", align="right"),
                 p("2024年12月20日", align="right"))
    assert headings(one) == headings(two) == [(1, "一、主要工作")]
    assert body_texts(two)[-3:] == ["区科技局", "区财政局", "2024年12月20日"]


def test_photo_caption_under_a_picture_is_not_a_heading():
    picture = SourceParagraph(runs=(Run(image="image1.png"),), align="center")
    result = report(title(), p(), picture, p("平潭海峡公铁大桥", align="center", bold=True), p())
    assert headings(result) == []
    assert body_texts(result) == [BODY, "", "平潭海峡公铁大桥", BODY]


def test_photo_caption_with_a_full_stop_inside_is_not_a_heading():
    result = report(title(), p(), p("图为平潭海峡公铁大桥。（记者 王某 摄）", align="center"), p("一、主要工作"), p())
    assert headings(result) == [(1, "一、主要工作")]


def test_enclosures_listed_under_an_attachment_note_are_not_headings():
    result = report(title(), p("一、主要工作"), p(), p("附件：1.重点项目清单"), p("\u3000\u3000\u30002.资金安排表"),
                    p("3.区级项目汇总表"), p("区科技局", align="right"), p("2024年12月20日", align="right"))
    assert headings(result) == [(1, "一、主要工作")]
    assert body_texts(result) == [BODY, "附件：1.重点项目清单", "2.资金安排表", "3.区级项目汇总表", "区科技局", "2024年12月20日"]


def test_glossary_with_bracketed_numbers_is_body_text_under_its_heading():
    result = report(title(), p("一、主要工作"), p(), p("注释"), p("［1］“两重”：是指国家重大战略实施和重点领域安全能力建设。"),
                    p("［2］“两新”：是指大规模设备更新和消费品以旧换新。"))
    assert headings(result) == [(1, "一、主要工作"), (1, "注释")]
    assert body_texts(result)[-2:] == ["［1］“两重”：是指国家重大战略实施和重点领域安全能力建设。", "［2］“两新”：是指大规模设备更新和消费品以旧换新。"]


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


def test_centred_speaker_line_after_a_long_subtitle_is_not_a_heading():
    subtitle = p("——2025年1月14日自治区人民政府主席王莉霞在内蒙古自治区第十四届人民代表大会第三次会议上的讲话", align="center")
    result = report(title(), subtitle, p("自治区人民政府主席\u3000王莉霞", align="center", bold=True), p("各位代表："), p())
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


def test_page_numbers_typed_as_a_fraction_or_between_dots_are_dropped():
    result = report(title(), p(), p("3/10"), p("·4·"), p("Page 6 of 10"), p("第6页"), p())
    assert body_texts(result) == [BODY, BODY]


def test_a_bare_number_on_its_own_line_is_kept_as_text():
    result = report(title(), p("稳健的货币政策要松紧适度。广义货币M"), p("2"), p("预期增长12%左右。"))
    assert body_texts(result) == ["稳健的货币政策要松紧适度。广义货币M", "2", "预期增长12%左右。"]


def test_a_typed_table_of_contents_with_tab_leaders_is_dropped():
    result = report(title(), p("目  录", align="center"), p("一、2024年工作回顾\t1"), p("二、2025年工作安排\t5"),
                    p("一、2024年工作回顾"), p(), p("二、2025年工作安排"), p())
    assert headings(result) == [(1, "一、2024年工作回顾"), (1, "二、2025年工作安排")]


def test_lines_after_a_table_of_contents_are_kept():
    result = report(title(), p("目录"), p("一、总体要求\t1"), p("2025年是“十四五”规划收官之年，现将工作安排如下。"), p("一、总体要求"), p())
    assert body_texts(result) == ["2025年是“十四五”规划收官之年，现将工作安排如下。", BODY]


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
