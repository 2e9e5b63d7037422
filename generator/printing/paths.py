"""Where the printed outputs go and where their presentation lives.

The output layout is a contract with the site (``render_into_site``) and with
``standar cetak --out DIR``::

    DIR/<top-unit-id>/<service-slug>-a3.pdf      service poster, A3 portrait
    DIR/<top-unit-id>/<service-slug>-a4.pdf      service poster, A4 portrait
    DIR/<top-unit-id>/<service-slug>-xbanner.pdf service poster, X-banner (600 x 1600 mm)
    DIR/<top-unit-id>/maklumat-a3.pdf            maklumat poster (when the unit has one)
    DIR/<top-unit-id>/maklumat-a4.pdf
    DIR/<top-unit-id>/buku-standar-pelayanan.pdf handbook of the unit and its bidang

``top-unit-id`` is the OPD folder: services of a bidang go into their OPD's folder.
The site links to these with the helpers below, so both sides agree on names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tema import CETAK, FONT

if TYPE_CHECKING:  # pragma: no cover
    from ..catalog import Service, UnitNode

#: Jinja templates and CSS of the printed form (presentation lives in site_theme/print/).
TEMPLATE_DIR = CETAK
#: Self-hosted fonts, embedded in every PDF.
FONT_DIR = FONT

#: Poster sizes, in the order they are laid out (A4 starts where A3 fitted).
SIZES = ("a3", "a4", "xbanner")
#: Maklumat posters hang beside the service posters on the notice board: A3 and A4 only.
SIZES_MAKLUMAT = ("a3", "a4")
HANDBOOK = "buku-standar-pelayanan.pdf"


def poster_path(svc: "Service", size: str) -> str:
    """Relative path of a service poster, e.g. ``dpmptsp/izin-usaha-a3.pdf``."""
    return f"{svc.unit.top.id}/{svc.slug}-{size}.pdf"


def maklumat_path(unit: "UnitNode", size: str) -> str:
    return f"{unit.top.id}/maklumat-{size}.pdf"


def handbook_path(unit: "UnitNode") -> str:
    return f"{unit.top.id}/{HANDBOOK}"


def has_maklumat(unit: "UnitNode") -> bool:
    """True when the unit's OPD signs a maklumat, i.e. maklumat posters exist."""
    return unit.top.data.maklumat is not None


def site_page_url(site_url: str, svc: "Service") -> str:
    """Absolute address of the service's web page (what the QR code holds)."""
    return site_url.rstrip("/") + "/" + svc.url.lstrip("/")


def short_url(url: str) -> str:
    """The address as printed under the QR code: no scheme, no trailing slash."""
    s = url.split("://", 1)[-1]
    return s.rstrip("/")
