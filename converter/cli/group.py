"""What every `archive` command shares: the command group that is the boundary (no exception reaches staff
as a traceback; -v shows it after the plain line), the verbosity options, `archive add`'s options from the
field registry, the one way to fail, and finding the archive."""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

import click

from converter.cli.chinese import USAGE_EXIT, ChineseGroup, usage_mistake
from converter.model.errors import ArchiveError

CONTEXT = {"help_option_names": ["-h", "--help"]}
_verbose = 0  # set by each command's -v: how much detail errors show


class Group(ChineseGroup):
    """The boundary: no exception reaches staff as a traceback (-v shows it after the plain line)."""

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.UsageError as error:
            click.echo(usage_mistake(error), err=True)
            sys.exit(USAGE_EXIT)
        except click.Abort:
            click.echo("\n已中断。", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("\n已中断。已完成的部分保留，其余未做。", err=True)
            sys.exit(130)
        except ArchiveError as error:
            fail(error)
        except Exception as error:
            from converter.archive.prepare import program_error

            click.echo(program_error(None, error), err=True)
            if _verbose:
                click.echo(traceback.format_exc().rstrip(), err=True)
            sys.exit(1)


def staff_options(function):
    """An option of `archive add` for each field the registry gives one (`--year 年度`, `--topic 主题`…)."""
    from converter.model.fields import FIELDS, TEXT_LIST

    for field in reversed([f for f in FIELDS if f.option]):
        function = click.option(field.option, field.key, multiple=field.kind is TEXT_LIST,
                                help=field.help)(function)
    return function


def verbosity(function):
    function = click.option("-v", "--verbose", count=True, help="显示更多细节。")(function)
    return click.option("-q", "--quiet", is_flag=True, help="只显示错误。")(function)


def setup_logging(verbose: int, quiet: bool) -> None:
    global _verbose
    _verbose = verbose
    level = logging.ERROR if quiet else logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(message)s")


def fail(error: ArchiveError, path: Path | None = None) -> None:
    click.echo(error.line(path), err=True)
    if _verbose and error.__cause__ is not None:
        click.echo(f"  详细信息：{type(error.__cause__).__name__}: {error.__cause__}", err=True)
    sys.exit(1)


def archive_root() -> Path:
    root = Path.cwd()
    if not (root / "mkdocs.yml").exists():
        fail(ArchiveError("no-archive", "当前文件夹不是档案（找不到 mkdocs.yml）",
                           "请先进入档案文件夹，或用 archive init 新建档案"))
    return root
