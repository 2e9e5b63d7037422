"""`standar diff [BASE] [HEAD]`: what a change does to citizens, in Indonesian sentences.

Both sides are loaded like ``standar validate`` loads a tree (inheritance resolved), so a
unit's change shows on every service that inherits it. A git revision is read with
``git ls-tree`` and ``git cat-file`` into a private temporary folder (regular files of the
standards folder only: no link, no submodule, nothing outside it); the working tree is read
in place. Services are matched by file; an unmatched pair with the same name, or nearly the
same text, is a renamed file. Lists (requirements, steps, products, channels) are compared
by content, not position: reordering adds or removes nothing.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from . import model as m
from . import tampilan
from .catalog import Catalog, Service, load_catalog
from .findings import md_aman, visible


class DiffGagal(Exception):
    """A revision or folder that cannot be read (an Indonesian message)."""


@dataclass
class Perubahan:
    """What happened to one service file."""

    jenis: str  # "tambah" | "hapus" | "ubah" | "format"
    berkas: str  # path relative to the standards folder (new side; old side for "hapus")
    nama: str
    berkas_lama: Optional[str] = None  # when the file was renamed
    kalimat: list[str] = field(default_factory=list)


# -- reading both sides ---------------------------------------------------------------------


#: Every git call runs with these: a folder of the tree that looks like a bare repository (a
#: contributor can commit HEAD, objects/, refs/ and a config into standards/) is never taken
#: for one, so its config (a gpg.program, a hook) never runs; no signature checks, no file-system
#: monitor; paths are literal, never patterns; a partial clone does not fetch from the network.
GIT_AMAN = ("-c", "safe.bareRepository=explicit", "-c", "log.showSignature=false", "-c", "core.fsmonitor=false")
GIT_ENV = {"GIT_LITERAL_PATHSPECS": "1", "GIT_NO_LAZY_FETCH": "1", "GIT_TERMINAL_PROMPT": "0",
           "GIT_OPTIONAL_LOCKS": "0"}


def git(repo: Path, *args: str, input_: Optional[bytes] = None) -> bytes:
    try:
        r = subprocess.run(["git", *GIT_AMAN, "-C", str(repo), *args], input=input_, capture_output=True,
                           timeout=300, env={**os.environ, **GIT_ENV})
    except FileNotFoundError as e:
        raise DiffGagal("Perintah git tidak ditemukan; pasang git (apt-get install git).") from e
    except subprocess.TimeoutExpired as e:
        raise DiffGagal(f"git {' '.join(args[:2])} tidak selesai dalam 5 menit.") from e
    if r.returncode != 0:
        pesan = visible(r.stderr.decode("utf-8", "replace").strip().splitlines()[-1] if r.stderr.strip() else "")
        raise DiffGagal(f"git {' '.join(args[:2])} gagal: {pesan}")
    return r.stdout


def akar_repo(folder: Path) -> Path:
    """The work tree of the repository that holds ``folder``; refused when git found its
    repository inside ``folder`` itself (files a contributor committed, not a clone)."""
    keluar = git(folder, "rev-parse", "--show-toplevel", "--absolute-git-dir").decode("utf-8", "surrogateescape")
    baris = keluar.strip().split("\n")
    if len(baris) != 2 or not baris[0]:
        raise DiffGagal(f"Folder {visible(str(folder))} tidak berada di salinan kerja repositori git.")
    akar, gitdir = Path(os.path.realpath(baris[0])), os.path.realpath(baris[1])
    dalam = os.path.realpath(folder)
    # A repository's own .git (git never tracks a path named .git, so no contributor made it)
    # is fine, even when the standards folder is the repository itself.
    if gitdir != str(akar / ".git") and (gitdir == dalam or gitdir.startswith(dalam.rstrip(os.sep) + os.sep)):
        raise DiffGagal(f"Folder standar memuat repositori git sendiri ({visible(gitdir)}); riwayatnya tidak dibaca. "
                        "Hapus berkas HEAD, config, objects/ dan refs/ dari folder standar.")
    return akar


def basis_bawaan(repo: Path) -> str:
    """The merge base of HEAD with main (or origin/main, master)."""
    for cabang in ("main", "origin/main", "master", "origin/master"):
        try:
            return git(repo, "merge-base", "HEAD", cabang).decode().strip()
        except DiffGagal:
            continue
    raise DiffGagal("Tidak menemukan cabang main untuk dibandingkan; sebutkan revisi dasar, misalnya "
                    "standar diff HEAD~1.")


def tulis_revisi(repo: Path, rev: str, folder: str, tujuan: Path) -> Path:
    """The standards folder as it was at ``rev``, written under ``tujuan``; its path."""
    try:
        git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except DiffGagal:
        raise DiffGagal(f"Revisi '{visible(rev)}' tidak ditemukan di repositori ini.") from None
    akar = tujuan / "standards"
    akar.mkdir(parents=True)
    daftar = git(repo, "ls-tree", "-r", "-z", "--full-tree", rev, "--", folder or ".").split(b"\0")
    berkas = []
    for baris in daftar:
        if not baris:
            continue
        meta, _, jalur = baris.partition(b"\t")
        mode, jenis, obj = meta.decode().split()
        if jenis != "blob" or mode not in ("100644", "100755"):
            continue  # links and submodules are not standards files
        rel = Path(os.fsdecode(jalur))
        if folder not in ("", "."):
            rel = rel.relative_to(folder)
        if rel.is_absolute() or ".." in rel.parts:
            continue
        berkas.append((rel, obj))
    if not berkas:
        return akar
    isi = git(repo, "cat-file", "--batch", input_="".join(f"{o}\n" for _, o in berkas).encode())
    pos = 0
    for rel, obj in berkas:
        kepala_akhir = isi.index(b"\n", pos)
        kepala = isi[pos:kepala_akhir].split()
        if len(kepala) != 3 or kepala[1] != b"blob":  # "<oid> missing": a partial clone, offline
            raise DiffGagal(f"Isi berkas {visible(str(rel))} pada revisi '{visible(rev)}' tidak tersedia di salinan "
                            "repositori ini (ambil riwayat lengkap: git fetch --unshallow atau tanpa --filter).")
        ukuran = kepala[2]
        awal = kepala_akhir + 1
        data = isi[awal:awal + int(ukuran)]
        pos = awal + int(ukuran) + 1
        p = akar / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return akar


# -- comparing ------------------------------------------------------------------------------


def _kunci_teks(s: str) -> str:
    return " ".join(s.split()).casefold()


def _banding(label: str, lama: list[str], baru: list[str]) -> list[str]:
    """Items added and removed, matched by content (a reordered list is not a change)."""
    a = {_kunci_teks(x): x.rstrip(".") for x in lama}
    b = {_kunci_teks(x): x.rstrip(".") for x in baru}
    out = [f"{label} dihapus: \u201c{a[k]}\u201d." for k in a if k not in b]
    out += [f"{label} ditambahkan: \u201c{b[k]}\u201d." for k in b if k not in a]
    if len(lama) != len(baru):
        out.append(f"Jumlah {label.lower()}: {len(lama)} \u2192 {len(baru)}.")
    return out


def _syarat(c: tampilan.Komponen) -> list[str]:
    return [s.nama for g in c.isi.kelompok for s in g.daftar] if c.isi else []


def _langkah(c: tampilan.Komponen) -> list[str]:
    return [lk.uraian for a in c.isi.alur for lk in a.langkah] if c.isi else []


def _produk(c: tampilan.Komponen) -> list[str]:
    return [x.nama for x in c.isi or []]


def _saluran(c: tampilan.Komponen) -> list[str]:
    return [s.teks for s in c.isi.saluran] if c.isi else []


def _nilai(c: tampilan.Komponen, teks: Any) -> str:
    return teks(c.isi) if c.isi is not None else "tidak dicantumkan"


def tampilan_dari(s: Service) -> tampilan.Layanan:
    return tampilan.layanan(s.data, [u.data for u in s.unit.chain()], s.slug)


def bandingkan(lama: Service, baru: Service) -> list[str]:
    """The changes a citizen sees between two versions of a service, one sentence each."""
    return bandingkan_data(lama.data, baru.data)


def _teks_atau_kosong(x: Any) -> str:
    return f"\u201c{str(x).rstrip('.')}\u201d" if x else "tidak dicantumkan"


#: Facts on the page said as text, old -> new (the others: "… diubah.").
_TEKS = {
    "ringkasan": ("Ringkasan", _teks_atau_kosong),
    "tempat_layanan": ("Tempat layanan", _teks_atau_kosong),
    "layanan_daring": ("Layanan daring", _teks_atau_kosong),
    "jam_layanan": ("Jam layanan", lambda j: "; ".join(m.teks_jam(j)) or "tidak dicantumkan"),
}


def _sama(a: m.Layanan, b: m.Layanan, kunci: str, urut: bool = False) -> bool:
    x, y = getattr(a, kunci, None), getattr(b, kunci, None)
    return x is y or x == y or _dump(a, kunci, urut) == _dump(b, kunci, urut)


def bandingkan_data(a: m.Layanan, b: m.Layanan, penetapan: bool = True) -> list[str]:
    """:func:`bandingkan` on two resolved services; ``penetapan=False``: without the
    decree's sentence (the public history shows the adopting decree on its own). A
    component's view is made only when its data differ (the history compares thousands)."""
    out: list[str] = []
    if a is b:
        return out
    if a.nama != b.nama:
        out.append(f"Nama layanan: \u201c{a.nama}\u201d \u2192 \u201c{b.nama}\u201d.")
    if a.status != b.status:
        out.append(f"Status: {m.LABEL_STATUS[a.status]} \u2192 {m.LABEL_STATUS[b.status]}.")
    dibahas = {"nama", "status", "penetapan"}
    for kunci, label, teks in (
        ("jangka_waktu", "Jangka waktu", lambda x: x.teks),
        ("biaya", "Biaya", lambda x: x.teks),
    ):
        dibahas.add(kunci)
        if _sama(a, b, kunci):
            continue
        sa, sb = _nilai(tampilan.komponen(a, kunci), teks), _nilai(tampilan.komponen(b, kunci), teks)
        out.append(f"{label}: {sa} \u2192 {sb}." if sa != sb else f"Rincian {label.lower()} diubah.")
    for kunci, label, daftar in (
        ("persyaratan", "Persyaratan", _syarat),
        ("prosedur", "Langkah prosedur", _langkah),
        ("produk", "Produk", _produk),
        ("pengaduan", "Saluran pengaduan", _saluran),
    ):
        dibahas.add(kunci)
        if _sama(a, b, kunci):
            continue
        ka, kb = tampilan.komponen(a, kunci), tampilan.komponen(b, kunci)
        kalimat = _banding(label, daftar(ka), daftar(kb))
        if ka.isi is None and kb.isi is not None:
            kalimat = [f"Komponen {ka.label.lower()} ditambahkan."] + kalimat
        elif ka.isi is not None and kb.isi is None:
            kalimat = [f"Komponen {ka.label.lower()} dihapus."]
        if not kalimat and not _sama(a, b, kunci, urut=True):
            kalimat = [f"Rincian {ka.label.lower()} diubah."]
        elif not kalimat and kunci == "prosedur" and daftar(ka) != daftar(kb):
            kalimat = ["Urutan langkah prosedur diubah (langkahnya sama)."]
        out += kalimat
    if penetapan and a.penetapan != b.penetapan:
        ta, tb = tampilan.penetapan(a.penetapan).kalimat, tampilan.penetapan(b.penetapan).kalimat
        if ta != tb:
            out.append(f"Penetapan: {ta} \u2192 {tb}")
    for kunci in type(a).model_fields:
        if kunci in dibahas or _sama(a, b, kunci):
            continue
        if kunci in _TEKS:
            label, teks_ = _TEKS[kunci]
            sa, sb = teks_(getattr(a, kunci)), teks_(getattr(b, kunci))
            if sa != sb:
                out.append(f"{label}: {sa} \u2192 {sb}.")
                continue
        if kunci in m.LABEL_KOMPONEN:
            out.append(f"Komponen {m.LABEL_KOMPONEN[kunci].lower()} diubah.")
        else:
            out.append(f"{kunci.replace('_', ' ').capitalize()} diubah.")
    return out


