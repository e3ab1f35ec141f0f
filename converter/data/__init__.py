"""Rules as data: the YAML files beside this module, and what `archive init` copies (`project/`)."""
from pathlib import Path

DATA_DIR = Path(__file__).parent
