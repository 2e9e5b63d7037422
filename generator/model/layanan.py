"""The 14 components together, the service file, and the unit and government files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from typing import Annotated, Any, Optional, Union

from pydantic import BeforeValidator, Field, create_model, model_validator
from pydantic_core import PydanticCustomError

from .biaya import BiayaMasuk, Produk
from .dasar import (
    DOMAIN_RE,
    SKEMA_RE,
    AlamatWeb,
    Dasar,
    DaftarTeks,
    Jam,
    Pejabat,
    Sumber,
    TanggalLonggar,
    Teks,
    TeksAtau,
    satu_jadi_daftar,
    tanggal_id,
)
from .durasi import DurasiMasuk
from .internal import DaftarKompetensi, DaftarSarana, DasarHukum, JumlahPelaksana, UraianInternal
from .pengaduan import PengaduanMasuk, Petugas, SaluranMasuk
from .persyaratan import DaftarPersyaratan
from .prosedur import Prosedur, varian_prosedur
from .skm import Skm

KOMPONEN_PUBLIK = ("persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan")
KOMPONEN_INTERNAL = (
    "dasar_hukum",
    "sarana_prasarana",
    "kompetensi_pelaksana",
    "pengawasan_internal",
    "jumlah_pelaksana",
    "jaminan_pelayanan",
    "jaminan_keamanan",
    "evaluasi_kinerja",
)
KOMPONEN = KOMPONEN_PUBLIK + KOMPONEN_INTERNAL

LABEL_KOMPONEN = {
    "persyaratan": "Persyaratan",
    "prosedur": "Sistem, mekanisme, dan prosedur",
    "jangka_waktu": "Jangka waktu pelayanan",
    "biaya": "Biaya/tarif",
    "produk": "Produk pelayanan",
    "pengaduan": "Penanganan pengaduan, saran, dan masukan",
    "dasar_hukum": "Dasar hukum",
    "sarana_prasarana": "Sarana, prasarana, dan/atau fasilitas",
    "kompetensi_pelaksana": "Kompetensi pelaksana",
    "pengawasan_internal": "Pengawasan internal",
    "jumlah_pelaksana": "Jumlah pelaksana",
    "jaminan_pelayanan": "Jaminan pelayanan",
    "jaminan_keamanan": "Jaminan keamanan dan keselamatan pelayanan",
    "evaluasi_kinerja": "Evaluasi kinerja pelaksana",
}

# What a component is called when the standard does not contain it.
TIDAK_DICANTUMKAN = "Tidak dicantumkan dalam standar"
# ... and when the standard has it but the copy the editor had could not be read there.
TIDAK_TERSEDIA = "Tidak tersedia dalam salinan sumber (lihat Sumber naskah)"


class Komponen(Dasar):
    """The 14 components, all optional: used for unit defaults (bawaan)."""

    persyaratan: Optional[DaftarPersyaratan] = Field(
        None,
        description=(
            "1. Persyaratan: dokumen, barang, atau syarat yang harus dipenuhi pemohon. Teks seperti tercantum, daftar, "
            "atau kelompok per jenis pemohon (kelompok: dan daftar:)."
        ),
        examples=[["KTP-el asli", {"dokumen": "Kartu Keluarga", "bentuk": "fotokopi"}]],
    )
    prosedur: Optional[Prosedur] = Field(
        None,
        description=(
            "2. Sistem, mekanisme, dan prosedur: teks seperti tercantum, atau langkah berurutan (pelaksana, uraian, "
            "waktu), tatap_muka:/daring:, atau beberapa alur: bernama."
        ),
    )
    jangka_waktu: Optional[DurasiMasuk] = Field(
        None, description="3. Jangka waktu penyelesaian, seperti tertulis, misalnya \"Paling lambat 3 hari kerja\".",
        examples=["3 hari kerja"],
    )
    biaya: Optional[BiayaMasuk] = Field(
        None, description="4. Biaya/tarif seperti tertulis (\"Gratis\", \"Sesuai tarif PNBP\"), jumlah rupiah, tabel "
        "tarif, atau rumus.", examples=["Gratis"],
    )
    produk: Optional[Produk] = Field(None, description="5. Produk pelayanan: apa yang diterima pemohon.",
                                     examples=[["KTP-el"]])
    pengaduan: Optional[PengaduanMasuk] = Field(
        None, description="6. Penanganan pengaduan, saran, dan masukan: saluran, tata cara, dan waktu penyelesaian."
    )
    dasar_hukum: Optional[DasarHukum] = Field(
        None, description="7. Dasar hukum: peraturan yang menjadi dasar layanan (jenis, nomor, tahun, tentang) atau teks."
    )
    sarana_prasarana: Optional[DaftarSarana] = Field(
        None, description="8. Sarana, prasarana, dan/atau fasilitas, termasuk fasilitas bagi kelompok rentan."
    )
    kompetensi_pelaksana: Optional[DaftarKompetensi] = Field(
        None, description="9. Kompetensi pelaksana: pengetahuan, keterampilan, dan pengalaman, boleh per jabatan."
    )
    pengawasan_internal: Optional[UraianInternal] = Field(
        None, description="10. Pengawasan internal oleh atasan langsung dan/atau pengawas internal."
    )
    jumlah_pelaksana: Optional[JumlahPelaksana] = Field(
        None, description="11. Jumlah pelaksana: seperti tertulis, atau per jabatan (jabatan: dan jumlah:)."
    )
    jaminan_pelayanan: Optional[UraianInternal] = Field(
        None, description="12. Jaminan pelayanan: jaminan bahwa pelayanan diberikan sesuai standar."
    )
    jaminan_keamanan: Optional[UraianInternal] = Field(
        None, description="13. Jaminan keamanan dan keselamatan pelayanan."
    )
    evaluasi_kinerja: Optional[UraianInternal] = Field(
        None, description="14. Evaluasi kinerja pelaksana: cara dan frekuensi evaluasi."
    )


# The unit's own names for components ("Waktu Pelayanan" for jangka_waktu), kept beside ours.
LabelAsli = create_model(
    "LabelAsli",
    __base__=Dasar,
    __doc__="Nama komponen sebagaimana tertulis dalam standar unit, bila berbeda dari nama baku.",
    **{
        k: (Optional[Teks], Field(None, description=f"Nama yang dipakai standar untuk {LABEL_KOMPONEN[k].lower()}.",
                                  examples=["Waktu Pelayanan"] if k == "jangka_waktu" else None))
        for k in KOMPONEN
    },
)


# -- Service metadata --------------------------------------------------------------------


class Status(str, enum.Enum):
    berlaku = "berlaku"
    rancangan = "rancangan"
    dicabut = "dicabut"
    contoh = "contoh"


LABEL_STATUS = {
    Status.berlaku: "Berlaku",
    Status.rancangan: "Rancangan — terbuka untuk masukan publik",
    Status.dicabut: "Dicabut — tidak berlaku lagi",
    Status.contoh: "Contoh — data ilustrasi, bukan keputusan pemerintah",
}


class Penetapan(Dasar):
    """The decree adopting the standard, with whatever parts the source gives."""

    jenis: Optional[Teks] = Field(
        None, description="Jenis keputusan.", examples=["Keputusan Kepala Dinas Komunikasi dan Informatika"]
    )
    nomor: Optional[Teks] = Field(None, description="Nomor keputusan penetapan.",
                                  examples=["000/CONTOH-001/DISKOMINFO/2026"])
    tanggal: Optional[TanggalLonggar] = Field(
        None, description="Tanggal penetapan (TTTT-BB-HH), atau seperti tertulis bila sumber tidak menyebut lengkap.",
        examples=["2026-01-15"],
    )
    tahun: Optional[int] = Field(None, ge=1945, le=2100, description="Tahun keputusan bila hanya tahunnya yang diketahui.",
                                 examples=[2024])
    pejabat: Optional[Teks] = Field(
        None, description="Jabatan penandatangan.", examples=["Kepala Dinas Komunikasi dan Informatika"]
    )
    penandatangan: Optional[Pejabat] = Field(None, description="Pejabat penandatangan (nama, pangkat, NIP) bila disebut.")
    tentang: Optional[Teks] = Field(None, description="Judul keputusan.")

    @model_validator(mode="after")
    def _ada_isi(self) -> "Penetapan":
        if not (self.nomor or self.jenis or self.tanggal or self.tahun or self.tentang):
            raise PydanticCustomError(
                "penetapan_kosong", "Tulis bagian keputusan yang diketahui: nomor:, tanggal:, tahun:, atau jenis:."
            )
        return self

    def nama_pejabat(self) -> str:
        if self.pejabat:
            return self.pejabat
        if self.penandatangan:
            return self.penandatangan.jabatan or self.penandatangan.nama or ""
        return ""

    def teks_tanggal(self) -> str:
        if self.tanggal is not None:
            return tanggal_id(self.tanggal)
        return f"tahun {self.tahun}" if self.tahun else ""

    def teks(self, tentang: bool = True) -> str:
        """'Keputusan Kepala Dinas ... Nomor 000/... tanggal 15 Januari 2026', from the parts given."""
        jenis = self.jenis or (f"Keputusan {self.nama_pejabat()}" if self.nama_pejabat() else "Keputusan")
        t = jenis
        if self.nomor:
            t += f" Nomor {self.nomor}"
        if self.tanggal is not None:
            t += f" tanggal {tanggal_id(self.tanggal)}"
        elif self.tahun:
            t += f" Tahun {self.tahun}"
        if self.tentang and tentang:
            t += f" tentang {self.tentang}"
        return t


class Peninjauan(Dasar):
    terakhir: Optional[dt.date] = Field(None, description="Tanggal evaluasi/peninjauan terakhir.", examples=["2026-01-15"])
    berikutnya: Optional[dt.date] = Field(
        None, description="Tanggal peninjauan berikutnya (paling lambat satu tahun).", examples=["2027-01-15"]
    )


#: Months between reviews when no unit of the chain sets periode_peninjauan (units review
#: their standards yearly; Permenpan RB 15/2014 asks for periodic evaluation).
PERIODE_PENINJAUAN = 12


def tambah_bulan(d: dt.date, bulan: int) -> dt.date:
    """``d`` plus ``bulan`` months (31 January + 1 month = 28 or 29 February)."""
    import calendar

    tahun, bulan0 = divmod(d.month - 1 + bulan, 12)
    tahun += d.year
    if tahun > dt.MAXYEAR:  # a far-future date (9999-06-01): never due
        return dt.date.max
    return dt.date(tahun, bulan0 + 1, min(d.day, calendar.monthrange(tahun, bulan0 + 1)[1]))


@dataclasses.dataclass(frozen=True)
class JadwalTinjau:
    """When a standard is due for review, and from what: its own next date, or its last
    review or its decree date plus the unit's period."""

    jatuh: dt.date
    dasar: dt.date
    kunci: str  # "peninjauan.berikutnya" | "peninjauan.terakhir" | "penetapan.tanggal" | "penetapan.tahun"
    bulan: Optional[int] = None  # the period used (None for peninjauan.berikutnya)


