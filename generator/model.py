"""The data model of a service standard: the single source of truth.

Validation, the JSON Schema for editors, the staff guide's field reference and the
exports all derive from these classes. YAML keys, field names and labels are the
same Indonesian words. Every field carries an Indonesian ``description`` (editor
hover help) and, where it helps, ``examples`` (quoted in error messages).

Business rules that templates need ("is this free?", "ISO 8601 duration",
"tel: link of a channel") are methods here, never logic in templates.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any, Optional, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

# --------------------------------------------------------------------------------------
# Shared building blocks
# --------------------------------------------------------------------------------------


class Dasar(BaseModel):
    """Base for every YAML object: unknown keys are errors (the loader suggests the
    closest valid key), surrounding whitespace is kept as written."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=False)


_YA = {"ya", "true"}
_TIDAK = {"tidak", "false"}


def _bool_id(v: Any) -> Any:
    # Staff write ya/tidak; YAML true/false also accepted. yes/no are rejected
    # earlier by the loader (YAML 1.1 trap) with their own explanation.
    if isinstance(v, str):
        low = v.strip().lower()
        if low in _YA:
            return True
        if low in _TIDAK:
            return False
        raise PydanticCustomError(
            "ya_tidak", "Nilai ini harus 'ya' atau 'tidak' (atau true/false)."
        )
    return v


YaTidak = Annotated[
    bool,
    BeforeValidator(_bool_id),
    Field(json_schema_extra={"anyOf": [{"type": "boolean"}, {"enum": ["ya", "tidak"]}]}),
]


def _satu_jadi_daftar(v: Any) -> Any:
    # A single text where a list is expected is read as a one-item list.
    if isinstance(v, (str, dict)):
        return [v]
    return v


def _teks_tidak_kosong(v: Any) -> Any:
    if isinstance(v, str) and not v.strip():
        raise PydanticCustomError("teks_kosong", "Teks ini kosong.")
    return v


Teks = Annotated[str, BeforeValidator(_teks_tidak_kosong)]
DaftarTeks = Annotated[list[Teks], BeforeValidator(_satu_jadi_daftar)]

_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def _cek_url(v: Any) -> Any:
    if isinstance(v, str):
        s = v.strip()
        if not _URL_RE.match(s):
            raise PydanticCustomError(
                "url_tidak_sah",
                "Alamat web harus diawali https:// (atau http://) dan tanpa spasi.",
            )
        return s
    return v


AlamatWeb = Annotated[
    str,
    BeforeValidator(_cek_url),
    Field(json_schema_extra={"format": "uri", "pattern": r"^https?://"}),
]

_JAM_RE = re.compile(r"^(?:([01]?\d|2[0-3])[:.]([0-5]\d)|(24)[:.](00))$")


def _cek_jam(v: Any) -> Any:
    if isinstance(v, str):
        m = _JAM_RE.match(v.strip())
        if not m:
            raise PydanticCustomError(
                "jam_tidak_sah", "Jam harus ditulis JJ:MM dengan tanda kutip, misalnya \"08:00\"."
            )
        if m.group(3):
            return "24:00"
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    return v


Jam = Annotated[str, BeforeValidator(_cek_jam), Field(examples=["08:00"], pattern=r"^\d{2}:\d{2}$")]


# --------------------------------------------------------------------------------------
# Durations (jangka waktu)
# --------------------------------------------------------------------------------------


class Satuan(str, enum.Enum):
    detik = "detik"
    menit = "menit"
    jam = "jam"
    hari_kerja = "hari kerja"
    hari_kalender = "hari kalender"
    bulan = "bulan"


# Seconds of *working time* per unit, used only to compare durations with each
# other (a working day counts as 8 working hours, a calendar day as 24 hours).
_DETIK = {
    Satuan.detik: 1,
    Satuan.menit: 60,
    Satuan.jam: 3600,
    Satuan.hari_kerja: 8 * 3600,
    Satuan.hari_kalender: 24 * 3600,
    Satuan.bulan: 30 * 24 * 3600,
}
_ISO = {
    Satuan.detik: ("PT", "S"),
    Satuan.menit: ("PT", "M"),
    Satuan.jam: ("PT", "H"),
    Satuan.hari_kerja: ("P", "D"),
    Satuan.hari_kalender: ("P", "D"),
    Satuan.bulan: ("P", "M"),
}

_DURASI_SINGKAT = re.compile(
    r"^\s*(?:(?P<maks>paling lama|maksimal|maks\.?)\s+)?"
    r"(?P<a>\d+(?:[.,]\d+)?)\s*(?:(?:-|–|s\.?d\.?|sampai)\s*(?P<b>\d+(?:[.,]\d+)?))?\s*"
    r"(?P<satuan>detik|menit|jam|hari kerja|hari kalender|bulan)\s*$",
    re.IGNORECASE,
)


def _angka(s: str) -> float | int:
    s = s.replace(",", ".")
    f = float(s)
    return int(f) if f.is_integer() else f


def _durasi_singkat(v: Any) -> Any:
    """`"3 hari kerja"`, `"paling lama 15 menit"`, `"1-2 jam"` are read as the
    structured form; anything else must be written out (or as `teks:`)."""
    if isinstance(v, str):
        m = _DURASI_SINGKAT.match(v)
        if not m and re.search(r"\bhari\b(?!\s+k)", v, re.IGNORECASE):
            raise PydanticCustomError(
                "durasi_hari",
                "Jangka waktu '{teks}' menyebut 'hari' saja. Tulis 'hari kerja' atau 'hari kalender': "
                "bagi pemohon keduanya berbeda. Contoh: \"3 hari kerja\".",
                {"teks": v},
            )
        if not m:
            raise PydanticCustomError(
                "durasi_tidak_terbaca",
                "Jangka waktu '{teks}' tidak dapat dibaca. Tulis angka dan satuan, misalnya "
                "\"3 hari kerja\" atau \"paling lama 15 menit\", atau bentuk lengkap "
                "(nilai:, satuan:). Jika memang tidak dapat diukur, tulis di bawah kunci teks:.",
                {"teks": v},
            )
        d: dict[str, Any] = {"satuan": m.group("satuan").lower()}
        if m.group("b"):
            d["dari"] = _angka(m.group("a"))
            d["sampai"] = _angka(m.group("b"))
        else:
            d["nilai"] = _angka(m.group("a"))
        if m.group("maks"):
            d["maksimal"] = True
        return d
    return v


