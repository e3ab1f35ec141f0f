"""The plugin's contract with MkDocs: Material's search must be off, and the build says so in Chinese."""
from __future__ import annotations

from e2e.conftest import run_archive


def test_a_build_with_materials_search_also_listed_stops_with_one_chinese_line(tmp_path):
    run_archive("init", str(tmp_path / "a"), cwd=tmp_path)
    config = tmp_path / "a" / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n"),
                      encoding="utf-8")

    result = run_archive("build", cwd=tmp_path / "a", check=False)

    assert result.returncode != 0
    assert "请删除 search 一行" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_a_build_writes_the_index_and_the_search_page(tmp_path):
    run_archive("init", str(tmp_path / "a"), cwd=tmp_path)
    run_archive("build", cwd=tmp_path / "a")
    site = tmp_path / "a" / "site"
    assert (site / "search" / "meta.json").is_file()
    assert (site / "search" / "index.html").is_file()
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'name="search"' not in page  # Material would fetch its own index for such a form
    assert "data-archive-search" in page
