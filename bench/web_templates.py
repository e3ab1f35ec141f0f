"""Four page templates that look like Chinese government sites, for bench/make_web_sets.py.

Each wraps a report (title and blocks, from the ground truth) in the furniture real sites put around an
article; `furniture` lists the lines of that furniture a converter must not let into the report.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

SITE = "明湖区人民政府门户网站"
NAV = ["首页", "走进明湖", "政务公开", "政务服务", "互动交流", "专题专栏"]
RELATED = ["明湖区2022年国民经济和社会发展统计公报", "关于印发明湖区科技创新三年行动方案的通知",
           "明湖区召开2024年一季度经济运行分析会"]
FOOTER = ["主办单位：明湖区人民政府办公室　承办单位：明湖区大数据中心",
          "网站标识码：3301990001　浙ICP备05012345号-1　浙公网安备 33019902000123号",
          "联系电话：0571-12345678　网站地图　联系我们"]
COMMON_FURNITURE = ["走进明湖", "政务服务", "互动交流", "专题专栏", "当前位置：首页", "【字号：大中小】", "打印本页", "关闭窗口",
                    "分享到：", "分享到：微信", "微信", "微博", "QQ空间", *RELATED, "主办单位：明湖区人民政府办公室", "网站标识码",
                    "浙ICP备05012345号", "网站地图"]


@dataclass(frozen=True)
class Template:
    page: Callable[[dict], str]
    encoding: str
    furniture: list[str]


def _heading_html(level: int, text: str, body: str | None, style: str) -> str:
    if style == "bold":
        head = f"<strong>{escape(text)}{'。' if body else ''}</strong>"
    elif style == "font":
        face = ("黑体", "楷体_GB2312", "仿宋_GB2312")[min(level, 3) - 1]
        head = f'<span style="font-family:{face}">{escape(text)}{"。" if body else ""}</span>'
    else:
        head = escape(text) + ("。" if body else "")
    return head + (escape(body) if body else "")


def _blocks_html(parts: dict, style: str, indent: str) -> str:
    out = []
    for block in parts["blocks"]:
        if block[0] == "h":
            _, level, text, body = block
            out.append(f"<p{indent}>{_heading_html(level, text, body, style)}</p>")
        elif block[1] == "subtitle":
            out.append(f'<p style="text-align:center">{escape(block[2])}</p>')
        elif block[1] in ("signature", "date"):
            out.append(f'<p style="text-align:right">{escape(block[2])}</p>')
        else:
            out.append(f"<p{indent}>{escape(block[2])}</p>")
    return "\n".join(out)


def portal(parts: dict) -> str:
    title = escape(parts["title"])
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(NAV))
    related = "".join(f'<li><a href="/art/{i}.html">{escape(t)}</a><span>2024-0{i + 1}-15</span></li>'
                      for i, t in enumerate(RELATED))
    footer = "".join(f"<p>{escape(line)}</p>" for line in FOOTER)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_{SITE}</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2024-01-05 09:30">
<link rel="stylesheet" href="/css/style.css"><script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; document.write('<img src="https://stat.example/t.gif">');</script></head>
<body><div class="top"><div class="topbar"><a href="/">{SITE}</a> <a href="/wza/">无障碍浏览</a> <a href="/old/">长者模式</a></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div>
<ul class="nav">{nav}</ul></div>
<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ghjh/">规划计划</a></div>
<div class="article"><h1 class="art-title">{title}</h1>
<div class="art-info"><span>发布时间：2024-01-05 09:30</span> <span>来源：明湖区人民政府办公室</span> <span>浏览次数：1024</span>
<span class="fontsize">【字号：<a href="javascript:;" onclick="doZoom(18)">大</a> <a href="javascript:;" onclick="doZoom(16)">中</a> <a href="javascript:;" onclick="doZoom(14)">小</a>】</span></div>
<div class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a> <a href="javascript:;">QQ空间</a></div>
<div id="zoom" class="art-con">
{_blocks_html(parts, "bold", ' style="text-indent:2em"')}
</div>
<div class="art-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3><ul>{related}</ul></div></div></div>
<div class="footer">{footer}<script>/* 统计 */</script></div></body></html>
"""


def xxgk(parts: dict) -> str:
    title = escape(parts["title"])
    menu = "".join(f'<li><a href="/xxgk/{i}/">{n}</a></li>' for i, n in
                   enumerate(["信息公开指南", "信息公开制度", "法定主动公开内容", "信息公开年报", "依申请公开"]))
    rows = [("索引号：", "11330199MB1234567X/2024-00012", "主题分类：", "综合政务"),
            ("发布机构：", "明湖区人民政府办公室", "成文日期：", "2024-01-03"),
            ("文号：", "明政办〔2024〕1号", "发布日期：", "2024-01-05")]
    table = "".join(f"<tr><th>{a}</th><td>{escape(b)}</td><th>{c}</th><td>{escape(d)}</td></tr>" for a, b, c, d in rows)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title>
