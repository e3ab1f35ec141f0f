"""The plain-text reader (converter/reading/text.py): encodings, lines → paragraphs, a web page's furniture."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from converter.metadata.extract import extract_metadata
from converter.model import Heading
from converter.model.errors import ArchiveError
from converter.reading.text import read_text, text_document
from converter.render.markdown import render_markdown
from converter.structure.outline import build_report

REPORT = ("区科技局2023年工作总结\n"
          "2023年，区科技局在区委、区政府的正确领导下，科技工作不断取得新突破。\n"
          "一、主要工作\n"
          "（一）加大项目争取。一是加强储备，镕基项目顺利推进。\n"
          "二、下一步打算\n"
          "持续抓好科技项目的储备和申报工作。\n")


def paragraphs(path: Path) -> list[str]:
    return [block.text for block in read_text(path).blocks]


def write(tmp_path: Path, data: bytes, name: str = "报告.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_each_supported_encoding_reads_to_the_same_paragraphs(tmp_path, encoding):
    path = write(tmp_path, REPORT.encode(encoding))
    assert paragraphs(path) == REPORT.splitlines()


def test_windows_line_ends_and_an_indent_of_full_width_spaces_are_not_text(tmp_path):
    path = write(tmp_path, REPORT.replace("\n", "\r\n").replace("2023年，", "\u3000\u30002023年，").encode("gb18030"))
    assert paragraphs(path) == REPORT.splitlines()


def test_big5_text_is_refused_as_an_unknown_encoding_in_one_chinese_line(tmp_path):
    path = write(tmp_path, "區科技局二零二三年工作總結，科技工作不斷取得新突破。各項工作穩步推進，全年任務圓滿完成。".encode("big5"))
    with pytest.raises(ArchiveError) as caught:
        read_text(path)
    line = caught.value.line(path)
    assert caught.value.code == "text-encoding"
    assert line.startswith("报告.txt：") and "\n" not in line and "UTF-8" in line


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, b"PK\x03\x04" + b"\x00" * 64,
                                  "正文\x00\x01\x02".encode("utf-8")])
def test_binary_content_is_refused_as_not_text(tmp_path, data):
    with pytest.raises(ArchiveError) as caught:
        read_text(write(tmp_path, data))
    assert caught.value.code == "not-text"


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(ArchiveError) as caught:
        read_text(write(tmp_path, b""))
    assert caught.value.code == "empty"


def collapsed_body() -> str:
    filler = "持续深化改革，强化服务保障，推动各项工作落到实处，取得了明显成效。" * 6
    return ("当前位置： 首页政务公开规划信息 区财政局2022年工作计划 时间：2022-12-02 10:51 微信 微博 QQ空间 "
            f"2022年，我局坚持稳中求进。{filler}一、总体情况（一）加强组织领导。{filler}（二）强化财源建设一是"
            f"全面加强财源管理。{filler}二、2023年工作计划2023年，我们将继续努力。{filler}"
            f"（一）统筹学习。{filler} 区财政局 2022年12月2日")


def test_a_body_scraped_onto_one_line_is_split_at_labels_that_follow_a_sentence_end():
    texts = [block.text for block in text_document(collapsed_body()).blocks]
    assert "区财政局2022年工作计划" in texts
    assert "一、总体情况" in texts
    assert any(t.startswith("（一）加强组织领导。") for t in texts)
    assert "（二）强化财源建设" in texts and any(t.startswith("一是全面加强财源管理。") for t in texts)
    assert "二、2023年工作计划" in texts and any(t.startswith("2023年，我们将继续努力。") for t in texts)
    assert texts[-2:] == ["区财政局", "2022年12月2日"]


def test_the_page_furniture_on_a_scraped_line_is_dropped_and_the_time_kept_as_evidence():
    document = text_document(collapsed_body())
    texts = [block.text for block in document.blocks]
    assert not any(word in t for t in texts for word in ("当前位置", "微信", "微博", "QQ空间", "时间："))
    assert document.header == (("时间", "2022-12-02 10:51"),)


def test_a_scraped_body_keeps_every_character_of_its_wording():
    body = collapsed_body()
    kept = "".join("".join(block.text.split()) for block in text_document(body).blocks)
    expected = "".join(body.split())
    for furniture in ("当前位置：首页政务公开规划信息", "微信", "微博", "QQ空间", "时间：2022-12-0210:51"):
        expected = expected.replace(furniture, "", 1)
    assert kept == expected


def test_an_inline_list_in_an_ordinary_paragraph_is_not_split():
    line = "主要经验是：（1）坚持扩大内需。（2）坚持正确发展方向。（3）坚持加强宏观调控。"
    assert [b.text for b in text_document(line + "\n").blocks] == [line]


def test_punctuation_folded_to_ascii_by_a_scraper_is_given_back_its_full_width():
    text = "2023年区科技局工作总结\n2023年,区科技局认真落实部署;科技工作不断取得新突破。\n(一)加大项目争取。一是储备(材)料:完成。\n"
    assert [b.text for b in text_document(text).blocks][1:] == [
        "2023年，区科技局认真落实部署；科技工作不断取得新突破。", "（一）加大项目争取。一是储备（材）料：完成。"]


def test_ascii_punctuation_in_a_text_that_has_full_width_forms_is_left_as_typed():
    text = "（一）优化支出结构,着力保障重点领域支出。\n一是压减一般性支出，保障民生。\n"
    assert [b.text for b in text_document(text).blocks][0] == "（一）优化支出结构,着力保障重点领域支出。"


def test_a_text_wrapped_at_a_fixed_width_is_joined_into_its_paragraphs():
    sentence = "区科技局认真落实区委区政府各项重大安排部署，加快科技创新体系建设，不断优化创新环境。" * 3
    width = 20
    wrapped = ["一、主要工作"] + [sentence[i:i + width] for i in range(0, len(sentence), width)]
    wrapped += ["二、下一步打算"] + ["\u3000\u3000" + sentence[i:i + width] for i in range(0, 40, width)]
    texts = [b.text for b in text_document("\n".join(wrapped)).blocks]
    assert texts[:2] == ["一、主要工作", sentence]
    assert texts[2] == "二、下一步打算"


def test_a_document_sharing_page_gives_the_file_name_as_title_and_loses_its_panel():
    page = ("分享\n2023年区科技局工作总结.docx\n下载文档\nID:970093\n大小:20.15KB\n页数:7页\n时间:2023-04-16\n收藏 分享赚钱\n温馨提示:\n"
            "1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题。\n"
            "网站客服:3074922707\n2023 科技局 年度 工作总结\n区科技局工作总结\n2023年,区科技局工作不断取得新突破。"
            "各项工作稳步推进,全年任务圆满完成。\n此文档下载收益归作者所有\n下载文档\n你可能关注的文档\n收起\n展开\n")
    texts = [b.text for b in text_document(page).blocks]
    assert texts == ["2023年区科技局工作总结", "2023年，区科技局工作不断取得新突破。各项工作稳步推进，全年任务圆满完成。"]


def test_a_breadcrumb_scraped_one_item_a_line_is_dropped():
    page = "当前位置：\n首页\n>\n政务信息\n>\n宁夏要闻\n2026年宁夏回族自治区政府工作报告\n发表时间：\n2026-02-09 09:45:30\n"
    document = text_document(page)
    assert [b.text for b in document.blocks] == ["2026年宁夏回族自治区政府工作报告"]
    assert document.header == (("发表时间", "2026-02-09 09:45:30"),)


def test_a_title_split_after_its_first_characters_is_joined():
    texts = [b.text for b in text_document("\u200b\n\n政府工作报\n告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n").blocks]
    assert texts[0] == "政府工作报告"


def test_a_header_title_is_the_documents_title_property():
    page = "标题: 区投资促进局2024年工作总结\n发布时间: 2025-09-18 11:00\n==================== 正文 ====================\n" \
           "2024年，我局强化体制机制改革，国有企业核心竞争力显著提升。\n"
    document = text_document(page)
    assert document.properties.title == "区投资促进局2024年工作总结"
    assert [b.text for b in document.blocks][-1].startswith("2024年，我局")
    assert not any("正文" in b.text for b in document.blocks)


@pytest.mark.corpus
def test_the_seed_imports_with_its_title_year_issuer_and_headings_and_without_furniture(shared):
    path = shared / "seed" / "000_10c776fe5ec35634.txt"
    report = build_report(read_text(path))
    found = extract_metadata(report, path.name).values
    markdown = render_markdown(report)
    headings = [b.text for b in report.blocks if isinstance(b, Heading)]
    assert report.title == "2023年区科技局年度科学技术事业工作总结"
    assert found["year"] == 2023 and "科技局" in found["issuer"] and found["doc_type"] == "工作总结"
    assert headings[:3] == ["一、目标任务 完成情况", "（一）加大科技工程争取和实施", "（二）狠抓无公害蔬菜基地建设"]
    assert "三、2023年工作方案" in headings and len(headings) == 11
    for furniture in ("分享", "下载文档", "温馨提示", "网站客服", "ID:", "收起", "此文档下载收益", "第7页", "2023 科技局 年度",
                      "时间:2023-04-16"):
        assert furniture not in markdown


@pytest.mark.corpus
def test_every_corpus_text_reads_and_a_scraped_one_keeps_its_headings(shared):
    for path in sorted((shared / "corpus" / "reports-txt").glob("*.txt")):
        assert read_text(path).blocks, path.name
    report = build_report(read_text(shared / "corpus" / "reports-txt" / "2022-pingtan-supingpianqu-gzjh.txt"))
    levels = [(b.level, b.text[:2]) for b in report.blocks if isinstance(b, Heading)]
    assert [text for level, text in levels if level == 1] == ["一、", "二、", "三、", "四、", "五、"]
    assert report.title == "平潭综合实验区苏平片区管理局2022年度工作计划"


def test_a_long_body_on_one_line_reads_in_time_linear_in_its_length(tmp_path):
    unit = "持续深化改革，强化服务保障，推动各项工作落到实处。一、总体情况（一）加强组织领导。1.完善制度 2.强化监督。 "
    timings = []
    for repeat in (1000, 4000):
        started = time.process_time()
        document = text_document(unit * repeat)
        timings.append(time.process_time() - started)
        assert len(document.blocks) == 5 * repeat
    assert timings[1] < 8 * timings[0] + 0.5  # 4 times the text, not 16 times the time


def test_an_oversized_text_is_refused(tmp_path):
    path = write(tmp_path, "正文。\n".encode("utf-8") * (3 * 1024 * 1024), "大.txt")
    with pytest.raises(ArchiveError) as caught:
        read_text(path)
    assert caught.value.code == "too-big" and caught.value.line(path).startswith("大.txt：")
