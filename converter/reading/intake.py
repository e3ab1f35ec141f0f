"""First look at a file staff hand us: which format is it, by its bytes, and can we read it at all?

The format is judged by the file's signature, not its name (a `.doc` that is really a web page is read
as a web page; a `.docx` that is really random bytes is refused), and every refusal is an `ArchiveError`
with a Chinese message that says what to do. Runs before any reader sees the file. The only module that
imports `olefile`.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import olefile
from lxml.etree import XMLSyntaxError

from converter.model import Report
from converter.model.errors import ArchiveError

# What a folder is searched for, and what the inbox takes: every format a reader exists for.
DOCUMENT_SUFFIXES = (".docx", ".doc", ".wps", ".rtf", ".odt", ".pdf", ".txt", ".html", ".htm", ".mht", ".mhtml")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.wps/.xls, and encrypted .docx
ZIP_MAGIC = b"PK\x03\x04"
SNIFF_BYTES = 1024  # a PDF's header may stand anywhere in its first 1024 bytes
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<body", b"<title")
WORD_XML = (b'progid="word.document"', b"<w:worddocument")  # Word 2003 XML, often saved as .doc
MIME_STARTS = (b"mime-version:", b"from:", b"content-type: multipart/related", b"content-location:", b"subject:",
               b"date:")
NOTE_SUFFIX = ".错误.txt"  # the inbox writes `<name>.错误.txt` beside a file that failed: never a report
TEXT_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".mht": "mht", ".mhtml": "mht"}
# Errors from inside a damaged package, wherever in the pipeline they surface.
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, XMLSyntaxError)

CLAIMED = {  # what a file's name says it is, for the message when its content is something else
    ".doc": "Word 文档", ".docx": "Word 文档", ".wps": "WPS 文字文档", ".rtf": "RTF 文档", ".odt": "OpenDocument 文档",
    ".pdf": "PDF 文件", ".txt": "文本文件", ".html": "网页", ".htm": "网页", ".mht": "网页存档", ".mhtml": "网页存档",
}
OLE_KINDS = {"Workbook": "Excel 97-2003 表格", "Book": "Excel 97-2003 表格",
             "PowerPoint Document": "PowerPoint 97-2003 演示文稿"}
ZIP_KINDS = {"xl/workbook.xml": "Excel 表格", "ppt/presentation.xml": "PowerPoint 演示文稿"}
ODF_KINDS = {b"spreadsheet": "OpenDocument 表格", b"presentation": "OpenDocument 演示文稿"}
ACCEPTED = "Word、WPS、RTF、OpenDocument、PDF、网页或文本文件"

MISSING = ("missing", "找不到这个文件", "请检查文件名和路径是否正确")
NOT_A_FILE = ("not-a-file", "这不是一个文件", "请指定报告文件或包含报告的文件夹")
UNREADABLE = ("unreadable", "无法读取这个文件（没有读取权限或文件被占用）",
                          "请关闭正在使用它的程序，或检查文件权限后重试")
EMPTY = ("empty", "文件是空的（0 字节）", "请重新复制或导出该报告后再导入")
CORRUPT = ("corrupt", "文件已损坏，无法读取（可能没有下载或复制完整，或保存时出错）",
           "请重新获取原文件；如能在 Word 或 WPS 中打开，请另存为 .docx 后再导入")
NOT_DOCUMENT = ("not-document", "文件内容不是可导入的报告（可能是其他类型的文件改了扩展名，或文件已损坏）",
                f"请找到该报告的原稿（{ACCEPTED}）后再导入")
ENCRYPTED = ("encrypted", "文件设置了打开密码，无法读取",
                         "请在 Word 中打开，取消密码（文件→信息→保护文档→用密码进行加密，清空密码）并保存后再导入")
NO_TEXT = ("no-text", "文档里没有文字（可能是空白文档或扫描图片）",
                       "请导入含文字的原稿；扫描件请存为 PDF 后导入（会自动做文字识别）")


def read_original(path: Path) -> bytes:
    """The file's bytes, or the staff message for a path that is missing, a folder, unreadable or empty."""
    return _read(path, None)


def _read(path: Path, size: int | None) -> bytes:
    """The first `size` bytes (all when None), or the staff message for a path that is missing, a folder,
    unreadable or empty."""
    if not path.exists():
        raise ArchiveError(*MISSING)
    if not path.is_file():
        raise ArchiveError(*NOT_A_FILE)
    try:
        if size is None:
            data = path.read_bytes()
        else:
            with path.open("rb") as stream:
                data = stream.read(size)
    except OSError:
        raise ArchiveError(*UNREADABLE) from None
    if not data:
        raise ArchiveError(*EMPTY)
    return data


