"""Report files in the formats the importer reads besides .docx, made in code: office formats saved by
real LibreOffice from a generated .docx, web pages and text files written out."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from docx_factory import simple_report

OFFICE = ("doc", "rtf", "odt", "pdf")
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_明湖区人民政府门户网站</title>
<script>document.title = "脚本";</script></head><body onload="alert(1)">
<div class="nav"><a href="/">首页</a> <a href="javascript:alert(2)">政务公开</a></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 工作总结</div>
<h1 class="title">{title}</h1>
<div class="info">发布时间：2024-01-05 09:30 来源：明湖区科技局 浏览次数：123</div>
<div class="content">
<p>2023年，我局紧紧围绕创新驱动发展战略，扎实推进各项工作。</p>
<p><strong>一、主要工作完成情况</strong></p>
<p>（一）加大科技项目争取和实施。{body}<a href="javascript:alert(3)">详见附件</a></p>
<p>二、下一步工作打算</p><p>一是持续加大项目争取力度。<img src="x" onerror="alert(4)"></p>
<p style="text-align:right">区科技局</p><p style="text-align:right">2023年12月28日</p>
</div><div>【打印本页】【关闭窗口】</div><div class="foot">主办：明湖区人民政府 ICP备12345号</div></body></html>
"""
TEXT = """当前位置：首页 > 政务公开 > 工作总结
{title}
发布时间：2024-01-05  来源：区科技局
　　2023年，我局紧紧围绕创新驱动发展战略，扎实推进各项工作。
一、主要工作完成情况
（一）加大科技项目争取和实施
　　{body}
二、下一步工作打算
　　一是持续加大项目争取力度。二是深化科技特派员制度。
区科技局
2023年12月28日
【打印本页】【关闭窗口】
"""


def office_copies(folder: Path) -> dict[str, Path]:
    """`simple_report` saved by LibreOffice as .doc, .rtf, .odt and .pdf (a run each), and as .wps."""
    source = simple_report(folder / "report.docx")
    files = {kind: saved_as(source, kind, folder) for kind in OFFICE}
    files["wps"] = Path(shutil.copyfile(files["doc"], folder / "report.wps"))
    return files


def saved_as(source: Path, kind: str, folder: Path) -> Path:
    """`source` saved by LibreOffice as `kind` ("doc", "rtf", "odt", "pdf") in `folder`."""
    profile = folder / "profile"
    subprocess.run([shutil.which("soffice"), "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", kind, "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=300)
    return folder / f"{source.stem}.{kind}"


def web_page(path: Path, title: str = "2023年区科技局工作总结", body: str = "全年共申报科技项目36项，立项13项。",
             encoding: str = "utf-8") -> Path:
    """A report as a government site shows it: navigation, breadcrumbs, an information line, buttons and
    footer around the article, a script and `javascript:` links in it."""
    path.write_bytes(PAGE.format(title=title, body=body).replace('charset="utf-8"', f'charset="{encoding}"')
                     .encode(encoding))
    return path


def text_file(path: Path, title: str = "2023年区科技局工作总结", body: str = "全年共申报科技项目36项，立项13项。",
              encoding: str = "utf-8") -> Path:
    """A report's text copied from a web page into a .txt, with the page's breadcrumb and buttons."""
    path.write_bytes(TEXT.format(title=title, body=body).encode(encoding))
    return path
