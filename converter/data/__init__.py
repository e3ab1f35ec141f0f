"""Rules as data: the YAML files beside this module, and the one way YAML is read in the package.

- `rules(name)`: a packaged rule file (`headings`, `styles`, `words`, `doc_types`, …), read once per process;
- `read_yaml(path, what, fix)`: a YAML file staff may edit (an archive's topics.yml, a NAME.yml beside a
  report): its data, or one Chinese line naming the file, the line and what to do;
- `load_yaml`/`dump_yaml`: YAML text as the package reads and writes it (front matter).
`project/` holds what `archive init` copies.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from converter.model.errors import ArchiveError

DATA_DIR = Path(__file__).parent
# libyaml's safe loader/dumper when PyYAML has it: same results, 5-8x faster (1000 pages per import/build).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
YAMLError = yaml.YAMLError
YAML_VERSION = f"PyYAML {yaml.__version__} {LOADER.__name__}"  # what a memo of parsed YAML depends on


@lru_cache(maxsize=None)
def rules(name: str):
    """The packaged rule file `data/<name>.yml` (callers must not change what it returns)."""
    return load_yaml((DATA_DIR / f"{name}.yml").read_text(encoding="utf-8"))


def read_yaml(path: Path, what: str, fix: str, code: str = "bad-yaml"):
    """A YAML file staff may edit. Raises `ArchiveError` naming the file (`what` says what it is: 设置文件,
    主题分类文件) and, for a syntax error, the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ArchiveError(code, f"{what} {path.name} 不是 UTF-8 编码的文字",
                           "请用记事本或 WPS 打开，另存为“UTF-8”编码后再试") from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as error:
        raise ArchiveError(code, f"{what} {path.name} {where(error)}格式有误", fix) from error


def where(error: yaml.YAMLError, first_line: int = 1) -> str:
    """`第 3 行` for an error PyYAML located, else "". `first_line`: the file's line number of the YAML's
    first line (2 for front matter, below its `---`)."""
    mark = getattr(error, "problem_mark", None)
    return f"第 {mark.line + first_line} 行" if mark else ""


def load_yaml(text: str):
    return yaml.load(text, Loader=LOADER)


def dump_yaml(data) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
