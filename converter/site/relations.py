"""Reports related to a report: the same issuer's previous and next year, and the matching 计划 ↔ 总结."""
from __future__ import annotations

from dataclasses import dataclass

from converter.metadata.doctypes import types_paired_as
from converter.site.catalog import Catalog, Entry

PLANS = types_paired_as("plan")
SUMMARIES = types_paired_as("summary")


@dataclass(frozen=True)
class Related:
    label: str  # Chinese, shown to the reader: "上一年度", "下一年度", "同年工作计划", "同年工作总结"
    entry: Entry


def related(entry: Entry, catalog: Catalog) -> list[Related]:
    found = []
    by_year = catalog.issuer_years.get(entry.issuer, {})
    before, after = neighbour_years(entry, by_year)
    if before:
        found.append(Related("上一年度", before))
    if after:
        found.append(Related("下一年度", after))
    counterpart = plan_or_summary(entry, by_year.get(entry.meta.year, []))
    if counterpart:
        found.append(Related(f"同年{counterpart.meta.doc_type}", counterpart))
    return found


def neighbour_years(entry: Entry, by_year: dict[int, list[Entry]]) -> tuple[Entry | None, Entry | None]:
    """The same issuer's report of the nearest earlier and later year (`by_year`: that issuer's reports
    by year), of the same document type when there is one (a 总结 leads to the 总结 of the year
    before), else of any type."""
    year = entry.meta.year
    earlier = sorted((y for y in by_year if y < year), reverse=True)
    later = sorted(y for y in by_year if y > year)
    return _nearest(entry, by_year, earlier), _nearest(entry, by_year, later)


def plan_or_summary(entry: Entry, same_year: list[Entry]) -> Entry | None:
    """For a 计划 (or 要点) the same issuer's 总结 of the same year (`same_year`: that issuer's reports
    of the year), and the other way round."""
    if entry.meta.doc_type in PLANS:
        wanted = SUMMARIES
    elif entry.meta.doc_type in SUMMARIES:
        wanted = PLANS
    else:
        return None
    return _first([e for e in same_year if e.meta.doc_type in wanted])


def _nearest(entry: Entry, by_year: dict[int, list[Entry]], years: list[int]) -> Entry | None:
    """In the first of `years` with a report of the entry's type, that report; else the first report
    of the nearest year."""
    for year in years:
        if match := _first([e for e in by_year[year] if e.meta.doc_type == entry.meta.doc_type]):
            return match
    return _first(by_year[years[0]]) if years else None


def _first(entries: list[Entry]) -> Entry | None:
    return min(entries, key=lambda e: (e.meta.title, e.src_uri)) if entries else None
