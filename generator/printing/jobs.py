"""Planning, incremental rebuilds and parallel rendering of the printed outputs.

A *store* is a folder with the PDFs in the contract layout (see :mod:`.paths`) and
a manifest, ``.standar-cetak.json``, mapping each PDF to the hash of its inputs.
``standar cetak --out DIR`` uses DIR as the store; the site renders into a cache
store and links the files into the built site (see :func:`render_into_site`).

An output is rebuilt only when its hash changed or its file is gone. Rebuilds run
in worker processes (one per core by default), biggest first (handbooks), each
worker keeping its fonts loaded between jobs.

Print problems are findings (:class:`generator.findings.Finding`), placed in the
YAML file they come from: a poster that does not fit is a ``peringatan`` at the line
of the part that takes the most room (``poster-tidak-muat``); an output that failed
for another reason is a ``galat`` (``cetak-gagal``).
"""

from __future__ import annotations

import json
import multiprocessing
import re
import os
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from ..findings import CATATAN, GALAT, PERINGATAN, Finding
from . import inputs as inp
from . import paths

MANIFEST = ".standar-cetak.json"
_VERSI = 2  # 2: a failure is [digest, code, message, part]

#: Finding codes of print problems.
POSTER_TIDAK_MUAT = "poster-tidak-muat"
MAKLUMAT_TIDAK_MUAT = "maklumat-tidak-muat"
CETAK_GAGAL = "cetak-gagal"
_BERAT = {POSTER_TIDAK_MUAT: PERINGATAN, MAKLUMAT_TIDAK_MUAT: PERINGATAN}

# A part of the poster (data-bagian in poster.html) -> the YAML key it is made from.
_KUNCI_BAGIAN = {
    "judul": "nama", "fakta": "jangka_waktu", "persyaratan": "persyaratan", "prosedur": "prosedur",
    "biaya": "biaya", "pengaduan": "pengaduan", "kaki": "penetapan",
}


# -- plan ------------------------------------------------------------------------------


@dataclass
class Keluaran:
    rel: str  # path relative to the store, e.g. "diskominfo/tte-a3.pdf"
    ukuran: Optional[str]  # "a3" | "a4" | "xbanner" (posters) | None (handbook)
    digest: str


@dataclass
class Tugas:
    """One unit of work for a worker: one service's posters, one unit's maklumat
    posters, or one unit's handbook."""

    jenis: str  # "poster" | "maklumat" | "buku"
    nama: str  # service slug or unit id, for messages
    masukan: Any  # PosterIn | MaklumatIn | BukuIn
    keluaran: list[Keluaran]
    bobot: float = 1.0  # rough cost, biggest first
    berkas: str = ""  # the YAML file it is made from (display path), where its problems are reported
    sumber: str = ""  # ... and its path on disk, to find the line of a key


@dataclass
class Rencana:
    tugas: list[Tugas]
    #: What the plan leaves out (a logo that cannot be used, a unit without a maklumat).
    temuan: list[Finding] = field(default_factory=list)

    @property
    def berkas(self) -> list[str]:
        return [k.rel for t in self.tugas for k in t.keluaran]


def _bagian_buku(top: Any, site_url: str) -> list[inp.BagianBuku]:
    """The OPD's own services first, then one part per bidang (nested bidang flattened)."""
    def urut(svcs: Iterable[Any]) -> list[Any]:
        return sorted(svcs, key=lambda s: s.data.nama.lower())

    out = [inp.BagianBuku(None, [inp.layanan_in(s, site_url) for s in urut(top.services)])]

    def walk(u: Any, prefix: str) -> None:
        for c in u.children:
            judul = f"{prefix}{c.data.nama}"
            out.append(inp.BagianBuku(judul, [inp.layanan_in(s, site_url) for s in urut(c.services)]))
            walk(c, judul + " — ")

    walk(top, "")
    return [b for b in out if b.layanan]


JENIS = ("poster", "maklumat", "buku")


