"""Package limits: what a crafted .docx can make us do is refused before any XML reaches python-docx."""
from __future__ import annotations

import zipfile
import zlib

import pytest
from hostile_docx import (
    BILLION_LAUGHS,
    DOCUMENT,
    W_NS,
    RawEntry,
    add_relationship,
    add_to_content_types,
    docx_bytes,
    paragraph,
    parts,
    raw_entries,
    raw_zip,
    repeated_deflate,
    rezip,
    with_body,
)

from converter.model.errors import ArchiveError
from converter.reading.package_limits import MAX_PARTS, MAX_RATIO, MAX_XML_DEPTH, check_package

MB = 1 << 20


def refusal(tmp_path, data: bytes) -> ArchiveError:
    path = tmp_path / "报告.docx"
    path.write_bytes(data)
    with pytest.raises(ArchiveError) as caught:
        check_package(path)
    return caught.value


def accepts(tmp_path, data: bytes) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(data)
    check_package(path)


def test_an_ordinary_report_is_accepted(tmp_path):
    accepts(tmp_path, docx_bytes())


def test_an_html_alt_chunk_with_a_doctype_is_accepted_because_it_is_not_parsed_as_xml(tmp_path):
    data = rezip(docx_bytes(), {"word/afchunk.htm": b"<!DOCTYPE html><html><body>x</body></html>"})
    data = add_to_content_types(data, '<Default Extension="htm" ContentType="text/html"/>')
    accepts(tmp_path, data)


def test_more_parts_than_the_limit_are_refused(tmp_path):
    entries = raw_entries(docx_bytes()) + [RawEntry(f"word/media/x{i}.bin", b"x") for i in range(MAX_PARTS)]
    assert refusal(tmp_path, raw_zip(entries)).code == "too-many-parts"


@pytest.mark.parametrize("name", [
    "../evil.xml", "word/../../evil.xml", "/etc/evil.xml", "word\\..\\evil.xml", "C:/evil.xml",
    "word/media/a\x01.png", "word//double.xml", "word/./dot.xml",
])
def test_a_part_name_that_could_leave_the_folder_is_refused(tmp_path, name):
    entries = raw_entries(docx_bytes()) + [RawEntry(name, b"<x/>")]
    assert refusal(tmp_path, raw_zip(entries)).code == "odd-part-name"


def test_two_parts_whose_names_differ_only_in_case_are_refused(tmp_path):
    entries = raw_entries(docx_bytes()) + [RawEntry("Word/Document.xml", b"<x/>")]
    assert refusal(tmp_path, raw_zip(entries)).code == "duplicate-part"


def test_a_part_declaring_a_gigabyte_is_refused_from_the_directory_alone(tmp_path):
    prefix = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    payload, crc = repeated_deflate(prefix, b"A", 1024 * MB, b"</w:t></w:r></w:p></w:body></w:document>")
    entries = [e for e in raw_entries(docx_bytes()) if e.name != DOCUMENT]
    entries.append(RawEntry(DOCUMENT, payload, method=8, crc=crc, size=1024 * MB + len(prefix) + 43))
    assert refusal(tmp_path, raw_zip(entries)).code == "too-large"


def test_a_part_with_an_extreme_compression_ratio_is_refused(tmp_path):
    payload, crc = repeated_deflate(b"<a>", b" ", 20 * MB, b"</a>")
    assert 20 * MB / len(payload) > MAX_RATIO
    entries = raw_entries(docx_bytes()) + [RawEntry("word/padding.xml", payload, method=8, crc=crc, size=20 * MB + 7)]
    assert refusal(tmp_path, raw_zip(entries)).code == "zip-bomb"


def test_a_part_that_inflates_past_its_declared_size_is_refused_as_corrupt(tmp_path):
    payload, crc = repeated_deflate(b"<a>", b" ", 64 * MB, b"</a>")
    entries = [e for e in raw_entries(docx_bytes()) if e.name != DOCUMENT]
    entries.append(RawEntry(DOCUMENT, payload, method=8, crc=crc, size=len(payload) * 2))
    assert refusal(tmp_path, raw_zip(entries)).code == "corrupt"


def test_a_part_whose_crc_does_not_match_is_refused_as_corrupt(tmp_path):
    entries = raw_entries(docx_bytes())
    entries[1].crc = zlib.crc32(entries[1].payload) ^ 1
    assert refusal(tmp_path, raw_zip(entries)).code == "corrupt"


def test_an_encrypted_part_is_refused(tmp_path):
    entries = raw_entries(docx_bytes())
    entries[-1].flags = 0x1
    assert refusal(tmp_path, raw_zip(entries)).code == "encrypted"


