"""A small column chart of reports per year: inline SVG, no script, with a text alternative."""
from __future__ import annotations

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
