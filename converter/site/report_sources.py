"""The report pages as the plugin reads them from MkDocs' files: front matter and Markdown, and originals."""
from __future__ import annotations

from pathlib import Path

from converter.site.catalog import REPORTS_URI, Catalog, PageProblem, parse_report_page
from converter.site.mkdocs_api import Files, PluginError
from converter.site.report_page import Original, digest


def read_pages(files: Files) -> dict[str, tuple[dict, str]]:
    """Each report page's front matter and Markdown body, read once for the whole build."""
    pages = {}
    for file in files.documentation_pages():
        if file.src_uri.startswith(REPORTS_URI):
            try:
                data, body = parse_report_page(file.src_uri, file.content_string)
            except (PageProblem, UnicodeDecodeError) as error:
                problem = str(error) if isinstance(error, PageProblem) else f"{file.src_uri}：不是 UTF-8 文本，请用 UTF-8 保存"
                raise PluginError(problem) from error
            if data:
                pages[file.src_uri] = (data, body)
    return pages


def find_originals(catalog: Catalog, files: Files) -> dict[str, Original]:
    """The .docx of each report: as the front matter's `download` says, else the file beside the page
    (measured now: a staff member may have replaced it)."""
    found = {}
    for entry in catalog.entries:
        folder = entry.src_uri.rsplit("/", 1)[0]
        if entry.meta.download:
            d = entry.meta.download
            found[entry.src_uri] = Original(f"{folder}/{d.file}", d.size, d.sha256)
        elif (file := files.get_file_from_path(entry.src_uri[: -len(".md")] + ".docx")) and file.abs_src_path:
            size, sha256 = digest(Path(file.abs_src_path))
            found[entry.src_uri] = Original(file.src_uri, size, sha256)
    return found
