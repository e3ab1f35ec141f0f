"""Warnings gathered while reading, counted, and turned into `Notice` values for staff at the end."""
from __future__ import annotations

from collections import Counter

from converter.model import Notice

MESSAGES = {
    "unknown-style": "段落样式“{detail}”在文档中没有定义，已按正文处理（{count} 处）",
    "image-missing": "有 {count} 张图片在文件里找不到，已略去",
    "image-external": "有 {count} 张图片链接到文件外部，未导入",
    "image-unsupported": "有 {count} 张图片是网页无法显示的格式（{detail}），已略去",
    "dropped-object": "有 {count} 个嵌入对象（图表、公式或其他程序的对象）无法转换，已略去",
    "dropped-chunk": "有 {count} 段嵌入的外部文档内容无法转换，已略去",
    "hidden-text": "有 {count} 处隐藏文字，未转换",
    "toc-dropped": "文档里的自动目录已略去（网页会自动生成目录）",
    "notes-unreadable": "脚注或尾注部分已损坏，已略去",
}


class Notices:
    def __init__(self):
        self._counts: Counter[tuple[str, str]] = Counter()

    def add(self, code: str, detail: str = "") -> None:
        self._counts[(code, detail)] += 1

    def values(self) -> tuple[Notice, ...]:
        return tuple(Notice(code, MESSAGES[code].format(detail=detail, count=count))
                     for (code, detail), count in self._counts.items())
