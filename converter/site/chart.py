"""Small column charts of reports per year: inline SVG, no script, with a text alternative (the home
page's; a topic's, whose columns link to the years)."""
from __future__ import annotations

from typing import Callable

from converter.site.markup import esc

COLUMN = 10  # SVG units per year; bars are stretched to the figure's width by CSS
HEIGHT = 100


def year_chart(counts: dict[int, int]) -> str:
    """Every year from the first to the last (years without reports show as gaps)."""
    if not counts:
        return ""
    first, last = min(counts), max(counts)
    years = list(range(first, last + 1))
    peak = max(counts.values())
    bars = "".join(_bar(i, year, counts.get(year, 0), peak) for i, year in enumerate(years))
    busiest = min(y for y, c in counts.items() if c == peak)
    label = (f"各年度报告数量柱状图：{first}年至{last}年共{sum(counts.values())}篇，"
             f"最多为{busiest}年{peak}篇。各年数量见下方年度列表。")
    return (
        '<figure class="archive-chart">'
        f'<svg viewBox="0 0 {len(years) * COLUMN} {HEIGHT}" preserveAspectRatio="none" role="img" '
        f'aria-label="{esc(label)}" focusable="false">{bars}</svg>'
        f'<figcaption><span>{first}</span><span>各年度报告数量</span><span>{last}</span></figcaption>'
        "</figure>"
    )


def _bar(index: int, year: int, count: int, peak: int) -> str:
    if not count:
        return ""
    height = max(round(HEIGHT * count / peak, 1), 2)
    x = index * COLUMN + 1
    return (f'<rect x="{x}" y="{HEIGHT - height}" width="{COLUMN - 2}" height="{height}">'
            f"<title>{year}年：{count}篇</title></rect>")


def year_links_chart(counts: dict[int, tuple[int, int]], href: Callable[[int], str], what: str, also: str) -> str:
    """Reports per year as columns that link to that year (`href(year)`), and the same numbers as a
    table: `counts[year]` = (reports, `also`: a second number, e.g. the sections about a topic)."""
    if not counts:
        return ""
    first, last = min(counts), max(counts)
    peak = max(reports for reports, _ in counts.values())
    columns, rows = [], []
    for index, year in enumerate(range(first, last + 1)):
        reports, more = counts.get(year, (0, 0))
        if reports:
            height = max(round(HEIGHT * reports / peak, 1), 2)
            label = f"{year}年：{reports}篇，{also}{more}个"
            columns.append(f'<a href="{esc(href(year))}" aria-label="{esc(label)}"><rect x="{index * COLUMN + 1}" '
                           f'y="{HEIGHT - height}" width="{COLUMN - 2}" height="{height}"><title>{esc(label)}</title>'
                           "</rect></a>")
            rows.append(f'<tr><th scope="row"><a href="{esc(href(year))}">{year}年</a></th><td>{reports}</td><td>{more}</td></tr>')
    table = (f'<details class="archive-chart__table"><summary>以表格显示</summary><table><thead><tr><th scope="col">年份</th>'
             f'<th scope="col">报告（篇）</th><th scope="col">{esc(also)}（个）</th></tr></thead><tbody>{"".join(rows)}'
             "</tbody></table></details>")
    return (
        f'<figure class="archive-chart archive-chart--links" aria-label="{esc(what)}各年度报告数量，点击某年查看">'
        f'<svg viewBox="0 0 {(last - first + 1) * COLUMN} {HEIGHT}" preserveAspectRatio="none">{"".join(columns)}</svg>'
        f"<figcaption><span>{first}</span><span>{esc(what)}：各年度报告数量</span><span>{last}</span></figcaption>"
        f"{table}</figure>"
    )
