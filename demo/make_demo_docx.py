#!/usr/bin/env python3
"""Build the demo reports: demo/sources/<name>.txt -> demo/reports/<name>.docx.

The .docx files are typed the way a Chinese government office types a report (GB/T 9704 look):
A4, every paragraph in style Normal, fonts set through w:rFonts/@w:eastAsia, body 仿宋 三号 (16pt)
on a fixed 28pt line pitch, 一、 headings in 黑体, （一） in 楷体 bold, 1. in 仿宋 bold, the issuer
and date right-aligned at the end. Re-running gives byte-identical files (fixed core-property
dates and zip timestamps). Needs python-docx only:  python make_demo_docx.py

Source format (UTF-8, one report per file, ASCII file name). Lines starting with "#" are comments.

Header: "key: value" lines, ended by the first blank line.
    title         title line                                                (required)
    created       ISO date/time for the core properties                     (required)
    fonts         gb2312 = 仿宋_GB2312/楷体_GB2312/黑体/方正小标宋简体
                  win    = 仿宋/楷体/黑体/宋体 bold                          (default gb2312)
    title_style   gbt   = title font 二号 22pt
                  plain = body font bold 18pt, like the real WPS files      (default gbt)
    indent        chars = 2-character first-line indent
                  ideographic = two U+3000 typed at the start of the text   (default chars)
    runin         yes = an H2/H3 line is run into the P line after it       (default no)
    numbering     typed = labels typed in the text
                  word  = 一、/（一） from Word numbering (chineseCounting),
                          the typed labels are removed from the text        (default typed)
    header        page-header text                                          (default none)
    page_numbers  yes = footer "- 1 -" with a PAGE field                     (default no)

Body: one paragraph per line, led by a marker and a space.
    H1 / H2 / H3     heading 一、 / （一） / 1. (write the label in the text)
    P                body paragraph ("——" bullets, "一是…二是…" and （1） are plain P lines)
    L                flush-left line without indent (各位代表：)
    C                centred line under the title (date of the session, speaker)
    BLANK            empty spacing paragraph
    SIGN             right-aligned closing line (issuer, then date); consecutive lines form one block
    TABLE <caption>  then "| a | b |" rows: "<" = merged with the cell on the left (gridSpan),
                     "^" = merged with the cell above (vMerge), a "|---|" row ends the header rows
    NOTE <n> <text>  footnote n, referenced by "[^n]" inside a line
A literal "\\n" in any text (title included) is a manual line break (w:br).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt, Twips

HERE = Path(__file__).resolve().parent
FONT_SETS = {
    "gb2312": {"body": "仿宋_GB2312", "kai": "楷体_GB2312", "hei": "黑体", "title": "方正小标宋简体",
               "title_bold": False},
    "win": {"body": "仿宋", "kai": "楷体", "hei": "黑体", "title": "宋体", "title_bold": True},
}
HEADER_KEYS = {"title", "created", "fonts", "title_style", "indent", "runin", "numbering", "header", "page_numbers"}
CHOICES = {
    "fonts": set(FONT_SETS),
    "title_style": {"gbt", "plain"},
    "indent": {"chars", "ideographic"},
    "runin": {"no", "yes"},
    "numbering": {"typed", "word"},
    "page_numbers": {"no", "yes"},
}
MARKERS = {"H1", "H2", "H3", "P", "L", "C", "BLANK", "SIGN", "TABLE"}
HEADING_FONTS = {"H1": ("hei", False), "H2": ("kai", True), "H3": ("body", True)}  # font key, bold
BODY_PT, TABLE_PT, NOTE_PT, PAGE_NUMBER_PT = 16, 10.5, 12, 14
LINE_PT = 28  # fixed line pitch: 22 lines on a GB/T 9704 page
CELL_PADDING = 240  # twips: Word's default left and right cell margins plus a little air
AUTHOR = "办公室"
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
IDEOGRAPHIC_INDENT = "\u3000\u3000"
LABEL = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．]")
INLINE = re.compile(r"(\\n|\[\^\d+\])")
FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
CJK = re.compile(r"[\u4e00-\u9fff]")

# Word multilevel list for 一、 and （一）: chineseCounting, no tab after the number.
ABSTRACT_NUM = """<w:abstractNum {ns} w:abstractNumId="{id}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="{hei}" w:hAnsi="{hei}" w:eastAsia="{hei}"/><w:sz w:val="{size}"/></w:rPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="{kai}" w:hAnsi="{kai}" w:eastAsia="{kai}"/><w:b/><w:sz w:val="{size}"/></w:rPr></w:lvl>
</w:abstractNum>"""

FOOTNOTE_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)
FOOTNOTE = (
    '<w:footnote w:id="{id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:r><w:rPr>{rfonts}{size}<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
    '<w:r><w:rPr>{rfonts}{size}</w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
)


@dataclass(frozen=True)
class Options:
    title: str
    created: datetime
    fonts: dict
    title_style: str
    indent: str
    runin: bool
    numbering: str
    header: str
    page_numbers: bool


@dataclass
class Block:
    kind: str
    text: str = ""
    tail: str = ""  # body text run into a heading
    lines: list = field(default_factory=list)  # SIGN lines, or TABLE rows (lists of cells)
    header_rows: int = 0


@dataclass
class Source:
    options: Options
    blocks: list
    notes: dict  # footnote number (str) -> text


# ---------------------------------------------------------------- reading the sources


def read_source(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")]
    start = next(i for i, (_, line) in enumerate(lines) if line.strip())
    end = next(i for i, (_, line) in enumerate(lines) if i > start and not line.strip())
    header = dict(line.split(":", 1) for _, line in lines[start:end])
    options = parse_options({key.strip(): value.strip() for key, value in header.items()}, path.name)
    blocks, notes = parse_body(lines[end + 1 :], path.name)
    check_footnotes(blocks, notes, path.name)
    return Source(options, run_in(blocks) if options.runin else blocks, notes)


def parse_options(header: dict, name: str) -> Options:
    problems = [f"unknown key {key!r}" for key in header if key not in HEADER_KEYS]
    problems += [f"missing key {key!r}" for key in ("title", "created") if key not in header]
    problems += [
        f"{key}: {header[key]!r} is not one of {sorted(allowed)}"
        for key, allowed in CHOICES.items()
        if key in header and header[key] not in allowed
    ]
    if problems:
        raise SystemExit(f"{name}: " + "; ".join(problems))
    return Options(
        title=header["title"],
        created=datetime.fromisoformat(header["created"]).replace(tzinfo=timezone.utc),
        fonts=FONT_SETS[header.get("fonts", "gb2312")],
        title_style=header.get("title_style", "gbt"),
        indent=header.get("indent", "chars"),
        runin=header.get("runin") == "yes",
        numbering=header.get("numbering", "typed"),
        header=header.get("header", ""),
        page_numbers=header.get("page_numbers") == "yes",
    )


def parse_body(lines: list, name: str) -> tuple[list, dict]:
    blocks, notes = [], {}
    for number, line in lines:
        marker, _, text = line.partition(" ")
        if not line.strip():
            continue
        if line.startswith("|"):
            if not blocks or blocks[-1].kind != "TABLE":
                raise SystemExit(f"{name}, line {number}: a table row needs a TABLE line before it")
            add_table_row(blocks[-1], line)
        elif marker == "NOTE":
            key, _, note = text.partition(" ")
            notes[key] = note
        elif marker == "SIGN" and blocks and blocks[-1].kind == "SIGN":
            blocks[-1].lines.append(text)
        elif marker in MARKERS:
            blocks.append(Block(marker, text, lines=[text] if marker == "SIGN" else []))
        else:
            raise SystemExit(f"{name}, line {number}: unknown marker {marker!r}; use one of {sorted(MARKERS)} or NOTE")
    return blocks, notes


def check_footnotes(blocks: list, notes: dict, name: str) -> None:
    referenced = {key for block in blocks for text in block_texts(block) for key in FOOTNOTE_REF.findall(text)}
    if referenced != set(notes):
        raise SystemExit(f"{name}: footnote references {sorted(referenced)} do not match NOTE lines {sorted(notes)}")


def add_table_row(table: Block, line: str) -> None:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if all(set(cell) == {"-"} for cell in cells):
        table.header_rows = len(table.lines)
    else:
        table.lines.append(cells)


def run_in(blocks: list) -> list:
    """Merge each H2/H3 with the P line after it: "（一）标题。正文……"."""
    merged = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if block.kind == "P" and previous and previous.kind in ("H2", "H3") and not previous.tail:
            previous.tail = block.text
        else:
            merged.append(block)
    return merged


# ---------------------------------------------------------------- run and paragraph formatting


def set_fonts(rpr, font: str) -> None:
    rfonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rfonts.set(qn(attribute), font)


def style_run(run, font: str, size: float, bold: bool = False) -> None:
    set_fonts(run._r.get_or_add_rPr(), font)
    run.font.size = Pt(size)
    if bold:
        run.font.bold = True


def fld_char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def add_page_field(paragraph, font: str, size: float) -> None:
    """Append a PAGE field showing "1" until Word updates it."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run("1" if kind == "result" else None)
        style_run(run, font, size)
        if kind == "instr":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = " PAGE "
            run._r.append(instruction)
        elif kind != "result":
            run._r.append(fld_char(kind))


