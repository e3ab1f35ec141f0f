"""What Word's review tools would show and a reader of the published file should not get: tracked
changes not yet accepted or rejected, comments, and hidden or invisible text.

Hidden text counts when it is content: a letter, a digit or a Chinese character. A run of punctuation
made invisible (the white `——` around a footer's page number, a hidden `：`) hides nothing a reader
could miss, and does not stop a report."""
from __future__ import annotations

from lxml import etree

from converter.reading.ooxml.xml import W, flag, val
from converter.safety.findings import Finding, snippet
from converter.safety.locations import PART_KINDS, Located, paragraph_of

REVISIONS = tuple(W + tag for tag in (
    "ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart", "rPrChange", "pPrChange",
    "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange",
    "numberingChange", "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart", "customXmlDelRangeStart",
    "customXmlMoveFromRangeStart", "customXmlMoveToRangeStart"))
COMMENT_ANCHORS = (W + "commentReference", W + "commentRangeStart")
WHITE = {"ffffff", "white"}
PLAIN_BACKGROUND = {None, "", "auto", "ffffff", "white", "none"}
TINY_HALF_POINTS = 2  # 1 pt


def revision_findings(root: etree._Element, paragraphs: list[Located]) -> list[Finding]:
    found = list(root.iter(*REVISIONS))
    if not found:
        return []
    return [Finding("revisions", f"有未处理的修订（{len(found)} 处，第一处在{_where(found[0], root, paragraphs)}）")]


def comment_findings(roots: dict[str, etree._Element], located: dict[str, list[Located]]) -> list[Finding]:
    count = sum(len(root.findall(W + "comment")) for root in roots.values() if root.tag == W + "comments")
    anchors = [(name, a) for name, root in roots.items() if name in located for a in root.iter(*COMMENT_ANCHORS)]
    if not count and not anchors:
        return []
    where = _where(anchors[0][1], roots[anchors[0][0]], located[anchors[0][0]]) if anchors else "批注部件"
    return [Finding("comments", f"含批注（{count or len(anchors)} 条，第一条在{where}）")]


def hidden_findings(root: etree._Element, paragraphs: list[Located], hidden_styles: set[str]) -> list[Finding]:
    """`hidden_styles`: `hidden_style_ids` of the package's style parts, found once for all its parts."""
    background = root.find(W + "background")
    white_ok = background is None or _lower(background.get(W + "color")) in PLAIN_BACKGROUND
    findings = []
    for item in paragraphs:
        for run in item.paragraph.iter(W + "r"):
            text = "".join(t.text or "" for t in run.findall(W + "t")).strip()
            if _is_content(text) and paragraph_of(run) is item.paragraph:
                finding = _run_finding(run, item, text, hidden_styles, white_ok)
                if finding:
                    findings.append(finding)
                    break  # one finding per paragraph is enough to find it
    return findings


def _is_content(text: str) -> bool:
    return any(character.isalnum() for character in text)


def _run_finding(run, item: Located, text: str, hidden_styles: set[str], white_ok: bool) -> Finding | None:
    rpr = run.find(W + "rPr")
    if _is_hidden(run, rpr, item.paragraph, hidden_styles):
        code, what = "hidden-text", "隐藏文字"
    elif white_ok and _is_white_on_plain(run, rpr, item.paragraph):
        code, what = "invisible-text", "白色（看不见的）文字"
    elif _is_tiny(rpr):
        code, what = "invisible-text", "极小字号（不超过 1 磅）的文字"
    else:
        return None
    return Finding(code, f"含{what}“{snippet(text)}”（{item.where}）")


def _is_tiny(rpr) -> bool:
    value = val(rpr, "sz")
    return value is not None and value.isascii() and value.isdigit() and int(value) <= TINY_HALF_POINTS


def _is_hidden(run, rpr, paragraph, hidden_styles: set[str]) -> bool:
    for tag in ("vanish", "specVanish"):
        hidden = flag(rpr, tag)
        if hidden is not None:
            return hidden
    run_style = rpr.find(W + "rStyle") if rpr is not None else None
    ppr = paragraph.find(W + "pPr")
    para_style = ppr.find(W + "pStyle") if ppr is not None else None
    return any(s is not None and s.get(W + "val") in hidden_styles for s in (run_style, para_style))


def _is_white_on_plain(run, rpr, paragraph) -> bool:
    color = rpr.find(W + "color") if rpr is not None else None
    if color is None or _lower(color.get(W + "val")) not in WHITE:
        return False
    if next(run.iterancestors(W + "txbxContent", W + "pict", W + "drawing"), None) is not None:
        return False  # a shape's fill is unknown here
    if next(run.iterancestors(W + "tbl"), None) is not None:
        return False  # white on a shaded cell (table styles shade header rows) is ordinary
    highlight = rpr.find(W + "highlight")
    if highlight is not None and _lower(highlight.get(W + "val")) not in PLAIN_BACKGROUND:
        return False
    ppr = paragraph.find(W + "pPr")
    shadings = [s for s in (rpr.find(W + "shd"), ppr.find(W + "shd") if ppr is not None else None) if s is not None]
    return all(_lower(s.get(W + "fill")) in PLAIN_BACKGROUND for s in shadings)


def hidden_style_ids(roots: dict[str, etree._Element]) -> set[str]:
    """Style ids whose run properties hide text, including styles based on them."""
    based_on, hidden = {}, set()
    styles = [root for root in roots.values() if root.tag == W + "styles"]
    if all(next(root.iter(W + "vanish"), None) is None for root in styles):
        return hidden  # the usual case, found by libxml2 rather than a loop over hundreds of styles
    for root in styles:
        for style in root.findall(W + "style"):
            style_id = style.get(W + "styleId") or ""
            parent = style.find(W + "basedOn")
            based_on[style_id] = parent.get(W + "val") if parent is not None else None
            if flag(style.find(W + "rPr"), "vanish"):
                hidden.add(style_id)
    for style_id in based_on:
        seen, current = set(), style_id
        while current in based_on and current not in seen and current not in hidden:
            seen.add(current)
            current = based_on[current]
        if current in hidden:
            hidden.add(style_id)
    return hidden


def _where(element, root, paragraphs: list[Located]) -> str:
    p = paragraph_of(element)
    for item in paragraphs:
        if item.paragraph is p:
            return item.where + (f"：“{snippet(item.text)}”" if item.text.strip() else "")
    return PART_KINDS.get(root.tag, "文档")


def _lower(value: str | None) -> str | None:
    return value.lower() if value is not None else None
