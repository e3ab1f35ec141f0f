"""The PDF offered for download: properties, XMP, scripts, attachments and hidden layers gone; the
visible pages as they were."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from converter.model.errors import ArchiveError
from converter.safety.pdf_clean import cleaned_pdf

XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Zhang San</dc:creator></x:xmpmeta>'


def handmade_pdf(page_content: bytes, catalog_extra: bytes = b"", resources_extra: bytes = b"",
                 more: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF written byte by byte: Helvetica text, an Info dictionary naming its author, XMP
    metadata, a script run on opening, an attached file, and one optional-content group (object 9) that
    `catalog_extra` may switch off."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R /OpenAction 7 0 R"
        b" /Names << /EmbeddedFiles << /Names [(a.txt) 8 0 R] >> >> " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /Properties << /oc1 9 0 R >> " + resources_extra + b">> >>",
        b"<< /Length %d >>\nstream\n" % len(page_content) + page_content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(XMP) + XMP + b"\nendstream",
        b"<< /S /JavaScript /JS (app.alert\\('hi'\\)) >>",
        b"<< /Type /Filespec /F (a.txt) /EF << /F 10 0 R >> >>",
        b"<< /Type /OCG /Name (secret layer) >>",
        b"<< /Length 5 >>\nstream\nhello\nendstream",
        b"<< /Author (Zhang San) /Creator (Word) /Title (2023 report) >>",
        *more,  # objects 12 on
    ]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 11 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


LAYERED = (b"BT /F1 12 Tf 72 700 Td (Visible words) Tj ET\n"
           b"/OC /oc1 BDC BT /F1 12 Tf 72 650 Td (Secret words) Tj ET EMC\n"
           b"BT /F1 12 Tf 72 600 Td (More visible) Tj ET")
OFF = b"/OCProperties << /OCGs [9 0 R] /D << /OFF [9 0 R] >> >>"
ON = b"/OCProperties << /OCGs [9 0 R] /D << /ON [9 0 R] >> >>"


def text(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_properties_xmp_scripts_and_attachments_are_gone_and_the_text_stays():
    original = handmade_pdf(LAYERED, ON)
    assert "Secret words" in text(original) and PdfReader(io.BytesIO(original)).metadata["/Author"] == "Zhang San"

    cleaned, hidden = cleaned_pdf(original)

    reader = PdfReader(io.BytesIO(cleaned))
    assert hidden == 0 and reader.metadata is None
    root = reader.trailer["/Root"]
    assert "/Metadata" not in root and "/OpenAction" not in root and "/EmbeddedFiles" not in root.get("/Names", {})
    assert b"Zhang San" not in cleaned and b"JavaScript" not in cleaned and b"hello" not in cleaned
    assert "Visible words" in text(cleaned) and "Secret words" in text(cleaned)  # a layer shown is kept


def test_a_layer_hidden_when_the_document_opens_is_taken_out():
    cleaned, hidden = cleaned_pdf(handmade_pdf(LAYERED, OFF))
    assert hidden == 1
    assert "Secret words" not in text(cleaned)
    assert "Visible words" in text(cleaned) and "More visible" in text(cleaned)


def test_a_picture_in_a_hidden_layer_is_not_drawn():
    content = b"BT /F1 12 Tf 72 700 Td (Visible words) Tj ET\nq /Im1 Do Q"
    picture = b"/XObject << /Im1 12 0 R >>"
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /OC 9 0 R /Length 8 >>\nstream\n0 0 5 5 re\nendstream"
    cleaned, hidden = cleaned_pdf(handmade_pdf(content, OFF, picture, (form,)))
    assert hidden == 1 and b"/Im1 Do" not in cleaned and "Visible words" in text(cleaned)


def test_the_same_pdf_always_gives_the_same_bytes():
    original = handmade_pdf(LAYERED, OFF)
    assert cleaned_pdf(original) == cleaned_pdf(original)


def test_a_pdf_too_damaged_to_rewrite_is_one_line():
    with pytest.raises(ArchiveError) as raised:
        cleaned_pdf(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n")
    assert raised.value.code == "pdf-corrupt"
