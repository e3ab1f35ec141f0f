"""LibreOffice as the office formats' first reader: one run for a whole batch, its own profile, and a file
it hangs on killed, named, and the rest of the batch converted in a new run."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from conftest import require

from converter.model.errors import ArchiveError
from converter.reading.libreoffice import convert_batch, to_docx


def test_one_run_converts_doc_rtf_odt_and_wps_to_docx(office_files, tmp_path):
    results = convert_batch([(office_files[kind], kind) for kind in ("doc", "rtf", "odt", "wps")], tmp_path)
    assert all(isinstance(result, Path) and result.read_bytes()[:2] == b"PK" for result in results)
    assert len({result.name for result in results}) == 4


def test_a_file_whose_name_would_read_as_an_option_is_converted(office_files, tmp_path):
    odd = Path(shutil.copy(office_files["doc"], tmp_path / "--help 报告 (1).doc"))
    assert to_docx(odd, "doc", tmp_path / "work").read_bytes()[:2] == b"PK"


def test_without_libreoffice_every_file_gets_the_line_naming_the_package(office_files, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    [result] = convert_batch([(office_files["rtf"], "rtf")], tmp_path)
    assert isinstance(result, ArchiveError) and result.code == "libreoffice-missing"
    assert "sudo apt-get install libreoffice-writer-nogui" in result.line()


def test_a_hang_is_killed_after_the_limit_and_the_files_after_it_are_converted_in_a_new_run(tmp_path, monkeypatch):
    """A stand-in for soffice (the one place a fake is used: no real file that hangs LibreOffice is at
    hand): it converts its files in order, and stops for good at one whose bytes hold HANG."""
    require("sh", "dash")
    calls, docx = tmp_path / "calls.txt", tmp_path / "saved.docx"
    docx.write_bytes(b"PK\x03\x04 a .docx")
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\n"
                    f'echo run >> "{calls}"\n'
                    'outdir=""; previous=""\n'
                    'for arg in "$@"; do [ "$previous" = "--outdir" ] && outdir="$arg"; previous="$arg"; done\n'
                    'for f in "$@"; do case "$f" in *.doc)\n'
                    '  grep -q HANG "$f" && sleep 600\n'
                    f'  cp "{docx}" "$outdir/$(basename "${{f%.*}}").docx";; esac; done\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:{os.environ['PATH']}")
    files = []
    for name, content in (("a", b"fine"), ("b", b"HANG"), ("c", b"fine too")):
        (tmp_path / f"{name}.doc").write_bytes(content)
        files.append((tmp_path / f"{name}.doc", "doc"))
    progress = []

    started = time.monotonic()
    results = convert_batch(files, tmp_path / "work", seconds=1.5, on_progress=lambda done, total: progress.append(done))

    assert time.monotonic() - started < 20
    assert isinstance(results[0], Path) and isinstance(results[2], Path)
    assert isinstance(results[1], ArchiveError) and results[1].code == "libreoffice-timeout"
    assert "超过 1.5 秒仍未完成" in results[1].problem
    assert calls.read_text().split() == ["run", "run"]  # the batch, then the files after the hang
    assert progress[-1] == 3