def test_a_compression_method_word_never_uses_is_refused(tmp_path):
    entries = raw_entries(docx_bytes())
    entries[-1].method = zipfile.ZIP_BZIP2
    assert refusal(tmp_path, raw_zip(entries)).code == "odd-compression"


def test_an_entry_needing_a_zip_version_python_cannot_read_is_refused_as_corrupt(tmp_path):
    entries = raw_entries(docx_bytes())
    entries[-1].version = 148  # "zip 14.8": one flipped bit in a real file
    assert refusal(tmp_path, raw_zip(entries)).code == "corrupt"


def test_billion_laughs_in_the_document_is_refused(tmp_path):
    data = with_body(docx_bytes(), paragraph("&lol9;"), declaration=BILLION_LAUGHS)
    assert refusal(tmp_path, data).code == "xml-declarations"


def test_an_external_entity_is_refused(tmp_path):
    xxe = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    data = with_body(docx_bytes(), paragraph("&x;"), declaration=xxe)
    error = refusal(tmp_path, data)
    assert error.code == "xml-declarations"
    assert "root:" not in error.line("报告.docx")


@pytest.mark.parametrize("name", ["[Content_Types].xml", "docProps/core.xml", "word/styles.xml",
                                  "word/_rels/document.xml.rels"])
def test_a_dtd_in_any_xml_part_is_refused(tmp_path, name):
    data = docx_bytes()
    original = parts(data)[name].decode("utf-8")
    hostile = original.replace("?>", '?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
    assert refusal(tmp_path, rezip(data, {name: hostile.encode("utf-8")})).code == "xml-declarations"


def test_a_dtd_in_utf16_is_refused(tmp_path):
    data = docx_bytes()
    document = parts(data)[DOCUMENT].decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    document = document.replace("?>", '?><!DOCTYPE w:document [<!ENTITY a "b">]>', 1)
    utf16 = "\ufeff".encode("utf-16-le") + document.encode("utf-16-le")
    assert refusal(tmp_path, rezip(data, {DOCUMENT: utf16})).code == "xml-declarations"


def test_a_dtd_in_a_part_that_is_xml_only_by_its_content_type_is_refused(tmp_path):
    data = rezip(docx_bytes(), {"word/settings2.bin": b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'})
    data = add_to_content_types(data, '<Override PartName="/word/settings2.bin" ContentType="application/xml"/>')
    assert refusal(tmp_path, data).code == "xml-declarations"


def test_a_utf32_xml_part_is_refused(tmp_path):
    data = rezip(docx_bytes(), {"docProps/custom.xml": "<x/>".encode("utf-32-be")})
    assert refusal(tmp_path, data).code == "odd-encoding"


def test_xml_nested_deeper_than_the_parser_allows_is_refused(tmp_path):
    nested = "<w:sdt><w:sdtContent>" * 1000 + paragraph("x") + "</w:sdtContent></w:sdt>" * 1000
    assert refusal(tmp_path, with_body(docx_bytes(), nested)).code == "corrupt-xml"


def nested(depth: int) -> bytes:
    """A body whose deepest element (w:t) is at `depth`: document, body, sdt/sdtContent pairs, p, r, t."""
    pairs = (depth - 5) // 2
    extra = "<w:sdt>" if (depth - 5) % 2 else ""
    inner = paragraph("x") if not extra else f"{extra}{paragraph('x')}</w:sdt>"
    return with_body(docx_bytes(), "<w:sdt><w:sdtContent>" * pairs + inner + "</w:sdtContent></w:sdt>" * pairs)


def test_xml_exactly_as_deep_as_the_limit_is_accepted_and_one_deeper_refused(tmp_path):
    accepts(tmp_path, nested(MAX_XML_DEPTH))
    assert refusal(tmp_path, nested(MAX_XML_DEPTH + 1)).code == "corrupt-xml"


def test_malformed_xml_is_refused(tmp_path):
    data = rezip(docx_bytes(), {"word/styles.xml": b"<w:styles><unclosed></w:styles>"})
    assert refusal(tmp_path, data).code == "corrupt-xml"


def test_an_image_relationship_pointing_outside_the_package_is_not_a_package_problem(tmp_path):
    """Targets are resolved inside the package by the reader; the zip itself is fine."""
    data = add_relationship(docx_bytes(), DOCUMENT, "rIdX", "image", "../../../../etc/passwd")
    accepts(tmp_path, data)


def test_the_refusal_is_one_plain_line_naming_the_file(tmp_path):
    line = refusal(tmp_path, raw_zip(raw_entries(docx_bytes()) + [RawEntry("../x", b"")])).line("报告.docx")
    assert line.startswith("报告.docx：") and "\n" not in line and "Traceback" not in line
