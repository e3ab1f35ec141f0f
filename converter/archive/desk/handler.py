"""The HTTP layer of `archive serve`: every request through the gate, then the desk (`/_desk/`), the
live-reload script (`/_preview/`), or a file of the preview site.

Standard library only (`http.server`). Every answer carries its length and no-store caching; the desk's
pages carry the site's Content-Security-Policy and may not be framed; the preview's pages get the
reload script and may be framed by the desk only.
"""
from __future__ import annotations

import json
import logging
import mimetypes
from html import escape
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from string import Template
from urllib.parse import parse_qs, unquote, urlsplit

from converter.archive.desk import api
from converter.archive.desk.preview import with_reload
from converter.archive.prepare import program_error
from converter.site.csp import with_policy

HERE = Path(__file__).parent
STATIC = {p.name: p for p in (HERE / "static").iterdir() if p.suffix in (".js", ".css")}
TEXT_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".json": "application/json",
              ".xml": "application/xml", ".svg": "image/svg+xml", ".txt": "text/plain"}
MAX_JSON = 64 * 1024
log = logging.getLogger(__name__)
GETS = {"/_desk/api/overview": api.overview, "/_desk/api/report": api.report, "/_desk/api/changes": api.changes,
        "/_preview/version": api.preview_version}
POSTS = {"/_desk/api/save": api.save_report, "/_desk/api/decide": api.decide, "/_desk/api/dismiss": api.dismiss,
         "/_desk/api/publish": api.publish}
REFUSED = {"host": (400, "地址不对：请用 archive serve 显示的地址打开（http://127.0.0.1:端口/）。"),
           "path": (400, "请求的地址无效。"),
           "origin": (403, "请求不是从审核台页面发出的，已拒绝。请在审核台页面里操作。"),
           "token": (403, "审核台的会话已过期（预览服务重启过）。请刷新页面后重试。"),
           "type": (415, "请求格式不对。请刷新页面后重试。"),
           "size": (413, "请求太大。请刷新页面后重试。")}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "archive"
    sys_version = ""
    desk = None  # set on the subclass the server makes

    def log_message(self, *args) -> None:
        pass  # staff's terminal shows imports and problems, not requests

    def do_GET(self) -> None:
        self._answer(self._get)

    def do_HEAD(self) -> None:
        self._answer(self._get)

    def do_POST(self) -> None:
        self._answer(self._post)

    def _answer(self, route) -> None:
        url = urlsplit(self.path)
        path, query = unquote(url.path), {k: v[0] for k, v in parse_qs(url.query).items()}
        if not self.desk.gate.host_ok(self.headers.get("Host")):
            return self._refuse("host")
        if any(".." in text or "\\" in text or "\x00" in text for text in (path, *query.values())):
            return self._refuse("path")
        if path.startswith("/_desk") and not self.desk.gate.desk:
            return self._text(403, self.desk.desk_off)
        try:
            route(path, query)
        except (ConnectionError, TimeoutError):
            raise  # the browser left: nobody to answer
        except Exception as error:  # a bug: one line for staff, the details with -v
            log.error("审核台：%s", program_error(None, error), exc_info=log.isEnabledFor(logging.INFO))
            self._json(500, {"message": program_error(None, error)})

    def _get(self, path: str, query: dict) -> None:
        if path in ("/_desk", "/_desk/"):
            return self._desk_page() if path == "/_desk/" else self._redirect("/_desk/")
        if path.startswith("/_desk/static/") and path[len("/_desk/static/"):] in STATIC:
            return self._file(STATIC[path[len("/_desk/static/"):]], frame="DENY")
        if path in GETS:
            return self._json(*GETS[path](self.desk, query))
        if path == "/_preview/reload.js":
            return self._file(HERE / "static" / "reload.js", frame="SAMEORIGIN")
        if path.startswith("/_desk/"):
            return self._text(404, "审核台没有这个页面。请打开 /_desk/。")
        self._preview(path)

    def _post(self, path: str, query: dict) -> None:
        self.close_connection = True  # one request a connection: a refused request's body may be left unread
        gate = self.desk.gate
        if not gate.origin_ok(self.headers.get("Origin"), self.headers.get("Host")) \
                or self.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
            return self._refuse("origin")
        if not gate.token_ok(self.headers.get("X-Desk-Token")):
            return self._refuse("token")
        kind = self.headers.get("Content-Type", "").split(";")[0].strip()
        if path == "/_desk/api/upload":
            if kind != "application/octet-stream":
                return self._refuse("type")
            return self._json(*api.upload(self.desk, self.headers, self.rfile))
        if path not in POSTS:
            return self._text(404, "审核台没有这个操作。")
        if kind != "application/json":
            return self._refuse("type")
        body = self._json_body()
        if body is None:
            return self._refuse("size")
        self._json(*POSTS[path](self.desk, query, body))

    def _json_body(self) -> dict | None:
        length = self.headers.get("Content-Length", "")
        if not length.isdigit() or int(length) > MAX_JSON:
            return None
        try:
            body = json.loads(self.rfile.read(int(length)) or b"{}")
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}

    def _desk_page(self) -> None:
        page = Template((HERE / "templates" / "desk.html").read_text(encoding="utf-8"))
        html = with_policy(page.substitute(token=self.desk.gate.token))
        self._send(200, html.encode("utf-8"), "text/html; charset=utf-8", frame="DENY")

    def _preview(self, path: str) -> None:
        found = self.desk.preview.file(path)
        status = 200
        if found is None:
            status, found = 404, self.desk.preview.file("/404.html")
        if found is None and self.desk.preview.version.count:
            return self._text(404, "预览中没有这个页面。")
        if found is None:  # no preview yet: this page reloads itself after the first build
            return self._send(503, self._no_preview().encode("utf-8"), "text/html; charset=utf-8", "SAMEORIGIN")
        self._file(found, status, frame="SAMEORIGIN")

    def _no_preview(self) -> str:
        error = self.desk.preview.error
        page = Template((HERE / "templates" / "building.html").read_text(encoding="utf-8")).substitute(
            title="预览未能生成" if error else "预览正在生成",
            message=escape(error + "改正后本页会自动刷新。" if error else "网站预览正在生成，完成后本页会自动刷新。"))
        return with_reload(with_policy(page), 0)

    def _file(self, path: Path, status: int = 200, frame: str = "SAMEORIGIN") -> None:
        kind = TEXT_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = path.read_bytes()
        if kind == "text/html":
            data = with_reload(data.decode("utf-8", "replace"), self.desk.preview.version.count).encode("utf-8")
        if kind.startswith("text/") or kind in ("application/json", "application/xml", "image/svg+xml"):
            kind += "; charset=utf-8"
        self._send(status, data, kind, frame=frame)

    def _json(self, status: int, answer: dict) -> None:
        try:
            data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: escaped, the JSON stays valid
            data = json.dumps(answer).encode("ascii")
        self._send(status, data, "application/json; charset=utf-8", frame="DENY")

    def _text(self, status: int, text: str) -> None:
        self._send(status, text.encode("utf-8"), "text/plain; charset=utf-8", frame="DENY")

    def _refuse(self, why: str) -> None:
        status, message = REFUSED[why]
        self.close_connection = True  # a body the request may carry is left unread
        self._json(status, {"message": message})

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, data: bytes, kind: str, frame: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", frame)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