def _dump(d: Any, kunci: str, urut: bool = False) -> str:
    """One key of a service as canonical JSON; ``urut``: its lists in any order."""
    v = getattr(d, kunci, None)
    if hasattr(v, "model_dump"):
        v = v.model_dump(mode="json")
    elif isinstance(v, list):
        v = [x.model_dump(mode="json") if hasattr(x, "model_dump") else x for x in v]

    def kanon(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: kanon(y) for k, y in x.items()}
        if isinstance(x, list):
            isi = [kanon(y) for y in x]
            return sorted(isi, key=lambda y: json.dumps(y, sort_keys=True, default=str)) if urut else isi
        return x

    return json.dumps(kanon(v), sort_keys=True, ensure_ascii=False, default=str)


def _teks_berkas(s: Service) -> str:
    """The file's text, line endings normalised (a checkout with CRLF is not a change)."""
    try:
        return s.source.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return ""


def _mirip(a: str, b: str) -> float:
    """How alike two files are, line by line."""
    sm = difflib.SequenceMatcher(None, a.splitlines(), b.splitlines(), autojunk=False)
    return sm.ratio() if sm.quick_ratio() >= 0.6 else 0.0


#: Above this many (removed x added) pairs, renames are found by the service's name only.
MIRIP_MAKS = 400


