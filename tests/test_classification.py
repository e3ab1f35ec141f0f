"""Classification marks: a short line of mark words is a mark; the same words in prose are not."""
from __future__ import annotations

import pytest

from converter.safety.marks import mark_in_file_name, mark_in_line, mark_in_property

MARK_LINES = [
    "机密★1年", "秘密", "绝密★启用前", "机密★长期", "秘密★6个月", "机密 ★ 10年", "【内部资料】", "（内部文件）",
    "内部资料　注意保存", "内部资料，不得外传", "××市人民政府办公室　　　　内部资料", "注意保密",
    "密级：秘密", "秘密等级：机密", "保密期限：10年", "仅供内部参考", "涉密",
]
PROSE = [
    "严格落实保密工作责任制，保守国家秘密，全年未发生失泄密事件。",
    "加强涉密人员管理和秘密载体管理，规范机密文件的收发、传递和销毁。",
    "国家秘密的密级分为绝密、机密、秘密三级。",
    "一、保密工作", "（三）加强内部资料管理", "内部资料性出版物准印证12件",
    "不予公开", "属于国家秘密", "三、本年度办理结果（三）不予公开", "规范密级标注和定密工作",
    "★★★★★", "五星级★服务窗口", "2023年区科技局工作总结", "秘密武器是创新",
]


@pytest.mark.parametrize("line", MARK_LINES)
def test_a_line_of_mark_words_is_a_mark(line):
    assert mark_in_line(line)


@pytest.mark.parametrize("line", PROSE)
def test_mark_words_in_prose_or_headings_are_not_a_mark(line):
    assert mark_in_line(line) is None


def test_a_mark_pattern_inside_a_sentence_is_still_a_mark():
    assert mark_in_line("本文件为机密★1年，阅后收回。") is not None


def test_the_real_report_texts_have_no_marks(shared):
    lines = [line for path in sorted((shared / "corpus" / "reports-txt").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 1000
    assert [line for line in lines if mark_in_line(line)] == []


def test_a_custom_property_named_miji_with_a_level_is_a_mark_and_public_is_not():
    assert mark_in_property("密级", "秘密") == "密级：秘密"
    assert mark_in_property("密级", "公开") is None
    assert mark_in_property("项目", "科技创新") is None


def test_a_mark_in_a_file_name_is_found_between_dashes_and_brackets():
    assert mark_in_file_name("机密-2023年工作总结") == "机密"
    assert mark_in_file_name("【内部资料】2023年工作总结") == "内部资料"
    assert mark_in_file_name("2023年保密工作总结") is None
