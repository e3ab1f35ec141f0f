"""The reader, asserted on the document model: one small generated .docx per feature."""
import hashlib
from pathlib import Path

import pytest
from docx_factory import (
    Para,
    Styled,
    Title,
    Xml,
    add_notes,
    add_numbering,
    add_style,
    hyperlink_rel,
    image_rel,
    numbered,
    para,
    picture,
    rewrite_parts,
    run,
    textbox,
    tiny_png,
    to_strict,
    write_docx,
)

from converter.model import SourceParagraph, Table
from converter.model.errors import ArchiveError
from converter.reading.docx import read_docx


def paragraphs(source):
    return [b for b in source.blocks if isinstance(b, SourceParagraph)]


def texts(source):
    return [p.text for p in paragraphs(source)]


def read(tmp_path: Path, blocks, **options):
    return read_docx(write_docx(tmp_path / "in.docx", blocks, **options))


def test_title_and_heading_styles_give_style_levels(tmp_path):
    source = read(tmp_path, [Styled("报告", "Title"), Styled("一、总体", "Heading 1"),
                             Styled("（一）目标", "Heading 2"), Para("正文。")])
    assert [p.style_level for p in paragraphs(source)] == [0, 1, 2, None]


def test_outline_level_is_inherited_through_the_based_on_chain(tmp_path):
    def styles(document):
        add_style(document, '<w:style w:type="paragraph" w:styleId="L1"><w:name w:val="一级标题"/>'
                            '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>')
        add_style(document, '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的标题"/>'
                            '<w:basedOn w:val="L1"/></w:style>')
        return para(run("一、总体要求"), props='<w:pStyle w:val="Mine"/>')
    source = read(tmp_path, [Xml(styles)])
    assert paragraphs(source)[0].style_level == 1


def test_paragraph_outline_level_is_read(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("总体要求"), props='<w:outlineLvl w:val="1"/>'))])
    assert paragraphs(source)[0].outline_level == 2


def test_undefined_style_is_a_warning_with_a_count(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("甲"), props='<w:pStyle w:val="Ghost"/>'))] * 2)
    assert [w.code for w in source.warnings] == ["unknown-style"]
    assert "Ghost" in source.warnings[0].message and "2 处" in source.warnings[0].message


def test_chinese_counting_numbering_renders_its_labels(tmp_path):
    def numbers(document):
        add_numbering(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
        return ""
    blocks = [Xml(lambda d: (numbers(d), para(run("总体"), props=numbered(90, 0)))[1]),
              Xml(lambda d: para(run("目标"), props=numbered(90, 1))),
              Xml(lambda d: para(run("措施"), props=numbered(90, 1))),
              Xml(lambda d: para(run("安排"), props=numbered(90, 0))),
              Xml(lambda d: para(run("重点"), props=numbered(90, 1)))]
    labels = [p.numbering.text for p in paragraphs(read(tmp_path, blocks))]
    assert labels == ["一、", "（一）", "（二）", "二、", "（一）"]


def test_numbering_start_and_start_override_are_honoured(tmp_path):
    def numbers(document):
        add_numbering(document, [("decimal", "%1.")], num_id=91, start=3)
        add_numbering(document, [("decimal", "%1.")], num_id=92,
                      overrides='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>')
        return para(run("甲"), props=numbered(91))
    blocks = [Xml(numbers), Xml(lambda d: para(run("乙"), props=numbered(91))),
              Xml(lambda d: para(run("丙"), props=numbered(92)))]
    assert [p.numbering.text for p in paragraphs(read(tmp_path, blocks))] == ["3.", "4.", "7."]


def test_multi_level_label_uses_the_counters_of_every_level(tmp_path):
    def numbers(document):
        add_numbering(document, [("decimal", "%1."), ("decimal", "%1.%2")], num_id=93)
        return para(run("甲"), props=numbered(93, 0))
    blocks = [Xml(numbers), Xml(lambda d: para(run("乙"), props=numbered(93, 1))),
              Xml(lambda d: para(run("丙"), props=numbered(93, 1)))]
    assert [p.numbering.text for p in paragraphs(read(tmp_path, blocks))] == ["1.", "1.1", "1.2"]


def test_run_formatting_carries_bold_east_asian_font_and_size(tmp_path):
    source = read(tmp_path, [Para("一、总体要求", font="黑体", size=16, bold=True)])
    first = paragraphs(source)[0].runs[0]
    assert (first.bold, first.font, first.size) == (True, "黑体", 16)


def test_bold_off_is_not_bold(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("一、总体", '<w:b w:val="0"/>')))])
    assert paragraphs(source)[0].runs[0].bold is False


def test_manual_line_break_is_kept_as_newline_for_the_outline_to_join(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("第一行"), "<w:r><w:br/></w:r>", run("第二行")))])
    assert texts(source) == ["第一行\n第二行"]


def test_page_break_is_not_text(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("前"), '<w:r><w:br w:type="page"/></w:r>', run("后")))])
    assert texts(source) == ["前后"]


def test_tab_is_kept(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("甲"), "<w:r><w:tab/></w:r>", run("乙")))])
    assert texts(source) == ["甲\t乙"]


