import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from archive_helpers import new_archive  # noqa: E402  (found through the path above)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """../shared (corpus, fixtures, tools); tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not here")
    return SHARED


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A fresh archive (`archive init`), in a folder with a space and Chinese in its name."""
    return new_archive(tmp_path)


def require(program: str, package: str) -> str:
    """The path of `program`. Missing, it skips the test on a developer's machine, and fails it in CI
    (where the environment variable CI is set): CI installs every package, so a missing one is a fault
    of the set-up, never a silent skip."""
    import os
    import shutil

    found = shutil.which(program)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{program} is not installed: the set-up must install the Debian package {package}")
    pytest.skip(f"{program} is not installed (Debian package {package})")


@pytest.fixture(scope="session")
def office_files(tmp_path_factory) -> dict[str, Path]:
    """A short report (`docx_factory.simple_report`) as LibreOffice saves it: .doc, .rtf, .odt and .pdf,
    made once per test run by real LibreOffice; and the same .doc under WPS's name (.wps), which WPS
    writes in Word 97-2003's format."""
    require("soffice", "libreoffice-writer-nogui")
    from format_files import office_copies

    return office_copies(tmp_path_factory.mktemp("office"))
