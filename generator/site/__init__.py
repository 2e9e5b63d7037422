"""The public website, independent of any site engine.

``bangun(catalog, opsi)`` returns every generated page (body HTML, title,
table of contents, search entry) and every data file (JSON, CSV). A site
engine adapter (``generator.mkdocs_plugin``) only hands these to the engine:
the day the project moves away from MkDocs, this package stays as it is.

Pages are addressed by site-relative directory URLs ("layanan/akta-kelahiran/");
links between them are relative, so the site works under any base path.
"""

from __future__ import annotations

from .render import Berkas, Halaman, Opsi, Situs, bangun
from .search import gabung_indeks

__all__ = ["Berkas", "Halaman", "Opsi", "Situs", "bangun", "gabung_indeks"]
