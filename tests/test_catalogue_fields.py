"""The 政务公开 catalogue fields read from a report: 文号 (head and signature area only, shown as written,
compared in one form), 摘要 (the report's own opening sentences, ≤ 100 characters), 公开方式."""
from __future__ import annotations

import pytest
from docx_factory import Grid, Para, Title, write_docx

from converter.archive.convert import convert_file
from converter.metadata.doc_numbers import doc_number_key, doc_number_of
from converter.metadata.extract import extract_metadata
from converter.metadata.summary import fitted, summary_of
from converter.model import Heading, Paragraph, Report, Run
from converter.model.fields import read_front_matter

TITLE = "明湖区科学技术局2023年工作总结"
OPENING = "2023年，我局在区委、区政府的坚强领导下，扎实推进科技创新，取得明显成效。"


def report(*lines) -> Report:
    blocks = tuple(line if isinstance(line, Heading) else Paragraph(runs=(Run(text=line),)) for line in lines)
    return Report(title=TITLE, blocks=blocks)


def extracted(*lines) -> dict:
    return extract_metadata(report(*lines), "报告.docx").values


@pytest.mark.parametrize("line, number", [
    ("明科发〔2023〕12号", "明科发〔2023〕12号"),
    ("明科〔2023〕3号", "明科〔2023〕3号"),
    ("明科发[2023]12号", "明科发[2023]12号"),
    ("明科发［2023］12号", "明科发［2023］12号"),
    ("明科发（2023）12号", "明科发（2023）12号"),
    ("\u3000\u3000明科发〔2023〕12号", "明科发〔2023〕12号"),
    ("文号：国办公开办函〔2019〕61号", "国办公开办函〔2019〕61号"),
    ("明科发〔2023〕12号\u3000\u3000\u3000签发人：张明", "明科发〔2023〕12号"),
    ("（明科发〔2023〕12号）", "明科发〔2023〕12号"),
])
def test_a_line_that_is_a_doc_number_gives_it_as_written(line, number):
    assert doc_number_of(line) == number


@pytest.mark.parametrize("line", [
    "根据国科发〔2022〕5号文件要求，全年开展检查12次。",
    "按照《关于印发…的通知》（国发〔2023〕5号）要求",
    "2023年12月28日",
    "明湖区科学技术局文件",
    "〔2023〕12号",
])
def test_a_doc_number_quoted_in_a_sentence_or_no_doc_number_is_not_one(line):
    assert doc_number_of(line) == ""


def test_bracket_variants_of_one_doc_number_compare_equal():
    forms = ["明科发〔2023〕12号", "明科发[2023]12号", "明科发［2023］012号", "明科发【2023】12号",
             "明科发（２０２３）12号", "明科发 ﹝2023﹞ 12 号"]
    assert {doc_number_key(form) for form in forms} == {"明科发〔2023〕12号"}
    assert doc_number_key("明科发〔2023〕13号") != doc_number_key(forms[0])
    assert doc_number_key("科技创新") == ""


def test_doc_number_under_the_masthead_is_read_from_the_head():
    values = extracted("明湖区科学技术局文件", "明科发〔2023〕12号", OPENING, Heading(1, "一、主要工作"),
                       "根据国科发〔2022〕5号文件要求开展工作。", "明湖区科学技术局", "2023年12月28日")
    assert values["doc_number"] == "明科发〔2023〕12号"


def test_doc_number_under_the_signature_is_read_from_the_tail():
    values = extracted(OPENING, Heading(1, "一、主要工作"), "全年立项10项。", "明湖区科学技术局", "2023年12月28日",
                       "（明科发〔2023〕12号）")
    assert values["doc_number"] == "明科发〔2023〕12号"


def test_doc_numbers_quoted_in_the_body_are_never_the_reports():
    values = extracted(OPENING, Heading(1, "一、主要工作"), "国科发〔2022〕5号", "根据国科发〔2022〕5号文件开展工作。",
                       *["全年立项10项。"] * 10, "明湖区科学技术局", "2023年12月28日")
    assert "doc_number" not in values


def test_doc_number_in_a_masthead_table_of_a_docx(tmp_path):
    path = write_docx(tmp_path / "a.docx", [Grid([["明湖区科学技术局文件"], ["明科发［2023］12号"]]), Title(TITLE),
                                             Para(OPENING), Para("明湖区科学技术局", align="right"),
                                             Para("2023年12月28日", align="right")])
    assert convert_file(path).meta.doc_number == "明科发［2023］12号"