class _DurasiDasar(Dasar):
    nilai: Optional[float] = Field(
        None, ge=0, description="Lama waktu, berupa angka.", examples=[3]
    )
    dari: Optional[float] = Field(
        None, ge=0, description="Batas bawah bila jangka waktu berupa rentang.", examples=[30]
    )
    sampai: Optional[float] = Field(
        None, ge=0, description="Batas atas bila jangka waktu berupa rentang.", examples=[60]
    )
    satuan: Optional[Satuan] = Field(
        None,
        description="Satuan waktu: detik, menit, jam, hari kerja, hari kalender, atau bulan.",
        examples=["hari kerja"],
    )
    maksimal: YaTidak = Field(
        False, description="ya bila angka ini adalah batas paling lama (\"paling lama 3 hari kerja\")."
    )
    teks: Optional[Teks] = Field(
        None,
        description=(
            "Uraian bebas, hanya bila jangka waktu tidak dapat dinyatakan dengan angka "
            "(misalnya \"Sesuai SLA sistem OSS\"). Ditandai sebagai uraian bebas."
        ),
        examples=["Sesuai SLA sistem OSS"],
    )
    keterangan: Optional[Teks] = Field(
        None, description="Keterangan tambahan yang ditampilkan setelah jangka waktu."
    )

    @model_validator(mode="after")
    def _bentuk(self) -> "_DurasiDasar":
        ada_angka = self.nilai is not None or self.dari is not None or self.sampai is not None
        if self.nilai is not None and (self.dari is not None or self.sampai is not None):
            raise PydanticCustomError(
                "durasi_ganda",
                "Tulis salah satu: nilai: (satu angka) atau dari: dan sampai: (rentang), bukan keduanya.",
            )
        if (self.dari is None) != (self.sampai is None):
            raise PydanticCustomError(
                "durasi_rentang", "Rentang waktu memerlukan dari: dan sampai:, misalnya dari: 1, sampai: 2."
            )
        if self.dari is not None and self.sampai is not None and self.dari > self.sampai:
            raise PydanticCustomError(
                "durasi_rentang_terbalik", "Pada rentang waktu, dari: harus lebih kecil dari sampai:."
            )
        if ada_angka and self.satuan is None:
            raise PydanticCustomError(
                "durasi_tanpa_satuan",
                "Jangka waktu memerlukan satuan:, misalnya satuan: hari kerja.",
            )
        return self

    # -- business rules --------------------------------------------------------------
    def punya_angka(self) -> bool:
        return self.nilai is not None or self.sampai is not None

    def detik_maks(self) -> Optional[float]:
        """Upper bound in seconds of working time, for comparisons only."""
        if not self.punya_angka() or self.satuan is None:
            return None
        n = self.nilai if self.nilai is not None else self.sampai
        return float(n) * _DETIK[self.satuan]

    def iso8601(self) -> Optional[str]:
        if not self.punya_angka() or self.satuan is None:
            return None
        n = self.nilai if self.nilai is not None else self.sampai
        awal, akhir = _ISO[self.satuan]
        return f"{awal}{_fmt_angka(n)}{akhir}"

    def teks_ringkas(self) -> str:
        """Plain Indonesian: "Paling lama 3 hari kerja", "30–60 detik"."""
        if not self.punya_angka():
            return self.teks or ""
        if self.nilai is not None:
            inti = f"{_fmt_angka(self.nilai)} {self.satuan.value}"
        else:
            inti = f"{_fmt_angka(self.dari)}–{_fmt_angka(self.sampai)} {self.satuan.value}"
        if self.maksimal:
            inti = "Paling lama " + inti
        if self.teks:
            inti += f" ({self.teks})"
        return inti


def _fmt_angka(n: Any) -> str:
    f = float(n)
    if f.is_integer():
        return str(int(f))
    return f"{f:g}".replace(".", ",")


class PilihanDurasi(_DurasiDasar):
    """One conditional alternative: "1 hari kerja jika ≤ 60 hari sejak kelahiran"."""

    jika: Teks = Field(
        ...,
        description="Keadaan yang berlaku untuk jangka waktu ini.",
        examples=["kelahiran dilaporkan paling lama 60 hari sejak tanggal lahir"],
    )


Perpanjangan = Annotated[_DurasiDasar, BeforeValidator(_durasi_singkat)]


class Durasi(_DurasiDasar):
    """A structured duration. Shorthand `"3 hari kerja"` is accepted."""

    sejak: Optional[Teks] = Field(
        None,
        description="Peristiwa awal penghitungan waktu.",
        examples=["berkas permohonan dinyatakan lengkap"],
    )
    pilihan: list[Annotated[PilihanDurasi, BeforeValidator(_durasi_singkat)]] = Field(
        default_factory=list,
        description="Jangka waktu bersyarat: daftar pilihan, masing-masing dengan jika:.",
    )
    perpanjangan: Optional[Perpanjangan] = Field(
        None, description="Perpanjangan waktu yang diizinkan, misalnya \"7 hari kerja\"."
    )

    @model_validator(mode="after")
    def _ada_isi(self) -> "Durasi":
        if not self.punya_angka() and not self.teks and not self.pilihan:
            raise PydanticCustomError(
                "durasi_kosong",
                "Jangka waktu belum diisi. Tulis misalnya \"3 hari kerja\", atau nilai: dan satuan:.",
            )
        return self

    def punya_angka(self) -> bool:  # noqa: D401 - see base
        return super().punya_angka() or any(p.punya_angka() for p in self.pilihan)

    def detik_maks(self) -> Optional[float]:
        nilai = [super().detik_maks()] + [p.detik_maks() for p in self.pilihan]
        nilai = [n for n in nilai if n is not None]
        return max(nilai) if nilai else None

    def iso8601(self) -> Optional[str]:
        if _DurasiDasar.punya_angka(self):
            return super().iso8601()
        terbesar = max(
            (p for p in self.pilihan if p.punya_angka()), key=lambda p: p.detik_maks(), default=None
        )
        return terbesar.iso8601() if terbesar else None

    def hanya_teks(self) -> bool:
        """True when the duration is the flagged free-text fallback."""
        return not self.punya_angka()

    def teks_ringkas(self) -> str:
        bagian = []
        if _DurasiDasar.punya_angka(self) or (self.teks and not self.pilihan):
            bagian.append(super().teks_ringkas())
        for p in self.pilihan:
            bagian.append(f"{p.teks_ringkas()} jika {p.jika}")
        teks = "; ".join(b for b in bagian if b)
        if self.sejak and self.punya_angka():
            teks += f"; dihitung sejak {self.sejak}" if self.pilihan else f" sejak {self.sejak}"
        if self.perpanjangan is not None:
            p = self.perpanjangan.teks_ringkas()
            teks += f", dapat diperpanjang {p[:1].lower() + p[1:]}"
        return teks