def plan(catalog: Any, site_url: str, names: Optional[list[str]] = None,
         sizes: tuple[str, ...] = paths.SIZES, kinds: tuple[str, ...] = JENIS) -> Rencana:
    """Every output to produce for the catalogue, or for the units/services named.

    A top unit named: its services' posters, its maklumat and its handbook. A bidang
    named: its services' posters. A service named: its posters. Unknown names are
    the caller's business (see :func:`resolve_names`).
    """
    env = inp.env_digest()
    ident = inp.identitas(catalog)
    rencana = Rencana([])
    ins = catalog.instansi
    if ins and ins.logo and ident.logo is None:
        from ..catalog import berkas_logo, display_name

        _p, masalah = berkas_logo(Path(catalog.root), ins.logo)
        alasan = masalah[1] if masalah else f"Berkas logo '{ins.logo}' tidak dapat dipakai."
        sumber = Path(catalog.root) / "_instansi.yaml"
        line, col = _baris_kunci(str(sumber), "logo")
        rencana.temuan.append(Finding(display_name(sumber), line, col, "logo", PERINGATAN, "logo-tidak-dicetak",
                                      f"{alasan} Poster dan buku dicetak tanpa logo."))

    services = list(catalog.services)
    tops = list(catalog.units)
    if names:
        wanted_svc: list[Any] = []
        wanted_top: list[Any] = []
        for n in names:
            u = catalog.unit(n)
            if u is not None:
                wanted_svc.extend(u.all_services())
                if u.parent is None:
                    wanted_top.append(u)
                continue
            s = catalog.service(n)
            if s is not None:
                wanted_svc.append(s)
        seen: set[str] = set()
        services = [s for s in wanted_svc if not (s.slug in seen or seen.add(s.slug))]
        tops = list({u.id: u for u in wanted_top}.values())

    for top in tops:
        all_svc = top.all_services()
        status = inp.status_unit(all_svc)
        unit_data = inp._unit_bersih(top.data, keep_maklumat=True)
        if "maklumat" not in kinds:
            pass
        elif top.data.maklumat is not None:
            mk = inp.MaklumatIn(unit_data, top.id, status, ident)
            rencana.tugas.append(Tugas(
                "maklumat", top.id, mk,
                [Keluaran(paths.maklumat_path(top, s), s, inp.digest_maklumat(env, mk, s))
                 for s in sizes if s in paths.SIZES_MAKLUMAT],
                bobot=2.0, berkas=top.file, sumber=str(Path(catalog.root) / top.id / "_unit.yaml"),
            ))
        else:
            sumber = Path(catalog.root) / top.id / "_unit.yaml"
            line, col = _baris_kunci(str(sumber), None)
            rencana.temuan.append(Finding(
                top.file, line, col, "", CATATAN, "tanpa-maklumat",
                "Unit ini belum memiliki maklumat: (janji pelayanan yang ditandatangani pimpinan, Permenpan RB "
                "15/2014), sehingga poster maklumat tidak dibuat dan buku standar pelayanan terbit tanpa halaman "
                "maklumat. Bila unit Anda sudah menandatangani maklumat, salin di bawah maklumat: di berkas ini."))
        if all_svc and "buku" in kinds:
            buku = inp.BukuIn(unit_data, top.id, _bagian_buku(top, site_url), status, ident,
                              maklumat=top.data.maklumat is not None)
            rencana.tugas.append(Tugas(
                "buku", top.id, buku,
                [Keluaran(paths.handbook_path(top), None, inp.digest_buku(env, buku))],
                bobot=3.0 * len(all_svc) + 2, berkas=top.file,
                sumber=str(Path(catalog.root) / top.id / "_unit.yaml"),
            ))

    for svc in services if "poster" in kinds else []:
        p = inp.PosterIn(inp.layanan_in(svc, site_url), ident)
        rencana.tugas.append(Tugas(
            "poster", svc.slug, p,
            [Keluaran(paths.poster_path(svc, s), s, inp.digest_poster(env, p, s)) for s in sizes],
            bobot=1.0 * len(sizes), berkas=svc.file, sumber=str(svc.source),
        ))
    return rencana


