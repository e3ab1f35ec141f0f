"""The package's shape, checked: which stage may import which (no back-edges), which module may import which
outside library, the size of modules and functions, and the README's layout naming what is there."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "converter"
README = (ROOT / "README.md").read_text(encoding="utf-8")

# The data flow: reading -> structure -> metadata -> render; safety beside them; archive runs them all;
# site and search build the public site. A package may import itself, and the packages listed here.
ALLOWED = {
    "model": set(),
    "data": {"model"},
    "reading": {"model", "data"},
    "structure": {"model", "data"},
    "metadata": {"model", "data", "structure"},
    "render": {"model", "data", "structure"},
    "safety": {"model", "data", "reading"},
    "site": {"model", "data", "metadata", "render"},  # render: a report's open data (render/open_data.py)
    "search": {"model", "data", "site"},
    "archive": {"model", "data", "reading", "structure", "metadata", "render", "safety", "site", "search"},
    "cli": {"model", "data", "reading", "metadata", "archive"},
    "": {"cli"},  # converter/__main__.py
}
# Outside libraries and the modules that may import them ("pkg/" for a whole package).
LIBRARIES = {
    "mkdocs": {"site/mkdocs_api.py"},
    "jinja2": {"site/mkdocs_api.py"},
    "material": set(),
    "markdown": {"site/lean_inline.py"},
    "markdownify": {"render/markdown.py"},
    "yaml": {"data/__init__.py"},
    "pypinyin": {"metadata/slugs.py"},
    "olefile": {"reading/intake.py"},
    "click": {"cli/"},
    "numpy": {"search/", "reading/pdf_pages.py", "reading/ocr.py", "reading/ocr_gaps.py",
              "reading/ocr_labels.py"},  # the index; page images for OCR
    "pypdfium2": {"reading/pdf_pages.py"},
    "lxml": {"reading/", "safety/", "search/page_text.py"},
    "docx": set(),  # python-docx writes test and demo documents only
    "pypdf": {"safety/pdf_clean.py"},
}
MODULE_LINES, FUNCTION_LINES = 250, 40


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def imported(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def test_every_stage_package_is_in_the_dependency_rule():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(ALLOWED) - {""}


def test_no_stage_imports_a_stage_downstream_of_it():
    back_edges = []
    for path in modules():
        own = package_of(path)
        for module in imported(path):
            parts = module.split(".")
            if parts[0] == "converter" and len(parts) > 1 and (PACKAGE / parts[1]).is_dir():
                if parts[1] != own and parts[1] not in ALLOWED[own]:
                    back_edges.append(f"{name(path)} imports {module}")
    assert back_edges == []


def test_each_outside_library_is_imported_where_the_rule_says():
    misplaced = []
    for path in modules():
        for module in imported(path):
            top = module.split(".")[0]
            allowed = LIBRARIES.get(top)
            if allowed is not None and not any(name(path).startswith(a) for a in allowed):
                misplaced.append(f"{name(path)} imports {module}")
    assert misplaced == []


def test_modules_and_functions_stay_small():
    large = []
    for path in modules():
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MODULE_LINES:
            large.append(f"{name(path)}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    large.append(f"{name(path)}:{node.lineno} {node.name}: {length} lines")
    assert large == []


def test_the_top_level_shows_the_data_flow():
    entries = [p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"]
    assert len(entries) <= 13


LAYOUT = README[README.index("## Layout"):README.index("\n## ", README.index("## Layout") + 1)]


def test_the_readme_layout_names_every_package():
    named = set(re.findall(r"^\s+([a-z_]+)/", LAYOUT, re.M))
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages <= named


@pytest.mark.parametrize("mention", sorted(set(re.findall(r"`(converter/[\w/]+(?:\.py)?)`", README))))
def test_every_module_the_readme_names_exists(mention):
    assert (ROOT / mention).exists(), f"README names {mention}, which is not there"


def test_the_readme_documents_every_front_matter_key():
    from converter.model.fields import FIELDS

    table = README[README.index("## Front matter"):README.index("## Layout")]
    documented = set(re.findall(r"`([a-z_0-9]+)`", "\n".join(line.split("|")[1] for line in table.splitlines()
                                                              if line.startswith("| `"))))
    assert {f.key for f in FIELDS} <= documented