def bandingkan_katalog(lama: Catalog, baru: Catalog) -> list[Perubahan]:
    """Every service added, removed, renamed or changed between two loaded trees."""
    a = {s.rel_path: s for s in lama.services}
    b = {s.rel_path: s for s in baru.services}
    pasangan = [(a[k], b[k]) for k in sorted(a.keys() & b.keys())]
    hilang = [a[k] for k in sorted(a.keys() - b.keys())]
    muncul = [b[k] for k in sorted(b.keys() - a.keys())]
    # Renamed files: the same name, or else nearly the same text (compared only while the
    # pairs are few: the comparison is quadratic in their number and their length).
    teks_baru = {t.rel_path: _teks_berkas(t) for t in muncul} if len(hilang) * len(muncul) <= MIRIP_MAKS else {}
    for s in list(hilang):
        calon = next((t for t in muncul if t.data.nama == s.data.nama), None)
        if calon is None and teks_baru:
            teks = _teks_berkas(s)
            mirip = [(_mirip(teks, teks_baru[t.rel_path]), t.rel_path, t)
                     for t in muncul if t.rel_path in teks_baru]
            terbaik = max(mirip, default=None, key=lambda x: (x[0], x[1]))
            calon = terbaik[2] if terbaik and terbaik[0] >= 0.6 else None
        if calon is not None:
            pasangan.append((s, calon))
            hilang.remove(s)
            muncul.remove(calon)
    out: list[Perubahan] = []
    for s_lama, s_baru in pasangan:
        lama_rel = s_lama.rel_path if s_lama.rel_path != s_baru.rel_path else None
        kalimat = bandingkan(s_lama, s_baru)
        if kalimat:
            out.append(Perubahan("ubah", s_baru.rel_path, s_baru.data.nama, lama_rel, kalimat))
        elif lama_rel:
            out.append(Perubahan("ubah", s_baru.rel_path, s_baru.data.nama, lama_rel,
                                 ["Berkas dipindah atau diganti nama; isinya bagi warga tidak berubah."]))
        elif _teks_berkas(s_lama) != _teks_berkas(s_baru):
            out.append(Perubahan("format", s_baru.rel_path, s_baru.data.nama, None,
                                 ["Hanya komentar atau format yang berubah; tidak ada perubahan bagi warga."]))
    for s in hilang:
        if (Path(baru.root) / s.rel_path).is_file():  # still there, but it no longer loads
            out.append(Perubahan("ubah", s.rel_path, s.data.nama, None, [
                "Berkas ini sekarang tidak dapat dibaca (ada galat); periksa dengan standar validate."]))
        else:
            out.append(Perubahan("hapus", s.rel_path, s.data.nama, None, ["Layanan dihapus."]))
    for s in muncul:
        k = tampilan_dari(s).komponen
        jw, by = k["jangka_waktu"].isi, k["biaya"].isi
        out.append(Perubahan("tambah", s.rel_path, s.data.nama, None, [
            "Layanan baru.",
            f"Persyaratan: {len(_syarat(k['persyaratan']))}; langkah prosedur: {len(_langkah(k['prosedur']))}; jangka waktu: "
            f"{jw.teks if jw else 'tidak dicantumkan'}; biaya: {by.teks if by else 'tidak dicantumkan'}.",
        ]))
    urutan = {"ubah": 0, "format": 1, "tambah": 2, "hapus": 3}
    return sorted(out, key=lambda p: (urutan[p.jenis], p.berkas))


