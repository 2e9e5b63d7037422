"""The printed form of the standards: notice-board posters (A3/A4), maklumat posters
and the unit handbook, as tagged PDF/UA documents rendered with WeasyPrint.

- :func:`render_into_site` — for the MkDocs plugin (cached, incremental, parallel).
- :func:`generator.printing.jobs.run` — the same into any folder (``standar cetak``).
- :mod:`generator.printing.paths` — where each output goes (shared with the site).

Templates and CSS live in ``site_theme/print/``.
"""

from .paths import handbook_path, has_maklumat, maklumat_path, poster_path
from .site import CetakLatar, PrintError, alamat_qr, default_cache_dir, link_into_site, render_into_site

__all__ = [
    "CetakLatar",
    "PrintError",
    "alamat_qr",
    "default_cache_dir",
    "link_into_site",
    "handbook_path",
    "has_maklumat",
    "maklumat_path",
    "poster_path",
    "render_into_site",
]
