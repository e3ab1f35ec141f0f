"""Small PDFs for tests: .docx files written with python-docx (tests/docx_factory.py) and saved as PDF by
LibreOffice in one run for the whole lot; scans made from them by rendering each page to a picture; and
hand-written PDF files for what no office program writes (a page tree that lies, nesting bombs).

Programs are found with `conftest.require`: a test skips only where the program is missing and CI is unset.
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import docx
from conftest import require
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from docx_factory import write_docx


def office_pdfs(folder: Path, documents: dict[str, list], furniture: set[str] = frozenset()) -> dict[str, Path]:
    """Each name's blocks (docx_factory blocks) as `name.pdf`, saved by one LibreOffice run; the names in
    `furniture` get a running header and a `— N —` page-number footer."""
    soffice = require("soffice", "libreoffice-writer-nogui")
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for name, blocks in documents.items():
        path = write_docx(folder / f"{name}.docx", blocks)
        if name in furniture:
            _add_furniture(path)
        sources.append(str(path))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(profile).as_uri()}",
                        "--convert-to", "pdf", "--outdir", str(folder), *sources],
                       check=True, capture_output=True, timeout=300)
    return {name: folder / f"{name}.pdf" for name in documents}


def _add_furniture(path: Path) -> None:
    document = docx.Document(str(path))
    section = document.sections[0]
    section.header.paragraphs[0].text = "明湖区科学技术局"
    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    footer.add_run("— ")
    field = footer.add_run()
    field._r.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer.add_run(" —")
    for run in footer.runs:
        run.font.size = Pt(14)
    document.save(str(path))


def merged_table(document) -> str:
    """WordprocessingML of a bordered table whose first header cell spans two columns and whose narrow
    last column wraps its header over two lines."""
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))

    def cell(text: str, span: int = 1) -> str:
        grid = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{grid}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    rows = [cell("指标", 2) + cell("完成率（%）"), cell("项目") + cell("单位") + cell("数量"),
            cell("专利授权") + cell("件") + cell("21")]
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{border}</w:tblBorders>'
            '</w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="2000"/><w:gridCol w:w="800"/></w:tblGrid>'
            + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>")


def scanned(pdf: Path, out: Path, dpi: int = 200) -> Path:
    """`pdf` as a scanner gives it: each page a picture (rendered at `dpi`), no text layer."""
    import pypdfium2 as pdfium

    source, made = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    for index in range(len(source)):
        page = source[index]
        width, height = page.get_size()
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        target = made.new_page(width, height)
        image = pdfium.PdfImage.new(made)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        target.insert_obj(image)
        target.gen_content()
    made.save(str(out))
    return out


def hand_pdf(path: Path, objects: list[str]) -> Path:
    """A PDF of the given objects (object 1 is the catalog), with a correct cross-reference table."""
    body, offsets = b"%PDF-1.7\n", []
    for number, text in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n{text}\nendobj\n".encode()
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(body)
    return path


def joined(first: Path, second: Path, out: Path) -> Path:
    """The pages of `first` followed by those of `second`."""
    import pypdfium2 as pdfium

    made = pdfium.PdfDocument(str(first))
    made.import_pages(pdfium.PdfDocument(str(second)))
    made.save(str(out))
    return out
