"""The catalog: every file of a `standards/` tree loaded, units resolved,
defaults applied, cross-file checks run.

Layout (see README): ``_instansi.yaml`` at the root; one folder per unit with its
``_unit.yaml``; optional bidang sub-folders with their own ``_unit.yaml``; one
``<slug>.yaml`` per service. Services inherit every component they do not
write from the nearest unit (bidang, then OPD) that sets it under ``bawaan:``;
the government's shared complaint channels (``saluran_bersama``) are added to
every service's channels.

The tree comes from pull requests: it is walked once, by real path. Nothing outside it
is read (a symlink pointing outside is a galat), a symlink loop or a folder linked twice
is a galat, and an unreadable folder is a galat naming it, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import gc
import math
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional
from urllib.parse import quote

from pydantic import ValidationError

from . import model as m
from .findings import CATATAN, GALAT, PERINGATAN, Finding, sort_findings
from .messages import findings_for
from .yamlsafe import _fmt_path, load_file, locate

INSTANSI_FILE = "_instansi.yaml"
UNIT_FILE = "_unit.yaml"
#: Service file names the site uses itself: layanan/index/ is the A–Z list, and a poster
#: <opd>/maklumat-a3.pdf would overwrite the unit's maklumat poster (generator.printing.paths).
NAMA_LAYANAN_SITUS = {
    "index": "layanan/index/ adalah daftar layanan A–Z",
    "maklumat": "poster layanan ini akan bernama sama dengan poster maklumat unit (cetak/<unit>/maklumat-a3.pdf)",
}
#: Folders below the standards root a unit may nest (OPD, bidang, ...); deeper is a galat, so
#: that a hostile tree cannot exhaust the recursion.
MAX_KEDALAMAN = 8


@dataclass(eq=False)
class UnitNode:
    """A unit (OPD) or a bidang inside it."""

    id: str  # "dpmptsp" or "dpmptsp/perizinan"
    file: str  # display path of its _unit.yaml
    data: m.Unit
    parent: Optional["UnitNode"] = None
    children: list["UnitNode"] = field(default_factory=list)
    services: list["Service"] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.id.rsplit("/", 1)[-1]

    @property
    def url(self) -> str:
        """Site-relative URL of the unit page."""
        return f"unit/{quote(self.id)}/"

    def chain(self) -> list["UnitNode"]:
        """This unit and its parents, nearest first."""
        out, u = [], self
        while u is not None:
            out.append(u)
            u = u.parent
        return out

    @property
    def top(self) -> "UnitNode":
        return self.chain()[-1]

    def all_services(self) -> list["Service"]:
        out = list(self.services)
        for c in self.children:
            out.extend(c.all_services())
        return sorted(out, key=lambda s: s.data.nama.lower())

    # Inherited profile values (a bidang without an address uses its OPD's).
    def profil(self, key: str) -> Any:
        return m.profil_unit([u.data for u in self.chain()], key)


@dataclass(eq=False)
class Service:
    """One service, resolved: ``data`` has every component its unit supplies."""

    slug: str
    file: str  # display path of the YAML file
    source: Path  # absolute path, for change detection
    rel_path: str  # path relative to the standards root, for "edit this page"
    unit: UnitNode
    own: m.Layanan  # as written in the file
    data: m.Layanan  # with inherited components and shared channels
    origin: dict[str, str]  # component -> "layanan" or the unit id it came from

    @property
    def url(self) -> str:
        return f"layanan/{quote(self.slug)}/"



@dataclass
class Catalog:
    root: Path
    instansi: Optional[m.Instansi]
    units: list[UnitNode]  # top-level units, sorted by name
    services: list[Service]  # every valid service, sorted by name
    findings: list[Finding]
    today: dt.date = field(default_factory=dt.date.today)  # the date the checks were made for

    def all_units(self) -> list[UnitNode]:
        out: list[UnitNode] = []

        def walk(u: UnitNode) -> None:
            out.append(u)
            for c in u.children:
                walk(c)

        for u in self.units:
            walk(u)
        return out

    def service(self, slug: str) -> Optional[Service]:
        return next((s for s in self.services if s.slug == slug), None)

    def unit(self, uid: str) -> Optional[UnitNode]:
        return next((u for u in self.all_units() if u.id == uid), None)

    @property
    def ok(self) -> bool:
        return not any(f.severity == GALAT for f in self.findings)


def slugify(s: str) -> str:
    """The address of a category page, kategori/<slug>/: ASCII letters and digits, single hyphens."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "x"


def display_name(path: Path) -> str:
    """Path as printed in findings: relative to the working directory when inside it."""
    return _nama_tampil(str(path), os.getcwd())


@functools.lru_cache(maxsize=4096)
def _nama_tampil(path: str, cwd: str) -> str:
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # pragma: no cover - other drive on Windows
        return path


def _in_tree(path: Path | str) -> Path:
    """Absolute path of ``path`` with the links of its folders resolved, but not a link it is
    itself: where it is in its tree, not where it points."""
    p = Path(os.path.abspath(path))
    return p if p.parent == p else Path(os.path.realpath(p.parent)) / p.name


def find_root(path: Path) -> Path:
    """The standards root (folder with _instansi.yaml, real path) that ``path`` is in, or
    ``path`` itself when it is a folder inside none. A symlink inside a tree is an entry of
    that tree: it is never followed to find another root."""
    p = _in_tree(path)
    for cand in p.parents:
        if os.path.isfile(cand / INSTANSI_FILE):
            return cand
    return Path(os.path.realpath(p)) if os.path.isdir(p) else p.parent


@dataclass
class _Isi:
    """One entry of a folder: where it is in the tree, and its real path (inside the tree)."""

    path: Path  # in the tree, links not followed: messages, unit ids, edit links
    real: str
    folder: bool
    berkas: bool  # a regular file
    tautan: bool  # a symlink

    @property
    def name(self) -> str:
        return self.path.name