def file_format(path: Path) -> str:
    """The format of the file at `path`, by its bytes: "docx", "doc", "wps", "rtf", "odt", "pdf", "html",
    "mht" or "txt"; `ArchiveError` for a file we cannot read (another kind of file, damaged, encrypted)."""
    head = _read(path, SNIFF_BYTES)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(ZIP_MAGIC):
        return _zip_format(path)
    if head.startswith(OLE_MAGIC):
        return _ole_format(path)
    if b"%PDF-" in head:
        return "pdf"
    if start.startswith(b"{\\rtf"):
        return "rtf"
    if start.startswith(MIME_STARTS) and b"text/html" in _read(path, 64 * 1024).lower():
        return "mht"
    if start.startswith(b"<?xml") and any(mark in start for mark in WORD_XML):
        return "doc"
    if start.startswith(HTML_STARTS) or (start.startswith((b"<!--", b"<?xml")) and b"<html" in start):
        return "html"
    if path.suffix.lower() in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[path.suffix.lower()]
    raise _not_a(path)


def _not_a(path: Path) -> ArchiveError:
    """The message for content that is no format we read, naming what the file's name claims it is."""
    claimed = CLAIMED.get(path.suffix.lower())
    if claimed:
        spaced = f" {claimed}" if claimed[0].isascii() else claimed
        return ArchiveError(NOT_DOCUMENT[0], f"文件内容不是{spaced}（可能是其他类型的文件改了扩展名，或文件已损坏）",
                            NOT_DOCUMENT[2])
    return ArchiveError(*NOT_DOCUMENT)


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            mimetype = package.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError):
        raise ArchiveError(*CORRUPT) from None
    if any(n.startswith("word/") and n.lower().endswith(".xml") for n in names):
        return "docx"  # the reader finds the main part through _rels/.rels, whatever its name
    if b"opendocument.text" in mimetype:
        return "odt"
    for kind, name in ODF_KINDS.items():
        if kind in mimetype:
            raise _not_a_report(name)
    for part, name in ZIP_KINDS.items():
        if part in names:
            raise _not_a_report(name)
    raise ArchiveError("not-word", "这是一个压缩包，不是报告文档", "如果里面是报告，请先解压，再导入其中的文件")


def _ole_format(path: Path) -> str:
    """An OLE compound file: an encrypted .docx holds `EncryptedPackage`, a .doc or WPS's .wps `WordDocument`."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {entry[0] for entry in ole.listdir(streams=True, storages=True)}
            fib = ole.openstream("WordDocument").read(12) if "WordDocument" in streams else b""
    except (OSError, ValueError, IndexError, TypeError, KeyError, RecursionError):
        raise ArchiveError(*CORRUPT) from None
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams or _word_encrypted(fib):
        raise ArchiveError(*ENCRYPTED)
    if "WordDocument" in streams:
        return "wps" if path.suffix.lower() == ".wps" else "doc"
    for stream, name in OLE_KINDS.items():
        if stream in streams:
            raise _not_a_report(name)
    raise _not_a(path)


def _word_encrypted(fib: bytes) -> bool:
    """Word 97-2003's file information block: the flags at byte 10 have fEncrypted (0x0100) set when the
    document needs a password to open (LibreOffice would only say it failed)."""
    return len(fib) >= 12 and bool(int.from_bytes(fib[10:12], "little") & 0x0100)


def _not_a_report(kind: str) -> ArchiveError:
    return ArchiveError("not-word", f"这是 {kind}，不是报告文档", f"请导入报告本身（{ACCEPTED}）")


def check_has_text(report: Report) -> None:
    """Raise `NO_TEXT` for a document without a single visible character."""
    if report.title.strip() or any(block.text.strip() for block in report.blocks):
        return
    raise ArchiveError(*NO_TEXT)


def is_candidate(path: Path) -> bool:
    """Whether a file found in a folder is one staff meant to import (Word lock files, hidden files and
    the inbox's notes on failed files not)."""
    return (path.suffix.lower() in DOCUMENT_SUFFIXES and not path.name.startswith(("~$", "."))
            and not path.name.endswith(NOTE_SUFFIX) and path.is_file())