DurasiMasuk = Annotated[Durasi, BeforeValidator(_durasi_singkat)]


# --------------------------------------------------------------------------------------
# 1. Persyaratan
# --------------------------------------------------------------------------------------


class Bentuk(str, enum.Enum):
    asli = "asli"
    fotokopi = "fotokopi"
    dilegalisir = "dilegalisir"
    bermeterai = "bermeterai"
    pindaian = "pindaian"
    cetak = "cetak"
    isian = "isian"


class ItemPersyaratan(Dasar):
    """One requirement with its details."""

    dokumen: Teks = Field(
        ..., description="Nama dokumen, barang, atau syarat.", examples=["Kartu Keluarga"]
    )
    salah_satu: Optional[DaftarTeks] = Field(
        None,
        description="Pilihan dokumen yang dapat dipakai (cukup salah satu).",
        examples=[["KTP-el", "SIM", "Paspor"]],
    )
    bentuk: Annotated[list[Bentuk], BeforeValidator(_satu_jadi_daftar)] = Field(
        default_factory=list,
        description="Bentuk dokumen: asli, fotokopi, dilegalisir, bermeterai, pindaian, cetak, isian.",
        examples=[["fotokopi", "dilegalisir"]],
    )
    jumlah: Optional[int] = Field(
        None, ge=1, le=100, description="Jumlah rangkap.", examples=[2]
    )
    wajib: YaTidak = Field(
        True, description="tidak bila persyaratan ini boleh tidak dilampirkan (\"jika ada\")."
    )
    kondisi: Optional[Teks] = Field(
        None,
        description="Keadaan yang membuat persyaratan ini berlaku.",
        examples=["jika status tanah sewa"],
    )
    diperoleh_dari: Optional[Teks] = Field(
        None, description="Tempat memperoleh dokumen ini.", examples=["Kantor kelurahan setempat"]
    )
    keterangan: Optional[Teks] = Field(
        None, description="Keterangan tambahan.", examples=["bermeterai Rp10.000"]
    )

    def label_bentuk(self) -> str:
        bagian = [b.value for b in self.bentuk]
        if self.jumlah:
            bagian.append(f"{self.jumlah} rangkap")
        return ", ".join(bagian)


def _jenis_item(v: Any) -> str:
    return "teks" if isinstance(v, str) else "rinci"


Persyaratan = Annotated[
    Union[Annotated[Teks, Tag("teks")], Annotated[ItemPersyaratan, Tag("rinci")]],
    Discriminator(_jenis_item),
]


class KelompokPersyaratan(Dasar):
    """A set of requirements for one applicant type or case."""

    kelompok: Teks = Field(
        ...,
        description="Nama jenis pemohon atau keadaan.",
        examples=["Penduduk baru berusia 17 tahun"],
    )
    keterangan: Optional[Teks] = Field(None, description="Penjelasan kelompok ini.")
    daftar: list[Persyaratan] = Field(
        ..., min_length=1, description="Persyaratan untuk kelompok ini."
    )


def _jenis_persyaratan(v: Any) -> str:
    # Called with YAML data when validating and with model instances when serialising.
    if isinstance(v, list) and v and all(
        isinstance(x, KelompokPersyaratan) or (isinstance(x, dict) and "kelompok" in x) for x in v
    ):
        return "kelompok"
    return "daftar"


DaftarPersyaratan = Annotated[
    Union[
        Annotated[list[KelompokPersyaratan], Tag("kelompok")],
        Annotated[list[Persyaratan], Tag("daftar")],
    ],
    Discriminator(_jenis_persyaratan),
    Field(
        description=(
            "Persyaratan: daftar dokumen/syarat, atau kelompok per jenis pemohon "
            "(setiap kelompok dengan kelompok: dan daftar:)."
        ),
        examples=[["KTP-el asli", {"dokumen": "Kartu Keluarga", "bentuk": "fotokopi"}]],
        min_length=1,
    ),
]


def kelompok_persyaratan(p: Any) -> list[KelompokPersyaratan | Any]:
    """Always a list of groups; a plain list becomes one group named ''."""
    if p and isinstance(p[0], KelompokPersyaratan):
        return list(p)
    return [KelompokPersyaratan.model_construct(kelompok="", keterangan=None, daftar=list(p or []))]


# --------------------------------------------------------------------------------------
# 2. Prosedur
# --------------------------------------------------------------------------------------


class JenisPelaksana(str, enum.Enum):
    pemohon = "pemohon"
    petugas = "petugas"
    sistem = "sistem"
    instansi_lain = "instansi lain"


LABEL_PELAKSANA = {
    JenisPelaksana.pemohon: "Pemohon",
    JenisPelaksana.petugas: "Petugas",
    JenisPelaksana.sistem: "Sistem",
    JenisPelaksana.instansi_lain: "Instansi lain",
}


def kecil_awal(s: str) -> str:
    """Lower-case the first letter for use mid-sentence, unless the first word is an
    acronym ("KTP-el", "BSrE")."""
    s = s.strip()
    if not s:
        return s
    kata = s.split(" ", 1)[0]
    if sum(ch.isupper() for ch in kata) > 1:
        return s
    return s[0].lower() + s[1:]


