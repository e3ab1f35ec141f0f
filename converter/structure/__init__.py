"""The document model's blocks → a `Report`: title, headings at outline levels, paragraphs, tables."""
