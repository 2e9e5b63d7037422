"""Render the site's pages from the catalog with Jinja (templates in site_theme/pages/).

Autoescaping is on for every template: text from YAML is always shown as text.
Every URL built from a file or folder name is quoted (the catalog also refuses names
that are not lower-case letters, digits and single hyphens).
Links that come from YAML pass through :func:`tautan_aman` and are dropped (the
value is shown as text) unless they are http(s), tel:, sms: or mailto:.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, TextIO
from urllib.parse import quote

import jinja2
from markupsafe import escape

from .. import export, kepatuhan, sippn
from .. import model as m
from ..html import baris
from ..catalog import UNIT_FILE, Catalog, Service, UnitNode, jadwal_tinjau, slugify  # slugify: the category page address
from ..jinjacache import BYTECODE
from ..riwayat import TERBARU, Riwayat, Versi
from ..schema import SCHEMAS, schema_text
from .. import tampilan
from . import grafik, guide, umpan
from .diagram import svg_alur
from .search import BOOST_PENGADUAN, kata_kunci
from .urls import rel
from ..tema import HALAMAN

TEMA = HALAMAN


@dataclass
class Opsi:
    """What the site needs besides the catalog."""

    site_url: str = ""  # absolute URL of the site root, for JSON/JSON-LD/CSV
    nama_situs: str = "Standar Pelayanan"
    cetak: bool = False  # link the printed posters and handbook
    # Printed files (paths under cetak/) that do not exist: "menyusul" (being made in the
    # background, mkdocs serve) or "gagal" (cannot be made: a poster that does not fit).
    # A page never links them.
    cetak_tidak_ada: dict[str, str] = field(default_factory=dict)
    layanan_utama: list[str] = field(default_factory=list)  # slugs shown first on the home page
    edit_dasar: Optional[str] = None  # URL prefix of the YAML files in the repository ("…/edit/main/standards/")
    tema: Path = TEMA
    # The public history from git (generator.riwayat); None: no history (no git), and the
    # "Perubahan terbaru" page says so.
    riwayat: Optional[Riwayat] = None


@dataclass
class Halaman:
    """One generated page.

    The body HTML is kept zlib-compressed (``html`` reads and writes it as text): a
    site holds every page at once, and 5,000 services are ~90 MB of HTML, stored two
    bytes per character as soon as a page contains an en dash.
    """

    src: str  # path in the (virtual) docs tree, "layanan/akta.md"
    url: str  # site-relative directory URL, "layanan/akta/"
    judul: str  # plain text title
    _html: bytes  # the page body, <h1> included (compressed; use .html)
    toc: list[dict[str, Any]]  # markdown-style toc tokens (level, id, name (escaped html), children)
    deskripsi: str  # plain text summary (meta description)
    di_navigasi: bool = False  # listing page in the site menu; service/unit pages never are
    cari: Optional[dict[str, Any]] = None  # our own compact search entry, or None (not searchable)
    jsonld: Optional[str] = None  # schema.org JSON-LD, safe to place inside <script>
    edit_url: Optional[str] = None
    jenis: str = "halaman"  # layanan | unit | daftar

    @property
    def html(self) -> str:
        return zlib.decompress(self._html).decode("utf-8")

    @html.setter
    def html(self, value: str) -> None:
        self._html = zlib.compress(value.encode("utf-8"), 1)


@dataclass
class Berkas:
    path: str  # site-relative file path, "standar.json"
    tulis: Callable[[TextIO], None]  # writes the content into a text file


def _teks(t: str) -> Callable[[TextIO], None]:
    return lambda fp: fp.write(t)


@dataclass
class Situs:
    halaman: list[Halaman]
    _berkas: Callable[[], Iterator[Berkas]]

    def entri_cari(self) -> list[dict[str, Any]]:
        return [h.cari for h in self.halaman if h.cari]

    def berkas(self) -> Iterator[Berkas]:
        """The data files, made one at a time (a big catalogue's JSON need not sit in memory)."""
        return self._berkas()


# ----------------------------------------------------------------------------------------
# Helpers exposed to templates
# ----------------------------------------------------------------------------------------


#: Words that open a service's name without saying what it is about ("Penerbitan Akta
#: Kelahiran" is about the akta): the A–Z index files a name under the word after them.
KATA_UMUM = frozenset("""
    pelayanan layanan penerbitan permohonan pengurusan pembuatan pemberian pengajuan
    pendaftaran penyelenggaraan pelaksanaan penanganan pengelolaan penyediaan penayangan
    penggantian perpanjangan perubahan pencetakan penerimaan
""".split())


def kata_abjad(nama: str) -> str:
    """The part of a name the A–Z index files it under: "Penerbitan Akta Kelahiran" ->
    "Akta Kelahiran". The whole name when every word is a generic one."""
    kata = nama.split()
    i = 0
    while i < len(kata) - 1 and kata[i].lower().strip(".,:;()") in KATA_UMUM:
        i += 1
    return " ".join(kata[i:])


def huruf_awal(nama: str) -> str:
    for ch in unicodedata.normalize("NFKD", nama).upper():
        if ch.isalpha():
            return ch
        if ch.isdigit():
            return "0–9"
    return "#"


_H = re.compile(r'<h([12])\s+id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def toc_dari(html: str) -> list[dict[str, Any]]:
    """Table of contents from our own output: the <h1> with its <h2> children."""
    akar: list[dict[str, Any]] = []
    for level, ident, inner in _H.findall(html):
        nama = _TAG.sub("", inner).strip()  # still HTML-escaped text
        tok = {"level": int(level), "id": ident, "name": nama, "children": []}
        if level == "1" or not akar:
            akar.append(tok)
        else:
            akar[-1]["children"].append(tok)
    return akar


class _Render:
    def __init__(self, cat: Catalog, opsi: Opsi):
        self.cat = cat
        self.opsi = opsi
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(opsi.tema)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            bytecode_cache=BYTECODE,  # mkdocs serve: compiled once per process, not per rebuild
        )
        # Templates lay out the views of generator.tampilan; they get no model and no type tests.
        self.env.filters.update(baris=baris, tanggal=m.tanggal_id, jeda=tampilan.jeda)
        self.env.globals.update(
            LABEL_STATUS_PENDEK=tampilan.LABEL_STATUS_PENDEK,
            JUDUL_PENGADUAN=tampilan.JUDUL_PENGADUAN,
            instansi=cat.instansi,
            nama_situs=opsi.nama_situs,
            cetak=opsi.cetak,
            diagram=diagram,
            grafik=grafik,
        )
        self._tpl: dict[str, jinja2.Template] = {}
        self.kepatuhan: dict[str, Any] = {}  # unit id -> kepatuhan.HasilUnit

    def tpl(self, name: str) -> jinja2.Template:
        t = self._tpl.get(name)
        if t is None:
            t = self._tpl[name] = self.env.get_template(name)
        return t

    def render(self, name: str, url: str, **ctx: Any) -> str:
        def u(target: str) -> str:
            return rel(target, url)

        html = self.tpl(name).render(u=u, halaman_url=url, **ctx)
        # Collapse the blank lines Jinja leaves between blocks; pages stay small.
        return re.sub(r"\n\s*\n+", "\n", html)

    # Printed forms: the names come from generator.printing.paths (the printer's layout).
    # A file that does not exist is never linked: "menyusul" says it is being made.
    def _cetak(self, berkas: dict[str, Optional[str]]) -> dict[str, Any]:
        tidak = self.opsi.cetak_tidak_ada
        out: dict[str, Any] = {k: ("cetak/" + quote(rel) if rel and rel not in tidak else None)
                               for k, rel in berkas.items()}
        out["menyusul"] = any(tidak.get(rel) == "menyusul" for rel in berkas.values() if rel)
        return out

    def cetak_unit(self, unit: UnitNode) -> dict[str, Any]:
        from ..printing import paths as p

        mk = p.has_maklumat(unit)
        return self._cetak({
            "maklumat_a3": p.maklumat_path(unit, "a3") if mk else None,
            "maklumat_a4": p.maklumat_path(unit, "a4") if mk else None,
            "buku": p.handbook_path(unit),
        })

    def cetak_layanan(self, svc: Service) -> dict[str, Any]:
        from ..printing import paths as p

        out = self._cetak({
            **{s: p.poster_path(svc, s) for s in p.SIZES},
            "buku": p.handbook_path(svc.unit),
        })
        # A poster that cannot be made (too long for one page): the handbook has it all.
        out["tanpa_poster"] = any(self.opsi.cetak_tidak_ada.get(p.poster_path(svc, s)) == "gagal"
                                  for s in p.SIZES)
        return out

    def ringkas_layanan(self, s: Service) -> dict[str, Any]:
        d = s.data
        ik = tampilan.ikhtisar(d)
        return {
            "url": s.url,
            "nama": d.nama,
            "ringkasan": tampilan.ringkasan(d, [s.unit.data]),
            "unit": s.unit.data.nama,
            "unit_url": s.unit.url,
            "status": d.status,
            "kategori": d.kategori,
            "biaya": ik.biaya,
            "waktu": ik.jangka_waktu,
        }


# ----------------------------------------------------------------------------------------
# Pages
# ----------------------------------------------------------------------------------------


def _pack(html: str) -> bytes:
    return zlib.compress(html.encode("utf-8"), 1)


def _halaman(r: _Render, src: str, url: str, judul: str, tpl: str, deskripsi: str, **ctx: Any) -> Halaman:
    html = r.render(tpl, url, judul=judul, **ctx)
    return Halaman(src=src, url=url, judul=judul, _html=_pack(html), toc=toc_dari(html), deskripsi=deskripsi)


def diagram(a: tampilan.Alur, ident: str) -> Any:
    """The flow diagram (SVG) of one list of steps."""
    return svg_alur(a.model.langkah, "Diagram alur prosedur" + (f" {a.judul}" if a.judul else ""), ident)


def di_ringkasan(v: tampilan.Layanan) -> set[str]:
    """The components the page's summary says in full (time, cost, product with nothing
    more to them, under our own label): they get no section of their own, which would
    repeat the summary word for word (a phone screen saved per component). A component
    with more (a tariff table, a note, the unit's own label) or none at all keeps its section."""
    K = v.komponen  # noqa: N806
    out = set()
    for kunci, cukup in (
        ("jangka_waktu", lambda j: not j.keterangan),
        ("biaya", lambda b: not b.ada_rincian),
        ("produk", lambda ps: not any(p.keterangan for p in ps)),
    ):
        c = K[kunci]
        if c.isi and not c.label_asli and cukup(c.isi):
            out.add(kunci)
    return out


#: The staff guide lists the standards whose review falls due within this many days.
TINJAU_HARI = 90


@dataclass
class Tinjau:
    """A standard the staff guide lists under "Perlu ditinjau"."""

    svc: Service
    jatuh: str  # the due date, in words
    lewat: bool  # already past
    dasar: str  # what the date comes from


def perlu_ditinjau(cat: Catalog, hari: int = TINJAU_HARI) -> list[Tinjau]:
    """Standards in force due for review by ``hari`` days from the catalogue's date,
    soonest first (the same rule as the peninjauan-lewat warning)."""
    out = []
    for svc in cat.services:
        j = jadwal_tinjau(svc.data, svc.unit)
        if j is None or j.jatuh > cat.today + dt.timedelta(days=hari):
            continue
        dasar = {
            "peninjauan.berikutnya": "tanggal peninjauan berikutnya yang ditulis",
            "peninjauan.terakhir": f"ditinjau {m.tanggal_id(j.dasar)}, setiap {j.bulan} bulan",
            "penetapan.tanggal": f"ditetapkan {m.tanggal_id(j.dasar)}, setiap {j.bulan} bulan",
            "penetapan.tahun": f"ditetapkan tahun {j.dasar.year}, setiap {j.bulan} bulan",
        }[j.kunci]
        out.append((j.jatuh, svc.data.nama, Tinjau(svc, m.tanggal_id(j.jatuh), j.jatuh < cat.today, dasar)))
    return [t for _j, _n, t in sorted(out, key=lambda x: (x[0], x[1]))]


#: A service page shows this many history entries; the older ones are folded, up to
#: RIWAYAT_MAKS in all (a unit file changed every day would otherwise grow every page without end).
RIWAYAT_TERBUKA = 5
RIWAYAT_MAKS = 50


@dataclass
class KelompokPerubahan:
    """Services one commit changed in the same way (a unit's change reaches all its services)."""

    layanan: list[tuple[str, str, Optional[str]]]  # (name, unit name, page URL or None when gone)
    jenis: str
    kalimat: list[str]
    penetapan: Optional[str]


def kelompok_perubahan(v: Versi, per_berkas: dict[str, Service]) -> list[KelompokPerubahan]:
    """The entries of one commit, those with the same sentences together, in name order
    (``per_berkas``: today's services by file, for the links)."""
    out: dict[tuple[Any, ...], KelompokPerubahan] = {}
    for e in v.entri:
        kunci = (e.jenis, tuple(e.kalimat), e.penetapan)
        svc = per_berkas.get(e.kini) if e.kini else None
        k = out.setdefault(kunci, KelompokPerubahan([], e.jenis, e.kalimat, e.penetapan))
        k.layanan.append((e.nama, e.unit, svc.url if svc else None))
    return list(out.values())


def _skm_layanan(svc: Service) -> dict[str, Any]:
    """The survey on a service page: its own results and link; else its unit's link and latest index."""
    chain = svc.unit.chain()
    tautan_unit = tampilan.tautan_skm([u.data for u in chain])
    sendiri = tampilan.skm(svc.own.skm, tautan_unit)
    unit_hasil = next((u for u in chain if u.data.skm and u.data.skm.hasil), None)
    terakhir = tampilan.periode_skm(unit_hasil.data.skm.urut()[-1]) if unit_hasil else None
    return {
        "skm": sendiri,
        "skm_tautan": sendiri.tautan if sendiri else None,
        "skm_unit": (unit_hasil, terakhir) if unit_hasil else None,
    }


def tampilan_layanan(svc: Service) -> tampilan.Layanan:
    return tampilan.layanan(svc.data, [u.data for u in svc.unit.chain()], svc.slug, svc.origin)


def _layanan(r: _Render, svc: Service) -> Halaman:
    d = svc.data
    url = svc.url
    unit = svc.unit
    v = tampilan_layanan(svc)
    riwayat = r.opsi.riwayat.layanan(svc.rel_path) if r.opsi.riwayat else []
    produk = [p.nama for p in v.komponen["produk"].isi or []]
    html = r.render(
        "layanan.html.j2",
        url,
        v=v,
        unit=unit,
        nama_opd=unit.top.data.nama,
        jejak=[("Beranda", ""), ("Layanan", "layanan/")]
        + [(x.data.nama, x.url) for x in reversed(unit.chain())]
        + [(d.nama, None)],
        produk_kalimat=m.daftar_kalimat(produk, "dan"),
        di_ringkasan=di_ringkasan(v),
        json_url=f"layanan/{quote(svc.slug)}.json",
        url_lengkap=export.absolute(r.opsi.site_url, svc.url) if r.opsi.site_url else "",
        berkas_cetak=r.cetak_layanan(svc) if r.opsi.cetak else None,
        riwayat=riwayat[:RIWAYAT_MAKS],
        riwayat_lebih=max(0, len(riwayat) - RIWAYAT_MAKS),
        riwayat_terlipat=RIWAYAT_TERBUKA,
        **_skm_layanan(svc),
    )
    teks_tampil = v.ringkasan_tampil
    if not v.berlaku:
        teks_tampil = f"{v.label_status_pendek}. {teks_tampil}"
    # Material's search UI inserts title and text as HTML (like its own index,
    # which holds escaped text): escape them.
    cari = {
        "location": url,
        "title": str(escape(d.nama)),
        "text": str(escape(teks_tampil)),
        "kata": kata_kunci(
            d.nama,
            [teks_tampil],
            [d.ringkasan or "", d.kategori or "", *produk, unit.data.nama, unit.data.singkatan or "", unit.top.data.nama],
            list(d.sinonim or []),
        ),
    }
    return Halaman(
        src=f"layanan/{svc.slug}.md",
        url=url,
        judul=d.nama,
        _html=_pack(html),
        toc=toc_dari(html),
        deskripsi=v.ringkasan_tampil,
        cari=cari,
        jsonld=export.jsonld_html(svc, r.cat, r.opsi.site_url),
        edit_url=(r.opsi.edit_dasar + quote(svc.rel_path)) if r.opsi.edit_dasar else None,
        jenis="layanan",
    )


def _per_bidang(unit: UnitNode) -> list[tuple[UnitNode, list[Service]]]:
    """The unit's own services, then each bidang's (recursively), each group sorted by name."""
    out = []
    if unit.services:
        out.append((unit, sorted(unit.services, key=lambda s: s.data.nama.lower())))
    for c in unit.children:
        out.extend(_per_bidang(c))
    return out


def _bawaan(unit: UnitNode, komp: str) -> Any:
    """A component the unit's services inherit (from this unit or one above it)."""
    return m.bawaan_unit([u.data for u in unit.chain()], komp)[0]


def _unit(r: _Render, unit: UnitNode) -> Halaman:
    url = unit.url
    pengaduan = _bawaan(unit, "pengaduan")
    maklumat_unit = next((u for u in unit.chain() if u.data.maklumat), None)
    html = r.render(
        "unit.html.j2",
        url,
        unit=unit,
        ud=unit.data,
        uv=tampilan.unit([u.data for u in unit.chain()]),
        jejak=[("Beranda", ""), ("Unit layanan", "unit/")]
        + [(x.data.nama, x.url) for x in reversed(unit.chain()[1:])]
        + [(unit.data.nama, None)],
        sarana_rentan=tampilan.sarana_rentan(_bawaan(unit, "sarana_prasarana")),
        maklumat_unit=maklumat_unit,
        maklumat=tampilan.maklumat(maklumat_unit.data.maklumat) if maklumat_unit else None,
        pengaduan=tampilan.pengaduan(pengaduan) if pengaduan else None,
        kelompok=[(u, [r.ringkas_layanan(s) for s in ss]) for u, ss in _per_bidang(unit)],
        berkas_cetak=r.cetak_unit(unit) if r.opsi.cetak else None,
        skm=tampilan.skm(unit.data.skm, tampilan.tautan_skm([u.data for u in unit.chain()[1:]])),
        sippn_url=f"unit/{quote(unit.id)}/sippn.csv" if unit.all_services() else None,
        kepatuhan_skor=kepatuhan.fmt_skor(r.kepatuhan[unit.id].skor) if unit.id in r.kepatuhan else None,
    )
    nama = unit.data.nama
    deskripsi = f"Profil, maklumat, dan standar pelayanan {nama}."
    cari = {
        "location": url,
        "title": str(escape(nama)),
        "text": str(escape(deskripsi)),
        "kata": kata_kunci(nama, [deskripsi], [unit.data.singkatan or "", unit.data.moto or ""], [unit.data.singkatan or ""]),
    }
    return Halaman(
        src=f"unit/{unit.id}.md", url=url, judul=nama, _html=_pack(html), toc=toc_dari(html), deskripsi=deskripsi,
        cari=cari, jenis="unit",
        edit_url=(r.opsi.edit_dasar + quote(f"{unit.id}/{UNIT_FILE}")) if r.opsi.edit_dasar else None,
    )


def bangun(cat: Catalog, opsi: Opsi) -> Situs:
    """Every generated page and data file of the site."""
    r = _Render(cat, opsi)
    # The compliance self-check of every unit (its page, and a line on the unit's page).
    poster = None
    if opsi.cetak:
        from ..printing import paths as pp

        poster = {x.slug: opsi.cetak_tidak_ada.get(pp.poster_path(x, "a3")) != "gagal" for x in cat.services}
    r.kepatuhan = {h.id: h for h in kepatuhan.periksa(cat, None, poster)}
    halaman: list[Halaman] = []
    slugs = {s.slug for s in cat.services}
    ins = cat.instansi
    nama_instansi = ins.nama if ins else opsi.nama_situs

    for svc in cat.services:
        halaman.append(_layanan(r, svc))
    for unit in cat.all_units():
        halaman.append(_unit(r, unit))

    ringkas = [r.ringkas_layanan(s) for s in cat.services]
    per_kategori: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in ringkas:
        if x["kategori"]:
            per_kategori[x["kategori"]].append(x)
    kategori = [
        {"nama": k, "slug": slugify(k), "url": f"kategori/{slugify(k)}/", "layanan": v}
        for k, v in sorted(per_kategori.items(), key=lambda kv: kv[0].lower())
    ]
    utama = [r.ringkas_layanan(cat.service(s)) for s in opsi.layanan_utama if s in slugs]

    # Home.
    halaman.append(
        _halaman(
            r, "index.md", "", "Beranda", "beranda.html.j2",
            f"Standar pelayanan publik {nama_instansi}: persyaratan, prosedur, waktu, biaya, dan cara mengadu.",
            units=cat.units, utama=utama, kategori=kategori, jumlah=len(cat.services),
            jumlah_rancangan=sum(1 for s in cat.services if s.data.status == m.Status.rancangan),
            saluran_bersama=tampilan.daftar_saluran(ins.saluran_bersama if ins else []),
        )
    )
    # A–Z.
    # By the key word of the name (Akta Kelahiran under A), the full name shown.
    per_huruf: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in sorted(ringkas, key=lambda x: kata_abjad(x["nama"]).lower()):
        per_huruf[huruf_awal(kata_abjad(x["nama"]))].append(x)
    halaman.append(
        _halaman(
            r, "layanan/index.md", "layanan/", "Layanan A–Z", "az.html.j2",
            f"Semua {len(ringkas)} standar pelayanan menurut abjad.",
            huruf=sorted(per_huruf.items()), jumlah=len(ringkas),
        )
    )
    # Categories: an index and one page per category.
    halaman.append(
        _halaman(
            r, "kategori/index.md", "kategori/", "Layanan per kategori", "kategori.html.j2",
            "Standar pelayanan dikelompokkan menurut kategori.", kategori=kategori,
        )
    )
    for k in kategori:
        halaman.append(
            _halaman(
                r, f"kategori/{k['slug']}.md", k["url"], f"Kategori: {k['nama']}", "kategori-satu.html.j2",
                f"Standar pelayanan dalam kategori {k['nama']}.", kt=k,
            )
        )
    # Units index.
    halaman.append(
        _halaman(
            r, "unit/index.md", "unit/", "Unit layanan", "unit-daftar.html.j2",
            f"Perangkat daerah dan unit yang memberikan pelayanan di {nama_instansi}.", units=cat.units,
        )
    )
    # Complaints.
    unit_pengaduan = []
    for u in cat.all_units():
        p = u.data.bawaan.pengaduan if u.data.bawaan else None
        if p:
            unit_pengaduan.append((u, tampilan.pengaduan(p)))
    halaman.append(
        _halaman(
            r, "pengaduan.md", "pengaduan/", "Pengaduan, saran, dan masukan", "pengaduan.html.j2",
            "Cara menyampaikan pengaduan, saran, dan masukan atas pelayanan publik.",
            saluran_bersama=tampilan.daftar_saluran(ins.saluran_bersama if ins else []),
            unit_pengaduan=unit_pengaduan,
        )
    )
    # The latest commits that changed what citizens see (the page and the Atom feed).
    per_berkas = {s.rel_path: s for s in cat.services}
    terbaru = [(v, kelompok_perubahan(v, per_berkas)) for v in (opsi.riwayat.terbaru() if opsi.riwayat else [])]
    # Open data.
    skema = [(f"skema/{name}", title) for name, (cls, title) in SCHEMAS.items()]

    def berkas() -> Iterator[Berkas]:
        for svc in cat.services:
            data = export.service_dict(svc, opsi.site_url)
            yield Berkas(f"layanan/{svc.slug}.json", _teks(json.dumps(data, ensure_ascii=False, indent=1) + "\n"))
        yield Berkas("standar.json", lambda fp: export.write_catalog_json(cat, opsi.site_url, fp))
        yield Berkas("standar.csv", _teks(export.catalog_csv(cat, opsi.site_url)))
        for name, (cls, title) in SCHEMAS.items():
            yield Berkas(f"skema/{name}", _teks(schema_text(cls, title)))
        yield Berkas("perubahan.xml", _teks(umpan.atom(terbaru, nama_instansi, opsi.site_url, cat.today)))
        for unit in cat.all_units():
            if unit.all_services():
                yield Berkas(f"unit/{unit.id}/sippn.csv", _teks(sippn.csv_unit(unit, opsi.site_url)))
    halaman.append(
        _halaman(
            r, "data-terbuka.md", "data-terbuka/", "Data terbuka", "data-terbuka.html.j2",
            "Seluruh standar pelayanan sebagai data terbuka: JSON, CSV, dan schema.org.",
            jumlah=len(cat.services),
            kolom_csv=export.CSV_COLUMNS, skema=skema, contoh=cat.services[0] if cat.services else None,
        )
    )
    # Staff guide.
    halaman.append(
        _halaman(
            r, "panduan-petugas.md", "panduan-petugas/", "Panduan petugas", "panduan.html.j2",
            "Cara menulis standar pelayanan: arti setiap isian beserta contohnya.",
            bagian=guide.panduan(), komponen_publik=m.KOMPONEN_PUBLIK, contoh_nyata=guide.contoh_nyata(),
            ditinjau=perlu_ditinjau(cat), tinjau_hari=TINJAU_HARI, hari_ini=m.tanggal_id(cat.today),
        )
    )
    # Drafts open for public input (Forum Konsultasi Publik, UU 25/2009 Pasal 20), soonest deadline first.
    rancangan = sorted(
        (s for s in cat.services if s.data.status == m.Status.rancangan),
        key=lambda s: ((s.data.konsultasi_publik and s.data.konsultasi_publik.batas) or dt.date.max,
                       s.data.nama.lower()))
    halaman.append(
        _halaman(
            r, "rancangan.md", "rancangan/", "Rancangan untuk masukan publik", "rancangan.html.j2",
            "Rancangan standar pelayanan yang terbuka untuk masukan warga, dengan batas waktunya.",
            rancangan=[(s, s.data.konsultasi_publik, bool(s.data.konsultasi_publik and s.data.konsultasi_publik.batas
                                                          and s.data.konsultasi_publik.batas < cat.today))
                       for s in rancangan],
            hari_ini=m.tanggal_id(cat.today),
        )
    )
    # Recent changes across units (from git), the same as in the Atom feed.
    per_tanggal: dict[dt.date, list[tuple[Versi, list[KelompokPerubahan]]]] = {}
    for v, kelompok in terbaru:
        per_tanggal.setdefault(v.tanggal, []).append((v, kelompok))
    halaman.append(
        _halaman(
            r, "perubahan.md", "perubahan/", "Perubahan terbaru", "perubahan.html.j2",
            f"Perubahan standar pelayanan {nama_instansi} yang terakhir diterbitkan, dengan tanggalnya.",
            per_tanggal=list(per_tanggal.items()), tersedia=opsi.riwayat is not None,
            jumlah=len(terbaru), batas=TERBARU,
        )
    )
    # Compliance self-check: one page per unit, and all units together.
    hasil_kepatuhan = list(r.kepatuhan.values())
    hari_ini = m.tanggal_id(cat.today)
    for h, unit in zip(hasil_kepatuhan, cat.all_units()):
        halaman.append(
            _halaman(
                r, f"unit/{unit.id}/kepatuhan.md", f"{unit.url}kepatuhan/", f"Kepatuhan standar pelayanan: {h.nama}",
                "kepatuhan-unit.html.j2", f"Daftar periksa kepatuhan standar pelayanan {h.nama}.",
                h=h, skor=kepatuhan.fmt_skor(h.skor), keterangan=kepatuhan.KETERANGAN, hari_ini=hari_ini,
                jejak=[("Beranda", ""), ("Unit layanan", "unit/")]
                + [(x.data.nama, x.url) for x in reversed(unit.chain())] + [("Kepatuhan", None)],
            )
        )
    halaman.append(
        _halaman(
            r, "kepatuhan.md", "kepatuhan/", "Kepatuhan standar pelayanan", "kepatuhan.html.j2",
            f"Pemeriksaan mandiri kepatuhan standar pelayanan setiap unit {nama_instansi}.",
            hasil=[(h, kepatuhan.fmt_skor(h.skor)) for h in hasil_kepatuhan], bobot=kepatuhan.BOBOT,
            keterangan=kepatuhan.KETERANGAN, hari_ini=hari_ini,
        )
    )
    for h in halaman:
        if h.jenis == "halaman":
            h.di_navigasi = h.src in ("index.md", "layanan/index.md", "kategori/index.md", "unit/index.md",
                                       "pengaduan.md", "perubahan.md", "kepatuhan.md", "data-terbuka.md",
                                       "panduan-petugas.md")
            h.jenis = "daftar"
    # Searchable listing pages: short entries (lists of every service would bloat the index).
    for h in halaman:
        if h.src in ("pengaduan.md", "data-terbuka.md", "panduan-petugas.md", "unit/index.md"):
            h.cari = {"location": h.url, "title": str(escape(h.judul)), "text": str(escape(h.deskripsi)),
                      "kata": kata_kunci(h.judul, [h.deskripsi], [], [])}
            if h.src == "pengaduan.md":
                h.cari["boost"] = BOOST_PENGADUAN
    return Situs(halaman, berkas)
