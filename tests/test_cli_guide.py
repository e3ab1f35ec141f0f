"""The staff guide: one text, shipped with `archive init`, linked from the nav and the README, and naming
every message a file can get."""
from __future__ import annotations

from pathlib import Path

import yaml

from converter.reading import html, intake, libreoffice, ocr, pdf, text
from converter.safety import pdf_clean

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide.md"


def test_archive_init_ships_the_same_guide_as_the_demo():
    assert (ROOT / "converter" / "data" / "project" / "docs" / "guide.md").read_text(encoding="utf-8") == \
        GUIDE.read_text(encoding="utf-8")


def test_guide_is_in_the_site_nav_and_linked_from_the_readme():
    for config in (ROOT / "mkdocs.yml", ROOT / "converter" / "data" / "project" / "mkdocs.yml"):
        nav = yaml.safe_load(config.read_text(encoding="utf-8").split("\nplugins:")[0])["nav"]
        assert {"使用说明": "guide.md"} in nav
    assert "](docs/guide.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


READERS = (intake, text, html, pdf, ocr, pdf_clean)  # modules whose (code, problem, fix) constants are messages


def file_problems() -> list[str]:
    """The problem of every message a file can get from the readers: each module's (code, problem, fix)
    constants, and LibreOffice's messages after the format they name (`这是 … 格式，`)."""
    problems = [value[1] for module in READERS for name, value in vars(module).items()
                if name.isupper() and isinstance(value, tuple) and len(value) == 3
                and all(isinstance(part, str) for part in value)]
    office = [libreoffice.missing("doc"), libreoffice.failed("doc"), libreoffice.hung("doc", 60)]
    pages = [pdf.too_many_pages(600).problem.split("，", 1)[1], pdf.too_slow(120).problem]
    return problems + [error.problem.split("，", 1)[1] for error in office] + pages


def test_guide_explains_every_file_problem():
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [p for p in file_problems() if p.split("（")[0].split("，")[0][:8] not in guide]
    assert missing == []
