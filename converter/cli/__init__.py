"""The `archive` command: Click commands, their Chinese help, and the view of `archive add`."""
