"""Reading a received file into the document model: its format named by its bytes (`intake`), then one
reader per format, side by side (`formats` chooses): `docx` over `ooxml/` (after the `package_limits`),
`libreoffice` for .doc/.wps/.rtf/.odt (to .docx), `pdf` (and `ocr` for scanned pages), `html` for saved
web pages, `text` for plain text."""
