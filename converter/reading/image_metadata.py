"""Metadata inside pictures: a phone photo's EXIF carries GPS position, camera owner and time.

JPEG: drop APP1 (EXIF, XMP), APP13 (IPTC), COM segments; keep JFIF, ICC colour profile, Adobe.
PNG: drop tEXt, zTXt, iTXt, eXIf, tIME chunks. The picture data itself is copied unchanged; a file
that does not parse as expected is returned as it was.
"""
from __future__ import annotations

import struct

JPEG_DROPPED = {0xE1, 0xED, 0xFE}  # APP1, APP13, COM
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_DROPPED = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def strip_image_metadata(data: bytes) -> bytes:
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data) or data
    if data.startswith(PNG_SIGNATURE):
        return _png(data) or data
    return data


def _jpeg(data: bytes) -> bytes | None:
    out = [data[:2]]
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the compressed picture follows to the end
            out.append(data[position:])
            return b"".join(out)
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        if length < 2 or position + 2 + length > len(data):
            return None
        if marker not in JPEG_DROPPED:
            out.append(data[position:position + 2 + length])
        position += 2 + length
    return None


def _png(data: bytes) -> bytes | None:
    out = [PNG_SIGNATURE]
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        end = position + 12 + length
        if end > len(data):
            return None
        if kind not in PNG_DROPPED:
            out.append(data[position:end])
        position = end
        if kind == b"IEND":
            return b"".join(out)
    return None
