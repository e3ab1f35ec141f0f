"""Index pages as Markdown, built from the catalog. Pure functions: catalog in, (path, Markdown) out."""
from __future__ import annotations

from ..render_markdown import escape
from .catalog import Entry, by_year


def home_page(entries: list[Entry], site_name: str) -> str:
    lines = [f"# {escape(site_name)}", "", "## 按年度浏览", ""]
    for year, items in by_year(entries).items():
        lines.append(f"- [{year} 年](years/{year}.md)（{len(items)} 篇）")
    return "\n".join(lines) + "\n"


def year_page(year: int, items: list[Entry]) -> str:
    lines = [f"# {year} 年", ""]
    for entry in items:
        lines.append(f"- [{escape(entry.meta.title)}](../{entry.src_uri})　{escape(entry.meta.issuer)}　{entry.meta.doc_type}")
    return "\n".join(lines) + "\n"


def index_pages(entries: list[Entry], site_name: str) -> dict[str, str]:
    pages = {"index.md": home_page(entries, site_name)}
    for year, items in by_year(entries).items():
        pages[f"years/{year}.md"] = year_page(year, items)
    return pages
