"""Assigning topics (classes) and keywords (finer subjects) to a report and to each of its sections.

Why these rules (measured on the corpus, see README "Topics"): a provincial 政府工作报告 touches every class,
each with 4-15% of the term hits, while a bureau report puts 40-70% of its hits in one or two classes. So
- a report's topics are the classes holding at least REPORT_SHARE of its hits (at most REPORT_MAX): a
  政府工作报告 gets its 2-5 heaviest subjects, not all 20; a bureau report its one or two;
- a section (一、 or （一） level) takes the classes holding SECTION_SHARE of its own hits, or named in its
  heading; this is where a topic page finds "（三）强化知识产权保护" in every year's report;
- keywords work the same way one level down, and a report also lists the keywords its sections lead with.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from converter.metadata.topics import Evidence, Taxonomy
from converter.model import Heading, Notice, Report
from converter.model.fields import Section
from converter.model.values import shown
from converter.structure.anchors import heading_ids

REPORT_SHARE, REPORT_MIN_HITS, REPORT_MAX = 0.10, 5, 5
KEYWORD_SHARE, KEYWORD_MIN_HITS, KEYWORD_MAX = 0.06, 4, 10
SECTION_SHARE, SECTION_MIN_HITS, SECTION_MAX = 0.30, 3, 3
SECTION_LEVELS = 2  # 一、 and （一）: the sections worth linking to from a topic page
HEADING_WEIGHT = 3


@dataclass
class Tagged:
    topics: list[str]
    keywords: list[str]
    sections: list[Section]
    warnings: list[Notice]


def tag_report(report: Report, taxonomy: Taxonomy) -> Tagged:
    counts = [taxonomy.count(block.text) for block in report.blocks]  # counted once, summed per section
    whole = Evidence()
    for found in counts:
        whole.add(found)
    whole.add(taxonomy.count(report.title), HEADING_WEIGHT)
    sections = tag_sections(report, taxonomy, counts)
    topics = _leading(whole.classes, REPORT_SHARE, REPORT_MIN_HITS, REPORT_MAX)
    if not topics and whole.classes and whole.classes.most_common(1)[0][1] >= SECTION_MIN_HITS:
        topics = [whole.classes.most_common(1)[0][0]]
    keywords = _leading(whole.keywords, KEYWORD_SHARE, KEYWORD_MIN_HITS, KEYWORD_MAX)
    for section in sections:
        keywords += [k for k in section.keywords if k not in keywords]
    warnings = [] if topics else [Notice("no-topic", "未能自动识别主题，请用 --topic 或同名 .yml 文件指定")]
    return Tagged(topics, keywords[:KEYWORD_MAX], sections, warnings)


def tag_sections(report: Report, taxonomy: Taxonomy, counts: list[Counter] | None = None) -> list[Section]:
    """Each 一、/（一） section with the topics of its heading and everything under it. `counts`: each
    block's term counts, when the caller has them."""
    blocks = list(report.blocks)
    counts = counts if counts is not None else [taxonomy.count(block.text) for block in blocks]
    headings = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Heading)]
    anchors = heading_ids([h for _, h in headings])
    sections = []
    for (start, heading), anchor in zip(headings, anchors):
        if heading.level > SECTION_LEVELS:
            continue
        end = next((i for i, h in headings if i > start and h.level <= heading.level), len(blocks))
        named = counts[start]
        evidence = Evidence()
        evidence.add(named, HEADING_WEIGHT)
        for found in counts[start + 1:end]:
            evidence.add(found)
        sections.append(Section(
            title=heading.text, anchor=anchor,
            topics=_section_choice(evidence.classes, {name for name, _ in named}),
            keywords=_section_choice(evidence.keywords, {keyword for _, keyword in named})))
    return sections


def unknown_topics(topics: list[str], taxonomy: Taxonomy) -> list[Notice]:
    """Staff-given topics that the taxonomy does not have (a typo, or a topic to add to topics.yml)."""
    return [Notice("unknown-topic", f"主题{shown(t)}不在主题分类中，请检查拼写或把它加入 topics.yml")
            for t in topics if t not in taxonomy.names]


def _section_choice(counts: Counter, named: set[str]) -> list[str]:
    chosen = [name for name, _ in counts.most_common() if name in named]
    chosen += [n for n in _leading(counts, SECTION_SHARE, SECTION_MIN_HITS, SECTION_MAX) if n not in chosen]
    return chosen[:SECTION_MAX]


def _leading(counts: Counter, share: float, min_hits: int, most: int) -> list[str]:
    total = sum(counts.values())
    return [name for name, n in counts.most_common() if n >= min_hits and n >= share * total][:most]
