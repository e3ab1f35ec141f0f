"""Pre-publication checks on whole .docx files: marks, revisions, comments, hidden text, personal data,
each with its location; and on pages already in docs/."""
from __future__ import annotations

import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, RGBColor
from docx_factory import Grid, Para, Title, to_strict, write_docx
from hostile_docx import append_xml, edited_report, paragraph
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.archive.convert import convert_file
from converter.data.frontmatter import join_page
from converter.safety import publication as safety
from converter.safety.publication import page_findings, publication_findings, refusal

VALID_ID = "11010519491231002X"


def findings(path):
    return publication_findings(path, convert_file(path).report)


def codes(path) -> list[str]:
    return [f.code for f in findings(path)]


def only(path, code: str):
    found = [f for f in findings(path) if f.code == code]
    assert len(found) == 1, found
    return found[0]


def test_an_ordinary_report_has_no_findings(tmp_path):
    assert codes(edited_report(tmp_path / "r.docx", lambda d: None)) == []


# --- classification marks -------------------------------------------------------------------------

def test_a_mark_line_above_the_title_is_refused_with_its_paragraph(tmp_path):
    path = edited_report(tmp_path / "r.docx", lambda d: d.paragraphs[0].insert_paragraph_before("机密★1年"))
    finding = only(path, "classified")
    assert finding.blocking and "机密★1年" in finding.message and "第 1 段" in finding.message


def test_a_strict_ooxml_file_is_checked_like_a_transitional_one(tmp_path):
    path = edited_report(tmp_path / "r.docx", lambda d: d.paragraphs[0].insert_paragraph_before("机密★1年"))
    assert codes(to_strict(path)) == ["classified"]


@pytest.mark.parametrize("where, edit", [
    ("页眉", lambda d: setattr(d.sections[0].header.paragraphs[0], "text", "××市科学技术局　　内部资料")),
    ("页脚", lambda d: setattr(d.sections[0].footer.paragraphs[0], "text", "注意保密")),
    ("文档属性“主题”", lambda d: setattr(d.core_properties, "subject", "秘密★6个月")),
    ("文档属性“关键词”", lambda d: setattr(d.core_properties, "keywords", "内部文件")),
])
def test_a_mark_in_headers_footers_or_properties_is_refused_naming_where(tmp_path, where, edit):
    finding = only(edited_report(tmp_path / "r.docx", edit), "classified")
    assert f"（{where}）" in finding.message


def test_a_mark_in_a_text_box_is_refused(tmp_path):
    textbox = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
               + paragraph("绝密★启用前") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    path = edited_report(tmp_path / "r.docx", lambda d: append_xml(d.paragraphs[0]._p, textbox))
    assert "文本框" in only(path, "classified").message


def test_a_custom_property_holding_a_classification_is_refused(tmp_path):
    from hostile_docx import add_relationship, add_to_content_types, rezip

    path = edited_report(tmp_path / "r.docx", lambda d: None)
    custom = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>机密</vt:lpwstr>'
              "</property></Properties>").encode()
    data = rezip(path.read_bytes(), {"docProps/custom.xml": custom})
    data = add_to_content_types(data, '<Override PartName="/docProps/custom.xml" ContentType='
                                '"application/vnd.openxmlformats-officedocument.custom-properties+xml"/>')
    path.write_bytes(add_relationship(data, "", "rIdC", "custom-properties", "docProps/custom.xml"))
    assert "密级：机密" in only(path, "classified").message


def test_a_mark_in_the_file_name_is_refused(tmp_path):
    path = edited_report(tmp_path / "机密-2023年科技局总结.docx", lambda d: None)
    assert "文件名" in only(path, "classified").message


def test_a_report_about_secrecy_work_is_not_taken_for_a_classified_one(tmp_path):
    path = write_docx(tmp_path / "r.docx", [
        Title("2023年区保密局工作总结"),
        Para("一、保密工作"),
        Para("严格落实保密工作责任制，保守国家秘密，规范机密文件和内部资料的收发管理，全年未发生失泄密事件。"),
        Para("国家秘密的密级分为绝密、机密、秘密三级，全年审核定密事项12项。"),
        Para("二、数据统计"),
        Grid([["密级", "件数"], ["绝密", "0"], ["机密", "3"], ["秘密", "15"], ["不予公开", "2"]]),
        Para("区保密局", align="right"), Para("2023年12月28日", align="right"),
    ])
    assert codes(path) == []


