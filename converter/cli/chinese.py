"""click speaking Chinese to staff: help headings, the help option, and usage mistakes as one plain line.

click writes "Usage:", "Options:" and its own error texts in English; staff read Chinese. Everything here
is presentation only: commands, options and exit codes are click's.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

import click

SECTIONS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}
USAGE_EXIT = 2  # click's code for a mistake on the command line


class ChineseHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="用法：")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    @contextmanager
    def section(self, name: str):
        with super().section(SECTIONS.get(name, name)):
            yield


class ChineseContext(click.Context):
    formatter_class = ChineseHelpFormatter


class ChineseCommand(click.Command):
    context_class = ChineseContext

    def get_help_option(self, ctx):
        return _chinese_help(super().get_help_option(ctx))


class ChineseGroup(click.Group):
    context_class = ChineseContext
    command_class = ChineseCommand

    def get_help_option(self, ctx):
        return _chinese_help(super().get_help_option(ctx))


def _chinese_help(option):
    if option is not None:
        option.help = "显示本帮助并退出。"
    return option


def usage_mistake(error: click.UsageError) -> str:
    """One line for a mistake on the command line, and where to read how the command is used."""
    command = error.ctx.command_path if error.ctx else "archive"
    return f"{command}：{_what_is_wrong(error)}。运行 {command} -h 查看用法。"


def _what_is_wrong(error: click.UsageError) -> str:
    if isinstance(error, click.MissingParameter) and error.param is not None:
        return f"缺少 {_name(error.param, error.ctx)}"
    if isinstance(error, click.NoSuchOption):
        return f"没有 {error.option_name} 这个选项"
    if isinstance(error, click.BadParameter) and error.param is not None:
        expected = "应为整数" if isinstance(error.param.type, click.types.IntParamType) else error.message
        return f"{_name(error.param, error.ctx)} 的值不对（{expected}）"
    if isinstance(error, click.BadOptionUsage):
        return f"{error.option_name} 后面缺少要填的值"
    if unknown := re.match(r"No such command '(.+)'", error.message):
        return f"没有 {unknown.group(1)} 这个命令（可用：{'、'.join(error.ctx.command.list_commands(error.ctx))}）"
    return f"命令行有误（{error.format_message()}）"


def _name(param, ctx) -> str:
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    try:
        return param.make_metavar(ctx)
    except TypeError:  # click before 8.2
        return param.make_metavar()
