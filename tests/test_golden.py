"""Golden tests: a small .docx generated here, one feature each, through the whole converter
(reader → outline → renderer) to the exact Markdown body. Whole documents live in tests/golden/<case>/
(input.docx + expected.md); rebuild them with `python tests/golden/make_inputs.py` and refresh the
expected pages with `UPDATE_GOLDEN=1 pytest tests/test_golden.py`, deliberately, reading the diff."""
import hashlib
import os
from pathlib import Path

import pytest
from docx_factory import (
    Grid,
    Para,
    Styled,
    Title,
    Xml,
    add_notes,
    add_numbering,
    hyperlink_rel,
    image_rel,
    numbered,
    para,
    picture,
    run,
    textbox,
    tiny_png,
    write_docx,
)

from converter.reading.docx import read_docx
from converter.render.markdown import render_markdown
from converter.structure.outline import build_report

GOLDEN = Path(__file__).parent / "golden"
HEAD = "# 2023年区科技局工作总结\n\n"


def convert(tmp_path: Path, blocks, image_dir=None) -> str:
    return render_markdown(build_report(read_docx(write_docx(tmp_path / "in.docx", blocks))), image_dir)


def test_gongwen_headings_by_typed_labels_and_fonts(tmp_path):
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Para("一、主要工作", font="黑体"),
                            Para("（一）科技项目", font="楷体_GB2312", bold=True), Para("全年立项13项。")])
    assert md == HEAD + "## 一、主要工作 {#s1}\n\n### （一）科技项目 {#s1-1}\n\n全年立项13项。\n"


def test_word_heading_styles_map_to_mkdocs_levels(tmp_path):
    md = convert(tmp_path, [Styled("2023年区科技局工作总结", "Title"), Styled("一、主要工作", "Heading 1"),
                            Styled("（一）科技项目", "Heading 2"), Para("全年立项13项。")])
    assert md == HEAD + "## 一、主要工作 {#s1}\n\n### （一）科技项目 {#s1-1}\n\n全年立项13项。\n"


def test_run_in_heading_becomes_heading_and_paragraph(tmp_path):
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Xml(lambda d: para(
        run("（一）加大科技项目争取和实施。", '<w:b/><w:rFonts w:eastAsia="楷体_GB2312"/>'), run("一是全年申报36项。")))])
    assert md == HEAD + "## （一）加大科技项目争取和实施 {#s1}\n\n一是全年申报36项。\n"


def test_auto_numbered_headings_keep_their_labels(tmp_path):
    def first(document):
        add_numbering(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
        return para(run("主要工作"), props=numbered(90, 0))
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Xml(first),
                            Xml(lambda d: para(run("科技项目"), props=numbered(90, 1))), Para("全年立项13项。")])
    assert md == HEAD + "## 一、主要工作 {#s1}\n\n### （一）科技项目 {#s1-1}\n\n全年立项13项。\n"


def test_manual_breaks_indentation_and_spacing_paragraphs(tmp_path):
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Para(""),
                            Xml(lambda d: para(run("\u3000\u3000全年共申报科技"), "<w:r><w:br/></w:r>", run("项目36项。"))),
                            Para("\u3000")])
    assert md == HEAD + "全年共申报科技项目36项。\n"


def test_page_number_lines_are_dropped(tmp_path):
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Para("正文。"), Para("第 1 页 共 3 页"), Para("- 2 -")])
    assert md == HEAD + "正文。\n"


def test_footnote(tmp_path):
    def noted(document):
        add_notes(document, {1: "数据来源：统计局。"})
        return para(run("增长5%。"), '<w:r><w:footnoteReference w:id="1"/></w:r>')
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Xml(noted)])
    assert md == HEAD + "增长5%。[^1]\n\n[^1]: 数据来源：统计局。\n"


def test_text_box_once(tmp_path):
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Xml(lambda d: para(run("正文。"), textbox("注：数据截至11月底。")))])
    assert md == HEAD + "正文。\n\n注：数据截至11月底。\n"


def test_simple_table_with_caption(tmp_path):
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Para("表1 主要指标"), Grid([["指标", "完成"], ["项目", "13"]])])
    assert md == HEAD + "表1 主要指标\n\n| 指标 | 完成 |\n| --- | --- |\n| 项目 | 13 |\n"


def test_merged_header_cells_become_an_html_table_with_spans(tmp_path):
    grid = ('<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
            '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para(run("指标")) + '</w:tc>'
            '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para(run("2023年")) + '</w:tc></w:tr>'
            '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>' + para(run("计划")) + '</w:tc>'
            '<w:tc>' + para(run("完成")) + '</w:tc></w:tr>'
            '<w:tr><w:tc>' + para(run("项目")) + '</w:tc><w:tc>' + para(run("30")) + '</w:tc>'
            '<w:tc>' + para(run("36")) + '</w:tc></w:tr></w:tbl>')
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Xml(lambda d: grid)])
    assert md == HEAD + ('<table>\n<tr><th rowspan="2">指标</th><th colspan="2">2023年</th></tr>\n'
                         "<tr><th>计划</th><th>完成</th></tr>\n<tr><td>项目</td><td>30</td><td>36</td></tr>\n"
                         "</table>\n")


