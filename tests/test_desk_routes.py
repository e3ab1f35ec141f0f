"""The desk's requests as its page sends them, to the real `archive serve`: a wrong value per field, the
decisions about refused files, and files taken off the list."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from archive_helpers import pages, run
from desk_helpers import Served, bad_values
from docx_factory import Para, Title, simple_report, write_docx

from converter.archive.check import check_archive
from converter.data.frontmatter import join_page, split_page


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("routes")
    archive = folder / "档案"
    run(folder, "init", str(archive))
    run(archive, "add", str(simple_report(folder / "科技局总结.docx")))
    server = Served(archive).start()
    yield server
    server.stop()


def upload(served, path, name: str | None = None) -> dict:
    status, answer = served.request("POST", "/_desk/api/upload", path.read_bytes(), {
        "Origin": f"http://127.0.0.1:{served.port}", "X-Desk-Token": served.token,
        "Content-Type": "application/octet-stream", "X-File-Name": quote(name or path.name, safe="")})
    assert status == 202, answer
    upload_id = answer["upload"]["id"]
    return served.wait(lambda s: any(u["id"] == upload_id and u["status"] not in ("waiting", "importing")
                                     for u in s["uploads"]), what="the import")["uploads"], upload_id


def entry(served, upload_id: str) -> dict:
    return next(u for u in served.overview()["uploads"] if u["id"] == upload_id)


@pytest.mark.parametrize("key, typed, in_yaml", bad_values())
def test_a_wrong_value_sent_by_the_form_gets_the_line_archive_check_prints(served, key, typed, in_yaml):
    page = served.archive / pages(served.archive)[0]
    before = page.read_bytes()
    report = served.overview()["reports"][0]
    shown = served.request("GET", f"/_desk/api/report?id={report['id']}")[1]
    status, answer = served.post(f"/_desk/api/save?id={report['id']}", {"values": {key: typed}, "hash": shown["hash"]})
    assert status == 422 and page.read_bytes() == before

    data, body = split_page(before.decode("utf-8"))
    try:
        page.write_text(join_page({**data, key: in_yaml}, body), encoding="utf-8")
        assert answer["problems"] == {key: f.line() for f in check_archive(served.archive) if f.code == "front-matter"}
    finally:
        page.write_bytes(before)


def test_a_report_without_a_year_is_imported_with_the_year_staff_give(served, tmp_path):
    no_year = write_docx(tmp_path / "总结.docx", [Title("区统计局工作总结"), Para("全年完成统计调查任务。"),
                                                  Para("区统计局", align="right")])
    _, upload_id = upload(served, no_year)
    assert entry(served, upload_id)["decision"] == "year"
    status, answer = served.post(f"/_desk/api/decide?id={upload_id}", {"year": "二〇二〇年以后"})
    assert (status, answer["message"]) == (422, "总结.docx：年度应是 1949–2100 之间的年份（四位数字），现为 “二〇二〇年以后”。"
                                                "请写成例如“年度: 2023”。")
    assert served.post(f"/_desk/api/decide?id={upload_id}", {"year": "2020年"})[0] == 202
    done = served.wait(lambda s: entry(served, upload_id)["status"] == "added", what="the import with a year")
    page = next(u["page"] for u in done["uploads"] if u["id"] == upload_id)
    data, _ = split_page((served.archive / page).read_text(encoding="utf-8"))
    assert (data["year"], data["sources"]["year"]) == (2020, "staff")


def test_a_new_version_of_a_report_replaces_it_when_staff_say_so(served, tmp_path):
    newer = simple_report(tmp_path / "科技局总结（修订）.docx", body="全年共申报科技项目38项，立项15项。")
    _, upload_id = upload(served, newer)
    assert entry(served, upload_id)["decision"] == "replace"
    assert served.post(f"/_desk/api/decide?id={upload_id}")[0] == 202
    served.wait(lambda s: entry(served, upload_id)["status"] == "updated", what="the replacement")
    assert "全年共申报科技项目38项" in (served.archive / "docs/reports/2023/kejiju-gongzuo-zongjie.md").read_text()


def test_a_reason_must_be_written_and_a_file_without_a_decision_cannot_get_one(served, tmp_path):
    corrupt = tmp_path / "坏.docx"
    corrupt.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    _, upload_id = upload(served, corrupt)
    assert entry(served, upload_id)["decision"] == ""
    status, answer = served.post(f"/_desk/api/decide?id={upload_id}", {"publish_override": "理由"})
    assert status == 404
    assert served.post(f"/_desk/api/dismiss?id={upload_id}")[0] == 200
    assert all(u["id"] != upload_id for u in served.overview()["uploads"])
