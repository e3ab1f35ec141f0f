"""The renderer on `Report`s built in the test, checked as Markdown strings and through Python-Markdown
with the extensions the site uses, so that every character of a report renders as itself."""
import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model import Cell, Heading, Image, Note, Paragraph, Report, Run, SourceParagraph, Table
from converter.render.markdown import escape, render_markdown

EXTENSIONS = ["footnotes", "tables", "attr_list", "toc"]  # as in mkdocs.yml
TRICKY = "\\`*_{}[]()#+-.!|<>&~:=^$\"'/% \u3000一二是。，：（）1234567890abcXYZ"


def render(*blocks, title="", notes=(), images=(), image_dir=None) -> str:
    return render_markdown(Report(title=title, blocks=blocks, notes=notes, images=images), image_dir)


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


def visible_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def squeeze(text: str) -> str:
    return " ".join(text.split())


def para(*runs: Run, role="body") -> Paragraph:
    return Paragraph(runs=runs, role=role)


def test_title_is_the_single_h1_and_headings_carry_section_ids():
    md = render(Heading(1, "一、主要工作"), Heading(2, "（一）科技项目"), Heading(1, "二、下一步打算"), title="工作总结")
    assert md.splitlines()[::2] == ["# 工作总结", "## 一、主要工作 {#s1}", "### （一）科技项目 {#s1-1}",
                                     "## 二、下一步打算 {#s2}"]
    assert '<h2 id="s1-1"' not in to_html(md) and '<h3 id="s1-1">' in to_html(md)


def test_paragraphs_are_one_line_each_and_never_wrapped():
    long = "全年共申报科技项目36项，" * 30
    assert render(para(Run(text=long)), para(Run(text="下一段。"))) == f"{long}\n\n下一段。\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TRICKY, min_size=1, max_size=40))
def test_any_paragraph_text_renders_literally(text):
    md = render(para(Run(text=text)))
    rendered = to_html(md)
    assert re.findall(r"<(\w+)", rendered) in ([], ["p"])
    assert squeeze(visible_text(rendered)) == squeeze(text.replace("\u3000", " "))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=TRICKY, min_size=1, max_size=30))
def test_any_heading_text_renders_literally(text):
    rendered = to_html(render(Heading(1, text)))
    if text.strip():
        assert squeeze(visible_text(rendered)).rstrip("¶").strip() == squeeze(text.replace("\u3000", " "))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet=TRICKY, min_size=1, max_size=12), st.booleans()), min_size=1, max_size=4))
def test_bold_runs_keep_every_character(runs):
    md = render(para(*(Run(text=text, bold=bold) for text, bold in runs)))
    expected = "".join(text for text, _ in runs)
    assert squeeze(visible_text(to_html(md))) == squeeze(expected.replace("\u3000", " "))


def test_bold_lead_sentence_becomes_strong_before_chinese_text():
    md = render(para(Run(text="一是加大项目争取力度。", bold=True), Run(text="全年共申报36项。")))
    assert md == "**一是加大项目争取力度。**全年共申报36项。\n"
    assert "<strong>一是加大项目争取力度。</strong>全年共申报36项。" in to_html(md)


def test_html_in_report_text_is_shown_not_executed():
    md = render(para(Run(text='<script>alert("x")</script> & <b>粗</b>')))
    rendered = to_html(md)
    assert "<script>" not in rendered and "<b>" not in rendered
    assert visible_text(rendered) == '<script>alert("x")</script> & <b>粗</b>'


def test_numbers_and_decimals_read_as_written():
    md = render(para(Run(text="3.3万人，PM2.5下降8.8%，2024.1启动")), para(Run(text="1. 加强领导")))
    assert md == "3.3万人，PM2.5下降8.8%，2024.1启动\n\n1\\. 加强领导\n"
    assert "<ol>" not in to_html(md)


def test_line_starting_like_markdown_syntax_stays_a_paragraph():
    for text in ("# 不是标题", "- 不是列表", "+ 不是列表", "---", "> 不是引用", "!!! note", "~~~"):
        rendered = to_html(render(para(Run(text=text))))
        assert rendered.startswith("<p>") and visible_text(rendered) == text, text


