"""The desk is safe by construction: the real `archive serve`, sent what a hostile page, another machine
or a careless script could send. Each request is refused with a plain line, and nothing is written."""
from __future__ import annotations

import http.client
import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from archive_helpers import run, tree
from desk_helpers import Served
from docx_factory import simple_report

from converter.archive import desk
from converter.archive.desk.uploads import FOLDER, LEDGER
from converter.site.csp import POLICY


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    archive = tmp_path_factory.mktemp("desk") / "档案"
    run(archive.parent, "init", str(archive))
    run(archive, "add", str(simple_report(archive.parent / "科技局总结.docx")))
    server = Served(archive).start()
    yield server
    server.stop()


def written(archive) -> dict:
    """What a request could change: the pages, the inbox, the desk's ledger."""
    ledger = archive / LEDGER
    return {**tree(archive / "docs"), **tree(archive / "inbox"), "ledger": ledger.read_bytes() if ledger.exists() else b""}


def report(served) -> dict:
    first = served.overview()["reports"][0]
    return served.request("GET", f"/_desk/api/report?id={first['id']}")[1]


def a_save(served, **values) -> tuple[str, dict]:
    shown = report(served)
    return f"/_desk/api/save?id={shown['id']}", {"values": values or {"issuer": "区教育局"}, "hash": shown["hash"]}


def test_a_save_without_the_token_is_refused_and_nothing_is_written(served):
    before = written(served.archive)
    path, body = a_save(served)
    for token in (None, "", "a-guess", served.token[:-1]):
        status, answer = served.post(path, body, X_Desk_Token=token)
        assert (status, answer["message"]) == (403, "审核台的会话已过期（预览服务重启过）。请刷新页面后重试。")
    assert written(served.archive) == before


@pytest.mark.parametrize("origin", [None, "http://evil.example", "http://127.0.0.1.evil.example", "null",
                                    "https://127.0.0.1:{port}", "http://localhost:1"])
def test_a_state_changing_request_from_another_origin_is_refused(served, origin):
    before = written(served.archive)
    path, body = a_save(served)
    status, answer = served.post(path, body, Origin=origin and origin.format(port=served.port))
    assert (status, answer["message"]) == (403, "请求不是从审核台页面发出的，已拒绝。请在审核台页面里操作。")
    assert served.post("/_desk/api/publish", Origin="http://evil.example")[0] == 403
    assert written(served.archive) == before


def test_a_cross_site_request_is_refused_even_with_a_matching_origin(served):
    path, body = a_save(served)
    assert served.post(path, body, Sec_Fetch_Site="cross-site")[0] == 403


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "127.0.0.1.nip.io:{port}", ""])
def test_a_request_with_another_host_is_refused_dns_rebinding(served, host):
    headers = {"Host": host.format(port=served.port)}
    for path in ("/_desk/", "/_desk/api/overview", "/"):
        status, answer = served.request("GET", path, headers=headers)
        assert status == 400, path
        assert "地址不对" in answer["message"]
        assert served.token not in json.dumps(answer, ensure_ascii=False)


def test_localhost_by_name_is_the_same_desk(served):
    assert served.request("GET", "/_desk/api/overview", headers={"Host": f"localhost:{served.port}"})[0] == 200


@pytest.mark.parametrize("path", [
    "/_desk/api/report?id=../../../etc/passwd", "/_desk/api/report?id=..%2F..%2Fmkdocs.yml",
    "/_desk/static/../handler.py", "/_desk/static/%2e%2e/handler.py", "/../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd", "/reports/..%2f..%2f..%2fmkdocs.yml", "/_desk/api/changes?since=../1",
    "/.archive/lock", "/%5c..%5cmkdocs.yml",
])
def test_dot_dot_in_any_parameter_is_refused(served, path):
    status, answer = served.request("GET", path)
    assert status in (400, 404)
    assert "site_name" not in str(answer) and "root:" not in str(answer)


@pytest.mark.parametrize("where", ["save?id=../docs/reports", "decide?id=..%2F..%2Fmkdocs.yml", "dismiss?id=../../x",
                                   "save?id=0123456789abcdef"])
def test_a_state_change_addressed_by_a_path_finds_nothing_and_writes_nothing(served, where):
    before = written(served.archive)
    status, _ = served.post(f"/_desk/api/{where}", {"values": {"title": "x"}, "hash": "", "publish_override": "x"})
    assert status in (400, 404)
    assert written(served.archive) == before


@pytest.mark.parametrize("name", ["../../mkdocs.docx", "..\\..\\x.docx", "<script>alert(1)</script>.docx",
                                  ".hidden.docx", "a\x00b.docx", "报告.exe", "", "%FF%FE.docx", "a" * 300 + ".docx"])
