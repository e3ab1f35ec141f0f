"""Document model → Markdown. The only module that imports `markdownify`."""
from __future__ import annotations

import html
import re

from markdownify import MarkdownConverter

from .anchors import heading_ids
from .model import Heading, Paragraph, Report, Run, Table

# Python-Markdown's backslash escapes; `<` and `&` are written as entities instead, because
# Python-Markdown does not honour `\<` and would pass raw HTML through.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
LINE_START_SPECIAL = re.compile(r"^(\s*)([-+*>#=]|\d+[.)])")


class _Converter(MarkdownConverter):
    class Options(MarkdownConverter.DefaultOptions):
        heading_style = "ATX"
        escape_misc = False


def render_markdown(report: Report) -> str:
    parts = [f"# {escape(report.title)}"]
    ids = iter(heading_ids([b for b in report.blocks if isinstance(b, Heading)]))
    for block in report.blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * min(block.level + 1, 6)} {escape(block.text)} {{#{next(ids)}}}")
        elif isinstance(block, Paragraph):
            text = "".join(_inline(r) for r in block.runs).strip()
            if text:
                parts.append(text)
        elif isinstance(block, Table):
            parts.append(_table(block))
    return "\n\n".join(parts) + "\n"


def escape(text: str) -> str:
    text = html.escape(text, quote=False)
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace("\n", "")


def _inline(run: Run) -> str:
    text = escape(run.text)
    if run.bold and text.strip():
        return f"**{text}**"
    return text


def _table(table: Table) -> str:
    rows = []
    for index, row in enumerate(table.rows):
        tag = "th" if index == 0 else "td"
        cells = "".join(
            f"<{tag}{_spans(c)}>{html.escape(c.text)}</{tag}>" for c in row
        )
        rows.append(f"<tr>{cells}</tr>")
    markup = "<table>" + "".join(rows) + "</table>"
    if table.has_spans:
        return markup
    return _Converter().convert(markup).strip()


def _spans(cell) -> str:
    spans = ""
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    return spans
