"""Where the presentation lives: the package ``standar_tema`` (``site_theme/`` in the
repository), found with ``importlib.resources``, so an installed wheel and an editable
checkout find the same templates, theme override and fonts.

The folders are returned as file-system paths: Jinja, MkDocs and WeasyPrint read them
as such. pip unpacks wheels, so the package is always a folder on disk.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def _akar() -> Path:
    akar = files("standar_tema")
    if not isinstance(akar, Path):  # pragma: no cover - a zip import; pip never installs one
        raise RuntimeError(f"Tema standar_tema harus terpasang sebagai folder, bukan {akar!r}.")
    return akar


def folder(*bagian: str) -> Path:
    """A folder of the theme, e.g. ``folder("print")``."""
    return _akar().joinpath(*bagian)


#: Jinja templates of the site's pages.
HALAMAN = folder("pages")
#: The MkDocs (Material) theme override the plugin adds to ``theme.dirs``.
MKDOCS = folder("mkdocs")
#: Templates and CSS of the printed forms.
CETAK = folder("print")
#: Self-hosted fonts: WOFF2 for the site, TTF embedded in the PDFs.
FONT = folder("assets", "fonts")
