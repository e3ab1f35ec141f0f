"""Hand edits are sacred: re-imports never overwrite them without --force, --force keeps a backup, and
front-matter corrections survive even --force. Pages never change their file name."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from archive_helpers import pages, run
from docx_factory import simple_report

from converter.data.frontmatter import join_page, split_page


@pytest.fixture
def imported(archive: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A report imported into the archive: (its original, its page)."""
    original = simple_report(tmp_path / "科技局 2023.docx")
    assert run(archive, "add", original).exit_code == 0
    return original, archive / pages(archive)[0]


def edit(page: Path, body_extra: str = "", **front_matter) -> None:
    data, body = split_page(page.read_text(encoding="utf-8"))
    for key, value in front_matter.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    page.write_text(join_page(data, body + body_extra), encoding="utf-8")


def front(page: Path) -> dict:
    return split_page(page.read_text(encoding="utf-8"))[0]


def test_hand_edited_page_survives_reimport_of_the_same_file(archive, imported):
    original, page = imported
    edit(page, "\n（注：本页由办公室校对。）\n", title="2023年明湖区科技局工作总结")
    edited = page.read_bytes()

    result = run(archive, "add", original)

    assert result.exit_code == 0
    assert page.read_bytes() == edited
    assert result.stdout.splitlines()[0] == \
        f"科技局 2023.docx：未变化，跳过（{page.relative_to(archive).as_posix()} 有手工修改，已保留）"


def test_force_regenerates_the_body_keeps_a_backup_and_says_where(archive, imported):
    original, page = imported
    edit(page, "\n（注：本页由办公室校对。）\n")
    edited = page.read_bytes()

    result = run(archive, "add", "--force", original)

    assert result.exit_code == 0
    line = result.stdout.splitlines()[0]
    name = page.relative_to(archive).as_posix()
    assert line.startswith(f"科技局 2023.docx：已更新，覆盖手工修改 → {name}（原页面已备份到 .archive/backup/")
    backup = archive / line.split("备份到 ")[1].rstrip("/）")
    assert (backup / name).read_bytes() == edited
    assert (backup / name).with_suffix(".docx").is_file()
    assert "办公室校对" not in page.read_text(encoding="utf-8")
    assert pages(archive) == [name]


def test_front_matter_corrections_survive_force(archive, imported):
    original, page = imported
    edit(page, title="2023年明湖区科技局工作总结", region="明湖区", topics=["科技创新"], date=None)

    run(archive, "add", "--force", original)

    data = front(page)
    assert data["title"] == "2023年明湖区科技局工作总结"
    assert data["region"] == "明湖区"
    assert data["topics"] == ["科技创新"]
    assert "date" not in data  # staff removed a wrong date: it stays removed
    assert {data["sources"][k] for k in ("title", "region", "topics")} == {"staff"}


def test_new_version_with_force_keeps_file_name_and_corrections_and_takes_new_content(archive, imported,
                                                                                        tmp_path):
    _, page = imported
    edit(page, region="明湖区")
    before = front(page)
    second = simple_report(tmp_path / "科技局 2023 修订版.docx", body="全年共申报科技项目38项，立项15项。",
                           date="2024年1月5日")

    refused = run(archive, "add", second)
    assert refused.exit_code == 1
    result = run(archive, "add", "--force", second)

    assert result.exit_code == 0, result.output
    assert pages(archive) == [page.relative_to(archive).as_posix()]
    data = front(page)
    assert "38项" in page.read_text(encoding="utf-8")
    assert data["region"] == "明湖区"
    assert data["date"] == "2024-01-05"  # staff did not touch it: the new version's date
    assert data["source"] == "科技局 2023 修订版.docx"
    assert data["sha256"] != before["sha256"]
    assert data["imported"] == before["imported"]


def test_force_on_an_unchanged_unedited_page_changes_nothing(archive, imported):
    original, page = imported
    before = page.read_bytes()
    result = run(archive, "add", "--force", original)
    assert page.read_bytes() == before
    assert not (archive / ".archive" / "backup").exists() or not any((archive / ".archive" / "backup").rglob("*.md"))
    assert "未变化" in result.stdout


def test_page_saved_with_windows_line_endings_is_still_recognised(archive, imported):
    original, page = imported
    page.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
    result = run(archive, "add", original)
    assert result.stdout.splitlines()[0].startswith("科技局 2023.docx：未变化，跳过（")
    assert "有手工修改" not in result.stdout  # line endings are not an edit
    assert len(pages(archive)) == 1


def test_without_the_generated_snapshot_every_front_matter_value_counts_as_staffs(archive, imported):
    original, page = imported
    edit(page, "\n补充。\n", region="明湖区")
    for snapshot in (archive / ".archive" / "generated").rglob("*.json"):
        snapshot.unlink()

    run(archive, "add", "--force", original)

    data = front(page)
    assert data["region"] == "明湖区"
    assert json.loads((archive / ".archive" / "generated" / Path(pages(archive)[0]).with_suffix(".json"))
                      .read_text(encoding="utf-8"))["sha256"] == data["sha256"]
