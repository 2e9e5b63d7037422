"""The printed outputs inside the built website.

``mkdocs build`` wipes its ``site_dir`` by default, so the PDFs cannot be kept
there between builds. They are rendered into a persistent cache store (with its
manifest of input hashes) and then hard-linked into ``out_dir`` (copied when the
file system refuses links). A build where nothing changed therefore renders
nothing and only makes links, and ``mkdocs serve`` stays fast.

Cache location, first that applies: the ``cache_dir`` argument; the environment
variable ``STANDAR_CETAK_CACHE``; ``.cache/standar-cetak`` next to the standards
folder (the repository root for ``standards/``; the same convention as Material's
``.cache/`` for its plugins).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Optional

from .. import model as m
from . import jobs as _jobs


class PrintError(Exception):
    """Some outputs could not be made (a poster that does not fit on one page, ...).

    Every other output was still written; ``messages`` says what failed, in
    Indonesian, one line each, naming the file.
    """

    def __init__(self, messages: list[str], gagal: Optional[list[str]] = None):
        super().__init__("\n".join(messages))
        self.messages = messages
        #: Outputs (paths relative to ``out_dir``) that do not exist: link to them not.
        self.gagal = gagal or []


def default_cache_dir(catalog: Any) -> Path:
    env = os.environ.get("STANDAR_CETAK_CACHE")
    if env:
        return Path(env)
    return Path(catalog.root).resolve().parent / ".cache" / "standar-cetak"


def _link(src: Path, dst: Path) -> None:
    try:
        a, b = src.stat(), dst.stat()
        if (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev):
            return  # already this very file
    except FileNotFoundError:
        pass
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def render_into_site(catalog: Any, out_dir: Path, site_url: str, *, cache_dir: Optional[Path] = None,
                     jobs: int = 0, force: bool = False, progress: Optional[bool] = None) -> None:
    """Write every poster, maklumat and handbook of ``catalog`` into ``out_dir``
    (layout in :mod:`generator.printing.paths`), rebuilding only what changed.

    ``site_url`` is the site's address; QR codes point to ``site_url + svc.url``.
    When empty, the ``situs:`` of ``_instansi.yaml`` is used.
    Quiet unless stderr is a terminal. ``out_dir`` belongs to the printer: PDFs in it
    that are no longer produced are removed. Raises :class:`PrintError` after all
    other outputs are in place when some could not be made.
    """
    out_dir = Path(out_dir)
    if not site_url:  # mkdocs.yml without site_url: the government's own address
        situs = catalog.instansi.situs if catalog.instansi else None
        site_url = m.tautan_web(situs) or "" if situs else ""
    if not site_url.lower().startswith(("https://", "http://")):
        raise PrintError([
            "Alamat situs untuk kode QR poster belum ada: isi site_url di mkdocs.yml atau situs: di "
            "_instansi.yaml (alamat lengkap, misalnya https://standar.contoh.go.id/)."
        ])
    store = Path(cache_dir) if cache_dir is not None else default_cache_dir(catalog)
    laporan = _jobs.run(catalog, store, site_url, jobs=jobs, force=force, progress=progress)
    wanted = set(laporan.berkas)
    for rel in laporan.berkas:
        _link(store / rel, out_dir / rel)
    if out_dir.is_dir():
        for p in out_dir.rglob("*.pdf"):
            if p.relative_to(out_dir).as_posix() not in wanted:
                p.unlink()
    if laporan.galat:
        raise PrintError(laporan.galat, sorted(laporan.gagal))
