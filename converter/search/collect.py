"""IndexedReport texts collected while the site is built, and the index built from them.

`Collector` takes a page's searchable text from its HTML (page_text.py) and builds and writes the
index. `archive build` runs it in a forked process (`CollectorProcess`, same methods), fed while pages
are rendered, so that extracting text and building the index use the second core while this one
renders templates:

- a report page's content is sent as soon as it is rendered (`add_fragment`): the report template
  wraps it in `<div data-search-body>`, so its text can be taken from the content alone; once every
  page has its content the worker builds the index speculatively (`speculate`) and writes it into
  the site folder while the pages are written;
- when the page is written, the plugin checks that the page really holds the content as the whole of
  its first marked element (`wrapped_in`); a page that does not, or a page found searchable only
  then, is sent whole (`add_page`) and the index is built and written again at the end (`finish`
  removes what is no longer part of it). So the index always holds
  the text search-eval takes from the written pages.
- a content whose tags could close the element elsewhere in the page than in the fragment (see
  page_text.fragment_text) is read back from the written page at the end.
"""
from __future__ import annotations

import queue
import re
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from converter.data.disk_memo import DiskMemo, code_version
from converter.search import page_text as page_text_module
from converter.search.index import IndexedReport, build_index
from converter.search.page_text import fragment_text, page_text
from converter.search.reuse import inputs_digest, remember, reusable
from converter.site import forked
from converter.site.site_files import link_files, write_files

MARK = "data-search-body"
OPENING = re.compile(r"<div(?:\s[^<>]*)?\sdata-search-body(?:\s[^<>]*)?>\s*")
CLOSING = re.compile(r"\s*</div>")


@dataclass(frozen=True)
class PageFields:
    """What the index needs of a page besides its text."""

    url: str
    fields: dict  # index.search_values of its front matter
    is_report: bool  # under reports/: searchable even without the mark
    output: str  # the written page's path


def wrapped_in(output: str, content: str) -> bool:
    """Is the first `data-search-body` element of `output` a div holding exactly `content`?"""
    mark = output.find(MARK)
    opening = OPENING.match(output, output.rfind("<", 0, mark)) if mark != -1 and content else None
    return (opening is not None and output.startswith(content, opening.end())
            and CLOSING.match(output, opening.end() + len(content)) is not None)


class Collector:
    def __init__(self, previous: Path | None = None, memo: Path | None = None):
        """`previous`: the search folder of the site this build replaces (see `write_index`); `memo`: the
        file that keeps each fragment's text between builds (`DiskMemo`)."""
        self.previous = previous
        self.texts = DiskMemo(memo, code_version(page_text_module), compress=False)
        self.record = memo.with_name("search-index.json") if memo else None  # reuse.py
        self.inputs = ""  # the digest of what `files` was built from
        self.reports: dict[str, IndexedReport] = {}
        self.unsure: dict[str, PageFields] = {}  # read back from the written page at the end
        self.files: dict[str, bytes] | None = None  # the index, when built from the current texts
        self.written: dict[str, bytes] = {}  # what is in the folder already
        self.seconds = 0.0

    def add_fragment(self, fields: PageFields, content_html: str) -> None:
        text, unsure = self.texts.get(content_html, fragment_text)
        if unsure:
            self.unsure[fields.url] = fields
        self._keep(fields, text)

    def add_page(self, fields: PageFields, output_html: str) -> None:
        """A written page: searchable when marked, or under reports/."""
        text, marked = self.texts.get(output_html, page_text)
        self.unsure.pop(fields.url, None)
        if marked or fields.is_report:
            self._keep(fields, text)
        elif self.reports.pop(fields.url, None) is not None:
            self.files = None

    def speculate(self, folder: Path | None = None) -> None:
        """Build the index from the texts so far. With a `folder`, write it there too, the texts' files
        while the postings are built (MkDocs empties the site folder before it reads the files)."""
        started = time.perf_counter()
        reports = list(self.reports.values())
        self.inputs = inputs_digest(reports)
        reused = reusable(self.record, self.inputs, self.previous)
        if reused is not None:
            self.files = reused
            if folder is not None:
                link_files(folder, reused, self.previous)
                self.written.update(reused)
        elif folder is None:
            self.files = build_index(reports)
        else:
            with ThreadPoolExecutor(1, thread_name_prefix="archive-index-writer") as writer:
                writing = []
                self.files = build_index(reports,
                                         early=lambda part: writing.append(writer.submit(self._write, folder, part)))
                writing.append(writer.submit(self._write, folder, self.files))
            for done in writing:
                done.result()
        self.seconds = time.perf_counter() - started
        self.texts.save()

    def finish(self, folder: Path) -> tuple[int, float]:
        """Write the index into `folder` (what `speculate` wrote of it, if still right, is kept):
        (reports, seconds the last index build took)."""
        for fields in list(self.unsure.values()):
            self.add_page(fields, Path(fields.output).read_text(encoding="utf-8"))
        if self.files is None:
            self.speculate()
        self._write(folder, self.files)
        for path in set(self.written) - set(self.files):
            (folder / path).unlink()
            del self.written[path]
        remember(self.record, self.inputs, self.files)
        return len(self.reports), self.seconds

    def _write(self, folder: Path, files: dict[str, bytes]) -> None:
        write_index(folder, {path: data for path, data in files.items() if self.written.get(path) is not data},
                    self.previous)
        self.written.update(files)

    def _keep(self, fields: PageFields, text: str) -> None:
        self.reports[fields.url] = IndexedReport(url=fields.url, text=text, fields=fields.fields)
        self.files = None


class CollectorProcess:
    """A `Collector` in a forked process: calls are queued (they never wait for it), `finish` waits."""

    def __init__(self, previous: Path | None = None, memo: Path | None = None):
        self.calls, self.answers = forked.CONTEXT.Queue(), forked.CONTEXT.Queue()
        self.process = forked.start(_serve, self.calls, self.answers, previous, memo, name="archive-search-index")

    def add_fragment(self, fields: PageFields, content_html: str) -> None:
        self.calls.put(("add_fragment", fields, content_html))

    def add_page(self, fields: PageFields, output_html: str) -> None:
        self.calls.put(("add_page", fields, output_html))

    def speculate(self, folder: Path | None = None) -> None:
        self.calls.put(("speculate", folder))

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


def _serve(calls, answers, previous: Path | None, memo: Path | None) -> None:
    forked.keep_freed_memory()
    collector = Collector(previous, memo)
    try:
        for name, *args in iter(calls.get, None):
            result = getattr(collector, name)(*args)
            if name == "finish":
                answers.put(result)
                return
    except Exception:  # noqa: BLE001 - the parent reports it
        answers.put(traceback.format_exc())


def write_index(folder: Path, files: dict[str, bytes], previous: Path | None = None) -> None:
    """Write `files` under `folder`, linking those that `previous` (the same folder of the site being
    replaced) holds with the same bytes (`site_files`)."""
    write_files(folder, files, previous)
