"""The one presentation layer: what a citizen reads, in its final words.

Every service, unit and government is turned here, once, into plain view objects:
each component's wording as published, our labels beside the unit's own, safe links,
the parts inherited from a unit, and the YAML key each part comes from. The web page,
the posters, the handbook and the exports all lay out these objects, so the same fact
reads the same on screen and on paper. Templates only lay out: they never see the
model, never test types and never compose a sentence.

The builders take model values (a resolved :class:`generator.model.Layanan` and its
unit chain), not catalog nodes, so the print workers (which receive pickled inputs)
build exactly the same views as the site.

Wording choices shared by every output:

- an optional requirement is marked :data:`TANDA_TIDAK_WAJIB`;
- alternatives read "salah satu dari A, B, atau C";
- details of a requirement, a step's time and a tariff row are short phrases, in
  reading order, never capitalised mid-sentence (a layout may capitalise with CSS).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional, Sequence

from . import model as m
from .html import tautan_aman

#: How an optional requirement is marked, on the page, the poster and in the handbook.
TANDA_TIDAK_WAJIB = "(bila ada)"

#: Short badge text per status (the long text is model.LABEL_STATUS).
LABEL_STATUS_PENDEK = {
    m.Status.berlaku: "Berlaku",
    m.Status.rancangan: "Rancangan",
    m.Status.dicabut: "Dicabut",
    m.Status.contoh: "Contoh",
}

#: Sub-headings of the complaint component, the same in every output.
JUDUL_PENGADUAN = {
    "kriteria": "Syarat pengaduan",
    "tata_cara": "Cara pengaduan ditangani",
    "waktu": "Waktu penyelesaian pengaduan",
    "petugas": "Pengelola pengaduan",
    "dasar_hukum": "Dasar pengelolaan pengaduan",
}


# -- small shared pieces -----------------------------------------------------------------


@dataclass(frozen=True)
class Tautan:
    """A piece of text, linked when ``href`` is set (only safe schemes: see ``tautan_aman``)."""

    teks: str
    href: Optional[str] = None


def web(v: Optional[str]) -> Optional[Tautan]:
    """An address as written, linked when it is a safe web address."""
    if not v:
        return None
    return Tautan(v, tautan_aman(m.tautan_web(v)))


@dataclass
class Butir:
    """One point of a (possibly nested) list, as written."""

    teks: str
    rincian: list["Butir"] = field(default_factory=list)


def butir(items: Any) -> list[Butir]:
    """A model ``Uraian`` (texts or ``{teks, rincian}``) as points."""
    out = []
    for x in items or []:
        if isinstance(x, str):
            out.append(Butir(x))
        else:
            out.append(Butir(x.teks, butir(x.rincian)))
    return out


@dataclass
class Saluran:
    """A complaint channel or a contact."""

    nama: str  # "SP4N-LAPOR!", "Telepon", the name as written
    jenis: str
    nilai: Optional[str]  # as written
    bagian: list[Tautan]  # the value, with a safe link on each number or address in it
    keterangan: Optional[str]
    tata_cara: list[Butir]

    @property
    def nilai_ringkas(self) -> str:
        """The value as printed on a poster: web addresses without ``https://``."""
        v = (self.nilai or "").strip()
        for pre in ("https://", "http://"):
            if v.lower().startswith(pre):
                v = v[len(pre):]
                break
        return v.rstrip("/")

    @property
    def teks(self) -> str:
        """One line: "Telepon: 0548 123456"."""
        return self.nama + (f": {self.nilai}" if self.nilai else "")


def saluran(s: m.Saluran) -> Saluran:
    return Saluran(
        nama=s.nama_tampil(),
        jenis=s.jenis.value,
        nilai=s.nilai,
        bagian=[Tautan(t, tautan_aman(h)) for t, h in s.bagian_nilai()],
        keterangan=s.keterangan,
        tata_cara=butir(s.tata_cara),
    )


def daftar_saluran(items: Any) -> list[Saluran]:
    return [saluran(s) for s in items or []]


# -- 1. Persyaratan ----------------------------------------------------------------------


