"""Fuzzing: mutated .docx packages (zip and XML level, see fuzz_docx.py) through the whole import path.
Only `ArchiveError` may come out, within 10 s and bounded memory. A short, repeatable run here; the long
one is bench/fuzz_bench.py."""
from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
from fuzz_docx import MUTATIONS, check_safety_only, convert_everything, mutate, seeds
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

MAX_GROWTH_MB = 300  # the suite's process holds what earlier tests loaded (PDFium, lxml…): growth is what a file costs
ONCE_CRASHED = [  # (what, seed, mutations): inputs bench/fuzz_bench.py found crashing earlier readers
    ("core properties part swapped", 1, [("swap_parts", 271041745), ("delete_element", 1930549411),
                                         ("rename_part", 901749037)]),
    ("styles part swapped", 1, [("move_element", 695516342), ("swap_parts", 4267526005),
                                ("swap_parts", 2372233442)]),
    ("relationships part swapped", 1, [("swap_parts", 1996094907)]),
    ("document body element renamed", 0, [("rename_tag", 3310251850)]),
    ("core properties relationship on a plain part", 2, [("move_element", 2210989690)]),
    ("zip entry needing version 14.8", 0, [("flip_bytes", 2070859071), ("move_element", 1060469229),
                                           ("huge_text", 3350176430)]),
]


def test_an_entry_needing_an_unknown_zip_version_gives_an_archive_error_through_the_whole_path():
    """An odd 'version needed' field (once a fuzzing crash in intake) is a damaged file, said plainly."""
    from hostile_docx import docx_bytes, raw_entries, raw_zip

    entries = raw_entries(docx_bytes())
    entries[-1].version = 148
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.docx"
        path.write_bytes(raw_zip(entries))
        assert convert_everything(path) == "corrupt"
STEPS = st.lists(st.tuples(st.sampled_from(sorted(MUTATIONS)), st.integers(0, 2**32 - 1)), min_size=1, max_size=3)
FUZZ = settings(max_examples=200, deadline=10_000, derandomize=True, database=None, phases=[Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def seed_files() -> tuple[bytes, ...]:
    return tuple(seeds())


def run(target, seed: int, steps: list[tuple[str, int]]) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.docx"
        path.write_bytes(mutate(seed_files()[seed], steps))
        return target(path)


def resident_mb() -> float:
    line = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


_BEFORE: list[float] = []


def grown_mb() -> float:
    """Resident memory gained since the first fuzzed file of this run."""
    if not _BEFORE:
        _BEFORE.append(resident_mb())
    return resident_mb() - _BEFORE[0]


@settings(FUZZ, max_examples=100)
@given(seed=st.integers(0, 3), steps=STEPS)
def test_the_safety_modules_raise_only_archive_errors_on_mutated_files(seed, steps):
    """Package limits, pre-publication checks and the sanitizer on their own (no converter)."""
    grown_mb()
    run(check_safety_only, seed, steps)
    assert grown_mb() < MAX_GROWTH_MB


@FUZZ
@given(seed=st.integers(0, 3), steps=STEPS)
def test_the_whole_import_path_raises_only_archive_errors_on_mutated_files(seed, steps):
    grown_mb()
    run(convert_everything, seed, steps)
    assert grown_mb() < MAX_GROWTH_MB


@pytest.mark.parametrize("seed, steps", [pytest.param(seed, steps, id=what) for what, seed, steps in ONCE_CRASHED])
def test_inputs_that_once_crashed_now_give_archive_errors_or_pages(seed, steps):
    assert run(convert_everything, seed, steps)


def test_every_mutation_changes_a_valid_report():
    original = seed_files()[0]
    unchanged = [name for name in MUTATIONS if all(mutate(original, [(name, n)]) == original for n in range(5))]
    assert unchanged == []
