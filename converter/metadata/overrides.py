"""Staff overrides of extracted metadata: a `NAME.yml` beside `NAME.docx`, or `archive add --year …`.

The file may use the English keys of the front matter or their Chinese names:

    标题: 2023年区科技局工作总结
    年度: 2023
    发文机关: 某某区科学技术局
    文种: 工作总结
    日期: 2023年12月28日
    地区: 某某区
    主题: [科技、教育, 知识产权]
    公开理由: 报告中的姓名均为公开职务信息   (publish despite personal-data findings; see converter.safety)

Which fields staff may set, and their names, are rows of `converter.model.fields.FIELDS` (`staff`, `label`,
`aliases`, `option`). The file is about one report, so it wins over the options of `archive add`, which may cover a whole folder.
Every value is checked; a mistake is one Chinese line naming the file, the item and the fix.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from converter.data import read_yaml
from converter.metadata.dates import find_years, parse_date
from converter.model.errors import ArchiveError
from converter.model.fields import FIELDS, Field
from converter.model.values import ValueProblem, shown

STAFF_FIELDS = tuple(f for f in FIELDS if f.staff)
KEYS = {name: f for f in STAFF_FIELDS for name in (f.key, f.label, *f.aliases)}
KEY_HELP = "、".join(f"{f.key}/{f.label}" for f in STAFF_FIELDS)


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
    data = read_yaml(path, "设置文件", "每行写成“项: 值”，例如“年度: 2023”（冒号后留一个空格）", "bad-sidecar")
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
        if origin:
            checked[field.key] = staff_value(field, value, f"{origin} 里的“{key}”", f"{field.label}: ")
        else:
            checked[field.key] = staff_value(field, value, f"选项 {field.option or field.key} ", f"{field.option} ")
    return checked


def staff_value(field: Field, value, where: str, written: str):
    """What staff typed for `field` (NAME.yml, an option, the desk's form), as the front matter keeps it.
    Looser than a page's front matter: `2023年`, `二〇二三`, `2023年12月28日`, one topic without a list.
    `where` and `written` (how the value is written there: "年度: ", "--year ") go into the message."""
    try:
        return field.kind.read(LOOSE.get(field.kind.name, _same)(value))
    except ValueProblem as problem:
        example = field.kind.example if field.kind.name != "date" else "2023-12-28 或 2023年12月28日"
        raise ArchiveError("bad-override", f"{where}{problem}", f"请写成例如“{written}{example}”") from None


def _same(value):
    return value


def _text(value):
    """A number is text too (文号 12), but only text with something in it."""
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    raise ValueProblem(f"应是一段文字，现为 {shown(value)}")


def _year(value):
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    years = find_years(text if text.endswith("年") else text + "年")
    return years[0] if len(years) == 1 and len(text.removesuffix("年")) == 4 else value


def _doc_type(value):
    return value.strip() if isinstance(value, str) else value


def _date(value):
    if isinstance(value, str) and not isinstance(value, dt.date) and (date := parse_date(value)):
        return date.isoformat()
    return value


def _text_list(value):
    items = [value] if isinstance(value, str) else value
    if isinstance(items, list) and items and all(isinstance(t, str) and t.strip() for t in items):
        return [t.strip() for t in items]
    raise ValueProblem("应是一个名称或名称的列表")


LOOSE = {"text": _text, "year": _year, "doc_type": _doc_type, "date": _date, "text_list": _text_list}