def test_an_upload_with_a_name_that_is_not_a_plain_file_name_is_refused(served, name):
    before = written(served.archive)
    encoded = name if name == "%FF%FE.docx" else quote(name, safe="")  # as the page sends it (encodeURIComponent)
    status, answer = served.request("POST", "/_desk/api/upload", b"PK\x03\x04 not much", {
        "Origin": f"http://127.0.0.1:{served.port}", "X-Desk-Token": served.token,
        "Content-Type": "application/octet-stream", "X-File-Name": encoded})
    assert status == 422
    assert answer["message"].endswith(("请把文件改名后重新上传。", "和 .txt 文件。"))
    assert "<script>" not in answer["message"]
    assert written(served.archive) == before


def test_a_refused_name_is_answered_after_the_whole_file_is_sent(served):
    """The file is read to its end before the answer: closing on unread bytes resets the connection, and
    the browser then shows "连接不到预览服务" instead of the refusal (seen with the desk's own page)."""
    status, answer = served.request("POST", "/_desk/api/upload", b"PK\x03\x04" + bytes(8 << 20), {
        "Origin": f"http://127.0.0.1:{served.port}", "X-Desk-Token": served.token,
        "Content-Type": "application/octet-stream", "X-File-Name": quote("<img src=x>.docx", safe="")})
    assert status == 422 and answer["message"].endswith("请把文件改名后重新上传。")


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(served):
    before = written(served.archive)
    status, answer = served.request("POST", "/_desk/api/upload", b"PK", {
        "Origin": f"http://127.0.0.1:{served.port}", "X-Desk-Token": served.token,
        "Content-Type": "application/octet-stream", "X-File-Name": "big.docx", "Content-Length": str(101 << 20)})
    assert (status, answer["message"]) == (413, "big.docx：文件超过 100 MB，不能上传。请确认选对了文件。")
    assert written(served.archive) == before
    assert not (served.archive / FOLDER).exists() or not any((served.archive / FOLDER).iterdir())


def test_a_json_request_of_another_type_or_too_big_is_refused(served):
    path, body = a_save(served)
    assert served.post(path, body, Content_Type="text/plain")[0] == 415
    assert served.post(path, {"values": {"title": "x" * 70_000}, "hash": body["hash"]})[0] == 413


def test_desk_pages_carry_the_sites_policy_and_cannot_be_framed(served):
    page = served.request("GET", "/_desk/")[1]
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert policy == POLICY.replace("'", "&#x27;") or policy == POLICY
    assert page.index("Content-Security-Policy") < page.index("<title>")
    assert "<script>" not in page  # every script is a file of its own
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    connection.request("GET", "/_desk/")
    response = connection.getresponse()
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Cache-Control") == "no-store"
    connection.close()


def test_the_published_site_holds_nothing_of_the_desk(served):
    run(served.archive, "build")
    site = tree(served.archive / "site")
    desk_files = {p.name for p in (Path(desk.__file__).parent).rglob("*") if p.suffix in (".js", ".css", ".html")}
    assert not [name for name in site if "_desk" in name or "_preview" in name or Path(name).name in desk_files]
    for name, data in site.items():  # the staff guide may name the desk's address; nothing of the desk itself
        text = data.decode("utf-8", "replace")
        assert not [mark for mark in ("/_desk/static", "/_desk/api", "desk-token", "X-Desk-Token", "/_preview/")
                    if mark in text], name


def test_the_desk_is_off_on_a_network_address_unless_staff_allow_it(tmp_path):
    archive = tmp_path / "档案"
    run(tmp_path, "init", str(archive))
    server = Served(archive, host="0.0.0.0").start(desk=False)
    try:
        status, text = server.request("GET", "/_desk/", headers={"Host": "192.0.2.1:80"})
        assert status == 403 and "审核台未开启" in text
        status, _ = server.request("POST", "/_desk/api/publish", b"{}", {"Host": f"127.0.0.1:{server.port}",
                                   "Origin": f"http://127.0.0.1:{server.port}", "Content-Type": "application/json"})
        assert status == 403
        assert server.request("GET", "/", headers={"Host": "192.0.2.1:80"})[0] in (200, 503)  # the preview, as before
    finally:
        _, errors = server.stop()
    assert "Traceback" not in errors


def test_allowing_the_remote_desk_on_every_address_is_refused(tmp_path):
    archive = tmp_path / "档案"
    run(tmp_path, "init", str(archive))
    server = Served(archive, "--allow-remote-desk", host="0.0.0.0")
    output, errors = server.process.communicate(timeout=60)
    assert server.process.returncode == 1
    assert errors.strip() == ("审核台不能在所有网络地址（0.0.0.0）上提供。如确需让其他电脑使用审核台，请写出本机在网络中的地址并加 "
                              "--allow-remote-desk，例如 --dev-addr 192.168.1.5:8000。")
