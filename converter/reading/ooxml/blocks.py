"""Block content (body, table cells, text boxes, notes) → `SourceParagraph`s and `Table`s, in order."""
from __future__ import annotations

from converter.model import Cell, SourceParagraph, Table
from converter.reading.ooxml.context import Context
from converter.reading.ooxml.drawing import ALTERNATE, choose_branch
from converter.reading.ooxml.inline import SDT, paragraph_runs, sdt_content
from converter.reading.ooxml.styles import numbering_of
from converter.reading.ooxml.xml import val, w

P, TBL, TR, TC = w("p"), w("tbl"), w("tr"), w("tc")
PPR, TCPR, TRPR = w("pPr"), w("tcPr"), w("trPr")
CONTAINERS = frozenset({w("customXml"), w("ins"), w("moveTo"), w("smartTag")})
ALT_CHUNK = w("altChunk")


def read_blocks(container, ctx: Context, origin: str = "body") -> list:
    blocks: list = []
    for child in container:
        tag = child.tag
        if tag == P:
            blocks.append(read_paragraph(child, ctx, origin))
            ctx.fields.end_paragraph()
            if ctx.pending:
                blocks.extend(ctx.take_pending())
        elif tag == TBL:
            blocks.append(read_table(child, ctx))
        elif tag == ALT_CHUNK:
            ctx.notices.add("dropped-chunk")
        else:
            inner = _inner(child)
            if inner is not None:
                blocks.extend(read_blocks(inner, ctx, origin))
    return blocks


def _inner(element):
    """The element whose children continue the surrounding content (content controls, custom XML,
    tracked insertions, alternate content), or None."""
    tag = element.tag
    if tag == SDT:
        return sdt_content(element)
    if tag in CONTAINERS:
        return element
    if tag == ALTERNATE:
        return choose_branch(element)
    return None


def read_paragraph(p, ctx: Context, origin: str) -> SourceParagraph:
    ppr = p.find(PPR)
    style_id = val(ppr, "pStyle")
    style = ctx.styles.paragraph(style_id)
    if not style.defined:
        ctx.notices.add("unknown-style", style_id or "")
    numbering = numbering_of(ppr) or style.numbering
    label = ctx.numbering.label(*numbering) if numbering and numbering[0] != "0" else None
    outline = val(ppr, "outlineLvl")
    return SourceParagraph(
        runs=tuple(paragraph_runs(p, ctx, style.run)),
        style=style.name,
        style_level=style.level,
        outline_level=int(outline) + 1 if outline and outline.isdigit() and int(outline) < 9 else None,
        numbering=label,
        align=val(ppr, "jc") or style.align,
        origin=origin,
    )


class _CellDraft:
    __slots__ = ("paragraphs", "colspan", "rowspan")

    def __init__(self, paragraphs: tuple, colspan: int):
        self.paragraphs, self.colspan, self.rowspan = paragraphs, colspan, 1

    def freeze(self) -> Cell:
        return Cell(paragraphs=self.paragraphs, colspan=self.colspan, rowspan=self.rowspan)


def read_table(tbl, ctx: Context) -> Table:
    """Rows of cells with `gridSpan` as colspan and `vMerge` runs folded into the first cell's rowspan."""
    rows, merging = [], {}
    for tr in _children(tbl, TR):
        column = _int(val(tr.find(TRPR), "gridBefore"), 0)
        row = []
        for tc in _children(tr, TC):
            tcpr = tc.find(TCPR)
            span = max(1, _int(val(tcpr, "gridSpan"), 1))
            merge = _vertical_merge(tcpr)
            if merge == "continue" and column in merging:
                merging[column].rowspan += 1
            else:
                draft = _CellDraft(_cell_paragraphs(tc, ctx), span)
                row.append(draft)
                for covered in range(column, column + span):
                    merging.pop(covered, None)
                if merge:
                    merging[column] = draft
            column += span
        rows.append(row)
    return Table(rows=tuple(tuple(d.freeze() for d in row) for row in rows))


def _vertical_merge(tcpr) -> str | None:
    merge = tcpr.find(w("vMerge")) if tcpr is not None else None
    if merge is None:
        return None
    return "restart" if merge.get(w("val")) == "restart" else "continue"


def _cell_paragraphs(tc, ctx: Context) -> tuple[SourceParagraph, ...]:
    """A cell's paragraphs; a table nested in the cell gives its cells' paragraphs, in order."""
    found = []
    for block in read_blocks(tc, ctx, "cell"):
        if isinstance(block, Table):
            found.extend(p for row in block.rows for cell in row for p in cell.paragraphs)
        else:
            found.append(block)
    return tuple(found)


def _children(element, tag: str):
    for child in element:
        if child.tag == tag:
            yield child
        else:
            inner = _inner(child)
            if inner is not None:
                yield from _children(inner, tag)


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default
