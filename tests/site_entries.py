"""Catalog entries for the site's unit tests, without any .docx or MkDocs."""
from __future__ import annotations

from converter.model.fields import ReportMeta, Section
from converter.site.catalog import Catalog, Entry


def entry(year: int = 2023, issuer: str = "区科技局", doc_type: str = "工作总结", title: str = "",
          date: str | None = None, topics=(), sections=(), imported: str = "", slug: str = "", **more) -> Entry:
    """`more`: other fields of the front matter (index_number, summary, …)."""
    title = title or f"{year}年{issuer}{doc_type}"
    meta = ReportMeta(title=title, year=year, issuer=issuer, doc_type=doc_type, source="r.docx",
                      sha256=f"{abs(hash((title, year, issuer))):064x}"[-64:], date=date, topics=list(topics),
                      sections=[Section(*s) for s in sections], imported=imported, **more)
    return Entry(src_uri=f"reports/{year}/{slug or abs(hash(title)) % 10**8}.md", meta=meta)


def catalog(*entries: Entry) -> Catalog:
    return Catalog(list(entries))


def link(src: str, anchor: str = "") -> str:
    """A stand-in for the plugin's link(): "/"-rooted URLs, easy to assert on."""
    url = "/" + src.removesuffix(".md").removesuffix("/index") + "/"
    return f"{url}#{anchor}" if anchor else url