@dataclass
class Syarat:
    """One requirement: its name as written and short phrases about it."""

    nama: str
    wajib: bool
    pilihan: Optional[str]  # "salah satu dari A, B, atau C"
    pilihan_ringkas: Optional[str]
    rincian: list[str]  # form, copies, stamp, legalisation, validity, where to obtain, notes
    rincian_ringkas: list[str]  # the poster's: without where to obtain and notes
    kondisi: Optional[str]
    ringkas_poster: Optional[str] = None  # the poster prints this instead of ``nama`` (never the page or handbook)

    @property
    def nama_poster(self) -> str:
        """The name as a poster prints it: the short wording when the standard gives one."""
        return self.ringkas_poster or self.nama

    @property
    def tanda(self) -> Optional[str]:
        return None if self.wajib else TANDA_TIDAK_WAJIB

    def keterangan(self, ringkas: bool = False, padat: bool = False) -> list[str]:
        """The phrases after the name, in reading order. ``ringkas``: a poster's;
        ``padat``: a compact poster's (the choices and the condition only)."""
        pilihan = self.pilihan_ringkas if ringkas else self.pilihan
        out = [pilihan] if pilihan else []
        if not padat:
            out += self.rincian_ringkas if ringkas else self.rincian
        if self.kondisi:
            out.append(self.kondisi)
        return out


def jeda(frasa: list[str]) -> list[tuple[str, str]]:
    """Phrases written one after another, each with what follows it: "; " between
    phrases, a space after one that already ends a sentence ("... kelahiran." then
    "jika ..."), nothing after the last."""
    return [(x, "" if i == len(frasa) - 1 else (" " if x[-1:] in ".;:!?" else "; ")) for i, x in enumerate(frasa)]


@dataclass
class KelompokSyarat:
    judul: str  # "" for the only, unnamed group
    keterangan: Optional[str]
    daftar: list[Syarat]


@dataclass
class Persyaratan:
    ketentuan: list[str]  # rules for the whole list
    kelompok: list[KelompokSyarat]

    @property
    def jumlah(self) -> int:
        return sum(len(k.daftar) for k in self.kelompok)


def _pilihan(p: Any, ringkas: bool) -> Optional[str]:
    if not p.salah_satu:
        return None
    items = p.pilihan(ringkas)
    if any("," in x for x in items) and len(items) > 1:
        # Alternatives that hold commas themselves are separated by semicolons.
        return "salah satu dari " + "; ".join(items[:-1]) + "; atau " + items[-1]
    return "salah satu dari " + m.daftar_kalimat(items)


def syarat(p: Any) -> Syarat:
    if isinstance(p, str):
        return Syarat(p, True, None, None, [], [], None)
    return Syarat(
        nama=p.dokumen,
        wajib=bool(p.wajib),
        pilihan=_pilihan(p, False),
        pilihan_ringkas=_pilihan(p, True),
        rincian=p.rincian(False),
        rincian_ringkas=p.rincian(True),
        kondisi=p.kondisi,
        ringkas_poster=p.ringkas_poster,
    )


def persyaratan(p: Any) -> Persyaratan:
    return Persyaratan(
        ketentuan=m.ketentuan_persyaratan(p),
        kelompok=[
            KelompokSyarat(g.kelompok or "", g.keterangan, [syarat(x) for x in g.daftar])
            for g in m.kelompok_persyaratan(p or [])
        ],
    )


# -- 2. Prosedur -------------------------------------------------------------------------


@dataclass
class Cabang:
    kalimat: str
    kalimat_ringkas: str  # posters and the flow diagram
    langkah: list["Langkah"]


@dataclass
class Langkah:
    nomor: int
    pelaksana: str  # "" when the source names nobody
    jenis: str  # pemohon | petugas | sistem | instansi lain
    uraian: str
    waktu: str  # with its note
    waktu_ringkas: str
    hasil: Optional[str]
    keterangan: Optional[str]
    rincian: list[Butir]
    cabang: list[Cabang]
    ringkas_poster: Optional[str] = None  # the poster prints this instead of ``uraian`` (never the page or handbook)

    @property
    def uraian_poster(self) -> str:
        """The step as a poster prints it: the short wording when the standard gives one."""
        return self.ringkas_poster or self.uraian

    @property
    def kelas(self) -> str:
        """A CSS class by who performs the step (the applicant's own steps stand out)."""
        return "pelaksana-" + self.jenis.replace(" ", "-")


