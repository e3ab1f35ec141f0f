"""Mutated .docx packages for fuzzing, shared by tests/test_fuzz.py (short, hypothesis) and
bench/fuzz_bench.py (long).

`mutate(seed_bytes, steps)` applies mutations named in MUTATIONS, each driven by its own integer, so
every input is reproducible from (seed index, [(mutation, number), …]). Zip level: truncate, flip
bytes, drop, duplicate, rename or swap parts, change compression. XML level (one part, parsed and
written back): delete, duplicate, reorder or move elements, rename tags, random attributes and huge
or odd values, invalid characters, huge text.
"""
from __future__ import annotations

import hashlib
import io
import random
import tempfile
import warnings
import zipfile
from pathlib import Path

from lxml import etree

from converter.archive.prepare import Failed, Job, prepare
from converter.model import Report
from converter.model.errors import ArchiveError
from converter.reading.package_limits import check_package
from converter.safety.publication import publication_findings
from converter.safety.sanitize import sanitized_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODD_VALUES = ["", "-1", "0", "99999999999999999999", "²", "NaN", "1e309", "x" * 10_000, "　", "\u202e", "true",
              "../../../etc/passwd", "javascript:alert(1)", "<script>", "&amp;", "FFFFFF", "auto", "１２"]
ATTRIBUTES = [W + n for n in ("val", "id", "gridSpan", "ilvl", "numId", "sz", "color", "fill", "anchor",
                              "type", "vMerge", "w", "h", "left", "hanging", "firstLine")]
ATTRIBUTES += ["{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "Target", "TargetMode",
               "Id", "PartName", "ContentType", "Extension"]
TAGS = [W + n for n in ("p", "r", "t", "tbl", "tr", "tc", "ins", "del", "vanish", "hyperlink", "footnoteReference",
                        "commentReference", "pStyle", "numPr", "gridSpan", "vMerge", "sectPr", "body", "br")]
INVALID_BYTES = [b"\x00", b"\x01", b"\x0b", b"\xed\xa0\x80", b"\xff\xfe", b"\xc0\xaf", b"&#0;", b"&#xD800;", b"]]>", b"<"]


def read_parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


def write_parts(parts: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as package, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            package.writestr(info, content)
    return out.getvalue()


# --- zip level ----------------------------------------------------------------------------------

def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    mutable = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        mutable[rng.randrange(len(mutable))] ^= 1 << rng.randrange(8)
    return bytes(mutable)


def _on_parts(change):
    def mutation(data: bytes, rng: random.Random) -> bytes:
        try:
            parts = read_parts(data)
        except Exception:  # an earlier mutation broke the zip: mutate the bytes instead
            return flip_bytes(data, rng)
        return write_parts(change(parts, rng)) if parts else data
    mutation.__name__ = change.__name__
    return mutation


@_on_parts
def drop_part(parts, rng):
    parts.pop(rng.randrange(len(parts)))
    return parts


@_on_parts
def duplicate_part(parts, rng):
    name, content = rng.choice(parts)
    other = rng.choice([name, name.upper(), name + ".copy", "word/document.xml", "word/styles.xml"])
    return parts + [(other, content)]


@_on_parts
def rename_part(parts, rng):
    index = rng.randrange(len(parts))
    name, content = parts[index]
    parts[index] = (rng.choice(["word/document.xml", "word/x.xml", name.replace("word/", ""), name + "x",
                                "word/media/../document.xml", "/" + name, name.replace("/", "\\")]), content)
    return parts


@_on_parts
def swap_parts(parts, rng):
    i, j = rng.randrange(len(parts)), rng.randrange(len(parts))
    parts[i], parts[j] = (parts[i][0], parts[j][1]), (parts[j][0], parts[i][1])
    return parts


def change_compression(data: bytes, rng: random.Random) -> bytes:
    try:
        return write_parts(read_parts(data), rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2]))
    except Exception:
        return flip_bytes(data, rng)


# --- XML level ----------------------------------------------------------------------------------

