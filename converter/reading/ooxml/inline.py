"""The inline content of a paragraph → `Run`s: text, tabs, line breaks, fields, hyperlinks, ruby,
note references, pictures; text boxes found on the way are read as blocks for later."""
from __future__ import annotations

from converter.model import Run, safe_href
from converter.reading.ooxml.context import Context
from converter.reading.ooxml.drawing import ALTERNATE, choose_branch, pictures, textboxes, unconvertible
from converter.reading.ooxml.fields import DROPPED, field_kind, hyperlink_target
from converter.reading.ooxml.styles import RunFormat, apply_rpr
from converter.reading.ooxml.xml import M, r, val, w

R, T, TAB, PTAB, BR, CR = w("r"), w("t"), w("tab"), w("ptab"), w("br"), w("cr")
HYPERLINK, FLD_SIMPLE, FLD_CHAR, INSTR = w("hyperlink"), w("fldSimple"), w("fldChar"), w("instrText")
SDT, SDT_CONTENT = w("sdt"), w("sdtContent")
RPR, RUBY, RUBY_BASE, SYM = w("rPr"), w("ruby"), w("rubyBase"), w("sym")
FOOTNOTE_REF, ENDNOTE_REF = w("footnoteReference"), w("endnoteReference")
DRAWING, PICT, OBJECT = w("drawing"), w("pict"), w("object")
NO_BREAK_HYPHEN = w("noBreakHyphen")
TRANSPARENT = frozenset({w("smartTag"), w("customXml"), w("ins"), w("moveTo"), w("dir"), w("bdo")})
MATH = frozenset({M + "oMath", M + "oMathPara"})


def paragraph_runs(p, ctx: Context, base: RunFormat) -> list[Run]:
    out: list[Run] = []
    _inline(p, ctx, base, None, out)
    return out


def sdt_content(sdt):
    """The content of a content control: what Word shows, placeholder text included."""
    return sdt.find(SDT_CONTENT)


def _inline(parent, ctx: Context, base: RunFormat, href, out: list[Run]) -> None:
    for child in parent:
        tag = child.tag
        if tag == R:
            _run(child, ctx, base, href, out)
        elif tag == HYPERLINK:
            _inline(child, ctx, base, _hyperlink(child, ctx) or href, out)
        elif tag == FLD_SIMPLE:
            instruction = child.get(w("instr")) or ""
            if field_kind(instruction) not in DROPPED:
                _inline(child, ctx, base, safe_href(hyperlink_target(instruction)) or href, out)
        elif tag in TRANSPARENT:
            _inline(child, ctx, base, href, out)
        elif tag == SDT:
            content = sdt_content(child)
            if content is not None:
                _inline(content, ctx, base, href, out)
        elif tag == ALTERNATE:
            branch = choose_branch(child)
            if branch is not None:
                _inline(branch, ctx, base, href, out)
        elif tag in MATH and ctx.fields.showing:
            out.append(Run(text="".join(t.text or "" for t in child.iter(M + "t"))))


def _hyperlink(element, ctx: Context) -> str | None:
    relationship = ctx.rels.get(element.get(r("id")) or "")
    if relationship is None or not relationship.external:
        return None
    return safe_href(relationship.target)


def _run(run, ctx: Context, base: RunFormat, href, out: list[Run]) -> None:
    fmt = base
    rpr = run.find(RPR)
    if rpr is not None:
        style = val(rpr, "rStyle")
        if style:
            fmt = ctx.styles.character(style, fmt)
        fmt = apply_rpr(fmt, rpr)
    buffer: list[str] = []
    _run_content(run, ctx, fmt, href, buffer, out)
    _flush(buffer, ctx, fmt, href, out)


def _run_content(parent, ctx: Context, fmt: RunFormat, href, buffer: list[str], out: list[Run]) -> None:
    for child in parent:
        tag = child.tag
        if tag == T:
            _text(child.text, ctx, fmt, buffer)
        elif tag in (TAB, PTAB):
            _text("\t", ctx, fmt, buffer)
        elif tag in (BR, CR):
            if child.get(w("type")) not in ("page", "column"):
                _text("\n", ctx, fmt, buffer)
        elif tag == FLD_CHAR:
            _flush(buffer, ctx, fmt, href, out)
            ctx.fields.char(child.get(w("fldCharType")))
        elif tag == INSTR:
            ctx.fields.instruction(child.text)
        elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
            _flush(buffer, ctx, fmt, href, out)
            kind = "footnote" if tag == FOOTNOTE_REF else "endnote"
            out.append(Run(note=f"{kind}-{child.get(w('id'))}"))
        elif tag in (DRAWING, PICT, OBJECT):
            _flush(buffer, ctx, fmt, href, out)
            _graphic(child, ctx, out)
        elif tag == ALTERNATE:
            branch = choose_branch(child)
            if branch is not None:
                _run_content(branch, ctx, fmt, href, buffer, out)
        elif tag == RUBY:
            _flush(buffer, ctx, fmt, href, out)
            ruby_base = child.find(RUBY_BASE)
            if ruby_base is not None:
                _inline(ruby_base, ctx, fmt, href, out)
        elif tag == SYM:
            _text(_symbol(child), ctx, fmt, buffer)
        elif tag == NO_BREAK_HYPHEN:
            _text("-", ctx, fmt, buffer)


def _text(text: str | None, ctx: Context, fmt: RunFormat, buffer: list[str]) -> None:
    if not text or not ctx.fields.showing:
        return
    if fmt.hidden:
        if text.strip():
            ctx.notices.add("hidden-text")
        return
    buffer.append(text.replace("\r", "\n") if "\r" in text else text)  # &#13; is a line break too


def _symbol(sym) -> str:
    code = sym.get(w("char")) or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return chr(value) if 0x20 <= value < 0xE000 else ""  # symbol-font glyphs (U+F0xx) mean nothing


def _flush(buffer: list[str], ctx: Context, fmt: RunFormat, href, out: list[Run]) -> None:
    if not buffer:
        return
    out.append(Run(text="".join(buffer), bold=fmt.bold, italic=fmt.italic,
                   superscript=fmt.vert == "superscript", subscript=fmt.vert == "subscript",
                   href=href or safe_href(ctx.fields.href), font=fmt.font, size=fmt.size))
    buffer.clear()


def _graphic(element, ctx: Context, out: list[Run]) -> None:
    for box in textboxes(element):
        ctx.defer(box)
    for relationship_id, alt in pictures(element):
        name = ctx.images.add(ctx.rels.get(relationship_id), alt) if relationship_id else None
        if name:
            out.append(Run(image=name))
    if unconvertible(element):
        ctx.notices.add("dropped-object")
