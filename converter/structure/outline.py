"""Find the structure of a report: its title and its headings, from the signals 公文 files really have.

Signals, most trusted first: Title/Heading styles and any style whose chain carries an outline level;
the paragraph's own outline level; Word numbering rendered to its label; a typed label (一、 （一） 1.
（1）) at the start of a paragraph; and, for unlabelled lines only, formatting (bold, centred, a heading
font) on a short line that does not end like a sentence. Levels: the title is the page's one `#`; the
first outline level is 1 (`##`), the next 2, and so on. The rules live in data/headings.yml.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from converter.data.heading_rules import HeadingRules, heading_rules
from converter.model import Heading, Notice, Paragraph, Report, Run, SourceDocument, Table
from converter.structure.clean_lines import Line, clean_blocks, prevailing
from converter.structure.runs import SPACE, join_breaks, split_runs, strip_runs, text_of
from converter.structure.title import find_title

FRONT_MATTER_END = 50  # the first paragraph this long ends the title block (subtitle, speaker, 来源)
ENCLOSURES_MAX = 12  # lines looked back from a numbered line to the "附件：" that lists enclosures
ENCLOSURE_LABELS = ("arabic", "paren-arabic")


@dataclass(frozen=True)
class Part:
    """One body block classified: a table, a paragraph, or a heading (whole, or cut at `cut`)."""

    block: Line | Table
    level: float | None = None  # raw level before ranking; None: not a heading
    kind: str | None = None  # label kind, "plain", or None for style/outline headings
    cut: tuple[int, int] | None = None  # (heading end, rest start) for a run-in heading


def build_report(source: SourceDocument) -> Report:
    rules = heading_rules()
    lines = list(clean_blocks(source.blocks, rules))
    title, taken = find_title(lines, rules)
    body = [b for i, b in enumerate(lines) if i not in taken]
    parts = rank_levels(classify(body, rules), rules)
    blocks = closing_roles(attach_captions(list(emit(parts)), rules), rules)
    warnings = source.warnings
    if not title and not source.properties.title:
        warnings += (Notice("no-title", "未能识别报告标题，请检查第一行是否是标题"),)
    return Report(title=title or source.properties.title, blocks=tuple(blocks), notes=source.notes,
                  images=source.images, properties=source.properties, warnings=warnings,
                  title_from_properties=not title and bool(source.properties.title), header=source.header,
                  ocr_pages=source.ocr_pages)


# --- headings ------------------------------------------------------------------------------------------


def classify(body: list, rules: HeadingRules) -> list[Part]:
    parts, front_matter = [], True
    body_font = prevailing(body, "font")
    for index, block in enumerate(body):
        if isinstance(block, Table):
            parts.append(Part(block))
            continue
        unlabelled_ok = not front_matter and _set_apart(body, index, rules)
        parts.append(_classify_line(block, rules, body_font, unlabelled_ok, _enclosure(body, index, rules)))
        front_matter = front_matter and len(block.text) < FRONT_MATTER_END
    return parts


def _set_apart(body: list, index: int, rules: HeadingRules) -> bool:
    """Whether an unlabelled line stands where a heading can: not the name of the table below it, the
    caption of the picture above it, or the signature above the closing date."""
    before = body[index - 1] if index else None
    after = body[index + 1] if index + 1 < len(body) else None
    if isinstance(after, Table) or (isinstance(after, Line) and rules.date_line.match(after.text)):
        return False
    return not (isinstance(before, Line) and not before.text and any(r.image for r in before.runs))


def _enclosure(body: list, index: int, rules: HeadingRules) -> bool:
    """Whether a numbered line belongs to the list of enclosures that "附件：1.…" opens."""
    for earlier in range(index, max(-1, index - ENCLOSURES_MAX), -1):
        block = body[earlier]
        if isinstance(block, Table) or len(block.text) > rules.standalone_max:
            return False
        if rules.attachment_list.match(block.text):
            return True
        label = rules.label(block.text)
        if not label or label[0] not in ENCLOSURE_LABELS:
            return False
    return False


def _classify_line(line: Line, rules: HeadingRules, body_font: str | None, unlabelled_ok: bool, enclosure: bool) -> Part:
    source = line.source
    if source.origin != "body" or line.role != "body":
        return Part(line)
    raw = text_of(line.runs)
    label = rules.label(raw)
    explicit = source.style_level or source.outline_level or (1 if source.style_level == 0 else None)
    if explicit:
        cut = _run_in_cut(raw, label[1] if label else 0, rules) if len(line.text) > rules.long_heading_max else None
        return Part(line, level=explicit, kind=label[0] if label else None, cut=cut)
    if label:
        return Part(line) if enclosure else _labelled(line, raw, label, rules)
    if unlabelled_ok and (_plain_heading(line, rules, body_font) or rules.back_matter.match(line.text)):
        return Part(line, level=0, kind="plain")
    return Part(line)


def _labelled(line: Line, raw: str, label: tuple[str, int], rules: HeadingRules) -> Part:
    kind, start = label
    text = line.text
    if len(text) <= rules.standalone_max and not rules.sentence_ends.search(text[:-1]):
        return Part(line, level=-1, kind=kind)
    cut = _run_in_cut(raw, start, rules)
    if cut and _starts_list(raw[cut[1]:], kind, rules):
        return Part(line)
    if cut:
        return Part(line, level=-1, kind=kind, cut=cut)
    if len(text) <= rules.long_heading_max and not rules.sentence_ends.search(text):
        return Part(line, level=-1, kind=kind)
    return Part(line)


def _run_in_cut(raw: str, start: int, rules: HeadingRules) -> tuple[int, int] | None:
    """Where a heading that runs into its paragraph ends: a manual line break right after it, or the
    first 。/： within reach, unless the head reads like a list ("1.xxx；2.xxx。")."""
    brk = raw.find("\n", start)
    end = rules.run_in_ends.search(raw, start)
    if brk > start and brk - start <= rules.run_in_max and (end is None or brk < end.start()) \
            and not rules.sentence_ends.search(raw, start, brk):
        return brk, brk + 1
    if end is None or end.start() == start or end.start() - start > rules.run_in_max:
        return None
    if rules.run_in_forbidden.search(raw, start, end.start()):
        return None
    return end.start(), end.end()


def _starts_list(rest: str, kind: str, rules: HeadingRules) -> bool:
    """"1.完善制度。2.强化监督。" is a list of items in one paragraph: what follows the head opens with
    the next label of the same kind."""
    label = rules.label(rest.lstrip(SPACE))
    return bool(label) and label[0] == kind


def _plain_heading(line: Line, rules: HeadingRules, body_font: str | None) -> bool:
    """An unlabelled line is a heading only when short, not sentence-like, and set apart by its look:
    bold, centred, or a heading font that is not the body's."""
    text = line.text
    if len(text) > rules.plain_heading_max or rules.not_headings.search(text) \
            or rules.plain_heading_forbidden.search(text) or rules.date_line.match(text) \
            or rules.caption.match(text):
        return False
    runs = [r for r in line.runs if r.text.strip()]
    if not runs or line.source.align == "right":
        return False
    bold = all(r.bold for r in runs)
    font = all(r.font and r.font != body_font and any(f in r.font for f in rules.heading_fonts) for r in runs)
    return bold or font or line.source.align == "center"


