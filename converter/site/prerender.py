"""Report pages' Markdown rendered on a second core while MkDocs renders the others.

Rendering Markdown is most of a build's time and MkDocs does it one page at a time. `Prerender` forks
one worker after the files are known (`archive build` only: the live preview keeps MkDocs' own path).
The worker takes reports from the end of the list, MkDocs' loop from the start; each page is claimed
once, under a lock, by whichever comes first. For a page the worker claimed, MkDocs' `Page.render` is
replaced by one that takes the worker's result: the worker ran the same `Page.render` on the same
Markdown with the same configuration and files (it is a fork), so the HTML, table of contents, title,
anchors and log messages are those MkDocs would have produced. If a plugin changed the Markdown after
it was sent, the page is rendered here as usual.
"""
from __future__ import annotations

import queue
import traceback
from dataclasses import dataclass, field

from converter.site import forked
from converter.site.mkdocs_api import Page, PluginError, get_data

FREE, OURS, WORKERS = 0, 1, 2


@dataclass
class Rendered:
    """What `Page.render` leaves on a page, in a form that crosses processes."""

    content: str
    toc: object
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # links_to_anchors by the linked file's src_uri
    logs: list[tuple[str, int, str]] = field(default_factory=list)  # (logger, level, message)


class Prerender:
    def __init__(self, config, files, markdown: dict[str, str]):
        """`markdown`: each report page's Markdown by src_uri, in the order MkDocs will render them."""
        context = forked.CONTEXT
        self.sources = list(markdown)
        self.markdown = markdown
        self.index = {src: i for i, src in enumerate(self.sources)}
        self.claims = context.RawArray("b", len(self.sources))
        self.lock = context.Lock()
        self.results: dict[str, Rendered] = {}
        self.queue = context.Queue()  # the worker's puts never wait for this process to read
        self.worker = forked.start(_work, self, config, files, name="archive-prerender")

    def bind(self, page: Page) -> None:
        """Give `page` a render that uses the worker's result when the worker claims it first."""
        i = self.index.get(page.file.src_uri)
        if i is not None and not self._claim(i, OURS):
            page.render = lambda config, files: self._apply(page, config, files)

    def close(self) -> None:
        """After the build, or when it failed half way (the worker may still hold results)."""
        self.worker.join(timeout=1)
        if self.worker.is_alive():
            self.worker.kill()
            self.worker.join()
        self.queue.close()

    def _claim(self, i: int, who: int) -> bool:
        with self.lock:
            if self.claims[i] != FREE:
                return False
            self.claims[i] = who
            return True

    def _apply(self, page: Page, config, files) -> None:
        del page.render
        src = page.file.src_uri
        result = self._result(src)
        if page.markdown != self.markdown[src]:  # a plugin changed it after it was sent
            return page.render(config, files)
        page.content, page.toc, page._title_from_render = result.content, result.toc, result.title
        page.present_anchor_ids = result.anchors
        if result.links is not None:
            page.links_to_anchors = {files.get_file_from_path(s): links for s, links in result.links.items()}
        forked.replay(result.logs)

    def _result(self, src: str) -> Rendered:
        while src not in self.results:
            try:
                got, rendered = self.queue.get(timeout=1)
            except queue.Empty:
                if not self.worker.is_alive():
                    raise PluginError("报告页面并行渲染的子进程意外退出，请重新生成网站") from None
                continue
            if isinstance(rendered, str):
                raise PluginError(f"{got}：页面渲染失败\n{rendered}")
            self.results[got] = rendered
        return self.results.pop(src)


def report_markdown(files, pages: dict[str, tuple[dict, str]]) -> dict[str, str]:
    """What `Page.read_source` makes of each report's body (`pages`: front matter and body by src_uri),
    in the order MkDocs renders the pages."""
    return {f.src_uri: get_data(pages[f.src_uri][1])[0] for f in files.documentation_pages() if f.src_uri in pages}


def _work(prerender: Prerender, config, files) -> None:
    """In the worker: claim pages from the end and send back what rendering each one left."""
    capture = forked.LogCapture()
    for i in reversed(range(len(prerender.sources))):
        if not prerender._claim(i, WORKERS):
            continue
        src = prerender.sources[i]
        capture.records = []
        try:
            prerender.queue.put((src, _render(src, prerender.markdown[src], config, files, capture)))
        except Exception:  # noqa: BLE001 - reported by the parent, which has the user's terminal
            prerender.queue.put((src, traceback.format_exc()))
    prerender.queue.close()
    prerender.queue.join_thread()


def _render(src: str, markdown: str, config, files, capture: forked.LogCapture) -> Rendered:
    page = Page(None, files.get_file_from_path(src), config)
    page.markdown = markdown
    page.render(config, files)
    links = page.links_to_anchors
    return Rendered(page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                    None if links is None else {f.src_uri: v for f, v in links.items()}, capture.records)
