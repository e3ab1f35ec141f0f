"""The archive and the staff workflow: the conversion pipeline, import (workers, pages, lock, atomic
writes), `archive check`, the inbox, and the build/serve commands."""