def rank_levels(parts: list[Part], rules: HeadingRules) -> list[Part]:
    """Raw levels → 1, 2, 3 …: style levels as they are; label kinds used by styled headings take
    that style's level, other kinds follow below in GB/T 9704 order. Unlabelled formatted lines and
    back matter (附件, 名词解释) share the first level: putting them above would shift every labelled
    heading down a level. Where styles mark headings, styles alone are trusted."""
    explicit = [p for p in parts if p.level is not None and p.level > 0]
    kind_level = {}
    for part in explicit:
        if part.kind and part.kind not in kind_level:
            kind_level[part.kind] = part.level
    deepest = max((p.level for p in explicit), default=0)
    typed = [k for k in rules.kind_order if any(p.kind == k and p.level == -1 for p in parts)]
    for rank, kind in enumerate((k for k in typed if k not in kind_level), start=1):
        kind_level[kind] = deepest + rank
    resolved = []
    for part in parts:
        if part.level == -1:
            part = replace(part, level=kind_level[part.kind])
        elif part.level == 0:
            part = replace(part, level=None, kind=None) if explicit else replace(part, level=1)
        resolved.append(part)
    ranks = {lvl: i for i, lvl in enumerate(sorted({p.level for p in resolved if p.level is not None}), 1)}
    return [replace(p, level=ranks[p.level]) if p.level is not None else p for p in resolved]


# --- output --------------------------------------------------------------------------------------------


def emit(parts: list[Part]):
    for part in parts:
        block = part.block
        if isinstance(block, Table):
            yield block
        elif part.level is None:
            yield Paragraph(runs=block.joined, role=block.role)
        elif part.cut is None:
            yield _heading(part.level, block.joined)
        else:
            head, _ = split_runs(block.runs, part.cut[0])
            _, rest = split_runs(block.runs, part.cut[1])
            yield _heading(part.level, join_breaks(head))
            rest = strip_runs(join_breaks(rest))
            if rest:
                yield Paragraph(runs=rest)


def _heading(level: int, runs: tuple[Run, ...]) -> Heading:
    text = text_of(runs).replace("\t", " ").strip()
    return Heading(level=level, text=text, notes=tuple(r.note for r in runs if r.note))


def attach_captions(blocks: list, rules: HeadingRules) -> list:
    """A "表1 …" line right before (or else right after) a table becomes its caption."""
    for index in range(len(blocks)):
        table = blocks[index]
        if not isinstance(table, Table) or table.caption:
            continue
        for neighbour in (index - 1, index + 1):
            block = blocks[neighbour] if 0 <= neighbour < len(blocks) else None
            if _is_caption(block, rules):
                blocks[index] = replace(table, caption=block.text.strip())
                blocks[neighbour] = None
                break
    return [b for b in blocks if b is not None]


def _is_caption(block, rules: HeadingRules) -> bool:
    return isinstance(block, Paragraph) and len(block.text) <= rules.caption_max \
        and bool(rules.caption.match(block.text.strip()))


def closing_roles(blocks: list, rules: HeadingRules) -> list:
    """The date line and the signature above it, among the last paragraphs."""
    tail = [i for i in range(len(blocks) - 1, max(-1, len(blocks) - 5), -1) if isinstance(blocks[i], Paragraph)]
    date = next((i for i in tail if rules.date_line.match(blocks[i].text.strip())), None)
    if date is None:
        return blocks
    blocks[date] = replace(blocks[date], role="date")
    above = date - 1
    if above >= 0 and isinstance(blocks[above], Paragraph):
        text = blocks[above].text.strip()
        if len(text) <= rules.signature_max and not rules.sentence_ends.search(text) and "，" not in text:
            blocks[above] = replace(blocks[above], role="signature")
    return blocks