<style>.xxgk-table th{{width:15%}}</style><script type="text/javascript">function setFont(s){{}}</script></head>
<body><div class="head"><img src="/images/banner.jpg" alt="明湖区人民政府信息公开网"></div>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/ndbg/">工作报告</a></div>
<div class="left"><h3>信息公开目录</h3><ul>{menu}</ul></div>
<div class="right"><table class="xxgk-table" border="1">{table}<tr><th>名称：</th><td colspan="3">{title}</td></tr></table>
<h2 class="xxgk-title">{title}</h2>
<div class="tools">【字号：<a onclick="setFont(18)">大</a> <a onclick="setFont(16)">中</a> <a onclick="setFont(14)">小</a>】 【<a href="javascript:window.print()">打印</a>】</div>
<div class="TRS_Editor">
{_blocks_html(parts, "font", "").replace("<p>", "<p>　　")}
</div>
<div class="attach">附件下载：<a href="/att/1.docx">附件1.docx</a></div>
<div class="bottom-tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div></div>
<div class="footer"><p>{escape(FOOTER[0])}</p><p>{escape(FOOTER[1])}</p></div></body></html>
"""


def oldtable(parts: dict) -> str:
    title = escape(parts["title"])
    lines = []
    for block in parts["blocks"]:
        if block[0] == "h":
            _, _, text, body = block
            head = f"<b>{escape(text)}{'。' if body else ''}</b>"
            lines.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{head}{escape(body) if body else ''}<br>")
        elif block[1] in ("signature", "date"):
            lines.append(f'<p align="right">{escape(block[2])}</p>')
        else:
            lines.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{escape(block[2])}<br>")
    nav = " | ".join(f'<a href="/{i}.asp"><font color="#FFFFFF">{n}</font></a>' for i, n in enumerate(NAV))
    body = "\n".join(lines)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{SITE}--{title}</title><script language="JavaScript" src="/js/menu.js"></script></head>
<body bgcolor="#FFFFFF" topmargin="0"><table width="778" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td><img src="/images/top.gif" width="778" height="120"></td></tr>
<tr><td bgcolor="#0066CC" height="24" align="center">{nav}</td></tr>
<tr><td><table width="100%" border="0"><tr><td width="180" valign="top" bgcolor="#EEF5FF">
<table width="100%"><tr><td><font color="#0066CC"><b>政务公开</b></font></td></tr>
<tr><td><a href="/gk1.asp">政府文件</a></td></tr><tr><td><a href="/gk2.asp">工作总结</a></td></tr>
<tr><td><a href="/gk3.asp">统计信息</a></td></tr></table></td>
<td valign="top"><table width="100%" border="0" cellpadding="6">
<tr><td>当前位置：<a href="/">首页</a> &gt;&gt; <a href="/gk.asp">政务公开</a> &gt;&gt; 正文</td></tr>
<tr><td align="center"><font size="5" color="#CC0000"><b>{title}</b></font></td></tr>
<tr><td align="center"><font color="#999999">发布日期：2024年1月5日　来源：本站　点击数：356</font></td></tr>
<tr><td><font size="3" style="line-height:180%">
{body}
</font></td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table></td></tr></table></td></tr>
<tr><td align="center" bgcolor="#EEEEEE"><font size="2">{escape(FOOTER[0])}<br>{escape(FOOTER[1])}<br>
建议使用IE6.0以上浏览器 1024×768分辨率浏览</font></td></tr></table></body></html>
"""


TEMPLATES = {
    "portal": Template(portal, "utf-8", COMMON_FURNITURE),
    "xxgk": Template(xxgk, "utf-8", ["您当前的位置：首页", "信息公开目录", "信息公开指南", "法定主动公开内容", "依申请公开",
                                     "【字号：大中小】", "打印本页", "关闭窗口", "附件下载", "主办单位：明湖区人民政府办公室",
                                     "网站标识码"]),
    "oldtable": Template(oldtable, "gb18030", ["走进明湖", "政务服务", "互动交流", "专题专栏", "当前位置：首页", "政府文件",
                                              "统计信息", "打印本页", "关闭窗口", "主办单位：明湖区人民政府办公室",
                                              "网站标识码", "建议使用IE6.0以上浏览器"]),
    "mht": Template(portal, "utf-8", COMMON_FURNITURE),
}