def jadwal_peninjauan(s: Any, bulan: int = PERIODE_PENINJAUAN) -> Optional[JadwalTinjau]:
    """The review due date of service ``s`` (resolved), or None when the standard gives no
    date to count from (nothing is invented)."""
    p = s.peninjauan
    if p is not None and p.berikutnya is not None:
        return JadwalTinjau(jatuh=p.berikutnya, dasar=p.berikutnya, kunci="peninjauan.berikutnya")
    if p is not None and p.terakhir is not None:
        return JadwalTinjau(jatuh=tambah_bulan(p.terakhir, bulan), dasar=p.terakhir, kunci="peninjauan.terakhir",
                            bulan=bulan)
    if s.penetapan is not None and isinstance(s.penetapan.tanggal, dt.date):  # not a date "as written"
        return JadwalTinjau(jatuh=tambah_bulan(s.penetapan.tanggal, bulan), dasar=s.penetapan.tanggal,
                            kunci="penetapan.tanggal", bulan=bulan)
    if s.penetapan is not None and s.penetapan.tahun is not None:  # at the latest on 31 December of that year
        akhir = dt.date(s.penetapan.tahun, 12, 31)
        return JadwalTinjau(jatuh=tambah_bulan(akhir, bulan), dasar=akhir, kunci="penetapan.tahun", bulan=bulan)
    return None