class Cabang(Dasar):
    """A branch after a decision step: "jika berkas tidak lengkap, ...". """

    jika: Teks = Field(..., description="Keadaan.", examples=["Berkas tidak lengkap"])
    maka: Optional[Teks] = Field(
        None, description="Yang terjadi.", examples=["Berkas dikembalikan kepada pemohon untuk dilengkapi"]
    )
    ke_langkah: Optional[int] = Field(
        None, ge=1, description="Nomor langkah berikutnya (dalam daftar yang sama).", examples=[1]
    )
    selesai: YaTidak = Field(False, description="ya bila layanan berakhir pada cabang ini.")

    def kalimat(self, nomor_langkah: int, ringkas: bool = False) -> str:
        """The branch as one sentence, for step ``nomor_langkah`` (1-based):
        "Jika berkas tidak lengkap: berkas dikembalikan; kembali ke langkah 1."

        ``ringkas`` (posters, the flow diagram) leaves out what happens when the
        sentence already says where the flow goes.
        """
        lanjut = []
        if self.maka and not (ringkas and (self.selesai or self.ke_langkah is not None)):
            lanjut.append(kecil_awal(self.maka.rstrip(".")))
        if self.selesai:
            lanjut.append("layanan selesai")
        elif self.ke_langkah is not None:
            if self.ke_langkah == nomor_langkah + 1:
                lanjut.append(f"lanjut ke langkah {self.ke_langkah}")
            elif self.ke_langkah <= nomor_langkah:
                lanjut.append(f"kembali ke langkah {self.ke_langkah}")
            else:
                lanjut.append(f"langsung ke langkah {self.ke_langkah}")
        kalimat = "Jika " + kecil_awal(self.jika.rstrip("."))
        if lanjut:
            kalimat += ": " + "; ".join(lanjut)
        return kalimat + "."


class Langkah(Dasar):
    """One step of the procedure."""

    pelaksana: Teks = Field(
        ..., description="Siapa yang melakukan langkah ini.", examples=["Petugas Loket"]
    )
    jenis_pelaksana: Optional[JenisPelaksana] = Field(
        None,
        description="pemohon, petugas, sistem, atau instansi lain. Bila kosong: pemohon bila "
        "pelaksana diawali \"Pemohon\", selain itu petugas.",
    )
    uraian: Teks = Field(
        ..., description="Apa yang dilakukan.", examples=["Memeriksa kelengkapan berkas"]
    )
    waktu: Optional[DurasiMasuk] = Field(
        None, description="Waktu langkah ini.", examples=["15 menit"]
    )
    hasil: Optional[Teks] = Field(None, description="Keluaran langkah ini.", examples=["Tanda terima"])
    cabang: list[Cabang] = Field(
        default_factory=list, description="Percabangan (misalnya diterima/ditolak)."
    )

    def jenis(self) -> JenisPelaksana:
        if self.jenis_pelaksana:
            return self.jenis_pelaksana
        if self.pelaksana.strip().lower().startswith("pemohon"):
            return JenisPelaksana.pemohon
        return JenisPelaksana.petugas


DaftarLangkah = Annotated[list[Langkah], Field(min_length=1)]


class VarianProsedur(Dasar):
    """Separate procedures when a service can be used in person and online."""

    tatap_muka: Optional[DaftarLangkah] = Field(
        None, description="Langkah bila pemohon datang langsung ke loket."
    )
    daring: Optional[DaftarLangkah] = Field(
        None, description="Langkah bila permohonan diajukan secara daring (online)."
    )

    @model_validator(mode="after")
    def _salah_satu(self) -> "VarianProsedur":
        if not self.tatap_muka and not self.daring:
            raise PydanticCustomError(
                "prosedur_kosong", "Isi paling sedikit satu: tatap_muka: atau daring:."
            )
        return self


def _jenis_prosedur(v: Any) -> str:
    return "varian" if isinstance(v, (dict, VarianProsedur)) else "langkah"


Prosedur = Annotated[
    Union[Annotated[DaftarLangkah, Tag("langkah")], Annotated[VarianProsedur, Tag("varian")]],
    Discriminator(_jenis_prosedur),
    Field(
        description=(
            "Prosedur: daftar langkah berurutan, atau tatap_muka: dan daring: bila ada dua cara."
        )
    ),
]


def varian_prosedur(p: Any) -> list[tuple[str, list[Langkah]]]:
    """[(label, steps)] for a procedure in either shape."""
    if isinstance(p, VarianProsedur):
        out = []
        if p.tatap_muka:
            out.append(("Tatap muka", p.tatap_muka))
        if p.daring:
            out.append(("Daring", p.daring))
        return out
    return [("", list(p))]


# --------------------------------------------------------------------------------------
# 4. Biaya
# --------------------------------------------------------------------------------------

_GRATIS_RE = re.compile(r"^\s*(gratis|tidak dipungut biaya|rp\.?\s*0|0)\s*\.?\s*$", re.IGNORECASE)


def _biaya_singkat(v: Any) -> Any:
    if isinstance(v, str):
        if _GRATIS_RE.match(v):
            return {"gratis": True}
        raise PydanticCustomError(
            "biaya_teks",
            "Biaya berupa teks hanya boleh \"Gratis\" atau \"Tidak dipungut biaya\". Untuk biaya "
            "berbayar tulis jumlah: (angka rupiah tanpa titik) dan dasar_hukum:.",
        )
    return v


class Tarif(Dasar):
    """One row of a tariff table; rows can nest (building → room → per day)."""

    nama: Teks = Field(..., description="Nama jenis tarif.", examples=["Ruang Rapat Utama"])
    jumlah: Optional[int] = Field(
        None, ge=0, description="Besar tarif dalam rupiah, angka saja.", examples=[500000]
    )
    satuan: Optional[Teks] = Field(None, description="Satuan tarif.", examples=["per hari"])
    gratis: YaTidak = Field(False, description="ya bila baris ini tidak dipungut biaya.")
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")
    rincian: list["Tarif"] = Field(default_factory=list, description="Rincian tarif di bawah baris ini.")

    def harga(self) -> str:
        """'Gratis', 'Rp500.000', or '' for a row that only groups the rows under it."""
        if self.gratis or (self.jumlah == 0 and not self.rincian):
            return "Gratis"
        if self.jumlah is not None:
            return rupiah(self.jumlah)
        return ""

    def semua_gratis(self) -> bool:
        if self.rincian:
            return all(r.semua_gratis() for r in self.rincian)
        return self.gratis or self.jumlah == 0


