"""Find the structure of a report: its title and its headings, from the signals 公文 files really have."""
from __future__ import annotations

import re

from .model import Heading, Paragraph, Report, Run, SourceDocument, SourceParagraph, Table

# Typed labels at the start of a paragraph, in GB/T 9704 order. Levels are assigned by the order in
# which the kinds first appear in a document, so a report that starts at （一） gets （一） as `##`.
LABEL_KINDS = (
    ("han", re.compile(r"^[一二三四五六七八九十]{1,3}、")),
    ("paren-han", re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    ("arabic", re.compile(r"^\d{1,2}[.．、](?!\d)")),
    ("paren-arabic", re.compile(r"^[（(]\d{1,2}[）)]")),
)
RUN_IN_END = re.compile(r"[。：:]")
RUN_IN_MAX = 60
HEADING_MAX = 60
INDENT = " \t\u3000\xa0"


def build_report(source: SourceDocument) -> Report:
    paragraphs = [b for b in source.blocks if not (isinstance(b, SourceParagraph) and not b.text.strip())]
    title_index = _title_index(paragraphs)
    title = paragraphs[title_index].text.strip() if title_index is not None else source.properties.title
    kinds: list[str] = []
    blocks = []
    for index, block in enumerate(paragraphs):
        if index == title_index:
            continue
        if isinstance(block, Table):
            blocks.append(block)
            continue
        blocks.extend(_structure(block, kinds))
    return Report(title=title.strip(), blocks=tuple(blocks), properties=source.properties,
                  notes=source.notes, images=source.images, warnings=source.warnings)


def _title_index(blocks) -> int | None:
    for index, block in enumerate(blocks[:6]):
        if isinstance(block, SourceParagraph) and (block.style_level == 0 or block.align == "center"):
            return index
    return None


def _structure(p: SourceParagraph, kinds: list[str]):
    text = p.text.strip(INDENT)
    if p.style_level:
        yield Heading(level=p.style_level, text=text)
        return
    kind = _label_kind(text)
    if kind is None:
        yield Paragraph(runs=_strip_runs(p.runs))
        return
    if kind not in kinds:
        kinds.append(kind)
    level = kinds.index(kind) + 1
    if len(text) <= HEADING_MAX and not text.endswith("。"):
        yield Heading(level=level, text=text)
        return
    match = RUN_IN_END.search(text)
    if match and match.start() <= RUN_IN_MAX:
        yield Heading(level=level, text=text[: match.start()])
        rest = text[match.end():].strip(INDENT)
        if rest:
            yield Paragraph(runs=(Run(text=rest),))
        return
    yield Paragraph(runs=_strip_runs(p.runs))


def _label_kind(text: str) -> str | None:
    for kind, pattern in LABEL_KINDS:
        if pattern.match(text):
            return kind
    return None


def _strip_runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    if not runs:
        return runs
    first = runs[0]
    return (Run(text=first.text.lstrip(INDENT), bold=first.bold, italic=first.italic),) + runs[1:]
