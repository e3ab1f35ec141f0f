"""First look at a file staff hand us: is it a Word .docx we can read at all?

Judges the bytes, not the extension, and raises `ArchiveError` with a Chinese message that says what to
do. Runs before python-docx ever sees the file. A legacy Word 97-2003 `.doc` is converted with LibreOffice
when `soffice` is installed. The only module that imports `olefile`.
"""
from __future__ import annotations

import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

import olefile
from lxml.etree import XMLSyntaxError

from converter.model import Report
from converter.model.errors import ArchiveError

# What a folder is searched for: .docx, and the formats staff confuse with it (each gets its message).
DOCUMENT_SUFFIXES = (".docx", ".doc", ".wps", ".pdf", ".odt", ".rtf")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.wps/.xls, and encrypted .docx
ZIP_MAGIC = b"PK\x03\x04"
# Errors from inside a damaged package, wherever in the pipeline they surface.
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, XMLSyntaxError)

RESAVE = "请用 Word 或 WPS 打开，另存为“Word 文档（*.docx）”后再导入"
DOC = "这是 Word 97-2003 格式（.doc），只能导入 .docx"
DOC_FIX = "请用 Word 或 WPS 另存为 .docx 后再导入"
OTHER_FORMATS = {
    ".wps": ("这是 WPS 文字格式（.wps），只能导入 .docx", "请用 WPS 打开，另存为“Word 文档（*.docx）”后再导入"),
    ".odt": ("这是 OpenDocument 格式（.odt），只能导入 .docx",
             "请用 WPS 或 LibreOffice 打开，另存为“Word 文档（*.docx）”后再导入"),
    ".rtf": ("这是 RTF 格式，只能导入 .docx", RESAVE),
    ".pdf": ("这是 PDF 文件，只能导入 Word 文档（.docx）",
             "请找到该报告的 Word 原稿再导入；如只有 PDF，可用 WPS 转为 Word，核对文字后再导入"),
}
OLE_KINDS = {"Workbook": "Excel 97-2003 表格", "Book": "Excel 97-2003 表格",
             "PowerPoint Document": "PowerPoint 97-2003 演示文稿"}
ZIP_KINDS = {"xl/workbook.xml": "Excel 表格", "ppt/presentation.xml": "PowerPoint 演示文稿"}

MISSING = ("missing", "找不到这个文件", "请检查文件名和路径是否正确")
NOT_A_FILE = ("not-a-file", "这不是一个文件", "请指定 .docx 文件或包含 .docx 的文件夹")
UNREADABLE = ("unreadable", "无法读取这个文件（没有读取权限或文件被占用）",
                          "请关闭正在使用它的程序，或检查文件权限后重试")
EMPTY = ("empty", "文件是空的（0 字节）", "请重新复制或导出该报告后再导入")
CORRUPT = ("corrupt", "文件已损坏，无法读取（可能没有下载或复制完整，或保存时出错）",
           "请重新获取原文件；如能在 Word 或 WPS 中打开，请另存为 .docx 后再导入")
NOT_DOCX = ("not-docx", "文件内容不是 Word 文档（可能是其他类型的文件改了扩展名，或文件已损坏）",
                        "请找到该报告的 Word 原稿（.docx）后再导入")
ENCRYPTED = ("encrypted", "文件设置了打开密码，无法读取",
                         "请在 Word 中打开，取消密码（文件→信息→保护文档→用密码进行加密，清空密码）并保存后再导入")
LEGACY_DOC = ("legacy-doc", DOC, DOC_FIX)
LEGACY_DOC_FAILED = ("legacy-doc-failed", "这是 Word 97-2003 格式（.doc），用 LibreOffice 自动转换失败", DOC_FIX)
NO_TEXT = ("no-text", "文档里没有文字（可能是空白文档或扫描图片）",
                       "请导入含文字的 Word 原稿；扫描件需先做文字识别（OCR）")