def _on_xml(change):
    def mutation(data: bytes, rng: random.Random) -> bytes:
        try:
            parts = read_parts(data)
        except Exception:
            return flip_bytes(data, rng)
        xml = [i for i, (name, _) in enumerate(parts) if name.endswith((".xml", ".rels"))]
        if not xml:
            return data
        index = rng.choice(xml + [i for i in xml if parts[i][0] == "word/document.xml"] * 3)
        name, content = parts[index]
        try:
            root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return data
        elements = list(root.iter())
        changed = change(root, elements, rng)
        parts[index] = (name, changed if isinstance(changed, bytes) else etree.tostring(root, xml_declaration=True,
                                                                                         encoding="UTF-8"))
        return write_parts(parts)
    mutation.__name__ = change.__name__
    return mutation


@_on_xml
def delete_element(root, elements, rng):
    element = rng.choice(elements[1:] or elements)
    if element.getparent() is not None:
        element.getparent().remove(element)


@_on_xml
def duplicate_element(root, elements, rng):
    element = rng.choice(elements)
    if element.getparent() is not None:
        for _ in range(rng.choice([1, 2, 50])):
            element.addnext(etree.fromstring(etree.tostring(element)))


@_on_xml
def reorder_children(root, elements, rng):
    element = rng.choice(elements)
    children = list(element)
    rng.shuffle(children)
    for child in children:
        element.append(child)


@_on_xml
def move_element(root, elements, rng):
    element, target = rng.choice(elements), rng.choice(elements)
    if element.getparent() is not None and element not in target.iterancestors() and element is not target:
        target.insert(rng.randint(0, len(target)), element)


@_on_xml
def rename_tag(root, elements, rng):
    rng.choice(elements).tag = rng.choice(TAGS)


@_on_xml
def odd_attribute(root, elements, rng):
    rng.choice(elements).set(rng.choice(ATTRIBUTES), rng.choice(ODD_VALUES))


@_on_xml
def huge_text(root, elements, rng):
    element = rng.choice(elements)
    element.text = (element.text or "") + rng.choice(["一", "a ", "13812345678 ", "机密★1年 "]) * rng.choice([1000, 200_000])


@_on_xml
def invalid_characters(root, elements, rng):
    data = bytearray(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(data))
        data[position:position] = rng.choice(INVALID_BYTES)
    return bytes(data)


MUTATIONS = {m.__name__: m for m in (
    truncate, flip_bytes, drop_part, duplicate_part, rename_part, swap_parts, change_compression,
    delete_element, duplicate_element, reorder_children, move_element, rename_tag, odd_attribute, huge_text,
    invalid_characters)}


def mutate(data: bytes, steps: list[tuple[str, int]]) -> bytes:
    for name, number in steps:
        if data:
            data = MUTATIONS[name](data, random.Random(number))
    return data


# --- the seeds and the target -------------------------------------------------------------------

def seeds() -> list[bytes]:
    """Valid reports that between them use what the converter and the checks read."""
    from hostile_docx import docx_bytes, edited_report, hostile_body_report, hostile_table_report

    def review(document):
        document.sections[0].header.paragraphs[0].text = "科技局"
        document.add_comment(document.paragraphs[3].runs, text="意见", author="甲")
        document.paragraphs[4].add_run("隐藏").font.hidden = True

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        made = [hostile_body_report(folder / "a.docx"), hostile_table_report(folder / "b.docx"),
                edited_report(folder / "c.docx", review, body="联系人电话13812345678。")]
        return [docx_bytes()] + [path.read_bytes() for path in made]


def convert_everything(path: Path) -> str:
    """The importer's whole path for one file (`prepare`, as a worker runs it): limits, conversion,
    publication checks, sanitized copy. Returns "converted" or the refusal's code; a program error
    (which staff would see as "程序内部错误") fails the caller with its traceback."""
    result = prepare(Job(path, hashlib.sha256(path.read_bytes()).hexdigest()))
    if isinstance(result, Failed):
        if result.code == "bug":
            raise AssertionError(result.detail)
        return result.code
    result.meta.to_dict()
    return "converted"


def check_safety_only(path: Path) -> str:
    """Our own modules without the converter: limits, checks on an empty report, sanitized copy."""
    try:
        check_package(path)
        publication_findings(path, Report(title="", blocks=()))
        sanitized_docx(path.read_bytes())
    except ArchiveError as error:
        return error.code
    return "accepted"
