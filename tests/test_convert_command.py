"""`archive convert`: the page, its pictures beside it, warnings and failures as staff see them."""
import re

from click.testing import CliRunner
from docx_factory import Para, Title, Xml, image_rel, para, picture, write_docx

from converter.cli.commands import main


def report_with_picture(path):
    return write_docx(path, [Title("2023年区科技局工作总结"), Para("全年立项13项。"),
                             Xml(lambda d: para(picture(image_rel(d), alt="走势图")))])


def test_convert_writes_the_page_and_its_pictures_in_the_folder_named_after_it(tmp_path):
    source = report_with_picture(tmp_path / "总结.docx")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "out" / "总结.md")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "总结.md").read_text(encoding="utf-8")
    assert page.startswith("---\n") and "# 2023年区科技局工作总结" in page
    [name] = re.findall(r"!\[走势图\]\(%E6%80%BB%E7%BB%93/(image-[0-9a-f]{16}\.png)\)", page)
    assert (tmp_path / "out" / "总结" / name).read_bytes().startswith(b"\x89PNG")


def test_convert_to_the_screen_leaves_pictures_out_and_says_so(tmp_path):
    source = report_with_picture(tmp_path / "总结.docx")
    result = CliRunner().invoke(main, ["convert", str(source)])
    assert result.exit_code == 0
    assert "# 2023年区科技局工作总结" in result.stdout and "image-" not in result.stdout
    assert result.stderr == "总结.docx：提示：输出到屏幕时不含图片（共 1 张），请用 -o 指定输出文件\n"


def test_unreadable_file_is_one_line_and_exit_1(tmp_path):
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    result = CliRunner().invoke(main, ["convert", str(broken), "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("坏文件.docx：")
    assert not (tmp_path / "x.md").exists()
