"""Topic pages: follow one subject across the years, down to the sections of each report.

A topic's page shows, for every year, the reports most about the topic with links into their sections;
a year with more reports than that gets a page of its own under the topic (topics/<slug>/<year>/), so
the topic page stays small however large the archive grows.
"""
from __future__ import annotations

from converter.site.catalog import Catalog, Entry
from converter.site.chart import year_links_chart
from converter.site.listing import Body, group_by, meta_line, report_list
from converter.site.markup import Link, a, esc

SECTIONS_SHOWN = 3  # section links per report
REPORTS_SHOWN = 5  # reports per year on the topic's own page


def topic_years(items: list[Entry]) -> dict[int, list[Entry]]:
    """The topic's reports by year, newest year first (`items` come newest first)."""
    return group_by([e for e in items if e.meta.year], lambda e: e.meta.year)


def needs_year_page(group: list[Entry]) -> bool:
    return len(group) > REPORTS_SHOWN


def write_topic(topic: str, items: list[Entry], catalog: Catalog, body: Body, link: Link) -> None:
    body.add(f"<p>涉及“{esc(topic)}”的报告 {len(items)} 篇，按年度从新到旧排列；"
             f"每年列出与该主题最相关的报告及其章节。</p>")
    years = topic_years(items)
    counts = {year: (len(group), sum(len(topic_sections(e, topic)) for e in group)) for year, group in years.items()}
    body.add(year_links_chart(counts, lambda year: f"#y{year}", f"“{topic}”", "涉及章节"))
    for year, group in years.items():
        body.h2(f"y{year}", f"{year}年（{len(group)}）")
        shown = by_relevance(group, topic)[:REPORTS_SHOWN]
        body.add(report_list(shown, link, (), item=lambda e: topic_item(e, topic, link)))
        if needs_year_page(group):
            body.add(f"<p>{a(link(catalog.topic_year_src(topic, year)), f'{year}年全部 {len(group)} 篇')}</p>")


def write_topic_year(topic: str, group: list[Entry], body: Body, link: Link) -> None:
    body.add(f"<p>{group[0].meta.year}年涉及“{esc(topic)}”的报告 {len(group)} 篇。</p>")
    body.add(report_list(group, link, (), item=lambda e: topic_item(e, topic, link)))


def by_relevance(entries: list[Entry], topic: str) -> list[Entry]:
    """Reports where the topic ranks higher among the report's topics first; newest first among equals."""
    def rank(entry: Entry) -> int:
        return entry.meta.topics.index(topic) if topic in entry.meta.topics else len(entry.meta.topics)
    return sorted(entries, key=rank)


def topic_item(entry: Entry, topic: str, link: Link) -> str:
    sections = topic_sections(entry, topic)
    inner = "".join(f"<li>{a(link(entry.src_uri, s.anchor), s.title)}</li>" for s in sections[:SECTIONS_SHOWN])
    if len(sections) > SECTIONS_SHOWN:
        inner += f"<li>等 {len(sections)} 节</li>"
    nested = f'<ul class="archive-sections">{inner}</ul>' if inner else ""
    return f"<li>{a(link(entry.src_uri), entry.meta.title)}{meta_line(entry, ('issuer', 'type'))}{nested}</li>"


def topic_sections(entry: Entry, topic: str) -> list:
    """The report's sections about the topic, those most about it first (the topic ranks higher among
    the section's topics), in reading order among equals."""
    matching = [(s.topics.index(topic), i, s) for i, s in enumerate(entry.meta.sections) if topic in s.topics]
    return [s for _, _, s in sorted(matching, key=lambda item: item[:2])]
