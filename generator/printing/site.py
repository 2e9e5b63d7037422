"""The printed outputs inside the built website.

``mkdocs build`` wipes its ``site_dir`` by default, so the PDFs cannot be kept
there between builds. They are rendered into a persistent cache store (with its
manifest of input hashes) and then hard-linked into ``out_dir`` (copied when the
file system refuses links). A build where nothing changed therefore renders
nothing and only makes links.

The QR codes hold the *published* address (``site_url`` as configured, else
``situs:`` of ``_instansi.yaml``), never the address ``mkdocs serve`` runs on: the
PDFs do not depend on how the site is being built, and switching between
``mkdocs build`` and ``mkdocs serve`` renders nothing again.

Cache location, first that applies: the ``cache_dir`` argument; the environment
variable ``STANDAR_CETAK_CACHE``; ``.cache/standar-cetak`` in the project folder
(the folder of ``mkdocs.yml``, the same convention as Material's ``.cache/`` for
its plugins), never inside the standards tree.

In ``mkdocs serve`` the PDFs are made in the background (:class:`CetakLatar`): the
site shows at once, linking only the PDFs that are current, and is rebuilt when
the rest are ready.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from pathlib import Path
from typing import Any, Iterable, Optional

from .. import model as m
from ..findings import GALAT, Finding
from . import jobs as _jobs

log = logging.getLogger("mkdocs.plugins.standar")


class PrintError(Exception):
    """Printing cannot go on, or some outputs failed with a galat (not a poster that does
    not fit: that is a peringatan, see :attr:`generator.printing.jobs.Laporan.temuan`).

    Every other output was still written; ``messages`` says what failed, in
    Indonesian, one line each, naming the file.
    """

    def __init__(self, messages: list[str], gagal: Optional[list[str]] = None,
                 temuan: Optional[list[Finding]] = None):
        super().__init__("\n".join(messages))
        self.messages = messages
        #: Outputs (paths relative to ``out_dir``) that do not exist: link to them not.
        self.gagal = gagal or []
        #: The problems as findings (file, line, code), when they come from a standard.
        self.temuan = temuan or []


CACHE = Path(".cache") / "standar-cetak"


def default_cache_dir(project_dir: Path | str | None = None) -> Path:
    """``$STANDAR_CETAK_CACHE``, else ``<project_dir>/.cache/standar-cetak`` (project
    folder: the current one when not given)."""
    env = os.environ.get("STANDAR_CETAK_CACHE")
    if env:
        return Path(env)
    return Path(project_dir if project_dir is not None else Path.cwd()).resolve() / CACHE


def alamat_qr(catalog: Any, site_url: str) -> str:
    """The address the QR codes point to: ``site_url``, else ``situs:`` of ``_instansi.yaml``.
    Raises :class:`PrintError` when there is none."""
    if not site_url:  # mkdocs.yml without site_url: the government's own address
        situs = catalog.instansi.situs if catalog.instansi else None
        site_url = m.tautan_web(situs) or "" if situs else ""
    if not site_url.lower().startswith(("https://", "http://")):
        raise PrintError([
            "Alamat situs untuk kode QR poster belum ada: isi site_url di mkdocs.yml atau situs: di "
            "_instansi.yaml (alamat lengkap, misalnya https://standar.contoh.go.id/)."
        ])
    return site_url


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


def link_into_site(store: Path, out_dir: Path, berkas: Iterable[str]) -> None:
    """Link the outputs ``berkas`` (paths in the store) into ``out_dir``; any other PDF
    in ``out_dir`` is removed (``out_dir`` belongs to the printer)."""
    store, out_dir = Path(store), Path(out_dir)
    wanted = set()
    for rel in berkas:
        if (store / rel).is_file():
            _link(store / rel, out_dir / rel)
            wanted.add(rel)
    if out_dir.is_dir():
        for p in out_dir.rglob("*.pdf"):
            if p.relative_to(out_dir).as_posix() not in wanted:
                p.unlink()


def render_into_site(catalog: Any, out_dir: Path, site_url: str, *, cache_dir: Optional[Path] = None,
                     jobs: int = 0, force: bool = False, progress: Optional[bool] = None) -> "_jobs.Laporan":
    """Write every poster, maklumat and handbook of ``catalog`` into ``out_dir``
    (layout in :mod:`generator.printing.paths`), rebuilding only what changed.

    ``site_url`` is the site's published address; QR codes point to ``site_url + svc.url``.
    When empty, the ``situs:`` of ``_instansi.yaml`` is used.
    Quiet unless stderr is a terminal. ``out_dir`` belongs to the printer: PDFs in it
    that are no longer produced are removed. Returns the report: a poster that does not
    fit is a finding in ``temuan`` and its file is absent. Raises :class:`PrintError`,
    after all other outputs are in place, when an output failed with a galat.
    """
    site_url = alamat_qr(catalog, site_url)
    store = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    laporan = _jobs.run(catalog, store, site_url, jobs=jobs, force=force, progress=progress)
    link_into_site(store, out_dir, laporan.berkas)
    galat = [f for f in laporan.temuan if f.severity == GALAT]
    if galat:
        raise PrintError([f.message for f in galat], sorted(laporan.gagal), galat)
    return laporan


class CetakLatar:
    """``mkdocs serve``: brings the store up to date in a background thread.

    One run at a time; a request made while a run is going replaces any request still
    waiting (the latest catalogue wins, and what the earlier run finished is reused).
    When a run made or failed something, the file ``sinyal`` is rewritten: the
    LiveReload server watches its folder and rebuilds the site, which then links the
    new PDFs.
    """

    def __init__(self, store: Path, sinyal: Path):
        self.store = Path(store)
        self.sinyal = Path(sinyal)
        self._cond = threading.Condition()
        self._permintaan: Optional[tuple[Any, str]] = None
        self._berhenti = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self.sibuk = False

    def minta(self, catalog: Any, site_url: str) -> None:
        with self._cond:
            self._permintaan = (catalog, site_url)
            if self._thread is None or not self._thread.is_alive():
                self._berhenti.clear()
                self._thread = threading.Thread(target=self._jalan, name="standar-cetak", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _jalan(self) -> None:
        while not self._berhenti.is_set():
            with self._cond:
                while self._permintaan is None and not self._berhenti.is_set():
                    self._cond.wait(0.5)
                if self._berhenti.is_set():
                    return
                catalog, site_url = self._permintaan
                self._permintaan = None
                self.sibuk = True
            try:
                laporan = _jobs.run(catalog, self.store, site_url, progress=False, latar=True,
                                    berhenti=self._berhenti)
            except Exception as e:  # never a traceback in the serve log; the next edit retries
                log.error(f"Pencetakan di latar belakang gagal: {type(e).__name__}: {e}")
                continue
            finally:
                self.sibuk = False
            if laporan.dihentikan:
                return
            for f in laporan.temuan:
                if f.severity == GALAT:
                    log.error(f.text())
            ingat = [rel for rel in laporan.gagal if rel in _jobs.read_failures(self.store)]
            if laporan.dibuat or ingat or laporan.dihapus:
                log.info(f"Berkas cetak selesai ({len(laporan.dibuat)} dibuat, {laporan.detik:.1f} detik); "
                         "situs dimuat ulang.")
                self._beri_sinyal()

    def _beri_sinyal(self) -> None:
        self.sinyal.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.sinyal.with_name(f".{self.sinyal.name}.{os.getpid()}.tmp")
        tmp.write_text(str(os.times().elapsed), encoding="ascii")
        os.replace(tmp, self.sinyal)

    def hentikan(self, timeout: float = 10.0) -> None:
        """Stop the running job (its workers are ended; finished PDFs are kept)."""
        self._berhenti.set()
        with self._cond:
            self._permintaan = None
            self._cond.notify_all()
        t = self._thread
        if t is not None and t.is_alive():
            t.join(timeout)
