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


#: Pieces of an address longer than this may wrap before a dot; longer ones still, anywhere.
_PANJANG = 18


def _potong(bagian: str) -> list[str]:
    if len(bagian) <= _PANJANG:
        return [bagian]
    out: list[str] = []
    for x in re.split(r"(?<=[A-Za-z])(?=\.[A-Za-z])", bagian):
        out.extend(x[i:i + 12] for i in range(0, len(x), 12)) if len(x) > _PANJANG else out.append(x)
    return out


def putus_alamat(s: Any) -> Markup:
    """Escaped text whose words may wrap only where a reader expects: after ``@`` and
    ``/``, before a dot in a long host name (``pengaduan.dinas@`` / ``bontangkota`` /
    ``.go.id``), and in any still longer word every 12 characters. The printed form
    sets ``overflow-wrap: normal`` on such text: WeasyPrint's ``anywhere`` cuts a word
    in a bold span at any letter even where a break is allowed."""
    out = []
    for kata in re.split(r"(\s+)", str(s).strip()):
        # After "/", and after "@" inside an address (not at the head of a handle: "@dinas").
        potong = [x for b in re.split(r"(?<=\S@)(?=.)|(?<=/)(?=.)", kata) for x in _potong(b)]
        out.append("<wbr>".join(str(escape(x)) for x in potong))
    return Markup("".join(out))


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