class Biaya(Dasar):
    """Fee. Free, a flat amount, a (nested) tariff table, or a formula set by regulation."""

    gratis: YaTidak = Field(False, description="ya bila layanan tidak dipungut biaya.")
    jumlah: Optional[int] = Field(
        None, ge=0, description="Besar biaya dalam rupiah, angka saja tanpa titik.", examples=[50000]
    )
    satuan: Optional[Teks] = Field(None, description="Satuan biaya.", examples=["per dokumen"])
    tarif: list[Tarif] = Field(
        default_factory=list, description="Tabel tarif (boleh bertingkat dengan rincian:)."
    )
    rumus: Optional[Teks] = Field(
        None,
        description="Cara menghitung biaya bila ditetapkan dengan rumus dalam peraturan.",
        examples=["Retribusi = Luas Total Bangunan × Indeks Terintegrasi × Harga Satuan Retribusi"],
    )
    dasar_hukum: Optional[Teks] = Field(
        None,
        description="Peraturan yang menetapkan biaya (wajib bila tidak gratis).",
        examples=["Peraturan Daerah Kota Contoh Nomor 0 Tahun 2026 tentang Retribusi Daerah"],
    )
    cara_bayar: Optional[DaftarTeks] = Field(
        None, description="Cara pembayaran.", examples=[["QRIS", "transfer ke Bank Kaltimtara"]]
    )
    keterangan: Optional[Teks] = Field(
        None,
        description="Keterangan, misalnya biaya yang ditanggung pemohon sendiri.",
        examples=["Biaya fotokopi ditanggung pemohon"],
    )

    @model_validator(mode="after")
    def _bentuk(self) -> "Biaya":
        isian = [self.jumlah is not None, bool(self.tarif), self.rumus is not None]
        if self.gratis and any(isian):
            raise PydanticCustomError(
                "biaya_bertentangan",
                "Biaya ditulis gratis: ya sekaligus memiliki jumlah:, tarif:, atau rumus:. Pilih salah satu.",
            )
        if not self.gratis and not any(isian):
            raise PydanticCustomError(
                "biaya_kosong",
                "Biaya belum diisi. Tulis gratis: ya, atau jumlah: (rupiah), tarif:, atau rumus:.",
            )
        if not self.adalah_gratis() and not self.dasar_hukum:
            raise PydanticCustomError(
                "biaya_tanpa_dasar_hukum",
                "Biaya yang dipungut wajib menyebut peraturan yang menetapkannya. Tambahkan "
                "dasar_hukum: di bawah biaya:, misalnya \"Peraturan Daerah Kota Bontang Nomor ... "
                "Tahun ... tentang Retribusi Daerah\".",
            )
        return self

    def adalah_gratis(self) -> bool:
        if self.gratis:
            return True
        if self.jumlah is not None:
            return self.jumlah == 0
        if self.tarif:
            return all(t.semua_gratis() for t in self.tarif)
        return False

    def teks_ringkas(self) -> str:
        if self.adalah_gratis():
            return "Gratis (tidak dipungut biaya)"
        if self.jumlah is not None:
            return rupiah(self.jumlah) + (f" {self.satuan}" if self.satuan else "")
        if self.tarif:
            return "Sesuai tabel tarif"
        return "Sesuai ketentuan (lihat rumus)"


def rupiah(n: int) -> str:
    return "Rp" + f"{n:,}".replace(",", ".")


BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def tanggal_id(d: Optional[dt.date]) -> str:
    """2026-01-15 -> '15 Januari 2026'."""
    if d is None:
        return ""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


BiayaMasuk = Annotated[Biaya, BeforeValidator(_biaya_singkat)]


# --------------------------------------------------------------------------------------
# 5. Produk
# --------------------------------------------------------------------------------------


class ItemProduk(Dasar):
    nama: Teks = Field(..., description="Nama produk layanan.", examples=["KTP-el"])
    keterangan: Optional[Teks] = Field(None, description="Keterangan, misalnya bentuk elektronik.")


def nama_produk(p: Any) -> str:
    return p if isinstance(p, str) else p.nama


def _jenis_teks_atau(v: Any) -> str:
    return "teks" if isinstance(v, str) else "rinci"


Produk = Annotated[
    list[
        Annotated[
            Union[Annotated[Teks, Tag("teks")], Annotated[ItemProduk, Tag("rinci")]],
            Discriminator(_jenis_teks_atau),
        ]
    ],
    BeforeValidator(_satu_jadi_daftar),
    Field(min_length=1, description="Produk yang diterima pemohon.", examples=[["KTP-el"]]),
]


# --------------------------------------------------------------------------------------
# 6. Pengaduan
# --------------------------------------------------------------------------------------


class JenisSaluran(str, enum.Enum):
    tatap_muka = "tatap_muka"
    kotak_saran = "kotak_saran"
    surat = "surat"
    telepon = "telepon"
    faks = "faks"
    sms = "sms"
    whatsapp = "whatsapp"
    email = "email"
    website = "website"
    sp4n_lapor = "sp4n_lapor"
    aplikasi = "aplikasi"
    media_sosial = "media_sosial"


LABEL_SALURAN = {
    JenisSaluran.tatap_muka: "Datang langsung",
    JenisSaluran.kotak_saran: "Kotak saran",
    JenisSaluran.surat: "Surat",
    JenisSaluran.telepon: "Telepon",
    JenisSaluran.faks: "Faksimile",
    JenisSaluran.sms: "SMS",
    JenisSaluran.whatsapp: "WhatsApp",
    JenisSaluran.email: "E-mail",
    JenisSaluran.website: "Situs web",
    JenisSaluran.sp4n_lapor: "SP4N-LAPOR!",
    JenisSaluran.aplikasi: "Aplikasi",
    JenisSaluran.media_sosial: "Media sosial",
}

_TELP_BERSIH = re.compile(r"[\s\-().]")
_TELP_RE = re.compile(r"^(\+62|62|0)\d{6,13}$")
_KODE_PENDEK = re.compile(r"^\d{3,5}$")
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_TELEPON = {JenisSaluran.telepon, JenisSaluran.faks, JenisSaluran.sms, JenisSaluran.whatsapp}
_WEB = {JenisSaluran.website, JenisSaluran.sp4n_lapor, JenisSaluran.media_sosial}


