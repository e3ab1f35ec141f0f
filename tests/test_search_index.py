"""Index encoding: varints, postings, shards, fragments, and exact answers from the reference reader."""
from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from search_reference import SearchIndex, parse_shard, read_varints

from converter.search import postings
from converter.search.codes import normalise
from converter.search.entries import varints
from converter.search.fragments import CHUNK, OVERLAP
from converter.search.index import IndexedReport, build_index, search_values
from converter.search.normalize import normalize, query_terms
from converter.search.shards import BIG_BYTES, key_hash

WORDS = ["科技", "特派员", "派员管理", "扶贫", "PM2.5", "5G", "GDP", "增长8.8%", "发展", "的", "１ ９ ９ ７年", "\n"]


def reports_from(texts: list[str]) -> list[IndexedReport]:
    return [IndexedReport(url=f"reports/{2000 + i}/r{i}/", text=t,
                   fields=search_values({"title": t.split("\n")[0][:20] or "无题", "year": 2000 + i,
                                         "issuer": "甲局" if i % 2 else "乙局", "doc_type": "工作总结",
                                         "topics": ["科技"]}))
            for i, t in enumerate(texts)]


def write(tmp_path, files):
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    return SearchIndex(tmp_path)


def truth(texts: list[str], query: str) -> set[str]:
    terms = query_terms(query)
    return {f"reports/{2000 + i}/r{i}/" for i, t in enumerate(texts)
            if terms and all(term in normalize(t) for term in terms)}


@given(st.lists(st.integers(0, 2**40), max_size=50))
def test_varints_read_back_to_the_same_numbers(numbers):
    data, offsets = varints(np.array(numbers, np.int64))
    assert read_varints(data.tobytes()) == numbers
    assert offsets.tolist() == [sum(len(varints(np.array([n]))[0]) for n in numbers[:i]) for i in range(len(numbers))]


def test_hash_is_fnv1a_over_code_points():
    assert key_hash("") == 0x811C9DC5
    assert key_hash("a") == 0xE40C292C


@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=12).map("".join), min_size=1, max_size=5),
       st.lists(st.sampled_from(WORDS[:-1]), min_size=1, max_size=2))
@settings(max_examples=60, deadline=None)
def test_reference_reader_finds_exactly_the_reports_containing_every_term(tmp_path_factory, texts, words):
    """Also with every bigram wide (trigrams and per report entries only) and with some."""
    query = " ".join(words)
    for wide_bytes in (postings.WIDE_BYTES, 0, 3):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(postings, "WIDE_BYTES", wide_bytes)
            index = write(tmp_path_factory.mktemp("ix"), build_index(reports_from(texts)))
        assert set(index.matches(query)) == truth(texts, query), wide_bytes


@pytest.mark.parametrize("wide_bytes, key_bits", [(postings.WIDE_BYTES, 31), (0, 31), (12, 31), (0, 9)])
def test_random_substrings_of_a_longer_archive_are_found_exactly(tmp_path, monkeypatch, wide_bytes, key_bits):
    """Also when trigram keys can number only a few wide bigrams (key_bits 9: at most 7 here): the rest
    stay positional."""
    monkeypatch.setattr(postings, "WIDE_BYTES", wide_bytes)
    monkeypatch.setattr(postings, "TRIGRAM_KEY_BITS", key_bits)
    rng = random.Random(7)
    texts = ["".join(rng.choice(WORDS + ["，", "。", "工作", "报告"]) for _ in range(400)) for _ in range(12)]
    index = write(tmp_path, build_index(reports_from(texts)))
    if wide_bytes < postings.WIDE_BYTES:
        assert index.wide and any(len(key) == 3 for key in _keys(tmp_path))
    if key_bits < 31:
        assert 0 < len(index.wide) <= 7
    for _ in range(150):
        text = normalize(rng.choice(texts))
        start = rng.randrange(len(text) - 6)
        query = text[start : start + rng.randint(1, 6)].strip() or "科技"
        if " " in query or "\n" in query:
            continue
        assert set(index.matches(query)) == truth(texts, query), query
        counts = index.matches(query)
        for url, count in counts.items():
            i = int(url.rsplit("r", 1)[1].strip("/"))
            assert count == _occurrences(normalize(texts[i]), query_terms(query))


