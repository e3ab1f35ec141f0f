"""Bounds on what a .docx package may make us do, checked before any XML is parsed.

A .docx is a zip of XML parts. A crafted one can inflate to gigabytes (zip bomb), carry thousands of
parts, name its parts `../../etc/x`, or declare XML entities (billion laughs, `file:///etc/passwd`).
`check_package` reads only the zip directory and streams each part through a bounded inflate, so every
such file is refused in bounded time and memory, before the converter parses it.

Limits chosen from the 555 real and fixture .docx files in ../shared and the docx-gen set (largest: 47
parts, 16.6 MB uncompressed, one 12.6 MB document.xml, compression ratio 41, XML depth 45).
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from converter.model.errors import ArchiveError
from converter.reading.intake import CORRUPT
from converter.reading.ooxml.package import CONTENT_TYPES, MAX_PART_BYTES, MAX_XML_PART_BYTES, MB, Package
from converter.reading.ooxml.xml import parse_part

MAX_FILE_BYTES = 100 * MB  # the .docx as received
MAX_PARTS = 3000
MAX_TOTAL_BYTES = 200 * MB  # all parts inflated; the publication checks hold every XML part in memory
# MAX_PART_BYTES (64 MB) and MAX_XML_PART_BYTES (32 MB) per part are the package model's, which
# enforces them on every read as well.
MAX_RATIO = 100  # inflated/compressed, for parts over RATIO_FLOOR (real XML: 5–41)
RATIO_FLOOR = 1 * MB
MAX_NAME_LENGTH = 260
# libxml2's own limit without huge_tree: every XML part is parsed once here with that parser, so a
# deeper (or malformed) part is refused before the converter sees it.
MAX_XML_DEPTH = 256

# For the importer's worker pool (archive add): one file may take this long and this much memory.
TIME_LIMIT_SECONDS = 60  # per file, enforced by the importer's worker pool (ARCHIVE_FILE_TIME_LIMIT overrides)
MEMORY_LIMIT_BYTES = 3072 * MB  # address space a conversion worker may add to what it maps at start

CHUNK = 1 * MB
STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
ODD_NAME = re.compile(r"[\x00-\x1f\x7f\\:*?\"<>|]")
DECLARATIONS = tuple(marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY")
                     for encoding in ("ascii", "utf-16-le", "utf-16-be"))
OVERLAP = max(len(marker) for marker in DECLARATIONS) - 1
# libxml2 would read these (UTF-32, EBCDIC) but Word never writes them, and we do not scan them.
UNSCANNABLE = (b"\x00\x00\x00<", b"<\x00\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"Lo\xa7\x94")
RESAVE = "请用 Word 或 WPS 打开，另存为 .docx 后再导入"


def check_size(path: Path) -> None:
    """Raise `ArchiveError` for a received file over `MAX_FILE_BYTES`, whatever its format."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ArchiveError("too-large", f"文件超过 {MAX_FILE_BYTES // MB} MB，超出导入上限",
                           "请压缩文中图片（Word：文件→压缩图片）后再导入")


def check_package(path: Path) -> None:
    """Raise `ArchiveError` when the package is beyond the limits or its contents are not what its
    directory says."""
    check_size(path)
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            check_entries(infos)
            parts = Package(package)
            content_types = parts.name_of(CONTENT_TYPES)
            if content_types:  # checked first: it says which of the other parts are XML
                _check_content(package, package.getinfo(content_types), xml=True)
            for info in infos:
                if info.filename != content_types:
                    _check_content(package, info, xml=parts.is_xml(info.filename))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise ArchiveError(*CORRUPT) from None


def check_entries(infos: list[zipfile.ZipInfo]) -> None:
    """The zip directory alone: count, names, methods, declared sizes and ratios."""
    if len(infos) > MAX_PARTS:
        raise ArchiveError("too-many-parts", f"文件内部部件过多（{len(infos)} 个，上限 {MAX_PARTS}）", RESAVE)
    seen: set[str] = set()
    total = 0
    for info in infos:
        _check_name(info.filename, seen)
        _check_entry(info)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ArchiveError("too-large", f"文件解压后超过 {MAX_TOTAL_BYTES // MB} MB，超出导入上限",
                       "请压缩文中图片（Word：文件→压缩图片）后再导入")


