"""A new, empty archive: what `archive init` makes (the files in converter/data/project/, an inbox, the
reports folder). Files already there are left as they are."""
from __future__ import annotations

import shutil
from pathlib import Path

from converter.archive.pages import REPORTS_DIR
from converter.data import DATA_DIR


def init(target: Path) -> list[Path]:
    """Create an empty archive project in `target`."""
    template = DATA_DIR / "project"
    created = []
    for source in sorted(template.rglob("*")):
        destination = target / source.relative_to(template)
        if source.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            created.append(destination)
    (target / "inbox").mkdir(exist_ok=True)
    (target / REPORTS_DIR).mkdir(parents=True, exist_ok=True)
    return created
