"""Builds the input.docx of each whole-document golden case. Run from the repository root:
`.venv/bin/python tests/golden/make_inputs.py`, then refresh and read the expected pages:
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py` and `git diff tests/golden`."""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from docx_factory import (  # noqa: E402
    Grid,
    Para,
    Styled,
    Title,
    Xml,
    add_notes,
    add_numbering,
    hyperlink_rel,
    image_rel,
    numbered,
    para,
    picture,
    run,
    simple_report,
    textbox,
    write_docx,
)

INDENT = "\u3000\u3000"
MERGED_TABLE = (
    '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
    '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para(run("指标")) + '</w:tc>'
    '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para(run("单位")) + '</w:tc>'
    '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para(run("2023年")) + '</w:tc></w:tr>'
    '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
    '<w:tc>' + para(run("计划")) + '</w:tc><w:tc>' + para(run("完成")) + '</w:tc></w:tr>'
    '<w:tr><w:tc>' + para(run("科技项目")) + '</w:tc><w:tc>' + para(run("项")) + '</w:tc>'
    '<w:tc>' + para(run("30")) + '</w:tc><w:tc>' + para(run("36")) + '</w:tc></w:tr></w:tbl>')


def messy(document_path: Path) -> None:
    def numbering(document):
        add_numbering(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
        return para(run("主要工作完成情况", '<w:rFonts w:eastAsia="黑体"/>'), props=numbered(90, 0))

    def noted(document):
        add_notes(document, {1: "数据来源：区统计局。"})
        return para(run(INDENT + "全年共申报科技项目36项"), '<w:r><w:footnoteReference w:id="1"/></w:r>',
                    run("，立项13项，争取上级资金"), "<w:r><w:br/></w:r>", run("1200万元。"))

    write_docx(document_path, [
        Title("2023年区科技局工作总结"), Para(""), Para(""),
        Para("2023年，我局紧紧围绕创新驱动发展战略，扎实推进各项工作。", indent=INDENT),
        Xml(numbering),
        Xml(lambda d: para(run("加大科技项目争取。", "<w:b/>"), run("全年组织申报国家和省级项目，成效明显。"),
                           props=numbered(90, 1))),
        Xml(noted),
        Xml(lambda d: para(run(INDENT), run("一是强化项目储备。", "<w:b/>"), run("建立项目库，动态管理。"))),
        Para("表1　2023年主要指标完成情况", align="center", font="黑体"),
        Xml(lambda d: MERGED_TABLE),
        Para("第 1 页 共 2 页"),
        Xml(lambda d: para(run("下一步工作打算"), props=numbered(90, 0))),
        Para("——持续加大项目争取力度", indent=INDENT),
        Xml(lambda d: para(run(INDENT + "深化科技特派员制度。"), textbox("注：数据截至11月底。"))),
        Para("\u3000" * 14 + "区科技局"),
        Para("\u3000" * 12 + "2023年12月28日"),
    ])


def styled(document_path: Path) -> None:
    write_docx(document_path, [
        Styled("Annual Report 2023", "Title"),
        Styled("Overview", "Heading 1"),
        Xml(lambda d: para(run("See "), f'<w:hyperlink r:id="{hyperlink_rel(d, "https://www.gov.cn/")}">'
                           + run("the portal") + "</w:hyperlink>", run(" for *all* data_sets & <tables>."))),
        Styled("Figures", "Heading 2"),
        Xml(lambda d: para(picture(image_rel(d), alt="Output [2023]"))),
        Grid([["Item", "Value"], ["Projects", "36"], ["Funds | total", "1,200"]]),
        Styled("Next steps", "Heading 1"),
        Para("1. Keep going."),
    ])


if __name__ == "__main__":
    for name, build in (("gongwen-report", lambda p: simple_report(p)), ("messy-report", messy),
                        ("styled-report", styled)):
        folder = HERE / name
        folder.mkdir(exist_ok=True)
        build(folder / "input.docx")
        print("wrote", folder / "input.docx")
