"""converter/reading/pdf.py on PDFs that LibreOffice makes from small .docx files (one LibreOffice run for the
module), on hand-written bad PDFs, and the page-furniture rules on lines made in code."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx_factory import Para, Title, Xml
from pdf_factory import hand_pdf, merged_table, office_pdfs

from converter.data.heading_rules import heading_rules
from converter.model import Heading, Paragraph, Run, SourceParagraph, Table
from converter.model.errors import ArchiveError
from converter.reading.pdf import read_pdf
from converter.reading.pdf_lines import TextLine, drop_furniture
from converter.structure.outline import build_report

BODY = "仿宋_GB2312"
INDENT = "\u3000\u3000"
LONG = ("全区上下坚持以科技创新引领产业发展，围绕主导产业布局创新链，推动创新平台建设、科技成果转化和科技人才培养"
        "协同发力，全年实施重点科技项目四十二项，带动社会研发投入持续增长，")
RARE = "“𠮷”在扩展B区，一个字占两个UTF-16单元，应原样读出。"
PARAGRAPHS = [f"{n}。{LONG * 3}第{n}段结束。" for n in range(1, 9)]


def _report_blocks() -> list:
    blocks = [Title("明湖区科学技术局关于二〇二三年度科技创新工作情况和二〇二四年工作安排的报告")]
    blocks.append(Para(INDENT + "2023年，我局紧紧围绕创新驱动发展战略，扎实推进各项工作，现将有关情况报告如下。"))
    blocks.append(Para(INDENT + "一、主要工作成效", font="黑体"))
    blocks.append(Para(INDENT + "（一）加大科技项目争取和实施", font="楷体_GB2312", bold=True))
    blocks += [Para(INDENT + text) for text in PARAGRAPHS[:4]]
    blocks.append(Para("工作亮点", font="Noto Sans CJK SC"))
    blocks += [Para(INDENT + text) for text in PARAGRAPHS[4:]]
    blocks.append(Para(INDENT + RARE))
    blocks.append(Xml(merged_table))
    blocks += [Para("明湖区科学技术局", align="right"), Para("2023年12月20日", align="right")]
    return [_in_font(block) for block in blocks]


def _in_font(block):
    if isinstance(block, Para) and block.font == BODY:
        block.font = "Noto Serif CJK SC"  # the body font LibreOffice has here, so that 黑体 lines differ
    return block


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    return office_pdfs(folder, {"report": _report_blocks()}, furniture={"report"})


@pytest.fixture(scope="module")
def report(pdfs):
    return build_report(read_pdf(pdfs["report"]))


def _texts(report) -> list[str]:
    return [b.text for b in report.blocks if isinstance(b, (Heading, Paragraph))]


def test_title_over_two_lines_is_one_title(report):
    assert report.title == "明湖区科学技术局关于二〇二三年度科技创新工作情况和二〇二四年工作安排的报告"


def test_headings_by_label_are_found_at_their_levels(report):
    headings = [(b.level, b.text) for b in report.blocks if isinstance(b, Heading)]
    assert (1, "一、主要工作成效") in headings
    assert (2, "（一）加大科技项目争取和实施") in headings


def test_an_unlabelled_line_in_a_heading_font_is_a_heading(report):
    assert "工作亮点" in [b.text for b in report.blocks if isinstance(b, Heading)]


def test_paragraphs_are_whole_across_lines_and_page_breaks(report, pdfs):
    import pypdfium2

    assert len(pypdfium2.PdfDocument(str(pdfs["report"]))) >= 2
    texts = _texts(report)
    for paragraph in PARAGRAPHS:
        assert paragraph in texts


def test_a_character_beyond_the_bmp_is_read_whole(report):
    assert RARE in _texts(report)


def test_running_header_and_page_numbers_are_dropped(report):
    texts = _texts(report)
    assert not any(t.startswith("—") or "明湖区科学技术局" == t for t in texts[:-2])
    assert not any("— 2 —" in t or t.strip("— ").isdigit() for t in texts)


def test_closing_signature_and_date_are_kept(report):
    closing = [(b.role, b.text) for b in report.blocks if isinstance(b, Paragraph)][-2:]
    assert closing == [("signature", "明湖区科学技术局"), ("date", "2023年12月20日")]


def test_ruled_table_keeps_its_merged_cell(report):
    table = next(b for b in report.blocks if isinstance(b, Table))
    first = table.rows[0][0]
    assert (first.text, first.colspan) == ("指标", 2)
    assert table.rows[0][1].text == "完成率（%）"  # wrapped in its cell, read in order
    assert [c.text for c in table.rows[2]] == ["专利授权", "件", "21"]


def test_runs_carry_font_size_and_bold(pdfs):
    source = read_pdf(pdfs["report"])
    heading = next(b for b in source.blocks if isinstance(b, SourceParagraph) and b.text.lstrip("\u3000").startswith("（一）"))
    assert all(run.bold for run in heading.runs if run.text.strip())
    assert heading.runs[0].size == 16
    title = source.blocks[0]
    assert title.align == "center" and title.runs[0].size == 22


def test_document_properties_are_read(pdfs):
    properties = read_pdf(pdfs["report"]).properties
    assert properties.created[:2] == "20"


# --- bad files -------------------------------------------------------------------------------------------


def _one_line(error: ArchiveError, path: Path) -> str:
    line = error.line(path)
    assert "\n" not in line and line.startswith(path.name + "：")
    return line


def test_encrypted_pdf_is_one_chinese_line(pdfs, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(pdfs["report"]))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "加密.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(ArchiveError) as caught:
        read_pdf(path)
    assert caught.value.code == "pdf-encrypted"
    assert "密码" in _one_line(caught.value, path)


def test_truncated_pdf_is_one_chinese_line(pdfs, tmp_path):
    path = tmp_path / "损坏.pdf"
    data = pdfs["report"].read_bytes()
    path.write_bytes(data[: len(data) // 4])
    with pytest.raises(ArchiveError) as caught:
        read_pdf(path)
    assert caught.value.code in ("pdf-corrupt", "pdf-no-text")
    _one_line(caught.value, path)


def test_garbage_after_a_pdf_header_is_one_chinese_line(tmp_path):
    path = tmp_path / "乱码.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 50)
    with pytest.raises(ArchiveError) as caught:
        read_pdf(path)
    assert caught.value.code == "pdf-corrupt"
    _one_line(caught.value, path)


def test_pdf_without_pages_is_one_chinese_line(tmp_path):
    path = hand_pdf(tmp_path / "空.pdf", ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"])
    with pytest.raises(ArchiveError) as caught:
        read_pdf(path)
    assert caught.value.code in ("pdf-empty", "pdf-corrupt")
    _one_line(caught.value, path)


def test_pdf_with_too_many_pages_is_refused_before_reading_them(tmp_path):
    count = 600
    kids = " ".join(f"{n} 0 R" for n in range(3, 3 + count))
    pages = ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" for _ in range(count)]
    path = hand_pdf(tmp_path / "很多页.pdf", ["<< /Type /Catalog /Pages 2 0 R >>",
                                            f"<< /Type /Pages /Kids [{kids}] /Count {count} >>", *pages])
    started = time.monotonic()
    with pytest.raises(ArchiveError) as caught:
        read_pdf(path)
    assert caught.value.code == "pdf-too-many-pages"
    assert "600" in _one_line(caught.value, path)
    assert time.monotonic() - started < 5


def test_deeply_nested_objects_are_one_line_not_a_crash(tmp_path):
    nested = "[" * 100_000 + "]" * 100_000
    path = hand_pdf(tmp_path / "嵌套.pdf", [
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /X 4 0 R >> >>", nested])
    started = time.monotonic()
    with pytest.raises(ArchiveError) as caught:
        read_pdf(path)
    assert caught.value.code in ("pdf-corrupt", "pdf-no-text")
    _one_line(caught.value, path)
    assert time.monotonic() - started < 10


# --- page furniture, on lines made in code -----------------------------------------------------------------


def _line(text: str, page: int, top: float) -> TextLine:
    return TextLine(page=page, x0=90, x1=500, top=top, bottom=top + 16, size=16, runs=(Run(text=text),),
                    page_height=842)


@pytest.mark.parametrize("footer", ["— {n} —", "- {n} -", "第 {n} 页 共 9 页", "{n}/9", "{n}"])
def test_page_number_lines_are_dropped(footer):
    pages = [[_line("正文第一行", n, 100), _line(footer.format(n=n), n, 800)] for n in range(1, 4)]
    kept, dropped = drop_furniture(pages, heading_rules())
    assert [[line.text for line in page] for page in kept] == [["正文第一行"]] * 3
    assert dropped == 3


def test_a_header_repeated_on_most_pages_is_dropped_but_body_text_is_not():
    pages = [[_line("内部资料 注意保存", n, 40), _line("一、主要工作", n, 100)] for n in range(1, 5)]
    kept, _ = drop_furniture(pages, heading_rules())
    assert [[line.text for line in page] for page in kept] == [["一、主要工作"]] * 4


def test_a_header_whose_punctuation_ocr_reads_differently_on_some_pages_is_still_one_header():
    headers = ["内部资料注意保存", "内部资料“注意保存", "内部资料“注意保存", "内部资料注意保存", "内部资料“注意保存"]
    pages = [[_line(header, n, 40), _line("正文", n, 100)] for n, header in enumerate(headers, start=1)]
    kept, _ = drop_furniture(pages, heading_rules())
    assert [[line.text for line in page] for page in kept] == [["正文"]] * 5
