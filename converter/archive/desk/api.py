"""The desk's JSON requests: each takes the desk and what the request carried, and returns a status and
the answer. Messages are the staff's one Chinese line, the same as the terminal's."""
from __future__ import annotations

from converter.archive.desk.form import SUGGESTED, StalePage, WrongValues, save
from converter.archive.desk.guard import safe_id, upload_name
from converter.archive.desk.reports import report_id
from converter.archive.desk.uploads import MAX_WAITING, Upload, discard
from converter.archive.lock import ArchiveBusy
from converter.metadata.overrides import staff_value
from converter.model.errors import ArchiveError
from converter.model.fields import BY_KEY
from converter.reading.intake import DOCUMENT_SUFFIXES
from converter.reading.package_limits import MAX_FILE_BYTES

LONG_POLL = 25.0  # seconds a request for changes waits
DECISIONS = {"personal-data": "reason", "no-year": "year", "duplicate": "replace"}


def overview(desk, query: dict) -> tuple[int, dict]:
    uploads = [_upload(u) for u in desk.uploads.listed()]
    return 200, {"reports": desk.reports.summaries(), "uploads": uploads, "publish": desk.publisher.state,
                 "preview": {"building": desk.preview.building, "error": desk.preview.error},
                 "changes": desk.changes.count,
                 "limits": {"bytes": MAX_FILE_BYTES, "files": MAX_WAITING, "suffixes": list(DOCUMENT_SUFFIXES),
                            "too_large": ArchiveError("too-large", f"文件超过 {MAX_FILE_BYTES >> 20} MB，不能上传",
                                                      "请确认选对了文件").line()}}


def report(desk, query: dict) -> tuple[int, dict]:
    found = desk.reports.detail(safe_id(query.get("id")) or "", _known(desk))
    if found is None:
        return 404, {"message": "找不到这篇报告（可能已被删除或改名）。请返回列表。"}
    warnings = [w for u in desk.uploads.listed() if u.page == found["name"] for w in u.warnings]
    return 200, {**found, "import_warnings": list(dict.fromkeys(warnings))}


def changes(desk, query: dict) -> tuple[int, dict]:
    """The desk's change number once it differs from `since` (or after a while): its page then asks again."""
    since = query.get("since", "")
    count = desk.changes.wait(int(since), LONG_POLL) if since.isdigit() else desk.changes.count
    return 200, {"changes": count}


def preview_version(desk, query: dict) -> tuple[int, dict]:
    """The preview's build number once it differs from `since`: a preview page then reloads (reload.js)."""
    since = query.get("since", "")
    count = desk.preview.version.wait(int(since), LONG_POLL) if since.isdigit() else desk.preview.version.count
    return 200, {"version": count}


def save_report(desk, query: dict, body: dict) -> tuple[int, dict]:
    path = desk.reports.paths().get(safe_id(query.get("id")) or "")
    if path is None:
        return 404, {"message": "找不到这篇报告（可能已被删除或改名）。请返回列表。"}
    values, confirmed = body.get("values"), body.get("confirmed") or []
    if not isinstance(values, dict) or not isinstance(body.get("hash"), str):
        return 400, {"message": "请求不完整。请刷新页面后重试。"}
    try:
        changed = save(desk.root, path, values, confirmed, body["hash"])
    except WrongValues as wrong:
        return 422, {"message": "有填写错误，未保存。", "problems": wrong.lines}
    except (StalePage, ArchiveBusy) as error:
        return 409, {"message": error.line()}
    except ArchiveError as error:
        return 422, {"message": error.line()}
    if changed:
        desk.preview.rebuild()
        desk.changes.bump()
    return 200, {"saved": changed, "message": "已保存，预览正在更新。" if changed else "没有改动。"}


UNREAD = ("bad-name", "not-document", "too-many")  # refused before reading the file (not too large)


def upload(desk, headers, stream) -> tuple[int, dict]:
    length = headers.get("Content-Length", "")
    if not length.isdigit():
        return 411, {"message": "上传请求不完整。请刷新页面后重试。"}
    try:
        name, suffix = upload_name(headers.get("X-File-Name"))
        received = desk.uploads.receive(name, suffix, int(length), stream)
    except ArchiveError as error:
        if error.code in UNREAD:  # read the body first: closing on unread bytes can reset the connection
            discard(stream, int(length))  # before the browser gets the answer, which it then never shows
        status = {"too-large": 413, "too-many": 429}.get(error.code, 422)
        return status, {"message": error.line()}
    return 202, {"upload": _upload(received)}


def decide(desk, query: dict, body: dict) -> tuple[int, dict]:
    """A refused file imported again with what staff decided (a reason, a year, replacing a report)."""
    upload_id = safe_id(query.get("id")) or ""
    upload = next((u for u in desk.uploads.listed() if u.id == upload_id), None)
    if upload is None or upload.code not in DECISIONS:
        return 404, {"message": "找不到这个文件，或它不需要这样处理。请返回列表。"}
    try:
        overrides, force = _decision(upload, body)
    except ArchiveError as error:
        return 422, {"message": error.line()}
    decided = desk.uploads.decide(upload_id, overrides, force)
    if decided is None:
        return 409, {"message": "这个文件正在导入或已处理。请返回列表查看。"}
    return 202, {"upload": _upload(decided)}


def _decision(upload: Upload, body: dict) -> tuple[dict, bool]:
    kind = DECISIONS[upload.code]
    if kind == "replace":
        return {}, True
    key = "publish_override" if kind == "reason" else "year"
    value = body.get(key)
    if kind == "reason" and (not isinstance(value, str) or not value.strip()):
        raise ArchiveError("no-reason", f"{upload.name}：没有填写公开理由", "请写明为什么这些个人信息可以公开")
    field = BY_KEY[key]
    return {key: staff_value(field, value, f"{upload.name}：{field.label}", f"{field.label}: ")}, False


def dismiss(desk, query: dict, body: dict) -> tuple[int, dict]:
    if not desk.uploads.dismiss(safe_id(query.get("id")) or ""):
        return 404, {"message": "找不到这个文件，或它正在导入。请返回列表。"}
    return 200, {"message": "已从列表中移除。"}


def publish(desk, query: dict, body: dict) -> tuple[int, dict]:
    if not desk.publisher.start():
        return 409, {"message": "正在发布，请等这次完成。"}
    return 202, {"publish": desk.publisher.state}


def _upload(upload: Upload) -> dict:
    decision = DECISIONS.get(upload.code, "") if upload.status == "failed" else ""
    return {"id": upload.id, "name": upload.name, "size": upload.size, "received": upload.received,
            "status": upload.status, "message": upload.message, "page": upload.page,
            "warnings": upload.warnings, "decision": decision, "report": report_id(upload.page) if upload.page else ""}


def _known(desk) -> dict[str, list[str]]:
    """The values the archive's reports already have, for the fields the form offers them for."""
    summaries = desk.reports.summaries()
    return {key: sorted({str(r[key]) for r in summaries if r.get(key)}) for key in SUGGESTED}