def _tampil(nama: str) -> str:
    """A file or folder name as quoted in a message: control and format characters escaped."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in nama)


def _sebab(e: OSError) -> str:
    """Why a file or folder cannot be read, in Indonesian."""
    if isinstance(e, PermissionError):
        return "tidak ada izin membacanya"
    if isinstance(e, FileNotFoundError):
        return "tidak ditemukan"
    if e.errno == errno.ELOOP:
        return "tautan simbolik berputar"
    return f"galat sistem berkas {errno.errorcode.get(e.errno or 0, e.errno)}"


class _Loader:
    def __init__(self, root: Path, today: dt.date):
        self.root = root
        self.today = today
        self.findings: list[Finding] = []
        # True when _instansi.yaml exists but its saluran_bersama could not be read:
        # the services' complaint channels are then incomplete, and notes about a
        # missing channel would only repeat that one error once per service.
        self.bersama_tak_terbaca = False
        self.akar = str(root)  # real path of the root: nothing outside it is read
        self.ditolak: set[Path] = set()  # entries refused (link out of the tree, unreadable)
        self.dikunjungi: dict[str, Path] = {}  # real path -> where the walk entered it through a link

    def galat(self, path: Path, code: str, msg: str) -> None:
        self.findings.append(Finding(display_name(path), 1, 1, "", GALAT, code, msg))

    def di_dalam(self, real: str) -> bool:
        return real == self.akar or real.startswith(self.akar.rstrip(os.sep) + os.sep)

    def isi(self, folder: Path, real: str) -> Optional[list[_Isi]]:
        """The entries of ``folder`` (real path ``real``) sorted by name, or None when it cannot be
        listed. A symlink is followed only to a place inside the tree: one pointing outside, or
        into itself, is a galat, and nothing is read through it."""
        try:
            with os.scandir(folder) as it:
                daftar = sorted(it, key=lambda d: d.name)
        except OSError as e:
            self.galat(folder, "folder-tidak-terbaca",
                       f"Folder '{_tampil(folder.name)}' tidak dapat dibaca ({_sebab(e)}). Periksa izin akses "
                       "folder itu (harus dapat dibaca dan dibuka), atau hapus folder itu dari folder standar.")
            return None
        out: list[_Isi] = []
        for d in daftar:
            p = folder / d.name
            tautan = False
            try:
                tautan = d.is_symlink()
                if not tautan:
                    out.append(_Isi(p, os.path.join(real, d.name), d.is_dir(follow_symlinks=False),
                                    d.is_file(follow_symlinks=False), False))
                    continue
                tujuan = os.path.realpath(p)
                if not self.di_dalam(tujuan):
                    self.ditolak.add(p)
                    self.galat(p, "tautan-keluar",
                               f"'{_tampil(d.name)}' adalah tautan simbolik yang menunjuk ke luar folder standar, "
                               "sehingga tidak dibaca. Standar hanya boleh memuat berkas di dalam folder standar: "
                               "ganti tautan itu dengan berkas atau folder yang sebenarnya.")
                    continue
                st = os.stat(tujuan)
                out.append(_Isi(p, tujuan, stat.S_ISDIR(st.st_mode), stat.S_ISREG(st.st_mode), True))
            except OSError as e:
                self.ditolak.add(p)
                if e.errno == errno.ELOOP:
                    self.galat(p, "tautan-berputar", _BERPUTAR.format(nama=_tampil(d.name)))
                elif not isinstance(e, FileNotFoundError):  # a dangling link, or gone since: nothing to read
                    self.galat(p, "berkas-tidak-terbaca",
                               f"'{_tampil(d.name)}' tidak dapat dibaca ({_sebab(e)}). Periksa izin aksesnya.")
        return out

    def masuk(self, sub: _Isi, dari: str) -> bool:
        """Whether the walk enters folder ``sub`` of the folder whose real path is ``dari``.

        The walk goes by real path and enters each real folder once. A real folder is reached
        by one way only; a linked one is entered only when the walk would not reach it by its
        own path (its target is inside a folder starting with . or _): a link to a folder that
        contains it is a loop, a link to one read anyway is read once, not twice.
        """
        if not sub.tautan:
            return True
        r = sub.real
        nama = _tampil(sub.name)
        if r == dari or dari.startswith(r.rstrip(os.sep) + os.sep):
            self.galat(sub.path, "tautan-berputar", _BERPUTAR.format(nama=nama))
            return False
        bagian = Path(r).relative_to(self.akar).parts
        lewat = self.dikunjungi.get(r)
        if lewat is None and not any(b.startswith((".", "_")) for b in bagian):
            lewat = Path(r)  # the walk reads it by its own path
        if lewat is not None:
            self.galat(sub.path, "tautan-ganda",
                       f"'{nama}' adalah tautan simbolik ke folder yang sudah dibaca sebagai "
                       f"{_tampil(display_name(lewat))}; folder itu tidak dibaca dua kali. Hapus tautan itu.")
            return False
        self.dikunjungi[r] = sub.path
        return True

    def read(self, path: Path, cls: type) -> Optional[Any]:
        obj, rusak = self.read_partial(path, cls)
        return obj if rusak is None else None

    def read_partial(self, path: Path, cls: type) -> tuple[Optional[Any], Optional[set[str]]]:
        """(model, None) for a valid file. When some top-level keys are invalid:
        (model of the rest or None, those keys); the rest is checked (an error in one
        component never hides the findings of the others) but never rendered."""
        name = display_name(path)
        loaded = load_file(path, name)
        self.findings.extend(loaded.findings)
        if loaded.data is None:
            return None, set()
        try:
            obj = cls.model_validate(loaded.data)
        except ValidationError as e:
            raw = path.read_bytes()
            self.findings.extend(findings_for(e, loaded.data, raw, name))
            return _sebagian(cls, loaded.data, e)
        if any(f.severity == GALAT and f.file == name for f in loaded.findings):
            return obj, set()
        return obj, None

    def posisi(self, path: Path, loc: tuple) -> tuple[int, int]:
        """Line and column of the value at key path ``loc`` of a file (1, 1 when unreadable)."""
        try:
            line, col, _followed, _ = locate(path.read_bytes(), loc)
        except OSError:
            line, col = 1, 1
        return line, col

    def warn(self, path: Path, loc: tuple, code: str, msg: str, sev: str = PERINGATAN) -> None:
        line, col = self.posisi(path, loc)
        self.findings.append(Finding(display_name(path), line, col, _fmt_path(loc), sev, code, msg))


def _nama_folder(ld: _Loader, folder: Path, induk: str) -> bool:
    """Whether the name of a unit or bidang folder (in the unit ``induk``, "" at the root) can be
    part of a page address (unit/<opd>/<bidang>/, cetak/<opd>/); when not, a galat, and nothing
    in the folder is published."""
    nama = folder.name
    if not m.SLUG_RE.match(nama):
        ld.galat(folder, "nama-folder",
                 f"Nama folder '{_tampil(nama)}' tidak dapat menjadi alamat halaman unit. Gunakan huruf kecil, "
                 "angka, dan tanda hubung tunggal saja, misalnya dinas-kesehatan; isi folder ini tidak diterbitkan "
                 "sampai namanya diganti.")
        return False
    if nama == "index":  # unit/index/ is the list of units, unit/<opd>/index/ the page of <opd>
        apa = f"halaman unit {induk} (unit/{induk}/)" if induk else "daftar semua unit (unit/)"
        ld.galat(folder, "nama-dicadangkan",
                 f"Nama folder 'index' dipakai situs sendiri: alamat unit/{induk + '/' if induk else ''}index/ "
                 f"adalah {apa}. Beri nama lain; isi folder ini tidak diterbitkan sampai namanya diganti.")
        return False
    if nama == "kepatuhan" and induk:  # unit/<opd>/kepatuhan/ is the compliance page of <opd>
        ld.galat(folder, "nama-dicadangkan",
                 f"Nama folder 'kepatuhan' dipakai situs sendiri: alamat unit/{induk}/kepatuhan/ adalah halaman "
                 f"kepatuhan standar pelayanan unit {induk}. Beri nama lain; isi folder ini tidak diterbitkan sampai "
                 "namanya diganti.")
        return False
    return True


def _check_kategori(ld: _Loader, daftar: list[tuple[str, Path]]) -> None:
    """Each category has a page, kategori/<slugify(name)>/: two names with one address (often the
    same word written differently) and the address of the category list are galat."""
    per_alamat: dict[str, dict[str, Path]] = {}  # slug -> name -> first file with it, in walk order
    for nama, path in daftar:
        per_alamat.setdefault(slugify(nama), {}).setdefault(nama, path)
    for slug, nama in per_alamat.items():
        if slug == "index":
            for n, path in nama.items():
                ld.warn(path, ("kategori",), "nama-dicadangkan",
                        f"Kategori '{_tampil(n)}' akan beralamat kategori/index/, alamat daftar semua kategori. "
                        "Beri nama kategori lain.", GALAT)
            continue
        if len(nama) < 2:
            continue
        pasangan = list(nama.items())
        for i, (n, path) in enumerate(pasangan):
            n2, path2 = pasangan[1] if i == 0 else pasangan[0]
            line, col = ld.posisi(path2, ("kategori",))
            ld.warn(path, ("kategori",), "kategori-bentrok",
                    f"Kategori '{_tampil(n)}' dan kategori '{_tampil(n2)}' ({_tampil(display_name(path2))}:{line}:{col}) "
                    f"mendapat alamat halaman yang sama, kategori/{slug}/. Bila keduanya satu kategori, tulis "
                    "namanya sama persis di setiap layanan (termasuk huruf besar-kecil dan tanda baca); bila "
                    "berbeda, beri nama yang lebih jelas bedanya.", GALAT)


_BERPUTAR = ("'{nama}' adalah tautan simbolik yang menunjuk ke dirinya sendiri atau ke folder yang memuatnya, "
             "sehingga pembacaan folder tidak akan berakhir. Hapus tautan itu.")


def _sebagian(cls: type, data: Any, e: ValidationError) -> tuple[Optional[Any], set[str]]:
    """The model without the top-level keys that failed (and those keys), or None."""
    if not isinstance(data, dict):
        return None, set()
    rusak = {err["loc"][0] for err in e.errors() if err["loc"]}
    sisa = {k: v for k, v in data.items() if k not in rusak}
    try:
        obj = cls.model_validate(sisa)
    except ValidationError:
        return None, rusak
    return obj, rusak


def load_catalog(root: Path | str, today: Optional[dt.date] = None, keep: bool = True) -> Catalog:
    """Load and check a standards tree.

    ``keep=False`` checks every service but does not keep the resolved services
    (``Catalog.services`` stays empty): `standar validate` on 10,000 files then
    needs memory for one service at a time instead of all of them.
    """
    # Loading builds about a hundred objects per YAML line and frees almost none of
    # them, so the cyclic garbage collector's passes are wasted work (measured:
    # 10,000 services load in half the time without them). Turned back on after.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _load_catalog(Path(os.path.realpath(root)), today or dt.date.today(), keep)
    finally:
        if gc_was_on:
            gc.enable()


#: Largest logo accepted (a print-quality logo needs a few hundred KB at most).
LOGO_MAKS = 5 * 1024 * 1024
_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def berkas_logo(root: Path, logo: str) -> tuple[Optional[Path], Optional[tuple[str, str]]]:
    """(real path, None) when ``logo`` (as written in _instansi.yaml) is a picture
    file inside the standards tree whose content matches its type; otherwise
    (None, (code, Indonesian message)). The printer uses only what this accepts."""
    root = root.resolve()
    if Path(logo).is_absolute():
        return None, ("logo-di-luar-folder", f"Berkas logo '{logo}' berada di luar folder standar. Salin gambarnya "
                      "ke folder standar dan tulis namanya relatif terhadap folder itu, misalnya logo.svg.")
    try:
        real = (root / logo).resolve()
        if not real.is_relative_to(root):
            return None, ("logo-di-luar-folder", f"Berkas logo '{logo}' menunjuk ke luar folder standar (melalui "
                          "tautan simbolik). Logo harus berupa berkas di dalam folder standar; salin gambarnya ke "
                          "folder ini.")
        if not real.is_file():
            return None, ("logo-tidak-ada", f"Berkas logo '{logo}' tidak ada di folder standar (atau bukan berkas). "
                          "Simpan gambar logo di folder standar dan tulis namanya di sini, atau hapus logo:.")
        size = real.stat().st_size
        if size > LOGO_MAKS:
            mb = f"{math.ceil(size / 2**20 * 10) / 10:.1f}".replace(".", ",")
            return None, ("logo-terlalu-besar", f"Berkas logo '{logo}' berukuran {mb} MB, melebihi batas "
                          f"{LOGO_MAKS // 2**20} MB. Simpan logo dengan ukuran lebih kecil (beberapa ratus KB cukup "
                          "untuk dicetak).")
        data = real.read_bytes()
    except (OSError, RuntimeError, ValueError) as e:  # unreadable, a symlink loop, a NUL in the name
        return None, ("logo-tidak-terbaca", f"Berkas logo '{logo}' tidak dapat dibaca ({type(e).__name__}). "
                      "Periksa berkas dan izin bacanya.")
    jenis = real.suffix.lower()
    if jenis == ".png":
        cocok = data.startswith(b"\x89PNG\r\n\x1a\n")
    elif jenis in (".jpg", ".jpeg"):
        cocok = data.startswith(b"\xff\xd8\xff")
    elif jenis == ".svg":
        cocok = _svg_sah(data)
    else:  # the model accepts only the types above
        cocok = False
    if not cocok:
        nama_jenis = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}.get(jenis, jenis)
        return None, ("logo-isi-tidak-sesuai", f"Isi berkas logo '{logo}' bukan gambar {nama_jenis}, walaupun "
                      f"namanya berakhiran {real.suffix}. Simpan ulang logo sebagai gambar SVG, PNG, atau JPEG yang "
                      "sebenarnya (SVG tanpa deklarasi <!ENTITY>).")
    return real, None


#: An SVG logo is a small drawing: more elements than this, counted as drawn (a <use>
#: re-draws what it refers to, and can multiply like YAML aliases), is refused before
#: anything renders it.
SVG_ELEMEN_MAKS = 5000


def _svg_digambar(root: Any) -> int:
    """How many elements an SVG draws once every <use> is expanded (capped past the limit)."""
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    memo: dict[int, int] = {}

    def ukur(e: Any, jalan: frozenset) -> int:
        if id(e) in memo:
            return memo[id(e)]
        n = 1
        for c in e:
            n += ukur(c, jalan)
            if n > SVG_ELEMEN_MAKS:
                return n
        if e.tag in (_SVG_NS + "use", "use"):
            ref = (e.get("href") or e.get(_XLINK_HREF) or "").strip()
            t = ids.get(ref[1:]) if ref.startswith("#") else None
            if t is not None:
                if id(t) in jalan:
                    return SVG_ELEMEN_MAKS + 1  # a <use> that refers to itself
                n += ukur(t, jalan | {id(t)})
        memo[id(e)] = n
        return n

    return ukur(root, frozenset())


def _svg_sah(data: bytes) -> bool:
    """An SVG document: XML whose root is <svg>, without any DOCTYPE (no entities, in
    any encoding), that draws a bounded number of elements."""
    import xml.etree.ElementTree as ET
    import xml.parsers.expat

    ada_doctype = []
    p = xml.parsers.expat.ParserCreate()
    p.StartDoctypeDeclHandler = lambda *a: ada_doctype.append(True)
    p.EntityDeclHandler = lambda *a: ada_doctype.append(True)
    try:
        p.Parse(data, True)
    except (xml.parsers.expat.ExpatError, ValueError):
        return False
    if ada_doctype:
        return False
    try:
        el = ET.fromstring(data)
    except (ET.ParseError, ValueError):
        return False
    return el.tag in (_SVG_NS + "svg", "svg") and _svg_digambar(el) <= SVG_ELEMEN_MAKS


def rujukan_svg(data: bytes) -> list[str]:
    """References of an SVG to other files or addresses (href, url(), @import): the
    renderers never load them."""
    import re
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError):
        return []
    out: list[str] = []
    for el in root.iter():
        for key in ("href", _XLINK_HREF):
            v = (el.get(key) or "").strip()
            if v and not v.startswith(("#", "data:")):
                out.append(v)
        css = (el.text or "" if el.tag in (_SVG_NS + "style", "style") else "") + " " + (el.get("style") or "")
        for mt in re.finditer(r"""url\(\s*['"]?([^'")\s]*)|@import\s+['"]([^'"]*)""", css):
            v = (mt.group(1) or mt.group(2) or "").strip()
            if v and not v.startswith(("#", "data:")):
                out.append(v)
    return out


def _check_logo(ld: _Loader, ipath: Path, logo: str) -> None:
    real, masalah = berkas_logo(ld.root, logo)
    if masalah is not None:
        ld.warn(ipath, ("logo",), *masalah, GALAT)
        return
    if real.suffix.lower() == ".svg":
        luar = rujukan_svg(real.read_bytes())
        if luar:
            contoh = ", ".join(f"'{x[:60]}'" for x in luar[:3])
            ld.warn(ipath, ("logo",), "logo-rujukan-luar",
                    f"Logo SVG ini merujuk berkas atau alamat lain ({contoh}). Poster dan buku tidak pernah memuat "
                    "rujukan seperti itu, sehingga bagian logo itu tidak tercetak. Simpan logo sebagai satu berkas "
                    "SVG yang memuat seluruh gambarnya.")


def _load_catalog(root: Path, today: dt.date, keep: bool) -> Catalog:
    ld = _Loader(root, today)
    instansi = None
    ipath = root / INSTANSI_FILE
    entries = ld.isi(root, str(root)) if os.path.isdir(root) else []
    ie = next((e for e in entries or () if e.name == INSTANSI_FILE), None)
    if ie is not None and ie.berkas:
        # Like a service: one broken key does not drop the rest (its shared channels).
        instansi, rusak = ld.read_partial(ipath, m.Instansi)
        ld.bersama_tak_terbaca = instansi is None or "saluran_bersama" in (rusak or ())
        if instansi is not None and instansi.logo:
            _check_logo(ld, ipath, instansi.logo)
    elif entries is not None and ipath not in ld.ditolak:
        ld.findings.append(
            Finding(display_name(root), 1, 1, "", GALAT, "instansi-tidak-ada",
                    f"Folder standar tidak memiliki {INSTANSI_FILE} (identitas pemerintah daerah: nama, "
                    "wilayah, situs, saluran pengaduan bersama). Buat berkas itu di folder ini.")
        )

    units: list[UnitNode] = []
    services: list[Service] = []
    slugs: dict[str, Path] = {}
    kategori: list[tuple[str, Path]] = []  # (category, file) of every service that may be published

    def walk(folder: Path, real: str, parent: Optional[UnitNode], uid: str, terbit: bool) -> None:
        """``terbit``: False below a folder whose name cannot be an address: checked, never published."""
        entries = ld.isi(folder, real)
        if entries is None:
            return
        upath = folder / UNIT_FILE
        ue = next((e for e in entries if e.name == UNIT_FILE), None)
        yamls = [e.path for e in entries if e.berkas and e.path.suffix in (".yaml", ".yml") and e.name != UNIT_FILE]
        for e in entries:  # "Akta.YAML" would otherwise be skipped without a word
            if e.berkas and e.path.suffix.lower() in (".yaml", ".yml") and e.path.suffix not in (".yaml", ".yml"):
                ld.galat(e.path, "ekstensi-huruf-besar",
                         f"Berkas '{_tampil(e.name)}' tidak dibaca karena ekstensinya ditulis dengan huruf besar. "
                         f"Ganti namanya menjadi {_tampil(e.path.stem.lower())}.yaml.")
        node: Optional[UnitNode] = None
        if ue is not None and ue.berkas:
            udata = ld.read(upath, m.Unit)
            if udata is not None:
                node = UnitNode(uid, display_name(upath), udata, parent)
                if terbit:
                    (parent.children if parent else units).append(node)
                _check_unit(ld, upath, udata)
        elif (yamls or any(e.folder for e in entries)) and upath not in ld.ditolak:
            ld.findings.append(
                Finding(display_name(folder), 1, 1, "", GALAT, "unit-tidak-ada",
                        f"Folder '{_tampil(folder.name)}' tidak memiliki {UNIT_FILE}. Setiap folder unit (OPD/bidang) "
                        "memerlukan berkas profil unit; buat berkas itu dengan nama, alamat, dan jam layanan.")
            )
        for p in yamls:
            slug = p.stem
            if p.suffix == ".yml":
                ld.warn(p, (), "ekstensi-yml", "Gunakan ekstensi .yaml agar seragam dengan berkas lain.")
            if not m.SLUG_RE.match(slug):
                ld.findings.append(
                    Finding(display_name(p), 1, 1, "", GALAT, "nama-berkas",
                            f"Nama berkas '{_tampil(p.name)}' tidak dapat menjadi alamat halaman. Gunakan huruf kecil, "
                            "angka, dan tanda hubung saja, misalnya akta-kelahiran.yaml.")
                )
                continue
            if slug in NAMA_LAYANAN_SITUS:
                ld.findings.append(
                    Finding(display_name(p), 1, 1, "", GALAT, "nama-dicadangkan",
                            f"Nama berkas '{p.name}' dipakai situs sendiri: {NAMA_LAYANAN_SITUS[slug]}. Beri nama "
                            f"lain, misalnya {slug}-pelayanan.yaml.")
                )
                continue
            if slug in slugs:
                ld.findings.append(
                    Finding(display_name(p), 1, 1, "", GALAT, "slug-ganda",
                            f"Nama berkas '{p.name}' sudah dipakai oleh {_tampil(display_name(slugs[slug]))}. Setiap "
                            "layanan memerlukan nama berkas yang berbeda karena menjadi alamat halamannya.")
                )
                continue
            slugs[slug] = p
            own, rusak = ld.read_partial(p, m.Layanan)
            if own is not None and own.kategori and "kategori" not in (rusak or ()) and terbit:
                kategori.append((own.kategori, p))
            if own is None or node is None:
                continue
            svc = _resolve(ld, p, p.relative_to(root).as_posix(), slug, own, node, instansi, rusak or set())
            if keep and rusak is None and terbit:
                node.services.append(svc)
                services.append(svc)
        for e in entries:
            if not (e.folder and not e.name.startswith((".", "_")) and ld.masuk(e, real)):
                continue
            if uid.count("/") + 2 > MAX_KEDALAMAN:
                ld.galat(e.path, "folder-terlalu-dalam",
                         f"Folder '{_tampil(e.name)}' berada lebih dari {MAX_KEDALAMAN} tingkat di bawah folder "
                         "standar, sehingga tidak dibaca. Unit dan bidang cukup bertingkat dua atau tiga "
                         "(OPD, bidang); pindahkan isinya ke tingkat yang lebih dangkal.")
                continue
            walk(e.path, e.real, node if node else parent, f"{uid}/{e.name}", _nama_folder(ld, e.path, uid) and terbit)

    for e in entries or ():
        if e.folder and not e.name.startswith((".", "_")):
            if ld.masuk(e, str(root)):
                walk(e.path, e.real, None, e.name, _nama_folder(ld, e.path, ""))
        elif e.berkas and e.path.suffix in (".yaml", ".yml") and e.name != INSTANSI_FILE:
            ld.findings.append(
                Finding(display_name(e.path), 1, 1, "", GALAT, "berkas-di-luar-unit",
                        "Berkas layanan harus berada di dalam folder unitnya, misalnya "
                        "standards/disdukcapil/akta-kelahiran.yaml.")
            )

    _check_kategori(ld, kategori)
    units.sort(key=lambda u: u.data.nama.lower())
    for u in units:
        u.children.sort(key=lambda c: c.data.nama.lower())
    services.sort(key=lambda s: s.data.nama.lower())
    return Catalog(root, instansi, units, services, sort_findings(ld.findings), today)


def _resolve(
    ld: _Loader, path: Path, rel: str, slug: str, own: m.Layanan, unit: UnitNode,
    instansi: Optional[m.Instansi], rusak: set[str],
) -> Service:
    data, origin = warisi(own, unit, instansi)
    _check_service(ld, path, data, origin, rusak)
    _check_berkala(ld, path, own, data, unit)
    _check_penetapan(ld, path, own.penetapan, ("penetapan",))
    return Service(slug, display_name(path), path, rel, unit, own, data, origin)


def warisi(own: m.Layanan, unit: UnitNode, instansi: Optional[m.Instansi]) -> tuple[m.Layanan, dict[str, str]]:
    """A service as published: what its file leaves out taken from its unit chain (components,
    hours, decree, FKP, review, address) and the instansi's shared complaint channels added;
    with, per component, where it came from ("layanan" or a unit id)."""
    update: dict[str, Any] = {}
    origin: dict[str, str] = {}
    chain = unit.chain()
    chain_data = [u.data for u in chain]
    for comp in m.KOMPONEN:
        if getattr(own, comp) is not None:
            origin[comp] = "layanan"
            continue
        val, i = m.bawaan_unit(chain_data, comp)
        if val is not None:
            update[comp] = val
            origin[comp] = chain[i].id
    pengaduan = update.get("pengaduan", own.pengaduan)
    if pengaduan is not None and instansi and instansi.saluran_bersama:
        have = {s.kunci() for s in pengaduan.saluran}
        extra = [s for s in instansi.saluran_bersama if s.kunci() not in have]
        if extra:
            update["pengaduan"] = pengaduan.model_copy(update={"saluran": [*pengaduan.saluran, *extra]})
    if update.get("jam_layanan") is None and own.jam_layanan is None:
        jam = unit.profil("jam_layanan")
        if jam:
            update["jam_layanan"] = jam
    for key in ("penetapan", "fkp", "peninjauan"):
        if getattr(own, key) is None:
            val = unit.profil(key)
            if val is not None:
                update[key] = val
    if own.tempat_layanan is None:
        alamat = unit.profil("alamat")
        if alamat:
            update["tempat_layanan"] = alamat
    return (own.model_copy(update=update) if update else own), origin


def jadwal_tinjau(s: m.Layanan, unit: "UnitNode") -> Optional[m.JadwalTinjau]:
    """When a standard in force (resolved data ``s`` of a service of ``unit``) is due for
    review: its own next date, or its last review or decree date plus the unit chain's
    periode_peninjauan (12 months by default). None for drafts, revoked standards, and
    standards that give no date to count from."""
    if s.status in (m.Status.rancangan, m.Status.dicabut):
        return None
    return m.jadwal_peninjauan(s, unit.profil("periode_peninjauan") or m.PERIODE_PENINJAUAN)


def _check_berkala(ld: _Loader, path: Path, own: m.Layanan, s: m.Layanan, unit: "UnitNode") -> None:
    """A standard in force without a next review date of its own is still due for review
    (:func:`jadwal_tinjau`). No date to count from: nothing to say."""
    j = jadwal_tinjau(s, unit)
    if j is None or j.kunci == "peninjauan.berikutnya" or j.jatuh >= ld.today:
        return  # a date of its own is checked with the other keys (peninjauan-lewat)
    asal, kunci = j.kunci.split(".")
    if kunci == "tahun":
        dasar = f"ditetapkan tahun {j.dasar.year} (paling lambat {m.tanggal_id(j.dasar)})"
    else:
        dasar = ("terakhir ditinjau " if asal == "peninjauan" else "ditetapkan ") + m.tanggal_id(j.dasar)
    ld.warn(
        path, (asal, kunci) if getattr(own, asal) is not None else (), "peninjauan-lewat",
        f"Standar ini {dasar}; dengan periode peninjauan {j.bulan} bulan, peninjauan "
        f"berikutnya jatuh {m.tanggal_id(j.jatuh)} dan sudah lewat. Lakukan evaluasi standar, lalu catat "
        "peninjauan: dengan terakhir: dan berikutnya:. Periodenya diatur dengan periode_peninjauan: (dalam bulan) "
        "di _unit.yaml.",
    )


_TANPA_ANGKA = (
    "Jangka waktu tidak memuat angka, sehingga warga tidak tahu berapa lama harus menunggu. "
    "Bila standar Anda menyebut angkanya, tulis seperti tercantum (misalnya \"paling lama 3 hari kerja\"); "
    "bila tidak, biarkan."
)
_HARI = (
    "Jangka waktu menyebut 'hari' tanpa 'kerja' atau 'kalender'. Bagi pemohon keduanya berbeda (Permenpan RB "
    "15/2014 meminta jangka waktu yang jelas). Bila keputusan Anda menyebutnya, tulis 'hari kerja' atau 'hari "
    "kalender'; bila tidak, biarkan seperti tertulis."
)


def _check_saluran(ld: _Loader, path: Path, daftar: list[m.Saluran], base: tuple) -> None:
    for i, sal in enumerate(daftar):
        for code, msg in sal.masalah():
            ld.warn(path, base + (i, "nilai"), code, msg)
        if sal.jenis in (m.JenisSaluran.telepon, m.JenisSaluran.sms) and (sal.nilai or "").strip() == "112":
            ld.warn(path, base + (i,), "112-bukan-pengaduan",
                    "112 adalah nomor darurat, bukan saluran pengaduan pelayanan. Cantumkan nomor pengaduan unit.")


def _check_komponen(ld: _Loader, path: Path, k: m.Komponen, base: tuple) -> None:
    """Checks of components as written in one file (service or unit bawaan)."""
    jw = k.jangka_waktu
    if jw is not None:
        if jw.hanya_teks():
            ld.warn(path, base + ("jangka_waktu",), "durasi-tanpa-angka", _TANPA_ANGKA)
        if jw.hari_tanpa_jenis():
            ld.warn(path, base + ("jangka_waktu",), "hari-tanpa-jenis", _HARI)
    b = k.biaya
    if b is not None and b.berbayar() and not b.dasar_hukum:
        ld.warn(path, base + ("biaya",), "biaya-tanpa-dasar-hukum",
                "Biaya yang dipungut sebaiknya menyebut peraturan yang menetapkannya (UU 25/2009 Pasal 31). Bila "
                "standar Anda menyebutnya, tambahkan dasar_hukum: di bawah biaya:; bila tidak, biarkan.")
    if k.pengaduan is not None:
        _check_saluran(ld, path, k.pengaduan.saluran, base + ("pengaduan", "saluran"))
    for alur in m.varian_prosedur(k.prosedur):
        pbase = base + ("prosedur",) + alur.kunci
        for i, lk in enumerate(alur.langkah):
            if lk.waktu is not None and lk.waktu.hanya_teks():
                ld.warn(path, pbase + (i, "waktu"), "durasi-tanpa-angka",
                        "Waktu langkah ini tidak memuat angka. Bila standar menyebutnya, tulis misalnya \"15 menit\".")
            elif lk.waktu is not None and lk.waktu.hari_tanpa_jenis():
                ld.warn(path, pbase + (i, "waktu"), "hari-tanpa-jenis", _HARI)


def _check_unit(ld: _Loader, path: Path, u: m.Unit) -> None:
    if u.bawaan is not None:
        _check_komponen(ld, path, u.bawaan, ("bawaan",))
    _check_saluran(ld, path, u.kontak, ("kontak",))
    if u.maklumat is not None and u.maklumat.tanggal is None:
        ld.warn(path, ("maklumat",), "maklumat-tanpa-tanggal",
                "Maklumat pelayanan tidak menyebut tanggal penandatanganan. Bila maklumat yang ditandatangani "
                "menyebutnya, tambahkan tanggal:.", CATATAN)
    _check_penetapan(ld, path, u.penetapan, ("penetapan",))
    _check_skm(ld, path, u.skm)


def _check_skm(ld: _Loader, path: Path, skm: Optional[m.Skm]) -> None:
    """Survey results that do not add up (a galat: the index would be wrong), an index printed
    in the report that differs from the one its elements give, elements or periods missing or
    written twice (peringatan: the report is what it is)."""
    if skm is None:
        return
    dilihat: dict[tuple[int, str], int] = {}
    for i, h in enumerate(skm.hasil):
        loc = ("skm", "hasil", i)
        kunci = (h.tahun, (h.periode or "").strip().lower())
        if kunci in dilihat:
            ld.warn(path, loc + ("tahun",), "skm-periode-ganda",
                    f"Hasil SKM {h.label_periode} tertulis dua kali (juga butir ke-{dilihat[kunci] + 1}). Hapus salah "
                    "satunya, atau bedakan periodenya (periode: Semester I, Semester II).")
        dilihat.setdefault(kunci, i)
        for kode, v in h.unsur.items():
            if isinstance(v, dict) and sum(v.values()) != h.responden:
                ld.warn(path, loc + ("unsur", kode), "skm-jumlah-jawaban",
                        f"Jumlah jawaban unsur {kode} adalah {sum(v.values())}, padahal responden {h.responden}. "
                        "Setiap responden menjawab setiap unsur: periksa angka jawaban dan responden di laporan SKM.",
                        GALAT)
        kurang = [k for k in m.UNSUR_SKM if k not in h.unsur]
        if kurang:
            ld.warn(path, loc + ("unsur",), "skm-unsur-kurang",
                    f"Hasil SKM {h.label_periode} memuat {len(h.unsur)} dari 9 unsur (tidak ada {', '.join(kurang)}). "
                    "IKM dihitung dari unsur yang ada. Bila laporan memuat unsur itu, tambahkan.")
        if h.ikm is not None:
            try:
                tertulis = m.ikm_bulat(m.angka(h.ikm))
            except ValueError:
                ld.warn(path, loc + ("ikm",), "skm-ikm-tidak-terbaca",
                        f"IKM '{h.ikm}' tidak dapat dibaca sebagai angka. Tulis seperti di laporan, misalnya 84,52.")
                continue
            hitung = m.ikm_bulat(h.nilai_ikm())
            if abs(tertulis - hitung) > m.Decimal("0.01"):
                ld.warn(path, loc + ("ikm",), "skm-ikm-beda",
                        f"IKM tertulis {m.fmt_desimal(tertulis)}, sedangkan hitungan dari nilai unsurnya (Permenpan "
                        f"RB 14/2017: rata-rata unsur x 25) {m.fmt_desimal(hitung)}. Periksa angka unsur di laporan. "
                        "Laporan yang membulatkan bobot menjadi 0,111 atau 0,11 mendapat angka sedikit lebih kecil; "
                        "situs menampilkan hasil hitungan.")


def _check_penetapan(ld: _Loader, path: Path, p: Optional[m.Penetapan], loc: tuple) -> None:
    if p is None:
        return
    kurang = [x for x, v in (("nomor", p.nomor), ("tanggal", p.tanggal or p.tahun), ("pejabat", p.nama_pejabat()))
              if not v]
    if kurang:
        ld.warn(path, loc, "penetapan-tidak-lengkap",
                f"Keputusan penetapan tidak menyebut {', '.join(kurang)}. Permenpan RB 15/2014 meminta standar "
                "ditetapkan dengan keputusan yang jelas; bila keputusan Anda memuatnya, tambahkan.", CATATAN)


def _check_service(ld: _Loader, path: Path, s: m.Layanan, origin: dict[str, str], rusak: set[str]) -> None:
    """``rusak``: keys whose errors were already reported (the model holds the rest)."""
    _check_skm(ld, path, s.skm)
    for comp in m.KOMPONEN_PUBLIK:
        if getattr(s, comp) is None and comp not in rusak:
            ld.warn(
                path, (), "komponen-publik-tidak-ada",
                f"Standar ini tidak memuat komponen '{comp}' ({m.LABEL_KOMPONEN[comp]}), yang menurut Permenpan RB "
                f"15/2014 wajib diumumkan kepada publik. Halaman dan poster menampilkan \"{m.TIDAK_DICANTUMKAN}\". "
                f"Bila keputusan Anda memuatnya, salin di bawah {comp}: (atau di bawaan: unitnya).",
                CATATAN,
            )
    for comp in m.KOMPONEN_INTERNAL:
        if getattr(s, comp) is None and comp not in rusak:
            ld.warn(
                path, (), "komponen-internal-tidak-ada",
                f"Standar ini tidak memuat komponen '{comp}' ({m.LABEL_KOMPONEN[comp]}). Komponen ini tidak wajib "
                "diumumkan tetapi diperiksa penilai; bila keputusan Anda memuatnya, tulis di berkas ini atau di "
                "bawaan: unitnya.",
                CATATAN,
            )
    if s.status == m.Status.berlaku and s.penetapan is None:
        ld.warn(
            path, ("status",), "penetapan-tidak-ada",
            "Standar berstatus berlaku tetapi keputusan penetapannya tidak disebut. Permenpan RB 15/2014 meminta "
            "standar ditetapkan dengan keputusan; bila keputusan itu ada, tambahkan penetapan: (nomor, tanggal, "
            "pejabat, sejauh diketahui) di berkas ini atau di _unit.yaml.",
            CATATAN,
        )
    if not s.ringkasan and "ringkasan" not in rusak:
        ld.warn(path, ("nama",), "tanpa-ringkasan",
                "Layanan ini belum memiliki ringkasan:, satu kalimat untuk warga (tampil di hasil pencarian dan "
                "daftar layanan). Dianjurkan, tidak wajib.")
    if not s.kategori and "kategori" not in rusak:
        ld.warn(path, ("nama",), "tanpa-kategori",
                "Layanan ini belum memiliki kategori: (misalnya Kependudukan), sehingga tidak tampil di daftar "
                "kategori. Dianjurkan, tidak wajib.")
    own = {c: getattr(s, c) for c in m.KOMPONEN if origin.get(c) == "layanan"}
    _check_komponen(ld, path, m.Komponen.model_construct(**own), ())
    if s.pengaduan is not None and not ld.bersama_tak_terbaca:
        if not s.pengaduan.punya_lapor():
            ld.warn(
                path, ("pengaduan", "saluran") if origin.get("pengaduan") == "layanan" else (),
                "tanpa-sp4n-lapor",
                "Tidak ada saluran SP4N-LAPOR! (jenis: sp4n_lapor, nilai: https://www.lapor.go.id). Setiap instansi "
                "diharapkan terhubung dengan SP4N-LAPOR!; tambahkan di saluran_bersama _instansi.yaml atau di "
                "saluran pengaduan.",
                CATATAN,
            )
        if not s.pengaduan.saluran:
            ld.warn(path, ("pengaduan",) if origin.get("pengaduan") == "layanan" else (), "pengaduan-tanpa-saluran",
                    "Penanganan pengaduan tidak menyebut saluran (telepon, e-mail, kotak saran, SP4N-LAPOR!). "
                    "Warga perlu tahu ke mana mengadu; bila standar Anda menyebutnya, tambahkan saluran:.", CATATAN)
    if s.peninjauan and s.peninjauan.berikutnya and s.peninjauan.berikutnya < ld.today:
        ld.warn(
            path, ("peninjauan", "berikutnya"), "peninjauan-lewat",
            f"Tanggal peninjauan berikutnya ({s.peninjauan.berikutnya.isoformat()}) sudah lewat. Lakukan "
            "evaluasi standar, lalu perbarui peninjauan: terakhir: dan berikutnya:.",
        )
    kp = s.konsultasi_publik
    if s.status == m.Status.rancangan and kp is not None and kp.batas is not None and kp.batas < ld.today:
        ld.warn(
            path, ("konsultasi_publik", "batas"), "konsultasi-lewat",
            f"Masa masukan publik atas rancangan ini berakhir {m.tanggal_id(kp.batas)}. Tetapkan standarnya "
            "(status: berlaku, penetapan:, dan fkp: dengan masukan yang diterima) atau perpanjang batas:.",
        )
    if s.status == m.Status.rancangan and s.konsultasi_publik is None:
        ld.warn(
            path, ("status",), "rancangan-tanpa-konsultasi",
            "Rancangan standar perlu menjelaskan cara warga memberi masukan. Tambahkan konsultasi_publik: "
            "dengan cara: dan batas:.",
        )
    if s.prosedur is not None and origin.get("prosedur") == "layanan":
        batas = s.jangka_waktu.detik_maks() if s.jangka_waktu is not None else None
        for alur in m.varian_prosedur(s.prosedur):
            waktu = [lk.waktu for lk in alur.langkah if lk.waktu is not None]
            if batas is None or any(w.detik_maks() is None for w in waktu):
                continue
            total = sum(w.detik_maks() for w in waktu)
            if total > batas * 1.0001:
                label = alur.label
                ld.warn(
                    path, ("jangka_waktu",), "waktu-langkah-melebihi",
                    f"Jumlah waktu langkah-langkah prosedur{(' ' + label.lower()) if label else ''} "
                    f"({_fmt_detik(total)}) melebihi jangka waktu layanan ({s.jangka_waktu.teks_ringkas()}). "
                    "Periksa kembali waktu tiap langkah atau jangka waktunya (1 hari kerja dihitung 8 jam).",
                )


def _fmt_detik(d: float) -> str:
    if d >= 8 * 3600:
        return f"{d / (8 * 3600):g} hari kerja".replace(".", ",")
    if d >= 3600:
        return f"{d / 3600:g} jam".replace(".", ",")
    if d >= 60:
        return f"{d / 60:g} menit".replace(".", ",")
    return f"{d:g} detik"


def validate_paths(paths: Iterable[Path | str], today: Optional[dt.date] = None) -> list[Finding]:
    """Findings for the given files/folders, each checked within its standards tree."""
    paths = [Path(p) for p in paths]
    out: list[Finding] = []
    by_root: dict[Path, list[Path]] = {}
    for p in paths:
        if not (os.path.exists(p) or os.path.islink(p)):
            out.append(Finding(str(p), 1, 1, "", GALAT, "berkas-tidak-ada", "Berkas atau folder ini tidak ada."))
            continue
        root = find_root(p)
        w = _in_tree(p)
        by_root.setdefault(root, []).append(root if os.path.realpath(w) == str(root) else w)
    for root, wanted in by_root.items():
        cat = load_catalog(root, today, keep=False)
        for f in cat.findings:
            fp = Path(os.path.abspath(f.file))  # findings name paths in the tree: no link is followed
            if any(fp == w or w in fp.parents for w in wanted):
                out.append(f)
    return sort_findings(out)