def _check_name(name: str, seen: set[str]) -> None:
    odd = (not name or len(name) > MAX_NAME_LENGTH or name.startswith("/") or ODD_NAME.search(name)
           or any(segment in ("", ".", "..") for segment in name.rstrip("/").split("/")))
    if odd:
        raise ArchiveError("odd-part-name", f"文件内部含异常的部件名称（{_shown(name)}）", RESAVE)
    if name.lower() in seen:
        raise ArchiveError("duplicate-part", f"文件内部有重名的部件（{_shown(name)}）", RESAVE)
    seen.add(name.lower())


def _check_entry(info: zipfile.ZipInfo) -> None:
    name = _shown(info.filename)
    if info.flag_bits & 0x1:
        raise ArchiveError("encrypted", "文件内部部件已加密，无法读取", "请在 Word 中取消文档密码后保存再导入")
    if info.compress_type not in (STORED, DEFLATED):
        raise ArchiveError("odd-compression", f"文件内部部件 {name} 使用了 Word 不使用的压缩方式", RESAVE)
    if info.file_size > MAX_PART_BYTES:
        raise ArchiveError("too-large", f"文件内部部件 {name} 解压后超过 {MAX_PART_BYTES // MB} MB",
                       "请压缩文中图片后再导入")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
        raise ArchiveError("zip-bomb", f"文件内部部件 {name} 的压缩比异常（{ratio:.0f}:1），疑似压缩炸弹",
                       "此文件不能导入；请向报告起草单位索取正常保存的 .docx")


def _check_content(package: zipfile.ZipFile, info: zipfile.ZipInfo, xml: bool) -> None:
    """Inflate the part in chunks (zipfile never yields more than the declared size, and checks the
    CRC at the end); an XML part (by content type or name) is also scanned for DTD declarations."""
    if xml and info.file_size > MAX_XML_PART_BYTES:
        raise ArchiveError("too-large", f"文件内部 XML 部件 {_shown(info.filename)} 超过 "
                       f"{MAX_XML_PART_BYTES // MB} MB", "请把报告拆分为几个文件后再导入")
    with package.open(info) as stream:
        first = stream.read(CHUNK)
        if not xml:
            while stream.read(CHUNK):
                pass
            return
        if first[:4] in UNSCANNABLE:
            raise ArchiveError("odd-encoding", f"文件内部部件 {_shown(info.filename)} 使用了 Word 不使用的字符编码",
                           RESAVE)
        data = _scan_for_declarations(stream, first, info.filename)
    _check_well_formed(data, info.filename)


def _check_well_formed(data: bytes, name: str) -> None:
    """Parsed once with the package's own parser: well-formed, and no deeper than MAX_XML_DEPTH."""
    try:
        parse_part(data)
    except etree.XMLSyntaxError:
        raise ArchiveError("corrupt-xml", f"文件内部部件 {_shown(name)} 不是有效的 XML（文件已损坏）", RESAVE) from None


def _scan_for_declarations(stream, chunk: bytes, name: str) -> bytes:
    """Refuse a DOCTYPE or ENTITY declaration, in UTF-8 or UTF-16: Word never writes
    one; they are how XML bombs and external-entity reads (file:///etc/passwd) work."""
    chunks = []
    tail = b""
    while chunk:
        window = tail + chunk
        if any(marker in window for marker in DECLARATIONS):
            raise ArchiveError("xml-declarations", f"文件内部部件 {_shown(name)} 含 DTD/实体声明"
                           "（Word 不会写入，可能是恶意构造的文件）", "此文件不能导入；" + RESAVE)
        chunks.append(chunk)
        tail = window[-OVERLAP:]
        chunk = stream.read(CHUNK)
    return b"".join(chunks)


def _shown(name: str) -> str:
    """A part name for a message: ASCII only, so no control character reaches the terminal."""
    return ascii(name[:60])
