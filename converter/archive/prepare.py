"""One received file → everything the importer needs to file it. Runs in a worker process.

Never raises: every problem comes back as `Failed` with the staff's one-line message, so a bad file (or a
bug) costs that file only.
"""
from __future__ import annotations

import hashlib
import tempfile
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from converter.archive.convert import convert_reading, read_received
from converter.metadata.overrides import overrides_for
from converter.metadata.topics import taxonomy_for
from converter.model import Image, Notice
from converter.model.errors import ArchiveError
from converter.model.fields import ReportMeta
from converter.reading.intake import CORRUPT, DAMAGED, check_has_text, read_original
from converter.reading.package_limits import TIME_LIMIT_SECONDS
from converter.safety.download import Copy, published_copy
from converter.safety.publication import received_findings, refusal

NO_ISSUER = Notice("no-issuer", "未识别发文机关，请在页首 issuer 中填写")
IMAGE_FOLDER = "images"  # beside the pages of a year; pictures are named by their content
CHANGED = ("changed", "文件在导入过程中被改动了（可能还在复制）", "请等复制完成后再导入")
TOO_BIG = ("too-big", "文件太大或结构异常，处理时超出内存限制", "请用 Word 另存为新的 .docx 后再导入")


@dataclass(frozen=True)
class Job:
    path: Path
    sha256: str  # of the file as first read: the file must still be this one
    overrides: dict = field(default_factory=dict)  # staff's --year/--issuer/--type/--topic
    root: Path | None = None  # the archive, for its own topics.yml
    format: str = ""  # the file's format, when named before the workers started (`batch.with_formats`)
    converted: Path | None = None  # LibreOffice's .docx of this file, made before the workers started
    time_limit: float = TIME_LIMIT_SECONDS  # LibreOffice's, when this worker has to start it itself
    name: str = ""  # the name staff gave the file, when it is stored under another (the desk's uploads)

    @property
    def shown(self) -> str:
        """The file's name in messages and in the page's `source`."""
        return self.name or self.path.name


@dataclass(frozen=True)
class Prepared:
    meta: ReportMeta
    body: str
    images: tuple[Image, ...]
    download: Copy | None  # what is published beside the page (None: nothing, for a web page)
    warnings: tuple[Notice, ...] = ()
    personal: tuple[str, ...] = ()  # personal-data findings: publishable only with publish_override


@dataclass(frozen=True)
class Failed:
    code: str
    line: str  # the staff's one line: file, problem, what to do
    detail: str = ""  # shown with -v: the underlying error or a traceback


def prepare(job: Job) -> Prepared | Failed:
    try:
        return _prepare(job)
    except ArchiveError as error:
        return Failed(error.code, error.line(job.shown), _cause(error))
    except DAMAGED as error:
        return Failed(CORRUPT[0], ArchiveError(*CORRUPT).line(job.shown), f"{type(error).__name__}: {error}")
    except MemoryError:
        return Failed(TOO_BIG[0], ArchiveError(*TOO_BIG).line(job.shown))
    except Exception as error:  # a bug must cost this file only, and say so plainly
        return Failed("bug", program_error(job.shown, error), traceback.format_exc())


def program_error(path: Path | str | None, error: BaseException) -> str:
    """The one line for a bug: never a traceback (that is for -v)."""
    if path is None:
        return (f"程序内部错误（{type(error).__name__}），操作未完成。"
                "请加 -v 重新运行，把显示的信息发给技术支持。")
    return (f"{Path(path).name}：程序内部错误（{type(error).__name__}），此文件未导入。"
            "请联系技术支持并提供此文件；加 -v 可显示详细信息。")


def _prepare(job: Job) -> Prepared:
    original = read_original(job.path)
    if hashlib.sha256(original).hexdigest() != job.sha256:
        raise ArchiveError(*CHANGED)
    overrides = overrides_for(job.path, job.overrides)
    publish_override = overrides.pop("publish_override", "")
    with tempfile.TemporaryDirectory(prefix="archive-") as workdir:
        received = read_received(job.path, Path(workdir), job.converted, job.time_limit)
        reading = received.reading
        converted = convert_reading(reading, job.path, overrides, taxonomy_for(job.root), image_dir=IMAGE_FOLDER,
                                    sha256=job.sha256, name=job.shown)
        check_has_text(converted.report)
        findings = received_findings(job.shown, converted.report, reading.docx, reading.document.left_out)
        blocking = refusal([f for f in findings if f.blocking])
        if blocking:
            raise blocking  # before the sanitized copy: a refused report needs none
        download = published_copy(reading.format, original, reading.docx, received.cleaned_pdf)
    personal = tuple(f.message for f in findings if not f.blocking)
    meta = replace(converted.meta, publish_override=publish_override if personal else "")  # kept only where needed
    if not meta.year:
        raise _no_year(job.shown)
    warnings = list(converted.warnings)
    if not meta.issuer and not any(w.code == NO_ISSUER.code for w in warnings):
        warnings.append(NO_ISSUER)
    return Prepared(meta=meta, body=converted.body, images=tuple(converted.images), download=download,
                    warnings=tuple(dict.fromkeys(warnings)), personal=personal)


def _no_year(name: str) -> ArchiveError:
    return ArchiveError("no-year", "无法确定报告年度（标题和文件名里都没有年份）",
                        f"请用 --year 指定，例如：archive add \"{name}\" --year 2023")


def _cause(error: ArchiveError) -> str:
    cause = error.__cause__
    return f"{type(cause).__name__}: {cause}" if cause else ""
