"""Links: relative URLs between site pages, and the only schemes a page may link to.

Every page is addressed by a site-relative *directory* URL ("layanan/akta/",
"unit/dpmptsp/perizinan/", "" for the home page) or a file path
("standar.json"). Pages link to each other relatively, so the site works under
any base path and when opened from disk.
"""

from __future__ import annotations

import posixpath
import re
from typing import Optional

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


def rel(target: str, base: str) -> str:
    """Relative link from the page at directory URL ``base`` to ``target``.

    ``target`` ending in "/" (or empty) is a page; anything else a file.
    """
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    start = base.strip("/") or "."
    is_dir = target == "" or target.endswith("/")
    path = target.strip("/") or "."
    out = posixpath.relpath(path, start)
    if is_dir:
        out = "./" if out == "." else out + "/"
    return out + fragment
