"""Text operations on runs keep every character's formatting."""
from hypothesis import given
from hypothesis import strategies as st

from converter.model import Run
from converter.structure.runs import BREAK, _joiner, join_breaks, merge_runs, split_runs, strip_runs, text_of

runs_strategy = st.lists(st.builds(Run, text=st.text(alphabet="ab中文\n \u30009.", max_size=6), bold=st.booleans()),
                         min_size=1, max_size=5).map(tuple)


@given(runs_strategy)
def test_joining_breaks_run_by_run_equals_joining_the_whole_text(runs):
    full = text_of(runs)
    assert text_of(join_breaks(runs)) == BREAK.sub(lambda m: _joiner(full, m.start(), m.end()), full)


@given(runs_strategy, st.integers(min_value=0, max_value=30))
def test_split_runs_cuts_the_text_at_the_offset(runs, offset):
    head, tail = split_runs(runs, offset)
    assert text_of(head) + text_of(tail) == text_of(runs)
    assert text_of(head) == text_of(runs)[:offset]


def test_strip_runs_removes_indentation_across_runs_and_keeps_formatting():
    runs = (Run(text="\u3000\u3000"), Run(text=" 正文", bold=True), Run(text="。 \u3000"))
    assert strip_runs(runs) == (Run(text="正文", bold=True), Run(text="。"))


def test_merge_runs_joins_neighbours_that_look_the_same():
    runs = (Run(text="甲", font="宋体"), Run(text="乙", font="黑体"), Run(text="丙", bold=True), Run(note="footnote-1"))
    assert [r.text for r in merge_runs(runs)] == ["甲乙", "丙", ""]
