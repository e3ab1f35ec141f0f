"""The web-page reader (converter/reading/html.py): charsets, .mht, the article among the site's furniture,
the document model it gives, and hostile pages read safely."""
from __future__ import annotations

import email.generator
import io
import time
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from converter.metadata.extract import extract_metadata
from converter.model import Heading, SourceParagraph, Table
from converter.model.errors import ArchiveError
from converter.reading.html import read_html
from converter.render.markdown import render_markdown
from converter.structure.outline import build_report

TITLE = "明湖区科技局2023年工作总结"
ARTICLE = f"""<h1 class="title">{TITLE}</h1>
<div class="info">发布时间：2024-01-05 09:30 来源：明湖区科技局 浏览次数：123</div>
<div class="fontsize">【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div id="zoom">
<p>2023年，区科技局在区委、区政府的正确领导下，紧紧围绕创新驱动发展战略，科技工作不断取得新突破。</p>
<p><strong>一、目标任务完成情况</strong></p>
<p><strong>（一）加大科技项目争取和实施。</strong>一是加大项目争取，全年共申报各级科技项目三十六项，立项十三项。</p>
<p>（二）狠抓科技特派员管理。全年选派科技特派员五名，服务农户两百余户，推广新技术六项。</p>
<p style="text-align:center"><b>二、存在的主要问题</b></p>
<p>一年来，我局各项工作虽然取得了一定成效，但仍存在着不同程度的问题，亟待在今后工作中解决。</p>
<p style="text-align:right">明湖区科技局<br>2023年12月20日</p>
</div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>"""
NAV = '<ul class="nav">' + "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in
                                   enumerate(["首页", "走进明湖", "政务公开", "政务服务", "互动交流"])) + "</ul>"
CRUMB = '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 工作总结</div>'
RELATED = ('<div class="related"><h3>相关链接</h3><ul><li><a href="/a/1">明湖区2022年国民经济和社会发展统计公报</a></li>'
           '<li><a href="/a/2">关于印发明湖区科技创新三年行动方案的通知</a></li></ul></div>')
SHARE = '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>'
FOOTER = ('<div class="footer"><p>主办单位：明湖区人民政府办公室　承办单位：明湖区大数据中心</p>'
          '<p>网站标识码：3301990001　浙ICP备05012345号-1</p></div>')
FURNITURE = ("走进明湖", "政务服务", "当前位置", "字号", "打印本页", "关闭窗口", "分享到", "微信", "微博", "统计公报",
             "三年行动方案", "主办单位", "网站标识码", "ICP", "浏览次数")


def portal_page() -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}_明湖区人民政府门户网站</title>'
            f'<script src="/js/a.js"></script></head><body>{NAV}{CRUMB}<div class="article">{SHARE}{ARTICLE}'
            f'{RELATED}</div>{FOOTER}</body></html>')


def write(tmp_path: Path, data: bytes | str, name: str = "报告.html") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def page_markdown(path: Path) -> tuple[str, dict]:
    report = build_report(read_html(path))
    return render_markdown(report), extract_metadata(report, path.name).values


def assert_article_only(markdown: str) -> None:
    assert markdown.startswith(f"# {TITLE}\n")
    assert "## 一、目标任务完成情况" in markdown and "### （一）加大科技项目争取和实施" in markdown
    assert "## 二、存在的主要问题" in markdown
    assert "亟待在今后工作中解决。" in markdown
    for furniture in FURNITURE:
        assert furniture not in markdown, furniture


def test_a_portal_article_page_gives_the_article_without_the_sites_furniture(tmp_path):
    markdown, found = page_markdown(write(tmp_path, portal_page()))
    assert_article_only(markdown)
    assert found["year"] == 2023 and found["issuer"] == "明湖区科技局" and found["date"] == "2023-12-20"


def test_header_fields_above_the_article_are_evidence_for_the_metadata_stage_not_text(tmp_path):
    document = read_html(write(tmp_path, portal_page()))
    texts = [b.text for b in document.blocks]
    assert texts[0] == TITLE and not any(t.startswith(("发布时间", "来源")) for t in texts)
    assert document.header == (("发布时间", "2024-01-05 09:30"), ("来源", "明湖区科技局"))
    assert document.properties.title == TITLE


def test_an_information_table_above_the_article_gives_its_fields(tmp_path):
    table = ("<table class='xxgk'><tr><th>索 引 号</th><td>113301/2024-00012</td><th>主题分类</th><td>综合政务</td></tr>"
             "<tr><th>发布机构：</th><td>明湖区科技局</td><th>成文日期：</th><td>2024-01-03</td></tr>"
             "<tr><th>文号：</th><td>明科〔2024〕1号</td><th>发布日期：</th><td>2024-01-05</td></tr></table>")
    article = ARTICLE.replace('<h1 class="title">', "<h2>").replace("</h1>", "</h2>")
    page = (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'><title>{TITLE}</title>"
            f"</head><body><div class='left'><h3>信息公开目录</h3><ul><li><a href='/1'>信息公开指南</a></li></ul></div>"
            f"{table}{article}</body></html>")
    document = read_html(write(tmp_path, page))
    texts = [b.text for b in document.blocks]
    assert document.header[:6] == (("索引号", "113301/2024-00012"), ("主题分类", "综合政务"), ("发布机构", "明湖区科技局"),
                                   ("成文日期", "2024-01-03"), ("文号", "明科〔2024〕1号"), ("发布日期", "2024-01-05"))
    assert texts[0] == TITLE
    assert not any("信息公开" in t or "索引号" in t for t in texts)