def test_summary_is_the_opening_without_what_it_announces():
    assert summary_of(report(OPENING + "现将有关情况总结如下：", Heading(1, "一、主要工作"), "全年立项10项。")) == OPENING


def test_summary_of_a_government_report_skips_the_address_to_the_congress():
    found = summary_of(report("各位代表：", "现在，我代表省人民政府，向大会报告政府工作，请予审议，并请省政协委员和其他列席人员提出意见。",
                              Heading(1, "一、2024年工作回顾"), "2024年是实现“十四五”规划目标任务的关键一年。全省生产总值增长5.2%。"))
    assert found == "2024年是实现“十四五”规划目标任务的关键一年。全省生产总值增长5.2%。"


def test_summary_takes_whole_sentences_while_they_fit():
    sentences = ["全年申报科技项目30项，立项10项。", "新增高新技术企业9家，科技型中小企业入库52家。", "技术合同成交额达到12.6亿元，同比增长18%。",
                 "科技特派员服务农户1200户，推广新品种新技术36项。", "知识产权创造、运用和保护水平进一步提升。"]
    found = summary_of(report("".join(sentences)))
    assert found == "".join(sentences[:4]) and len(found) <= 100


def test_a_long_first_sentence_is_cut_after_a_comma_with_an_ellipsis():
    sentence = "2023年，" + "，".join(["我局紧紧围绕全区经济社会发展大局和科技创新工作重点任务"] * 5) + "。"
    found = summary_of(report(sentence))
    assert len(found) <= 100 and found.endswith("…") and sentence.startswith(found[:-1])
    assert found[-2] != "，"


def test_a_cut_never_splits_a_number_or_a_latin_word():
    text = "全" * 90 + "PM2.5浓度12345678下降"
    found = fitted(text)
    assert found == "全" * 90 + "PM2.5浓度…"


def test_a_cut_never_separates_a_character_from_its_combining_mark():
    text = "示" * 98 + "\u00e9\u0301" + "结束" * 10  # é with a second accent: the cut falls between them
    assert fitted(text) == "示" * 98 + "…"


def test_summary_is_never_empty():
    assert summary_of(report("明湖区科学技术局文件", Heading(1, "一、主要工作"))) == "明湖区科学技术局文件"
    assert summary_of(report()) == TITLE


def test_disclosure_note_under_the_signature_sets_the_field():
    values = extracted(OPENING, "明湖区科学技术局", "2023年12月28日", "（此件依申请公开）")
    assert values["disclosure"] == "依申请公开"
    found = extract_metadata(report(OPENING, "明湖区科学技术局", "2023年12月28日", "（此件不公开）"), "a.docx")
    assert "disclosure" not in found.values and [w.code for w in found.warnings] == ["not-public-disclosure"]


def test_without_a_note_the_disclosure_is_the_default():
    assert read_front_matter({})[0].disclosure == "主动公开"


@pytest.mark.parametrize("key, value, problem", [
    ("summary", "长" * 101, "应不超过 100 个字"),
    ("disclosure", "不公开", "应是主动公开或依申请公开"),
    ("index_number", "2023-12", "机构代码/年份-流水号"),
    ("published", "昨天", "YYYY-MM-DD"),
])
def test_a_wrong_catalogue_value_in_front_matter_says_what_is_expected(key, value, problem):
    _, found = read_front_matter({key: value})
    assert any(problem in line for line in found)


def test_summary_skips_the_line_saying_where_the_report_was_delivered():
    found = summary_of(report("2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。",
                              "各位代表：", "过去一年，是很不平凡的一年。"))
    assert found == "过去一年，是很不平凡的一年。"


def test_a_sentence_broken_by_a_book_title_on_its_own_line_is_left_out():
    found = summary_of(report("从今年开始，我国将实施新世纪第一个五年计划。中国共产党十五届五中全会通过的《",
                              "中共中央关于制定第十个五年计划的建议", "》，提出了未来五年的奋斗目标。"))
    assert found == "从今年开始，我国将实施新世纪第一个五年计划。"


def test_a_document_with_neither_sentence_nor_title_line_is_summarised_by_its_metadata_title():
    assert summary_of(Report(title="", blocks=()), "document__59378") == "document__59378"
