"""`archive build`: checks first, builds aside, swaps in only on success. A failed build, or one killed
with SIGKILL at any moment, leaves the last good site/ as it was."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_helpers import new_archive, pages, run, tree
from docx_factory import simple_report


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """An archive with one report, built once."""
    archive = new_archive(tmp_path)
    run(archive, "add", simple_report(tmp_path / "2022.docx", title="2022年区科技局工作总结", date="2022年12月1日"))
    assert run(archive, "build").exit_code == 0
    return archive


def test_build_refuses_to_publish_when_the_content_check_finds_errors(built):
    page = built / pages(built)[0]
    page.write_text(page.read_text(encoding="utf-8").replace("year: 2022", "year: 二〇二二"), encoding="utf-8")
    before = tree(built / "site")

    result = run(built, "build")

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{pages(built)[0]}：错误：年度（year）应是 1949–2100 之间的年份（四位数字），现为 “二〇二二”。请写成例如“year: 2023”。",
        "网站未生成：内容检查发现 1 个错误，原有网站保持不变。请按上面的提示修正（可运行 archive check 复查）后再生成。",
    ]
    assert tree(built / "site") == before


def test_failed_mkdocs_build_leaves_the_site_and_no_staging_folder(built):
    config = built / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("name: material", "name: no-such-theme"),
                      encoding="utf-8")
    before = tree(built / "site")

    result = run(built, "build")

    assert result.exit_code == 1
    assert result.stderr.startswith("网站生成失败：")
    assert result.stderr.endswith("原有网站未被改动；请按提示修正后重新生成。\n")
    assert "Traceback" not in result.output
    assert tree(built / "site") == before
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".site")) == []


def test_a_plugin_error_or_strict_warnings_are_said_in_chinese_once(built):
    """MkDocs sums a plugin's error up as "Aborted with a BuildError!" after logging it: staff see the
    error itself, once; warnings in strict mode are named as such."""
    odd = built / "docs" / "reports" / os.fsdecode(b"\xff.md")
    odd.write_bytes(b"# x\n")
    result = subprocess.run([sys.executable, "-m", "converter", "build"], cwd=built, capture_output=True)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Aborted" not in stderr and stderr.count("文件名含有无法识别的字符") == 1
    odd.unlink()
    config = built / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "strict: true\n", encoding="utf-8")
    guide = built / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[旧页面](missing.md)\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "converter", "build"], cwd=built, capture_output=True)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1 and "missing.md" in stderr and "Aborted" not in stderr
    assert "网站生成失败：mkdocs.yml 设置了 strict（严格模式），上面的警告都要先处理" in stderr


def test_build_killed_at_random_moments_always_leaves_a_whole_site(built, tmp_path):
    old = tree(built / "site")
    run(built, "add", simple_report(tmp_path / "2023.docx"))
    writing_from, done_at = _timed_reference_build(built, tmp_path / "reference")
    new = set(tree(tmp_path / "reference"))
    assert new != set(old)

    outcomes = set()
    moments = random.Random(7).sample(range(0, 120), 6)  # % of the time MkDocs spends writing, and after
    for percent in sorted(moments):
        build = _build(built)
        _wait_until_writing(built, build)  # the kill lands relative to the write, however loaded the machine
        time.sleep((done_at - writing_from) * percent / 100)
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        site = tree(built / "site")
        assert site == old or set(site) == new, f"half a site after a kill at {percent}% of a build"
        midway = any(p.name.startswith(".site.building-") for p in built.iterdir())
        outcomes.add("old, killed while writing" if site == old and midway else "old" if site == old else "new")
        old = site
    assert "old, killed while writing" in outcomes, f"no kill landed while MkDocs was writing: {outcomes}"

    assert _build(built).wait() == 0
    assert set(tree(built / "site")) == new
    assert [p.name for p in built.iterdir() if p.name.startswith(".site")] == []  # leftovers cleaned up


def _timed_reference_build(archive: Path, site: Path) -> tuple[float, float]:
    """Build into `site`; return when MkDocs started writing (its staging folder appeared) and when
    the build was over, in seconds from the start."""
    started, writing_from = time.monotonic(), None
    build = _build(archive, "--site-dir", str(site))
    while build.poll() is None:
        if writing_from is None and any(site.parent.glob(f".{site.name}.building-*")):
            writing_from = time.monotonic() - started
        time.sleep(0.005)
    assert build.returncode == 0 and writing_from is not None
    return writing_from, time.monotonic() - started


def _wait_until_writing(archive: Path, build: subprocess.Popen) -> None:
    while build.poll() is None and not any(archive.glob(".site.building-*")):
        time.sleep(0.002)


def _build(archive: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "converter", "build", "-q", *args], cwd=archive)


def test_a_rebuild_swaps_the_site_at_once_and_the_old_one_is_removed_in_the_background(built, tmp_path):
    run(built, "add", simple_report(tmp_path / "2023.docx"))

    assert run(built, "build").exit_code == 0

    assert not list(built.glob(".site.building-*"))
    deadline = time.monotonic() + 30
    while list(built.glob(".site.discarded-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(built.glob(".site.discarded-*")), "the replaced site was never removed"
    assert len(list((built / "site" / "reports").glob("*/*/index.html"))) == 2
