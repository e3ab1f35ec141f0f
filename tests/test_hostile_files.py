"""Hostile .docx files are refused within the time and memory limits.

Each file is converted in a fresh Python process (the way `archive add` runs a file), which reports
its outcome, time and peak resident memory (VmHWM); its address space is capped so a failed defence
cannot take the machine down."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hostile_docx import (
    BILLION_LAUGHS,
    DOCUMENT,
    W_NS,
    RawEntry,
    docx_bytes,
    paragraph,
    parts,
    raw_entries,
    raw_zip,
    repeated_deflate,
    rezip,
    with_body,
)

MB = 1 << 20
SECONDS = 10
PEAK_MB = 200  # a normal conversion peaks near 45 MB in this process
DRIVER = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from pathlib import Path
from converter.archive.convert import convert_file
from converter.model.errors import ArchiveError
start = time.perf_counter()
try:
    convert_file(Path(sys.argv[1]))
    outcome, line = "converted", ""
except ArchiveError as error:
    outcome, line = error.code, error.line(Path(sys.argv[1]))
# VmHWM: this program's own peak (ru_maxrss would include the parent's size at fork, before exec)
peak = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024
print(json.dumps({"outcome": outcome, "line": line, "seconds": time.perf_counter() - start, "peak_mb": peak}))
"""
DOCUMENT_OPEN = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
DOCUMENT_CLOSE = b"</w:t></w:r></w:p></w:body></w:document>"


def convert_in_child(tmp_path, data: bytes) -> dict:
    path = tmp_path / "报告.docx"
    path.write_bytes(data)
    result = subprocess.run([sys.executable, "-c", DRIVER, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def with_document(payload: bytes, crc: int, size: int) -> bytes:
    entries = [e for e in raw_entries(docx_bytes()) if e.name != DOCUMENT]
    return raw_zip(entries + [RawEntry(DOCUMENT, payload, method=8, crc=crc, size=size)])


def gigabyte_bomb() -> bytes:
    size = 3 * 1024 * MB + 512 * MB
    payload, crc = repeated_deflate(DOCUMENT_OPEN, b"A", size, DOCUMENT_CLOSE, crc=False)
    return with_document(payload, crc, size)


def lying_bomb() -> bytes:
    """The directory says 100 KB; the data inflates to a gigabyte."""
    payload, crc = repeated_deflate(DOCUMENT_OPEN, b"A", 1024 * MB, DOCUMENT_CLOSE, crc=False)
    return with_document(payload, crc, 100_000)


def ratio_bomb() -> bytes:
    size = 60 * MB
    payload, crc = repeated_deflate(DOCUMENT_OPEN, b"A", size, DOCUMENT_CLOSE)
    return with_document(payload, crc, len(DOCUMENT_OPEN) + size + len(DOCUMENT_CLOSE))


def billion_laughs_in(name: str) -> bytes:
    data = docx_bytes()
    if name == DOCUMENT:
        return with_body(data, paragraph("&lol9;"), declaration=BILLION_LAUGHS)
    original = parts(data)[name].decode("utf-8")
    return rezip(data, {name: original.replace("?>", "?>" + BILLION_LAUGHS.replace("w:document", "x"), 1).encode()})


def external_entity() -> bytes:
    xxe = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return with_body(docx_bytes(), paragraph("&x;"), declaration=xxe)


def deep_nesting() -> bytes:
    depth = 100_000
    return with_body(docx_bytes(), "<w:sdt><w:sdtContent>" * depth + paragraph("x") + "</w:sdtContent></w:sdt>" * depth)


def many_parts() -> bytes:
    return raw_zip(raw_entries(docx_bytes()) + [RawEntry(f"word/media/p{i}.bin", b"") for i in range(100_000)])


HOSTILE = {
    "a document inflating to 3.5 GB": (gigabyte_bomb, "too-large"),
    "a document lying about its size (1 GB)": (lying_bomb, "corrupt"),
    "a 60 MB document compressed 1000:1": (ratio_bomb, "zip-bomb"),
    "billion laughs in the document": (lambda: billion_laughs_in(DOCUMENT), "xml-declarations"),
    "billion laughs in the styles": (lambda: billion_laughs_in("word/styles.xml"), "xml-declarations"),
    "billion laughs in the core properties": (lambda: billion_laughs_in("docProps/core.xml"), "xml-declarations"),
    "an external entity naming /etc/passwd": (external_entity, "xml-declarations"),
    "XML nested 100,000 deep": (deep_nesting, {"corrupt-xml", "zip-bomb"}),
    "100,000 parts": (many_parts, "too-many-parts"),
}


def test_a_normal_report_converts_within_the_same_limits(tmp_path):
    result = convert_in_child(tmp_path, docx_bytes())
    assert result["outcome"] == "converted"
    assert result["seconds"] < SECONDS and result["peak_mb"] < PEAK_MB


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_within_the_time_and_memory_limits(tmp_path, case):
    build, expected = HOSTILE[case]
    result = convert_in_child(tmp_path, build())
    assert result["outcome"] in ({expected} if isinstance(expected, str) else expected), result
    assert result["seconds"] < SECONDS, result
    assert result["peak_mb"] < PEAK_MB, result
    assert result["line"].startswith("报告.docx：") and "\n" not in result["line"] and "root:" not in result["line"]


def test_the_cli_refuses_a_zip_bomb_in_one_plain_line(tmp_path):
    from e2e.conftest import run_archive

    bomb = tmp_path / "炸弹.docx"
    bomb.write_bytes(lying_bomb())
    result = run_archive("convert", str(bomb), cwd=tmp_path, check=False)
    assert result.returncode == 1 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("炸弹.docx：文件已损坏") and "Traceback" not in result.stderr
