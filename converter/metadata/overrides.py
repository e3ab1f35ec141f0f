"""Staff overrides of extracted metadata: a `NAME.yml` beside `NAME.docx`, or `archive add --year …`.

The file may use the English keys of the front matter or their Chinese names:

    标题: 2023年区科技局工作总结
    年度: 2023
    发文机关: 某某区科学技术局
    文种: 工作总结
    日期: 2023年12月28日
    地区: 某某区
    主题: [科技、教育, 知识产权]
    公开理由: 报告中的姓名均为公开职务信息   (publish despite personal-data findings; see safety.py)

The file is about one report, so it wins over the options of `archive add`, which may cover a whole folder.
Every value is checked; a mistake is one Chinese line naming the file, the item and the fix.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from converter.metadata.dates import find_years, parse_date
from converter.model.errors import ArchiveError
from converter.model.frontmatter import DOC_TYPES, LOADER

KEYS = {
    "title": "title", "标题": "title",
    "year": "year", "年度": "year", "年份": "year",
    "issuer": "issuer", "发文机关": "issuer", "发布机构": "issuer", "单位": "issuer",
    "doc_type": "doc_type", "type": "doc_type", "文种": "doc_type",
    "date": "date", "日期": "date", "成文日期": "date",
    "region": "region", "地区": "region",
    "topics": "topics", "topic": "topics", "主题": "topics",
    "publish_override": "publish_override", "公开理由": "publish_override",
}
CLI_OPTIONS = {"year": "--year", "issuer": "--issuer", "doc_type": "--type", "topics": "--topic"}
KEY_HELP = ("title/标题、year/年度、issuer/发文机关、doc_type/文种、date/日期、region/地区、topics/主题、"
            "publish_override/公开理由")


def sidecar_path(docx_path: Path) -> Path | None:
    for suffix in (".yml", ".yaml"):
        candidate = docx_path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def overrides_for(docx_path: Path, options: dict | None = None) -> dict:
    """Staff's values for one file: its NAME.yml wins over the options given for the whole run (the
    caller has checked those once, with `check_overrides`; `convert_file` checks what this returns)."""
    return {**(options or {}), **sidecar_overrides(docx_path)}


def sidecar_overrides(docx_path: Path) -> dict:
    """The checked overrides of `NAME.yml` beside `NAME.docx`; {} when there is none."""
    path = sidecar_path(docx_path)
    if path is None:
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise ArchiveError("bad-sidecar", f"设置文件 {path.name} {where}格式有误",
                           "每行写成“项: 值”，例如“年度: 2023”（冒号后留一个空格）") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArchiveError("bad-sidecar", f"设置文件 {path.name} 应是“项: 值”的列表", "例如“年度: 2023”")
    return check_overrides(data, path.name)


def check_overrides(values: dict, origin: str | None = None) -> dict:
    """Overrides with English keys and checked, normalised values; ArchiveError on the first mistake.

    `origin`: the sidecar file's name; None for the command line (messages then name the option)."""
    checked = {}
    for key, value in values.items():
        field = KEYS.get(str(key).strip())
        if field is None:
            raise ArchiveError("bad-override", f"{origin or '命令行'} 里有不认识的项“{key}”", f"可用的项：{KEY_HELP}")
        if value is None or value == "" or value == []:
            continue
        where = f"{origin} 里的“{key}”" if origin else f"选项 {CLI_OPTIONS.get(field, field)} "
        checked[field] = CHECKS[field](value, where)
    return checked


def _text(value, where: str) -> str:
    if isinstance(value, (str, int)) and str(value).strip():
        return str(value).strip()
    raise ArchiveError("bad-override", f"{where}应是一段文字，现为 {value!r}", "请写成例如“发文机关: 某某区科技局”")


def _year(value, where: str) -> int:
    text = str(value).strip()
    years = find_years(text if text.endswith("年") else text + "年")
    if isinstance(value, (int, str)) and not isinstance(value, bool) and len(years) == 1 \
            and len(text.removesuffix("年")) == 4:
        return years[0]
    raise ArchiveError("bad-override", f"{where}应是 1949–2100 之间的年份，现为“{value}”", "请写成例如“年度: 2023”")


def _doc_type(value, where: str) -> str:
    if str(value).strip() in DOC_TYPES:
        return str(value).strip()
    raise ArchiveError("bad-override", f"{where}“{value}”不在文种列表中", f"请从这些文种中选一个：{'、'.join(DOC_TYPES)}")


def _date(value, where: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    date = parse_date(str(value)) if isinstance(value, str) else None
    if date:
        return date.isoformat()
    raise ArchiveError("bad-override", f"{where}不是日期：“{value}”", "请写成例如“日期: 2023-12-28”或“日期: 2023年12月28日”")


def _topics(value, where: str) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if isinstance(items, list) and items and all(isinstance(t, str) and t.strip() for t in items):
        return [t.strip() for t in items]
    raise ArchiveError("bad-override", f"{where}应是主题名称或主题列表", "请写成例如“主题: [科技、教育, 知识产权]”")


CHECKS = {"title": _text, "issuer": _text, "region": _text, "year": _year, "doc_type": _doc_type,
          "date": _date, "topics": _topics, "publish_override": _text}
