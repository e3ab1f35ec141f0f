"""Readers for the XML parts of a .docx package (document, styles, numbering, notes, media), on lxml alone.

`converter.reading.docx` puts them together into the document model; nothing here knows about Markdown.
"""
