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