def langkah(steps: Sequence[m.Langkah]) -> list[Langkah]:
    out = []
    for i, lk in enumerate(steps):
        nomor = i + 1
        out.append(Langkah(
            nomor=nomor,
            pelaksana=lk.nama_pelaksana(),
            jenis=lk.jenis().value,
            uraian=lk.uraian,
            waktu=lk.waktu.teks_ringkas(keterangan=True) if lk.waktu is not None else "",
            waktu_ringkas=lk.waktu.teks_ringkas(keterangan=False) if lk.waktu is not None else "",
            hasil=lk.hasil,
            keterangan=lk.keterangan,
            rincian=butir(lk.rincian),
            cabang=[Cabang(c.kalimat(nomor), c.kalimat(nomor, True), langkah(c.langkah or [])) for c in lk.cabang],
            ringkas_poster=lk.ringkas_poster,
        ))
    return out


@dataclass
class Alur:
    """One list of steps: the only one, in person, online, or a named procedure."""

    label: str  # "", "Tatap muka", "Daring", or the procedure's name
    pengantar: Optional[str]
    keterangan: Optional[str]
    langkah: list[Langkah]
    model: m.Alur  # for the flow diagram

    @property
    def judul(self) -> str:
        """The label inside a sentence ("Diagram alur tatap muka")."""
        return self.label.lower() if self.label in ("Tatap muka", "Daring") else self.label


@dataclass
class Prosedur:
    pengantar: Optional[str]  # before all lists of steps
    naskah: Optional[str]  # the procedure as published, when not split into steps
    alur: list[Alur]
    keterangan: Optional[str]

    @property
    def jumlah_langkah(self) -> int:
        return sum(len(a.langkah) for a in self.alur)

    def poster(self) -> tuple[list[Alur], bool]:
        """The lists of steps a notice-board poster shows, and whether an online
        variant was left out: the poster hangs where people are served in person, so
        with both an in-person and an online procedure it shows the in-person steps
        (unlabelled) and points to the web page for the rest."""
        tatap = next((a for a in self.alur if a.label == "Tatap muka"), None)
        daring = next((a for a in self.alur if a.label == "Daring"), None)
        if tatap is None or daring is None:
            return list(self.alur), False
        out = []
        for a in self.alur:
            if a is daring:
                continue
            out.append(Alur("", a.pengantar, a.keterangan, a.langkah, a.model) if a is tatap else a)
        return out, True


def prosedur(p: Any) -> Prosedur:
    rinci = isinstance(p, m.ProsedurRinci)
    return Prosedur(
        pengantar=p.pengantar if rinci else None,
        naskah=p.uraian if rinci else None,
        alur=[Alur(a.label, a.pengantar, a.keterangan, langkah(a.langkah), a) for a in m.varian_prosedur(p)],
        keterangan=p.keterangan if rinci else None,
    )


# -- 3. Jangka waktu ---------------------------------------------------------------------


@dataclass
class JangkaWaktu:
    teks: str  # as published (read for number and unit), first letter capital
    keterangan: Optional[str]
    hanya_teks: bool  # a wording without a number


def jangka_waktu(j: Any) -> JangkaWaktu:
    return JangkaWaktu(m.kapital(j.teks_ringkas()), j.keterangan, j.hanya_teks())


# -- 4. Biaya ----------------------------------------------------------------------------


@dataclass
class BarisTarif:
    nama: str
    harga: str  # "Rp500.000", "Gratis", "" for a heading row
    satuan: Optional[str]  # "per hari"
    keterangan: Optional[str]
    tingkat: int  # nesting depth, 0 = top row
    judul: bool  # a row that only groups the rows under it

    @property
    def biaya(self) -> str:
        return " ".join(x for x in (self.harga, self.satuan) if x)