def test_an_old_table_layout_page_in_gb2312_reads_with_its_br_paragraphs(tmp_path):
    lines = "".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{line}<br>\n" for line in [
        "2023年，区科技局在区委、区政府的正确领导下，科技工作不断取得新突破。", "<b>一、目标任务完成情况</b>",
        "<b>（一）加大科技项目争取和实施。</b>一是加大项目争取，全年共申报各级科技项目三十六项。",
        "<b>二、存在的主要问题</b>", "一年来，我局各项工作取得了一定成效，但仍存在着不同程度的问题，镕铸新局。"])
    page = (f"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            f"<title>明湖区人民政府--{TITLE}</title></head><body><table width=778><tr><td>"
            f"<a href='/'>首页</a> | <a href='/zw'>政务公开</a></td></tr><tr><td><table><tr><td width=180>"
            f"<a href='/1'>政府文件</a><br><a href='/2'>工作总结</a></td><td><table>"
            f"<tr><td align=center><font size=5><b>{TITLE}</b></font></td></tr>"
            f"<tr><td><font size=3>{lines}</font></td></tr></table></td></tr></table></td></tr>"
            f"<tr><td align=center>主办单位：明湖区人民政府办公室<br>网站标识码：3301990001</td></tr></table></body></html>")
    markdown, _ = page_markdown(write(tmp_path, page.encode("gb18030"), "报告.htm"))
    assert markdown.startswith(f"# {TITLE}\n")
    assert "## 一、目标任务完成情况" in markdown and "### （一）加大科技项目争取和实施" in markdown
    assert "镕铸新局。" in markdown and "政府文件" not in markdown and "主办单位" not in markdown


def test_a_page_saved_as_mht_reads_from_its_html_part(tmp_path):
    archive = MIMEMultipart("related", type="text/html")
    html_part = MIMEText(portal_page(), "html", "utf-8")
    archive.attach(html_part)
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(32), "png"))
    buffer = io.StringIO()
    email.generator.Generator(buffer).flatten(archive)
    markdown, _ = page_markdown(write(tmp_path, buffer.getvalue(), "报告.mht"))
    assert_article_only(markdown)


def test_a_page_whose_meta_still_says_gb2312_but_is_utf8_reads_as_utf8(tmp_path):
    page = portal_page().replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    markdown, _ = page_markdown(write(tmp_path, page))
    assert_article_only(markdown)


def test_a_gbk_page_declared_by_meta_charset_reads(tmp_path):
    page = portal_page().replace('<meta charset="utf-8">', '<meta charset="GBK">')
    markdown, _ = page_markdown(write(tmp_path, page.encode("gbk")))
    assert_article_only(markdown)


def test_bold_alignment_links_and_tables_reach_the_document_model(tmp_path):
    article = ('<div id="zoom"><p>全年共申报各级科技项目三十六项，立项十三项，到位资金两千万元，详见'
               '<a href="https://www.minghu.gov.cn/a.html">通报</a>和<a href="/local.html">附件</a>，'
               '另有<a href="javascript:alert(1)">统计</a>说明如下。</p>'
               '<p align="center"><strong>表1 项目情况</strong></p><table border="1">'
               '<tr><td rowspan="2">类别</td><td colspan="2">数量</td></tr><tr><td>申报</td><td>立项</td></tr>'
               '<tr><td>国家级</td><td>3</td><td>1</td></tr></table></div>')
    document = read_html(write(tmp_path, f"<html><body>{article}</body></html>"))
    first, caption, table = document.blocks
    assert [r.href for r in first.runs if r.href] == ["https://www.minghu.gov.cn/a.html"]
    assert "统计" in first.text and "附件" in first.text
    assert caption.align == "center" and all(r.bold for r in caption.runs)
    assert isinstance(table, Table)
    assert [(c.text, c.rowspan, c.colspan) for c in table.rows[0]] == [("类别", 2, 1), ("数量", 1, 2)]


HOSTILE = """<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/"><script>document.write('脚本文字')</script><style>body{background:url(https://evil.example/x)}</style>
<link rel="stylesheet" href="https://evil.example/a.css"></head>
<body onload="steal()"><iframe src="https://evil.example/" srcdoc="&lt;p&gt;框架文字&lt;/p&gt;"></iframe>
<div id="zoom"><p>2023年，区科技局在区委、区政府的正确领导下，科技工作不断取得新突破，全年任务圆满完成。
<a href="javascript:alert(1)">点击</a><a href="JaVaScRiPt&#58;alert(2)">再点</a><a href="data:text/html,x">数据</a>
<img src="x.png" onerror="alert(3)" alt="图片"><svg onload="alert(4)"><text>矢量文字</text></svg></p>
<p style="display:none">隐藏文字不应出现在报告里，也不应被索引。</p><noscript>无脚本文字</noscript>
<form action="https://evil.example/"><input value="表单文字"><textarea>文本框文字</textarea></form>
<object data="x.swf">对象文字</object><p>一、&lt;script&gt;alert(5)&lt;/script&gt;主要工作</p></div></body></html>"""