def nomor_internasional(nomor: str) -> str:
    """'0812-3456-7890' -> '+6281234567890'; short codes stay as they are."""
    n = _TELP_BERSIH.sub("", nomor)
    if _KODE_PENDEK.match(n):
        return n
    if n.startswith("+62"):
        return n
    if n.startswith("62"):
        return "+" + n
    return "+62" + n[1:]


class Saluran(Dasar):
    """A complaint channel, validated for its type."""

    jenis: JenisSaluran = Field(
        ...,
        description=(
            "Jenis saluran: tatap_muka, kotak_saran, surat, telepon, faks, sms, whatsapp, "
            "email, website, sp4n_lapor, aplikasi, media_sosial."
        ),
        examples=["whatsapp"],
    )
    nilai: Teks = Field(
        ...,
        description=(
            "Nomor telepon (\"0548 123456\", \"0812-3456-7890\"), alamat e-mail, alamat web "
            "(https://…), atau alamat/lokasi untuk tatap muka, surat, dan kotak saran."
        ),
        examples=["0812-3456-7890"],
    )
    label: Optional[Teks] = Field(None, description="Nama saluran yang ditampilkan.", examples=["Call Center"])
    keterangan: Optional[Teks] = Field(
        None, description="Keterangan, misalnya jam layanan saluran.", examples=["Senin–Jumat 08.00–16.00"]
    )

    @field_validator("nilai")
    @classmethod
    def _cek_nilai(cls, v: str, info: Any) -> str:
        jenis = info.data.get("jenis")
        v = v.strip()
        if jenis in _TELEPON:
            n = _TELP_BERSIH.sub("", v)
            pendek_boleh = jenis in (JenisSaluran.sms, JenisSaluran.telepon)
            if not (_TELP_RE.match(n) or (pendek_boleh and _KODE_PENDEK.match(n))):
                raise PydanticCustomError(
                    "telepon_tidak_sah",
                    "'{nilai}' bukan nomor telepon Indonesia yang sah. Tulis diawali 0, 62, atau +62, "
                    "boleh dengan spasi atau tanda hubung, misalnya \"0548 123456\" atau \"+62 812-3456-7890\".",
                    {"nilai": v},
                )
        elif jenis == JenisSaluran.email:
            if not _EMAIL_RE.match(v):
                raise PydanticCustomError(
                    "email_tidak_sah",
                    "'{nilai}' bukan alamat e-mail yang sah, misalnya pengaduan@bontangkota.go.id.",
                    {"nilai": v},
                )
        elif jenis in _WEB:
            if not v.lower().startswith("https://") or not _URL_RE.match(v):
                raise PydanticCustomError(
                    "https_wajib",
                    "Saluran {jenis} harus berupa alamat web yang diawali https://, misalnya https://www.lapor.go.id.",
                    {"jenis": jenis.value},
                )
        elif jenis == JenisSaluran.aplikasi:
            if "://" in v and not v.lower().startswith("https://"):
                raise PydanticCustomError("https_wajib", "Alamat aplikasi harus diawali https://.")
        return v

    # -- business rules --------------------------------------------------------------
    def nama_tampil(self) -> str:
        return self.label or LABEL_SALURAN[self.jenis]

    def tautan(self) -> Optional[str]:
        """A safe link (https, tel, mailto, WhatsApp) or None."""
        v = self.nilai.strip()
        if self.jenis in (JenisSaluran.telepon, JenisSaluran.faks):
            return "tel:" + nomor_internasional(v) if self.jenis == JenisSaluran.telepon else None
        if self.jenis == JenisSaluran.whatsapp:
            return "https://wa.me/" + nomor_internasional(v).lstrip("+")
        if self.jenis == JenisSaluran.email:
            return "mailto:" + v
        if self.jenis in _WEB or (self.jenis == JenisSaluran.aplikasi and v.lower().startswith("https://")):
            return v
        return None

    def kunci(self) -> tuple[str, str]:
        return (self.jenis.value, _TELP_BERSIH.sub("", self.nilai.strip().lower()))


class WaktuPenyelesaian(Dasar):
    kategori: Teks = Field(..., description="Tingkat pengaduan.", examples=["Pengaduan ringan"])
    waktu: DurasiMasuk = Field(..., description="Waktu penyelesaian.", examples=["2 hari kerja"])
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")


class Pengaduan(Dasar):
    """Complaint handling: channels, handling steps, tiered resolution times."""

    saluran: list[Saluran] = Field(
        ..., min_length=1, description="Saluran pengaduan, saran, dan masukan."
    )
    tata_cara: Optional[DaftarTeks] = Field(
        None, description="Langkah penanganan pengaduan.", examples=[["Pengaduan dicatat dalam register"]]
    )
    waktu_penyelesaian: list[WaktuPenyelesaian] = Field(
        default_factory=list, description="Waktu penyelesaian per tingkat pengaduan."
    )
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")

    def punya_lapor(self) -> bool:
        return any(s.jenis == JenisSaluran.sp4n_lapor for s in self.saluran)


# --------------------------------------------------------------------------------------
# 7. Dasar hukum
# --------------------------------------------------------------------------------------


class Peraturan(Dasar):
    jenis: Teks = Field(..., description="Jenis peraturan.", examples=["Undang-Undang"])
    nomor: Teks = Field(..., description="Nomor peraturan.", examples=["25"])
    tahun: int = Field(..., ge=1945, le=2100, description="Tahun peraturan.", examples=[2009])
    tentang: Optional[Teks] = Field(None, description="Judul peraturan.", examples=["Pelayanan Publik"])

    def teks(self) -> str:
        t = f"{self.jenis} Nomor {self.nomor} Tahun {self.tahun}"
        return t + (f" tentang {self.tentang}" if self.tentang else "")


DasarHukum = Annotated[
    list[
        Annotated[
            Union[Annotated[Teks, Tag("teks")], Annotated[Peraturan, Tag("rinci")]],
            Discriminator(_jenis_teks_atau),
        ]
    ],
    BeforeValidator(_satu_jadi_daftar),
    Field(
        min_length=1,
        description="Peraturan yang menjadi dasar layanan (jenis, nomor, tahun, tentang) atau teks bebas.",
    ),
]


def teks_peraturan(p: Any) -> str:
    return p if isinstance(p, str) else p.teks()


# --------------------------------------------------------------------------------------
# 8–14. Internal components
# --------------------------------------------------------------------------------------


