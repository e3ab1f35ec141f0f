"""The archive and the staff workflow: the conversion pipeline, import (workers, pages, lock, atomic
writes), `archive check`, the inbox, the build, and `archive serve` with its review desk (`desk/`)."""
