"""Reading a received file into the document model: the file-type gates (`intake`), the package
limits, and one reader per format (`docx` over `ooxml/`)."""
