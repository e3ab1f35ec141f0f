"""What `archive add` shows staff: a line per report, a progress bar, and a table to confirm metadata.

Pure text functions plus a small progress bar; Chinese characters count as two columns.
"""
from __future__ import annotations

import unicodedata
from typing import Callable, TextIO

from converter.archive.importer import Outcome

# (header, width in columns); 0: as wide as it is (the last column)
COLUMNS = (("标题", 30), ("年度", 4), ("发文机关", 16), ("文种", 16), ("主题", 28), ("提示", 0))
BAR_WIDTH = 24


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, columns: int) -> str:
    """`text` cut to `columns` (ending in …) and padded to exactly that width; 0 leaves it whole."""
    if not columns:
        return text
    if width(text) > columns:
        while width(text) > columns - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (columns - width(text))


def outcome_line(outcome: Outcome, dry_run: bool) -> str:
    """The one line for a report that did not fail."""
    name, page = outcome.path.name, outcome.page.as_posix() if outcome.page else ""
    if outcome.status == "unchanged":
        kept = f"{page} 有手工修改，已保留" if outcome.edited else page
        return f"{name}：未变化，跳过（{kept}）"
    if outcome.status == "added":
        return f"{name}：{'将导入' if dry_run else '已导入'} → {page}"
    what = ("将更新" if dry_run else "已更新") + ("，覆盖手工修改" if outcome.edited else "")
    kept = "将先备份原页面" if dry_run else f"原页面已备份到 {outcome.backup.as_posix()}/"
    return f"{name}：{what} → {page}（{kept}）"


def inbox_line(outcome: Outcome) -> str:
    """What the terminal of `archive serve` says of a file the inbox (or the desk) filed."""
    return f"收件箱：{outcome.message if outcome.status == 'failed' else outcome_line(outcome, dry_run=False)}"


def table(outcomes: list[Outcome]) -> str:
    """The metadata of the new and updated reports, one row each, for staff to confirm."""
    rows = [[label for label, _ in COLUMNS]]
    for outcome in outcomes:
        meta = outcome.meta
        hint = outcome.warnings[0].message if outcome.warnings else "—"
        if len(outcome.warnings) > 1:
            hint += f"（另 {len(outcome.warnings) - 1} 条）"
        rows.append([meta.title or "（无标题）", str(meta.year), meta.issuer or "（未识别）", meta.doc_type,
                     "；".join(meta.topics) or "—", hint])
    return "\n".join("  ".join(fit(cell, size) for cell, (_, size) in zip(row, COLUMNS)).rstrip()
                     for row in rows)


def summary(outcomes: list[Outcome], dry_run: bool) -> str:
    count = {status: sum(o.status == status for o in outcomes)
             for status in ("added", "updated", "unchanged", "failed")}
    parts = [f"{count['added']} 篇新增", f"{count['unchanged']} 篇未变化"]
    parts += [f"{count['updated']} 篇更新"] * bool(count["updated"])
    parts += [f"{count['failed']} 篇失败"] * bool(count["failed"])
    return ("预演，未写入任何文件：" if dry_run else "导入完成：") + "，".join(parts) + "。"


class Progress:
    """A one-line bar on a terminal (redrawn in place); nothing at all when `stream` is None."""

    def __init__(self, total: int, stream: TextIO | None):
        self.total, self.stream, self.done = total, stream, 0

    def clear(self) -> None:
        if self.stream:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def step(self, label: str = "") -> None:
        self.done += 1
        self.draw("导入中", self.done, self.total, label)

    def draw(self, title: str, done: int, total: int, label: str = "") -> None:
        if self.stream:
            filled = BAR_WIDTH * done // max(total, 1)
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self.stream.write(f"\r\033[K{title} [{bar}] {done}/{total} {fit(label, 30).rstrip()}")
            self.stream.flush()


class AddView:
    """What `archive add` prints while it runs: each file as it is filed, then the table and a summary.

    `echo(text, err)` prints a line (to stderr when `err`); `bar` is the terminal for the progress bar.
    """

    def __init__(self, echo: Callable[..., None], *, dry_run: bool, quiet: bool, verbose: int,
                 bar: TextIO | None):
        self.echo, self.dry_run, self.quiet, self.verbose, self.bar = echo, dry_run, quiet, verbose, bar
        self.progress = Progress(0, None)

    def start(self, count: int) -> None:
        self.progress = Progress(count, self.bar if count > 1 and not self.quiet else None)

    def converting(self, done: int, total: int) -> None:
        """LibreOffice's progress over the .doc, .wps, .rtf and .odt files, before the others are read."""
        self.progress.draw("LibreOffice 转换", done, total, ".doc/.wps/.rtf/.odt")

    def show(self, outcome: Outcome) -> None:
        self.progress.clear()
        if outcome.status == "failed":
            self.echo(outcome.message, err=True)
            if self.verbose and outcome.detail:
                self.echo("  详细信息：" + outcome.detail.rstrip().replace("\n", "\n  "), err=True)
        elif not self.quiet:
            self.echo(outcome_line(outcome, self.dry_run))
        self.progress.step(outcome.path.name)

    def finish(self, outcomes: list[Outcome]) -> None:
        self.progress.clear()
        if self.quiet:
            return
        filed = [o for o in outcomes if o.status in ("added", "updated")]
        if filed:
            self.echo("\n" + table(filed) + "\n")
        for outcome in filed if self.verbose else ():
            for warning in outcome.warnings:
                self.echo(f"{outcome.path.name}：提示：{warning.message}")
        self.echo(summary(outcomes, self.dry_run))
