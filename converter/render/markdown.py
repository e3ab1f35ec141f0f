"""Document model → Markdown for Python-Markdown (footnotes, tables, attr_list). The only module that
imports `markdownify`, and only once a table needs it (importing it and bs4 costs ~60 ms).

Every character of the report is written so that it renders as itself: `<`, `>`, `&` as entities
(Python-Markdown does not honour `\\<`), Markdown's own characters with a backslash where they could
start syntax. Paragraphs are one line each, never wrapped.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote

from converter.model import Cell, Heading, Paragraph, Report, Run, Table, safe_href
from converter.structure.anchors import heading_ids
from converter.structure.runs import merge_runs

ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
INLINE = re.compile(r"([\\`*_{}\[\]])")
ANYWHERE = re.compile(r"([\\`*_{}\[\]#|])")
# what a line may not start with: ATX heading, list item or rule (-, +), ordered list, fence,
# admonition/details
LINE_START = re.compile(r"^(?:#|[-+]|\d{1,9}(?=[.)](?:[ \t]|$))|~~~|!!!|\?\?\?)")
URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


def escape(text: str) -> str:
    """Text that renders literally anywhere inside a line (headings and table cells included)."""
    return ANYWHERE.sub(r"\\\1", text.translate(ENTITIES)).replace("\n", " ").replace("\t", " ")


def render_markdown(report: Report, image_dir: str | None = None) -> str:
    """`image_dir`: the folder (relative to the page) holding `report.images`; None leaves pictures out."""
    notes = _NoteNumbers()
    inline = _Inline(notes, image_dir, {image.name: image.alt for image in report.images})
    parts = [f"# {escape(report.title)}"] if report.title else []
    ids = iter(heading_ids([b for b in report.blocks if isinstance(b, Heading)]))
    for block in report.blocks:
        if isinstance(block, Heading):
            refs = "".join(notes.ref(note) for note in block.notes)
            parts.append(f"{'#' * min(block.level + 1, 6)} {escape(block.text)}{refs} {{#{next(ids)}}}")
        elif isinstance(block, Paragraph):
            line = inline.line(block.runs)
            if line:
                parts.append(_paragraph(line, block.role))
        elif isinstance(block, Table):
            parts.extend(_table(block, inline))
    parts.extend(_note_definitions(report, notes, inline))
    return "\n\n".join(parts) + "\n"


CLOSING_ROLES = ("signature", "date")
CLOSING_CLASS = "{: .archive-closing }"  # the site sets the issuer and date right-aligned, as on paper


def _paragraph(line: str, role: str) -> str:
    if role == "bullet":
        return "- " + line
    if role in CLOSING_ROLES:
        return f"{line}\n{CLOSING_CLASS}"
    return line


class _NoteNumbers:
    """Footnote numbers in order of first reference."""

    def __init__(self):
        self.numbers: dict[str, int] = {}

    def ref(self, note_id: str) -> str:
        return f"[^{self.number(note_id)}]"

    def link(self, note_id: str) -> str:
        """For raw HTML (table cells), where Python-Markdown does not read `[^n]`: a link to the note."""
        number = self.number(note_id)
        return f'<sup><a href="#fn:{number}">{number}</a></sup>'

    def number(self, note_id: str) -> int:
        return self.numbers.setdefault(note_id, len(self.numbers) + 1)


class _Inline:
    def __init__(self, notes: _NoteNumbers, image_dir: str | None, alts: dict[str, str]):
        self.notes, self.image_dir, self.alts = notes, image_dir, alts

    def line(self, runs: tuple[Run, ...]) -> str:
        text = "".join(self.run(run) for run in merge_runs(runs)).strip()
        return LINE_START.sub(_escape_line_start, text)

    def run(self, run: Run) -> str:
        if run.note:
            return self.notes.ref(run.note)
        if run.image:
            return self.image(run.image)
        text = INLINE.sub(r"\\\1", run.text.replace("\t", " ").translate(ENTITIES))
        if run.superscript or run.subscript:
            tag = "sup" if run.superscript else "sub"
            text = f"<{tag}>{text}</{tag}>"
        if run.bold and text.strip():
            core = text.strip()
            start = text.index(core[0])
            text = f"{text[:start]}**{core}**{text[start + len(core):]}"
        href = safe_url(run.href)
        return f"[{text}]({href})" if href and text.strip() else text

    def image(self, name: str) -> str:
        if self.image_dir is None:
            return ""
        return f"![{escape(self.alts.get(name, ''))}]({image_url(self.image_dir, name)})"


def _escape_line_start(match: re.Match) -> str:
    found = match.group(0)
    if found[0].isdigit():
        return found + "\\"  # "1. " → "1\. " (the next character is the . or ))
    if found[0] in "~?":
        return f"&#{ord(found[0])};" + found[1:]
    return "\\" + found


def safe_url(url: str | None) -> str | None:
    """The reader's link rule again (a page may be built from a model made elsewhere), then quoted."""
    href = safe_href(url)
    return quote(href, safe=URL_SAFE) if href else None


