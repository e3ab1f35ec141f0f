"""The field registry: one row per front-matter key of a report page, and `ReportMeta`, made from it.

Everything that knows a field reads its row: `ReportMeta` (its attributes, in the page's key order), the
check of a page's front matter (`read_front_matter`, the one function that builds `ReportMeta` and finds
what is wrong), staff overrides and `archive add` options (`staff`, `aliases`, `option`), what a re-import
keeps of staff's hand edits (`machine`), the publication-safety scan (`scanned`), and the site: the report
card (`card`, its position), the `<head>` tags (`head`) and the search index's report table (`search`).
Adding a field is a row here, its extractor, and a test. The page's text (YAML between `---` lines) is
`converter.data.frontmatter`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, make_dataclass

from converter.model.values import (  # noqa: F401  (the schema's names, used with it)
    CHECKSUM,
    COUNT,
    DATE,
    DISCLOSURE,
    DOC_TYPE,
    DOC_TYPES,
    DOWNLOAD,
    FORMAT,
    INDEX_NUMBER,
    SECTIONS,
    SOURCES,
    SUMMARY,
    TEXT,
    TEXT_LIST,
    YEAR,
    Download,
    Kind,
    Section,
    ValueProblem,
)


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # the Chinese name staff see (messages, the card, NAME.yml)
    kind: Kind
    required: bool = False
    staff: bool = False  # staff may set it in NAME.yml (by `label` or `aliases`) or on the command line
    aliases: tuple[str, ...] = ()  # more names NAME.yml may use
    option: str = ""  # the `archive add` option
    help: str = ""  # the option's help (Chinese)
    machine: bool = False  # the importer's own: a re-import replaces it, hand edits of it are not kept
    once: bool = False  # set at the first import; every re-import keeps the page's value (索引号, 发布日期)
    public: bool = True  # in the open data (a report's JSON, the bulk files); False: the archive's own
    scanned: bool = False  # checked for secrecy marks before publication
    card: int = 0  # position on the report's card (0: not shown there)
    head: str = ""  # the Dublin Core <meta> name in a report page's <head>
    search: str = ""  # in the search index's report table: "plain", or "coded" (by a table of its values)

    def fix(self) -> str:
        """What to do about a wrong or missing value in a page's front matter."""
        if self.machine:
            return "这一项由导入程序生成，请恢复原样，或用 archive add --force 重新导入原文件"
        return f"请写成例如“{self.key}: {self.kind.example}”"