@dataclass
class Biaya:
    teks: str  # "Gratis", "Rp50.000 per lembar", the wording as published
    gratis: bool
    tarif: list[BarisTarif]
    rincian: list[tuple[str, str]]  # (label, text): amount, formula, funding, payment, basis
    keterangan: Optional[str]

    @property
    def ada_rincian(self) -> bool:
        return bool(self.tarif or self.rincian or self.keterangan)


def baris_tarif(tarif: Any) -> list[BarisTarif]:
    """The (possibly nested) tariff table as flat rows with their depth."""
    out: list[BarisTarif] = []

    def walk(rows: list[Any], depth: int) -> None:
        for t in rows:
            harga = t.harga()
            satuan = None if harga == "Gratis" else t.satuan
            out.append(BarisTarif(t.nama, harga, satuan, t.keterangan, depth, bool(t.rincian) and not harga))
            walk(t.rincian, depth + 1)

    walk(list(tarif or []), 0)
    return out


def biaya(b: Any) -> Biaya:
    rincian = []
    if b.teks and b.jumlah is not None:
        rincian.append(("Besar biaya", m.rupiah(b.jumlah) + (f" {b.satuan}" if b.satuan else "")))
    if b.rumus:
        rincian.append(("Cara menghitung", b.rumus))
    if b.ditanggung_oleh:
        rincian.append(("Ditanggung oleh", b.ditanggung_oleh))
    if b.cara_bayar:
        rincian.append(("Cara membayar", m.daftar_kalimat(list(b.cara_bayar))))
    if b.dasar_hukum:
        rincian.append(("Dasar penetapan biaya", b.dasar_hukum))
    return Biaya(b.teks_ringkas(), b.adalah_gratis(), baris_tarif(b.tarif), rincian, b.keterangan)


# -- 5. Produk ---------------------------------------------------------------------------


@dataclass
class Produk:
    nama: str
    keterangan: Optional[str]


def produk(items: Any) -> list[Produk]:
    return [Produk(m.nama_produk(p), m.ket_produk(p) or None) for p in items or []]


# -- 6. Pengaduan ------------------------------------------------------------------------


@dataclass
class WaktuPengaduan:
    kategori: str
    waktu: str
    waktu_ringkas: str
    keterangan: Optional[str]


@dataclass
class Pengaduan:
    naskah: Optional[str]  # as published, when not split up
    saluran: list[Saluran]
    kriteria: list[Butir]
    tata_cara: list[Butir]
    waktu: list[WaktuPengaduan]
    petugas: list[str]
    dasar_hukum: list[str]
    keterangan: Optional[str]


def pengaduan(p: Any) -> Pengaduan:
    return Pengaduan(
        naskah=p.uraian,
        saluran=daftar_saluran(p.saluran),
        kriteria=butir(p.kriteria),
        tata_cara=butir(p.tata_cara),
        waktu=[WaktuPengaduan(w.kategori, m.kecil_awal(w.waktu.teks_ringkas(keterangan=True)),
                              m.kecil_awal(w.waktu.teks_ringkas(keterangan=False)), w.keterangan)
               for w in p.waktu_penyelesaian],
        petugas=[x.teks() for x in p.petugas],
        dasar_hukum=list(p.dasar_hukum or []),
        keterangan=p.keterangan,
    )


# -- 7-14. Internal components -----------------------------------------------------------


@dataclass
class Internal:
    """An internal component: lead paragraphs, then points (numbered for legal bases)."""

    paragraf: list[str]
    butir: list[Butir]
    bernomor: bool = False


def _sarana(items: Any) -> list[Butir]:
    out = []
    for s in items or []:
        if isinstance(s, str):
            out.append(Butir(s))
            continue
        t = s.nama + (f" ({s.jumlah})" if s.jumlah is not None else "")
        if s.kelompok_rentan:
            t += ", untuk " + m.daftar_kalimat([k.value for k in s.kelompok_rentan], "dan")
        if s.keterangan:
            t += f": {s.keterangan}"
        out.append(Butir(t, _sarana(s.rincian)))
    return out