class PesertaFkp(Dasar):
    kelompok: Teks = Field(..., description="Kelompok peserta (tanpa nama orang).",
                           examples=["Perwakilan masyarakat pengguna layanan"])
    jumlah: int = Field(..., ge=0, le=100000, description="Jumlah peserta dari kelompok ini.", examples=[12])


class MasukanFkp(Dasar):
    masukan: Teks = Field(..., description="Masukan yang diterima dalam forum.",
                          examples=["Jam layanan Sabtu diperpanjang sampai pukul 14.00"])
    tindak_lanjut: Optional[Teks] = Field(None, description="Apa yang dilakukan atas masukan ini.",
                                          examples=["Diterima; jam layanan Sabtu menjadi 08.00–14.00"])


class Fkp(Dasar):
    tanggal: dt.date = Field(..., description="Tanggal Forum Konsultasi Publik.", examples=["2025-12-10"])
    berita_acara: Teks = Field(..., description="Nomor atau rujukan berita acara FKP.", examples=["BA-FKP/CONTOH/12/2025"])
    tempat: Optional[Teks] = Field(None, description="Tempat forum, atau daring dan medianya.",
                                   examples=["Aula kantor Diskominfo", "Daring melalui konferensi video"])
    peserta: list[PesertaFkp] = Field(default_factory=list, description="Peserta menurut kelompok (jumlah, bukan nama).")
    masukan: list[MasukanFkp] = Field(default_factory=list,
                                      description="Masukan yang diterima dan tindak lanjut masing-masing.")


