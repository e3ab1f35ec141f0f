"""Hostile and risky .docx packages for tests: rewritten parts, raw WordprocessingML, crafted zips.

`docx_bytes(blocks)`                   a normal package from docx_factory blocks, as bytes
`rezip(data, replace={name: bytes|None})`  the same package with parts replaced, added or dropped
`with_body(data, xml)`                 the package with raw <w:body> content (w: prefix declared)
`raw_zip([RawEntry(...)])`             a zip written byte by byte: any name, method, sizes, CRC
`repeated_deflate(prefix, filler, size, suffix)`  a deflate stream inflating to `size` bytes, cheaply
"""
from __future__ import annotations

import io
import re
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from docx_factory import simple_report, write_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCUMENT = "word/document.xml"
LOL_ENTITIES = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
BILLION_LAUGHS = f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{LOL_ENTITIES}]>'


def docx_bytes(blocks: list | None = None, **options) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.docx"
        if blocks is None:
            simple_report(path)
        else:
            write_docx(path, blocks, **options)
        return path.read_bytes()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def rezip(data: bytes, replace: dict[str, bytes | None] | None = None) -> bytes:
    """The package with parts replaced (bytes), added (new name) or dropped (None)."""
    contents = {**parts(data), **(replace or {})}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in contents.items():
            if content is not None:
                package.writestr(name, content)
    return out.getvalue()


def with_body(data: bytes, body_xml: str, declaration: str = "") -> bytes:
    """Replace everything in <w:body> before its last <w:sectPr> with `body_xml`."""
    document = parts(data)[DOCUMENT].decode("utf-8")
    start = document.index("<w:body>") + len("<w:body>")
    end = document.rindex("<w:sectPr")
    document = document[:start] + body_xml + document[end:]
    if declaration:
        document = document.replace("?>", "?>" + declaration, 1)
    return rezip(data, {DOCUMENT: document.encode("utf-8")})


def add_to_content_types(data: bytes, *entries: str) -> bytes:
    types = parts(data)["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>", "".join(entries) + "</Types>")
    return rezip(data, {"[Content_Types].xml": types.encode("utf-8")})


def add_relationship(data: bytes, source: str, rel_id: str, kind: str, target: str, external: bool = False) -> bytes:
    folder, base = source.rsplit("/", 1) if "/" in source else ("", source)
    name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    rels = parts(data).get(name, b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                           b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    mode = ' TargetMode="External"' if external else ""
    kind_uri = kind if "://" in kind else f"{R_NS}/{kind}"
    entry = f'<Relationship Id="{rel_id}" Type="{kind_uri}" Target="{target}"{mode}/>'
    rels = re.sub(rb"</Relationships>\s*$", entry.encode("utf-8") + b"</Relationships>", rels)
    return rezip(data, {name: rels})


def paragraph(text: str, run_properties: str = "") -> str:
    rpr = f"<w:rPr>{run_properties}</w:rPr>" if run_properties else ""
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


@dataclass
class RawEntry:
    name: str
    payload: bytes  # stored as is: already compressed when method is 8
    method: int = 0
    crc: int | None = None  # None: CRC of the payload (right for stored entries)
    size: int | None = None  # declared uncompressed size; None: len(payload)
    flags: int = 0


def raw_zip(entries: list[RawEntry]) -> bytes:
    out = io.BytesIO()
    central = io.BytesIO()
    for entry in entries:
        name = entry.name.encode("utf-8")
        crc = zlib.crc32(entry.payload) if entry.crc is None else entry.crc
        size = len(entry.payload) if entry.size is None else entry.size
        flags = entry.flags | 0x800  # names in UTF-8
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, entry.method, 0, 0x21,
                              crc, len(entry.payload), size, len(name), 0) + name + entry.payload)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, entry.method, 0, 0x21,
                                  crc, len(entry.payload), size, len(name), 0, 0, 0, 0, 0, offset) + name)
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), start, 0))
    return out.getvalue()


def raw_entries(data: bytes) -> list[RawEntry]:
    """A normal package as stored entries, to mix with crafted ones in `raw_zip`."""
    return [RawEntry(name, content) for name, content in parts(data).items()]


def repeated_deflate(prefix: bytes, filler: bytes, size: int, suffix: bytes) -> tuple[bytes, int]:
    """Raw deflate data inflating to prefix + filler*n + suffix (about `size` bytes), and its CRC.

    After a full flush deflate forgets its history, so one compressed block can be repeated: a
    gigabyte costs a megabyte of output and a second of CRC."""
    block = filler * (1 << 20) if len(filler) < (1 << 20) else filler
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    one = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush(zlib.Z_FINISH)
    count = max(1, size // len(block))
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    return head + one * count + tail, crc & 0xFFFFFFFF


def edited_report(path: Path, edit, **report) -> Path:
    """`simple_report` opened again with python-docx, changed by `edit(document)`, saved."""
    import docx

    simple_report(path, **report)
    document = docx.Document(str(path))
    edit(document)
    document.save(str(path))
    return path


def append_xml(parent, xml: str) -> None:
    """Append raw WordprocessingML (w: prefix) to a python-docx element, e.g. `paragraph._p`."""
    from lxml import etree

    wrapper = etree.fromstring(f'<w:wrap xmlns:w="{W_NS}" xmlns:r="{R_NS}">{xml}</w:wrap>')
    for child in list(wrapper):
        parent.append(child)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def tiny_png(*extra_chunks: bytes) -> bytes:
    """A valid 1×1 grey PNG; `extra_chunks` (from `png_chunk`) go before the picture data."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = png_chunk(b"IDAT", zlib.compress(b"\x00\x80"))
    return b"\x89PNG\r\n\x1a\n" + header + b"".join(extra_chunks) + pixels + png_chunk(b"IEND", b"")


def jpeg_segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_like(*segments: bytes) -> bytes:
    """SOI, JFIF, the given segments, a scan with a few bytes of 'picture', EOI."""
    jfif = jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    scan = jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\x34\x56\x78"
    return b"\xff\xd8" + jfif + b"".join(segments) + scan + b"\xff\xd9"
