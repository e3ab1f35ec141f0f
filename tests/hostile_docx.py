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
    version: int = 20  # "version needed to extract", in tenths: 20 is zip 2.0


def raw_zip(entries: list[RawEntry]) -> bytes:
    out = io.BytesIO()
    central = io.BytesIO()
    for entry in entries:
        name = entry.name.encode("utf-8")
        crc = zlib.crc32(entry.payload) if entry.crc is None else entry.crc
        size = len(entry.payload) if entry.size is None else entry.size
        flags = entry.flags | 0x800  # names in UTF-8
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, entry.version, flags, entry.method, 0, 0x21,
                              crc, len(entry.payload), size, len(name), 0) + name + entry.payload)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, entry.version, flags, entry.method, 0, 0x21,
                                  crc, len(entry.payload), size, len(name), 0, 0, 0, 0, 0, offset) + name)
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    count = len(entries)
    if count > 0xFFFF:  # ZIP64 end of central directory, and its locator
        record = out.tell()
        out.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(directory), start))
        out.write(struct.pack("<IIQI", 0x07064B50, 0, record, 1))
        count = 0xFFFF
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


def raw_entries(data: bytes) -> list[RawEntry]:
    """A normal package as stored entries, to mix with crafted ones in `raw_zip`."""
    return [RawEntry(name, content) for name, content in parts(data).items()]


