"""HTML helpers shared by the site and the printed form (both escape all YAML text), and
the only link schemes any output may carry."""

from __future__ import annotations

import re
from typing import Any, Optional

from markupsafe import Markup, escape


def baris(s: Any) -> Markup:
    """Escaped text with its line breaks kept: a YAML block copied from a decree keeps
    its lines on the page and on paper."""
    teks = str(escape(str(s).strip()))
    return Markup(re.sub(r"\r?\n", "<br>\n", teks))


# Schemes a citizen can be sent to: web pages, phone calls, text messages, e-mail. WhatsApp links
# are https://wa.me/... and so fall under https. Everything else (javascript:,
# data:, file:, vbscript:, ...) is refused and the value is shown as plain text.
_AMAN = re.compile(r"^(https?://[^\s<>\"']+|(?:tel|sms):\+?[0-9]{3,15}|mailto:[^\s<>\"':/?#]+@[^\s<>\"':/?#]+)$", re.IGNORECASE)


def tautan_aman(href: Optional[str]) -> Optional[str]:
    """``href`` when it is an http(s), tel:, sms: or mailto: link, else None."""
    if not href:
        return None
    href = href.strip()
    return href if _AMAN.match(href) else None
