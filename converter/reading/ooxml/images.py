"""Pictures: relationship id → bytes from the package, under a generated name (image-<hash>.png).

Names never come from the package: they are made from the picture's bytes, so the same picture has the
same name in every report and two different pictures never share one (the importer files the pictures of
a year's reports in one folder). The format is read from the bytes, not from the part name; only
formats browsers show are kept. Missing, external and unsupported pictures become notices.
"""
from __future__ import annotations

import hashlib

from converter.model import Image
from converter.reading.image_metadata import strip_image_metadata
from converter.reading.ooxml.notices import Notices
from converter.reading.ooxml.package import Package, Relationship

SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", ".png", "image/png"),
    (b"\xff\xd8\xff", ".jpg", "image/jpeg"),
    (b"GIF87a", ".gif", "image/gif"),
    (b"GIF89a", ".gif", "image/gif"),
    (b"BM", ".bmp", "image/bmp"),
)


def sniff(data: bytes) -> tuple[str, str] | None:
    for signature, extension, content_type in SIGNATURES:
        if data.startswith(signature):
            return extension, content_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp", "image/webp"
    return None


class Images:
    def __init__(self, package: Package, notices: Notices):
        self._package = package
        self._notices = notices
        self._names: dict[str, str | None] = {}  # part name → generated name (None: unusable)
        self.found: list[Image] = []

    def add(self, relationship: Relationship | None, alt: str) -> str | None:
        """The generated name of the picture `relationship` points at, or None (with a notice)."""
        if relationship is None or not relationship.target:
            self._notices.add("image-missing")
            return None
        if relationship.external:
            self._notices.add("image-external")
            return None
        if relationship.target not in self._names:
            self._names[relationship.target] = self._load(relationship.target, alt)
        return self._names[relationship.target]

    def _load(self, part: str, alt: str) -> str | None:
        data = self._package.read(part)
        if not data:
            self._notices.add("image-missing")
            return None
        kind = sniff(data)
        if kind is None:
            self._notices.add("image-unsupported", part.rpartition(".")[2].upper() or "?")
            return None
        extension, content_type = kind
        data = strip_image_metadata(data)  # no camera, GPS or author data reaches the public site
        name = f"image-{hashlib.sha256(data).hexdigest()[:16]}{extension}"
        if name not in {image.name for image in self.found}:
            self.found.append(Image(name=name, content_type=content_type, data=data, alt=alt))
        return name