def resolve_names(catalog: Any, names: list[str]) -> list[str]:
    """Names that are neither a unit id nor a service slug (to report as usage errors)."""
    return [n for n in names if catalog.unit(n) is None and catalog.service(n) is None]


# -- manifest --------------------------------------------------------------------------


def _read(store: Path) -> dict[str, Any]:
    try:
        data = json.loads((store / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("versi") != _VERSI:
        return {}
    return data


# What an output of the printer can be called: "<opd>/<slug>-a3.pdf", "<opd>/buku-standar-pelayanan.pdf".
# A manifest is a file on disk (it could come from a checkout): any other name in it is ignored,
# so it can never make the printer delete or reuse a file outside its own layout.
_NAMA_KELUARAN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*\.pdf\Z")


def _keluaran_sah(rel: Any) -> bool:
    return isinstance(rel, str) and bool(_NAMA_KELUARAN.match(rel))


def read_manifest(store: Path) -> dict[str, str]:
    """Output path -> hash of the inputs it was made from."""
    berkas = _read(store).get("berkas")
    return {k: v for k, v in berkas.items() if _keluaran_sah(k)} if isinstance(berkas, dict) else {}


def _gagal_sah(v: Any) -> bool:
    return (isinstance(v, list) and len(v) == 4 and all(isinstance(x, str) for x in v[:3])
            and v[1] in _BERAT and (v[3] is None or v[3] in _KUNCI_BAGIAN))


def read_failures(store: Path) -> dict[str, list[Any]]:
    """Output path -> [hash of its inputs, finding code, message, poster part or None] for
    outputs that could not be made: with the same inputs they fail again, so they are
    reported, not retried."""
    gagal = _read(store).get("gagal")
    if not isinstance(gagal, dict):
        return {}
    return {k: v for k, v in gagal.items() if _keluaran_sah(k) and _gagal_sah(v)}


def write_manifest(store: Path, berkas: dict[str, str], gagal: Optional[dict[str, list[Any]]] = None) -> None:
    store.mkdir(parents=True, exist_ok=True)
    data = {"versi": _VERSI, "berkas": dict(sorted(berkas.items())), "gagal": dict(sorted((gagal or {}).items()))}
    # A unique temporary name: two processes writing the manifest never share one file.
    fd, tmp = tempfile.mkstemp(prefix=f".{MANIFEST}.", suffix=".tmp", dir=store)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, store / MANIFEST)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- workers ---------------------------------------------------------------------------


@dataclass
class Masalah:
    """What went wrong with one task, before it is placed in a file (in the parent)."""

    kode: str  # POSTER_TIDAK_MUAT | MAKLUMAT_TIDAK_MUAT | CETAK_GAGAL
    pesan: str
    bagian: Optional[str] = None  # the poster part that takes the most room


@dataclass
class HasilTugas:
    ditulis: list[tuple[str, str]]  # (rel, digest)
    gagal: list[tuple[str, str]]  # (rel, digest) not written; digest "" = retry next run
    masalah: list[Masalah]
    detik: float
    tingkat: dict[str, Any] = field(default_factory=dict)  # rel -> (level that fitted, layouts made)


def _baris_kunci(sumber: str, kunci: Optional[str]) -> tuple[int, int]:
    """Line and column of a top-level key of a YAML file (the key that is too long), else of
    ``nama:``, else 1:1."""
    from ..yamlsafe import locate

    try:
        raw = Path(sumber).read_bytes()
    except OSError:
        return 1, 1
    for k in (kunci, "nama"):
        if k:
            line, col, followed, _node = locate(raw, (k,))
            if followed:
                return line, col
    return 1, 1


def temuan(tugas: Tugas, ms: Masalah) -> Finding:
    """A print problem as a finding, in the YAML file the output is made from."""
    kunci = _KUNCI_BAGIAN.get(ms.bagian or "") if tugas.jenis == "poster" else (
        "maklumat" if tugas.jenis == "maklumat" else None)
    line, col = _baris_kunci(tugas.sumber, kunci) if tugas.sumber else (1, 1)
    return Finding(tugas.berkas or tugas.nama, line, col, "", _BERAT.get(ms.kode, GALAT), ms.kode, ms.pesan)


def _tulis(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)  # a new inode: links into the site keep the old file intact


def kerjakan(tugas: Tugas, store: str) -> HasilTugas:
    """Render one task's outputs into the store (runs in a worker process)."""
    from . import render

    t0 = time.perf_counter()
    root = Path(store)
    hasil = HasilTugas([], [], [], 0.0)
    try:
        if tugas.jenis == "buku":
            k = tugas.keluaran[0]
            _tulis(root / k.rel, render.render_buku(tugas.masukan))
            hasil.ditulis.append((k.rel, k.digest))
        else:
            sizes = tuple(k.ukuran for k in tugas.keluaran)
            nama = {k.ukuran: k.rel for k in tugas.keluaran}
            fn = render.render_poster if tugas.jenis == "poster" else render.render_maklumat
            info: dict[str, Any] = {}
            try:
                pdfs = fn(tugas.masukan, sizes, nama_berkas=nama, info=info)
            except render.TidakMuat as e:
                kode = POSTER_TIDAK_MUAT if tugas.jenis == "poster" else MAKLUMAT_TIDAK_MUAT
                hasil.masalah.append(Masalah(kode, e.pesan, e.bagian))
                hasil.gagal.extend((k.rel, k.digest) for k in tugas.keluaran)
                pdfs = {}
            for k in tugas.keluaran:
                if k.ukuran in pdfs:
                    _tulis(root / k.rel, pdfs[k.ukuran])
                    hasil.ditulis.append((k.rel, k.digest))
                    if k.ukuran in info:
                        hasil.tingkat[k.rel] = info[k.ukuran]
    except Exception as e:  # a bug or unreadable file must not stop the other outputs
        pesan = f"{tugas.keluaran[0].rel}: gagal dicetak ({type(e).__name__}: {e})."
        hasil.masalah.append(Masalah(CETAK_GAGAL, pesan))
        # Not remembered as a failure (digest ""): an unexpected error is retried next run.
        hasil.gagal.extend((k.rel, "") for k in tugas.keluaran if k.rel not in dict(hasil.ditulis))
    hasil.detik = time.perf_counter() - t0
    return hasil


def _siapkan_pekerja(latar: bool = False) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and keeps what was finished.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if latar:
        # Background printing (mkdocs serve): a lower priority, so that the page rebuild
        # in the foreground keeps the cores it needs.
        try:
            os.nice(10)
        except (AttributeError, OSError):  # pragma: no cover - not on this system
            pass
    # Load fonts and templates once per worker, before the first job.
    from . import render, templates

    render.font_config()
    templates.environment()


# -- progress ---------------------------------------------------------------------------


class Kemajuan:
    """A one-line progress display on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, aktif: Optional[bool] = None, stream: Any = None):
        self.stream = stream or sys.stderr
        self.total = total
        self.selesai = 0
        self.aktif = self.stream.isatty() if aktif is None else aktif
        self._t = 0.0
        self._mulai = time.perf_counter()

    def maju(self, n: int = 1) -> None:
        self.selesai += n
        if not self.aktif:
            return
        now = time.perf_counter()
        if now - self._t < 0.1 and self.selesai < self.total:
            return
        self._t = now
        pct = 100 * self.selesai // max(self.total, 1)
        self.stream.write(f"\rMencetak: {self.selesai}/{self.total} berkas ({pct}%), "
                          f"{now - self._mulai:.0f} detik ")
        self.stream.flush()

    def tutup(self) -> None:
        if self.aktif and self.selesai:
            self.stream.write("\n")
            self.stream.flush()


# -- run --------------------------------------------------------------------------------


@dataclass
class Laporan:
    dibuat: list[str] = field(default_factory=list)
    tetap: list[str] = field(default_factory=list)  # unchanged, not rebuilt
    dihapus: list[str] = field(default_factory=list)  # stale outputs removed
    temuan: list[Finding] = field(default_factory=list)  # print problems, once each, in order
    gagal: list[str] = field(default_factory=list)  # outputs that could not be made
    berkas: list[str] = field(default_factory=list)  # every output that exists now
    tingkat: dict[str, Any] = field(default_factory=dict)  # rel -> (level that fitted, layouts)
    detik: float = 0.0
    dihentikan: bool = False  # stopped (``berhenti`` set) before everything was made

    @property
    def galat(self) -> list[str]:
        """The messages of the print problems (see :attr:`temuan`; compliance notes such as a
        unit without a maklumat are not problems of the printing)."""
        return [f.message for f in self.temuan if f.severity != CATATAN]

    @property
    def ok(self) -> bool:
        """Every output was made."""
        return not self.gagal and not any(f.severity == GALAT for f in self.temuan)


def _mp_context() -> Any:
    # fork is cheapest (workers inherit loaded modules) but unsafe in a process that
    # runs other threads (mkdocs serve); then use forkserver.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _hentikan(ex: ProcessPoolExecutor, store: Path) -> None:
    """Stop a pool at once: no new jobs, running workers ended, their half-written
    temporary files removed (finished PDFs were moved into place whole)."""
    pekerja = list((getattr(ex, "_processes", None) or {}).values())  # before shutdown forgets them
    ex.shutdown(wait=False, cancel_futures=True)
    for p in pekerja:
        p.terminate()
    for p in pekerja:
        p.join(5)
    for tmp in store.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _perlu(rencana: Rencana, store: Path, force: bool = False) -> tuple[list[Tugas], list[str], dict[str, list[Any]]]:
    """What must be rendered, what is current, and the known failures (same inputs)."""
    manifest = read_manifest(store)
    gagal_lama = read_failures(store)
    todo: list[Tugas] = []
    tetap: list[str] = []
    gagal: dict[str, list[Any]] = {}
    for t in rencana.tugas:
        perlu = []
        for k in t.keluaran:
            if not force and k.rel in gagal_lama and gagal_lama[k.rel][0] == k.digest:
                gagal[k.rel] = gagal_lama[k.rel]  # failed before with the same inputs
            elif force or manifest.get(k.rel) != k.digest or not (store / k.rel).is_file():
                perlu.append(k)
            else:
                tetap.append(k.rel)
        if perlu:
            todo.append(Tugas(t.jenis, t.nama, t.masukan, perlu, t.bobot * len(perlu) / len(t.keluaran),
                              t.berkas, t.sumber))
    todo.sort(key=lambda t: -t.bobot)
    return todo, tetap, gagal


def _temuan_lama(rencana: Rencana, gagal: dict[str, list[Any]]) -> list[Finding]:
    out: dict[Finding, None] = {}
    for t in rencana.tugas:
        for k in t.keluaran:
            if k.rel in gagal:
                _d, kode, pesan, bagian = gagal[k.rel]
                out[temuan(t, Masalah(kode, pesan, bagian))] = None
    return list(out)


@dataclass
class Keadaan:
    """The store against a catalogue, without rendering anything."""

    ada: set[str]  # outputs that exist and are current
    menunggu: set[str]  # outputs still to be (re)made
    gagal: set[str]  # outputs that cannot be made with these inputs (a poster that does not fit)
    temuan: list[Finding]  # ... and why

    @property
    def lengkap(self) -> bool:
        return not self.menunggu


def keadaan(catalog: Any, store: Path, site_url: str) -> Keadaan:
    """What the store holds for the catalogue: current outputs, outputs to make, known
    failures. Reads the manifest only (a few milliseconds): ``mkdocs serve`` links the
    current outputs at once and makes the rest in the background."""
    store = Path(store)
    rencana = plan(catalog, site_url)
    todo, tetap, gagal = _perlu(rencana, store)
    return Keadaan(set(tetap), {k.rel for t in todo for k in t.keluaran}, set(gagal),
                   _temuan_lama(rencana, gagal))


def run(catalog: Any, store: Path, site_url: str, names: Optional[list[str]] = None, *,
        jobs: int = 0, force: bool = False, progress: Optional[bool] = None,
        sizes: tuple[str, ...] = paths.SIZES, kinds: tuple[str, ...] = JENIS,
        latar: bool = False, berhenti: Optional[threading.Event] = None) -> Laporan:
    """Bring the store up to date for the catalogue (or the names given).

    ``latar``: a background run (``mkdocs serve``): always in worker processes, at a
    lower priority. ``berhenti``: when set, the run stops at once, keeps what was
    finished and returns with ``dihentikan``.
    """
    t0 = time.perf_counter()
    store = Path(store)
    rencana = plan(catalog, site_url, names, sizes, kinds)
    laporan = Laporan()
    manifest = read_manifest(store)
    gagal_lama = read_failures(store)
    baru = dict(manifest)
    baru_gagal = dict(gagal_lama)
    todo, laporan.tetap, gagal_sama = _perlu(rencana, store, force)
    laporan.gagal.extend(gagal_sama)
    semua: dict[Finding, None] = dict.fromkeys([*rencana.temuan, *_temuan_lama(rencana, gagal_sama)])

    def selesai(t: Tugas, h: HasilTugas) -> None:
        for rel, digest in h.ditulis:
            baru[rel] = digest
            baru_gagal.pop(rel, None)
            laporan.dibuat.append(rel)
        laporan.tingkat.update(h.tingkat)
        ms = h.masalah[0] if h.masalah else None
        for rel, digest in h.gagal:
            laporan.gagal.append(rel)
            if digest and ms is not None:
                baru_gagal[rel] = [digest, ms.kode, ms.pesan, ms.bagian]
            # Never leave an outdated poster behind one that failed to fit.
            baru.pop(rel, None)
            try:
                (store / rel).unlink()
            except FileNotFoundError:
                pass
        for m_ in h.masalah:
            semua[temuan(t, m_)] = None

    if todo:
        n_jobs = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
        n_jobs = min(n_jobs, len(todo))
        kem = Kemajuan(sum(len(t.keluaran) for t in todo), aktif=progress)
        try:
            if n_jobs <= 1 and not latar:
                for t in todo:
                    if berhenti is not None and berhenti.is_set():
                        laporan.dihentikan = True
                        break
                    selesai(t, kerjakan(t, str(store)))
                    kem.maju(len(t.keluaran))
            else:
                ex = ProcessPoolExecutor(max_workers=n_jobs, mp_context=_mp_context(),
                                         initializer=_siapkan_pekerja, initargs=(latar,))
                try:
                    futs = {ex.submit(kerjakan, t, str(store)): t for t in todo}
                    sisa = set(futs)
                    while sisa:
                        if berhenti is not None and berhenti.is_set():
                            laporan.dihentikan = True
                            _hentikan(ex, store)
                            break
                        done, sisa = wait(sisa, timeout=0.2, return_when=FIRST_COMPLETED)
                        for f in done:
                            selesai(futs[f], f.result())
                            kem.maju(len(futs[f].keluaran))
                except BaseException:
                    _hentikan(ex, store)  # Ctrl-C or an error: stop now, keep what was finished
                    raise
                ex.shutdown()
        finally:
            kem.tutup()
            write_manifest(store, baru, baru_gagal)

    if names is None and kinds == JENIS and sizes == paths.SIZES and not laporan.dihentikan:
        # A full run: outputs of removed services/units go too.
        planned = set(rencana.berkas)
        lama_gagal = set(baru_gagal) - planned
        for rel in lama_gagal:
            baru_gagal.pop(rel)
        for rel in sorted(set(baru) - planned):
            baru.pop(rel, None)
            try:
                (store / rel).unlink()
                laporan.dihapus.append(rel)
            except FileNotFoundError:
                pass
        if laporan.dihapus or lama_gagal or not (store / MANIFEST).exists():
            write_manifest(store, baru, baru_gagal)
    laporan.temuan = list(semua)
    laporan.berkas = [rel for rel in rencana.berkas if rel in baru]
    laporan.detik = time.perf_counter() - t0
    return laporan
