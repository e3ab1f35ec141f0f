"""Writes that are all or nothing: a killed process leaves the old file or folder, never half of one.

Files go through a temporary file in the same folder and `os.replace`. A folder (the built site) is
swapped in with one `renameat2(RENAME_EXCHANGE)` where the kernel and file system offer it; elsewhere
with two renames, and `recover_dir` puts the old folder back if a process died between them.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2
UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EXDEV, errno.EPERM}


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that readers see either the old file or the whole new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def replace_dir(new: Path, target: Path, discard=shutil.rmtree) -> None:
    """Put the folder `new` in place of `target`; `new` is gone afterwards, and so is the old target
    (`discard(path)` removes it: the caller may do that in the background)."""
    if not target.exists():
        os.rename(new, target)
        return
    if exchange(new, target):
        discard(new)
        return
    old = _old(target)
    shutil.rmtree(old, ignore_errors=True)
    os.rename(target, old)
    os.rename(new, target)  # a crash just before this line is undone by recover_dir
    shutil.rmtree(old, ignore_errors=True)


def recover_dir(target: Path) -> None:
    """Undo what a process killed inside `replace_dir` left: restore the old folder or drop it."""
    old = _old(target)
    if not old.exists():
        return
    if target.exists():
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(old, target)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; False when this system cannot (the caller falls back)."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


@lru_cache(maxsize=1)
def _renameat2():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def file_stamp(path: Path) -> tuple:
    """Size and modification time: what changes when a file is written (empty when it is gone)."""
    try:
        status = path.stat()
    except OSError:
        return ()
    return status.st_size, status.st_mtime_ns
