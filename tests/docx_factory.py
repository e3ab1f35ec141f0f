"""Small .docx files for tests, built with python-docx the way offices type reports.

`write_docx(path, blocks)` where each block is one of
    Title("…")                      centred, bold, 22 pt, style Normal (as 公文 are typed)
    Para("…", bold=…, font=…, size=…, align=…, indent=…)   style Normal
    Styled("…", style="Heading 1")  a paragraph in a named Word style
    Grid([["a", "b"], ["1", "2"]])  a plain table
    Xml(lambda document: "<w:p>…</w:p>")  any block as WordprocessingML, for what python-docx cannot
                                    write; the function may first add parts with the helpers below
                                    (hyperlink_rel, image_rel, add_numbering, add_notes, add_style)
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT, None: None}


@dataclass
class Para:
    text: str
    bold: bool = False
    font: str = "仿宋_GB2312"
    size: float = 16
    align: str | None = None
    indent: str = ""  # e.g. "\u3000\u3000" typed before the text


@dataclass
class Title(Para):
    bold: bool = True
    font: str = "方正小标宋简体"
    size: float = 22
    align: str | None = "center"


@dataclass
class Styled:
    text: str
    style: str = "Heading 1"


@dataclass
class Grid:
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Xml:
    build: Callable  # document → "<w:p>…</w:p>" or "<w:tbl>…</w:tbl>"


def write_docx(path: Path, blocks: list, core_title: str = "", author: str = "") -> Path:
    document = docx.Document()
    document.core_properties.title = core_title
    document.core_properties.author = author
    _drop_template_dates(document)
    for block in blocks:
        if isinstance(block, Para):
            _para(document, block)
        elif isinstance(block, Styled):
            document.add_paragraph(block.text, style=block.style)
        elif isinstance(block, Grid):
            _grid(document, block)
        elif isinstance(block, Xml):
            document.element.body.insert(len(document.element.body) - 1, parse_fragment(block.build(document)))
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _drop_template_dates(document) -> None:
    """python-docx's template says it was created in 2013; a test document has no such history."""
    properties = document.core_properties._element
    for element in list(properties):
        if element.tag.rsplit("}", 1)[-1] in ("created", "modified"):
            properties.remove(element)


def _para(document, block: Para) -> None:
    paragraph = document.add_paragraph()
    if ALIGN.get(block.align) is not None:
        paragraph.alignment = ALIGN[block.align]
    run = paragraph.add_run(block.indent + block.text)
    run.bold = block.bold or None
    run.font.size = Pt(block.size)
    run.font.name = block.font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), block.font)


def _grid(document, block: Grid) -> None:
    table = document.add_table(rows=len(block.rows), cols=max(len(r) for r in block.rows))
    for row, values in zip(table.rows, block.rows):
        for cell, value in zip(row.cells, values):
            cell.text = value


def simple_report(path: Path, title: str = "2023年区科技局工作总结", issuer: str = "区科技局",
                  date: str = "2023年12月28日", body: str = "全年共申报科技项目36项，立项13项。") -> Path:
    """A short but complete 公文-style report: title, 一、/（一） headings, body, signature, date."""
    return write_docx(path, [
        Title(title),
        Para("2023年，我局紧紧围绕创新驱动发展战略，扎实推进各项工作。", indent="\u3000\u3000"),
        Para("一、主要工作完成情况", font="黑体"),
        Para("（一）加大科技项目争取和实施", font="楷体_GB2312", bold=True),
        Para(body, indent="\u3000\u3000"),
        Para("（二）强化知识产权保护", font="楷体_GB2312", bold=True),
        Para("全年新增发明专利授权21件，开展知识产权宣传活动5次。", indent="\u3000\u3000"),
        Para("二、下一步工作打算", font="黑体"),
        Para("一是持续加大项目争取力度。二是深化科技特派员制度。", indent="\u3000\u3000"),
        Para(issuer, align="right"),
        Para(date, align="right"),
    ])