def _occurrences(text: str, terms: list[str]) -> int:
    return sum(sum(1 for k in range(len(text)) if text.startswith(t, k)) for t in terms)


def test_the_same_reports_give_byte_identical_files():
    reports = reports_from(["科技特派员制度", "发展 PM2.5 治理"])
    assert build_index(reports) == build_index(list(reversed(reports)))


@pytest.mark.parametrize("wide_bytes", [postings.WIDE_BYTES, 10])
def test_bigrams_built_in_many_parts_give_the_same_files(monkeypatch, wide_bytes):
    """A large archive's bigrams and trigrams are built a part at a time (by first character, by wide
    bigram): the files must not depend on how many parts there are."""
    monkeypatch.setattr(postings, "WIDE_BYTES", wide_bytes)
    rng = random.Random(7)
    texts = ["".join(rng.choice(WORDS) for _ in range(rng.randint(20, 200))) for _ in range(30)]
    whole = build_index(reports_from(texts))
    for part in (1, 37, 500):
        monkeypatch.setattr(postings, "PART_POSITIONS", part)
        assert build_index(reports_from(texts)) == whole


def test_a_wide_bigram_has_a_per_report_entry_and_trigrams_instead_of_positions(tmp_path, monkeypatch):
    monkeypatch.setattr(postings, "WIDE_BYTES", 4)
    index = write(tmp_path, build_index(reports_from(["科技特派员，科技局，科技", "发展科技 科技"])))
    assert "科技" in index.wide and "派员" not in index.wide
    keys = _keys(tmp_path)
    assert {"科技特", "科技局", "展科技"} <= keys and not {"技特派", "科技科"} & keys
    first = normalize("科技特派员，科技局，科技").index("科技")
    second = len(normalize("科技特派员，科技局，科技")) + 1 + normalize("发展科技 科技").index("科技")
    assert read_varints(index.entry("科技")) == [first, 3, second - first, 2]
    assert index.matches("科技") == {"reports/2000/r0/": 3, "reports/2001/r1/": 2}
    assert index.matches("发展科技") == {"reports/2001/r1/": 1}


def _keys(folder) -> set[str]:
    shards = {k for path in (folder / "i").glob("*.bin") for k in parse_shard(path.read_bytes())}
    return shards | set(SearchIndex(folder).big)


def test_every_shard_lists_each_key_once_and_big_entries_are_apart(tmp_path):
    files = build_index(reports_from(["科技特派员" * (BIG_BYTES + 100), "科技"]))
    keys = [k for path, data in files.items() if path.startswith("i/") for k in parse_shard(data)]
    assert len(keys) == len(set(keys))
    assert any(path.startswith("k/") for path in files)


def test_a_match_lies_inside_the_fragment_its_position_points_to():
    text = "\n".join(f"第{i}段：推进科技特派员制度，Ｐ Ｍ 2 . 5 浓度下降 1 9 9 7 年。" * 3 for i in range(200))
    files = build_index(reports_from([text]))
    normalised = normalize(text)
    for position in range(0, len(normalised), 97):
        start, fragment = _json(files[f"t/0-{position // CHUNK}.json"])
        assert start <= position
        piece = normalize(fragment)
        assert normalised[start : start + len(piece)] == piece
        assert start + len(piece) >= min(len(normalised), position + OVERLAP)


def _json(data: bytes):
    import json

    return json.loads(data)


def test_positions_follow_the_normalised_text_across_reports():
    norm = normalise("ab\ncd")
    assert norm.offsets.tolist() == [0, 1, 2, 3, 4, 5]
