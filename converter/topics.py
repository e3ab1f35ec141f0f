"""Topics of a report and of each of its sections, from a taxonomy of signal terms (topics.yml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .anchors import heading_ids
from .frontmatter import Section
from .model import Heading, Paragraph, Report

DEFAULT_TAXONOMY = Path(__file__).parent / "data" / "topics.yml"
MIN_HITS = 2


@lru_cache(maxsize=8)
def load_taxonomy(path: Path = DEFAULT_TAXONOMY) -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: tuple(terms or ()) for name, terms in (data.get("topics") or {}).items()}


def topics_of(text: str, taxonomy: dict[str, tuple[str, ...]], min_hits: int = MIN_HITS) -> list[str]:
    """Topics whose terms occur at least `min_hits` times in `text`, most frequent first."""
    counts = {name: sum(text.count(term) for term in terms) for name, terms in taxonomy.items()}
    ranked = [(c, name) for name, c in counts.items() if c >= min_hits]
    return [name for _, name in sorted(ranked, key=lambda item: -item[0])]


def section_topics(report: Report, taxonomy: dict[str, tuple[str, ...]]) -> list[Section]:
    """Each heading with the topics of its own text and the body under it (up to the next heading)."""
    headings = [b for b in report.blocks if isinstance(b, Heading)]
    texts: list[list[str]] = []
    for block in report.blocks:
        if isinstance(block, Heading):
            texts.append([block.text])
        elif isinstance(block, Paragraph) and texts:
            texts[-1].append(block.text)
    return [
        Section(title=h.text, anchor=anchor, topics=topics_of("".join(t), taxonomy))
        for h, anchor, t in zip(headings, heading_ids(headings), texts)
    ]