def diff(folder: Path, base: Optional[str] = None, head: Optional[str] = None) -> list[Perubahan]:
    """The changes to the standards folder ``folder`` from revision ``base`` (default: the
    merge base with main) to ``head`` (default: the working tree)."""
    for rev in (base, head):
        if rev is not None and (not rev or rev.startswith("-")):
            raise DiffGagal(f"Revisi '{visible(rev)}' tidak sah; tulis nama cabang, tag, atau hash commit.")
    folder = Path(os.path.realpath(folder))
    if not folder.is_dir():
        raise DiffGagal(f"Folder standar {visible(str(folder))} tidak ada.")
    repo = Path(os.path.realpath(akar_repo(folder)))
    try:
        rel = folder.relative_to(repo)
    except ValueError:
        raise DiffGagal(f"Folder standar {visible(str(folder))} tidak berada di repositori git {visible(str(repo))}.") from None
    base = base or basis_bawaan(repo)
    with tempfile.TemporaryDirectory(prefix="standar-diff-") as tmp:
        lama = load_catalog(tulis_revisi(repo, base, rel.as_posix(), Path(tmp) / "lama"))
        if head is None:
            baru = load_catalog(folder)
        else:
            baru = load_catalog(tulis_revisi(repo, head, rel.as_posix(), Path(tmp) / "baru"))
        return bandingkan_katalog(lama, baru)


