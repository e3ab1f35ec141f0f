"""Topics of a report and of each of its sections, from a taxonomy of signal terms (data/topics.yml).

Two levels: `topics` are the 21 classes of the State Council's subject classification, `keywords` the
finer subjects under them (知识产权, 乡村振兴, …) that topic pages list. Terms are counted with the longest
match at each place, so 科技特派员 is not also 科技, and `ignore` phrases (主题教育, 高质量发展) count for nothing.
The thresholds and why they are what they are: `tagging.py`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from converter.data import DATA_DIR, read_yaml
from converter.model.errors import ArchiveError

DEFAULT_TAXONOMY = DATA_DIR / "topics.yml"
ARCHIVE_TAXONOMY = "topics.yml"  # in an archive's root, replaces the packaged one
IGNORED = ("", "")


@dataclass(frozen=True)
class Taxonomy:
    """class → keyword → signal terms (the keyword itself included); phrases that count for nothing."""

    classes: dict[str, dict[str, tuple[str, ...]]]
    ignore: tuple[str, ...] = ()
    source: str = ""

    @cached_property
    def names(self) -> frozenset[str]:
        """Every topic and keyword name staff may give."""
        return frozenset(self.classes) | {k for keywords in self.classes.values() for k in keywords}

    @cached_property
    def owners(self) -> dict[str, tuple[str, str]]:
        """term → (class, keyword); ignored phrases → ("", "")."""
        owners = {term: IGNORED for term in self.ignore}
        for name, keywords in self.classes.items():
            for keyword, terms in keywords.items():
                owners.update({term: (name, keyword) for term in terms if term not in owners})
        return owners

    @cached_property
    def matcher(self) -> re.Pattern:
        """The longest term at each place. Written as a prefix tree: a flat alternation of some
        thousand terms is tried term by term at every character (20 ms a report), the tree by
        one character at a time."""
        return re.compile(_tree_pattern(_prefix_tree(self.owners)) if self.owners else r"(?!)")

    def count(self, text: str) -> Counter:
        """(class, keyword) → number of places in `text` a term of that keyword stands."""
        counts = Counter(map(self.owners.__getitem__, self.matcher.findall(text)))
        counts.pop(IGNORED, None)
        return counts


END = ""  # key of a prefix-tree node marking that a term ends there


def _prefix_tree(terms) -> dict:
    tree: dict = {}
    for term in terms:
        node = tree
        for char in term:
            node = node.setdefault(char, {})
        node[END] = {}
    return tree


def _tree_pattern(node: dict) -> str:
    """Branches start with different characters, so their order does not matter; a greedy `?`
    after a term's end tries the longer terms first, as longest-first alternation would."""
    branches = [re.escape(char) + _tree_pattern(child) for char, child in node.items() if char != END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if END in node:
        return f"(?:{body})?"
    return body


@dataclass
class Evidence:
    """Term counts of a stretch of text, by class and by keyword."""

    classes: Counter = field(default_factory=Counter)
    keywords: Counter = field(default_factory=Counter)

    def add(self, counts: Counter, weight: int = 1) -> None:
        for (name, keyword), number in counts.items():
            self.classes[name] += number * weight
            self.keywords[keyword] += number * weight


def taxonomy_for(root: Path | None) -> Taxonomy:
    """The archive's own topics.yml when it has one, else the packaged taxonomy."""
    if root is not None and (root / ARCHIVE_TAXONOMY).is_file():
        return load_taxonomy(root / ARCHIVE_TAXONOMY)
    return load_taxonomy(DEFAULT_TAXONOMY)


@lru_cache(maxsize=8)
def load_taxonomy(path: Path = DEFAULT_TAXONOMY) -> Taxonomy:
    """Read and check a topics.yml; ArchiveError (in Chinese, naming the file) when it is malformed."""
    data = read_yaml(path, "主题分类文件", "请对照默认的 topics.yml 检查缩进、冒号和方括号", "bad-topics")
    return Taxonomy(classes=_classes(data), ignore=_terms(data.get("ignore"), "ignore"), source=str(path))


def _classes(data) -> dict[str, dict[str, tuple[str, ...]]]:
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict) or not data["topics"]:
        raise ArchiveError("bad-topics", "主题分类文件缺少 topics: 部分", "请对照默认的 topics.yml 修改")
    classes = {}
    for name, keywords in data["topics"].items():
        if keywords is not None and not isinstance(keywords, dict):
            raise ArchiveError("bad-topics", f"主题“{name}”下应是“细分主题: [信号词, …]”的列表",
                               "请对照默认的 topics.yml 修改")
        classes[str(name)] = {str(k): tuple(dict.fromkeys([str(k), *_terms(v, f"{name}/{k}")]))
                              for k, v in (keywords or {}).items()}
    return classes


def _terms(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(t, (str, int)) for t in value):
        raise ArchiveError("bad-topics", f"主题分类“{where}”的信号词应写成 [词, 词, …] 的列表",
                           "请对照默认的 topics.yml 修改")
    return tuple(str(t).strip() for t in value if str(t).strip())
