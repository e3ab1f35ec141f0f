"""Publication safety: secrecy marks, personal data, hidden content and review traces, the
sanitized original."""