def image_url(image_dir: str, name: str) -> str:
    folder = quote(image_dir.strip("/"), safe="/")
    return f"{folder}/{quote(name)}" if folder else quote(name)


def _note_definitions(report: Report, notes: _NoteNumbers, inline: _Inline) -> list[str]:
    by_id = {note.id: note for note in report.notes}
    definitions = []
    for note_id, number in list(notes.numbers.items()):
        note = by_id.get(note_id)
        lines = [inline.line(p.runs) for p in note.paragraphs] if note else []
        lines = [line for line in lines if line] or [""]
        body = "\n\n".join([lines[0]] + ["    " + line for line in lines[1:]])
        definitions.append(f"[^{number}]: {body}".rstrip())
    return definitions


# --- tables: a GFM pipe table (through markdownify) when no cell is merged, else an HTML <table> with
# colspan/rowspan that Python-Markdown passes through. Cell text is escaped either way.


def _table(table: Table, inline: _Inline) -> list[str]:
    parts = [inline.line((Run(text=table.caption),))] if table.caption else []
    if any(table.rows):
        markup = _table_html(table, inline)
        parts.append(markup if table.has_spans else _markdownify().convert(markup).strip())
    return parts


def _table_html(table: Table, inline: _Inline) -> str:
    """One line per row and no blank line inside, so Python-Markdown keeps the block as raw HTML.
    The first row is the header (with the rows its cells span), as in Chinese statistical tables."""
    header_rows = max((cell.rowspan for cell in table.rows[0]), default=1)
    lines = ["<table>"]
    for index, row in enumerate(table.rows):
        tag = "th" if index < header_rows else "td"
        cells = "".join(f"<{tag}{_spans(cell)}>{_cell_html(cell, inline)}</{tag}>" for cell in row)
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _spans(cell: Cell) -> str:
    spans = f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    return spans + (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")


def _cell_html(cell: Cell, inline: _Inline) -> str:
    paragraphs = [h for h in (_runs_html(p.runs, inline) for p in cell.paragraphs) if h]
    if len(paragraphs) == 1:
        return paragraphs[0]
    return "".join(f"<p>{h}</p>" for h in paragraphs)


def _runs_html(runs: tuple[Run, ...], inline: _Inline) -> str:
    out = []
    for run in merge_runs(runs):
        if run.note:
            out.append(inline.notes.link(run.note))
        elif run.image and inline.image_dir is not None:
            src, alt = image_url(inline.image_dir, run.image), inline.alts.get(run.image, "")
            out.append(f'<img src="{html.escape(src)}" alt="{html.escape(alt)}">')
        elif run.text:
            text = html.escape(run.text.replace("\t", " "), quote=False)
            if run.superscript or run.subscript:
                tag = "sup" if run.superscript else "sub"
                text = f"<{tag}>{text}</{tag}>"
            if run.bold and text.strip():
                text = f"<strong>{text}</strong>"
            href = safe_url(run.href)
            out.append(f'<a href="{html.escape(href)}">{text}</a>' if href else text)
    return "".join(out).strip()


_CONVERTER = None


def _markdownify():
    """markdownify for pipe tables: ATX headings, and text escaped by `escape` rather than its own."""
    global _CONVERTER
    if _CONVERTER is None:
        from markdownify import MarkdownConverter

        class Converter(MarkdownConverter):
            class Options(MarkdownConverter.DefaultOptions):
                heading_style = "ATX"
                sup_symbol = "<sup>"
                sub_symbol = "<sub>"

            def escape(self, text, parent_tags):
                return escape(text) if text else ""

            def convert_img(self, el, text, parent_tags):
                return f"![{escape(el.attrs.get('alt') or '')}]({el.attrs.get('src') or ''})"

        _CONVERTER = Converter()
    return _CONVERTER