SOFFICE_SECONDS = 120


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


def check_file(path: Path) -> None:
    """Raise `ArchiveError` unless `path` looks like a readable .docx package."""
    data = _read(path, len(OLE_MAGIC))  # the longest signature looked at
    if data.startswith(ZIP_MAGIC):
        _check_zip(path)
    elif data.startswith(OLE_MAGIC):
        _check_ole(path)
    elif data.startswith(b"%PDF"):
        raise ArchiveError("pdf", *OTHER_FORMATS[".pdf"])
    elif data.startswith(b"{\\rtf"):
        raise ArchiveError("other-format", *OTHER_FORMATS[".rtf"])
    elif path.suffix.lower() in OTHER_FORMATS:
        raise ArchiveError("other-format", *OTHER_FORMATS[path.suffix.lower()])
    else:
        raise ArchiveError(*NOT_DOCX)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            mimetype = package.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError):
        raise ArchiveError(*CORRUPT) from None
    if any(n.startswith("word/") and n.lower().endswith(".xml") for n in names):
        return  # the reader finds the main part through _rels/.rels, whatever its name
    if b"opendocument" in mimetype or "content.xml" in names:
        raise ArchiveError("other-format", *OTHER_FORMATS[".odt"])
    for part, kind in ZIP_KINDS.items():
        if part in names:
            raise ArchiveError("not-word", f"这是 {kind}，不是 Word 文档", "请导入报告的 Word 文档（.docx）")
    raise ArchiveError("not-word", "这是一个压缩包，不是 Word 文档", "如果里面是报告，请先解压，再导入其中的 .docx 文件")


def _check_ole(path: Path) -> None:
    """An OLE compound file: an encrypted .docx holds `EncryptedPackage`, a .doc/.wps `WordDocument`."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {entry[0] for entry in ole.listdir(streams=True, storages=True)}
    except (OSError, ValueError, IndexError, TypeError, KeyError, RecursionError):
        raise ArchiveError(*CORRUPT) from None
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise ArchiveError(*ENCRYPTED)
    if "WordDocument" in streams:
        if path.suffix.lower() == ".wps":
            raise ArchiveError("other-format", *OTHER_FORMATS[".wps"])
        raise ArchiveError(*LEGACY_DOC)
    for stream, kind in OLE_KINDS.items():
        if stream in streams:
            raise ArchiveError("not-word", f"这是 {kind}，不是 Word 文档", "请导入报告的 Word 文档（.docx）")
    raise ArchiveError(*NOT_DOCX)


def converted_legacy_doc(path: Path, workdir: Path) -> Path:
    """A .docx made from the .doc at `path` by LibreOffice, in `workdir`; `LEGACY_DOC` without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ArchiveError(*LEGACY_DOC)
    source = workdir / "original.doc"  # an ASCII name: soffice mangles some others
    shutil.copyfile(path, source)
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
               "--convert-to", "docx", "--outdir", str(workdir), str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=SOFFICE_SECONDS, check=True,
                       preexec_fn=_lift_memory_limit)
    except (OSError, subprocess.SubprocessError):
        raise ArchiveError(*LEGACY_DOC_FAILED) from None
    result = workdir / "original.docx"
    if not result.is_file():
        raise ArchiveError(*LEGACY_DOC_FAILED)
    return result


def _lift_memory_limit() -> None:
    """LibreOffice maps far more address space than our workers are allowed; give it the hard limit."""
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def check_has_text(report: Report) -> None:
    """Raise `NO_TEXT` for a document without a single visible character."""
    if report.title.strip() or any(block.text.strip() for block in report.blocks):
        return
    raise ArchiveError(*NO_TEXT)


def is_candidate(path: Path) -> bool:
    """Whether a file found in a folder is one staff meant to import (Word lock files and hidden files not)."""
    return (path.suffix.lower() in DOCUMENT_SUFFIXES and not path.name.startswith(("~$", "."))
            and path.is_file())

