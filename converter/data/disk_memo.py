"""Results worked out from a text, kept in a file between builds under the text's SHA-256.

A build works out the same things again from texts that did not change: each page's front matter from
its YAML, what the publication check finds in its body, the searchable text of its HTML. `DiskMemo`
keeps those results in one pickle file (zlib-compressed unless they are long texts), keyed by the digest of the text and a version
string that names the code producing them: a changed text or version is a miss, never a stale value.
`save` keeps only the entries used since the memo was opened (what was changed or removed goes).

The file is read with an unpickler that builds only plain values (str, numbers, lists, dicts, tuples,
sets) and dates, so a damaged or planted file cannot run code; it is then ignored like a missing one.
A memo is an optimisation: any error reading or writing it only costs the work again.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import zlib
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"), ("datetime", "timezone"),
           ("datetime", "timedelta")}


class DiskMemo:
    def __init__(self, path: Path | None, version: str, compress: bool = True):
        """`path` None: a memo that remembers nothing (the work is done every time). `compress` False for
        results that are long texts: zlib would cost more time than the file's size saves."""
        self.path, self.version, self.compress = path, version, compress
        self.old = _load(path, version) if path else {}
        self.used: dict[str, object] = {}
        self.changed = False

    def get(self, text: str, work: Callable[[str], T]) -> T:
        """`work(text)`, or what it returned for the same text before."""
        key = digest(text)
        if self.knows(key):
            return self.take(key)
        value = work(text)
        self.put(key, value)
        return value

    def knows(self, key: str) -> bool:
        """For callers that name entries themselves (by a `digest` of what decides the value)."""
        return key in self.used or key in self.old

    def take(self, key: str):
        """The entry `key` (which `knows`), kept for the next `save`."""
        value = self.used[key] = self.used[key] if key in self.used else self.old[key]
        return value

    def put(self, key: str, value) -> None:
        self.used[key], self.changed = value, True

    def save(self) -> None:
        """Write the entries used since the memo was opened, when anything changed."""
        if not self.path or not (self.changed or len(self.used) != len(self.old)):
            return
        data = pickle.dumps((self.version, self.used), protocol=5)
        if save_quietly(self.path, zlib.compress(data, 1) if self.compress else data):
            self.old, self.changed = dict(self.used), False


def save_quietly(path: Path, data: bytes) -> bool:
    """Replace `path` with `data` at once (a temporary file renamed); False when the disk refused (full or
    read-only): a cache file not written only costs the next build the work again."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
        return True
    except OSError:
        partial.unlink(missing_ok=True)
        return False


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def code_version(*sources) -> str:
    """A version string for results worked out by `sources` (modules, and the rule files they read):
    their contents' digest."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(Path(getattr(source, "__file__", source)).read_bytes())
    return digest.hexdigest()


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) in ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not kept in a memo")


def _load(path: Path, version: str) -> dict:
    try:
        data = path.read_bytes()
        data = zlib.decompress(data) if data[:1] != b"\x80" else data  # a pickle starts with PROTO (0x80)
        found_version, entries = _PlainUnpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: start empty
        return {}
    return entries if found_version == version and isinstance(entries, dict) else {}
