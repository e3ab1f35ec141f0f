"""`archive export`: the archive's bulk open data written to a folder, the same bytes the site's data/
folder holds (converter/render/open_data.py), without building the site."""
from __future__ import annotations

import hashlib
from pathlib import Path

from converter.archive.atomic import write_atomic
from converter.archive.pages import PAGE_READ_ERRORS, read_page, report_paths
from converter.model.errors import ArchiveError
from converter.model.fields import read_front_matter
from converter.render.open_data import CSV, JSONL, bulk_files, report_record
from converter.site.markup import human_size
from converter.site.mkdocs_api import MkDocsException, load_config

FORMATS = {"jsonl": JSONL, "csv": CSV}


def export_archive(root: Path, format_name: str, folder: Path) -> tuple[Path, int, bytes]:
    """Write the bulk file of `format_name` ("jsonl" or "csv") into `folder`: (its path, reports, bytes).
    ArchiveError naming every page whose front matter is wrong (nothing is written then)."""
    directory_urls = _directory_urls(root)
    records, problems = [], []
    for path in report_paths(root):
        name = path.relative_to(root).as_posix()
        try:
            data, body = read_page(path)
        except PAGE_READ_ERRORS:
            problems.append(name)
            continue
        meta, found = read_front_matter(data) if data else (None, ["缺少页首元数据"])
        if found:
            problems.append(name)
            continue
        src = path.relative_to(root / "docs").as_posix()
        records.append(report_record(meta, src, page_url(src, directory_urls), body))
    if problems:
        raise ArchiveError("export-failed", f"有 {len(problems)} 个页面的元数据有误，未导出：{'、'.join(problems[:5])}"
                           + ("等" if len(problems) > 5 else ""), "请运行 archive check 查看并修正后再导出")
    data = bulk_files(records)[FORMATS[format_name]]
    target = folder / Path(FORMATS[format_name]).name
    write_atomic(target, data)
    return target, len(records), data


def exported_line(target: Path, count: int, data: bytes) -> str:
    return f"已导出 {count} 篇报告：{target}（{human_size(len(data))}，SHA-256 {hashlib.sha256(data).hexdigest()}）"


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page (relative to the site root)."""
    stem = src_uri.removesuffix(".md")
    return f"{stem}/" if directory_urls else f"{stem}.html"


def _directory_urls(root: Path) -> bool:
    try:
        return bool(load_config(config_file=str(root / "mkdocs.yml")).use_directory_urls)
    except (MkDocsException, OSError) as error:
        raise ArchiveError("bad-config", f"无法读取 mkdocs.yml：{error}", "请检查 mkdocs.yml 后重试") from error
