"""`archive serve`: the live preview of the site, the inbox, and the review desk, in one local server.

`open_server` binds the address (so a taken port is one message before anything starts); `Server.run`
starts the threads that watch the inbox, import the desk's uploads and rebuild the preview, and serves
until Ctrl+C. Nothing here forks: the importer's workers are spawned (`converter.archive.workers`), the
publication's build is a process of its own.
"""
from __future__ import annotations

import logging
import socket
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from converter.archive.desk.guard import Address, Gate, desk_off_line, parse_address
from converter.archive.desk.handler import Handler
from converter.archive.desk.preview import Changes, Preview
from converter.archive.desk.publish import Publisher
from converter.archive.desk.reports import Reports
from converter.archive.desk.uploads import Uploads
from converter.archive.importer import Outcome
from converter.archive.inbox import Inbox
from converter.archive.prepare import program_error
from converter.model.errors import ArchiveError

log = logging.getLogger(__name__)


class Desk:
    """Everything the requests share: the archive, the gate, and the parts that change it."""

    def __init__(self, root: Path, address: Address, gate: Gate, on_outcome: Callable[[Outcome], None]):
        self.root, self.gate = root, gate
        self.desk_off = "" if gate.desk else desk_off_line(address)
        self.changes = Changes()  # anything the desk shows changed: its page asks again
        self.preview = Preview(root, on_built=self.changes.bump)
        self.uploads = Uploads(root, on_change=self.changes.bump)
        self.reports = Reports(root)
        self.publisher = Publisher(root, on_change=self.changes.bump)
        self.inbox = Inbox(root, lambda outcome: (on_outcome(outcome), self.changes.bump()))


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # a page waiting for the next build does not keep the server from stopping
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        """A browser that left (a page reloaded while it waited) is not a problem; anything else is one line."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            log.error("预览服务：%s", program_error(None, error), exc_info=log.isEnabledFor(logging.INFO))


class Server:
    def __init__(self, desk: Desk, httpd: _HTTPServer, address: Address):
        self.desk, self.httpd, self.address = desk, httpd, address

    @property
    def preview_url(self) -> str:
        return f"http://{self.address.netloc()}/"

    @property
    def desk_url(self) -> str:
        return f"{self.preview_url}_desk/" if self.desk.gate.desk else ""

    def run(self) -> None:
        """Serve until Ctrl+C; the threads stop with the server."""
        stop = threading.Event()
        for name, part in (("inbox", self.desk.inbox), ("preview", self.desk.preview), ("uploads", self.desk.uploads)):
            threading.Thread(target=part.watch, args=(stop,), name=name, daemon=True).start()
        try:
            self.httpd.serve_forever(poll_interval=0.5)
        except KeyboardInterrupt:
            pass  # Ctrl+C is how staff stop the preview
        finally:
            stop.set()
            self.httpd.server_close()


def open_server(root: Path, dev_addr: str, on_outcome: Callable[[Outcome], None] = lambda outcome: None,
                remote_desk: bool = False) -> Server:
    """The server for the archive at `root`, bound to `dev_addr`; `ArchiveError` when it cannot be."""
    address = parse_address(dev_addr)
    gate = Gate.for_address(address, remote_desk)
    desk = Desk(root, address, gate, on_outcome)
    handler = type("DeskHandler", (Handler,), {"desk": desk})
    server_class = type("Server6", (_HTTPServer,), {"address_family": socket.AF_INET6}) \
        if ":" in address.bind else _HTTPServer
    try:
        httpd = server_class((address.bind, address.port), handler)
    except OSError as error:
        raise ArchiveError("serve-failed", f"预览启动失败：地址 {dev_addr} 已被占用或无效",
                           "请换一个端口，例如 --dev-addr 127.0.0.1:8001") from error
    return Server(desk, httpd, address)