def test_only_web_and_mail_links_are_links():
    md = render(para(Run(text="政府网", href="https://www.gov.cn/a b(1)"), Run(text="脚本", href="javascript:alert(1)"),
                     Run(text="邮件", href="mailto:ban@example.org")))
    assert md == "[政府网](https://www.gov.cn/a%20b%281%29)脚本[邮件](mailto:ban@example.org)\n"


def test_footnote_reference_and_definition():
    note = Note(id="footnote-1", paragraphs=(SourceParagraph(runs=(Run(text=" 数据来源：统计局。"),)),))
    md = render(para(Run(text="增长5%"), Run(note="footnote-1")), notes=(note,))
    assert md == "增长5%[^1]\n\n[^1]: 数据来源：统计局。\n"
    assert 'class="footnote"' in to_html(md)


def test_notes_are_numbered_in_reference_order_and_unreferenced_ones_left_out():
    notes = tuple(Note(id=f"footnote-{i}", paragraphs=(SourceParagraph(runs=(Run(text=f"注{i}"),)),)) for i in (1, 2, 3))
    md = render(para(Run(text="甲"), Run(note="footnote-3"), Run(text="乙"), Run(note="footnote-1")), notes=notes)
    assert md.splitlines()[2:] == ["[^1]: 注3", "", "[^2]: 注1"]


def test_pictures_link_into_the_image_folder_with_escaped_alt_text():
    image = Image(name="image-1.png", content_type="image/png", data=b"", alt="图[1] <示意>")
    md = render(para(Run(image="image-1.png")), images=(image,), image_dir="报告 一")
    assert md == "![图\\[1\\] &lt;示意&gt;](%E6%8A%A5%E5%91%8A%20%E4%B8%80/image-1.png)\n"
    assert '<img alt="图[1] &lt;示意&gt;"' in to_html(md)


def test_pictures_are_left_out_without_an_image_folder():
    assert render(para(Run(text="图"), Run(image="image-1.png"))) == "图\n"


def cell(text: str, colspan=1, rowspan=1) -> Cell:
    return Cell(paragraphs=(SourceParagraph(runs=(Run(text=text),)),), colspan=colspan, rowspan=rowspan)


def test_simple_table_is_a_pipe_table_with_escaped_cells_and_its_caption():
    table = Table(rows=((cell("指标"), cell("数值")), (cell("a|b*c"), cell("<1>"))), caption="表1 主要指标")
    md = render(table)
    assert md == "表1 主要指标\n\n| 指标 | 数值 |\n| --- | --- |\n| a\\|b\\*c | &lt;1&gt; |\n"
    assert "<td>a|b*c</td>" in to_html(md) and "<td>&lt;1&gt;</td>" in to_html(md)


def test_merged_cells_make_an_html_table_with_spans():
    table = Table(rows=((cell("指标", rowspan=2), cell("2024年", colspan=2)), (cell("计划"), cell("完成<")),
                        (cell("产值"), cell("1"), cell("2"))))
    md = render(table)
    assert '<th rowspan="2">指标</th><th colspan="2">2024年</th>' in md
    assert "<tr><th>计划</th><th>完成&lt;</th></tr>" in md and "<tr><td>产值</td>" in md
    assert '<th colspan="2">2024年</th>' in to_html(md)


def test_footnote_referenced_from_a_table_cell_links_to_its_note():
    note = Note(id="footnote-1", paragraphs=(SourceParagraph(runs=(Run(text="含增值税。"),)),))
    noted = Cell(paragraphs=(SourceParagraph(runs=(Run(text="收入"), Run(note="footnote-1"))),))
    md = render(Table(rows=((cell("项目"), cell("金额")), (noted, cell("12")))), notes=(note,))
    rendered = to_html(md)
    assert '<a href="#fn:1">1</a></sup>' in rendered and 'id="fn:1"' in rendered


def test_bullet_items_are_list_items():
    md = render(para(Run(text="加强统筹"), role="bullet"))
    assert md == "- 加强统筹\n" and "<li>加强统筹</li>" in to_html(md)


def test_escape_is_safe_anywhere_in_a_line():
    assert escape("a#b|c*d<e>&[f]") == "a\\#b\\|c\\*d&lt;e&gt;&amp;\\[f\\]"
