"""For the desk's tests: `archive serve` in a subprocess, as staff start it, and raw HTTP requests to it (any
Host, Origin or token: what a hostile page or another machine could send); the files staff drop; a wrong
value for every field staff may set."""
from __future__ import annotations

import http.client
import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from docx_factory import Para, Title, simple_report, write_docx

from converter.metadata.overrides import STAFF_FIELDS

VALID_ID = "11010519491231002X"  # GB 11643's example: a resident ID number with a valid check digit


class Served:
    def __init__(self, archive: Path, *options: str, host: str = "127.0.0.1"):
        self.archive, self.port = archive, free_port()
        self.netloc = f"{host}:{self.port}"
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen([sys.executable, "-m", "converter", "serve", "--dev-addr", self.netloc, *options],
                                        cwd=archive, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.token = ""

    def start(self, desk: bool = True) -> "Served":
        """Wait for the server (and, for the desk, its token and the first preview); stopped if it fails."""
        try:
            wait_for(self.url + ("_desk/" if desk else ""), self.process, ok_statuses=(200, 403, 503))
            if desk:
                page = self.request("GET", "/_desk/")[1]
                self.token = re.search(r'name="desk-token" content="([^"]+)"', page).group(1)
                self.preview_version(since=0)
        except BaseException:
            self.stop()
            raise
        return self

    def preview_version(self, since: int) -> int:
        """The preview's build number once it is past `since` (the server waits up to 25 s a request)."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            version = self.request("GET", f"/_preview/version?since={since}")[1]["version"]
            if version != since:
                return version
        raise AssertionError("the preview was not rebuilt")

    def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> tuple[int, object]:
        """(status, JSON or text); `Host` is the server's own unless `headers` says otherwise."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            sent = {"Host": f"127.0.0.1:{self.port}", "Content-Length": str(len(body)) if body else None, **(headers or {})}
            for name, value in sent.items():
                if value is not None:
                    connection.putheader(name, value)
            connection.endheaders(body or None)
            response = connection.getresponse()
            data = response.read().decode("utf-8")
        finally:
            connection.close()
        kind = response.getheader("Content-Type", "")
        return response.status, json.loads(data) if kind.startswith("application/json") else data

    def post(self, path: str, body: dict | None = None, **headers) -> tuple[int, object]:
        """A POST as the desk's own page sends it; keyword headers replace or (None) drop its headers."""
        sent = {"Origin": f"http://127.0.0.1:{self.port}", "X-Desk-Token": self.token,
                "Content-Type": "application/json", **{k.replace("_", "-"): v for k, v in headers.items()}}
        return self.request("POST", path, json.dumps(body or {}).encode("utf-8"), sent)

    def overview(self) -> dict:
        return self.request("GET", "/_desk/api/overview")[1]

    def wait(self, condition, seconds: float = 90, what: str = "the desk") -> dict:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            state = self.overview()
            if condition(state):
                return state
            time.sleep(0.3)
        raise AssertionError(f"{what} did not get there: {self.overview()}")

    def stop(self) -> tuple[str, str]:
        self.process.send_signal(signal.SIGINT)  # what Ctrl+C does
        try:
            return self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.communicate()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 90, ok_statuses=(200,)) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"archive serve exited: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError as error:
            if error.code in ok_statuses:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"archive serve did not answer at {url}")


def three_files(folder: Path) -> dict[str, Path]:
    """One good report, one with a resident ID number in it, one corrupt (cut short)."""
    good = simple_report(folder / "科技局 2023年总结.docx")
    personal = write_docx(folder / "信访工作总结.docx", [
        Title("2023年区信访局工作总结"), Para(f"来访群众张某（身份证号 {VALID_ID}）反映的问题已办结。"),
        Para("区信访局", align="right"), Para("2023年12月20日", align="right")])
    corrupt = folder / "损坏的报告.docx"
    corrupt.write_bytes(good.read_bytes()[:1500])
    return {"good": good, "personal": personal, "corrupt": corrupt}


# A bad value of each kind as the form sends it, and the same value as a hand edit writes it in YAML.
BAD = {
    "text": (["两个", "值"], ["两个", "值"]),
    "year": ("1800", 1800),
    "doc_type": ("年度报告", "年度报告"),
    "date": ("2023-02-30", "2023-02-30"),
    "text_list": ([1, 2], [1, 2]),
    "index_number": ("2023-12", "2023-12"),
    "summary": ("长" * 101, "长" * 101),
    "disclosure": ("不公开", "不公开"),
}
BAD_REQUIRED_TEXT = ("  ", "")  # a required text left empty


def bad_values() -> list:
    """(key, as the form sends it, as a hand edit writes it) for every field staff may set."""
    cases = []
    for field in STAFF_FIELDS:
        bad = BAD_REQUIRED_TEXT if field.required and field.kind.name == "text" else BAD.get(field.kind.name)
        if bad:  # a kind without one fails test_every_kind_of_staff_field_has_a_bad_value_in_this_test
            cases.append(pytest.param(field.key, *bad, id=field.key))
    return cases
