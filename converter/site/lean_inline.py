"""A Markdown extension for report pages: drop the inline syntaxes a converted report never contains.

The converter escapes `[` and `<` in report text, so reference-style links (`[text][id]`, `[text]`)
and autolinks (`<https://…>`, `<name@host>`) cannot occur; yet Python-Markdown tries those six
patterns on every run of text, which is about 15% of the time a 1000-report build spends in Markdown.
Links, images, emphasis, inline HTML (`<sup>`), line breaks and footnotes are untouched.
Use it from mkdocs.yml: `markdown_extensions: [converter.site.lean_inline]`.
"""
from __future__ import annotations

from markdown.extensions import Extension

UNUSED = ("reference", "short_reference", "image_reference", "short_image_ref", "autolink", "automail")


class LeanInlineExtension(Extension):
    def extendMarkdown(self, md) -> None:
        for name in UNUSED:
            md.inlinePatterns.deregister(name, strict=False)


def makeExtension(**kwargs) -> LeanInlineExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return LeanInlineExtension(**kwargs)
