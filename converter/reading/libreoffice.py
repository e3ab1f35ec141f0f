"""LibreOffice turns .doc, .wps, .rtf and .odt files into .docx, which the .docx reader then reads. The
one module that runs `soffice` (Debian package `libreoffice-writer-nogui`).

One LibreOffice start serves a whole batch (`convert_batch`): starting costs about 1.5 s of CPU, a report
0.1-0.8 s, so `archive add` converts every such file of a run before its workers start, in one
`soffice --convert-to docx` per core. No macro of a document runs and nothing it links to is fetched
(the profile's settings). Each run has its own user profile in a temporary folder (parallel
runs never share LibreOffice's profile lock), an address-space limit, and a time limit per file: when no
file has been finished for that long, LibreOffice is killed, the file it was on is reported as hanging,
and the rest of the batch goes on in a new run. `to_docx` is a batch of one (`archive convert`).

Files are given to LibreOffice under plain ASCII names in a folder of our own: it mangles some names,
and a name must never be read as an option.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Callable

from converter.model.errors import ArchiveError
from converter.reading.package_limits import MEMORY_LIMIT_BYTES, TIME_LIMIT_SECONDS

PACKAGE = "libreoffice-writer-nogui"
FORMATS = {"doc": "Word 97-2003 格式（.doc）", "wps": "WPS 文字格式（.wps）", "rtf": "RTF 格式（.rtf）",
           "odt": "OpenDocument 格式（.odt）"}
POLL = 0.1  # seconds between looks at the output folder
# The profile's settings: no macro of a document ever runs (a received file is never trusted), and what a
# document links to on the web (a picture) is never fetched: every request goes to a proxy that is not there.
SETTING = '<item oor:path="/org.openoffice.{0}"><prop oor:name="{1}" oor:op="fuse"><value>{2}</value></prop></item>'
SETTINGS = "\n".join(
    ['<?xml version="1.0" encoding="UTF-8"?>', '<oor:items xmlns:oor="http://openoffice.org/2001/registry">']
    + [SETTING.format(*item) for item in (
        ("Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
        ("Office.Common/Security/Scripting", "MacroSecurityLevel", 3),
        ("Inet/Settings", "ooInetProxyType", 2), ("Inet/Settings", "ooInetNoProxy", ""),
        *(("Inet/Settings", f"ooInet{kind}ProxyName", "127.0.0.1") for kind in ("HTTP", "HTTPS", "FTP")),
        *(("Inet/Settings", f"ooInet{kind}ProxyPort", 9) for kind in ("HTTP", "HTTPS", "FTP")))]
    + ["</oor:items>"])
RESAVE = "请用 Word 或 WPS 打开，另存为“Word 文档（*.docx）”后再导入"
Progress = Callable[[int, int], None]  # (files done, files in all)


def missing(kind: str) -> ArchiveError:
    return ArchiveError("libreoffice-missing", f"这是 {FORMATS[kind]}，需要用 LibreOffice 转换，但本机没有安装 LibreOffice",
                        f"请安装后再导入：sudo apt-get install {PACKAGE}（或用 Word、WPS 另存为 .docx）")


def failed(kind: str) -> ArchiveError:
    return ArchiveError("libreoffice-failed", f"这是 {FORMATS[kind]}，用 LibreOffice 自动转换失败（文件可能已损坏）", RESAVE)


def hung(kind: str, seconds: float) -> ArchiveError:
    return ArchiveError("libreoffice-timeout",
                        f"这是 {FORMATS[kind]}，LibreOffice 转换超过 {seconds:g} 秒仍未完成，已停止", RESAVE)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(path: Path, kind: str, workdir: Path, seconds: float = TIME_LIMIT_SECONDS) -> Path:
    """The .docx LibreOffice makes of the file at `path` (of format `kind`), in `workdir`."""
    [result] = convert_batch([(path, kind)], workdir, seconds)
    if isinstance(result, ArchiveError):
        raise result
    return result


def convert_batch(files: list[tuple[Path, str]], workdir: Path, seconds: float = TIME_LIMIT_SECONDS,
                  on_progress: Progress = lambda done, total: None) -> list[Path | ArchiveError]:
    """For each (path, format) of `files`, in order, the .docx made of it (in `workdir`) or why there is
    none. `seconds`: how long one file may take (LibreOffice's start included)."""
    program = soffice()
    if not program:
        return [missing(kind) for _, kind in files]
    inputs = _copy_inputs(files, workdir / "in")
    results: list[Path | ArchiveError | None] = [None] * len(files)
    pending = list(range(len(files)))
    while pending:
        stalled = _run(program, [inputs[i] for i in pending], workdir, seconds,
                       lambda: on_progress(len(files) - len(_still_missing(inputs, pending, workdir)), len(files)))
        for index in pending:
            output = _output(inputs[index], workdir)
            if output.is_file():
                results[index] = output
        left = [i for i in pending if results[i] is None]
        if stalled and left:
            results[left[0]] = hung(files[left[0]][1], seconds)  # the first file not done is the one it hung on
            pending = left[1:]
        else:
            for index in left:
                results[index] = failed(files[index][1])
            pending = []
    on_progress(len(files), len(files))
    return results


def _copy_inputs(files: list[tuple[Path, str]], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    inputs = []
    for number, (path, kind) in enumerate(files, start=1):
        target = folder / f"f{number:05d}.{kind}"
        shutil.copyfile(path, target)
        inputs.append(target)
    return inputs


def _output(source: Path, workdir: Path) -> Path:
    return workdir / "out" / f"{source.stem}.docx"


def _still_missing(inputs: list[Path], pending: list[int], workdir: Path) -> list[int]:
    return [i for i in pending if not _output(inputs[i], workdir).is_file()]


def _run(program: str, inputs: list[Path], workdir: Path, seconds: float, progressed: Callable[[], None]) -> bool:
    """Run LibreOffice over `inputs`: False when it ended by itself, True when it was killed because no
    file was finished for `seconds`."""
    (workdir / "out").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="archive-soffice-") as profile:
        (Path(profile) / "user").mkdir()
        (Path(profile) / "user" / "registrymodifications.xcu").write_text(SETTINGS, encoding="utf-8")
        command = [program, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   f"-env:UserInstallation={Path(profile).as_uri()}", "--convert-to", "docx:MS Word 2007 XML",
                   "--outdir", str(workdir / "out"), *map(str, inputs)]
        process = subprocess.Popen(_limited(command), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True, env=_environment(profile))
        try:
            return _watch(process, inputs, workdir, seconds, progressed)
        finally:
            _kill(process)


def _watch(process: subprocess.Popen, inputs: list[Path], workdir: Path, seconds: float,
           progressed: Callable[[], None]) -> bool:
    done, since = 0, time.monotonic()
    while process.poll() is None:
        time.sleep(POLL)
        now_done = sum(1 for source in inputs if _output(source, workdir).is_file())
        if now_done != done:
            done, since = now_done, time.monotonic()
            progressed()
        elif time.monotonic() - since > seconds:
            return True
    return False


def _limited(command: list[str]) -> list[str]:
    """`command` run under an address-space limit. Set by the shell (`ulimit -v`, in KiB) rather than a
    `preexec_fn`, which may deadlock in a process with threads (`archive serve`)."""
    return ["/bin/sh", "-c", 'ulimit -v "$0" && exec "$@"', str(MEMORY_LIMIT_BYTES // 1024), *command]


def _environment(profile: str) -> dict[str, str]:
    """LibreOffice's environment: the caller's, with a home of its own (it writes there) and no display."""
    environment = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment["HOME"] = profile
    return environment


def _kill(process: subprocess.Popen) -> None:
    """LibreOffice and everything it started (its own session: the launcher and soffice.bin)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
