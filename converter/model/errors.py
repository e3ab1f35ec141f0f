"""Errors that reach staff: each one says what is wrong and what to do, in Chinese.

Code raises `ArchiveError(code, problem, fix)`; the CLI prints `line(path)`:
`2019-农业局.doc：这是 Word 97-2003 格式（.doc），用 LibreOffice 自动转换失败（文件可能已损坏）。请用 Word 或 WPS 打开，另存为“Word 文档（*.docx）”后再导入。`
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


def undecodable(name: str) -> bool:
    """Is this file name not UTF-8 (Python holds its undecodable bytes as lone surrogates)?"""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def printable(text: str) -> str:
    """`text` with the undecodable bytes of a file name written as `\\udcff`, not printed raw."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？")) else text + "。"