def add_footnote_reference(paragraph, number: str, font: str) -> None:
    run = paragraph.add_run()
    style_run(run, font, BODY_PT)
    run.font.superscript = True
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), number)
    run._r.append(reference)


def set_paragraph(paragraph, align, first_line_indent: bool, line_pt: float | None = LINE_PT) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(line_pt) if line_pt else 1.0
    if first_line_indent:
        fmt.first_line_indent = Pt(2 * BODY_PT)
        paragraph._p.pPr.ind.set(qn("w:firstLineChars"), "200")


# ---------------------------------------------------------------- the document


class ReportBuilder:
    def __init__(self, source: Source):
        self.source = source
        self.options = source.options
        self.fonts = source.options.fonts
        self.doc = docx.Document()
        self.num_id = None

    def build(self):
        """Return the python-docx Document for the source."""
        self.setup_page()
        self.setup_normal_style()
        self.set_core_properties()
        section = self.doc.sections[0]
        if self.options.header:
            self.page_header(section.header.paragraphs[0])
        if self.options.page_numbers:
            self.page_number_footer(section.footer.paragraphs[0])
        if self.options.numbering == "word":
            self.num_id = self.add_heading_numbering()
        self.title()
        handlers = {
            "H1": lambda block: self.heading(block, level=0),
            "H2": lambda block: self.heading(block, level=1),
            "H3": lambda block: self.heading(block, level=None),
            "P": self.paragraph,
            "L": self.flush_left,
            "C": self.centred_line,
            "BLANK": self.blank,
            "SIGN": self.signature,
            "TABLE": self.table,
        }
        for block in self.source.blocks:
            handlers[block.kind](block)
        if self.source.notes:
            self.add_footnotes_part()
        return self.doc

    # ---- document-wide settings

    def setup_page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.header_distance, section.footer_distance = Mm(15), Mm(25)

    def setup_normal_style(self) -> None:
        normal = self.doc.styles["Normal"]
        set_fonts(normal.element.get_or_add_rPr(), self.fonts["body"])
        normal.font.size = Pt(BODY_PT)

    def set_core_properties(self) -> None:
        props = self.doc.core_properties
        props.author = props.last_modified_by = AUTHOR
        props.created = props.modified = self.options.created
        props.comments = ""
        props.revision = 1

    def page_header(self, paragraph) -> None:
        paragraph.style = self.doc.styles["Normal"]
        set_paragraph(paragraph, WD_ALIGN_PARAGRAPH.CENTER, False, None)
        style_run(paragraph.add_run(self.options.header), self.fonts["body"], 10.5)

    def page_number_footer(self, paragraph) -> None:
        paragraph.style = self.doc.styles["Normal"]
        set_paragraph(paragraph, WD_ALIGN_PARAGRAPH.CENTER, False, None)
        style_run(paragraph.add_run("- "), "宋体", PAGE_NUMBER_PT)
        add_page_field(paragraph, "宋体", PAGE_NUMBER_PT)
        style_run(paragraph.add_run(" -"), "宋体", PAGE_NUMBER_PT)

    def add_heading_numbering(self) -> int:
        numbering = self.doc.part.numbering_part.element
        abstract_id = 1 + max(int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum")))
        num_id = 1 + max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num")))
        abstract = ABSTRACT_NUM.format(
            ns=nsdecls("w"), id=abstract_id, hei=self.fonts["hei"], kai=self.fonts["kai"], size=2 * BODY_PT
        )
        numbering.find(qn("w:num")).addprevious(parse_xml(abstract))
        num = f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        numbering.append(parse_xml(num))
        return num_id

    def add_footnotes_part(self) -> None:
        """python-docx has no footnote API: write word/footnotes.xml and relate it to the document."""
        blob = footnotes_xml(self.source.notes, self.fonts["body"])
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)
        footnote_pr = f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        self.doc.settings.element.find(qn("w:compat")).addprevious(parse_xml(footnote_pr))

    # ---- text

    def add_text(self, paragraph, text: str, font: str, size: float = BODY_PT, bold: bool = False) -> None:
        for piece in INLINE.split(text):
            if piece == "\\n":
                paragraph.add_run().add_break()
            elif piece.startswith("[^"):
                add_footnote_reference(paragraph, piece[2:-1], self.fonts["body"])
            elif piece:
                style_run(paragraph.add_run(piece), font, size, bold)

    def body_paragraph(self, indented: bool = True):
        """A justified paragraph; returns it and the typed indent its text must start with."""
        paragraph = self.doc.add_paragraph()
        by_chars = indented and self.options.indent == "chars"
        set_paragraph(paragraph, WD_ALIGN_PARAGRAPH.JUSTIFY, by_chars)
        typed = IDEOGRAPHIC_INDENT if indented and self.options.indent == "ideographic" else ""
        return paragraph, typed

    def centred(self, text: str, font: str, size: float, bold: bool):
        paragraph = self.doc.add_paragraph()
        set_paragraph(paragraph, WD_ALIGN_PARAGRAPH.CENTER, False)
        self.add_text(paragraph, text, font, size, bold)
        return paragraph

    # ---- one method per marker (the title comes from the header)

    def title(self) -> None:
        if self.options.title_style == "gbt":
            font, size, bold = self.fonts["title"], 22, self.fonts["title_bold"]
        else:
            font, size, bold = self.fonts["body"], 18, True
        paragraph = self.centred(self.options.title, font, size, bold)
        paragraph.paragraph_format.space_after = Pt(LINE_PT)

    def heading(self, block: Block, level: int | None) -> None:
        """H1/H2/H3; level is the Word numbering level when numbering is "word" (None: always typed)."""
        font_key, bold = HEADING_FONTS[block.kind]
        text = block.text
        numbered = self.num_id is not None and level is not None
        paragraph, typed = self.body_paragraph(indented=not numbered)
        if numbered:
            text = LABEL.sub("", text, count=1)
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = level
            num_pr.get_or_add_numId().val = self.num_id
        self.add_text(paragraph, typed + text, self.fonts[font_key], bold=bold)
        if block.tail:
            self.add_text(paragraph, block.tail, self.fonts["body"])

    def paragraph(self, block: Block) -> None:
        paragraph, typed = self.body_paragraph()
        self.add_text(paragraph, typed + block.text, self.fonts["body"])

    def flush_left(self, block: Block) -> None:
        paragraph, _ = self.body_paragraph(indented=False)
        self.add_text(paragraph, block.text, self.fonts["body"])

    def centred_line(self, block: Block) -> None:
        self.centred(block.text, self.fonts["kai"], BODY_PT, False)

    def blank(self, block: Block) -> None:
        set_paragraph(self.doc.add_paragraph(), WD_ALIGN_PARAGRAPH.JUSTIFY, False)

    def signature(self, block: Block) -> None:
        for index, line in enumerate(block.lines):
            paragraph = self.doc.add_paragraph()
            set_paragraph(paragraph, WD_ALIGN_PARAGRAPH.RIGHT, False)
            paragraph.paragraph_format.right_indent = Pt(2 * BODY_PT)
            if index == 0:
                paragraph.paragraph_format.space_before = Pt(LINE_PT)  # 正文下空一行
            self.add_text(paragraph, line, self.fonts["body"])

    def table(self, block: Block) -> None:
        caption = self.centred(block.text, self.fonts["hei"], BODY_PT, False)
        caption.paragraph_format.space_before = Pt(LINE_PT / 2)
        rows = block.lines
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                if value not in ("<", "^"):
                    self.cell_text(table.cell(r, c), value, bold=r < block.header_rows)
        self.fit_columns(table, rows)
        merge_cells(table, rows)

    def cell_text(self, cell, text: str, bold: bool) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        set_paragraph(paragraph, WD_ALIGN_PARAGRAPH.CENTER, False, None)
        self.add_text(paragraph, text, self.fonts["body"], TABLE_PT, bold)

    def fit_columns(self, table, rows: list) -> None:
        section = self.doc.sections[0]
        available = section.page_width - section.left_margin - section.right_margin
        for column, width in zip(table.columns, column_widths(rows, available)):
            column.width = width
            for cell in column.cells:
                cell.width = width


