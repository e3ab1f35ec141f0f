"""All-or-nothing writes: files through a temporary file, folders swapped in one step or recovered."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import converter.archive.atomic
from converter.archive.atomic import exchange, recover_dir, replace_dir, write_atomic


def make_site(folder: Path, marker: str) -> Path:
    (folder / "reports").mkdir(parents=True)
    (folder / "index.html").write_text(marker)
    (folder / "reports" / "a.html").write_text(marker)
    return folder


def test_write_atomic_replaces_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "页面.md"
    target.write_text("old")
    write_atomic(target, "新内容".encode())
    assert target.read_text() == "新内容"
    assert [p.name for p in tmp_path.iterdir()] == ["页面.md"]


def test_write_atomic_failure_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_text("old")
    monkeypatch.setattr(os, "replace", lambda *args: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    old, new = make_site(tmp_path / "site", "old"), make_site(tmp_path / "staging", "new")
    if not exchange(new, old):
        pytest.skip("this file system cannot exchange (the two-rename fallback is tested below)")
    assert (old / "index.html").read_text() == "new"
    assert (new / "index.html").read_text() == "old"


def test_replace_dir_puts_the_new_site_in_place_and_removes_the_old(tmp_path):
    site, staging = make_site(tmp_path / "site", "old"), make_site(tmp_path / "staging", "new")
    replace_dir(staging, site)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_replace_dir_creates_the_first_site(tmp_path):
    replace_dir(make_site(tmp_path / "staging", "new"), tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "new"


def test_fallback_killed_between_its_renames_is_recovered_on_the_next_run(tmp_path, monkeypatch):
    site, staging = make_site(tmp_path / "site", "old"), make_site(tmp_path / "staging", "new")
    monkeypatch.setattr(converter.archive.atomic, "exchange", lambda a, b: False)
    real_rename, calls = os.rename, []

    def rename_then_die(source, target):
        calls.append(source)
        if len(calls) == 2:
            raise SystemExit("killed between the two renames")
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", rename_then_die)
    with pytest.raises(SystemExit):
        replace_dir(staging, site)
    monkeypatch.setattr(os, "rename", real_rename)
    assert not site.exists()  # the window the fallback has …

    recover_dir(site)  # … closed by the next build before it does anything else

    assert (site / "index.html").read_text() == "old"
    assert (site / "reports" / "a.html").read_text() == "old"


def test_recover_dir_drops_a_leftover_old_site_when_the_new_one_is_in_place(tmp_path):
    make_site(tmp_path / "site", "new")
    make_site(tmp_path / ".site.old", "old")
    recover_dir(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "new"
    assert not (tmp_path / ".site.old").exists()


SWAPPER = """
import sys
from pathlib import Path

import converter.archive.atomic
from converter.archive.atomic import recover_dir, replace_dir

root, fallback = Path(sys.argv[1]), sys.argv[2] == "fallback"
if fallback:
    converter.archive.atomic.exchange = lambda a, b: False
recover_dir(root / "site")
version = 0
while True:
    version += 1
    staging = root / f".site.building-{version}"
    for number in range(60):
        folder = staging / f"part{number % 6}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number}.html").write_text(str(version))
    replace_dir(staging, root / "site")
    print(version, flush=True)
"""


@pytest.mark.parametrize("method", ["exchange", "fallback"])
def test_swapping_killed_at_random_moments_leaves_one_whole_version(tmp_path, method):
    """A process swapping site versions as fast as it can, SIGKILLed at random: the site is always one
    whole version (with the fallback, once `recover_dir` has run, as the next build does first)."""
    import random
    import signal
    import subprocess
    import sys
    import time

    if method == "exchange" and not exchange(make_site(tmp_path / "a", "a"), make_site(tmp_path / "b", "b")):
        pytest.skip("this file system cannot exchange")
    rng = random.Random(11)
    for _ in range(8):
        swapper = subprocess.Popen([sys.executable, "-c", SWAPPER, str(tmp_path), method], stdout=subprocess.PIPE)
        swapper.stdout.readline()  # at least one version is in place
        time.sleep(rng.uniform(0.0, 0.3))
        swapper.send_signal(signal.SIGKILL)
        swapper.wait()
        if method == "fallback":
            recover_dir(tmp_path / "site")
        files = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
        assert len(files) == 60
        assert len({p.read_text() for p in files}) == 1
