"""Report texts collected while the site is built, and the index built from them.

`Collector` takes a page's searchable text from its HTML (page_text.py) and builds and writes the
index. `archive build` runs it in a forked process (`CollectorProcess`, same methods), fed while pages
are rendered, so that extracting text and building the index use the second core while this one
renders templates:

- a report page's content is sent as soon as it is rendered (`add_fragment`): the report template
  wraps it in `<div data-search-body>`, so its text can be taken from the content alone; once every
  page has its content the worker builds the index speculatively (`speculate`);
- when the page is written, the plugin checks that the page really holds the content as the whole of
  its first marked element (`wrapped_in`); a page that does not, or a page found searchable only
  then, is sent whole (`add_page`) and the index is built again at the end. So the index always holds
  the text search-eval takes from the written pages.
- a content whose tags could close the element elsewhere in the page than in the fragment (see
  page_text.fragment_text) is read back from the written page at the end.
"""
from __future__ import annotations

import os
import queue
import re
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from .. import forked
from .index import Report, build_index
from .page_text import fragment_text, page_text
from .postings import without_huge_pages

MARK = "data-search-body"
OPENING = re.compile(r"<div(?:\s[^<>]*)?\sdata-search-body(?:\s[^<>]*)?>\s*")
CLOSING = re.compile(r"\s*</div>")


@dataclass(frozen=True)
class PageFields:
    """What the index needs of a page besides its text."""

    url: str
    title: str
    year: int
    issuer: str
    doc_type: str
    topics: tuple[str, ...]
    date: str | None
    is_report: bool  # under reports/: searchable even without the mark
    output: str  # the written page's path


def wrapped_in(output: str, content: str) -> bool:
    """Is the first `data-search-body` element of `output` a div holding exactly `content`?"""
    mark = output.find(MARK)
    opening = OPENING.match(output, output.rfind("<", 0, mark)) if mark != -1 and content else None
    return (opening is not None and output.startswith(content, opening.end())
            and CLOSING.match(output, opening.end() + len(content)) is not None)


class Collector:
    def __init__(self):
        self.reports: dict[str, Report] = {}
        self.unsure: dict[str, PageFields] = {}  # read back from the written page at the end
        self.files: dict[str, bytes] | None = None  # the index, when built from the current texts
        self.seconds = 0.0

    def add_fragment(self, fields: PageFields, content_html: str) -> None:
        text, unsure = fragment_text(content_html)
        if unsure:
            self.unsure[fields.url] = fields
        self._keep(fields, text)

    def add_page(self, fields: PageFields, output_html: str) -> None:
        """A written page: searchable when marked, or under reports/."""
        text, marked = page_text(output_html)
        self.unsure.pop(fields.url, None)
        if marked or fields.is_report:
            self._keep(fields, text)
        elif self.reports.pop(fields.url, None) is not None:
            self.files = None

    def speculate(self) -> None:
        started = time.perf_counter()
        self.files = build_index(list(self.reports.values()))
        self.seconds = time.perf_counter() - started

    def finish(self, folder: Path) -> tuple[int, float]:
        """Write the index into `folder`: (reports, seconds the last index build took)."""
        for fields in list(self.unsure.values()):
            self.add_page(fields, Path(fields.output).read_text(encoding="utf-8"))
        if self.files is None:
            self.speculate()
        write_index(folder, self.files)
        return len(self.reports), self.seconds

    def _keep(self, fields: PageFields, text: str) -> None:
        self.reports[fields.url] = Report(url=fields.url, title=fields.title, year=fields.year, issuer=fields.issuer,
                                          doc_type=fields.doc_type, text=text, topics=fields.topics, date=fields.date)
        self.files = None


class CollectorProcess:
    """A `Collector` in a forked process: calls are queued (they never wait for it), `finish` waits."""

    def __init__(self):
        self.calls, self.answers = forked.CONTEXT.Queue(), forked.CONTEXT.Queue()
        self.process = forked.start(_serve, self.calls, self.answers, name="archive-search-index")

    def add_fragment(self, fields: PageFields, content_html: str) -> None:
        self.calls.put(("add_fragment", fields, content_html))

    def add_page(self, fields: PageFields, output_html: str) -> None:
        self.calls.put(("add_page", fields, output_html))

    def speculate(self) -> None:
        self.calls.put(("speculate",))

    def finish(self, folder: Path) -> tuple[int, float]:
        self.calls.put(("finish", folder))
        while True:
            try:
                answer = self.answers.get(timeout=1)
                break
            except queue.Empty:
                if not self.process.is_alive():
                    raise RuntimeError("the search index process ended without an answer") from None
        self.close()
        if isinstance(answer, str):
            raise RuntimeError(answer)
        return answer

    def close(self) -> None:
        self.calls.cancel_join_thread()  # when the build failed, calls may be left unread
        self.process.join(timeout=1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _serve(calls, answers) -> None:
    forked.keep_freed_memory()
    without_huge_pages()
    collector = Collector()
    try:
        for name, *args in iter(calls.get, None):
            result = getattr(collector, name)(*args)
            if name == "finish":
                answers.put(result)
                return
    except Exception:  # noqa: BLE001 - the parent reports it
        answers.put(traceback.format_exc())


def write_index(folder: Path, files: dict[str, bytes]) -> None:
    for parent in sorted({os.path.dirname(path) for path in files}):
        (folder / parent).mkdir(parents=True, exist_ok=True)
    root = str(folder)
    for path, data in files.items():
        with open(os.path.join(root, path), "wb") as out:
            out.write(data)
