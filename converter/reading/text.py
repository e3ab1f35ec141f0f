"""Plain text (.txt) → the document model: the encoding found by strict decoding, lines → paragraphs.

Encodings, in the order they are tried: a byte-order mark (UTF-8, UTF-16, UTF-32), then strict UTF-8,
then strict GB18030 (a superset of GBK and GB2312, what Notepad and WPS save as "ANSI" on a Chinese
Windows). Strict decoding alone cannot tell GB18030 from another double-byte encoding (Big5 and
Shift-JIS bytes are mostly valid GB18030 too), so a GB18030 reading must also read as Chinese: nearly
all its non-ASCII characters in GB2312, the set every simplified-Chinese text is written in. A file
that fails, or holds control characters no text has, is refused with one line for staff.

Then: punctuation a scraper folded to ASCII restored (fullwidth.py), lines → paragraphs (text_lines.py,
which re-splits bodies a scraper ran together), a web page's furniture dropped (text_page.py).
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from converter.model import DocProperties, Run, SourceDocument, SourceParagraph
from converter.model.errors import ArchiveError
from converter.reading.fullwidth import restore_fullwidth
from converter.reading.intake import read_original
from converter.reading.text_lines import paragraphs
from converter.reading.text_page import page_lines

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# C0 controls other than tab, line feed, vertical tab, form feed, carriage return and SUB (a DOS end of file)
BINARY = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
GB2312_SHARE = 0.9  # of non-ASCII characters; real Chinese text in GBK: > 0.99, Big5 read as GBK: < 0.6
UNKNOWN_ENCODING = ("text-encoding", "无法识别这个文本文件的编码（不是 UTF-8、UTF-16 或 GB18030/GBK）",
                    "请用记事本打开，另存为“UTF-8”编码后再导入")
TEXT_MAX_BYTES = 20 * 1024 * 1024  # a report's text is well under 1 MB; more is not a report
TOO_BIG = ("too-big", "文本文件太大（超过 20 MB），不像是一篇报告", "请只保存报告的正文后再导入")
NOT_TEXT = ("not-text", "文件内容不是文字（可能是其他类型的文件改了扩展名，或文件已损坏）",
            "请找到该报告的原稿（.txt、.docx 或网页）后再导入")


def read_text(path: Path) -> SourceDocument:
    """Raises `ArchiveError` for a missing, empty, oversized, binary or undecodable file."""
    data = read_original(path)
    if len(data) > TEXT_MAX_BYTES:
        raise ArchiveError(*TOO_BIG)
    return text_document(decode_text(data))


def text_document(text: str) -> SourceDocument:
    """The document model of a text: its paragraphs, without a web page's furniture around them, and the
    page's information fields as its `header`; a `标题:` field is also the document's title property
    (used when no line of the body is the title)."""
    every = paragraphs(restore_fullwidth(text))
    lines, header = page_lines(every)
    blocks = tuple(SourceParagraph(runs=(Run(text=line),)) for line in lines)
    title = next((value for name, value in header if name == "标题"), "")
    kept = set(lines)
    return SourceDocument(blocks=blocks, properties=DocProperties(title=title), header=header,
                          left_out=tuple(line for line in every if line not in kept))


def decode_text(data: bytes) -> str:
    """The text of a file's bytes, or `ArchiveError` when the encoding is unknown or the bytes are no text."""
    text = _decoded(data)
    if text is None:
        raise ArchiveError(*(NOT_TEXT if b"\x00" in data else UNKNOWN_ENCODING))
    if BINARY.search(text):
        raise ArchiveError(*NOT_TEXT)
    return text


def _decoded(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    text = _strict(data, "gb18030")
    return text if text is not None and _reads_as_chinese(text) else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _reads_as_chinese(text: str) -> bool:
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return True
    in_gb2312 = sum(1 for c in wide if _in_gb2312(c))
    return in_gb2312 >= GB2312_SHARE * len(wide)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