class KonsultasiPublik(Dasar):
    batas: Optional[dt.date] = Field(None, description="Batas akhir pemberian masukan.", examples=["2026-12-31"])
    cara: Teks = Field(
        ..., description="Cara menyampaikan masukan atas rancangan.",
        examples=["Kirim masukan melalui e-mail ke ortala@bontangkota.go.id"],
    )


class JamLayanan(Dasar):
    hari: Teks = Field(..., description="Hari layanan.", examples=["Senin–Kamis"])
    buka: Jam = Field(..., description="Jam buka.")
    tutup: Jam = Field(..., description="Jam tutup.", examples=["15:30"])
    istirahat_mulai: Optional[Jam] = Field(None, description="Awal waktu istirahat.", examples=["12:00"])
    istirahat_selesai: Optional[Jam] = Field(None, description="Akhir waktu istirahat.", examples=["13:00"])
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")

    def teks(self) -> str:
        t = f"{self.hari}, {self.buka.replace(':', '.')}–{self.tutup.replace(':', '.')}"
        if self.istirahat_mulai and self.istirahat_selesai:
            t += f" (istirahat {self.istirahat_mulai.replace(':', '.')}–{self.istirahat_selesai.replace(':', '.')})"
        return t + (f" ({self.keterangan})" if self.keterangan else "")


# Office hours: structured rows, or the wording as published ("Senin s/d Jumat pukul 08.00 – 16.00").
DaftarJam = Annotated[list[TeksAtau(JamLayanan)], BeforeValidator(satu_jadi_daftar)]


def teks_jam(jam: Any) -> list[str]:
    return [j if isinstance(j, str) else j.teks() for j in jam or []]


SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z: "$" would accept a trailing newline


