"""The desk's publish button: the check, then `archive build`; the old site kept when anything fails."""
from __future__ import annotations

import os

import pytest
from archive_helpers import pages, run, tree
from desk_helpers import Served
from docx_factory import simple_report


@pytest.fixture
def served(archive, tmp_path):
    run(archive, "add", str(simple_report(tmp_path / "科技局总结.docx")))
    server = Served(archive).start()
    yield server
    server.stop()


def publish(served) -> dict:
    """Press the button; the result of this publication (it may be over before the answer comes back)."""
    status, answer = served.post("/_desk/api/publish")
    assert status == 202
    started = answer["publish"]["started"]
    return served.wait(lambda s: s["publish"]["started"] == started and not s["publish"]["running"], seconds=300,
                       what="the publication")["publish"]


def test_publishing_builds_the_site_and_lists_the_report_as_published(served):
    result = publish(served)
    assert result["ok"] and result["lines"] == ["网站已生成：site 文件夹。把 site 文件夹的全部内容上传到网站服务器即可发布。"]
    assert (served.archive / "site" / "reports" / "2023" / "kejiju-gongzuo-zongjie" / "index.html").is_file()
    assert [r["published"] for r in served.overview()["reports"]] == [True]


def test_a_check_error_stops_the_publication_and_keeps_the_old_site(served):
    assert publish(served)["ok"]
    site = tree(served.archive / "site")
    page = served.archive / pages(served.archive)[0]
    page.write_text(page.read_text(encoding="utf-8").replace("year: 2023\n", "year: 1800\n"), encoding="utf-8")
    result = publish(served)
    assert not result["ok"]
    assert result["lines"] == [
        "网站未生成：内容检查发现 1 个错误，原有网站保持不变。请按下面的提示修正后再发布。",
        f"{pages(served.archive)[0]}：错误：年度（year）应是 1949–2100 之间的年份（四位数字），现为 “1800”。请写成例如“year: 2023”。"]
    assert tree(served.archive / "site") == site


def test_a_second_publication_while_one_runs_is_refused(served):
    assert served.post("/_desk/api/publish")[0] == 202
    status, answer = served.post("/_desk/api/publish")
    assert (status, answer["message"]) == (409, "正在发布，请等这次完成。")
    served.wait(lambda s: not s["publish"]["running"], seconds=300, what="the publication")


def test_a_page_whose_file_name_is_not_utf8_is_listed_and_the_check_names_it(archive, tmp_path):
    run(archive, "add", str(simple_report(tmp_path / "科技局总结.docx")))
    server = Served(archive).start()
    page = archive / pages(archive)[0]
    page.with_name(os.fsdecode(b"\xff.md")).write_bytes(page.read_bytes())  # the preview then fails: it says why
    try:
        status, answer = server.request("GET", "/_desk/api/overview")
        assert status == 200 and len(answer["reports"]) == 2
        result = publish(server)
        assert not result["ok"]
        assert any(line.startswith("docs/reports/2023/\\udcff.md：错误：文件名含有无法识别的字符") for line in result["lines"])
    finally:
        server.stop()
