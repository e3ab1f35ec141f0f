"""The site's Content-Security-Policy: scripts, styles, fonts, data and images from its own origin
only; no inline scripts or event handlers, no plugins, no foreign form targets or <base>.

The policy is a <meta> tag put right after <head> in every page the build writes (`with_policy`,
called from the archive plugin's on_post_page and on_post_template), so it is in force before the
<title> and everything else a page carries: text that escaped from a title cannot run ahead of it.
Material writes small inline scripts (partials/javascripts/base.html, palette.html, content.html);
the theme folder `csp_theme/` overrides those partials with the same code loaded from files
(`install`, called from the plugin's on_config).
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

THEME_DIR = Path(__file__).parent / "csp_theme"
POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",  # Material's icons are data: SVG in its stylesheet
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))
META = f'<meta http-equiv="Content-Security-Policy" content="{escape(POLICY, quote=False)}">'
HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)


def install(config) -> None:
    """Put the override templates first in the theme's search path."""
    if str(THEME_DIR) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(THEME_DIR))


def with_policy(html: str) -> str:
    """The page with the policy as the first element of its <head> (unchanged if it has no head)."""
    match = HEAD.search(html)
    if not match or META in html[: match.end() + len(META) + 1]:
        return html
    return html[: match.end()] + META + html[match.end():]
