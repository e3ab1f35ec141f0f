"""Every real .docx in ../shared/corpus/docx-fixtures either converts to a page with text (when it has
text) or fails with one plain line: no traceback, no empty page."""
import pytest

from converter.archive.convert import convert_file
from converter.model import SourceParagraph, Table
from converter.model.errors import ArchiveError
from converter.reading.docx import read_docx


def has_text(path) -> bool:
    source = read_docx(path)
    paragraphs = [b for b in source.blocks if isinstance(b, SourceParagraph)]
    cells = [p for b in source.blocks if isinstance(b, Table) for row in b.rows for c in row for p in c.paragraphs]
    return any(p.text.strip() for p in paragraphs + cells)


@pytest.mark.corpus
def test_every_fixture_converts_or_fails_with_one_line(shared):
    fixtures = sorted((shared / "corpus" / "docx-fixtures").rglob("*.docx"))
    assert len(fixtures) > 400
    problems = []
    for path in fixtures:
        try:
            converted = convert_file(path, image_dir=path.stem)
        except ArchiveError as error:
            if "\n" in error.line(path):
                problems.append(f"{path.name}: message on several lines")
            continue
        except Exception as error:  # noqa: BLE001 - any other exception is the defect being looked for
            problems.append(f"{path.name}: {type(error).__name__}: {error}")
            continue
        if not converted.body.strip() and has_text(path):
            problems.append(f"{path.name}: empty page")
    assert problems == []


@pytest.mark.corpus
def test_every_legacy_word_fixture_imports_or_is_refused_with_one_line(shared, tmp_path):
    """The real Word 97-2003 files of other projects' suites, added in one batch as staff would (one
    LibreOffice run for all): each is filed or refused with one plain line; none is a program error."""
    from conftest import require

    from converter.archive.importer import add
    from converter.archive.project import init

    require("soffice", "libreoffice-writer-nogui")
    fixtures = sorted(p for p in (shared / "corpus" / "docx-fixtures").rglob("*") if p.suffix.lower() == ".doc")
    assert len(fixtures) >= 80
    init(tmp_path / "archive")
    outcomes = add(tmp_path / "archive", fixtures, overrides={"year": 2020})
    problems = [o.message for o in outcomes if o.status == "failed" and ("\n" in o.message or o.code == "bug")]
    filed = [o for o in outcomes if o.status in ("added", "updated", "unchanged")]
    assert problems == [] and len(outcomes) == len(fixtures)
    assert len(filed) >= len(fixtures) // 2, [o.message for o in outcomes if o.status == "failed"]
