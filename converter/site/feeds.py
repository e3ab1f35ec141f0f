"""Atom feeds of newly added reports: the whole archive, and one per issuer.

Deterministic: entries are ordered and dated from front matter (`imported`, else the report's date),
never from the build time, and ids are derived from each original's SHA-256 so they survive a move
of the site to another address.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Callable
from xml.sax.saxutils import escape, quoteattr

from converter.site.catalog import FEED, Catalog, Entry, latest_added

FEED_SIZE = 50  # entries per feed: feed readers only need what is new
CHINA_TIME = "+08:00"


@dataclass(frozen=True)
class Feed:
    path: str  # where the feed is written, relative to the site root
    title: str
    entries: tuple[Entry, ...]


def feeds(catalog: Catalog, site_name: str) -> list[Feed]:
    found = [Feed(FEED, f"{site_name}：新收录报告", tuple(latest_added(catalog.entries, FEED_SIZE)))]
    for issuer, items in catalog.issuers.items():
        found.append(Feed(catalog.issuer_feed(issuer), f"{site_name}：{issuer}",
                          tuple(latest_added(items, FEED_SIZE))))
    return found


def atom(feed: Feed, site_name: str, href: Callable[[str], str], self_href: str = "") -> str:
    """The feed as Atom XML. `href(src_uri)` is a report page's address as seen from the feed (absolute
    with a site_url, else relative to the feed's own location); `self_href` the feed's own absolute
    address, when known."""
    updated = max((timestamp(e.added) for e in feed.entries), default="1970-01-01T00:00:00Z")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
        f"<title>{escape(feed.title)}</title>",
        f"<id>{_uuid(site_name + '/' + feed.path)}</id>",
        f"<updated>{updated}</updated>",
        f"<author><name>{escape(site_name)}</name></author>",
        f'<link rel="alternate" type="text/html" href={quoteattr(href("index.md"))}/>',
    ]
    if self_href:
        lines.append(f'<link rel="self" type="application/atom+xml" href={quoteattr(self_href)}/>')
    lines.extend(_entry(entry, href) for entry in feed.entries)
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _entry(entry: Entry, href: Callable[[str], str]) -> str:
    meta = entry.meta
    summary = " · ".join(x for x in (entry.issuer, f"{meta.year}年" if meta.year else "", meta.doc_type) if x)
    categories = "".join(f"<category term={quoteattr(topic)}/>" for topic in meta.topics)
    return (
        "<entry>"
        f"<title>{escape(meta.title)}</title>"
        f"<id>{_uuid('sha256:' + (meta.sha256 or entry.src_uri))}</id>"
        f'<link rel="alternate" type="text/html" href={quoteattr(href(entry.src_uri))}/>'
        f"<updated>{timestamp(entry.added)}</updated>"
        + (f"<published>{timestamp(meta.date)}</published>" if meta.date else "")
        + f"<author><name>{escape(entry.issuer)}</name></author>{categories}"
        f"<summary>{escape(summary)}</summary>"
        "</entry>"
    )


def timestamp(iso: str) -> str:
    """An ISO date (or date-time) as an RFC 3339 time; dates are taken as midnight, China time."""
    if not iso:
        return "1970-01-01T00:00:00Z"
    if len(iso) == 10:
        return f"{iso}T00:00:00{CHINA_TIME}"
    has_zone = iso.endswith("Z") or iso[-6] in "+-"
    return iso if has_zone else iso + CHINA_TIME


def _uuid(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn
