"""The MkDocs side: a thin plugin over pure index-page builders, and the build/serve commands."""
