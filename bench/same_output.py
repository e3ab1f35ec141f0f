#!/usr/bin/env python3
"""Digests of everything the converter and the site builder produce, to show that a refactoring changed
no output (or exactly which outputs a bug fix changed).

    python bench/same_output.py record OUT.json [--sets pages,site,bench100]
    python bench/same_output.py compare OLD.json NEW.json

`pages`: every .docx of the demo, ../shared's real reports and fixtures and docx-gen's generated set,
converted as `archive convert` converts it (front matter and body; pictures by digest). `site`: the demo
archive imported and built; every file of its site and docs/. `bench100`: the same for the build bench's
first 100 reports (bench/make_reports.py). Files that fail to convert are recorded with their
one-line message, so a changed message shows too.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARCHIVE = [sys.executable, "-m", "converter"]


def docx_sets() -> dict[str, list[Path]]:
    sets = {"demo": sorted((ROOT / "demo" / "reports").glob("*.docx"))}
    if SHARED.is_dir():
        sets["real"] = sorted((SHARED / "corpus" / "reports-docx").glob("*.docx"))
        sets["fixtures"] = sorted((SHARED / "corpus" / "docx-fixtures").rglob("*.docx"))
    generated = ROOT / "bench" / "out" / "docx-gen"
    sets["generated"] = sorted(generated.glob("*.docx"))
    return sets


def convert_page(path: Path) -> str:
    """The page `archive convert` writes (pictures by digest), or the failure's one line."""
    convert_file, archive_error = _converter()
    try:
        converted = convert_file(path, image_dir=path.stem)
    except archive_error as error:
        return "FAILED " + error.line(path)
    pictures = sorted(f"{i.name} {hashlib.sha256(i.data).hexdigest()}" for i in converted.images)
    return converted.page() + "\n".join(pictures)


def _converter():
    try:
        from converter.archive.importer.convert import convert_file
        from converter.model import ArchiveError
    except ImportError:
        from converter.archive.convert import convert_file
        from converter.model.errors import ArchiveError
    return convert_file, ArchiveError


def record_pages() -> dict[str, str]:
    digests = {}
    for name, paths in docx_sets().items():
        base = SHARED if name in ("real", "fixtures") else ROOT
        for path in paths:
            page = convert_page(path)
            digests[f"pages/{name}/{path.relative_to(base)}"] = hashlib.sha256(page.encode()).hexdigest()
    return digests


def record_site(name: str, reports: list[Path]) -> dict[str, str]:
    """Every file of the site built from an archive of `reports` (and of its pages in docs/)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / name
        subprocess.run(ARCHIVE + ["init", str(archive)], check=True, capture_output=True)
        subprocess.run(ARCHIVE + ["add", *map(str, reports)], cwd=archive, check=True, capture_output=True)
        subprocess.run(ARCHIVE + ["build"], cwd=archive, check=True, capture_output=True)
        files = [p for folder in ("site", "docs") for p in sorted((archive / folder).rglob("*")) if p.is_file()]
        return {f"{name}/{p.relative_to(archive)}": _digest(p) for p in files}


def bench_reports(count: int) -> list[Path]:
    sys.path.insert(0, str(ROOT / "bench"))
    from make_reports import make_reports

    return make_reports(count)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compare(old: dict[str, str], new: dict[str, str]) -> int:
    changed = sorted(k for k in old.keys() & new.keys() if old[k] != new[k])
    gone, added = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
    for title, keys in (("changed", changed), ("only before", gone), ("only after", added)):
        print(f"{title}: {len(keys)}")
        for key in keys[:200]:
            print("   ", key)
    print(f"same: {len(old.keys() & new.keys()) - len(changed)}")
    return 1 if changed or gone or added else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    record = sub.add_parser("record")
    record.add_argument("out", type=Path)
    record.add_argument("--sets", default="pages,site")
    comparing = sub.add_parser("compare")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "compare":
        return compare(json.loads(args.old.read_text()), json.loads(args.new.read_text()))
    digests = {}
    sets = args.sets.split(",")
    if "pages" in sets:
        digests.update(record_pages())
    if "site" in sets:
        digests.update(record_site("demo", [ROOT / "demo" / "reports"]))
    if "bench100" in sets:
        digests.update(record_site("bench100", bench_reports(100)))
    args.out.write_text(json.dumps(digests, indent=0, sort_keys=True))
    print(f"{len(digests)} outputs recorded in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
