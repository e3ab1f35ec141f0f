"""A `Report` → the Markdown body of its page."""
