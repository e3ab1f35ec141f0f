"""Machine-readable metadata of a report page (Dublin Core meta tags and schema.org JSON-LD) and its
citation string. Pure functions; values are escaped for their context (attribute, or JSON in a script)."""
from __future__ import annotations

import json

from converter.metadata.doctypes import citation_mark
from converter.model.fields import FIELDS
from converter.site.catalog import Entry
from converter.site.markup import esc
from converter.site.report_page import Original

HEAD = tuple(f for f in FIELDS if f.head)


def citation(entry: Entry, permalink: str) -> str:
    """A GB/T 7714-style reference: 责任者. 题名[类型/OL]. (日期). 网址."""
    meta = entry.meta
    kind = citation_mark(meta.doc_type)
    date = meta.date or (str(meta.year) if meta.year else "")
    parts = [f"{entry.issuer}. {meta.title}[{kind}]."]
    if date:
        parts.append(f"({date}).")
    if permalink:
        parts.append(permalink)
    return " ".join(parts)


def meta_tags(entry: Entry) -> str:
    """Dublin Core tags of the fields with a `head` name in the registry, in registry order; the page's
    language after its type."""
    tags = [(f.head, _head_value(entry, f.key)) for f in HEAD]
    tags.insert(next(i + 1 for i, (name, _) in enumerate(tags) if name == "DC.type"), ("DC.language", "zh-CN"))
    return "\n".join(f'<meta name="{name}" content="{esc(value)}">' for name, value in tags if value)


def _head_value(entry: Entry, key: str) -> str:
    value = {"issuer": entry.issuer, "published": entry.published}.get(key, getattr(entry.meta, key))
    return "；".join(value) if isinstance(value, list) else str(value or "")


def json_ld(entry: Entry, original: Original | None, permalink: str, absolute: bool) -> str:
    meta = entry.meta
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": meta.title,
        "inLanguage": "zh-CN",
        "author": {"@type": "GovernmentOrganization", "name": entry.issuer},
        "genre": meta.doc_type,
        "identifier": _identifiers(meta) or None,
        "temporalCoverage": str(meta.year) if meta.year else None,
        "dateCreated": meta.date,
        "datePublished": entry.published or None,
        "abstract": meta.summary or None,
        "keywords": "，".join(meta.topics) or None,
        "spatialCoverage": meta.region or None,
        "conditionsOfAccess": meta.disclosure or None,
        "url": permalink if absolute else None,
        "encoding": _encoding(original),
    }
    text = json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False, sort_keys=False)
    # Inside <script>, "</script>" or "<!--" in a title must not end or alter the element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def _identifiers(meta) -> list[dict]:
    """索引号 and 文号, each named (schema.org PropertyValue)."""
    return [{"@type": "PropertyValue", "propertyID": label, "value": value}
            for label, value in (("索引号", meta.index_number), ("文号", meta.doc_number)) if value]


def _encoding(original: Original | None) -> dict | None:
    if not original:
        return None
    return {"@type": "MediaObject", "encodingFormat": original.media_type, "contentSize": f"{original.size} B",
            "sha256": original.sha256}


def page_description(entry: Entry) -> str:
    """The 摘要 when there is one (what a search engine shows under the title), else the facts."""
    meta = entry.meta
    if meta.summary:
        return meta.summary
    year = f"{meta.year}年" if meta.year else ""
    return f"{entry.issuer}{year}{meta.doc_type}：{meta.title}"
