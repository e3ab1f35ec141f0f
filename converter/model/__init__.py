"""The values every stage shares.

- `document`: the document model, the seam between reading a file, finding its structure and writing
  Markdown (re-exported here: `from converter.model import Report`);
- `frontmatter`: a report's fields and the front matter of its page;
- `errors`: the errors that reach staff (code, problem, fix).
"""
from converter.model.document import (  # noqa: F401  (the package's public names)
    Block,
    Cell,
    DocProperties,
    Heading,
    Image,
    Note,
    Notice,
    NumberLabel,
    Paragraph,
    Report,
    Run,
    SourceBlock,
    SourceDocument,
    SourceParagraph,
    Table,
    safe_href,
)
