"""Tables where the PDF draws ruling lines: the lines → a grid → cells (a merged cell is a grid rectangle
no ruling line crosses, kept once with its spans) → the `Table` of the document model.

A frame round a single block of text (a text box, a boxed note) is not a table: a table has at least two
cells. Text without ruling lines is never guessed into a table.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from converter.model import Cell, SourceParagraph, Table
from converter.reading.pdf_lines import page_lines

SNAP = 2.0  # points: ruling lines this close are one line
TOUCH = 3.0  # points: lines this close to each other touch


@dataclass(frozen=True)
class Region:
    """A ruled table on a page: its outline and its grid lines (x of columns, y of rows, top-down)."""

    x0: float
    top: float
    x1: float
    bottom: float
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    segments: tuple

    def holds(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


def find_regions(segments) -> list[Region]:
    """The ruled tables among a page's ruling lines, top to bottom."""
    regions = []
    for group in _touching_groups(list(segments)):
        xs = _snap((s.x0 + s.x1) / 2 for s in group if not s.horizontal)
        ys = _snap((s.top + s.bottom) / 2 for s in group if s.horizontal)
        if len(xs) >= 2 and len(ys) >= 2 and (len(xs) > 2 or len(ys) > 2):
            regions.append(Region(xs[0], ys[0], xs[-1], ys[-1], tuple(xs), tuple(ys), tuple(group)))
    return sorted(regions, key=lambda r: r.top)


