"""HTML helpers shared by the site and the printed form (both escape all YAML text)."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape


def baris(s: Any) -> Markup:
    """Escaped text with its line breaks kept: a YAML block copied from a decree keeps
    its lines on the page and on paper."""
    teks = str(escape(str(s).strip()))
    return Markup(re.sub(r"\r?\n", "<br>\n", teks))
