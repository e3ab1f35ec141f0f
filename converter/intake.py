"""First look at a file staff hand us: is it a Word .docx we can read at all?

Checks the bytes, not the extension alone, and raises `ArchiveError` with a Chinese message that says
what to do. Runs before python-docx ever sees the file.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import ArchiveError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, and encrypted .docx
ZIP_MAGIC = b"PK\x03\x04"
RESAVE = "请用 Word 或 WPS 打开，另存为“Word 文档（*.docx）”后再导入"

OTHER_FORMATS = {
    ".doc": "这是 Word 97-2003 格式（.doc），只能导入 .docx",
    ".wps": "这是 WPS 文字格式（.wps），只能导入 .docx",
    ".pdf": "这是 PDF 文件，只能导入 Word 文档（.docx）",
    ".odt": "这是 OpenDocument 格式（.odt），只能导入 .docx",
    ".rtf": "这是 RTF 格式，只能导入 .docx",
    ".txt": "这是纯文本文件，只能导入 Word 文档（.docx）",
}
PDF_FIX = "请找到该报告的 Word 原稿（.docx）再导入；如只有 PDF，可用 WPS 转换为 Word 后核对再导入"


def check_file(path: Path) -> None:
    """Raise `ArchiveError` unless `path` looks like a readable .docx package."""
    if not path.exists():
        raise ArchiveError("missing", "找不到这个文件", "请检查文件名和路径是否正确")
    if not path.is_file():
        raise ArchiveError("not-a-file", "这不是一个文件", "请指定 .docx 文件或包含 .docx 的文件夹")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        raise ArchiveError("unreadable", "无法读取这个文件（没有读取权限或文件被占用）",
                           "请关闭正在打开它的程序，或检查文件权限后重试") from None
    if not head:
        raise ArchiveError("empty", "文件是空的（0 字节）", "请重新复制或导出该报告后再导入")
    _check_format(path, head)


def _check_format(path: Path, head: bytes) -> None:
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC):
        if suffix == ".doc" or _looks_like_legacy_doc(path):
            raise ArchiveError("legacy-doc", OTHER_FORMATS[".doc"], RESAVE)
        raise ArchiveError("encrypted", "文件设置了打开密码（已加密），无法读取",
                           "请在 Word 中打开后取消密码（文件→信息→保护文档），保存后再导入")
    if suffix in (".pdf",) or head.startswith(b"%PDF"):
        raise ArchiveError("pdf", OTHER_FORMATS[".pdf"], PDF_FIX)
    if suffix in OTHER_FORMATS and not head.startswith(ZIP_MAGIC):
        raise ArchiveError("other-format", OTHER_FORMATS[suffix], RESAVE)
    if not head.startswith(ZIP_MAGIC):
        raise ArchiveError("not-docx", "这不是 Word 文档（文件内容不是 .docx 格式，可能是改了扩展名的其他文件）", RESAVE)
    _check_zip(path, suffix)


def _looks_like_legacy_doc(path: Path) -> bool:
    """An OLE file holding `WordDocument` is a .doc; an encrypted .docx holds `EncryptedPackage`."""
    data = path.read_bytes()[:1 << 20]
    return "WordDocument".encode("utf-16-le") in data and "EncryptedPackage".encode("utf-16-le") not in data


def _check_zip(path: Path, suffix: str) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ArchiveError("corrupt", "文件已损坏（压缩包结构不完整，可能没有下载或复制完整）",
                           "请重新获取原文件后再导入") from None
    if "word/document.xml" in names or any(n.lower().endswith(".xml") for n in names
                                           if n.startswith("word/")):
        return  # the reader finds the main part through _rels/.rels, whatever its name
    if suffix == ".odt" or "content.xml" in names:
        raise ArchiveError("other-format", OTHER_FORMATS[".odt"], RESAVE)
    kind = "Excel 表格" if "xl/workbook.xml" in names else "PowerPoint 演示文稿" if "ppt/presentation.xml" in names else "Word 文档"
    if kind != "Word 文档":
        raise ArchiveError("not-word", f"这是{kind}，不是 Word 文档", "请导入报告的 Word 文档（.docx）")
    raise ArchiveError("not-word", "这不是 Word 文档（压缩包里没有正文部分）", "请导入报告的 Word 文档（.docx）")