def _touching_groups(segments: list) -> list[list]:
    parent = list(range(len(segments)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(segments):
        for j in range(i + 1, len(segments)):
            if _touch(a, segments[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list] = {}
    for index, segment in enumerate(segments):
        groups.setdefault(root(index), []).append(segment)
    return list(groups.values())


def _touch(a, b) -> bool:
    return a.x0 - TOUCH <= b.x1 and b.x0 - TOUCH <= a.x1 and a.top - TOUCH <= b.bottom and b.top - TOUCH <= a.bottom


def _snap(values) -> list[float]:
    snapped: list[float] = []
    for value in sorted(values):
        if not snapped or value - snapped[-1] > SNAP:
            snapped.append(value)
    return snapped


def build_table(region: Region, cell_lines) -> Table:
    """The table of `region`; `cell_lines(x0, top, x1, bottom)` gives the paragraphs inside a box."""
    rows_count, cols_count = len(region.ys) - 1, len(region.xs) - 1
    taken = [[False] * cols_count for _ in range(rows_count)]
    rows = []
    for row in range(rows_count):
        cells = []
        for col in range(cols_count):
            if taken[row][col]:
                continue
            colspan = _extent(region, row, col, across=True)
            rowspan = _extent(region, row, col, across=False, width=colspan)
            for r in range(row, row + rowspan):
                for c in range(col, col + colspan):
                    taken[r][c] = True
            box = (region.xs[col], region.ys[row], region.xs[col + colspan], region.ys[row + rowspan])
            cells.append(Cell(paragraphs=tuple(cell_lines(*box)), colspan=colspan, rowspan=rowspan))
        rows.append(tuple(cells))
    return Table(rows=tuple(row for row in rows if row))


def _extent(region: Region, row: int, col: int, across: bool, width: int = 1) -> int:
    """How many grid cells a cell spans to the right (`across`) or down, until a ruling line separates them."""
    limit = len(region.xs) - 1 if across else len(region.ys) - 1
    start = col if across else row
    span = 1
    while start + span < limit:
        if across:
            mid = (region.ys[row] + region.ys[row + 1]) / 2
            if _ruled(region, vertical_at=region.xs[col + span], mid=mid):
                break
        else:
            mids = [(region.xs[c] + region.xs[c + 1]) / 2 for c in range(col, col + width)]
            if any(_ruled(region, horizontal_at=region.ys[row + span], mid=m) for m in mids):
                break
        span += 1
    return span


def _ruled(region: Region, mid: float, vertical_at: float | None = None, horizontal_at: float | None = None) -> bool:
    for s in region.segments:
        if vertical_at is not None and not s.horizontal and abs((s.x0 + s.x1) / 2 - vertical_at) <= SNAP \
                and s.top - SNAP <= mid <= s.bottom + SNAP:
            return True
        if horizontal_at is not None and s.horizontal and abs((s.top + s.bottom) / 2 - horizontal_at) <= SNAP \
                and s.x0 - SNAP <= mid <= s.x1 + SNAP:
            return True
    return False


def cell_reader(glyphs: list, page: int, page_height: float):
    """`read(x0, top, x1, bottom)`: the paragraph of the cell in that box, from the table's characters: its
    lines found by position (PDFium reads a table row across its cells), joined (the text wraps at the
    cell's width)."""
    def read(x0: float, top: float, x1: float, bottom: float) -> list[SourceParagraph]:
        inside = [g for g in glyphs if x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= (g.top + g.bottom) / 2 <= bottom]
        rows: list[list] = []
        for glyph in sorted(inside, key=_middle):
            if rows and abs(_middle(glyph) - _middle(rows[-1][0])) < max(glyph.size, 1.0) * 0.5:
                rows[-1].append(glyph)
            else:
                rows.append([glyph])
        # the cell's own lines: PDFium's line ends (read across the row of cells) do not count
        ordered = [sorted(row, key=lambda g: g.x0) for row in rows]
        ended = [[replace(g, line_end=g is row[-1]) for g in row] for row in ordered]
        lines = page_lines([glyph for row in ended for glyph in row], page, page_height)
        runs = tuple(run for line in lines for run in line.runs)
        return [paragraph_of(runs)] if runs else []
    return read


def _middle(glyph) -> float:
    """Fonts differ in ascent and descent (a Latin bracket beside a Chinese character): the middle of the
    box is the steadiest height to put characters in rows by."""
    return (glyph.top + glyph.bottom) / 2


def paragraph_of(runs) -> SourceParagraph:
    return SourceParagraph(runs=tuple(runs), origin="cell")


@dataclass(frozen=True)
class TablePart:
    """A ruled table on one page, not yet built: parts of a table that goes on over a page break are
    built together, on the columns of all of them."""

    region: Region
    read_cell: object  # cell_reader(...) of the page

    def build(self, xs: tuple[float, ...] | None = None) -> Table:
        return build_table(replace(self.region, xs=xs) if xs else self.region, self.read_cell)


def build_tables(blocks: list) -> list:
    """Blocks with each `TablePart` built into a `Table`. Parts next to each other (nothing but the page's
    furniture between them) with the same outer edges are one table: built on the union of their
    columns (a header cell merged on one page is then a span), a row the break cut in two (its continuation
    has an empty first cell) joined cell by cell."""
    out: list = []
    for block in blocks:
        last = out[-1] if out else None
        if isinstance(block, TablePart) and isinstance(last, list) and _same_edges(last[-1], block):
            last.append(block)
        else:
            out.append([block] if isinstance(block, TablePart) else block)
    return [_built(item) if isinstance(item, list) else item for item in out]


def _same_edges(a: TablePart, b: TablePart) -> bool:
    return abs(a.region.x0 - b.region.x0) <= 2 * SNAP and abs(a.region.x1 - b.region.x1) <= 2 * SNAP


def _built(parts: list[TablePart]) -> Table:
    xs = tuple(_snap(x for part in parts for x in part.region.xs))
    rows: tuple = ()
    for part in parts:
        table = part.build(xs)
        rows = _joined_rows(rows, table.rows) if rows and table.rows else rows + table.rows
    return Table(rows=rows)


def _joined_rows(above: tuple, below: tuple) -> tuple:
    first, last = below[0], above[-1]
    split = len(first) == len(last) and not first[0].text.strip() and all(c.rowspan == 1 for c in first + last)
    if not split:
        return above + below
    merged = tuple(Cell(paragraphs=_concatenated(a, b), colspan=a.colspan, rowspan=1) for a, b in zip(last, first))
    return above[:-1] + (merged,) + below[1:]


def _concatenated(a: Cell, b: Cell) -> tuple:
    if not a.paragraphs or not b.paragraphs:
        return a.paragraphs or b.paragraphs
    runs = a.paragraphs[-1].runs + b.paragraphs[0].runs
    return a.paragraphs[:-1] + (paragraph_of(runs),) + b.paragraphs[1:]