class Layanan(Komponen):
    """One service standard (one YAML file)."""

    nama: Teks = Field(..., description="Nama layanan, tampil sebagai judul halaman.", examples=["Penerbitan Akta Kelahiran"])
    ringkasan: Optional[Teks] = Field(
        None,
        description="Satu kalimat sederhana untuk warga: layanan ini untuk apa (dianjurkan).",
        examples=["Membuat akta kelahiran bagi anak yang lahir di Kota Bontang."],
    )
    sinonim: Optional[DaftarTeks] = Field(
        None, description="Kata sehari-hari yang dipakai warga saat mencari layanan ini.",
        examples=[["akta lahir", "akte kelahiran"]],
    )
    kategori: Optional[Teks] = Field(None, description="Kategori layanan (dianjurkan).", examples=["Kependudukan"])
    status: Status = Field(
        ..., description="berlaku, rancangan (terbuka untuk konsultasi publik), dicabut, atau contoh (data ilustrasi).",
        examples=["berlaku"],
    )
    kode_sippn: Optional[Teks] = Field(None, description="Kode layanan nasional/SIPPN bila ada.")
    tempat_layanan: Optional[Teks] = Field(
        None, description="Tempat layanan (loket, gedung). Bila kosong dipakai alamat unit.",
        examples=["Loket 3, Mal Pelayanan Publik Kota Bontang"],
    )
    jam_layanan: Optional[DaftarJam] = Field(None, description="Jam layanan. Bila kosong dipakai jam layanan unit.")
    layanan_daring: Optional[AlamatWeb] = Field(
        None, description="Alamat layanan daring (online).", examples=["https://sipandu.bontangkota.go.id"]
    )
    penetapan: Optional[Penetapan] = Field(None, description="Keputusan yang menetapkan standar ini.")
    peninjauan: Optional[Peninjauan] = Field(None, description="Tanggal peninjauan (evaluasi) standar.")
    fkp: Optional[Fkp] = Field(None, description="Catatan Forum Konsultasi Publik.")
    konsultasi_publik: Optional[KonsultasiPublik] = Field(
        None, description="Untuk rancangan: cara dan batas waktu memberi masukan."
    )
    label_asli: Optional[LabelAsli] = Field(  # type: ignore[valid-type]
        None, description="Nama komponen sebagaimana tertulis dalam standar, bila berbeda (misalnya jangka_waktu: "
        "\"Waktu Pelayanan\").",
    )
    sumber: Optional[Sumber] = Field(None, description="Asal naskah standar ini (alamat, tanggal dibaca, kekurangannya).")
    skm: Optional[Skm] = Field(
        None, description="Survei kepuasan masyarakat khusus layanan ini: alamat survei dan hasilnya. Bila tidak "
        "diisi, halaman layanan menautkan survei unitnya.")

    @model_validator(mode="after")
    def _cek_lintas(self) -> "Layanan":
        if self.sumber:
            salah = [k for k in self.sumber.tidak_tersedia if k not in KOMPONEN]
            if salah:
                raise PydanticCustomError(
                    "komponen_tidak_dikenal",
                    "sumber.tidak_tersedia menyebut '{k}', yang bukan nama komponen. Pilihan: {pilihan}.",
                    {"k": salah[0], "pilihan": ", ".join(KOMPONEN)},
                )
        # Branch targets must exist in the same list of steps.
        for alur in varian_prosedur(self.prosedur):
            for i, lk in enumerate(alur.langkah):
                for c in lk.cabang:
                    if c.ke_langkah is not None and c.ke_langkah > len(alur.langkah):
                        raise PydanticCustomError(
                            "langkah_tidak_ada",
                            "Langkah {i} bercabang ke langkah {k}, padahal prosedur hanya memiliki {n} langkah.",
                            {"i": i + 1, "k": c.ke_langkah, "n": len(alur.langkah)},
                        )
        return self

    def kosong(self, komp: str) -> str:
        """What a missing component is called: absent from the standard, or from our copy of it."""
        if self.sumber and komp in self.sumber.tidak_tersedia:
            return TIDAK_TERSEDIA
        return TIDAK_DICANTUMKAN

    def label(self, komp: str) -> str:
        """The standard label, and the unit's own name for it when different."""
        baku = LABEL_KOMPONEN[komp]
        asli = getattr(self.label_asli, komp, None) if self.label_asli else None
        if asli and asli.strip().lower() != baku.lower():
            return f"{baku} ({asli.strip()})"
        return baku


# -- Unit and instansi files --------------------------------------------------------------

MAKLUMAT_BAKU = (
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan "
    "yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi "
    "sesuai peraturan perundang-undangan yang berlaku."
)


