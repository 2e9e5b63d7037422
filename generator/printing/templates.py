"""Jinja environment of the printed form and the page formats.

Templates and CSS live in ``site_theme/print/`` (presentation belongs to the
theme). Autoescape is on for every template: YAML text is data, never markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import jinja2

from .. import tampilan
from ..html import baris, putus_alamat
from . import paths

A3 = (297.0, 420.0)
A4 = (210.0, 297.0)
_K_A4 = A4[0] / A3[0]  # A4 is A3 scaled by 1/sqrt(2)
#: The X-banner (roll-up stand) most service counters print: 60 x 160 cm, one tall column.
XBANNER = (600.0, 1600.0)
#: Its text, relative to A3: read from 1-2 m rather than at arm's length, so its
#: smallest body text (14 pt on A3) is about 34 pt.
_K_XBANNER = 2.4


#: How a size is named on paper and in messages.
LABEL_UKURAN = {"a3": "A3", "a4": "A4", "xbanner": "X-banner"}


@dataclass(frozen=True)
class Format:
    """A paper size at one text size. Lengths in mm, the body text size in pt."""

    nama: str  # "a3" | "a4" | "xbanner"
    lebar: float
    tinggi: float
    k: float  # linear scale relative to A3
    margin: float
    pt: float
    kolom: int = 3  # a poster's text columns

    @property
    def label(self) -> str:
        return LABEL_UKURAN.get(self.nama, self.nama.upper())

    @property
    def page_css(self) -> str:
        return f"{self.lebar}mm {self.tinggi}mm"

    @property
    def tinggi_isi(self) -> float:
        # Height of the page area, a hair less so rounding never makes a second page.
        return round(self.tinggi - 2 * self.margin - 0.3, 2)

    def mm(self, x: float) -> float:
        return round(x * self.k, 2)


def format_poster(size: str, pt_a3: float, margin_a3: float = 11.0) -> Format:
    """The poster format for ``size`` whose text matches ``pt_a3`` on A3."""
    if size == "a3":
        return Format("a3", *A3, 1.0, margin_a3, pt_a3)
    if size == "a4":
        return Format("a4", *A4, _K_A4, round(margin_a3 * _K_A4, 2), round(pt_a3 * _K_A4, 2))
    if size == "xbanner":
        return Format("xbanner", *XBANNER, _K_XBANNER, round(margin_a3 * _K_XBANNER, 2),
                      round(pt_a3 * _K_XBANNER, 2), kolom=1)
    raise ValueError(f"ukuran kertas tidak dikenal: {size}")


def format_buku(pt: float = 10.5) -> Format:
    return Format("a4", *A4, 1.0, 20.0, pt)


@lru_cache(maxsize=4)
def environment(template_dir: Optional[str] = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir or str(paths.TEMPLATE_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    # Templates lay out the views of generator.tampilan (the same the web page lays out).
    env.filters.update(baris=baris, putus_alamat=putus_alamat, jeda=tampilan.jeda)
    env.globals.update(JUDUL_PENGADUAN=tampilan.JUDUL_PENGADUAN)
    return env


def render(template: str, **ctx: Any) -> str:
    return environment().get_template(template).render(**ctx)


def base_url() -> str:
    """Base URL for relative references in templates and CSS (fonts)."""
    return paths.TEMPLATE_DIR.as_uri() + "/"


def logo_uri(path: Optional[str]) -> Optional[str]:
    return Path(path).as_uri() if path else None


@lru_cache(maxsize=4096)
def qr_data_uri(url: str) -> str:
    """The QR code as a PNG data URI, one pixel per module, drawn with
    ``image-rendering: pixelated`` (no interpolation: sharp at any print size). An
    SVG path costs WeasyPrint ~10 ms per poster to parse and draw; this costs ~0."""
    import segno

    qr = segno.make(url, error="m", micro=False)
    return qr.png_data_uri(scale=1, border=2)


def levels(hi: float, lo: float, step: float) -> list[float]:
    """Text sizes to try, largest first: ``levels(18, 14, 1) == [18, 17, 16, 15, 14]``."""
    n = int(math.floor((hi - lo) / step + 1e-9))
    out = [round(hi - i * step, 2) for i in range(n + 1)]
    if out[-1] > lo:
        out.append(lo)
    return out



def alamat_bertingkat(s: str) -> Any:
    """A short address split after the host, so it wraps as ``host`` then
    ``/layanan/slug`` instead of at an arbitrary letter."""
    from markupsafe import Markup, escape

    host, sep, rest = s.partition("/")
    if not sep:
        return escape(s)
    return Markup('<span class="host">{}</span><span class="jalur">/{}</span>').format(host, rest)
