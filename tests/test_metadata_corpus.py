"""Metadata of the real provincial reports in ../shared/corpus/reports-docx, against their MANIFEST."""
import pytest
from corpus_manifest import manifest_rows

from converter.metadata.extract import extract_metadata
from converter.model import SourceParagraph
from converter.reading.docx import read_docx
from converter.structure.outline import build_report

pytestmark = pytest.mark.corpus


def test_real_reports_yield_their_title_year_issuer_type_and_meeting_date(shared):
    folder = shared / "corpus" / "reports-docx"
    rows = manifest_rows(folder)
    assert rows
    for path in sorted(folder.glob("*.docx")):
        source = read_docx(path)
        first = next(b.text.strip() for b in source.blocks if isinstance(b, SourceParagraph) and b.text.strip())
        found = extract_metadata(build_report(source), path.name)
        values, sources = found.values, found.sources
        assert values["title"] == first, path.name
        assert values["year"] == int(rows[path.name][5]), path.name
        assert values["issuer"] == rows[path.name][6], path.name
        assert values["doc_type"] == "政府工作报告", path.name
        assert values["date"].startswith("2025-01-"), path.name
        assert sources["date"] == "subtitle-date" and sources["title"] == "title-line", path.name
        assert not any(w.code.startswith("weak-") for w in found.warnings), path.name