def write_ole(path: Path, streams: dict[str, bytes]) -> Path:
    """A minimal OLE compound file (the container of Word 97-2003 .doc, .wps and encrypted .docx) holding
    up to three `streams`, each stored in whole 512-byte sectors (padded to the 4096-byte mini-stream
    cutoff, so no mini stream is needed)."""
    import struct

    assert len(streams) <= 3, "one directory sector holds the root and three streams"
    end, free, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # the directory's sibling order
    datas = [streams[n].ljust(max(4096, -(-len(streams[n]) // 512) * 512), b"\0") for n in names]
    fat, starts, sector = [0xFFFFFFFD, end], [], 2
    for data in datas:
        count = len(data) // 512
        starts.append(sector)
        fat += list(range(sector + 1, sector + count)) + [end]
        sector += count
    assert len(fat) <= 128, "one FAT sector maps 128 sectors"

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB3I", len(encoded), kind, 1, no_stream, right, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, no_stream, 1 if names else no_stream, end, 0)
    for number, (name, start) in enumerate(zip(names, starts), start=1):
        directory += entry(name, 2, number + 1 if number < len(names) else no_stream, no_stream, start,
                           len(streams[name]))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<9I", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    fat_sector = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", free) * (128 - len(fat))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + fat_sector + directory.ljust(512, b"\0") + b"".join(datas))
    return path


def legacy_doc(path: Path) -> Path:
    """What Word 97-2003 saves: an OLE file with a `WordDocument` and a `1Table` stream."""
    return write_ole(path, {"WordDocument": b"\xec\xa5\xc1\x00" + b"\0" * 4092, "1Table": b"\0" * 4096})


def encrypted_docx(path: Path, password: str = "secret") -> Path:
    """A real password-protected .docx (ECMA-376 agile encryption), made from `simple_report`."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(simple_report(path).read_bytes())
    encrypted = io.BytesIO()
    OOXMLFile(plain).encrypt(password, encrypted)
    path.write_bytes(encrypted.getvalue())
    return path


# --- raw WordprocessingML for features python-docx has no API for ---------------------------------------

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}
DECLARATIONS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())


def parse_fragment(xml: str):
    """An element from WordprocessingML written with the usual prefixes, without declaring them."""
    head, _, rest = xml.partition(">")
    closing = "/" if head.endswith("/") else ""
    return parse_xml(f"{head.rstrip('/')} {DECLARATIONS}{closing}>{rest}")


def run(text: str, props: str = "") -> str:
    """`<w:r>` with optional run properties, e.g. run("加粗", "<w:b/>")."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_escape(text)}</w:t></w:r>'


def para(*parts: str, props: str = "") -> str:
    """`<w:p>` from run XML, e.g. para(run("一"), "<w:r><w:br/></w:r>", run("二"))."""
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(parts)}</w:p>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hyperlink_rel(document, url: str) -> str:
    return document.part.relate_to(url, RT.HYPERLINK, is_external=True)


def image_rel(document, data: bytes | None = None) -> str:
    rel_id, _ = document.part.get_or_add_image(io.BytesIO(data or tiny_png()))
    return rel_id


def tiny_png(width: int = 1, height: int = 1) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    pixels = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))


def picture(rel_id: str, alt: str = "", anchored: bool = False) -> str:
    """A DrawingML picture run (inline, or floating when `anchored`)."""
    frame = "anchor" if anchored else "inline"
    extra = '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>' \
            '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>' \
        if anchored else ""
    return (f'<w:r><w:drawing><wp:{frame}>{extra}<wp:extent cx="9525" cy="9525"/>'
            f'<wp:docPr id="1" name="图片 1" descr="{_escape(alt)}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rel_id}"/></pic:blipFill><pic:spPr/></pic:pic>'
            f"</a:graphicData></a:graphic></wp:{frame}></w:drawing></w:r>")


def textbox(text: str) -> str:
    """A text-box run as Word writes it: a DrawingML choice with a VML fallback holding the same text."""
    content = f"<w:txbxContent>{para(run(text))}</w:txbxContent>"
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="5" name="文本框"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>")


def add_numbering(document, levels: list[tuple[str, str]], num_id: int = 90, start: int = 1,
                  overrides: str = "") -> int:
    """A multi-level list: one (numFmt, lvlText) per level, e.g. [("chineseCounting", "%1、")]."""
    element = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    abstract = parse_fragment(f'<w:abstractNum w:abstractNumId="{num_id}">{lvls}</w:abstractNum>')
    first_num = element.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        element.append(abstract)
    element.append(parse_fragment(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/>'
                                  f"{overrides}</w:num>"))
    return num_id


def numbered(num_id: int, level: int = 0) -> str:
    """Paragraph properties that put a paragraph in list `num_id` at `level`."""
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def add_notes(document, notes: dict[int, str], kind: str = "footnote") -> None:
    """A footnotes (or endnotes) part holding `notes` by id, with Word's separator notes."""
    body = "".join(f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>{run(" " + text)}</w:p></w:{kind}>'
                   for i, text in notes.items())
    xml = (f'<w:{kind}s {DECLARATIONS}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
           f"</w:p></w:{kind}>{body}</w:{kind}s>")
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)


def add_style(document, xml: str) -> None:
    """A `<w:style>` element added to styles.xml."""
    document.styles.element.append(parse_fragment(xml))


def rewrite_parts(path: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """Rewrite every part of the package at `path` through `change(name, data)`."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, change(info.filename, source.read(info.filename))) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            target.writestr(name, data)
    return path


STRICT_NAMESPACES = {b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
                     b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
                     b"http://purl.oclc.org/ooxml/officeDocument/relationships"}


def to_strict(path: Path) -> Path:
    """The package at `path` rewritten in Strict OOXML namespaces (ISO 29500 Strict, as Word can save)."""
    def strict(name: str, data: bytes) -> bytes:
        for transitional, purl in STRICT_NAMESPACES.items():
            data = data.replace(transitional, purl)
        return data
    return rewrite_parts(path, strict)
