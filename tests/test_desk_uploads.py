"""Files dropped on the desk: stored under generated names, imported by the importer of `archive add` with
the name staff gave them, and refused files kept for staff's decision."""
from __future__ import annotations

import io
import threading

import pytest
from archive_helpers import pages
from desk_helpers import three_files
from docx_factory import Para, Title, write_docx

from converter.archive.desk.guard import upload_name
from converter.archive.desk.uploads import FOLDER, MAX_WAITING, Upload, Uploads
from converter.data.frontmatter import split_page
from converter.model.errors import ArchiveError


def receive(uploads: Uploads, path, name: str | None = None):
    data = path.read_bytes()
    shown, suffix = upload_name(name or path.name)
    return uploads.receive(shown, suffix, len(data), io.BytesIO(data))


def import_waiting(uploads: Uploads) -> None:
    """One round of the desk's import thread."""
    stop = threading.Event()
    uploads._wake.set()
    runner = threading.Thread(target=uploads.watch, args=(stop,))
    runner.start()
    while any(u.status in ("waiting", "importing") for u in uploads.entries.values()):
        stop.wait(0.2)
    stop.set()
    runner.join()


def test_an_upload_is_stored_under_a_generated_name_and_remembered_by_the_name_staff_gave(archive, tmp_path):
    uploads = Uploads(archive)
    upload = receive(uploads, three_files(tmp_path)["good"])
    stored = uploads.path(upload)
    assert stored.parent == archive / FOLDER
    assert stored.name == f"{upload.id}.docx" and len(upload.id) == 16
    assert Uploads(archive).entries[upload.id].name == "科技局 2023年总结.docx"  # kept in the ledger


def test_the_three_files_are_ready_refused_and_waiting_for_a_decision(archive, tmp_path):
    files, uploads = three_files(tmp_path), Uploads(archive)
    sent = {kind: receive(uploads, path) for kind, path in files.items()}
    import_waiting(uploads)

    good, personal, corrupt = (uploads.entries[sent[k].id] for k in ("good", "personal", "corrupt"))
    assert good.status == "added" and good.page == pages(archive)[0]
    assert not uploads.path(good).exists()  # the importer keeps the original in .archive/originals/
    data, _ = split_page((archive / good.page).read_text(encoding="utf-8"))
    assert data["source"] == "科技局 2023年总结.docx"  # the name staff gave, not the stored one
    assert (corrupt.status, corrupt.code) == ("failed", "corrupt")
    assert corrupt.message == ("损坏的报告.docx：文件已损坏，无法读取（可能没有下载或复制完整，或保存时出错）。"
                               "请重新获取原文件；如能在 Word 或 WPS 中打开，请另存为 .docx 后再导入。")
    assert (personal.status, personal.code) == ("failed", "personal-data")
    assert personal.message.startswith("信访工作总结.docx：含个人信息：")


def test_a_reason_given_for_personal_data_imports_the_file_with_the_reason_recorded(archive, tmp_path):
    uploads = Uploads(archive)
    upload = receive(uploads, three_files(tmp_path)["personal"])
    import_waiting(uploads)
    assert uploads.decide(upload.id, {"publish_override": "当事人同意公开"}) is not None
    import_waiting(uploads)
    assert uploads.entries[upload.id].status == "added"
    data, _ = split_page((archive / uploads.entries[upload.id].page).read_text(encoding="utf-8"))
    assert data["publish_override"] == "当事人同意公开"


def test_the_name_staff_gave_is_what_the_year_is_read_from(archive, tmp_path):
    no_year = write_docx(tmp_path / "x.docx", [Title("区科技局工作总结"), Para("全年完成各项任务。"),
                                               Para("区科技局", align="right")])
    uploads = Uploads(archive)
    upload = receive(uploads, no_year, "2021年科技局工作总结.docx")
    import_waiting(uploads)
    data, _ = split_page((archive / uploads.entries[upload.id].page).read_text(encoding="utf-8"))
    assert (data["year"], data["sources"]["year"], data["source"]) == (2021, "file-name", "2021年科技局工作总结.docx")


def test_uploads_beyond_the_count_limit_are_refused(archive, tmp_path):
    uploads = Uploads(archive)
    for number in range(MAX_WAITING):
        uploads.entries[f"{number:016x}"] = Upload(f"{number:016x}", "a.docx", ".docx", 1, 0.0)
    with pytest.raises(ArchiveError) as refused:
        receive(uploads, three_files(tmp_path)["good"])
    assert refused.value.line() == "科技局 2023年总结.docx：已有 100 个文件等待导入。请等这些文件导入后再上传。"
    assert not (archive / FOLDER).exists()


def test_an_upload_cut_short_leaves_nothing_behind(archive):
    uploads = Uploads(archive)
    with pytest.raises(ArchiveError):
        uploads.receive("报告.docx", ".docx", 1000, io.BytesIO(b"PK\x03\x04 only this much"))
    assert list((archive / FOLDER).iterdir()) == []
    assert uploads.entries == {}


def test_a_refused_file_taken_off_the_list_is_deleted(archive, tmp_path):
    uploads = Uploads(archive)
    upload = receive(uploads, three_files(tmp_path)["corrupt"])
    import_waiting(uploads)
    assert uploads.dismiss(upload.id)
    assert list((archive / FOLDER).iterdir()) == [] and uploads.entries == {}