def internal(komp: str, v: Any) -> Internal:
    if komp == "dasar_hukum":
        return Internal([], [Butir(m.teks_peraturan(x)) for x in v], bernomor=True)
    if komp == "sarana_prasarana":
        return Internal([], _sarana(v))
    if komp == "kompetensi_pelaksana":
        return Internal([], [Butir(x) if isinstance(x, str) else Butir(x.jabatan, butir(x.kompetensi)) for x in v])
    if komp == "jumlah_pelaksana":
        total, uraian, baris = m.rincian_pelaksana(v)
        return Internal([x for x in (f"Jumlah: {total}" if total else None, uraian) if x], [Butir(b) for b in baris])
    return Internal([], butir(v))


def sarana_rentan(daftar: Any) -> list[str]:
    """Facilities (at any depth) that serve vulnerable groups, as short phrases."""
    out: list[str] = []

    def walk(items: Any) -> None:
        for s in items or []:
            if isinstance(s, str):
                continue
            if s.kelompok_rentan:
                kel = m.daftar_kalimat([k.value for k in s.kelompok_rentan], "dan")
                jml = f" ({s.jumlah})" if s.jumlah else ""
                out.append(f"{s.nama}{jml}, untuk {kel}")
            walk(s.rincian)

    walk(daftar)
    return out


# -- the component frame -----------------------------------------------------------------


_BANGUN = {
    "persyaratan": persyaratan,
    "prosedur": prosedur,
    "jangka_waktu": jangka_waktu,
    "biaya": biaya,
    "produk": produk,
    "pengaduan": pengaduan,
}


@dataclass
class Komponen:
    """One of the 14 components: its labels, where it comes from, and its content."""

    kunci: str  # the YAML key, "persyaratan"
    nomor: int  # 1..14 in the order of Permenpan RB 15/2014
    label: str  # our label, "Persyaratan"
    label_asli: Optional[str]  # the unit's own label, when it has one
    kosong: Optional[str]  # "Tidak dicantumkan dalam standar" when absent, else None
    asal: Optional[str]  # the unit id it is inherited from (bawaan:), None when the service's own
    isi: Any  # Persyaratan, Prosedur, ..., Internal; None when absent

    @property
    def label_lengkap(self) -> str:
        """Our label, with the unit's own in brackets when it differs."""
        if self.label_asli and self.label_asli.strip().lower() != self.label.lower():
            return f"{self.label} ({self.label_asli.strip()})"
        return self.label


def komponen(d: m.Layanan, komp: str, asal: Optional[str] = None) -> Komponen:
    v = getattr(d, komp)
    asli = getattr(d.label_asli, komp, None) if d.label_asli else None
    if v is None:
        isi = None
    elif komp in _BANGUN:
        isi = _BANGUN[komp](v)
    else:
        isi = internal(komp, v)
    return Komponen(
        kunci=komp,
        nomor=m.KOMPONEN.index(komp) + 1,
        label=m.LABEL_KOMPONEN[komp],
        label_asli=asli,
        kosong=d.kosong(komp) if v is None else None,
        asal=asal,
        isi=isi,
    )


# -- decree, review, source ---------------------------------------------------------------


@dataclass
class Penetapan:
    """The decree, as label/value rows, and as the sentence at the foot of a poster."""

    baris: list[tuple[str, str]]
    kalimat: str
    lampiran: Optional[tuple[str, list[tuple[str, str]]]]  # handbook annex head: (title, rows)


def penetapan(p: Optional[m.Penetapan]) -> Penetapan:
    if p is None:
        return Penetapan([("Keputusan", m.TIDAK_DICANTUMKAN)],
                         "Keputusan penetapan standar ini tidak dicantumkan.", None)
    keputusan = (p.jenis or "Keputusan") + (f" Nomor {p.nomor}" if p.nomor else "") + (
        f" tentang {p.tentang}" if p.tentang else "")
    baris = [("Keputusan", keputusan)]
    if p.teks_tanggal():
        baris.append(("Tanggal penetapan", p.teks_tanggal()))
    if p.nama_pejabat():
        if p.penandatangan and (not p.pejabat or p.pejabat == p.penandatangan.jabatan):
            oleh = p.penandatangan.teks()
        else:
            oleh = p.nama_pejabat() + (f" ({p.penandatangan.teks()})" if p.penandatangan else "")
        baris.append(("Ditetapkan oleh", oleh))
    lampiran = [(k, v) for k, v in (("Nomor", p.nomor), ("Tanggal", p.teks_tanggal()), ("Tentang", p.tentang),
                                    ("Penandatangan", p.penandatangan.teks() if p.penandatangan else None)) if v]
    judul = p.jenis or ("Keputusan " + p.nama_pejabat()).strip()
    return Penetapan(baris, f"Ditetapkan dengan {p.teks(tentang=False)}.", (judul, lampiran))