class KelompokRentan(str, enum.Enum):
    disabilitas = "disabilitas"
    lansia = "lansia"
    ibu_hamil = "ibu hamil"
    ibu_menyusui = "ibu menyusui"
    anak = "anak"


class Sarana(Dasar):
    nama: Teks = Field(..., description="Nama sarana, ruang, atau fasilitas.", examples=["Ruang tunggu"])
    jumlah: Optional[int] = Field(None, ge=0, description="Jumlah.", examples=[40])
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")
    kelompok_rentan: Annotated[list[KelompokRentan], BeforeValidator(_satu_jadi_daftar)] = Field(
        default_factory=list,
        description="Kelompok rentan yang dilayani fasilitas ini: disabilitas, lansia, ibu hamil, ibu menyusui, anak.",
        examples=[["disabilitas", "lansia"]],
    )
    rincian: list["SaranaMasuk"] = Field(default_factory=list, description="Isi ruang atau rincian fasilitas.")

    def untuk_rentan(self) -> bool:
        return bool(self.kelompok_rentan) or any(
            not isinstance(r, str) and r.untuk_rentan() for r in self.rincian
        )


SaranaMasuk = Annotated[
    Union[Annotated[Teks, Tag("teks")], Annotated[Sarana, Tag("rinci")]],
    Discriminator(_jenis_teks_atau),
]
Sarana.model_rebuild()

DaftarSarana = Annotated[
    list[SaranaMasuk], BeforeValidator(_satu_jadi_daftar), Field(min_length=1, description="Sarana, prasarana, dan/atau fasilitas.")
]


class Kompetensi(Dasar):
    jabatan: Teks = Field(..., description="Jabatan atau peran.", examples=["Petugas Loket"])
    kompetensi: DaftarTeks = Field(
        ..., description="Pengetahuan, keterampilan, pengalaman.", examples=[["Memahami SOP pelayanan"]]
    )


DaftarKompetensi = Annotated[
    list[
        Annotated[
            Union[Annotated[Teks, Tag("teks")], Annotated[Kompetensi, Tag("rinci")]],
            Discriminator(_jenis_teks_atau),
        ]
    ],
    BeforeValidator(_satu_jadi_daftar),
    Field(min_length=1, description="Kompetensi pelaksana, boleh per jabatan."),
]


class Pelaksana(Dasar):
    jabatan: Teks = Field(..., description="Jabatan atau peran.", examples=["Petugas Loket"])
    jumlah: int = Field(..., ge=0, description="Jumlah orang.", examples=[3])
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")


JumlahPelaksana = Annotated[
    list[Pelaksana], Field(min_length=1, description="Jumlah pelaksana per jabatan.")
]

UraianInternal = Annotated[DaftarTeks, Field(min_length=1)]


# --------------------------------------------------------------------------------------
# The 14 components
# --------------------------------------------------------------------------------------

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


