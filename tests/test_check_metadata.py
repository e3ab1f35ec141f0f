"""`archive check` tells staff which metadata to confirm: weak sources, missing or unknown topics."""
from converter.archive.check import check_archive, metadata_notes
from converter.data.frontmatter import join_page
from converter.metadata.topics import load_taxonomy
from converter.model.fields import read_front_matter

SHA = "0" * 64


def page(root, name: str, **meta) -> None:
    data = {"title": "2023年区科技局工作总结", "year": 2023, "issuer": "区科技局", "doc_type": "工作总结",
            "source": "a.docx", "sha256": SHA, "topics": ["科技、教育"],
            "index_number": f"ZZTEST000/2023-{sum(map(ord, name)):05d}", **meta}
    path = root / "docs" / "reports" / "2023" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(join_page(data, "# 标题\n\n正文。"), encoding="utf-8")


def test_values_from_the_file_name_or_properties_are_listed_to_confirm(tmp_path):
    page(tmp_path, "a.md", sources={"title": "title-line", "year": "file-name", "issuer": "properties"})
    findings = check_archive(tmp_path)
    assert [(f.page, f.is_error) for f in findings] == [("docs/reports/2023/a.md", False)] * 2
    assert "年度“2023”取自文件名" in findings[0].message
    assert "发文机关“区科技局”取自文档属性" in findings[1].message


def test_confirmed_values_are_not_listed(tmp_path):
    page(tmp_path, "a.md", sources={"year": "staff", "title": "title-line"})
    assert check_archive(tmp_path) == []


def test_empty_and_unknown_topics_are_warnings():
    taxonomy = load_taxonomy()
    numbered = {"index_number": "ZZTEST000/2023-00001"}
    [note] = metadata_notes(read_front_matter({"topics": [], **numbered})[0], taxonomy)
    assert note.code == "no-topics" and "没有主题" in note.message
    [note] = metadata_notes(read_front_matter({"topics": ["科技、教育", "知识产权", "科教"], **numbered})[0], taxonomy)
    assert note.code == "unknown-topic" and "“科教”不在主题分类" in note.message


def test_archive_topics_file_decides_what_is_known(tmp_path):
    (tmp_path / "topics.yml").write_text("topics:\n  海洋:\n    渔业: [渔港]\n", encoding="utf-8")
    page(tmp_path, "a.md", topics=["渔业"])
    assert check_archive(tmp_path) == []


def test_malformed_archive_topics_file_is_an_error(tmp_path):
    (tmp_path / "topics.yml").write_text("topics: [\n", encoding="utf-8")
    page(tmp_path, "a.md")
    findings = check_archive(tmp_path)
    assert findings[0].page == "topics.yml" and findings[0].is_error


def test_a_page_without_an_index_number_is_a_hint_saying_how_to_get_one():
    [note] = metadata_notes(read_front_matter({"topics": ["科技、教育"]})[0], load_taxonomy())
    assert note.code == "no-index_number" and "archive add --force" in note.message
