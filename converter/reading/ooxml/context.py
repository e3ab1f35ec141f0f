"""What every reader function needs while walking one part of the document."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from converter.reading.ooxml.fields import Fields
from converter.reading.ooxml.images import Images
from converter.reading.ooxml.notices import Notices
from converter.reading.ooxml.numbering import Numbering
from converter.reading.ooxml.package import Relationship
from converter.reading.ooxml.styles import Styles


@dataclass
class Context:
    rels: dict[str, Relationship]
    styles: Styles
    numbering: Numbering
    images: Images
    notices: Notices
    read_blocks: Callable  # (container, context, origin) → blocks; for text boxes met inside runs
    fields: Fields = field(default_factory=Fields)
    pending: list = field(default_factory=list)  # text-box blocks to place after the current paragraph

    def defer(self, textbox) -> None:
        """Read a text box now (its own text boxes included) and keep it for after this paragraph."""
        outer, self.pending = self.pending, []
        blocks = self.read_blocks(textbox, self, "textbox")
        self.pending = outer + self.pending + blocks

    def take_pending(self) -> list:
        taken, self.pending = self.pending, []
        return taken