# -- output -----------------------------------------------------------------------------------

_JUDUL = {"ubah": "Diubah", "format": "Hanya format", "tambah": "Layanan baru", "hapus": "Dihapus"}


def _kepala(p: Perubahan) -> str:
    berkas = f"{p.berkas_lama} \u2192 {p.berkas}" if p.berkas_lama else p.berkas
    return f"{p.nama} ({berkas})"


def teks(daftar: list[Perubahan]) -> str:
    if not daftar:
        return "Tidak ada perubahan pada standar pelayanan.\n"
    baris = []
    for p in daftar:
        baris.append(visible(f"{_JUDUL[p.jenis]}: {_kepala(p)}"))
        baris += [visible(f"  - {k}") for k in p.kalimat]
    return "\n".join(baris) + "\n"


def markdown(daftar: list[Perubahan]) -> str:
    if not daftar:
        return "**Standar pelayanan:** tidak ada perubahan.\n"
    baris = [f"## Perubahan standar pelayanan ({len(daftar)} layanan)", ""]
    for p in daftar:
        baris.append(f"### {_JUDUL[p.jenis]}: {md_aman(_kepala(p))}")
        baris += [f"- {md_aman(k)}" for k in p.kalimat]
        baris.append("")
    return "\n".join(baris)


def json_teks(daftar: list[Perubahan]) -> str:
    return json.dumps([asdict(p) for p in daftar], ensure_ascii=True, indent=2) + "\n"
