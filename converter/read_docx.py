"""python-docx → document model. The only module that imports `docx`."""
from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from .errors import ArchiveError
from .model import Cell, DocProperties, Run, SourceDocument, SourceParagraph, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
FALSE_VALUES = {"0", "false", "off", "none"}


def read_docx(path: Path) -> SourceDocument:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise ArchiveError("unreadable-docx", "无法读取文件内容（Word 文档结构有误）",
                           "请用 Word 或 WPS 打开后另存为 .docx 再导入") from error
    styles = _style_levels(document)
    blocks = []
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            blocks.append(_paragraph(child, styles))
        elif child.tag == W + "tbl":
            blocks.append(_table(child, styles))
    return SourceDocument(blocks=tuple(blocks), properties=_properties(document))


def _style_levels(document) -> dict[str, tuple[str, int | None]]:
    """style id → (style name, heading level: 0 for Title, n for Heading n)."""
    levels = {}
    for style in document.styles:
        name = style.name or ""
        level = None
        if name.lower() == "title":
            level = 0
        elif match := HEADING_STYLE.match(name):
            level = int(match.group(1))
        levels[style.style_id] = (name, level)
    return levels


def _paragraph(p, styles) -> SourceParagraph:
    ppr = p.find(W + "pPr")
    style_id = _val(ppr, "pStyle") if ppr is not None else None
    name, level = styles.get(style_id or "", ("Normal", None))
    outline = _val(ppr, "outlineLvl") if ppr is not None else None
    return SourceParagraph(
        runs=tuple(_runs(p)),
        style=name,
        style_level=level,
        outline_level=int(outline) + 1 if outline and outline.isdigit() and int(outline) < 9 else None,
        align=_val(ppr, "jc") if ppr is not None else None,
    )


def _runs(p):
    for r in p.iter(W + "r"):
        text = "".join(_run_text(child) for child in r)
        if text:
            yield Run(text=text, bold=_is_on(r, "b"), italic=_is_on(r, "i"))


def _run_text(child) -> str:
    if child.tag == W + "t":
        return child.text or ""
    if child.tag == W + "tab":
        return "\t"
    return ""


def _is_on(r, name: str) -> bool:
    rpr = r.find(W + "rPr")
    flag = rpr.find(W + name) if rpr is not None else None
    return flag is not None and (flag.get(W + "val") or "true").lower() not in FALSE_VALUES


def _val(parent, name: str) -> str | None:
    element = parent.find(W + name)
    return element.get(W + "val") if element is not None else None


def _table(tbl, styles) -> Table:
    rows = []
    for tr in tbl.iter(W + "tr"):
        cells = []
        for tc in tr.iter(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = _val(tcpr, "gridSpan") if tcpr is not None else None
            paragraphs = tuple(_paragraph(p, styles) for p in tc.iter(W + "p"))
            cells.append(Cell(paragraphs=paragraphs, colspan=int(span) if span and span.isdigit() else 1))
        rows.append(tuple(cells))
    return Table(rows=tuple(rows))


def _properties(document) -> DocProperties:
    core = document.core_properties
    return DocProperties(
        title=core.title or "",
        subject=core.subject or "",
        creator=core.author or "",
        keywords=core.keywords or "",
        created=core.created.isoformat() if core.created else "",
        modified=core.modified.isoformat() if core.modified else "",
    )
