"""Normalisation: the same for page text and queries, and the same whole-archive (numpy) and per string."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.search.codes import normalise
from converter.search.normalize import normalize, query_terms

TEXT = st.text(alphabet=st.sampled_from(list("科技特派员ＧＤＰgdpPM2.5０１９ 　\u200b\n，。ⅫK㈠½İ")), max_size=40)


def test_full_width_letters_and_digits_become_half_width_lower_case():
    assert normalize("ＧＤＰ增长８．８％") == "gdp增长8.8%"


def test_spaces_between_digits_are_dropped_but_not_others():
    assert normalize("1 9 9 7 年") == "1997 年"
    assert normalize("第 1 季度") == "第 1 季度"


def test_ideographic_space_between_digits_is_dropped_like_a_space():
    assert normalize("2\u30000\u30002\u30003") == "2023"


def test_zero_width_characters_are_dropped():
    assert normalize("科\u200b技\ufeff特派员") == "科技特派员"


def test_query_terms_are_split_on_any_whitespace_after_normalising():
    assert query_terms("  科技　扶贫 PM2.5 ") == ["科技", "扶贫", "pm2.5"]
    assert query_terms("1 9 9 7年") == ["1997年"]


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_whole_archive_normalisation_equals_the_string_one(text):
    norm = normalise(text)
    assert "".join(map(chr, norm.codes.tolist())) == normalize(text)
    assert norm.offsets[-1] == len(normalize(text))


@given(TEXT, st.integers(0, 40))
@settings(max_examples=300, deadline=None)
def test_a_cut_between_plain_characters_normalises_on_both_sides_alone(text, cut):
    norm = normalise(text)
    if 0 < cut < len(text) and norm.plain[cut - 1] and norm.plain[cut]:
        assert normalize(text[:cut]) + normalize(text[cut:]) == normalize(text)
