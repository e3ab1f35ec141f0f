"""`archive export`: the archive's open data as one file, for researchers and other systems."""
from __future__ import annotations

from pathlib import Path

import click

from converter.cli.chinese import ChineseCommand
from converter.cli.group import CONTEXT, archive_root, setup_logging, verbosity


@click.command(cls=ChineseCommand, context_settings=CONTEXT)
@click.option("--format", "format_name", type=click.Choice(["jsonl", "csv"]), required=True,
              help="jsonl：每行一篇报告，含全文；csv：元数据表（不含全文）。")
@click.argument("directory", type=click.Path(path_type=Path))
@verbosity
def export(format_name: str, directory: Path, verbose: int, quiet: bool) -> None:
    """把档案的全部报告导出到 DIRECTORY（reports.jsonl 或 reports.csv，与网站 data/ 中的文件相同）。"""
    from converter.archive.export import export_archive, exported_line

    setup_logging(verbose, quiet)
    exported = export_archive(archive_root(), format_name, directory)
    if not quiet:
        click.echo(exported_line(*exported))
