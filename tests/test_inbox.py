"""The inbox: files dropped into inbox/ are imported once they stop changing; failures leave a note."""
from __future__ import annotations

import time

from archive_helpers import pages
from docx_factory import simple_report

from converter.archive.inbox import Inbox


def settle(inbox: Inbox, rounds: int = 2) -> list:
    """Poll until the files have been still for the settle time (`rounds` looks, `settle` apart)."""
    outcomes = []
    for _ in range(rounds):
        outcomes += inbox.poll()
        time.sleep(inbox.settle)
    return outcomes + inbox.poll()


def test_dropped_report_is_filed_and_its_original_moved_to_the_done_folder(archive, tmp_path):
    dropped = simple_report(archive / "inbox" / "科技局 总结.docx")
    original = dropped.read_bytes()
    inbox = Inbox(archive, settle=0.2)

    assert inbox.poll() == []  # just arrived: not yet
    outcomes = settle(inbox)

    assert [o.status for o in outcomes] == ["added"]
    assert len(pages(archive)) == 1
    assert not dropped.exists()
    assert (archive / "inbox" / "已导入" / "科技局 总结.docx").read_bytes() == original


def test_file_still_being_copied_is_left_alone_until_it_stops_growing(archive, tmp_path):
    data = simple_report(tmp_path / "r.docx").read_bytes()
    target = archive / "inbox" / "r.docx"
    inbox = Inbox(archive, settle=0.6)
    for end in range(0, len(data), len(data) // 4):  # a slow copy from a shared drive
        target.write_bytes(data[: end + 1])
        assert inbox.poll() == []
        time.sleep(0.3)
    target.write_bytes(data)
    assert settle(inbox, rounds=1)[-1].status == "added"
    assert not (archive / "inbox" / "r.docx.错误.txt").exists()


def test_failed_file_stays_with_a_note_and_is_retried_when_replaced(archive, tmp_path):
    dropped = archive / "inbox" / "坏.docx"
    dropped.write_bytes(b"not a word document")
    inbox = Inbox(archive, settle=0.1)

    outcomes = settle(inbox)

    note = archive / "inbox" / "坏.docx.错误.txt"
    assert [o.status for o in outcomes] == ["failed"]
    assert dropped.exists()
    assert note.read_text(encoding="utf-8").splitlines()[0] == (
        "坏.docx：文件内容不是 Word 文档（可能是其他类型的文件改了扩展名，或文件已损坏）。"
        "请找到该报告的原稿（Word、WPS、RTF、OpenDocument、PDF、网页或文本文件）后再导入。")
    assert settle(inbox) == []  # not retried while unchanged

    simple_report(dropped)  # staff put the right file in its place
    assert [o.status for o in settle(inbox)] == ["added"]
    assert not note.exists()
    assert not dropped.exists()


def test_note_goes_away_when_staff_take_the_file_out(archive):
    dropped = archive / "inbox" / "空.docx"
    dropped.write_bytes(b"")
    inbox = Inbox(archive, settle=0.1)
    settle(inbox)
    assert (archive / "inbox" / "空.docx.错误.txt").exists()
    dropped.unlink()
    inbox.poll()
    assert list((archive / "inbox").iterdir()) == []


def test_same_file_dropped_twice_is_kept_under_a_second_name(archive, tmp_path):
    report = simple_report(tmp_path / "r.docx")
    inbox = Inbox(archive, settle=0.1)
    for _ in range(2):
        (archive / "inbox" / "r.docx").write_bytes(report.read_bytes())
        settle(inbox)
    done = sorted(p.name for p in (archive / "inbox" / "已导入").iterdir())
    assert done == ["r (2).docx", "r.docx"]
    assert len(pages(archive)) == 1


def test_inbox_waits_while_another_import_holds_the_archive(archive):
    from test_lock import hold

    simple_report(archive / "inbox" / "r.docx")
    inbox = Inbox(archive, settle=0.1)
    holder = hold(archive)
    try:
        assert settle(inbox) == []
    finally:
        holder.stdin.close()
        holder.wait()
    assert [o.status for o in inbox.poll()] == ["added"]