def test_simple_field_keeps_its_result_text(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para('<w:fldSimple w:instr=" DATE ">' + run("2024年1月") + "</w:fldSimple>"))])
    assert texts(source) == ["2024年1月"]


def test_page_number_fields_are_dropped(tmp_path):
    complex_page = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("3")
                    + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    blocks = [Xml(lambda d: para(run("第"), complex_page, run("页"))),
              Xml(lambda d: para('<w:fldSimple w:instr="NUMPAGES">' + run("9") + "</w:fldSimple>"))]
    assert texts(read(tmp_path, blocks)) == ["第页", ""]


def test_complex_field_result_is_kept_and_its_code_is_not(tmp_path):
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("表1")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert texts(read(tmp_path, [Xml(lambda d: para(run("见"), field))])) == ["见表1"]


def test_ruby_keeps_the_base_text_only(tmp_path):
    ruby = "<w:r><w:ruby><w:rubyPr/><w:rt>" + run("とうきょう") + "</w:rt><w:rubyBase>" + run("東京") \
        + "</w:rubyBase></w:ruby></w:r>"
    assert texts(read(tmp_path, [Xml(lambda d: para(ruby))])) == ["東京"]


def test_web_links_are_kept_and_other_targets_become_text(tmp_path):
    def links(document):
        web = hyperlink_rel(document, "https://www.gov.cn/")
        local = hyperlink_rel(document, "file:///C:/secret.doc")
        return para(f'<w:hyperlink r:id="{web}">' + run("政府网") + "</w:hyperlink>",
                    f'<w:hyperlink r:id="{local}">' + run("本地") + "</w:hyperlink>",
                    '<w:hyperlink w:anchor="_Toc1">' + run("书签") + "</w:hyperlink>")
    runs = paragraphs(read(tmp_path, [Xml(links)]))[0].runs
    assert [(r.text, r.href) for r in runs] == [("政府网", "https://www.gov.cn/"), ("本地", None), ("书签", None)]


def test_footnote_is_a_note_and_its_reference_a_run(tmp_path):
    def noted(document):
        add_notes(document, {1: "数据来源：统计局。"})
        return para(run("增长5%"), '<w:r><w:footnoteReference w:id="1"/></w:r>')
    source = read(tmp_path, [Xml(noted)])
    assert [r.note for r in paragraphs(source)[0].runs] == [None, "footnote-1"]
    assert [(n.id, n.paragraphs[0].text.strip()) for n in source.notes] == [("footnote-1", "数据来源：统计局。")]


def test_endnotes_are_read_too(tmp_path):
    def noted(document):
        add_notes(document, {2: "尾注。"}, kind="endnote")
        return para(run("正文"), '<w:r><w:endnoteReference w:id="2"/></w:r>')
    assert [n.id for n in read(tmp_path, [Xml(noted)]).notes] == ["endnote-2"]


def test_text_box_is_read_once_after_its_paragraph(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("正文"), textbox("注：数据截至11月底。"))), Para("下一段")])
    assert texts(source) == ["正文", "注：数据截至11月底。", "下一段"]
    assert paragraphs(source)[1].origin == "textbox"


def test_alternate_content_falls_back_when_the_choice_is_not_understood(tmp_path):
    emoji = ('<w:r><mc:AlternateContent xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex">'
             '<mc:Choice Requires="w16se"><w16se:symEx w16se:font="Segoe UI Emoji" w16se:char="1F600"/></mc:Choice>'
             '<mc:Fallback><w:t>☺</w:t></mc:Fallback></mc:AlternateContent></w:r>')
    assert texts(read(tmp_path, [Xml(lambda d: para(run("笑"), emoji))])) == ["笑☺"]


def test_inline_and_anchored_pictures_get_generated_names_and_alt_text(tmp_path):
    def pictures(document):
        rel = image_rel(document)
        return para(picture(rel, alt="全市产值走势"), picture(rel, anchored=True))
    source = read(tmp_path, [Xml(pictures)])
    name = f"image-{hashlib.sha256(tiny_png()).hexdigest()[:16]}.png"  # named by content, never by the zip
    assert [r.image for r in paragraphs(source)[0].runs] == [name, name]
    assert [(i.name, i.content_type, i.alt) for i in source.images] == [(name, "image/png", "全市产值走势")]


def test_missing_picture_target_is_a_warning_not_a_crash(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("图"), picture("rId999")))])
    assert texts(source) == ["图"] and source.images == ()
    assert [w.code for w in source.warnings] == ["image-missing"]


def test_external_picture_is_a_warning(tmp_path):
    def external(document):
        rel = document.part.relate_to("http://example.org/a.png",
                                      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
                                      is_external=True)
        return para(picture(rel))
    source = read(tmp_path, [Xml(external)])
    assert source.images == () and [w.code for w in source.warnings] == ["image-external"]


