"""Exact Chinese full-text search: a positional character-bigram index and its browser client."""