def test_a_mark_in_a_table_at_the_very_top_is_refused(tmp_path):
    path = write_docx(tmp_path / "r.docx", [Grid([["000123", "机密★1年"]]), Title("2023年工作总结"),
                                            Para("全年完成各项任务。")])
    assert "第 1 个表格第 1 行第 2 列" in only(path, "classified").message


def test_a_mark_in_prose_under_a_heading_names_the_heading(tmp_path):
    path = edited_report(tmp_path / "r.docx", lambda d: d.paragraphs[8].add_run("（本段密级：秘密）"))
    assert "在“二、下一步工作打算”下" in only(path, "classified").message


# --- revisions, comments -----------------------------------------------------------------------------

REVISION_XML = {
    "insertion": '<w:ins w:id="91" w:author="张三" w:date="2024-01-02T00:00:00Z"><w:r><w:t>新增的话</w:t></w:r></w:ins>',
    "deletion": '<w:del w:id="92" w:author="张三" w:date="2024-01-02T00:00:00Z"><w:r><w:delText>删掉的话</w:delText></w:r></w:del>',
    "move": '<w:moveFrom w:id="93" w:author="张三"><w:r><w:t>挪走</w:t></w:r></w:moveFrom>',
    "formatting": '<w:r><w:rPr><w:b/><w:rPrChange w:id="94" w:author="张三"><w:rPr/></w:rPrChange></w:rPr><w:t>加粗</w:t></w:r>',
}


@pytest.mark.parametrize("kind", sorted(REVISION_XML))
def test_an_unresolved_tracked_change_is_refused_with_its_paragraph(tmp_path, kind):
    path = edited_report(tmp_path / "r.docx", lambda d: append_xml(d.paragraphs[4]._p, REVISION_XML[kind]))
    finding = only(path, "revisions")
    assert "1 处" in finding.message and "第 5 段" in finding.message and "审阅" in finding.fix


def test_a_comment_is_refused_with_the_paragraph_it_is_on(tmp_path):
    def comment(document):
        document.add_comment(document.paragraphs[6].runs, text="这个数字再核实", author="李四", initials="LS")

    finding = only(edited_report(tmp_path / "r.docx", comment), "comments")
    assert "1 条" in finding.message and "第 7 段" in finding.message
    assert "核实" not in finding.message and "李四" not in finding.message


# --- hidden and invisible text -------------------------------------------------------------------------

def _run(document, text: str, **font):
    run = document.paragraphs[2].add_run(text)
    for name, value in font.items():
        setattr(run.font, name, value)
    return run


@pytest.mark.parametrize("font, code", [
    ({"hidden": True}, "hidden-text"),
    ({"color_rgb": RGBColor(0xFF, 0xFF, 0xFF)}, "invisible-text"),
    ({"size": Pt(1)}, "invisible-text"),
])
def test_text_a_reader_cannot_see_is_refused(tmp_path, font, code):
    def edit(document):
        run = _run(document, "不该看到的话", **{k: v for k, v in font.items() if k != "color_rgb"})
        if "color_rgb" in font:
            run.font.color.rgb = font["color_rgb"]

    finding = only(edited_report(tmp_path / "r.docx", edit), code)
    assert "不该看到的话" in finding.message and "第 3 段" in finding.message


def test_text_hidden_by_its_style_is_refused(tmp_path):
    def edit(document):
        from docx.enum.style import WD_STYLE_TYPE

        style = document.styles.add_style("悄悄话", WD_STYLE_TYPE.CHARACTER)
        style.font.hidden = True
        document.paragraphs[3].add_run("样式隐藏", style="悄悄话")

    assert "样式隐藏" in only(edited_report(tmp_path / "r.docx", edit), "hidden-text").message


@pytest.mark.parametrize("edit", [
    lambda d: _run(d, "明确不隐藏", hidden=False),
    lambda d: setattr(_run(d, "白字黑底").font, "highlight_color", WD_COLOR_INDEX.BLACK)
    or setattr(d.paragraphs[2].runs[-1].font.color, "rgb", RGBColor(0xFF, 0xFF, 0xFF)),
    lambda d: append_xml(d.paragraphs[2]._p.get_or_add_pPr(), "<w:rPr><w:vanish/></w:rPr>"),
])
def test_visible_text_and_a_hidden_paragraph_mark_are_not_refused(tmp_path, edit):
    assert codes(edited_report(tmp_path / "r.docx", edit)) == []