def test_merged_cells_appear_once_with_their_spans(tmp_path):
    grid = ('<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
            '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para(run("指标")) + '</w:tc>'
            '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para(run("2024年")) + '</w:tc></w:tr>'
            '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>' + para("") + '</w:tc>'
            '<w:tc>' + para(run("计划")) + '</w:tc><w:tc>' + para(run("完成")) + '</w:tc></w:tr></w:tbl>')
    table = next(b for b in read(tmp_path, [Xml(lambda d: grid)]).blocks if isinstance(b, Table))
    assert [[(c.text, c.colspan, c.rowspan) for c in row] for row in table.rows] == [
        [("指标", 1, 2), ("2024年", 2, 1)], [("计划", 1, 1), ("完成", 1, 1)]]


def test_content_controls_are_read_in_blocks_and_inline(tmp_path):
    blocks = [Xml(lambda d: "<w:sdt><w:sdtPr/><w:sdtContent>" + para(run("整段")) + "</w:sdtContent></w:sdt>"),
              Xml(lambda d: para(run("前"), "<w:sdt><w:sdtContent>" + run("中") + "</w:sdtContent></w:sdt>", run("后")))]
    assert texts(read(tmp_path, blocks)) == ["整段", "前中后"]


def test_deleted_text_is_dropped_and_inserted_text_kept(tmp_path):
    tracked = para(run("保留"), '<w:del w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>',
                   '<w:ins w:id="2" w:author="a">' + run("新增") + "</w:ins>")
    assert texts(read(tmp_path, [Xml(lambda d: tracked)])) == ["保留新增"]


def test_headers_and_footers_are_never_read_into_the_body(tmp_path):
    path = tmp_path / "in.docx"
    import docx
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    document.sections[0].footer.paragraphs[0].text = "第 1 页 共 3 页"
    document.add_paragraph("正文")
    document.save(str(path))
    assert texts(read_docx(path)) == ["正文"]


def test_strict_ooxml_reads_like_transitional(tmp_path):
    path = write_docx(tmp_path / "in.docx", [Title("2024年工作总结"), Para("正文。")])
    assert texts(read_docx(to_strict(path))) == ["2024年工作总结", "正文。"]


def test_any_namespace_prefix_reads_the_same(tmp_path):
    path = write_docx(tmp_path / "in.docx", [Para("正文。")])

    def ns0(name: str, data: bytes) -> bytes:
        return data.replace(b"<w:", b"<ns0:").replace(b"</w:", b"</ns0:").replace(b" w:", b" ns0:") \
            .replace(b"xmlns:w=", b"xmlns:ns0=") if name == "word/document.xml" else data
    assert texts(read_docx(rewrite_parts(path, ns0))) == ["正文。"]


def test_core_properties_are_read(tmp_path):
    source = read(tmp_path, [Para("正文")], core_title="工作总结", author="办公室")
    assert (source.properties.title, source.properties.creator) == ("工作总结", "办公室")


def test_a_part_with_a_dtd_is_refused(tmp_path):
    path = write_docx(tmp_path / "in.docx", [Para("正文")])

    def doctype(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        head, _, rest = data.partition(b"?>")
        return head + b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + rest
    with pytest.raises(ArchiveError):
        read_docx(rewrite_parts(path, doctype))


def test_malformed_document_xml_is_an_archive_error(tmp_path):
    path = write_docx(tmp_path / "in.docx", [Para("正文")])
    rewrite_parts(path, lambda name, data: data[:-40] if name == "word/document.xml" else data)
    with pytest.raises(ArchiveError) as caught:
        read_docx(path)
    assert "\n" not in caught.value.line(path)


def test_chart_is_dropped_with_a_warning(tmp_path):
    chart = ('<w:r><w:drawing><wp:inline><wp:docPr id="3" name="图表 3"/><a:graphic>'
             '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic>'
             "</wp:inline></w:drawing></w:r>")
    source = read(tmp_path, [Xml(lambda d: para(run("产值走势"), chart))])
    assert texts(source) == ["产值走势"] and [w.code for w in source.warnings] == ["dropped-object"]


def test_word_table_of_contents_is_dropped_with_a_warning(tmp_path):
    begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    blocks = [Xml(lambda d: para(begin, run("一、总体要求\t1"))), Xml(lambda d: para(run("二、主要任务\t3"))),
              Xml(lambda d: para('<w:r><w:fldChar w:fldCharType="end"/></w:r>')), Para("正文。")]
    source = read(tmp_path, blocks)
    assert [t for t in texts(source) if t] == ["正文。"]
    assert [w.code for w in source.warnings] == ["toc-dropped"]


def test_hidden_text_is_left_out_with_a_warning(tmp_path):
    source = read(tmp_path, [Xml(lambda d: para(run("公开"), run("内部意见", "<w:vanish/>")))])
    assert texts(source) == ["公开"] and [w.code for w in source.warnings] == ["hidden-text"]


def test_readers_share_a_parsed_part_and_a_writer_gets_its_own_tree():
    from converter.reading.ooxml.xml import parse_part

    data = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
    assert parse_part(data) is parse_part(bytes(data))  # the limits, the reader and the checks: one parse
    mine = parse_part(data, as_written=True)
    mine.remove(mine[0])  # what the sanitizer does to its copy
    assert mine is not parse_part(data) and len(parse_part(data)) == 1
