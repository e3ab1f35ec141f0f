"""The topic taxonomy (loading, checking, archive-local replacement) and assigning topics to reports and
their sections."""
from __future__ import annotations

import pytest
from docx_factory import simple_report

from converter.archive.convert import convert_file
from converter.data.frontmatter import split_page
from converter.metadata.tagging import tag_report, tag_sections, unknown_topics
from converter.metadata.topics import DEFAULT_TAXONOMY, load_taxonomy, taxonomy_for
from converter.model import Heading, Paragraph, Report, Run
from converter.model.errors import ArchiveError

STATE_COUNCIL_CLASSES = [
    "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源", "农业、林业、水利", "工业、交通",
    "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育",
    "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务",
    "港澳台侨工作", "国防", "其他"]


def paragraph(text: str) -> Paragraph:
    return Paragraph(runs=(Run(text=text),))


def report(*blocks, title: str = "2023年工作总结") -> Report:
    return Report(title=title,
                  blocks=tuple(b if isinstance(b, Heading) else paragraph(b) for b in blocks))


def write(tmp_path, text: str):
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the taxonomy ------------------------------------------------------------------------------------

def test_default_taxonomy_has_the_21_state_council_classes_in_order():
    assert list(load_taxonomy().classes) == STATE_COUNCIL_CLASSES


def test_every_class_but_other_has_keywords_with_real_signal_terms():
    taxonomy = load_taxonomy()
    for name, keywords in taxonomy.classes.items():
        terms = [t for ts in keywords.values() for t in ts]
        assert name == "其他" or len(terms) >= 10, name
    assert "科技特派员" in taxonomy.classes["科技、教育"]["科技创新"]
    assert "知识产权" in taxonomy.classes["科技、教育"]


def test_a_keyword_name_is_one_of_its_own_terms():
    assert load_taxonomy().count("知识产权")[("科技、教育", "知识产权")] == 1


def test_longest_term_wins_where_terms_overlap():
    counts = load_taxonomy().count("科技特派员")
    assert sum(counts.values()) == 1


def test_ignored_phrases_count_for_nothing():
    assert sum(load_taxonomy().count("深入开展主题教育，推动高质量发展").values()) == 0


def test_archive_topics_file_replaces_the_packaged_one(tmp_path):
    write(tmp_path, "topics:\n  海洋:\n    海洋渔业: [渔港, 远洋捕捞]\n")
    taxonomy = taxonomy_for(tmp_path)
    assert list(taxonomy.classes) == ["海洋"]
    assert taxonomy_for(None).source == str(DEFAULT_TAXONOMY)


@pytest.mark.parametrize("text, expected", [
    ("topics: [a, b\n", "主题分类文件 topics.yml 第 2 行格式有误"),
    ("other: 1\n", "缺少 topics"),
    ("topics:\n  科技: [科技]\n", "细分主题"),
    ("topics:\n  科技:\n    创新: 科技\n", "列表"),
])
def test_malformed_topics_file_is_one_chinese_line(tmp_path, text, expected):
    with pytest.raises(ArchiveError) as raised:
        load_taxonomy(write(tmp_path, text))
    assert expected in raised.value.line()


# --- assigning topics ---------------------------------------------------------------------------------

def test_bureau_report_gets_its_dominant_class_and_keywords():
    tagged = tag_report(report(
        Heading(1, "一、主要工作"),
        Heading(2, "（一）强化知识产权保护"), "全年新增发明专利授权21件，开展知识产权宣传活动5次，商标注册量增长。",
        Heading(2, "（二）深化科技特派员制度"), "选派科技特派员30名，实施科技项目12项，培育高新技术企业8家。"), load_taxonomy())
    assert tagged.topics == ["科技、教育"]
    assert {"知识产权", "科技创新"} <= set(tagged.keywords)
    assert tagged.warnings == []


