"""Staff overrides: NAME.yml beside NAME.docx and the add options; checked, with one Chinese line per mistake."""
import datetime as dt

import pytest
from docx_factory import simple_report

from converter.archive.convert import convert_file
from converter.metadata.overrides import check_overrides, overrides_for, sidecar_overrides
from converter.model.errors import ArchiveError


def sidecar(tmp_path, text: str):
    docx = simple_report(tmp_path / "科技局.docx")
    (tmp_path / "科技局.yml").write_text(text, encoding="utf-8")
    return docx


def test_no_sidecar_means_no_overrides(tmp_path):
    assert sidecar_overrides(simple_report(tmp_path / "a.docx")) == {}


def test_chinese_and_english_keys_are_both_understood(tmp_path):
    docx = sidecar(tmp_path, "年度: 2022\n发文机关: 某某区科学技术局\ndoc_type: 工作计划\n日期: 2022年12月30日\n"
                             "主题: 科技、教育\nregion: 某某区\n标题: 某某区科学技术局2023年工作计划\n")
    assert sidecar_overrides(docx) == {"year": 2022, "issuer": "某某区科学技术局", "doc_type": "工作计划",
                                       "date": "2022-12-30", "topics": ["科技、教育"], "region": "某某区",
                                       "title": "某某区科学技术局2023年工作计划"}


def test_yaml_dates_and_chinese_numeral_years_are_accepted():
    assert check_overrides({"date": dt.date(2023, 1, 5), "年度": "二〇二二"}) == {"date": "2023-01-05", "year": 2022}


def test_empty_values_are_ignored(tmp_path):
    assert sidecar_overrides(sidecar(tmp_path, "年度:\n主题: []\n")) == {}


@pytest.mark.parametrize("text, expected", [
    ("年度: 二〇二三三\n", "科技局.yml 里的“年度”应是 1949–2100 之间的年份"),
    ("文种: 总结\n", "“总结”不在文种列表中"),
    ("日期: 下周一\n", "科技局.yml 里的“日期”应是 YYYY-MM-DD 格式的日期，现为 “下周一”。请写成例如“成文日期: 2023-12-28"),
    ("作者: 张三\n", "不认识的项“作者”"),
    ("年度 2023\n", "应是“项: 值”的列表"),
    ("年度: [2023\n", "格式有误"),
    ("主题: {a: b}\n", "科技局.yml 里的“主题”应是一个名称或名称的列表"),
])
def test_each_mistake_is_one_chinese_line_naming_the_file(tmp_path, text, expected):
    with pytest.raises(ArchiveError) as raised:
        sidecar_overrides(sidecar(tmp_path, text))
    line = raised.value.line(tmp_path / "科技局.docx")
    assert expected in line and "\n" not in line
    assert line.startswith("科技局.docx：")


def test_command_line_mistakes_name_the_option():
    with pytest.raises(ArchiveError) as raised:
        check_overrides({"doc_type": "总结"})
    assert "--type" in raised.value.line()
    with pytest.raises(ArchiveError) as raised:
        check_overrides({"year": "明年"})
    assert raised.value.line() == "选项 --year 应是 1949–2100 之间的年份（四位数字），现为 “明年”。请写成例如“--year 2023”。"


def test_a_year_may_be_typed_in_chinese_numerals_on_the_command_line_too():
    assert check_overrides({"year": "二〇二三"}) == {"year": 2023}


def test_sidecar_values_reach_the_front_matter_with_source_staff(tmp_path):
    docx = sidecar(tmp_path, "年度: 2022\n发文机关: 某某区科学技术局\n")
    meta = convert_file(docx, overrides_for(docx)).meta
    assert (meta.year, meta.issuer) == (2022, "某某区科学技术局")
    assert meta.sources["year"] == meta.sources["issuer"] == "staff"
    assert meta.sources["title"] == "title-line"


def test_the_sidecar_about_one_file_wins_over_options_for_the_whole_run(tmp_path):
    docx = sidecar(tmp_path, "年度: 2022\n")
    converted = convert_file(docx, overrides_for(docx, {"year": 2021, "topics": ["科技、教育", "无此主题"]}))
    assert converted.meta.year == 2022
    assert converted.meta.topics == ["科技、教育", "无此主题"]
    assert [w.code for w in converted.warnings if w.code == "unknown-topic"] == ["unknown-topic"]


def test_a_reason_to_publish_is_kept_apart_from_the_metadata(tmp_path):
    docx = sidecar(tmp_path, "公开理由: 姓名均为公开职务信息\n")
    assert sidecar_overrides(docx) == {"publish_override": "姓名均为公开职务信息"}
    meta = convert_file(docx, overrides_for(docx)).meta
    assert meta.publish_override == "姓名均为公开职务信息"
    assert "publish_override" not in meta.sources


def test_checked_overrides_can_be_checked_again():
    once = check_overrides({"年度": "2023年", "日期": "2023年12月28日", "主题": "科技、教育", "文种": "工作总结"})
    assert check_overrides(once) == once