def sumber(s: Optional[m.Sumber]) -> Optional[dict[str, Any]]:
    if s is None:
        return None
    return {
        "judul": s.judul,
        "url": web(s.url),
        "diakses": m.tanggal_id(s.diakses) if s.diakses else None,
        "catatan": s.catatan,
    }


# -- a service ---------------------------------------------------------------------------


@dataclass
class Layanan:
    """A service as every output shows it."""

    nama: str
    slug: str
    ringkasan: Optional[str]  # the unit's own summary
    ringkasan_tampil: str  # its own, or (real standards have none) what and where
    status: m.Status
    label_status: str
    label_status_pendek: str
    kategori: Optional[str]
    unit: list[str]  # unit names, nearest first (bidang, OPD)
    instansi_induk: Optional[str]
    tempat: Optional[str]
    jam: list[str]
    daring: Optional[Tautan]
    komponen: dict[str, Komponen]
    penetapan: Penetapan
    fkp: Optional[str]
    fkp_rinci: list[tuple[str, list[str]]]  # the FKP record's place, participants and inputs, labelled
    peninjauan: list[tuple[str, str]]
    ditinjau: Optional[str]  # the last review, in words (on the poster's footer line)
    konsultasi: Optional[str]  # how to give input on a draft
    kode_sippn: Optional[str]
    sumber: Optional[dict[str, Any]]
    pelayanan_khusus: list[str]

    @property
    def publik(self) -> list[Komponen]:
        return [self.komponen[k] for k in m.KOMPONEN_PUBLIK]

    @property
    def internal(self) -> list[Komponen]:
        return [self.komponen[k] for k in m.KOMPONEN_INTERNAL]

    @property
    def berlaku(self) -> bool:
        return self.status == m.Status.berlaku


profil = m.profil_unit


def ringkasan(d: m.Layanan, units: Sequence[m.Unit]) -> str:
    if d.ringkasan:
        return d.ringkasan
    return f"Standar pelayanan {d.nama}, {units[0].nama}." if units else d.nama


def layanan(d: m.Layanan, units: Sequence[m.Unit], slug: str = "",
            asal: Optional[dict[str, str]] = None) -> Layanan:
    """The view of a resolved service. ``units``: its unit chain, nearest first;
    ``asal``: where each component came from (the catalog's ``origin``)."""
    asal = asal or {}
    tinjau = []
    if d.peninjauan and d.peninjauan.terakhir:
        tinjau.append(("Terakhir ditinjau", m.tanggal_id(d.peninjauan.terakhir)))
    if d.peninjauan and d.peninjauan.berikutnya:
        tinjau.append(("Peninjauan berikutnya", m.tanggal_id(d.peninjauan.berikutnya)))
    kp = d.konsultasi_publik
    return Layanan(
        nama=d.nama,
        slug=slug,
        ringkasan=d.ringkasan,
        ringkasan_tampil=ringkasan(d, units),
        status=d.status,
        label_status=m.LABEL_STATUS[d.status],
        label_status_pendek=LABEL_STATUS_PENDEK[d.status],
        kategori=d.kategori,
        unit=[u.nama for u in units],
        instansi_induk=profil(units, "instansi_induk"),
        tempat=d.tempat_layanan,
        jam=m.teks_jam(d.jam_layanan),
        daring=web(d.layanan_daring),
        komponen={k: komponen(d, k, a if (a := asal.get(k)) and a != "layanan" else None) for k in m.KOMPONEN},
        penetapan=penetapan(d.penetapan),
        fkp=f"{m.tanggal_id(d.fkp.tanggal)}, berita acara {d.fkp.berita_acara}" if d.fkp else None,
        fkp_rinci=fkp_rinci(d.fkp),
        peninjauan=tinjau,
        ditinjau=m.tanggal_id(d.peninjauan.terakhir) if d.peninjauan and d.peninjauan.terakhir else None,
        konsultasi=(kp.cara + (f" (paling lambat {m.tanggal_id(kp.batas)})" if kp.batas else "")) if kp else None,
        kode_sippn=d.kode_sippn,
        sumber=sumber(d.sumber),
        pelayanan_khusus=list(profil(units, "pelayanan_khusus") or []),
    )


