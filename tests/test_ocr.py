"""Scanned pages: a PDF made by LibreOffice, its pages rendered to pictures (no text layer), read back with
Tesseract through converter/reading/ocr.py and the same lines → paragraphs → structure path."""
from __future__ import annotations

import difflib

import numpy

import pytest
from conftest import require
from docx_factory import Para, Title
from pdf_factory import joined, office_pdfs, scanned

from converter.model import Heading, Paragraph, Run
from converter.reading import ocr, ocr_labels
from converter.reading.ocr_gaps import skipped_bands
from converter.reading.ocr_marks import repaired_label, repaired_lines
from converter.reading.pdf_lines import TextLine
from converter.reading.pdf import read_pdf
from converter.structure.outline import build_report

BODY = ("2023年，我局紧紧围绕创新驱动发展战略，扎实推进各项工作，全年新增发明专利授权二十一件，"
        "组织科技特派员深入乡镇开展技术服务一百二十次，科技创新能力持续提升。")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    require("tesseract", "tesseract-ocr tesseract-ocr-chi-sim")
    folder = tmp_path_factory.mktemp("scans")
    made = office_pdfs(folder, {
        "text": [Title("2023年区科技局工作总结"), Para("\u3000\u3000" + BODY, font="Noto Serif CJK SC"),
                 Para("\u3000\u3000一、主要工作成效", font="Noto Sans CJK SC"),
                 Para("\u3000\u3000" + BODY, font="Noto Serif CJK SC")],
    })
    scan = scanned(made["text"], folder / "scan.pdf")
    return {"text": made["text"], "scan": scan, "mixed": joined(made["text"], scan, folder / "mixed.pdf")}


def test_a_scanned_page_is_read_by_ocr_and_marked(pdfs):
    source = read_pdf(pdfs["scan"])
    notices = [n for n in source.warnings if n.code == "ocr"]
    assert len(notices) == 1 and "共 1 页" in notices[0].message


def test_ocr_text_goes_through_the_same_structure_path(pdfs):
    report = build_report(read_pdf(pdfs["scan"]))
    assert report.title.replace(" ", "") == "2023年区科技局工作总结"
    assert "一、主要工作成效" in [b.text for b in report.blocks if isinstance(b, Heading)]
    body = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    assert len(body) == 2
    assert min(difflib.SequenceMatcher(None, text, BODY).ratio() for text in body) > 0.9


def test_a_text_pdf_is_not_ocrd(pdfs):
    assert not any(n.code == "ocr" for n in read_pdf(pdfs["text"]).warnings)


def test_a_page_without_text_inside_a_text_pdf_is_ocrd_alone(pdfs):
    source = read_pdf(pdfs["mixed"])
    notices = [n.message for n in source.warnings if n.code == "ocr"]
    assert len(notices) == 1 and "共 1 页" in notices[0] and "第 2 页" in notices[0]
    assert sum("主要工作成效" in b.text for b in source.blocks) == 2  # page 1 read as text, page 2 by OCR


@pytest.mark.parametrize("read, shown", [("〈（一）统筹学习", "（一）统筹学习"), ("\\四）坚守债务红线", "（四）坚守债务红线"),
                                         ("（二）狠抓收入", "（二）狠抓收入"), ("四季有鲜", "四季有鲜"), ("一、概述", "一、概述")])
def test_a_label_whose_bracket_ocr_garbled_is_read_as_the_label(read, shown):
    assert repaired_label(read) == shown


def test_ascii_marks_next_to_chinese_take_the_full_width_form():
    assert repaired_lines(["坚持党建引领;细化措施,狠抓落实:一是(试行)", "增长3.5%,共1,000元"]) == [
        "坚持党建引领；细化措施，狠抓落实：一是（试行）", "增长3.5%，共1,000元"]


def test_straight_quotes_pair_as_opening_and_closing_across_lines():
    assert repaired_lines(['实现"一岛两', '窗三区"的战略，"五星级"党组织', '巩固“五星级"成果，say "hi"']) == [
        "实现“一岛两", "窗三区”的战略，“五星级”党组织", '巩固“五星级”成果，say "hi"']


def test_an_angle_bracket_closed_by_a_round_one_is_the_round_one():
    assert repaired_lines(["完善区〈县）对片区〈乡镇）财政", "《〈条例〉实施办法》"]) == [
        "完善区（县）对片区（乡镇）财政", "《〈条例〉实施办法》"]


def test_a_line_is_as_tall_as_its_characters_ink_not_as_its_ocr_boxes():
    page = numpy.full((300, 400), 255, dtype=numpy.uint8)
    page[100:140, 0:120] = 0  # 道路
    page[100:140, 150:270] = 0  # 科技
    page[132:140, 125:135] = 0  # 。 lower than the characters
    boxes = [(0, 100, 120, 40), (125, 132, 10, 8), (150, 60, 120, 85)]  # the last box drifted up and grew
    words = [{"left": str(x), "top": str(y), "width": str(w), "height": str(h)} for x, y, w, h in boxes]
    assert ocr._ink_height(page, words) == 40
    assert ocr._ink_height(page, words[:2]) == 40


def test_a_band_of_ink_without_any_word_read_is_found_again():
    page = numpy.full((400, 300), 255, dtype=numpy.uint8)
    page[50:90, 20:280] = 0  # a line Tesseract read
    page[150:190, 20:120] = 0  # a line it skipped
    page[250:252, 20:280] = 0  # a rule: too low for a line of text
    page[300:302, 20:21] = 0  # a speck
    read = [{"top": "48", "height": "44"}]
    assert skipped_bands(page, read, 200) == [(150, 190)]


@pytest.mark.parametrize("line, suspect", [("、审批事项及处理情况", True), ("(/狼）扎实推进", True), ("（狼）扎实", True),
                                           ("（七）加大招商", False), ("市、区委相关规定", False), ("4、强化监管", False)])
def test_a_line_opening_like_a_label_without_its_numeral_is_suspect(line, suspect):
    assert ocr_labels.suspect(line) is suspect


@pytest.mark.parametrize("line, reread, shown", [("、审批事项及处理情况", "四、审站", "四、审批事项及处理情况"),
                                                 ("(/狼）扎实推进", "(/八):", "（八）扎实推进"),
                                                 ("、持续三个探索", "、持续三", "、持续三个探索")])
def test_a_garbled_label_takes_the_label_read_again_alone_and_nothing_else(line, reread, shown):
    assert ocr_labels.relabelled(line, reread) == shown


def test_a_line_of_a_character_or_two_takes_the_size_of_the_line_above_when_close():
    def line(text: str, size: float, top: float) -> TextLine:
        return TextLine(page=1, x0=90, x1=500, top=top, bottom=top + size, size=size, runs=(Run(text=text, size=size),))

    sized = ocr._short_lines_sized([line("打造两岸融合交流平", 16, 100), line("台", 13.5, 130), line("二〇二三年", 13.5, 160),
                                    line("作计划", 16, 200), line("附件", 10, 230)])
    assert [round(line.size, 1) for line in sized] == [16, 16, 13.5, 16, 10]