FIELDS = (
    Field("title", "标题", TEXT, required=True, staff=True, scanned=True, head="DC.title", search="plain"),
    Field("year", "年度", YEAR, required=True, staff=True, aliases=("年份",), option="--year",
          help="指定报告年度。", card=7, search="plain"),
    Field("issuer", "发文机关", TEXT, required=True, staff=True, aliases=("发布机构", "单位"), option="--issuer",
          help="指定发文机关。", scanned=True, card=2, head="DC.creator", search="coded"),
    Field("doc_type", "文种", DOC_TYPE, required=True, staff=True, aliases=("type",), option="--type",
          help="指定文种，如 工作总结。", card=8, head="DC.type", search="coded"),
    Field("source", "原件文件名", TEXT, required=True, machine=True, scanned=True),
    Field("sha256", "原件摘要", CHECKSUM, required=True, machine=True),
    Field("format", "原件格式", FORMAT, machine=True),  # of the received file, when it is not a .docx
    Field("ocr", "扫描识别页数", COUNT, machine=True),  # pages of a scan read by OCR (the text may be wrong)
    Field("date", "成文日期", DATE, staff=True, aliases=("日期",), card=4, head="DC.date", search="plain"),
    Field("region", "地区", TEXT, staff=True, scanned=True, card=9, head="DC.coverage"),
    Field("topics", "主题", TEXT_LIST, staff=True, aliases=("topic",), option="--topic",
          help="指定主题（可多次使用）。", card=6, head="DC.subject", search="coded"),
    # The 政务公开 catalogue fields (《政府信息公开目录系统实施指引（试行）》), shown in the portals' order.
    Field("index_number", "索引号", INDEX_NUMBER, staff=True, once=True, card=1, head="DC.identifier"),
    Field("doc_number", "文号", TEXT, staff=True, aliases=("发文字号", "文件编号"), scanned=True, card=3,
          head="DC.identifier", search="plain"),
    Field("published", "发布日期", DATE, staff=True, aliases=("公开日期",), option="--published",
          help="指定发布日期（默认为首次导入的日期）。", once=True, card=5, head="DCTERMS.issued"),
    Field("disclosure", "公开方式", DISCLOSURE, staff=True, aliases=("公开属性",), option="--disclosure",
          help="指定公开方式：主动公开（默认）或依申请公开。", card=10, head="DCTERMS.accessRights"),
    Field("summary", "摘要", SUMMARY, staff=True, aliases=("内容概述",), scanned=True, head="DC.description"),
    Field("date_text", "日期原文", TEXT),
    Field("keywords", "细分主题", TEXT_LIST),
    Field("sections", "章节", SECTIONS, machine=True),
    Field("sources", "来源", SOURCES, machine=True),
    Field("download", "下载文件", DOWNLOAD, machine=True),
    Field("body_sha256", "正文摘要", CHECKSUM, machine=True, public=False),
    Field("imported", "导入日期", DATE, machine=True, once=True),
    Field("publish_override", "公开理由", TEXT, staff=True, option="--allow-personal-data", public=False,
          help="含个人信息（身份证号、手机号、银行卡号）仍要公开时，写明理由（记入页面元数据）。"),
)
BY_KEY = {f.key: f for f in FIELDS}
LABELS = {f.key: f.label for f in FIELDS}
MACHINE_KEYS = tuple(f.key for f in FIELDS if f.machine)
ONCE_KEYS = tuple(f.key for f in FIELDS if f.once)
PUBLIC_KEYS = tuple(f.key for f in FIELDS if f.public)
SCANNED_KEYS = tuple(f.key for f in FIELDS if f.scanned)
CARD = tuple(sorted((f for f in FIELDS if f.card), key=lambda f: f.card))


def _to_dict(meta) -> dict:
    """The front matter to write: every field in registry order, empty ones left out."""
    return {k: v for k, v in asdict(meta).items() if v not in (None, "", [], {})}


def _from_dict(cls, data: dict):
    """`ReportMeta` of a front matter; raises `FrontMatterError` (every problem) when a value is wrong."""
    meta, found = read_front_matter(data)
    if found:
        raise FrontMatterError(found)
    return meta


ReportMeta = make_dataclass(
    "ReportMeta",
    [(f.key, object, field(default_factory=f.kind.empty)) for f in FIELDS],
    namespace={"__doc__": "A report's fields, one attribute per row of `FIELDS`.", "to_dict": _to_dict,
               "from_dict": classmethod(_from_dict)},
)
ReportMeta.__module__ = __name__


class FrontMatterError(ValueError):
    """Front matter the site cannot be built with; `problems` are the Chinese lines of `problems()`."""

    def __init__(self, problems: list[str]):
        super().__init__("；".join(problems))
        self.problems = problems


def read_front_matter(data: dict) -> tuple[ReportMeta, list[str]]:
    """The report's fields, and what is wrong with the front matter (one Chinese line per problem, naming
    the key and the fix; a wrong value is left at its empty value). Keys not in `FIELDS` are ignored."""
    values, found = {}, []
    for f in FIELDS:
        value = data.get(f.key)
        if value is None or (value == "" and f.kind is not TEXT):
            if f.required:
                found.append(f"缺少{f.label}（{f.key}）。{f.fix()}。")
            continue
        try:
            values[f.key] = f.kind.read(value)
        except ValueProblem as problem:
            found.append(f"{f.label}（{f.key}）{problem}。{f.fix()}。")
            continue
        if f.required and not str(values[f.key]).strip():
            found.append(f"缺少{f.label}（{f.key}）。{f.fix()}。")
    return ReportMeta(**values), found


def problems(data: dict) -> list[str]:
    """What is wrong with a page's front matter, in Chinese; empty when it is valid."""
    return read_front_matter(data)[1]
