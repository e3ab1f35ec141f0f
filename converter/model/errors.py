"""Errors that reach staff: each one says what is wrong and what to do, in Chinese.

Code raises `ArchiveError(code, problem, fix)`; the CLI prints `line(path)`:
`2019-农业局.doc：这是 Word 97-2003 格式（.doc），只能导入 .docx。请用 Word 或 WPS 另存为 .docx 后再导入。`
"""
from __future__ import annotations

from pathlib import Path


class ArchiveError(Exception):
    def __init__(self, code: str, problem: str, fix: str = ""):
        super().__init__(problem)
        self.code = code
        self.problem = problem
        self.fix = fix

    def line(self, path: str | Path | None = None) -> str:
        text = _sentence(self.problem) + (_sentence(self.fix) if self.fix else "")
        return f"{Path(path).name}：{text}" if path else text


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？")) else text + "。"