def test_a_hostile_page_reads_without_anything_that_could_run_or_fetch(tmp_path):
    markdown, _ = page_markdown(write(tmp_path, HOSTILE))
    for unwanted in ("脚本文字", "框架文字", "隐藏文字", "无脚本文字", "表单文字", "文本框文字", "对象文字", "矢量文字",
                     "evil.example", "javascript", "JaVaScRiPt", "data:", "onerror", "onload", "<script", "<img"):
        assert unwanted not in markdown, unwanted
    assert "科技工作不断取得新突破" in markdown and "点击" in markdown
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in markdown  # the page's own text, escaped


def test_hidden_text_in_a_page_is_left_out_and_reported_to_staff(tmp_path):
    document = read_html(write(tmp_path, HOSTILE))
    assert [w.code for w in document.warnings] == ["html-hidden"]
    assert "1 处隐藏的文字" in document.warnings[0].message
    assert not read_html(write(tmp_path, portal_page(), "无隐藏.html")).warnings


def test_deeply_nested_tags_read_without_recursion_errors(tmp_path):
    depth = 5000
    page = "<html><body>" + "<div>" * depth + "<p>2023年，区科技局科技工作不断取得新突破，全年任务圆满完成。</p>" + \
        "</div>" * depth + "</body></html>"
    document = read_html(write(tmp_path, page))
    assert isinstance(document.blocks, tuple)


def test_a_large_page_reads_in_bounded_time_and_an_oversized_one_is_refused(tmp_path):
    paragraph = "<p>2023年，区科技局在区委、区政府的正确领导下，科技工作不断取得新突破，全年任务圆满完成。</p>\n"
    large = write(tmp_path, "<html><body><div>" + paragraph * 20000 + "</div></body></html>")
    started = time.process_time()
    document = read_html(large)
    assert len(document.blocks) == 20000 and time.process_time() - started < 30
    huge = write(tmp_path, b"<html><body>" + b"<p>x</p>" * (3 * 1024 * 1024), "大.html")
    with pytest.raises(ArchiveError) as caught:
        read_html(huge)
    assert caught.value.code == "too-big" and caught.value.line(huge).startswith("大.html：")


@pytest.mark.parametrize("data", [b"", b"   \n  ", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8])
def test_an_empty_or_binary_page_is_refused_in_one_chinese_line(tmp_path, data):
    path = write(tmp_path, data)
    with pytest.raises(ArchiveError) as caught:
        read_html(path)
    assert caught.value.code in ("empty", "not-html") and caught.value.line(path).startswith("报告.html：")


def test_a_page_without_text_gives_no_paragraphs(tmp_path):
    document = read_html(write(tmp_path, f"<html><body>{NAV}{FOOTER}</body></html>"))
    assert not [b for b in document.blocks if isinstance(b, SourceParagraph) and len(b.text) > 20]


def test_a_title_the_pages_title_does_not_name_is_taken_from_the_title_element_before_the_text(tmp_path):
    article = ARTICLE.replace('<h1 class="title">', '<div class="detail-title">').replace("</h1>", "</div>")
    page = f"<html><head><title>明湖区人民政府门户网站</title></head><body>{NAV}{CRUMB}{article}{FOOTER}</body></html>"
    document = read_html(write(tmp_path, page))
    assert document.properties.title == ""
    assert build_report(document).title == TITLE


def test_section_headings_set_as_h3_and_h4_keep_their_order_of_levels(tmp_path):
    body = ("<h3>一、目标任务完成情况</h3><h4>（一）加大科技项目争取</h4><p>全年共申报各级科技项目三十六项，立项十三项，"
            "到位资金两千万元。</p><h4>（二）狠抓特派员管理</h4><p>全年选派科技特派员五名，服务农户两百余户，推广新技术六项。</p>"
            "<h3>二、存在的主要问题</h3><p>一年来，我局各项工作虽然取得了一定成效，但仍存在着不同程度的问题。</p>")
    page = f"<html><head><title>{TITLE}</title></head><body>{NAV}<h1>{TITLE}</h1><div class='content'>{body}</div></body></html>"
    report = build_report(read_html(write(tmp_path, page)))
    assert report.title == TITLE
    assert [(b.level, b.text) for b in report.blocks if isinstance(b, Heading)] == [
        (1, "一、目标任务完成情况"), (2, "（一）加大科技项目争取"), (2, "（二）狠抓特派员管理"), (1, "二、存在的主要问题")]


def test_the_title_line_is_the_reports_one_heading_of_level_zero(tmp_path):
    report = build_report(read_html(write(tmp_path, portal_page())))
    assert report.title == TITLE
    assert [b.level for b in report.blocks if isinstance(b, Heading)] == [1, 2, 2, 1]
