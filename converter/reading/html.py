"""Saved web pages (.html/.htm/.mht/.mhtml) → the document model."""
from __future__ import annotations


def read_html(path):
    raise NotImplementedError
