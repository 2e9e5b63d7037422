"""``standar validate --cetak``: lay out the posters and report what does not fit.

A poster (or maklumat poster) that cannot fit on one page even at the smallest legible
size is a finding (``poster-tidak-muat``, ``maklumat-tidak-muat``: peringatan) at the
line of the part that takes the most room; an output that fails for another reason is
a galat (``cetak-gagal``). They are merged with the other findings of
``standar validate``, so a pull request shows them as annotations.

The posters are laid out into a cache of their own (``.cache/standar-periksa/`` in the
current folder, one store per standards tree): a re-run lays out only what changed
(and a poster that did not fit is reported again without laying it out again). The QR
codes hold ``situs:`` of ``_instansi.yaml`` (a placeholder when it has none): the file
names what is too long, not the final print.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable, Optional

from .. import model as m
from ..findings import Finding

CACHE = Path(".cache") / "standar-periksa"
_CONTOH_SITUS = "https://standar.contoh.go.id/"


def temuan_cetak(paths: Iterable[Path | str], cache_dir: Optional[Path] = None) -> list[Finding]:
    """Print findings for the given files/folders (each within its standards tree). A tree
    with a galat is skipped: its errors come first."""
    from ..catalog import _in_tree, find_root, load_catalog
    from . import jobs

    by_root: dict[Path, list[Path]] = {}
    for p in paths:
        if not (os.path.exists(p) or os.path.islink(p)):
            continue  # standar validate already says so
        root = find_root(Path(p))
        w = _in_tree(p)
        by_root.setdefault(root, []).append(root if os.path.realpath(w) == str(root) else w)
    out: list[Finding] = []
    base = Path(cache_dir) if cache_dir is not None else Path.cwd() / CACHE
    for root, wanted in by_root.items():
        cat = load_catalog(root)
        if not cat.ok or not cat.services:
            continue
        situs = cat.instansi.situs if cat.instansi else None
        url = (m.tautan_web(situs) if situs else None) or _CONTOH_SITUS
        store = base / hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]
        laporan = jobs.run(cat, store, url, progress=False, kinds=("poster", "maklumat"))
        for f in laporan.temuan:
            fp = Path(os.path.abspath(f.file))
            if any(fp == w or w in fp.parents for w in wanted):
                out.append(f)
    return out