def fkp_rinci(f: Optional[m.Fkp]) -> list[tuple[str, list[str]]]:
    """The Forum Konsultasi Publik record beyond its date: where, who (numbers by group),
    the input received and what was done with each."""
    if f is None:
        return []
    out: list[tuple[str, list[str]]] = []
    if f.tempat:
        out.append(("Tempat forum", [f.tempat]))
    if f.peserta:
        out.append(("Peserta forum", [f"{p.kelompok}: {p.jumlah} orang" for p in f.peserta]
                    + ([f"Jumlah: {sum(p.jumlah for p in f.peserta)} orang"] if len(f.peserta) > 1 else [])))
    if f.masukan:
        out.append(("Masukan dan tindak lanjut", [
            x.masukan + (f" — {x.tindak_lanjut}" if x.tindak_lanjut else " — belum ada tindak lanjut tercatat")
            for x in f.masukan]))
    return out


# -- a unit ------------------------------------------------------------------------------


@dataclass
class Maklumat:
    paragraf: list[str]
    tempat_tanggal: Optional[str]
    jabatan: Optional[str]
    nama: Optional[str]
    pangkat: Optional[str]
    nip: Optional[str]


def maklumat(mk: Optional[m.Maklumat]) -> Optional[Maklumat]:
    if mk is None:
        return None
    p = mk.penandatangan
    tt = ", ".join(x for x in (mk.tempat, m.tanggal_id(mk.tanggal) if mk.tanggal else None) if x)
    return Maklumat(mk.paragraf(), tt or None, p.jabatan, p.nama, p.pangkat, p.nip)


@dataclass
class Unit:
    nama: str
    singkatan: Optional[str]
    instansi_induk: Optional[str]
    alamat: Optional[str]
    jam: list[str]
    kontak: list[Saluran]
    visi: Optional[str]
    misi: list[str]
    moto: Optional[str]
    pelayanan_khusus: list[str]
    maklumat: Optional[Maklumat]


def unit(units: Sequence[m.Unit]) -> Unit:
    """A unit (``units[0]``) with what it inherits from the units above it."""
    u = units[0]
    return Unit(
        nama=u.nama,
        singkatan=u.singkatan,
        instansi_induk=u.instansi_induk,
        alamat=profil(units, "alamat"),
        jam=m.teks_jam(profil(units, "jam_layanan")),
        kontak=daftar_saluran(profil(units, "kontak")),
        visi=profil(units, "visi"),
        misi=list(profil(units, "misi") or []),
        moto=profil(units, "moto"),
        pelayanan_khusus=list(profil(units, "pelayanan_khusus") or []),
        maklumat=maklumat(u.maklumat),
    )


# -- a service in one line ---------------------------------------------------------------


@dataclass
class Ikhtisar:
    """What a listing, a CSV row or a search result says of a service."""

    jangka_waktu: str  # "" when the standard has none
    biaya: str
    gratis: Optional[bool]
    produk: list[str]
    persyaratan: list[tuple[str, list[str]]]  # (group, names)
    ketentuan: list[str]
    saluran: list[str]  # "Telepon: 0548 123456"


