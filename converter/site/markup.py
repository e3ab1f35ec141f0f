"""Tiny HTML helpers. Every text that comes from front matter goes through `esc` exactly once."""
from __future__ import annotations

import html
from typing import Callable

# `link(src_uri, anchor="")` → the URL of that page (or file) relative to the page being built.
Link = Callable[..., str]


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def a(href: str, text: str, **attrs: str) -> str:
    """A link; `text` is escaped, `href` and attribute values are escaped as attributes."""
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"' for name, value in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def human_size(size: int) -> str:
    """Bytes as a reader reads them: "23.4 KB", "1.2 MB"."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def chinese_date(iso: str | None) -> str:
    """"2023-12-28" → "2023年12月28日"; empty for no date."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"
