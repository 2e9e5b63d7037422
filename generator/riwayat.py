"""Riwayat perubahan: the public history of every standard, read from git.

The history is the main line only (``git log --first-parent``, each merge compared with the
branch it was merged into): a change counts from the day it reached the published branch,
not the day someone started it on their own. One ``git log --raw`` lists, oldest first, the
files each commit changed under the standards folder; the new contents come from one
``git cat-file --batch`` (files larger than the loader accepts are not read). The state of
the tree (service files, unit files, _instansi.yaml) is carried forward commit by commit, so
each commit only re-reads what it touched, and the services it changed are compared *as
published*, inheritance included, with the same sentences as ``standar diff``: a unit that
changes its complaint channels shows on each service that inherits them.

Renamed files keep their history (``-M``). A file that does not load at some commit (it
failed validation) is skipped, and the next version that loads is compared with the last one
that did. A shallow clone's first commit only sets the starting state: its files were not
"added" then, and a warning says the history is short. Without git, or outside a repository,
there is no history and a warning says why.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Optional

from pydantic import ValidationError

from . import model as m
from . import tampilan
from .catalog import INSTANSI_FILE, NAMA_LAYANAN_SITUS, UNIT_FILE, UnitNode, warisi
from .findings import GALAT, visible
from .perubahan import DiffGagal, akar_repo, bandingkan_data, git
from .yamlsafe import MAX_BYTES, ribuan, load_bytes

if TYPE_CHECKING:
    from .catalog import Catalog

#: Commits on the "Perubahan terbaru" page and in the Atom feed.
TERBARU = 50
#: Bounds, so that a hostile history cannot exhaust the build: the newest MAKS_VERSI commits
#: get entries (older ones only set the starting state), and the file versions read may
#: total MAKS_BYTE (a real repository of 1,000 services and 500 commits reads ~5 MB).
MAKS_VERSI = 1000
MAKS_BYTE = 64 * 1024 * 1024
#: How alike two files must be for git to call a removal and an addition a rename: lower, and
#: two services written from the same template (a withdrawn one, a new one) would share a history.
MIRIP_RENAME = "75%"

_REGULER = ("100644", "100755")  # links and submodules are not standards files
_NOL = "0" * 40


@dataclass
class Entri:
    """What one commit changed in one service, as a citizen sees it."""

    jenis: str  # "tambah" | "ubah" | "hapus"
    berkas: str  # the file at that commit, relative to the standards folder
    nama: str  # the service's name then
    unit: str  # its unit's name then
    kalimat: list[str]
    penetapan: Optional[str] = None  # "Ditetapkan dengan …": the decree of this version, when it changed
    kini: Optional[str] = None  # where the file is at HEAD (None: the service was removed since)


@dataclass
class Versi:
    """One commit of the main line that changed what citizens see."""

    oid: str
    waktu: dt.datetime
    entri: list[Entri]

    @property
    def tanggal(self) -> dt.date:
        return self.waktu.date()


@dataclass
class Riwayat:
    versi: list[Versi] = field(default_factory=list)  # newest first
    peringatan: Optional[str] = None  # why the history is missing or short
    ada: bool = True  # False: no history could be read (no git, not a repository)
    _per_berkas: dict[str, list[tuple[Versi, Entri]]] = field(default_factory=dict, repr=False)

    def layanan(self, rel_path: str) -> list[tuple[Versi, Entri]]:
        """The history of the service whose file (at HEAD) is ``rel_path``, newest first."""
        return self._per_berkas.get(rel_path, [])

    def terbaru(self, n: int = TERBARU) -> list[Versi]:
        return self.versi[:n]


class _Garis:
    """One service file through its renames."""

    __slots__ = ("entri",)

    def __init__(self) -> None:
        self.entri: list[tuple[Versi, Entri]] = []


def _model(raw: Optional[bytes], cls: type, nama: str) -> Any:
    """The file as the loader would accept it, or None (missing, too large, invalid)."""
    if raw is None:
        return None
    loaded = load_bytes(raw, nama)
    if loaded.data is None or any(f.severity == GALAT for f in loaded.findings):
        return None
    try:
        return cls.model_validate(loaded.data)
    except ValidationError:
        return None


def _berkas_layanan(p: PurePosixPath) -> bool:
    """A path (relative to the standards folder) the loader would read as a service."""
    if len(p.parts) < 2 or p.suffix not in (".yaml", ".yml") or p.name == UNIT_FILE:
        return False
    if any(x.startswith((".", "_")) for x in p.parts[:-1]):
        return False
    return bool(m.SLUG_RE.match(p.stem)) and p.stem not in NAMA_LAYANAN_SITUS


def _berkas_unit(p: PurePosixPath) -> bool:
    return len(p.parts) >= 2 and p.name == UNIT_FILE and not any(x.startswith((".", "_")) for x in p.parts[:-1])


def _dibaca(p: Optional[PurePosixPath]) -> bool:
    """A file whose versions the history reads: a service, a unit, the instansi."""
    return p is not None and (_berkas_layanan(p) or _berkas_unit(p) or p.as_posix() == INSTANSI_FILE)


class _Keadaan:
    """The standards tree at one commit: the models of the files that matter."""

    def __init__(self) -> None:
        self.layanan: dict[str, tuple[_Garis, Optional[m.Layanan]]] = {}
        self.unit: dict[str, Optional[m.Unit]] = {}  # folder -> its _unit.yaml
        self.instansi: Optional[m.Instansi] = None
        # (file, units, instansi) models -> resolved service; the models live as long as the
        # reading (they are cached by blob), so their ids stay theirs.
        self._terbit: dict[tuple[int, tuple[int, ...], int], tuple[m.Layanan, str]] = {}

    def terbit(self, path: str) -> Optional[tuple[m.Layanan, str]]:
        """The service at ``path`` as published then (resolved data, unit name), or None when
        it was not published (never loaded, or a folder without a valid unit file). The same
        file and units give the same object: an unchanged service compares in no time."""
        garis_model = self.layanan.get(path)
        if garis_model is None or garis_model[1] is None:
            return None
        own = garis_model[1]
        folders = []
        folder = ""
        for bagian in PurePosixPath(path).parts[:-1]:
            folder = f"{folder}/{bagian}" if folder else bagian
            u = self.unit.get(folder)
            if u is None:
                return None
            folders.append((folder, u))
        kunci = (id(own), tuple(id(u) for _f, u in folders), id(self.instansi))
        hasil = self._terbit.get(kunci)
        if hasil is None:
            node: Optional[UnitNode] = None
            for f, u in folders:
                node = UnitNode(f, f"{f}/{UNIT_FILE}", u, node)
            assert node is not None
            hasil = self._terbit[kunci] = (warisi(own, node, self.instansi)[0], node.data.nama)
        return hasil

    def di_bawah(self, folder: str) -> list[str]:
        awal = folder + "/"
        return [p for p in self.layanan if p.startswith(awal)]


def _catatan(pesan: str) -> Riwayat:
    return Riwayat(peringatan=pesan, ada=False)


def _log(repo: Path, rel: str) -> list[tuple[str, str, list[tuple[str, Optional[str], Optional[str], str, str]]]]:
    """The main line's commits touching ``rel``, oldest first: (oid, ISO date, records), each
    record (status, old path, new path, new blob, new mode), paths relative to the repository.

    The output is NUL-separated fields read in order: a header ``@<oid> <date>``, then per
    changed file a ``:<modes> <blobs> <status>`` field and its one or two paths. Paths are
    taken by position, never by what they look like (a file name may hold any byte but NUL)."""
    keluaran = git(repo, "-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent",
                   "--raw", f"-M{MIRIP_RENAME}", "--no-abbrev", "--no-color", "-z", "--reverse",
                   "--format=@%H %ct %cI", "HEAD", "--", rel or ".")
    medan = keluaran.split(b"\0")
    out: list[tuple[str, str, list[tuple[str, Optional[str], Optional[str], str, str]]]] = []
    i = 0
    while i < len(medan):
        f = medan[i].lstrip(b"\n")
        i += 1
        if f.startswith(b"@"):
            oid, _, tanggal = f[1:].decode("utf-8", "replace").partition(" ")
            out.append((oid, tanggal.strip(), []))
        elif f.startswith(b":") and out:
            _ma, mb, _oa, ob, status = f[1:].decode().split(" ")
            if status[:1] in ("R", "C"):
                lama, baru = os.fsdecode(medan[i]), os.fsdecode(medan[i + 1])
                i += 2
            else:
                jalur = os.fsdecode(medan[i])
                lama = None if status == "A" else jalur
                baru = None if status == "D" else jalur
                i += 1
            out[-1][2].append((status[:1], lama, baru, ob, mb))
    return out


class TerlaluBesar(Exception):
    pass


def _isi(repo: Path, oids: set[str]) -> dict[str, bytes]:
    """The blobs ``oids`` no larger than the loader accepts (larger ones are left out);
    :class:`TerlaluBesar` when together they pass MAKS_BYTE."""
    if not oids:
        return {}
    daftar = sorted(oids)
    cek = git(repo, "cat-file", "--batch-check", input_="".join(f"{o}\n" for o in daftar).encode())
    kecil = []
    total = 0
    for baris in cek.decode().splitlines():
        b = baris.split()
        if len(b) == 3 and b[1] == "blob" and int(b[2]) <= MAX_BYTES:
            kecil.append(b[0])
            total += int(b[2])
    if total > MAKS_BYTE:
        raise TerlaluBesar(total)
    if not kecil:
        return {}
    isi = git(repo, "cat-file", "--batch", input_="".join(f"{o}\n" for o in kecil).encode())
    out: dict[str, bytes] = {}
    pos = 0
    while pos < len(isi):
        akhir = isi.index(b"\n", pos)
        kepala = isi[pos:akhir].split()
        if len(kepala) != 3:
            pos = akhir + 1
            continue
        n = int(kepala[2])
        out[kepala[0].decode()] = isi[akhir + 1:akhir + 1 + n]
        pos = akhir + 1 + n + 1
    return out


def _waktu(teks: str) -> Optional[dt.datetime]:
    """The commit's date from ``<unix time> <ISO date>``: the ISO form keeps the committer's
    time zone; an offset Python cannot hold (+24:00 and beyond) falls back to UTC."""
    detik, _, iso = teks.partition(" ")
    try:
        return dt.datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return dt.datetime.fromtimestamp(int(detik), dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None


def _dimuat(cat: Optional["Catalog"]) -> dict[str, Any]:
    """The models the catalog already loaded, by the git blob id of their file's bytes: a
    version in the history that is byte for byte the working tree's file is not parsed again
    (most are: every file's last version, and every file never changed)."""
    if cat is None:
        return {}
    out: dict[str, Any] = {}
    pasangan: list[tuple[Path, Any]] = [(s.source, s.own) for s in cat.services]
    pasangan += [(Path(cat.root) / u.id / UNIT_FILE, u.data) for u in cat.all_units()]
    if cat.instansi is not None:
        pasangan.append((Path(cat.root) / INSTANSI_FILE, cat.instansi))
    for path, model in pasangan:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        out[hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()] = model
    return out


def baca(root: Path, cat: Optional["Catalog"] = None) -> Riwayat:
    """The history of the standards folder ``root`` (never raises: problems are a warning).
    ``cat``: the catalog loaded from it, whose models are reused where the bytes match."""
    folder = Path(os.path.realpath(root))
    try:
        repo = akar_repo(folder)
    except DiffGagal as e:
        if "Perintah git tidak ditemukan" in str(e):
            return _catatan("Riwayat perubahan tidak dibuat: perintah git tidak ada di mesin ini.")
        if "repositori git sendiri" in str(e):
            return _catatan(f"Riwayat perubahan tidak dibuat: {e}")
        if "bare repository" in str(e):
            return _catatan("Riwayat perubahan tidak dibuat: folder standar memuat berkas yang membuatnya tampak "
                            "seperti repositori git (HEAD, config, objects/, refs/), sehingga git tidak dipakai di "
                            "sana. Hapus berkas itu dari folder standar.")
        return _catatan(f"Riwayat perubahan tidak dibuat: folder standar tidak berada di repositori git ({e}).")
    try:
        rel = folder.relative_to(repo).as_posix()
    except ValueError:
        return _catatan("Riwayat perubahan tidak dibuat: folder standar berada di luar repositorinya.")
    rel = "" if rel == "." else rel
    try:
        git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except DiffGagal:
        return Riwayat()  # a repository without commits: no history yet, nothing wrong
    try:
        dangkal = git(repo, "rev-parse", "--is-shallow-repository").strip() == b"true"
        batas: set[str] = set()
        if dangkal:
            berkas = Path(os.fsdecode(git(repo, "rev-parse", "--git-path", "shallow").strip()))
            berkas = berkas if berkas.is_absolute() else repo / berkas
            batas = set(berkas.read_text().split()) if berkas.is_file() else set()
        log = _log(repo, rel)
        dimuat = _dimuat(cat)
        perlu = {ob for _o, _t, cs in log for _s, _l, baru, ob, mb in cs
                 if ob not in dimuat and mb in _REGULER and ob != _NOL and _dibaca(_relatif(baru, rel))}
        blob = _isi(repo, perlu)
    except TerlaluBesar as e:
        return _catatan(f"Riwayat perubahan tidak dibuat: seluruh versi berkas standar dalam riwayat git berukuran "
                        f"{int(e.args[0]) // (1024 * 1024)} MB, melebihi batas {MAKS_BYTE // (1024 * 1024)} MB.")
    except (DiffGagal, OSError, ValueError) as e:
        return _catatan(f"Riwayat perubahan tidak dibuat: {visible(str(e))}")
    # Only the newest MAKS_VERSI commits get entries; the older ones set the starting state.
    diam = batas | {oid for oid, _t, _c in log[:-MAKS_VERSI]}
    # Parsing makes many short-lived objects and no cycles: the cyclic collector, which would
    # walk the whole heap (the catalog, every page) again and again, waits until the end.
    gc_aktif = gc.isenabled()
    gc.disable()
    try:
        riwayat = _susun(log, blob, rel, diam, dimuat)
    finally:
        if gc_aktif:
            gc.enable()
    catatan = []
    if dangkal:
        awal = min((v.waktu for v in riwayat.versi), default=None)
        catatan.append(
            "Salinan repositori ini dangkal (shallow clone), sehingga riwayat perubahan hanya memuat "
            + (f"perubahan sejak {m.tanggal_id(awal.date())}" if awal else "perubahan yang terlihat di salinan ini")
            + ". Ambil riwayat lengkap dengan git fetch --unshallow; di GitHub Actions, beri actions/checkout "
            "fetch-depth: 0.")
    if len(log) > MAKS_VERSI:
        catatan.append(f"Riwayat perubahan memuat {ribuan(MAKS_VERSI)} commit terakhir dari {ribuan(len(log))}; "
                       "perubahan yang lebih lama tidak ditampilkan.")
    tanpa_tanggal = sum(1 for _o, t, _c in log if _waktu(t) is None)
    if tanpa_tanggal:
        catatan.append(f"{tanpa_tanggal} commit bertanggal tidak terbaca tidak ditampilkan dalam riwayat perubahan.")
    riwayat.peringatan = " ".join(catatan) or None
    return riwayat


_SIMPANAN: dict[str, tuple[str, Riwayat]] = {}


def baca_tersimpan(root: Path, cat: Optional["Catalog"] = None) -> Riwayat:
    """:func:`baca`, kept while HEAD stays where it is (``mkdocs serve`` rebuilds on every
    save; the history changes only with a commit)."""
    folder = os.path.realpath(root)
    try:
        kunci = git(Path(folder), "rev-parse", "HEAD", "--is-shallow-repository").decode()
    except DiffGagal:
        return baca(root, cat)
    ada = _SIMPANAN.get(folder)
    if ada is not None and ada[0] == kunci:
        return ada[1]
    r = baca(root, cat)
    _SIMPANAN[folder] = (kunci, r)
    return r


def _relatif(jalur: Optional[str], rel: str) -> Optional[PurePosixPath]:
    if jalur is None:
        return None
    if not rel:
        return PurePosixPath(jalur)
    if not jalur.startswith(rel + "/"):
        return None
    return PurePosixPath(jalur[len(rel) + 1:])


def _susun(log: list[tuple[str, str, list]], blob: dict[str, bytes], rel: str, batas: set[str],
           dimuat: dict[str, Any]) -> Riwayat:
    k = _Keadaan()
    versi: list[Versi] = []
    model_cache: dict[tuple[str, type], Any] = {}

    def model(ob: str, mb: str, cls: type, nama: str) -> Any:
        if mb not in _REGULER or ob == _NOL:
            return None
        kunci = (ob, cls)
        if kunci not in model_cache:
            ada = dimuat.get(ob)
            model_cache[kunci] = ada if isinstance(ada, cls) else _model(blob.get(ob), cls, nama)
        return model_cache[kunci]

    for oid, tanggal, catatan in log:
        waktu = _waktu(tanggal)
        diam = oid in batas or waktu is None  # a shallow clone's first commit: the starting state only
        # What this commit may change for citizens: the services whose files it touches, those
        # under a unit file it touches, all of them when _instansi.yaml changes.
        sentuh_lama: set[str] = set()
        sentuh_baru: set[str] = set()
        folder_unit: set[str] = set()
        semua = False
        recs = []
        for status, lama, baru, ob, mb in catatan:
            pl, pb = _relatif(lama, rel), _relatif(baru, rel)
            recs.append((status, pl, pb, ob, mb))
            for p, sisi in ((pl, sentuh_lama), (pb, sentuh_baru)):
                if p is None:
                    continue
                if _berkas_layanan(p):
                    sisi.add(p.as_posix())
                elif _berkas_unit(p):
                    folder_unit.add(p.parent.as_posix())
                elif p.as_posix() == INSTANSI_FILE:
                    semua = True
        if not (sentuh_lama or sentuh_baru or folder_unit or semua):
            continue

        def terdampak(sendiri: set[str]) -> set[str]:
            if semua:
                return set(k.layanan)
            out = {p for p in sendiri if p in k.layanan}
            for f in folder_unit:
                out.update(k.di_bawah(f))
            return out

        sebelum: dict[_Garis, tuple[str, Any]] = {}
        if not diam:
            for p in terdampak(sentuh_lama):
                sebelum[k.layanan[p][0]] = (p, k.terbit(p))
        # Apply the commit.
        for status, pl, pb, ob, mb in recs:
            if pl is not None and _berkas_unit(pl) and (pb is None or pl != pb):
                k.unit.pop(pl.parent.as_posix(), None)  # removed or moved (set below at its new place)
            if pl is not None and pl.as_posix() == INSTANSI_FILE and pb is None:
                k.instansi = None
            garis, sebelumnya = None, None
            if pl is not None and _berkas_layanan(pl):
                lama_isi = k.layanan.pop(pl.as_posix(), None)
                if lama_isi is not None:
                    garis, sebelumnya = lama_isi
            if pb is None:
                continue
            # A version that does not load (the build would have failed on it) changes nothing:
            # the file keeps its last good version until a good one follows.
            if _berkas_layanan(pb):
                baru = model(ob, mb, m.Layanan, f"{rel}/{pb}" if rel else str(pb))
                k.layanan[pb.as_posix()] = (garis or _Garis(), baru if baru is not None else sebelumnya)
            elif _berkas_unit(pb):
                baru = model(ob, mb, m.Unit, str(pb))
                if baru is not None or pb != pl:
                    k.unit[pb.parent.as_posix()] = baru
            elif pb.as_posix() == INSTANSI_FILE:
                baru = model(ob, mb, m.Instansi, str(pb))
                k.instansi = baru if baru is not None else k.instansi
        if diam:
            continue
        sesudah: dict[_Garis, tuple[str, Any]] = {}
        for p in terdampak(sentuh_baru):
            sesudah[k.layanan[p][0]] = (p, k.terbit(p))
        v = Versi(oid, waktu, [])  # type: ignore[arg-type]
        for garis in list(sebelum) + [g for g in sesudah if g not in sebelum]:
            pa, a = sebelum.get(garis, (None, None))
            pb_, b = sesudah.get(garis, (None, None))
            e = _entri(pa, a, pb_, b)
            if e is not None:
                v.entri.append(e)
                garis.entri.append((v, e))
        if v.entri:
            v.entri.sort(key=lambda e: (e.nama.lower(), e.berkas))
            versi.append(v)
    # Where each service's file is now: its history belongs to its page.
    per_berkas: dict[str, list[tuple[Versi, Entri]]] = {}
    for p, (garis, _model_) in k.layanan.items():
        for _v, e in garis.entri:
            e.kini = p
        if garis.entri:
            per_berkas[p] = list(reversed(garis.entri))
    return Riwayat(list(reversed(versi)), _per_berkas=per_berkas)


def _entri(pa: Optional[str], a: Any, pb: Optional[str], b: Any) -> Optional[Entri]:
    """The entry of one service between two states (each (data, unit name) or None)."""
    if a is None and b is None:
        return None
    if a is None:
        data, unit = b
        return Entri("tambah", pb, data.nama, unit, ["Standar pelayanan ini mulai diterbitkan."],
                     tampilan.penetapan(data.penetapan).kalimat if data.penetapan else None)
    if b is None:
        data, unit = a
        return Entri("hapus", pa, data.nama, unit, ["Standar pelayanan ini tidak lagi diterbitkan."])
    (da, _ua), (db, ub) = a, b
    if da is db:
        return None
    kalimat = bandingkan_data(da, db, penetapan=False)
    keputusan = None
    if da.penetapan != db.penetapan:
        baru = tampilan.penetapan(db.penetapan).kalimat
        keputusan = baru if baru != tampilan.penetapan(da.penetapan).kalimat else None
    if not kalimat and keputusan is None:
        return None
    return Entri("ubah", pb, db.nama, ub, kalimat, keputusan)
