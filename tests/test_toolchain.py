"""The toolchain around the package: the lock, the Debian packages `make` installs, and ProperDocs.

Material for MkDocs reaches end of life on 2027-05-05 and MkDocs 2.0 drops plugins (see README, Toolchain),
so the fallback has to be known to work before it is needed: ProperDocs, the MkDocs 1.x continuation, loads
our `mkdocs.plugins` entry points and redirects `mkdocs.*` imports. These tests drive the `archive` and
`properdocs` commands and read files only, so they hold whatever the package's modules are called.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOCK = ROOT / "requirements" / "lock.txt"
BENCH_LOCK = ROOT / "requirements" / "bench-lock.txt"
GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">\n')


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}"
    return result


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, without the generator tag (it names the tool that built the page)."""
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"\n", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory) -> Path:
    """`archive init` and `archive add demo/reports`, as staff would, then `archive build` into site/."""
    folder = tmp_path_factory.mktemp("properdocs") / "档案"
    run(BIN / "archive", "init", folder, cwd=folder.parent)
    run(BIN / "archive", "add", ROOT / "demo" / "reports", cwd=folder)
    run(BIN / "archive", "build", cwd=folder)
    return folder


@pytest.fixture(scope="module")
def properdocs_site(demo_archive: Path) -> tuple[Path, str]:
    if not (BIN / "properdocs").exists():
        pytest.fail("properdocs is not installed: run `make setup` (it is in requirements/lock.txt)")
    site = demo_archive.parent / "properdocs-site"
    result = run(BIN / "properdocs", "build", "-f", "mkdocs.yml", "-d", site, cwd=demo_archive)
    return site, result.stderr


def test_properdocs_builds_the_home_page_report_pages_and_search_index(demo_archive, properdocs_site):
    site, _ = properdocs_site
    pages = sorted((demo_archive / "docs" / "reports").glob("*/*.md"))
    search_meta = (site / "search" / "meta.json").read_text()
    assert len(pages) == len(list((ROOT / "demo" / "reports").glob("*.docx")))
    assert "首页" in (site / "index.html").read_text()
    for page in pages:
        url = f"reports/{page.parent.name}/{page.stem}/"
        title = re.search(r"^title: (.+)$", page.read_text(), re.M)[1]
        assert f">{title}</h1>" in (site / url / "index.html").read_text()
        assert json.dumps(url) in search_meta


def test_properdocs_builds_the_same_site_as_archive_build(demo_archive, properdocs_site):
    site, _ = properdocs_site
    assert site_files(site) == site_files(demo_archive / "site")


def test_only_the_generator_tag_tells_the_two_builds_apart(demo_archive, properdocs_site):
    site, _ = properdocs_site
    page = next(site.glob("reports/*/*/index.html")).relative_to(site)
    ours = (demo_archive / "site" / page).read_text()
    theirs = (site / page).read_text()
    assert 'content="mkdocs-1.6' in ours
    assert 'content="mkdocs-ProperDocs 1.6' in theirs


def test_properdocs_prints_no_banner(properdocs_site):
    _, stderr = properdocs_site
    assert "WARNING" not in stderr and "end of life" not in stderr, stderr


def pins(lock: Path) -> dict[str, str]:
    return {name: version for name, version in re.findall(r"^([a-z0-9-]+)==(\S+)", lock.read_text(), re.M)}


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_lock_satisfies_every_range_in_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wanted = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["test"],
              *project["build-system"]["requires"]]
    locked = pins(LOCK)
    for line in wanted:
        requirement = Requirement(line)
        version = locked.get(normalized(requirement.name))
        assert version is not None, f"{requirement.name} is not in {LOCK.name}: run `make lock`"
        assert requirement.specifier.contains(version), f"{LOCK.name} has {requirement.name}=={version}"


def test_the_bench_lock_adds_the_bench_extra_and_keeps_every_other_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    locked, bench = pins(LOCK), pins(BENCH_LOCK)
    assert {name: bench.get(name) for name in locked} == locked
    for line in project["project"]["optional-dependencies"]["bench"]:
        requirement = Requirement(line)
        assert requirement.specifier.contains(bench[normalized(requirement.name)])


def system_packages(path_dirs: list[Path], *needs: str) -> subprocess.CompletedProcess:
    """.ci/system-packages under a PATH of only `path_dirs`, so no real apt-get or sudo can run."""
    env = {"PATH": os.pathsep.join(map(str, path_dirs)), "HOME": os.environ.get("HOME", "/")}
    return subprocess.run([shutil.which("bash"), ROOT / ".ci" / "system-packages", *needs],
                          capture_output=True, text=True, env=env, timeout=60)


def fake_dpkg_query(folder: Path, removed: set[str]) -> Path:
    """A dpkg-query reporting `removed` as apt leaves a removed package (config files), the rest installed."""
    folder.mkdir()
    script = folder / "dpkg-query"
    cases = "|".join(sorted(removed)) or "-"
    script.write_text(f'#!{shutil.which("bash")}\ncase "${{@: -1}}" in {cases}) printf config-files;; '
                      '*) printf installed;; esac\n')
    script.chmod(0o755)
    return folder


def test_without_apt_the_setup_names_the_missing_packages_on_one_line_and_goes_on(tmp_path):
    fake = fake_dpkg_query(tmp_path / "bin", {"chromium", "tesseract-ocr", "npm"})
    result = system_packages([fake], "run", "test")
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.rstrip().endswith("(Debian 12 names): tesseract-ocr chromium npm")


def test_the_setup_for_the_demo_leaves_out_what_only_the_tests_need(tmp_path):
    fake = fake_dpkg_query(tmp_path / "bin", {"chromium", "tesseract-ocr"})
    assert system_packages([fake], "run").stderr.rstrip().endswith(": tesseract-ocr")


def test_nothing_is_printed_when_nothing_is_missing_and_npm_from_elsewhere_counts(tmp_path):
    fake = fake_dpkg_query(tmp_path / "bin", {"npm"})
    (fake / "npm").symlink_to(shutil.which("true"))
    result = system_packages([fake], "run", "test")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