def ikhtisar(d: m.Layanan) -> Ikhtisar:
    return Ikhtisar(
        jangka_waktu=jangka_waktu(d.jangka_waktu).teks if d.jangka_waktu else "",
        biaya=d.biaya.teks_ringkas() if d.biaya else "",
        gratis=d.biaya.adalah_gratis() if d.biaya else None,
        produk=[m.nama_produk(p) for p in d.produk or []],
        persyaratan=[(g.kelompok or "", [m.nama_persyaratan(x) for x in g.daftar])
                     for g in m.kelompok_persyaratan(d.persyaratan or [])] if d.persyaratan else [],
        ketentuan=m.ketentuan_persyaratan(d.persyaratan),
        saluran=[saluran(s).teks for s in (d.pengaduan.saluran if d.pengaduan else [])],
    )


# -- satisfaction survey (SKM) --------------------------------------------------------------


@dataclass
class UnsurSkm:
    kode: str  # "U1"
    nama: str  # "Persyaratan"
    nilai: float  # the average answer, 1–4
    teks: str  # "3,45"


@dataclass
class PeriodeSkm:
    """One survey period as the pages show it: the index computed from the elements."""

    label: str  # "Semester II 2025"
    tahun: int
    periode: Optional[str]  # "Semester II" (None: the whole year)
    responden: int
    ikm: float
    ikm_teks: str  # "86,58"
    mutu: str  # "B"
    mutu_label: str  # "Baik"
    unsur: list[UnsurSkm]
    tindak_lanjut: list[str]
    laporan: Optional[str]
    kurang: list[str]  # elements the report does not have


@dataclass
class Skm:
    tautan: Optional[Any]  # the survey's address (html.web link) or None
    periode: list[PeriodeSkm]  # oldest first

    @property
    def terakhir(self) -> Optional[PeriodeSkm]:
        return self.periode[-1] if self.periode else None


def periode_skm(h: m.HasilSkm) -> PeriodeSkm:
    x = h.nilai_ikm()
    huruf, label = m.mutu_ikm(x)
    unsur = []
    for kode, nama in m.UNSUR_SKM.items():
        if kode in h.unsur:
            n = m.nrr(h.unsur[kode])
            unsur.append(UnsurSkm(kode, nama, float(n), m.fmt_desimal(n)))
    return PeriodeSkm(
        label=h.label_periode, tahun=h.tahun, periode=h.periode, responden=h.responden, ikm=float(m.ikm_bulat(x)), ikm_teks=m.fmt_desimal(m.ikm_bulat(x)),
        mutu=huruf, mutu_label=label, unsur=unsur, tindak_lanjut=list(h.tindak_lanjut or []), laporan=h.laporan,
        kurang=[k for k in m.UNSUR_SKM if k not in h.unsur])


def skm(s: Optional[m.Skm], tautan_cadangan: Optional[str] = None) -> Optional[Skm]:
    """The survey of a unit or service: its results (oldest first) and where to fill it in
    (``tautan_cadangan``: the unit's, for a service without its own)."""
    tautan = (s.tautan if s else None) or tautan_cadangan
    hasil = s.urut() if s else []
    if not tautan and not hasil:
        return None
    return Skm(web(tautan) if tautan else None, [periode_skm(h) for h in hasil])


def tautan_skm(units: Sequence[m.Unit]) -> Optional[str]:
    """The survey address of the nearest unit of a chain that has one."""
    return next((u.skm.tautan for u in units if u.skm and u.skm.tautan), None)


# -- every text written --------------------------------------------------------------------

# Fields whose value is shown in another form (times of day as 08.00) or not at all (keys).
_BENTUK_LAIN = {"buka", "tutup", "istirahat_mulai", "istirahat_selesai", "tidak_tersedia"}


def teks_tertulis(obj: Any, nama: str = "") -> Iterator[str]:
    """Every text an editor wrote in a model, depth first (enums and numbers excluded:
    they are choices, shown in words or formatted). What an output checks so that it drops
    nothing a unit wrote."""
    from pydantic import BaseModel

    if isinstance(obj, enum.Enum) or nama in _BENTUK_LAIN:
        return
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, BaseModel):
        for k in type(obj).model_fields:
            yield from teks_tertulis(getattr(obj, k), k)
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from teks_tertulis(x, nama)
