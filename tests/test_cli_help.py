"""Every command explains itself in Chinese, is in the README, and a mistake on the command line is one
plain line (exit code 2), never click's English."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli.commands import main

COMMANDS = sorted(main.commands)
README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="archive")


def test_the_contract_commands_are_all_there():
    assert COMMANDS == ["add", "build", "check", "convert", "export", "init", "serve"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_chinese_help_and_is_in_the_readme(command):
    result = invoke(command, "-h")
    assert result.exit_code == 0
    assert result.output.startswith(f"用法：archive {command}")
    assert "选项：" in result.output and "显示本帮助并退出。" in result.output
    assert "Usage" not in result.output and "Show this message" not in result.output
    assert f"archive {command}" in README


def test_version_is_printed():
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.startswith("archive ")


@pytest.mark.parametrize("args, line", [
    (("convert",), "archive convert：缺少 FILE。运行 archive convert -h 查看用法。"),
    (("add", "--yeer", "2"), "archive add：没有 --yeer 这个选项。运行 archive add -h 查看用法。"),
    (("frob",), "archive：没有 frob 这个命令（可用：add、build、check、convert、export、init、serve）。运行 archive -h 查看用法。"),
])
def test_a_mistake_on_the_command_line_is_one_chinese_line(args, line):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == line + "\n"