def column_widths(rows: list, available: int) -> list:
    """Each column as wide as its longest cell on one line; if they do not fit, the widest column gives way."""
    twips = [
        int(max(text_width(row[c]) for row in rows if row[c] not in ("<", "^")) * TABLE_PT * 20) + CELL_PADDING
        for c in range(len(rows[0]))
    ]
    spare = Emu(available).twips - sum(twips)
    if spare < 0:
        twips[twips.index(max(twips))] += spare
    else:
        twips = [width + spare // len(twips) for width in twips]
    return [Twips(width) for width in twips]


def footnotes_xml(notes: dict, font: str) -> bytes:
    rfonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    size = f'<w:sz w:val="{2 * NOTE_PT}"/>'
    body = "".join(FOOTNOTE.format(id=key, rfonts=rfonts, size=size, text=escape(text)) for key, text in notes.items())
    xml = f'<w:footnotes {nsdecls("w")}>{FOOTNOTE_SEPARATORS}{body}</w:footnotes>'
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml).encode("utf-8")


def text_width(text: str) -> float:
    """Width in full-width characters: Latin letters and digits count half."""
    return sum(0.5 if ord(char) < 0x2E80 else 1 for char in text)


def merge_cells(table, rows: list) -> None:
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value == "<":
                table.cell(r, c - 1).merge(table.cell(r, c))
            elif value == "^":
                table.cell(r - 1, c).merge(table.cell(r, c))


