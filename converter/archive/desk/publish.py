"""The desk's publish button: `archive check`, then `archive build`, with the steps and the result shown.

The check runs here first, so staff see its findings before anything is built; the build is the
`archive build` command itself in a process of its own (it checks again, uses both cores, and replaces
`site/` only when everything passed: a failure keeps the old site). Its lines are the result.
"""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from converter.archive.check import check_archive
from converter.archive.prepare import program_error

STEPS = ("检查内容", "生成网站")
BUILD_SECONDS = 3600


class Publisher:
    def __init__(self, root: Path, on_change=lambda: None):
        self.root, self.on_change = root, on_change
        self.state = {"running": False, "step": 0, "steps": list(STEPS), "started": 0.0, "ok": None, "lines": []}
        self._lock = threading.Lock()

    def start(self) -> bool:
        """Publish in the background; False when a publication is already running."""
        with self._lock:
            if self.state["running"]:
                return False
            self.state = {**self.state, "running": True, "step": 1, "started": time.time(), "ok": None, "lines": []}
        threading.Thread(target=self._run, name="publish", daemon=True).start()
        self.on_change()
        return True

    def _run(self) -> None:
        try:
            ok, lines = self._publish()
        except Exception as error:  # a bug ends this publication, not the server
            ok, lines = False, [program_error(None, error)]
        with self._lock:
            self.state = {**self.state, "running": False, "ok": ok, "lines": lines, "finished": time.time()}
        self.on_change()

    def _publish(self) -> tuple[bool, list[str]]:
        findings = check_archive(self.root)
        errors = [f.line() for f in findings if f.is_error]
        hints = len(findings) - len(errors)
        if errors:
            return False, [f"网站未生成：内容检查发现 {len(errors)} 个错误，原有网站保持不变。请按下面的提示修正后再发布。",
                           *errors]
        with self._lock:
            self.state = {**self.state, "step": 2}
        self.on_change()
        build = subprocess.run([sys.executable, "-m", "converter", "build", "-q"], cwd=self.root, text=True,
                               errors="replace", capture_output=True, timeout=BUILD_SECONDS, stdin=subprocess.DEVNULL)
        lines = [line for line in build.stderr.splitlines() if line.strip()]
        if build.returncode != 0:
            return False, lines or ["网站未生成，原有网站保持不变。"]
        note = f"（另有 {hints} 条提示，不影响发布）" if hints else ""
        return True, [f"网站已生成：site 文件夹{note}。把 site 文件夹的全部内容上传到网站服务器即可发布。"]
