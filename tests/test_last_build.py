"""`archive build` with nothing changed since the build that made the site: it builds nothing, says so and
repeats that build's findings and messages; any change to what a build reads makes it build again."""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from archive_helpers import new_archive, run
from test_build_cache import report

from converter.archive import last_build
from converter.archive.build import build_site
from converter.archive.check import check_archive
from converter.model.errors import ArchiveError

UP_TO_DATE = "网站已是最新"
TOPICS = Path(last_build.PACKAGE / "data" / "topics.yml")


@pytest.fixture
def archive(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(last_build, "RACY_SECONDS", 0)  # the files were written just now
    archive = new_archive(tmp_path)
    for n in range(1, 4):
        report(archive, n)
    page = report(archive, 4)  # without topics: a hint (没有主题) the check repeats each time
    page.write_text(page.read_text(encoding="utf-8").replace("topics:\n- 科技、教育\n", ""), encoding="utf-8")
    return archive


class Builds:
    """Builds of one archive, counting those that found nothing to do."""

    def __init__(self, archive: Path):
        self.archive, self.unchanged = archive, 0

    def __call__(self, **options) -> list:
        return build_site(self.archive, Path("site"), check=check_archive, parallel=False,
                          when_unchanged=self._saw_unchanged, **options)

    def _saw_unchanged(self) -> None:
        self.unchanged += 1

    def site_made(self, action) -> bool:
        """Did the next build make a new site after `action()`?"""
        before, seen = os.stat(self.archive / "site").st_ino, self.unchanged
        action()
        self()
        return self.unchanged == seen and os.stat(self.archive / "site").st_ino != before


def lines(findings: list) -> list[str]:
    return [f.line() for f in findings]


def test_nothing_changed_keeps_the_site_and_repeats_the_findings(archive):
    builds = Builds(archive)
    first = builds()
    assert any(f.code == "no-topics" for f in first)
    site = os.stat(archive / "site").st_ino
    again = builds()
    assert builds.unchanged == 1 and os.stat(archive / "site").st_ino == site
    assert lines(again) == lines(first)


def edit_in_place(page: Path) -> None:
    """The same number of bytes, written into the same file (size and inode stay)."""
    text = page.read_text(encoding="utf-8")
    with page.open("r+", encoding="utf-8") as handle:
        handle.write(text.replace("营商环境", "营商条件"))


def different_day(monkeypatch):
    class Tomorrow(date):
        @classmethod
        def today(cls):
            return date.fromordinal(date.today().toordinal()) + timedelta(days=1)
    monkeypatch.setattr(last_build, "date", Tomorrow)


CHANGES = {
    "a report edited in place": lambda a, mp: edit_in_place(a / "docs/reports/2019/r1.md"),
    "a report added": lambda a, mp: report(a, 5),
    "a report removed": lambda a, mp: (a / "docs/reports/2019/r1.md").unlink(),
    "an original beside a report": lambda a, mp: (a / "docs/reports/2019/r1.docx").write_bytes(b"PK"),
    "mkdocs.yml edited": lambda a, mp: (a / "mkdocs.yml").write_text(
        (a / "mkdocs.yml").read_text(encoding="utf-8").replace("工作报告档案", "工作报告档案库"), encoding="utf-8"),
    "topics.yml added": lambda a, mp: (a / "topics.yml").write_bytes(TOPICS.read_bytes() + b"\n# \xe6\x94\xb9\n"),
    "the site removed": lambda a, mp: shutil.rmtree(a / "site"),
    "a new day": lambda a, mp: different_day(mp),
    "a new program": lambda a, mp: mp.setattr(last_build, "program_version", lambda: "another"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_to_what_a_build_reads_builds_again(archive, monkeypatch, change):
    builds = Builds(archive)
    builds()
    builds()
    assert builds.unchanged == 1
    if change == "the site removed":
        CHANGES[change](archive, monkeypatch)
        builds()
        assert builds.unchanged == 1 and (archive / "site" / "index.html").exists()
    else:
        assert builds.site_made(lambda: CHANGES[change](archive, monkeypatch))
    builds()
    assert builds.unchanged == 2  # and the new site is remembered in its turn


def test_the_inbox_the_build_cache_and_hidden_folders_are_not_inputs(archive):
    builds = Builds(archive)
    builds()
    (archive / "inbox" / "新报告.docx").write_bytes(b"PK")
    (archive / ".archive" / "build" / "rendered").unlink()
    (archive / ".venv").mkdir()
    (archive / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (archive / "__pycache__").mkdir()
    builds()
    assert builds.unchanged == 1


def test_files_changed_in_the_last_seconds_are_not_trusted(archive, monkeypatch):
    monkeypatch.setattr(last_build, "RACY_SECONDS", 3600)  # every file "just written"
    builds = Builds(archive)
    builds()
    assert not (archive / last_build.RECORD).exists()
    assert builds.site_made(lambda: None)


@pytest.mark.parametrize("setting", ["site_url: !ENV [SITE_URL, 'https://example.org/']",
                                     "INHERIT: ../shared.yml", "docs_dir: ../elsewhere"])
def test_a_configuration_that_reads_beyond_the_archive_always_builds(archive, setting):
    if setting.startswith("INHERIT"):
        (archive.parent / "shared.yml").write_text("site_description: 共用\n", encoding="utf-8")
    if setting.startswith("docs_dir"):
        shutil.copytree(archive / "docs", archive.parent / "elsewhere")
    mkdocs = archive / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    mkdocs.write_text(text.replace("docs_dir: docs\n", "") + setting + "\n", encoding="utf-8")
    builds = Builds(archive)
    builds()
    assert builds.site_made(lambda: None)


def test_a_check_error_builds_nothing_and_is_found_again(archive):
    builds = Builds(archive)
    builds()
    page = archive / "docs/reports/2019/r1.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    site = os.stat(archive / "site").st_ino
    for _ in range(2):
        assert any(f.is_error for f in builds())
    assert builds.unchanged == 0 and os.stat(archive / "site").st_ino == site


def test_the_build_messages_are_repeated(archive, caplog):
    guide = archive / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[旧页面](missing.md)\n", encoding="utf-8")
    builds = Builds(archive)
    with caplog.at_level(logging.WARNING):
        builds()
        first = [r.getMessage() for r in caplog.records if "missing.md" in r.getMessage()]
        caplog.clear()
        builds()
        again = [r.getMessage() for r in caplog.records if "missing.md" in r.getMessage()]
    assert first and again == first and builds.unchanged == 1


def test_a_damaged_record_is_ignored(archive):
    builds = Builds(archive)
    builds()
    record = archive / last_build.RECORD
    for damage in (b"\x80garbage", json.dumps({"stamp": 1, "site": "x"}).encode(), b"[]"):
        record.write_bytes(damage)
        assert builds.site_made(lambda: None)


def test_the_command_says_so_and_clean_builds_everything_again(archive):
    assert "网站已生成" in run(archive, "build").output
    assert UP_TO_DATE in run(archive, "build").output
    assert (archive / ".archive" / "build" / "rendered").exists()
    cleaned = run(archive, "build", "--clean")
    assert "网站已生成" in cleaned.output and UP_TO_DATE not in cleaned.output
    assert UP_TO_DATE in run(archive, "build").output


def test_a_file_name_that_is_not_utf8_stops_the_build_with_a_clear_message(archive):
    run(archive, "build")
    site = os.stat(archive / "site").st_ino
    page = archive / "docs" / "reports" / "2019" / os.fsdecode(b"bad-\xff.md")
    page.write_text((archive / "docs/reports/2019/r1.md").read_text(encoding="utf-8").replace("（1）", "（坏）"),
                    encoding="utf-8")
    for command in ("check", "build"):
        result = subprocess.run([sys.executable, "-m", "converter", command], cwd=archive, capture_output=True)
        stderr = result.stderr.decode("utf-8", "replace")  # other lines name the file as it is
        assert result.returncode == 1 and "程序内部错误" not in stderr
        assert "docs/reports/2019/bad-\\udcff.md：错误：文件名含有无法识别的字符" in stderr
    assert os.stat(archive / "site").st_ino == site


def test_the_build_alone_refuses_a_file_name_that_is_not_utf8(archive, caplog):
    """Without the check (the preview), the build stops with a line naming the file."""
    page = archive / "docs" / "reports" / "2019" / os.fsdecode(b"bad-\xff.md")
    page.write_bytes((archive / "docs/reports/2019/r1.md").read_bytes())
    with pytest.raises(ArchiveError, match=r"^网站生成失败：reports/2019/bad-\\udcff.md：文件名含有无法识别的字符"):
        build_site(archive, Path("site"), parallel=False)
    assert not any("文件名含有" in r.getMessage() for r in caplog.records)  # said once, by the error
