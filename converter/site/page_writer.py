"""Report pages' templates rendered and written on a second core while MkDocs writes the others.

After the Markdown, filling the theme's templates is the largest part of a build, and MkDocs does it one
page at a time. `PageWriter` forks one worker when MkDocs starts writing pages (`archive build` only):
by then every page is rendered, the template environment is final and the static files are copied, so
the worker, a copy of this process, writes a page exactly as MkDocs would (it calls MkDocs' own
`_build_page`, with every plugin's `on_page_context` and `on_post_page`). The worker takes report pages
from the end of the list, MkDocs' loop from the start; each page is claimed once, under a lock.
`finish` waits for the worker and replays its log messages here.

What plugins send from `on_post_page` to their own workers through `multiprocessing` queues arrives as
from this process: the fork is a `multiprocessing` process, whose queues are usable after a fork.
"""
from __future__ import annotations

import traceback
from typing import Callable

from converter.site import forked
from converter.site.mkdocs_api import PluginError, replace_page_builder

FREE, OURS, WORKER = 0, 1, 2


class PageWriter:
    def __init__(self, sources: list[str]):
        """`sources`: the report pages (src_uri) either process may write, in MkDocs' order."""
        self.index = {src: i for i, src in enumerate(sources)}
        self.sources = sources
        self.claims = forked.CONTEXT.RawArray("b", len(sources))
        self.lock = forked.CONTEXT.Lock()
        self.result: forked.Forked | None = None
        self.restore: Callable[[], None] | None = None

    def install(self) -> None:
        """From now on MkDocs writes pages through `_build`; `finish` puts MkDocs' own back."""
        self.restore = replace_page_builder(lambda original: lambda page, *args, **kwargs:
                                            self._build(original, page, *args, **kwargs))

    def finish(self) -> None:
        """Wait for the worker (every page is written when this returns) and replay its log."""
        if self.restore:
            self.restore()
            self.restore = None
        if self.result is None:
            return
        result, self.result = self.result, None
        try:
            records = result.result()
        except RuntimeError as error:
            raise PluginError(f"报告页面并行写出的子进程出错，请重新生成网站\n{error}") from error
        forked.replay(records)

    def cancel(self) -> None:
        if self.restore:
            self.restore()
            self.restore = None
        if self.result:
            self.result.cancel()
            self.result = None

    def _build(self, original, page, *args, **kwargs) -> None:
        if self.result is None and self.sources:
            self.result = forked.Forked(self._work, original, args, kwargs)
        i = self.index.get(page.file.src_uri)
        if i is None or self._claim(i, OURS):
            original(page, *args, **kwargs)

    def _claim(self, i: int, who: int) -> bool:
        with self.lock:
            if self.claims[i] != FREE:
                return False
            self.claims[i] = who
            return True

    def _work(self, original, args: tuple, kwargs: dict) -> list[tuple[str, int, str]]:
        """In the worker: write the pages it claims; return the log messages writing them made."""
        capture = forked.LogCapture()
        doc_files = args[1]
        pages = {file.src_uri: file.page for file in doc_files}
        for i in reversed(range(len(self.sources))):
            if self._claim(i, WORKER):
                try:
                    original(pages[self.sources[i]], *args, **kwargs)
                except Exception:  # noqa: BLE001 - the parent raises it with the traceback
                    raise RuntimeError(f"{self.sources[i]}\n{traceback.format_exc()}") from None
        return capture.records

