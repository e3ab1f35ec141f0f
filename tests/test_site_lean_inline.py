import markdown

EXTENSIONS = ["footnotes", "tables", "attr_list", "toc", "converter.site.lean_inline"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_reference_style_links_and_autolinks_stay_text():
    html = render("见[附件][1]和<https://example.gov.cn>。\n\n[1]: https://example.gov.cn/a")
    assert "<a" not in html and "[附件][1]" in html


def test_what_reports_do_contain_still_renders():
    html = render("## 一、概况 {#s1}\n\n**加粗**、[链接](a.md)、![图](b.png)、10<sup>3</sup>、注[^1]。  \n下一行\n\n"
                  "[^1]: 脚注。\n")
    for part in ('<h2 id="s1">', "<strong>加粗</strong>", '<a href="a.md">链接</a>', '<img alt="图" src="b.png"',
                 "<sup>3</sup>", 'class="footnote-ref"', "<br"):
        assert part in html, part


SAMPLES = [
    "一段没有任何标记的文字，只有中文和数字 2023 年。",
    "a  \nb", "x\\*y\\_z", "`代码`", "甲 & 乙 &amp; 丙", "<sup>1</sup>", "**粗**体", "_斜_", "__双__", "a * b",
    "[^1]\n\n[^1]: 注", "![图](a.png)", "[链](b)", "文字  \n下一行", "| 表 | 头 |\n|---|---|\n| **一** | 二 |",
    "## （一）标题 {#s1-1}\n\n正文*强调*正文",
]


def plain_python_markdown() -> markdown.Markdown:
    """What the extension stands for: Python-Markdown without the six unused patterns."""
    md = markdown.Markdown(extensions=EXTENSIONS[:-1])
    for name in ("reference", "short_reference", "image_reference", "short_image_ref", "autolink", "automail"):
        md.inlinePatterns.deregister(name, strict=False)
    return md


def test_skipping_plain_runs_changes_no_output():
    lean, plain = markdown.Markdown(extensions=EXTENSIONS), plain_python_markdown()
    for text in SAMPLES:
        assert lean.reset().convert(text) == plain.reset().convert(text), text


def test_plain_runs_are_skipped_only_for_patterns_it_knows():
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    from converter.site.lean_inline import _needed

    md = markdown.Markdown(extensions=EXTENSIONS)
    assert _needed(md).search("一段文字") is None
    md.inlinePatterns.register(SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "del", 65)
    assert _needed(md) is None
    assert "<del>删</del>" in md.convert("~~删~~")