class Maklumat(Dasar):
    teks: Teks = Field(
        MAKLUMAT_BAKU, description="Isi maklumat pelayanan (boleh beberapa paragraf). Bila kosong dipakai kalimat baku."
    )
    tempat: Optional[Teks] = Field(None, description="Tempat penandatanganan.", examples=["Bontang"])
    tanggal: Optional[TanggalLonggar] = Field(None, description="Tanggal penandatanganan.", examples=["2026-01-15"])
    penandatangan: Pejabat = Field(..., description="Pejabat yang menandatangani maklumat.")

    def paragraf(self) -> list[str]:
        return [p.strip() for p in re.split(r"\n\s*\n", self.teks) if p.strip()]


class Unit(Dasar):
    """An OPD (dinas/badan), a bidang inside it, or a unit of another agency (`_unit.yaml`)."""

    nama: Teks = Field(..., description="Nama resmi unit.", examples=["Dinas Komunikasi dan Informatika"])
    singkatan: Optional[Teks] = Field(None, description="Singkatan.", examples=["Diskominfo"])
    instansi_induk: Optional[Teks] = Field(
        None,
        description="Instansi induk bila unit ini bukan bagian dari pemerintah daerah situs ini (misalnya UPT "
        "kementerian, kantor BPS).",
        examples=["Badan Pusat Statistik"],
    )
    alamat: Optional[Teks] = Field(None, description="Alamat kantor/tempat layanan.")
    jam_layanan: Optional[DaftarJam] = Field(None, description="Jam layanan unit.")
    kontak: list[SaluranMasuk] = Field(default_factory=list, description="Kontak unit (telepon, e-mail, situs web).")
    visi: Optional[Teks] = Field(None, description="Visi pelayanan.")
    misi: Optional[DaftarTeks] = Field(None, description="Misi pelayanan.")
    moto: Optional[Teks] = Field(None, description="Moto pelayanan.")
    pelayanan_khusus: Optional[DaftarTeks] = Field(
        None,
        description="Pelayanan khusus bagi kelompok rentan (penyandang disabilitas, lansia, ibu hamil, anak).",
        examples=[["Loket prioritas bagi penyandang disabilitas, lansia, dan ibu hamil"]],
    )
    maklumat: Optional[Maklumat] = Field(None, description="Maklumat pelayanan unit.")
    penetapan: Optional[Penetapan] = Field(
        None,
        description="Keputusan yang menetapkan standar semua layanan unit ini (bila satu keputusan memuat beberapa "
        "layanan). Layanan yang menulis penetapan: sendiri memakai miliknya.",
    )
    fkp: Optional[Fkp] = Field(None, description="Forum Konsultasi Publik yang membahas standar unit ini.")
    peninjauan: Optional[Peninjauan] = Field(None, description="Peninjauan standar unit ini.")
    periode_peninjauan: Optional[int] = Field(
        None, ge=1, le=60,
        description="Setiap berapa bulan standar layanan unit ini ditinjau (bila tidak diisi: 12 bulan, atau periode "
        "unit induknya). Dipakai untuk layanan yang tidak menulis peninjauan: berikutnya: sendiri.",
        examples=[12],
    )
    bawaan: Optional[Komponen] = Field(
        None,
        description="Komponen bawaan yang diwarisi semua layanan unit ini (misalnya pengaduan, sarana_prasarana, dasar_hukum).",
    )
    sumber: Optional[Sumber] = Field(None, description="Asal naskah profil unit ini.")
    skm: Optional[Skm] = Field(
        None, description="Survei kepuasan masyarakat (SKM) unit: alamat survei dan hasil setiap periode.")


def bawaan_unit(units: Any, komp: str) -> tuple[Any, int]:
    """A component the services of a unit inherit: from the nearest unit of its chain
    whose ``bawaan:`` sets it. Returns (value, index in ``units``), or (None, -1)."""
    for i, u in enumerate(units):
        v = getattr(u.bawaan, komp, None) if u.bawaan else None
        if v is not None:
            return v, i
    return None, -1


def profil_unit(units: Any, key: str) -> Any:
    """A unit's profile value, inherited along its chain (nearest unit first): a bidang
    without an address uses its OPD's. The one rule for the catalog and every output."""
    for u in units:
        v = getattr(u, key, None)
        if v:
            return v
    return None


