"""Saved web pages (.html/.htm, and .mht/.mhtml single-file archives) → the document model.

The page's bytes are decoded by the charset it declares (a byte-order mark, the MIME part's charset,
`<meta charset>` or `http-equiv="Content-Type"`; GB2312 and GBK are read as GB18030, their superset),
else as text.py decodes a plain text. lxml's HTML parser builds the tree; nothing in the page is
executed, fetched or resolved (no network, no entities, comments and processing instructions dropped;
libxml2's depth limit stays on). html_article.py finds the article among the site's furniture and
html_blocks.py turns it into paragraphs and tables. The only module that imports `lxml.html`.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from converter.model import DocProperties, SourceDocument
from converter.model.errors import ArchiveError
from converter.reading.html_article import find_article
from converter.reading.intake import read_original
from converter.reading.text import BOMS, decode_text

PAGE_MAX_BYTES = 20 * 1024 * 1024  # a report page is well under 1 MB; more is not a report
CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
SNIFF = 4096  # bytes looked at for a <meta> charset (browsers look at 1024)
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
             "cp936": "gb18030", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "utf-8"}
MIME_START = re.compile(rb"^\s*(?:From |MIME-Version:|Content-Type:|Content-Location:|Subject:|Date:)",
                        re.IGNORECASE)
TOO_BIG = ("too-big", "网页文件太大（超过 20 MB），不像是一篇报告", "请只保存报告所在的网页，或复制报告正文存为 .txt 后再导入")
NO_HTML = ("no-html", "这个网页存档（.mht）里没有网页内容", "请在浏览器中打开该网页，另存为“网页，全部（*.html）”后再导入")
NOT_HTML = ("not-html", "文件内容不是网页（可能是其他类型的文件改了扩展名，或文件已损坏）",
            "请在浏览器中打开该网页，另存为 .html 后再导入")
PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, default_doctype=False)


def read_html(path: Path) -> SourceDocument:
    """Raises `ArchiveError` for a missing, empty, oversized or unreadable page."""
    data = read_original(path)
    if len(data) > PAGE_MAX_BYTES:
        raise ArchiveError(*TOO_BIG)
    if path.suffix.lower() in (".mht", ".mhtml") or MIME_START.match(data[:200]):
        data, charset = html_part(data)
    else:
        charset = None
    return page_document(decode_page(data, charset))


def page_document(text: str) -> SourceDocument:
    """The document model of a page's HTML text."""
    root = parse_page(text)
    article = find_article(root)
    return SourceDocument(blocks=article.blocks, properties=DocProperties(title=article.page_title),
                          warnings=article.warnings, header=article.header)


def parse_page(text: str) -> etree._Element:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ArchiveError(*NOT_HTML)
    try:
        root = lxml_html.document_fromstring(text, parser=PARSER)
    except (etree.ParserError, ValueError):
        raise ArchiveError(*NOT_HTML) from None
    if root is None:
        raise ArchiveError(*NOT_HTML)
    return root


def html_part(data: bytes) -> tuple[bytes, str | None]:
    """The HTML of a MIME web archive (.mht): its first text/html part, decoded from its transfer
    encoding, and that part's charset."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return payload, part.get_content_charset()
    raise ArchiveError(*NO_HTML)


def decode_page(data: bytes, charset: str | None = None) -> str:
    """A page's text: by its byte-order mark; else as UTF-8 when it is valid UTF-8 (a page saved by a
    browser is, whatever its old `<meta>` still says); else by its declared charset; else as a plain
    text is decoded."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _known(charset) or _known(_meta_charset(data))
    if declared:
        return data.decode(declared, errors="replace")
    try:
        return decode_text(data)
    except ArchiveError as error:
        raise (ArchiveError(*NOT_HTML) if error.code == "not-text" else error) from None


def _meta_charset(data: bytes) -> str | None:
    match = CHARSET.search(data[:SNIFF])
    return match.group(1).decode("ascii") if match else None


def _known(charset: str | None) -> str | None:
    if not charset:
        return None
    name = charset.strip().lower()
    name = SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
