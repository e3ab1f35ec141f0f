"""A Markdown extension for report pages: spend no time on inline syntax a text cannot contain.

- The converter escapes `[` and `<` in report text, so reference-style links (`[text][id]`, `[text]`)
  and autolinks (`<https://…>`, `<name@host>`) cannot occur; yet Python-Markdown tries those six
  patterns on every run of text. They are removed.
- Every remaining pattern needs one of a few characters (`` ` `` `\\` `[` `<` `&`, the emphasis
  delimiters `*` `_`, or two spaces before a line break), and most runs of a report's text hold none
  of them: such a run is left as it is instead of being searched by each pattern in turn (the same
  result: a pattern that finds nothing changes nothing). This holds only for the patterns listed in
  KNOWN; when another extension adds one, every run is searched as usual.

Together about 40% of the time a 1000-report build spends in Markdown. Links, images, emphasis, inline
HTML (`<sup>`), line breaks and footnotes are untouched.
Use it from mkdocs.yml: `markdown_extensions: [converter.site.lean_inline]`.
"""
from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

UNUSED = ("reference", "short_reference", "image_reference", "short_image_ref", "autolink", "automail")
# Inline patterns (Python-Markdown 3.x and its footnotes) and what each needs to match.
KNOWN = {"backtick": "`\\", "escape": "\\", "link": "[", "image_link": "[", "footnote": "[", "html": "<",
         "entity": "&", "linebreak": "  \n", "em_strong": "*_", "em_strong2": "*_", "not_strong": "*_"}


class LeanInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, skipping runs of text no registered pattern can match."""

    needed: re.Pattern | None = None  # None: every run is searched

    def run(self, tree, ancestors=None):
        self.needed = _needed(self.md)
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if self.needed is not None and not self.needed.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


def _needed(md) -> re.Pattern | None:
    """A search for what the registered patterns need, or None when a pattern is not one we know."""
    patterns = md.inlinePatterns
    known = [name for name in KNOWN if name in patterns]
    delimiters = list(getattr(getattr(md, "delimiters", None), "tokens", ()))  # emphasis (Python-Markdown 3.10)
    if len(known) != len(patterns) or any(len(token) != 1 for token in delimiters):
        return None
    chars = {c for name in known if name != "linebreak" for c in KNOWN[name]} | set(delimiters)
    linebreak = "|  \\n" if "linebreak" in known else ""
    return re.compile(f"[{re.escape(''.join(sorted(chars)))}]{linebreak}")


class LeanInlineExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        for name in UNUSED:
            md.inlinePatterns.deregister(name, strict=False)
        if hasattr(InlineProcessor, "_InlineProcessor__handleInline"):  # the method this relies on
            md.treeprocessors.register(LeanInlineProcessor(md), "inline", 20)


def makeExtension(**kwargs) -> LeanInlineExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return LeanInlineExtension(**kwargs)
