"""The `archive` command: thin click wrappers over the library. Messages are for staff, in Chinese."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ArchiveError

CONTEXT = {"help_option_names": ["-h", "--help"]}


def _verbosity(function):
    function = click.option("-v", "--verbose", count=True, help="显示更多细节。")(function)
    return click.option("-q", "--quiet", is_flag=True, help="只显示错误。")(function)


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(message)s")


def _fail(error: ArchiveError, path: Path | None = None) -> None:
    click.echo(error.line(path), err=True)
    sys.exit(1)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", message="archive %(version)s")
def main() -> None:
    """工作报告档案：把 Word 报告（.docx）导入档案，生成可检索的静态网站。"""


@main.command(context_settings=CONTEXT)
@click.argument("directory", type=click.Path(path_type=Path))
@_verbosity
def init(directory: Path, verbose: int, quiet: bool) -> None:
    """在 DIRECTORY 新建一个空档案（mkdocs.yml、docs/、inbox/）。"""
    from .archive import init as init_archive

    _setup_logging(verbose, quiet)
    if (directory / "mkdocs.yml").exists():
        _fail(ArchiveError("exists", f"{directory} 里已经有档案（mkdocs.yml 已存在）", "请换一个空文件夹"))
    init_archive(directory)
    if not quiet:
        click.echo(f"已新建档案：{directory}")
        click.echo(f"下一步：cd {directory} && archive add 报告.docx && archive build")


@main.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="写入此 Markdown 文件（默认输出到屏幕）。")
@_verbosity
def convert(file: Path, output: Path | None, verbose: int, quiet: bool) -> None:
    """把一个 .docx 转换为带元数据的 Markdown。"""
    from .convert import convert_file

    _setup_logging(verbose, quiet)
    try:
        converted = convert_file(file)
    except ArchiveError as error:
        _fail(error, file)
    page = converted.page()
    if output:
        output.write_text(page, encoding="utf-8")
    else:
        click.echo(page, nl=False)
    if not quiet:
        for warning in converted.warnings:
            click.echo(f"{file.name}：提示：{warning.message}", err=True)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="只显示将导入的内容，不写入。")
@click.option("--force", is_flag=True, help="覆盖已有页面（会先备份）。")
@click.option("--year", type=int, help="指定报告年度。")
@click.option("--issuer", help="指定发文机关。")
@click.option("--type", "doc_type", help="指定文种，如 工作总结。")
@click.option("--topic", "topics", multiple=True, help="指定主题（可多次使用）。")
@click.option("--allow-personal-data", "allow_personal_data", metavar="理由", default="",
              help="含个人信息（身份证号、手机号、银行卡号）仍要公开时，写明理由（记入页面元数据）。")
@_verbosity
def add(paths, dry_run, force, year, issuer, doc_type, topics, allow_personal_data, verbose, quiet) -> None:
    """导入 .docx 文件或文件夹到当前档案。"""
    from .archive import add as add_reports

    _setup_logging(verbose, quiet)
    root = _archive_root()
    overrides = {k: v for k, v in (("year", year), ("issuer", issuer), ("doc_type", doc_type),
                                   ("topics", list(topics))) if v}
    outcomes = add_reports(root, list(paths), dry_run=dry_run, overrides=overrides,
                           allow_personal_data=allow_personal_data)
    labels = {"added": "已导入", "would-add": "将导入", "unchanged": "未变化，跳过"}
    for outcome in outcomes:
        if outcome.status == "failed":
            click.echo(outcome.message, err=True)
        elif not quiet:
            target = outcome.page.relative_to(root) if outcome.page else ""
            click.echo(f"{outcome.path.name}：{labels[outcome.status]} → {target}")
    sys.exit(1 if any(o.status == "failed" for o in outcomes) else 0)


@main.command(context_settings=CONTEXT)
@click.option("--site-dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="网站输出文件夹。")
@_verbosity
def build(site_dir: Path, verbose: int, quiet: bool) -> None:
    """生成静态网站（含检索索引）。"""
    from .site.build import build_site

    _setup_logging(verbose, quiet)
    root = _archive_root()
    try:
        build_site(root, site_dir)
    except ArchiveError as error:
        _fail(error)
    if not quiet:
        click.echo(f"网站已生成：{site_dir}")


@main.command(context_settings=CONTEXT)
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="预览地址和端口。")
@_verbosity
def serve(dev_addr: str, verbose: int, quiet: bool) -> None:
    """本地预览网站，修改后自动刷新。"""
    from .site.build import serve_site

    _setup_logging(verbose, quiet)
    try:
        serve_site(_archive_root(), dev_addr)
    except ArchiveError as error:
        _fail(error)


@main.command(context_settings=CONTEXT)
@_verbosity
def check(verbose: int, quiet: bool) -> None:
    """检查档案内容（元数据、格式），有错误时返回 1。"""
    from .check import check_archive

    _setup_logging(verbose, quiet)
    findings = check_archive(_archive_root())
    for finding in findings:
        click.echo(finding.line(), err=finding.is_error)
    errors = sum(f.is_error for f in findings)
    if not quiet:
        click.echo(f"检查完成：{errors} 个错误，{len(findings) - errors} 个提示。")
    sys.exit(1 if errors else 0)


def _archive_root() -> Path:
    root = Path.cwd()
    if not (root / "mkdocs.yml").exists():
        _fail(ArchiveError("no-archive", "当前文件夹不是档案（找不到 mkdocs.yml）",
                           "请先进入档案文件夹，或用 archive init 新建档案"))
    return root