# ---------------------------------------------------------------- saving and the summary


def save_reproducibly(document, path: Path) -> None:
    """Save with fixed zip timestamps so that an unchanged source gives an identical file."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as packed, zipfile.ZipFile(path, "w") as target:
        for item in packed.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            target.writestr(info, packed.read(item.filename), compress_type=zipfile.ZIP_DEFLATED)


def heading_labels(source: Source) -> list:
    return [LABEL.match(b.text).group(0) for b in source.blocks if b.kind in HEADING_FONTS]


def block_texts(block: Block) -> list:
    cells = [cell for row in block.lines for cell in row] if block.kind == "TABLE" else block.lines
    return [block.text, block.tail, *cells]


def chinese_characters(source: Source) -> int:
    texts = [source.options.title, *source.notes.values()]
    texts += [text for block in source.blocks for text in block_texts(block)]
    return sum(len(CJK.findall(text)) for text in texts)


def main() -> None:
    out_dir = HERE / "reports"
    out_dir.mkdir(exist_ok=True)
    for path in sorted((HERE / "sources").glob("*.txt")):
        source = read_source(path)
        target = out_dir / f"{path.stem}.docx"
        save_reproducibly(ReportBuilder(source).build(), target)
        reopened = docx.Document(target)
        how = "Word numbering for 一、/（一）" if source.options.numbering == "word" else "typed"
        print(f"{target.name}: {len(reopened.paragraphs)} paragraphs, {len(reopened.tables)} table(s), "
              f"{chinese_characters(source)} 汉字")
        print(f"    headings ({how}): {' '.join(heading_labels(source))}")


if __name__ == "__main__":
    main()
