"""What a request must pass before the server reads it: the address it was sent to, where it came from,
the session's token, and names that are never paths.

The desk changes the archive, so it is served on this machine only (127.0.0.1) unless staff pass
`--allow-remote-desk`. A page on another site cannot use it: a state-changing request needs the token
that only the desk's own page carries (CSRF), an `Origin` of the desk itself, and every request a `Host`
this server answers to (a DNS-rebinding page reaches 127.0.0.1 under a foreign host name). Reports and
uploads are addressed by generated ids; no file name or path from the browser is ever used as a path.
"""
from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import unquote

from converter.model.errors import ArchiveError
from converter.reading.intake import DOCUMENT_SUFFIXES

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANY_ADDRESS = ("0.0.0.0", "::", "")
ID = re.compile(r"^[0-9a-f]{16}$")
NOT_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')  # what Windows forbids in a file name, and controls
MAX_NAME_BYTES = 240
REMOTE_FIX = "如确需让其他电脑使用审核台，请写出本机在网络中的地址并加 --allow-remote-desk，例如 --dev-addr 192.168.1.5:8000"


@dataclass(frozen=True)
class Address:
    host: str
    port: int

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK

    @property
    def bind(self) -> str:
        return "127.0.0.1" if self.host == "localhost" else self.host

    def netloc(self, host: str | None = None) -> str:
        host = host or self.host
        return f"[{host}]:{self.port}" if ":" in host else f"{host}:{self.port}"


def parse_address(dev_addr: str) -> Address:
    host, _, port = dev_addr.strip().rpartition(":")
    host = host.strip("[]")
    if not port.isdigit() or not 0 < int(port) < 65536 or not host or NOT_IN_NAMES.search(host.replace(":", "")):
        raise ArchiveError("bad-address", f"预览地址“{dev_addr}”无效", "请写成“地址:端口”，例如 --dev-addr 127.0.0.1:8000")
    return Address(host, int(port))


@dataclass(frozen=True)
class Gate:
    """The checks for one server: the `Host` values it answers to (empty: any), whether the desk is on,
    and the session's token."""

    hosts: frozenset[str]
    desk: bool
    token: str

    @classmethod
    def for_address(cls, address: Address, remote_desk: bool) -> "Gate":
        token = secrets.token_urlsafe(32)
        if address.loopback:
            return cls(frozenset(address.netloc(name) for name in LOOPBACK), True, token)
        if not remote_desk:
            return cls(frozenset(), False, token)  # the preview for the network, as before; no desk
        if address.host in ANY_ADDRESS:
            raise ArchiveError("remote-desk", f"审核台不能在所有网络地址（{address.host}）上提供", REMOTE_FIX)
        return cls(frozenset({address.netloc()}), True, token)

    def host_ok(self, host: str | None) -> bool:
        return not self.hosts or (host or "").lower() in self.hosts

    def origin_ok(self, origin: str | None, host: str | None) -> bool:
        """The request was sent by a page of this server (browsers send `Origin` with every POST)."""
        return bool(origin) and bool(host) and self.host_ok(host) and origin.lower() == f"http://{host.lower()}"

    def token_ok(self, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(sent.encode("utf-8", "replace"), self.token.encode())


def desk_off_line(address: Address) -> str:
    return ArchiveError("desk-off", f"审核台未开启：预览地址 {address.netloc()} 不是本机地址（127.0.0.1），"
                        "审核台只在本机提供", REMOTE_FIX).line()


def safe_id(value: str | None) -> str | None:
    """An id as the server generates them (16 hex digits), or None: nothing else is looked up."""
    return value if value and ID.match(value) else None


def upload_name(header: str | None) -> tuple[str, str]:
    """The name staff gave an uploaded file (sent percent-encoded) and its suffix, one of the importer's;
    `ArchiveError` for a name that could not be a file name on staff's computer."""
    try:
        name = unquote(header or "", errors="strict").strip()
    except UnicodeDecodeError:
        name = ""
    shown = NOT_IN_NAMES.sub("?", name)[:60] or "（无名称）"
    if not name or name.startswith(".") or NOT_IN_NAMES.search(name) or len(name.encode()) > MAX_NAME_BYTES:
        raise ArchiveError("bad-name", f"{shown}：文件名为空、过长或含有不能用于文件名的字符（< > : \" / \\ | ? * 等）",
                           "请把文件改名后重新上传")
    suffix = PurePath(name).suffix.lower()
    known = [s for s in DOCUMENT_SUFFIXES if s == suffix]
    if not known:
        raise ArchiveError("not-document", f"{name}：不是可导入的报告文件格式",
                           "可导入 .docx、.doc、.wps、.rtf、.odt、.pdf、.html、.mht 和 .txt 文件")
    return name, known[0]  # the suffix is the importer's own string, not the browser's
