"""The sanitized original: no people, drafts or paths in it; the same text; deterministic bytes."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx_factory import to_strict
from hostile_docx import (
    add_relationship,
    add_to_content_types,
    append_xml,
    edited_report,
    jpeg_like,
    jpeg_segment,
    parts,
    png_chunk,
    rezip,
    tiny_png,
)
from lxml import etree

from converter.archive.convert import convert_file
from converter.reading.image_metadata import strip_image_metadata
from converter.reading.package_limits import check_package
from converter.safety.sanitize import sanitized_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
IDENTIFYING = ["张三", "李四", "王五", "某某科技公司", "处长赵六", "Normal-张三.dotm", "C:/Users", "GPS-MARKER",
               "PNG-AUTHOR", "rsidR", "草稿第3版", "w14:paraId", "docVars", "documentProtection", "审核意见"]
CUSTOM = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核人"><vt:lpwstr>王五</vt:lpwstr>'
          "</property></Properties>")


def _edit(document):
    core = document.core_properties
    core.author, core.last_modified_by, core.comments, core.revision = "张三", "李四", "草稿第3版", 17
    document.add_comment(document.paragraphs[4].runs, text="审核意见：数字再核实", author="王五", initials="WW")
    document.paragraphs[2].add_run().add_picture(io.BytesIO(tiny_png(png_chunk(b"tEXt", b"Author\x00PNG-AUTHOR"))))
    document.add_paragraph("详见").add_run("网站")
    document.sections[0].header.paragraphs[0].text = "科技局"
    document.paragraphs[1]._p.set("{http://schemas.microsoft.com/office/word/2010/wordml}paraId", "1A2B3C4D")
    append_xml(document.settings.element, '<w:docVars><w:docVar w:name="owner" w:val="张三"/></w:docVars>'
               '<w:documentProtection w:edit="readOnly" w:hash="abc" w:salt="def"/>'
               '<w:attachedTemplate r:id="rIdT"/>')


@pytest.fixture
def messy(tmp_path):
    """A report carrying every kind of identifying metadata Word and WPS write."""
    path = edited_report(tmp_path / "r.docx", _edit)
    data = path.read_bytes()
    app = parts(data)["docProps/app.xml"].decode().replace(
        "</Properties>", "<Company>某某科技公司</Company><Manager>处长赵六</Manager><TotalTime>95</TotalTime></Properties>")
    exif = jpeg_like(jpeg_segment(0xE1, b"Exif\x00\x00GPS-MARKER"), jpeg_segment(0xFE, "by 张三".encode()))
    data = rezip(data, {"docProps/app.xml": app.encode(), "docProps/custom.xml": CUSTOM.encode(),
                        "docProps/thumbnail.jpeg": exif, "customXml/item1.xml": b"<owner>\xe5\xbc\xa0\xe4\xb8\x89</owner>",
                        "word/media/photo.jpeg": exif})
    data = add_to_content_types(data, '<Default Extension="jpeg" ContentType="image/jpeg"/>',
                                '<Override PartName="/docProps/custom.xml" ContentType='
                                '"application/vnd.openxmlformats-officedocument.custom-properties+xml"/>')
    data = add_relationship(data, "", "rIdC", "custom-properties", "docProps/custom.xml")
    data = add_relationship(data, "", "rIdTh", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
                            "docProps/thumbnail.jpeg")
    data = add_relationship(data, "word/document.xml", "rIdX", "customXml", "../customXml/item1.xml")
    data = add_relationship(data, "word/document.xml", "rIdJ", "image", "media/photo.jpeg")
    data = add_relationship(data, "word/document.xml", "rIdH", "hyperlink", "https://www.example.gov.cn/", external=True)
    data = add_relationship(data, "word/settings.xml", "rIdT", "attachedTemplate",
                            "file:///C:/Users/张三/AppData/Roaming/Microsoft/Templates/Normal-张三.dotm", external=True)
    path.write_bytes(data)
    return path


def all_bytes(data: bytes) -> str:
    return "\n".join(content.decode("utf-8", "replace") for content in parts(data).values())


def texts(data: bytes) -> dict[str, list[str]]:
    """Every w:t of every WordprocessingML part except comments, per part."""
    found = {}
    for name, content in parts(data).items():
        if name.endswith(".xml") and b"wordprocessingml/2006/main" in content and "comments" not in name:
            found[name] = [t.text or "" for t in etree.fromstring(content).iter(W + "t")]
    return found


def test_the_messy_fixture_really_carries_the_identifying_data(messy):
    content = all_bytes(messy.read_bytes())
    assert all(marker in content for marker in IDENTIFYING)


def test_nothing_identifying_is_left_in_the_sanitized_copy(messy):
    content = all_bytes(sanitized_docx(messy.read_bytes()))
    assert [marker for marker in IDENTIFYING if marker in content] == []


def test_comments_custom_xml_thumbnail_and_custom_properties_are_gone(messy):
    names = set(parts(sanitized_docx(messy.read_bytes())))
    assert not {n for n in names if re.search(r"comments|people|customXml|thumbnail|custom\.xml", n)}


def test_the_text_of_every_part_is_unchanged(messy):
    before = texts(messy.read_bytes())
    after = texts(sanitized_docx(messy.read_bytes()))
    assert after == before and sum(len(t) for t in after.values()) > 10


def test_the_converted_page_is_the_same_from_the_sanitized_copy(messy, tmp_path):
    clean = tmp_path / "clean.docx"
    clean.write_bytes(sanitized_docx(messy.read_bytes()))
    assert convert_file(clean).body == convert_file(messy).body


def test_the_sanitized_copy_opens_in_python_docx_and_passes_the_package_limits(messy, tmp_path):
    clean = tmp_path / "clean.docx"
    clean.write_bytes(sanitized_docx(messy.read_bytes()))
    check_package(clean)
    document = docx.Document(str(clean))
    assert [p.text for p in document.paragraphs] == [p.text for p in docx.Document(str(messy)).paragraphs]
    assert document.core_properties.author == ""
    assert document.inline_shapes[0].type is not None


def test_pictures_and_hyperlinks_are_kept(messy):
    clean = parts(sanitized_docx(messy.read_bytes()))
    rels = clean["word/_rels/document.xml.rels"].decode()
    assert "https://www.example.gov.cn/" in rels and "media/photo.jpeg" in rels
    assert clean["word/media/photo.jpeg"].endswith(b"\x12\x34\x56\x78\xff\xd9")
    assert any(name.endswith(".png") for name in clean)


def test_xml_comments_are_not_in_the_sanitized_copy(tmp_path):
    data = edited_report(tmp_path / "r.docx", lambda d: None).read_bytes()
    document = parts(data)["word/document.xml"].replace(b"<w:body>", "<w:body><!-- 张三改 -->".encode())
    clean = parts(sanitized_docx(rezip(data, {"word/document.xml": document})))
    assert b"<!--" not in clean["word/document.xml"] and b"<w:body>" in clean["word/document.xml"]


def test_a_strict_ooxml_copy_keeps_its_strict_namespaces(tmp_path):
    strict_w = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
    strict = to_strict(edited_report(tmp_path / "r.docx", lambda d: None)).read_bytes()
    before, after = (etree.fromstring(parts(data)["word/document.xml"]) for data in (strict, sanitized_docx(strict)))
    assert after.tag == strict_w + "document"
    assert [t.text for t in after.iter(strict_w + "t")] == [t.text for t in before.iter(strict_w + "t")] != []


def test_the_output_is_deterministic_and_sanitizing_twice_changes_nothing(messy):
    once = sanitized_docx(messy.read_bytes())
    assert sanitized_docx(messy.read_bytes()) == once
    assert sanitized_docx(once) == once
    with zipfile.ZipFile(io.BytesIO(once)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"


def test_jpeg_exif_and_comments_are_removed_and_the_picture_kept():
    kept = jpeg_segment(0xE2, b"ICC_PROFILE\x00\x01\x01")
    original = jpeg_like(jpeg_segment(0xE1, b"Exif\x00\x00GPS"), kept, jpeg_segment(0xFE, b"note"))
    assert strip_image_metadata(original) == jpeg_like(kept)


def test_png_text_chunks_are_removed_and_the_picture_kept():
    original = tiny_png(png_chunk(b"tEXt", b"Author\x00x"), png_chunk(b"eXIf", b"MM\x00*"))
    assert strip_image_metadata(original) == tiny_png()


@pytest.mark.parametrize("broken", [b"\xff\xd8\xff\xe1\x00", b"\xff\xd8\x00\x00\x00\x00", tiny_png()[:30]])
def test_a_picture_that_does_not_parse_is_left_as_it_was(broken):
    assert strip_image_metadata(broken) == broken


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_sanitized_copy(messy, tmp_path):
    clean = tmp_path / "clean.docx"
    clean.write_bytes(sanitized_docx(messy.read_bytes()))
    subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(clean)],
                   check=True, capture_output=True, timeout=120)
    assert "主要工作完成情况" in (tmp_path / "clean.txt").read_text(encoding="utf-8", errors="replace")