def repeated_deflate(prefix: bytes, filler: bytes, size: int, suffix: bytes, crc: bool = True) -> tuple[bytes, int]:
    """Raw deflate data inflating to prefix + filler*n + suffix (about `size` bytes), and its CRC.

    After a full flush deflate forgets its history, so one compressed block can be repeated: a
    gigabyte costs a megabyte of output and a second of CRC (`crc=False` skips it: a wrong CRC
    for a bomb that must be refused before it is read)."""
    block = filler * (1 << 20) if len(filler) < (1 << 20) else filler
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    one = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush(zlib.Z_FINISH)
    count = max(1, size // len(block))
    value = zlib.crc32(prefix)
    for _ in range(count if crc else 0):
        value = zlib.crc32(block, value)
    value = zlib.crc32(suffix, value)
    return head + one * count + tail, value & 0xFFFFFFFF


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


# --- reports whose text tries to become markup, script or template code --------------------------

PAYLOADS = [
    '<script>alert("body")</script>',
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "[点我](javascript:alert(2))",
    "![图](javascript:alert(3))",
    '<a href="javascript:alert(4)">链接</a>',
    "<svg onload=alert(5)>",
    "<iframe src=javascript:alert(6)></iframe>",
    "<style>body{display:none}</style>",
    "{{ 7*7 }} {% raw %} {{ config.site_name }} {% endraw %}",
    "{: onclick=\"alert(7)\" } {#x onclick=alert(8)}",
    "<!-- hidden --> &lt;script&gt; <scr<script>ipt>alert(9)</script>",
    "<https://evil.example/> [^1] *斜体* **粗体** `代码` | 表 | 格 |",
]
TITLE_PAYLOAD = '2023年<script>alert("title")</script>工作总结'
YAML_LINES = ["---", "title: 黑客", "layout: x", "---"]
CAMERA_METADATA = b"GPS\x0030.2741N 120.1551E owner=GPS-MARKER"


def hostile_body_report(path: Path) -> Path:
    """Body paragraphs, a heading, YAML fence lines, hyperlinks, a picture's alt text and name, an SVG
    with a script, a footnote and the signature all carry markup, script, Markdown and template payloads."""
    import docx
    from docx_factory import Para, Title

    write_docx(path, [Title("2023年区科技局工作总结"), *[Para(p) for p in YAML_LINES],
                      Para("一、<script>alert('heading')</script>主要工作", font="黑体"),
                      *[Para(p, indent="\u3000\u3000") for p in PAYLOADS],
                      Para('<b onclick=alert(10)>区科技局</b>', align="right"),
                      Para("2023年12月28日", align="right")])
    document = docx.Document(str(path))
    _hostile_links_and_picture(document)
    core = document.core_properties
    core.subject, core.keywords = "---\ntitle: x", "{{ 7*7 }}"
    document.save(str(path))
    data = _with_footnote(path.read_bytes(), '<img src=x onerror=alert("footnote")>')
    path.write_bytes(_with_svg(data))
    return path


def hostile_title_report(path: Path) -> Path:
    from docx_factory import Para, Title

    return write_docx(path, [Title(TITLE_PAYLOAD), Para("全年工作平稳推进。"), Para("区水务局", align="right"),
                             Para("2023年12月20日", align="right")])


def hostile_table_report(path: Path) -> Path:
    from docx_factory import Grid, Para, Title

    return write_docx(path, [Title("2021年区统计局工作总结"), Para("主要数据如下表。"),
                             Grid([["<script>alert('cell')</script>", "| a | b |"],
                                   ["[x](javascript:alert(11))", "<td onclick=alert(12)>"]]),
                             Para("区统计局", align="right"), Para("2021年12月20日", align="right")])


def _hostile_links_and_picture(document) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    paragraph = document.paragraphs[6]
    for target in ("javascript:alert('link')", "data:text/html,<script>alert(13)</script>", "vbscript:msgbox(1)",
                   'https://example.org/" onmouseover="alert(14)'):
        rel = document.part.relate_to(target, RT.HYPERLINK, is_external=True)
        append_xml(paragraph._p, f'<w:hyperlink r:id="{rel}"><w:r><w:t>链接{rel}</w:t></w:r></w:hyperlink>')
    append_xml(paragraph._p, '<w:hyperlink w:anchor="x&quot; onmouseover=&quot;alert(15)"><w:r><w:t>书签</w:t></w:r></w:hyperlink>')
    run = document.paragraphs[8].add_run()
    run.add_picture(io.BytesIO(tiny_png(png_chunk(b"tEXt", CAMERA_METADATA))))
    doc_pr = run._r.xpath(".//wp:docPr")[0]
    doc_pr.set("name", "../../../../evil<script>.png")
    doc_pr.set("descr", "<img src=x onerror=alert('alt')>")
    doc_pr.set("title", "\"><script>alert('alt-title')</script>")


def _with_footnote(data: bytes, text: str) -> bytes:
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r></w:p></w:footnote>'
                 "</w:footnotes>").encode("utf-8")
    document = parts(data)[DOCUMENT].decode("utf-8")
    reference = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    document = document.replace("</w:p>", reference + "</w:p>", 3).replace(reference, "", 2)
    data = rezip(data, {DOCUMENT: document.encode("utf-8"), "word/footnotes.xml": footnotes})
    data = add_to_content_types(data, '<Override PartName="/word/footnotes.xml" ContentType='
                                '"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
    return add_relationship(data, DOCUMENT, "rIdFn1", "footnotes", "footnotes.xml")


def _with_svg(data: bytes) -> bytes:
    """An SVG version of the picture (as Word 2016 stores one) that carries a script."""
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("svg")</script><rect width="1" height="1"/></svg>'
    data = rezip(data, {"word/media/evil.svg": svg})
    data = add_to_content_types(data, '<Default Extension="svg" ContentType="image/svg+xml"/>')
    data = add_relationship(data, DOCUMENT, "rIdSvg", "image", "media/evil.svg")
    extension = ('<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip '
                 'xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdSvg"/>'
                 "</a:ext></a:extLst>")
    document = re.sub(r"(<a:blip [^>]*?)/>", lambda m: m.group(1) + ">" + extension + "</a:blip>",
                      parts(data)[DOCUMENT].decode("utf-8"), count=1)
    return rezip(data, {DOCUMENT: document.encode("utf-8")})


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hostile_core_title_report(path: Path) -> Path:
    """No title paragraph, so the title (and front matter) comes from the core properties."""
    import docx
    from docx_factory import Para

    write_docx(path, [Para("全年工作平稳推进。"), Para("<i onclick=alert(16)>某局</i>"), Para("2022年12月1日")])
    document = docx.Document(str(path))
    document.core_properties.title = "2022年</title><script>alert('core-title')</script>工作总结"
    document.save(str(path))
    return path