# The site's own address (printed in every QR code): an origin, http(s), a host name,
# an optional port and an optional path of plain characters. No query, fragment,
# login, quotes or spaces.
_LABEL_HOST = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_SITUS_RE = re.compile(
    rf"^https?://{_LABEL_HOST}(?:\.{_LABEL_HOST})*(?::(?P<port>\d{{1,5}}))?(?P<jalur>(?:/[a-z0-9._~-]+)*/?)$",
    re.IGNORECASE | re.ASCII,  # without ASCII, IGNORECASE lets ſ (U+017F) and K (U+212A) in
)


def _cek_situs(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    s = v.strip()
    mt = _SITUS_RE.match(s)
    if mt and 0 < int(mt.group("port") or 1) <= 65535 and not any(
        b.strip(".") == "" for b in mt.group("jalur").split("/") if b
    ):
        return s
    contoh = "https://standar.bontangkota.go.id/"
    if DOMAIN_RE.match(s) and not any(c in s for c in "?#@") and "://" not in s:
        contoh = "https://" + s.rstrip("/") + "/"
    raise PydanticCustomError(
        "situs_tidak_sah",
        "'{nilai}' tidak dapat dipakai sebagai alamat situs (alamat ini dicetak dalam kode QR setiap poster). "
        "Tulis alamat lengkap yang diawali https:// (atau http://), nama host, dan bila perlu jalurnya, tanpa "
        "tanda tanya (?), pagar (#), @, spasi, atau tanda kutip, misalnya {contoh}.",
        {"nilai": s, "contoh": contoh},
    )


# The site's address: stricter than AlamatWeb (which also takes a bare host name).
AlamatSitus = Annotated[str, BeforeValidator(_cek_situs), Field(json_schema_extra={"format": "uri"})]


#: Picture types a logo may have (the catalog also checks the file's content).
LOGO_AKHIRAN = (".svg", ".png", ".jpg", ".jpeg")


def _cek_logo(v: Any) -> Any:
    """A logo is a file inside the standards folder, named relative to it; the
    catalog checks that it is there, stays inside, and is the picture it says."""
    if not isinstance(v, str):
        return v
    s = v.strip()
    if not s:
        raise PydanticCustomError("teks_kosong", "Teks ini kosong.")
    if SKEMA_RE.match(s) or s.startswith(("/", "~")) or "\\" in s or ".." in s.split("/"):
        raise PydanticCustomError(
            "logo_di_luar_folder",
            "Logo '{nilai}' harus berupa berkas di dalam folder standar, ditulis relatif terhadap folder itu, "
            "misalnya logo.svg atau gambar/logo.png: bukan alamat web, bukan jalur yang diawali / atau ~, dan "
            "tanpa '..'. Salin gambarnya ke folder standar.",
            {"nilai": s},
        )
    if not s.lower().endswith(LOGO_AKHIRAN):
        raise PydanticCustomError(
            "logo_jenis_tidak_sah",
            "Berkas logo '{nilai}' harus berupa gambar SVG, PNG, atau JPEG (nama berakhiran .svg, .png, .jpg, "
            "atau .jpeg).",
            {"nilai": s},
        )
    return s


BerkasLogo = Annotated[str, BeforeValidator(_cek_logo)]


class Instansi(Dasar):
    """The government as a whole (`standards/_instansi.yaml`)."""

    nama: Teks = Field(..., description="Nama pemerintah daerah.", examples=["Pemerintah Kota Bontang"])
    wilayah: Optional[Teks] = Field(None, description="Wilayah layanan.", examples=["Kota Bontang, Kalimantan Timur"])
    logo: Optional[BerkasLogo] = Field(
        None, description="Berkas logo di dalam folder standards/, ditulis relatif terhadap folder itu (SVG, PNG, atau "
        "JPEG).", examples=["logo.svg"]
    )
    situs: Optional[AlamatSitus] = Field(
        None, description="Alamat situs standar pelayanan ini (https://, nama host, dan bila perlu jalurnya).", examples=["https://standar.bontangkota.go.id/"]
    )
    saluran_bersama: list[SaluranMasuk] = Field(
        default_factory=list, description="Saluran pengaduan yang berlaku untuk semua unit (misalnya SP4N-LAPOR!)."
    )