def test_web_link_is_kept_and_a_local_file_link_is_text(tmp_path):
    def links(document):
        web, local = hyperlink_rel(document, "https://www.gov.cn/"), hyperlink_rel(document, "file:///C:/a.doc")
        return para(f'<w:hyperlink r:id="{web}">' + run("中国政府网") + "</w:hyperlink>",
                    f'<w:hyperlink r:id="{local}">' + run("附件") + "</w:hyperlink>")
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Xml(links)])
    assert md == HEAD + "[中国政府网](https://www.gov.cn/)附件\n"


def test_picture_with_alt_text(tmp_path):
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Xml(lambda d: para(picture(image_rel(d), alt="走势图")))],
                 image_dir="总结")
    name = f"image-{hashlib.sha256(tiny_png()).hexdigest()[:16]}.png"
    assert md == HEAD + f"![走势图](%E6%80%BB%E7%BB%93/{name})\n"


def test_signature_and_date_stay_at_the_end_as_text_set_right_aligned(tmp_path):
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Para("正文。"),
                            Para("\u3000" * 12 + "区科技局"), Para("\u3000" * 10 + "2023年12月28日")])
    assert md == HEAD + ("正文。\n\n区科技局\n{: .archive-closing }\n\n"
                         "2023年12月28日\n{: .archive-closing }\n")


WPS_RUN = ('<w:rFonts w:hint="eastAsia" w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋" w:cs="仿宋"/>'
           '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:eastAsia="zh-CN"/>')


def test_wps_markup_paragraph_mark_bold_and_body_text_outline_level_make_no_headings(tmp_path):
    """WPS writes the paragraph mark's formatting (bold here), complex-script bold (w:bCs) and 大纲级别
    "正文文本" (outline level 9) on body paragraphs; none of them is a heading signal. A WPS 大纲级别 1 is."""
    body = "全年共申报科技项目36项，立项13项。"
    md = convert(tmp_path, [
        Title("2023年区科技局工作总结"),
        Xml(lambda d: para(run("\u3000\u3000" + body, WPS_RUN),
                           props='<w:outlineLvl w:val="9"/><w:rPr><w:b/><w:bCs/></w:rPr>')),
        Xml(lambda d: para(run("主要工作回顾", WPS_RUN), props='<w:outlineLvl w:val="0"/>')),
        Xml(lambda d: para(run("一是抓项目", WPS_RUN + "<w:bCs/>"), props='<w:rPr><w:b/></w:rPr>')),
        Xml(lambda d: para(run(body, WPS_RUN))),
    ])
    assert md == HEAD + f"{body}\n\n## 主要工作回顾 {{#s1}}\n\n一是抓项目\n\n{body}\n"


def test_text_box_written_as_bare_vml_is_read_once(tmp_path):
    box = ('<w:r><w:pict><v:shape><v:textbox><w:txbxContent>' + para(run("注：数据截至11月底。"))
           + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Xml(lambda d: para(run("正文。"), box))])
    assert md == HEAD + "正文。\n\n注：数据截至11月底。\n"


def test_government_work_report_opening_lines_stay_text_under_the_title(tmp_path):
    opening = ["来源：福建日报", "——2025年1月13日在福建省第十四届人民代表大会第三次会议上", "福建省省长\u3000赵龙", "各位代表："]
    md = convert(tmp_path, [Title("2025年福建省政府工作报告", font="仿宋", size=18)]
                 + [Para(text, font="仿宋", size=14, align="center" if "省长" in text else None) for text in opening]
                 + [Para("一、2024年工作回顾", bold=True, font="仿宋", size=14),
                    Para("过去一年，我们坚持稳中求进工作总基调。", font="仿宋", size=14)])
    assert md == ("# 2025年福建省政府工作报告\n\n" + "\n\n".join(opening)
                  + "\n\n## 一、2024年工作回顾 {#s1}\n\n过去一年，我们坚持稳中求进工作总基调。\n")


def test_photo_caption_under_a_picture_stays_text(tmp_path):
    body = "全年共申报科技项目36项，立项13项，争取上级资金1200万元，同比增长15%，带动企业研发投入持续增长，创新能力稳步提升。"
    md = convert(tmp_path, [Title("2023年区科技局工作总结"), Para(body),
                            Xml(lambda d: para(picture(image_rel(d)), props='<w:jc w:val="center"/>')),
                            Para("平潭海峡公铁大桥", bold=True, align="center"), Para("二、下一步工作", font="黑体")],
                 image_dir="img")
    name = f"image-{hashlib.sha256(tiny_png()).hexdigest()[:16]}.png"
    assert md == HEAD + f"{body}\n\n![](img/{name})\n\n**平潭海峡公铁大桥**\n\n## 二、下一步工作 {{#s1}}\n"


CASES = sorted(p for p in GOLDEN.iterdir() if (p / "input.docx").exists()) if GOLDEN.is_dir() else []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_whole_document_matches_its_golden_page(case):
    body = render_markdown(build_report(read_docx(case / "input.docx")), case.name)
    expected = case / "expected.md"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(body, encoding="utf-8")
    assert body == expected.read_text(encoding="utf-8")
