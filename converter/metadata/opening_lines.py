"""The opening lines of a report, each classified: title, subtitle, source line, speaker, caption, web furniture…

Real reports put several lines above the body: the title (sometimes wrapped over two lines), a dated
subtitle `——2025年1月16日在…会议上`, `来源：<报纸>`, `时间：…`, `<职务> <姓名>`, photo captions, and,
when copied from a web page, buttons and breadcrumbs or a metadata header (`标题:`/`发布机构:`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from converter.metadata.dates import find_dates
from converter.metadata.doctypes import doc_type_of_title, ends_like_a_title
from converter.model import Heading, Paragraph, Report
from converter.structure.rules import load_rules

HEAD_SIZE = 30  # blocks looked at; the head usually ends sooner, at 各位代表： or the first 一、
CONTINUATION_MAX = 40  # the second line of a title wrapped over two
FURNITURE_WORDS = ("下载", "打印本页", "打印", "全屏", "收藏", "字号", "字体", "加大", "还原", "减小", "大", "中",
                   "小", "默认", "分享到", "分享", "微信", "微博", "QQ空间", "关闭窗口", "关闭", "返回顶部", "首页",
                   "阅读量", "阅读次数", "浏览次数", "相关报道", "附件下载", "扫一扫", "在手机打开")
FURNITURE_PUNCT = re.compile(r"[\s【】\[\]：:>›»|/（）()\d.\-]+")
BREADCRUMB = re.compile(r"^(?:当前位置|您当前的位置|您现在的位置|你的位置)\s*[：:]")
HEADER_FIELD = re.compile(r"^(标题|发布时间|发文时间|文号|发布机构|发文机关|栏目|原文链接|本地目录|索引号|主题分类"
                          r"|成文日期|发布日期)\s*[:：]\s*(.*)$")
META_LINE = re.compile(r"^(?:来源|稿源|出处|时间|发表时间|更新时间|日期|作者|编辑|责任编辑|浏览|点击|信息来源)"
                       r"\s*[:：]|^页面链接|^=+\s*正文\s*=+$")
MASTHEAD = re.compile(r"文件$|〔(?:19|20)\d\d〕\s*\d+\s*号|签发人\s*[:：]")
TIMESTAMP = re.compile(r"\d{1,2}\s*[:：时]\s*\d{1,2}\s*分?")
SUBTITLE = re.compile(r"^[—\-－–―]{1,4}|在.{0,60}?(?:会议|大会)")
SPEAKER_TITLES = r"(?:代?(?:省长|市长|县长|区长|镇长|乡长|主席|州长|盟长|旗长)|总理|副总理|主任|局长|书记|委员长)"
SPEAKER = re.compile(rf"^[\u4e00-\u9fff]{{0,20}}?{SPEAKER_TITLES}(?:[\s\u3000\xa0]*[\u4e00-\u9fff·]{{2,10}}(?:同志)?)?$")
PERSON_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
CAPTION = re.compile(r"^(?:图为|图[：:]|图片[：:]|[（(]?摄影|新华社记者|记者\s)|摄[）)]?$|^[（(]?图\s*[\d一二三四五六七八九十]+")
SALUTATION = re.compile(r"^(?:各位代表|各位委员|同志们|各位领导)")
NUMBERED = re.compile(r"^[一二三四五六七八九十]{1,3}、|^[（(][一二三四五六七八九十]{1,3}[）)]")
SENTENCE = re.compile(r"[，。；！？,;!?]")
SLOGAN_TITLE = re.compile(r"^[^。；！？]{2,30}——[^，。；！？,;!?]{4,60}$")  # 凝心聚力，砥砺前行——区科技局2023年工作总结
INDENT = " \t\u3000\xa0\u2003"


@dataclass(frozen=True)
class HeadLine:
    text: str
    kind: str  # title, plain, subtitle, source, speaker, caption, furniture, header, stop
    field: str = ""  # header field name, for kind == "header"


def head_lines(report: Report) -> list[HeadLine]:
    """The outline's title line and the blocks that follow it, classified, up to the start of the body."""
    title_line = report.title.strip() and not report.title_from_properties
    texts = [(report.title, True)] if title_line else []
    for block in report.blocks[:HEAD_SIZE]:
        if isinstance(block, (Paragraph, Heading)):
            texts.append((block.text, False))
    lines = []
    for text, is_title in texts:
        line = classify(text)
        if line.kind == "stop" and not is_title:  # a title line that reads like a body line is only skipped
            break
        lines.append(line)
    return lines


def classify(text: str) -> HeadLine:
    text = text.strip(INDENT)
    return HeadLine(text, _kind(text), _field(text))


def is_web_furniture(text: str) -> bool:
    """A web page's buttons, breadcrumbs or metadata header (`标题: …`, `发布时间: …`) pasted above a
    report: not the report, so never its title."""
    text = text.strip(INDENT)
    return bool(text) and bool(_web_kind(text))


def _web_kind(text: str) -> str:
    if _is_furniture(text) or BREADCRUMB.match(text):
        return "furniture"
    return "header" if HEADER_FIELD.match(text) else ""


def _kind(text: str) -> str:
    if not text:
        return "furniture"
    if web := _web_kind(text):
        return web
    if META_LINE.match(text) or MASTHEAD.search(text) or (find_dates(text) and TIMESTAMP.search(text)):
        return "source"
    if SALUTATION.match(text) or NUMBERED.match(text):
        return "stop"
    if CAPTION.search(text):
        return "caption"
    if find_dates(text) and SUBTITLE.search(text):
        return "subtitle"
    if len(text) > load_rules().title_max:
        return "stop"
    if SENTENCE.search(text) and not SLOGAN_TITLE.search(text):
        return "plain-sentence"
    if doc_type_of_title(text) and ends_like_a_title(text):
        return "title"
    if SPEAKER.match(text) or PERSON_NAME.match(text):
        return "speaker"
    return "plain"


def _field(text: str) -> str:
    match = HEADER_FIELD.match(text)
    return match.group(1) if match else ""


def header_value(line: HeadLine) -> str:
    match = HEADER_FIELD.match(line.text)
    return match.group(2).strip() if match else ""


def _is_furniture(text: str) -> bool:
    rest = FURNITURE_PUNCT.sub("", text)
    for word in FURNITURE_WORDS:
        rest = rest.replace(word, "")
    return rest == "" and len(text) <= 30
