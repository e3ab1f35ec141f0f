"""The `archive` command: thin click wrappers over the library. Messages are for staff, in Chinese."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from converter import __version__
from converter.cli.export_command import export
from converter.cli.group import CONTEXT, Group, archive_root, fail, setup_logging, staff_options, verbosity
from converter.model.errors import ArchiveError


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", message="archive %(version)s", help="显示版本号并退出。")
def main() -> None:
    """工作报告档案：把报告（Word、WPS、PDF、网页、文本文件）导入档案，生成可检索的静态网站。"""


@main.command(context_settings=CONTEXT)
@click.argument("directory", type=click.Path(path_type=Path))
@verbosity
def init(directory: Path, verbose: int, quiet: bool) -> None:
    """在 DIRECTORY 新建一个空档案（mkdocs.yml、docs/、inbox/）。"""
    from converter.archive.project import init as init_archive

    setup_logging(verbose, quiet)
    if (directory / "mkdocs.yml").exists():
        fail(ArchiveError("exists", f"{directory} 里已经有档案（mkdocs.yml 已存在）", "请换一个空文件夹"))
    init_archive(directory)
    if not quiet:
        click.echo(f"已新建档案：{directory}")
        click.echo(f"下一步：cd {directory} && archive add 报告.docx && archive build")


@main.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="写入此 Markdown 文件（默认输出到屏幕）。")
@verbosity
def convert(file: Path, output: Path | None, verbose: int, quiet: bool) -> None:
    """把一个报告文件转换为带元数据的 Markdown。

    可转换 .docx、.doc、.wps、.rtf、.odt（后四种需 LibreOffice）、.pdf（扫描件自动识别文字）、.html、.mht、.txt。

    用 -o 写入文件时，图片保存在同名文件夹里（如 报告.md 旁的 报告/image-1.png）。
    """
    from converter.archive.convert import convert_file
    from converter.metadata.overrides import overrides_for
    from converter.metadata.topics import taxonomy_for

    setup_logging(verbose, quiet)
    try:
        converted = convert_file(file, overrides_for(file), taxonomy_for(Path.cwd()),
                                 image_dir=output.stem if output else None)
        if output:
            _write_converted(output, converted)
    except ArchiveError as error:
        fail(error, file)
    if not output:
        click.echo(converted.page(), nl=False)
    if not quiet:
        for warning in converted.warnings:
            click.echo(f"{file.name}：提示：{warning.message}", err=True)
        if not output and converted.images:
            click.echo(f"{file.name}：提示：输出到屏幕时不含图片（共 {len(converted.images)} 张），"
                       "请用 -o 指定输出文件", err=True)


def _write_converted(output: Path, converted) -> None:
    """The page, and its pictures in the folder named after it."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(converted.page(), encoding="utf-8")
        if converted.images:
            folder = output.parent / output.stem
            folder.mkdir(exist_ok=True)
            for image in converted.images:
                (folder / image.name).write_bytes(image.data)
    except OSError:
        raise ArchiveError("write-failed", f"无法写入 {output}", "请检查文件夹是否存在、是否有写入权限") from None


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="只显示将导入的内容，不写入任何文件。")
@click.option("--force", is_flag=True, help="覆盖已有页面（手工修改过的也覆盖，会先备份）。")
@staff_options
@verbosity
def add(paths, dry_run, force, verbose, quiet, **staff) -> None:
    """导入报告文件或文件夹到当前档案（格式同 archive convert；文件夹会并行导入，未变化的文件自动跳过）。"""
    from converter.archive.importer import add as add_reports
    from converter.cli.add_view import AddView
    from converter.metadata.overrides import check_overrides
    from converter.metadata.topics import ARCHIVE_TAXONOMY, taxonomy_for

    setup_logging(verbose, quiet)
    root = archive_root()
    try:
        taxonomy_for(root)  # a malformed topics.yml is one message, not one per file
    except ArchiveError as error:
        fail(error, root / ARCHIVE_TAXONOMY)
    try:  # so are mistaken options
        overrides = check_overrides({key: list(value) if isinstance(value, tuple) else value
                                     for key, value in staff.items()})
    except ArchiveError as error:
        fail(error)
    view = AddView(click.echo, dry_run=dry_run, quiet=quiet, verbose=verbose,
                   bar=sys.stderr if sys.stderr.isatty() else None)
    outcomes = add_reports(root, list(paths), dry_run=dry_run, force=force, overrides=overrides,
                           on_start=view.start, on_outcome=view.show, on_converting=view.converting)
    view.finish(outcomes)
    sys.exit(1 if any(o.status == "failed" for o in outcomes) else 0)