def test_each_section_carries_its_own_topics_and_anchor():
    sections = tag_sections(report(
        Heading(1, "一、主要工作"),
        Heading(2, "（一）强化知识产权保护"), "全年新增发明专利授权21件。",
        Heading(2, "（二）推进高标准农田建设"), "新建高标准农田2万亩，粮食产量稳定。"), load_taxonomy())
    assert [(s.anchor, s.title) for s in sections] == [("s1", "一、主要工作"), ("s1-1", "（一）强化知识产权保护"),
                                                        ("s1-2", "（二）推进高标准农田建设")]
    assert sections[1].topics == ["科技、教育"] and sections[1].keywords == ["知识产权"]
    assert sections[2].topics == ["农业、林业、水利"] and sections[2].keywords == ["农业"]


def test_deeper_headings_are_folded_into_their_section():
    sections = tag_sections(report(Heading(1, "一、工作回顾"), Heading(2, "（一）农业"), Heading(3, "1.粮食"), "粮食丰收。"),
                            load_taxonomy())
    assert [s.anchor for s in sections] == ["s1", "s1-1"]


def test_a_report_touching_everything_is_tagged_only_with_its_heaviest_subjects():
    areas = ["科技创新成果丰硕，研发投入增长", "粮食产量稳定，高标准农田建设推进", "交通基础设施完善，高速公路通车",
             "外贸进出口增长，利用外资扩大", "就业稳定，城镇新增就业增加", "医疗卫生服务提升，医保覆盖扩大",
             "生态环境改善，空气质量优良", "教育事业发展，义务教育均衡", "文化事业繁荣，公共文化服务完善"]
    tagged = tag_report(report(*(f"{area}。" * 3 for area in areas)), load_taxonomy())
    assert 1 <= len(tagged.topics) <= 5
    assert len(tagged.topics) < len(areas)


def test_the_title_counts_as_evidence():
    assert tag_report(report("今年我们做了很多工作。", title="2023年区科技局工作总结"), load_taxonomy()).topics == ["科技、教育"]


def test_report_without_evidence_warns_instead_of_staying_silent():
    tagged = tag_report(report("今年我们做了很多工作，取得了一定成绩。"), load_taxonomy())
    assert tagged.topics == []
    assert [w.code for w in tagged.warnings] == ["no-topic"]


def test_staff_topics_outside_the_taxonomy_are_warned_about():
    notices = unknown_topics(["科技、教育", "知识产权", "科技教育"], load_taxonomy())
    assert [n.code for n in notices] == ["unknown-topic"]
    assert "科技教育" in notices[0].message


def test_converted_page_lists_topics_and_each_sections_anchor_as_rendered(tmp_path):
    data, body = split_page(convert_file(simple_report(tmp_path / "r.docx")).page())
    assert data["topics"] == ["科技、教育"]
    assert "知识产权" in data["keywords"]
    for section in data["sections"]:
        assert f"{section['title']} {{#{section['anchor']}}}" in body
    assert {"title": "（二）强化知识产权保护", "anchor": "s1-2", "topics": ["科技、教育"],
            "keywords": ["知识产权"]} in data["sections"]


def test_the_term_matcher_finds_the_longest_term_at_each_place_as_a_longest_first_alternation_would():
    import random
    import re

    taxonomy = taxonomy_for(None)
    terms = sorted(taxonomy.owners, key=len, reverse=True)
    alternation = re.compile("|".join(re.escape(term) for term in terms))
    pieces = terms + ["的", "。", "和", "工作"]
    rng = random.Random(7)
    for _ in range(500):  # terms, their prefixes and glue, run together so terms overlap and nest
        text = "".join(rng.choice(pieces)[:rng.randint(1, 6)] for _ in range(12))
        assert [m.span() for m in taxonomy.matcher.finditer(text)] == \
            [m.span() for m in alternation.finditer(text)], text
    assert [m.group(0) for m in taxonomy.matcher.finditer("选派科技特派员下乡")] == ["科技特派员"]
