"""Archive of Chinese government work reports: .docx in, searchable static site out."""

__version__ = "0.1.0"
