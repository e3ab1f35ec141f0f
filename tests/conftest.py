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