class Komponen(Dasar):
    """The 14 components, all optional: used for unit defaults (bawaan)."""

    persyaratan: Optional[DaftarPersyaratan] = Field(
        None,
        description=(
            "1. Persyaratan: dokumen, barang, atau syarat yang harus dipenuhi pemohon. Daftar biasa, "
            "atau kelompok per jenis pemohon (kelompok: dan daftar:)."
        ),
        examples=[["KTP-el asli", {"dokumen": "Kartu Keluarga", "bentuk": "fotokopi"}]],
    )
    prosedur: Optional[Prosedur] = Field(
        None,
        description=(
            "2. Sistem, mekanisme, dan prosedur: langkah berurutan (pelaksana, uraian, waktu), atau "
            "tatap_muka: dan daring: bila ada dua cara."
        ),
    )
    jangka_waktu: Optional[DurasiMasuk] = Field(
        None, description="3. Jangka waktu penyelesaian seluruh layanan, misalnya \"paling lama 3 hari kerja\".", examples=["3 hari kerja"]
    )
    biaya: Optional[BiayaMasuk] = Field(
        None, description="4. Biaya/tarif: gratis, jumlah rupiah, tabel tarif, atau rumus (wajib dengan dasar_hukum bila berbayar).", examples=["Gratis"]
    )
    produk: Optional[Produk] = Field(None, description="5. Produk pelayanan: apa yang diterima pemohon.", examples=[["KTP-el"]])
    pengaduan: Optional[Pengaduan] = Field(
        None, description="6. Penanganan pengaduan, saran, dan masukan: saluran, tata cara, dan waktu penyelesaian."
    )
    dasar_hukum: Optional[DasarHukum] = Field(
        None, description="7. Dasar hukum: peraturan yang menjadi dasar layanan (jenis, nomor, tahun, tentang) atau teks bebas."
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
        None, description="11. Jumlah pelaksana per jabatan (jabatan: dan jumlah:)."
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


# --------------------------------------------------------------------------------------
# Service metadata
# --------------------------------------------------------------------------------------


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
    nomor: Teks = Field(
        ..., description="Nomor keputusan penetapan.", examples=["000/CONTOH-001/DISKOMINFO/2026"]
    )
    tanggal: dt.date = Field(..., description="Tanggal penetapan (TTTT-BB-HH).", examples=["2026-01-15"])
    pejabat: Teks = Field(
        ..., description="Jabatan penandatangan.", examples=["Kepala Dinas Komunikasi dan Informatika"]
    )
    tentang: Optional[Teks] = Field(None, description="Judul keputusan.")


class Peninjauan(Dasar):
    terakhir: Optional[dt.date] = Field(None, description="Tanggal evaluasi/peninjauan terakhir.", examples=["2026-01-15"])
    berikutnya: Optional[dt.date] = Field(
        None, description="Tanggal peninjauan berikutnya (paling lambat satu tahun).", examples=["2027-01-15"]
    )


class Fkp(Dasar):
    tanggal: dt.date = Field(..., description="Tanggal Forum Konsultasi Publik.", examples=["2025-12-10"])
    berita_acara: Teks = Field(
        ..., description="Nomor atau rujukan berita acara FKP.", examples=["BA-FKP/CONTOH/12/2025"]
    )


class KonsultasiPublik(Dasar):
    batas: Optional[dt.date] = Field(None, description="Batas akhir pemberian masukan.", examples=["2026-12-31"])
    cara: Teks = Field(
        ...,
        description="Cara menyampaikan masukan atas rancangan.",
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
            t += (
                f" (istirahat {self.istirahat_mulai.replace(':', '.')}–"
                f"{self.istirahat_selesai.replace(':', '.')})"
            )
        return t


SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Layanan(Komponen):
    """One service standard (one YAML file)."""

    nama: Teks = Field(
        ..., description="Nama layanan, tampil sebagai judul halaman.", examples=["Penerbitan Akta Kelahiran"]
    )
    ringkasan: Teks = Field(
        ...,
        description="Satu kalimat sederhana untuk warga: layanan ini untuk apa.",
        examples=["Membuat akta kelahiran bagi anak yang lahir di Kota Bontang."],
    )
    sinonim: Optional[DaftarTeks] = Field(
        None,
        description="Kata sehari-hari yang dipakai warga saat mencari layanan ini.",
        examples=[["akta lahir", "akte kelahiran"]],
    )
    kategori: Teks = Field(..., description="Kategori layanan.", examples=["Kependudukan"])
    status: Status = Field(
        ...,
        description="berlaku, rancangan (terbuka untuk konsultasi publik), dicabut, atau contoh (data ilustrasi).",
        examples=["berlaku"],
    )
    kode_sippn: Optional[Teks] = Field(None, description="Kode layanan nasional/SIPPN bila ada.")
    tempat_layanan: Optional[Teks] = Field(
        None, description="Tempat layanan (loket, gedung). Bila kosong dipakai alamat unit.",
        examples=["Loket 3, Mal Pelayanan Publik Kota Bontang"],
    )
    jam_layanan: Optional[list[JamLayanan]] = Field(
        None, description="Jam layanan. Bila kosong dipakai jam layanan unit."
    )
    layanan_daring: Optional[AlamatWeb] = Field(
        None, description="Alamat layanan daring (online), diawali https://.",
        examples=["https://sipandu.bontangkota.go.id"],
    )
    penetapan: Optional[Penetapan] = Field(None, description="Keputusan yang menetapkan standar ini.")
    peninjauan: Optional[Peninjauan] = Field(None, description="Tanggal peninjauan (evaluasi) standar.")
    fkp: Optional[Fkp] = Field(None, description="Catatan Forum Konsultasi Publik.")
    konsultasi_publik: Optional[KonsultasiPublik] = Field(
        None, description="Untuk rancangan: cara dan batas waktu memberi masukan."
    )

    @model_validator(mode="after")
    def _cek_lintas(self) -> "Layanan":
        # Branch targets must exist in the same list of steps.
        if self.prosedur is not None:
            for _, langkah in varian_prosedur(self.prosedur):
                for i, lk in enumerate(langkah):
                    for c in lk.cabang:
                        if c.ke_langkah is not None and c.ke_langkah > len(langkah):
                            raise PydanticCustomError(
                                "langkah_tidak_ada",
                                "Langkah {i} bercabang ke langkah {k}, padahal prosedur hanya "
                                "memiliki {n} langkah.",
                                {"i": i + 1, "k": c.ke_langkah, "n": len(langkah)},
                            )
        return self


# --------------------------------------------------------------------------------------
# Unit and instansi files
# --------------------------------------------------------------------------------------


class Pejabat(Dasar):
    jabatan: Teks = Field(..., description="Jabatan.", examples=["Kepala Dinas Komunikasi dan Informatika"])
    nama: Teks = Field(..., description="Nama lengkap dengan gelar.", examples=["Nama Pejabat, S.Kom."])
    nip: Optional[Teks] = Field(None, description="NIP.", examples=["19700101 199003 1 001"])


MAKLUMAT_BAKU = (
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan "
    "yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi "
    "sesuai peraturan perundang-undangan yang berlaku."
)


class Maklumat(Dasar):
    teks: Teks = Field(
        MAKLUMAT_BAKU, description="Isi maklumat pelayanan. Bila kosong dipakai kalimat baku."
    )
    tempat: Teks = Field(..., description="Tempat penandatanganan.", examples=["Bontang"])
    tanggal: dt.date = Field(..., description="Tanggal penandatanganan.", examples=["2026-01-15"])
    penandatangan: Pejabat = Field(..., description="Pejabat yang menandatangani maklumat.")


class Unit(Dasar):
    """An OPD (dinas/badan) or a bidang inside it (`_unit.yaml`)."""

    nama: Teks = Field(..., description="Nama resmi unit.", examples=["Dinas Komunikasi dan Informatika"])
    singkatan: Optional[Teks] = Field(None, description="Singkatan.", examples=["Diskominfo"])
    alamat: Optional[Teks] = Field(None, description="Alamat kantor/tempat layanan.")
    jam_layanan: Optional[list[JamLayanan]] = Field(None, description="Jam layanan unit.")
    kontak: list[Saluran] = Field(default_factory=list, description="Kontak unit (telepon, e-mail, situs web).")
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
        description="Keputusan yang menetapkan standar semua layanan unit ini (bila satu keputusan "
        "memuat beberapa layanan). Layanan yang menulis penetapan: sendiri memakai miliknya.",
    )
    fkp: Optional[Fkp] = Field(None, description="Forum Konsultasi Publik yang membahas standar unit ini.")
    peninjauan: Optional[Peninjauan] = Field(None, description="Peninjauan standar unit ini.")
    bawaan: Optional[Komponen] = Field(
        None,
        description="Komponen bawaan yang diwarisi semua layanan unit ini (misalnya pengaduan, sarana_prasarana, dasar_hukum).",
    )


class Instansi(Dasar):
    """The government as a whole (`standards/_instansi.yaml`)."""

    nama: Teks = Field(..., description="Nama pemerintah daerah.", examples=["Pemerintah Kota Bontang"])
    wilayah: Teks = Field(..., description="Wilayah layanan.", examples=["Kota Bontang, Kalimantan Timur"])
    logo: Optional[Teks] = Field(None, description="Berkas logo (relatif terhadap folder standards/).", examples=["logo.svg"])
    situs: Optional[AlamatWeb] = Field(
        None, description="Alamat situs standar pelayanan ini.", examples=["https://standar.bontangkota.go.id/"]
    )
    saluran_bersama: list[Saluran] = Field(
        default_factory=list,
        description="Saluran pengaduan yang berlaku untuk semua unit (misalnya SP4N-LAPOR!).",
    )
