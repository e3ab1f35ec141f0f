"""The building blocks of index pages: a body with its headings, and lists of reports and of names."""
from __future__ import annotations

from dataclasses import dataclass, field

from converter.site.catalog import Entry, group_by_keys
from converter.site.markup import Link, a, chinese_date, esc


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str


@dataclass
class Body:
    """An index page's body as it is written: HTML parts and the headings for the table of contents."""

    parts: list[str] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)

    def h2(self, id_: str, title: str) -> None:
        self.headings.append(Heading(2, id_, title))
        self.parts.append(f'<h2 id="{esc(id_)}">{esc(title)}</h2>')

    def add(self, *html: str) -> None:
        self.parts.extend(h for h in html if h)

    @property
    def html(self) -> str:
        return "\n".join(self.parts)


def report_list(entries, link: Link, show: tuple[str, ...], item=None) -> str:
    """A list of reports: each a link with a line of facts (`show`: issuer, year, type, date); `item`
    replaces the whole list item when given."""
    item = item or (lambda e: f"<li>{a(link(e.src_uri), e.meta.title)}{meta_line(e, show)}</li>")
    items = "".join(item(e) for e in entries)
    return f'<ul class="archive-list">{items}</ul>' if items else "<p>暂无报告。</p>"


def meta_line(entry: Entry, show: tuple[str, ...]) -> str:
    values = {"issuer": entry.issuer, "year": f"{entry.meta.year}年", "type": entry.meta.doc_type,
              "date": chinese_date(entry.meta.date)}
    shown = [esc(values[key]) for key in show if values[key]]
    return f'<span class="archive-meta">{" · ".join(shown)}</span>' if shown else ""


def name_list(names, groups: dict, src_of, link: Link, label=str) -> str:
    """Names (years, topics, issuers, types), each a link with its number of reports."""
    items = "".join(
        f'<li>{a(link(src_of(name)), label(name))}<span class="archive-count">{len(groups[name])} 篇</span></li>'
        for name in names
    )
    return f'<ul class="archive-names">{items}</ul>' if items else "<p>暂无报告。</p>"


def group_by(entries: list[Entry], key_of) -> dict:
    return group_by_keys(entries, lambda entry: [key_of(entry)])