def test_white_page_number_dashes_in_a_footer_are_not_refused_but_white_words_there_are(tmp_path):
    def footer(text):
        def edit(document):
            paragraph = document.sections[0].footer.paragraphs[0]
            for piece in ("—— ", "3", " ——"):
                run = paragraph.add_run(piece)
                if not piece.strip().isdigit():
                    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            paragraph.add_run(text).font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        return edit

    assert codes(edited_report(tmp_path / "dashes.docx", footer("："))) == []
    finding = only(edited_report(tmp_path / "words.docx", footer("内部传阅")), "invisible-text")
    assert "内部传阅" in finding.message and "页脚" in finding.message


def test_white_text_in_a_table_is_not_refused(tmp_path):
    def edit(document):
        cell = document.add_table(rows=1, cols=1).cell(0, 0)
        cell.paragraphs[0].add_run("表头").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)

    assert codes(edited_report(tmp_path / "r.docx", edit)) == []


# --- personal data -------------------------------------------------------------------------------------

def test_personal_data_is_found_masked_and_needs_an_override(tmp_path):
    path = edited_report(tmp_path / "r.docx", lambda d: None, body=f"联系人张三，电话13812345678，身份证{VALID_ID}。")
    found = findings(path)
    assert [f.code for f in found] == ["id-number", "phone"]
    assert not any(f.blocking for f in found)
    assert "138****5678" in found[1].message and "13812345678" not in found[1].message
    assert refusal(found) is not None
    assert refusal(found, override="经本人同意公开联系方式") is None


def test_personal_data_in_a_footer_is_found(tmp_path):
    path = edited_report(tmp_path / "r.docx", lambda d: setattr(d.sections[0].footer.paragraphs[0], "text",
                                                                "联系电话：139 1234 5678"))
    assert "页脚" in only(path, "phone").message


def test_an_override_does_not_let_a_mark_through(tmp_path):
    path = edited_report(tmp_path / "r.docx", lambda d: d.paragraphs[0].insert_paragraph_before("秘密"))
    assert refusal(findings(path), override="领导同意") is not None


def test_the_refusal_is_one_line_naming_each_problem_and_what_to_do(tmp_path):
    def edit(document):
        document.paragraphs[0].insert_paragraph_before("内部资料")
        _run(document, "悄悄话", hidden=True)

    error = refusal(findings(edited_report(tmp_path / "r.docx", edit)))
    line = error.line(tmp_path / "r.docx")
    assert line.startswith("r.docx：不能公开发布：") and "\n" not in line
    assert "内部资料" in line and "悄悄话" in line and "删除" in line


# --- pages already in docs/ ---------------------------------------------------------------------------

def _page(body: str, **meta) -> str:
    data = {"title": "2023年工作总结", "year": 2023, "issuer": "区科技局", "doc_type": "工作总结",
            "source": "r.docx", "sha256": "0" * 64, **meta}
    return join_page(data, body)


def test_a_hand_edited_mark_in_a_page_is_found_with_its_line():
    page = _page("# 2023年工作总结\n\n机密★1年\n\n## 一、总体情况 {#s1}\n\n正文。\n")
    [finding] = page_findings(page)
    assert finding.blocking and "正文第 3 行" in finding.message


def test_an_escaped_phone_number_in_a_page_blocks_until_an_override_is_recorded():
    body = "# 标题\n\n## 一、联系方式 {#s1}\n\n联系人：138\\-1234\\-5678\n"
    [without] = page_findings(_page(body))
    [with_reason] = page_findings(_page(body, publish_override="经本人同意"))
    assert without.blocking and not with_reason.blocking
    assert "在“一、联系方式”下" in without.message


def test_mark_words_in_a_page_table_or_prose_are_not_findings():
    body = "# 标题\n\n| 密级 | 件数 |\n| --- | --- |\n| 机密 | 3 |\n\n保守国家秘密，加强内部资料管理。\n"
    assert page_findings(_page(body)) == []


def test_a_mark_in_the_page_title_is_found():
    [finding] = page_findings(_page("# x\n", title="内部资料 2023年工作总结"))
    assert "页首元数据 title" in finding.message


def test_a_page_whose_front_matter_does_not_parse_is_still_scanned():
    page = "---\ntitle: [unclosed\n---\n\n# 标题\n\n机密★1年\n"
    assert [f.code for f in page_findings(page)] == ["classified"]


@given(st.text(alphabet="<>{}#\\&*;amp1２ 　a机密★电话13812345678|-", max_size=40))
@settings(max_examples=300, deadline=None)
def test_a_page_line_without_markup_is_read_as_it_is_and_others_have_their_markup_undone(line):
    assert safety._plain(line) == safety._undo_markup(line)
