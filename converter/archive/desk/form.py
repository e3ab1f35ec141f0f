"""The correction form: its controls made from the field registry, and a save that writes the front matter
as a hand edit would.

Each field staff may set (`STAFF_FIELDS`) is a control chosen by its kind: a year picker, the fixed list
of types, a date, the taxonomy's topics, text (with the archive's known values offered for a text field the
site groups reports by: the issuer). A new field in the registry appears in the form by itself.

A value is read as staff may type it anywhere (`staff_value`: `2023年`, `2023年12月28日`), then the
page's front matter is checked by `read_front_matter`, the one validator: a wrong value gets exactly the
line `archive check` would print for it, and nothing is written. A save changes only the values staff
changed (their `sources` become `staff`, as a re-import would mark them), keeps every other line of the
page, and is refused when the page changed since the form was opened (another tab, an editor).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from converter.archive.atomic import write_atomic
from converter.archive.check import CheckFinding
from converter.archive.lock import archive_lock
from converter.data import YAMLError
from converter.data.frontmatter import join_page, split_page
from converter.metadata.overrides import STAFF_FIELDS, staff_value
from converter.metadata.topics import Taxonomy
from converter.model.errors import ArchiveError
from converter.model.fields import BY_KEY, FIELDS, Field, problems
from converter.model.values import DOC_TYPES, YEARS

CONTROLS = {"year": "year", "doc_type": "choice", "date": "date", "text_list": "choices"}  # else "text"
ORDER = {f.key: number for number, f in enumerate(FIELDS)}
SUGGESTED = tuple(f.key for f in STAFF_FIELDS if f.kind.name == "text" and f.search == "coded")  # the issuer
LOCK_WAIT = 10.0


class StalePage(ArchiveError):
    pass


class WrongValues(ArchiveError):
    def __init__(self, lines: dict[str, str]):
        super().__init__("bad-value", "；".join(lines.values()))
        self.lines = lines  # field key → the check's line


def controls(taxonomy: Taxonomy | None, known: dict[str, list[str]], data: dict) -> list[dict]:
    """The form's controls, in registry order; `known`: values the archive has, offered for `SUGGESTED` fields."""
    return [_control(f, taxonomy, known, data) for f in STAFF_FIELDS]


def _control(field: Field, taxonomy: Taxonomy | None, known: dict[str, list[str]], data: dict) -> dict:
    control = {"key": field.key, "label": field.label, "control": CONTROLS.get(field.kind.name, "text"),
               "required": field.required, "example": field.kind.example}
    if field.kind.name == "year":
        control.update(min=YEARS.start, max=YEARS.stop - 1)
    elif field.kind.name == "doc_type":
        control["choices"] = list(DOC_TYPES)
    elif field.kind.name == "text_list":
        current = data.get(field.key) if isinstance(data.get(field.key), list) else []
        offered = list(taxonomy.classes) if taxonomy and field.key == "topics" else []
        control["choices"] = offered + [str(v) for v in current if v not in offered]
    elif field.key in SUGGESTED:
        control["suggestions"] = known.get(field.key, [])
    return control


def form_value_of(field: Field, value):
    """A front-matter value as its control shows it."""
    if value is None:
        return [] if field.kind.name == "text_list" else ""
    if field.kind.name == "text_list":
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else str(value)


def corrected(data: dict, values: dict, confirmed: list) -> dict:
    """The front matter with staff's values from the form (only keys of staff fields are read)."""
    new, sources = dict(data), dict(data.get("sources") or {}) if isinstance(data.get("sources"), dict) else {}
    for field in STAFF_FIELDS:
        if field.key not in values:
            continue
        value = _typed(field, values[field.key])
        if value in ("", [], None) and not field.required:
            new.pop(field.key, None)
            sources.pop(field.key, None)
        elif value != data.get(field.key):
            new = _placed(new, field.key, value)
            sources[field.key] = "staff"
    for key in confirmed if isinstance(confirmed, list) else ():
        if key in BY_KEY and BY_KEY[key].staff and key in new:
            sources[key] = "staff"  # what the check's hint asks: a value staff looked at and confirmed
    if sources != (data.get("sources") or {}):
        new = _placed(new, "sources", sources)
    return new


def _typed(field: Field, value):
    """What staff typed, made strict where it can be (`staff_value`); else left for the check to name."""
    value = value.strip() if isinstance(value, str) else value
    if value in ("", [], None):
        return value
    try:
        return staff_value(field, value, field.label, f"{field.label}: ")
    except ArchiveError:
        return value


def _placed(data: dict, key: str, value) -> dict:
    """`data` with `key` set: in its place when present, else before the first key after it in the registry."""
    if key in data:
        return {**data, key: value}
    items = list(data.items())
    later = [n for n, (k, _) in enumerate(items) if ORDER.get(k, -1) > ORDER.get(key, len(ORDER))]
    items.insert(later[0] if later else len(items), (key, value))
    return dict(items)


def wrong_values(name: str, old: dict, new: dict) -> dict[str, str]:
    """The lines `archive check` prints for what the form made wrong (not for what was wrong before)."""
    before = set(problems(old))
    lines = {}
    for problem in problems(new):
        if problem not in before:
            key = next((f.key for f in FIELDS if f"（{f.key}）" in problem), "")
            lines[key] = CheckFinding(name, problem).line()
    return lines


def page_hash(text: str) -> str:
    """What the form sends back, so that a save over a page changed meanwhile is refused."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save(root: Path, path: Path, values: dict, confirmed: list, expected: str) -> bool:
    """Write staff's values into the page; False when nothing changed. `StalePage` when the page is not
    the one the form was made from, `WrongValues` when a value is wrong: nothing is written then."""
    name = path.relative_to(root).as_posix()
    with archive_lock(root, "审核台保存", wait=LOCK_WAIT):
        text = path.read_text(encoding="utf-8")
        if page_hash(text) != expected:
            raise StalePage("stale", f"{name} 在您打开后已被修改（可能在另一个标签页或编辑器中），您这次的修改没有保存",
                            "请重新打开这篇报告，核对后再改")
        data, body = _split(name, text)
        new = corrected(data, values, confirmed)
        lines = wrong_values(name, data, new)
        if lines:
            raise WrongValues(lines)
        if new == data:
            return False
        write_atomic(path, join_page(new, body).encode("utf-8"))
        return True


def _split(name: str, text: str) -> tuple[dict, str]:
    try:
        data, body = split_page(text)
    except YAMLError:
        data = {}
    if not data:
        raise ArchiveError("unreadable-page", f"{name} 的页首元数据无法读取", "请运行 archive check，按提示在编辑器中修正")
    return data, body