@main.command(context_settings=CONTEXT)
@click.option("--site-dir", type=click.Path(path_type=Path), default=Path("site"),
              help="网站输出文件夹（默认 site）。")
@click.option("--clean", is_flag=True,
              help="不沿用上次生成的结果，全部重新生成（默认只在内容有变化时生成，并沿用未变的部分）。")
@verbosity
def build(site_dir: Path, clean: bool, verbose: int, quiet: bool) -> None:
    """检查内容，然后生成静态网站（含检索索引）；有错误时不更新网站。"""
    from converter.archive.build import build_site
    from converter.archive.check import check_archive

    setup_logging(verbose, quiet)
    root = archive_root()
    unchanged = []
    findings = build_site(root, site_dir, check=check_archive,  # the site is kept unless the check passes
                          when_unchanged=lambda: unchanged.append(True), clean=clean)
    errors = [f for f in findings if f.is_error]
    for finding in findings:
        if finding.is_error or verbose:
            click.echo(finding.line(), err=finding.is_error)
    if errors:
        fail(ArchiveError("check-failed", f"网站未生成：内容检查发现 {len(errors)} 个错误，原有网站保持不变",
                           "请按上面的提示修正（可运行 archive check 复查）后再生成"))
    if not quiet:
        click.echo(f"网站已是最新，无需重新生成：{site_dir}（上次生成后内容没有变化；要全部重新生成请加 --clean）"
                   if unchanged else f"网站已生成：{site_dir}")


@main.command(context_settings=CONTEXT)
@click.option("--dev-addr", default="127.0.0.1:8000", help="预览地址和端口（默认 127.0.0.1:8000）。")
@click.option("--allow-remote-desk", is_flag=True,
              help="让其他电脑也能使用审核台（默认只在本机提供；能访问该地址的人都能导入和发布）。")
@verbosity
def serve(dev_addr: str, allow_remote_desk: bool, verbose: int, quiet: bool) -> None:
    """本地预览网站和审核台（/_desk/）：在浏览器里添加、核对、更正和发布报告；放进 inbox/ 的文件也会自动导入。"""
    from converter.archive.desk.server import open_server
    from converter.cli.add_view import inbox_line

    setup_logging(verbose, quiet)

    def show(outcome) -> None:
        if outcome.status == "failed" or not quiet:
            click.echo(inbox_line(outcome), err=outcome.status == "failed")

    server = open_server(archive_root(), dev_addr, on_outcome=show, remote_desk=allow_remote_desk)
    if not quiet:
        click.echo(f"预览地址：{server.preview_url}（按 Ctrl+C 停止）")
        click.echo(f"审核台：{server.desk_url}" if server.desk_url else server.desk.desk_off)
        click.echo("收件箱：把报告文件放进 inbox/ 文件夹，几秒后自动导入，浏览器随即刷新。")
    server.run()


@main.command(context_settings=CONTEXT)
@verbosity
def check(verbose: int, quiet: bool) -> None:
    """检查档案内容（元数据、格式），有错误时返回 1。"""
    from converter.archive.check import check_archive

    setup_logging(verbose, quiet)
    findings = check_archive(archive_root())
    for finding in findings:
        click.echo(finding.line(), err=finding.is_error)
    errors = sum(f.is_error for f in findings)
    if not quiet:
        click.echo(f"检查完成：{errors} 个错误，{len(findings) - errors} 个提示。")
    sys.exit(1 if errors else 0)


main.add_command(export)
