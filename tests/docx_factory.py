"""Small .docx files for tests, built with python-docx the way offices type reports.

`write_docx(path, blocks)` where each block is one of
    Title("…")                      centred, bold, 22 pt, style Normal (as 公文 are typed)
    Para("…", bold=…, font=…, size=…, align=…, indent=…)   style Normal
    Styled("…", style="Heading 1")  a paragraph in a named Word style
    Grid([["a", "b"], ["1", "2"]])  a plain table
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
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
