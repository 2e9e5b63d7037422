"""Shared building blocks of the model: the base class, text types, dates, money,
links, and the nested free-text list (``Uraian``) every component can fall back to.

Verbatim first: wherever a published standard has wording, the model accepts it as
text and keeps it; structure is optional and sits on top.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag, model_validator
from pydantic_core import PydanticCustomError


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
        raise PydanticCustomError("ya_tidak", "Nilai ini harus 'ya' atau 'tidak' (atau true/false).")
    return v


YaTidak = Annotated[
    bool,
    BeforeValidator(_bool_id),
    Field(json_schema_extra={"anyOf": [{"type": "boolean"}, {"enum": ["ya", "tidak"]}]}),
]


def satu_jadi_daftar(v: Any) -> Any:
    """A single text (or mapping) where a list is expected is read as a one-item list."""
    if isinstance(v, (str, dict)):
        return [v]
    return v


# A text as written; may span several lines (a YAML block `|`), which outputs keep. Not
# empty: checked by pydantic-core itself (a pattern), not a Python call per text.
TEKS_ISI = r"\S"
Teks = Annotated[str, StringConstraints(pattern=TEKS_ISI)]
DaftarTeks = Annotated[list[Teks], BeforeValidator(satu_jadi_daftar)]


def jenis_teks_atau(v: Any) -> str:
    """Union tag: a plain text, or the structured ("rinci") form."""
    return "teks" if isinstance(v, str) else "rinci"


def TeksAtau(model: type) -> Any:  # noqa: N802 - a type constructor
    """``Teks | model``, told apart by whether the YAML value is text."""
    return Annotated[
        Union[Annotated[Teks, Tag("teks")], Annotated[model, Tag("rinci")]],
        Discriminator(jenis_teks_atau),
    ]


# --------------------------------------------------------------------------------------
# Uraian: a list of texts that may nest (a point with its sub-points)
# --------------------------------------------------------------------------------------


class ButirUraian(Dasar):
    """A point with sub-points, as decrees write them ("a. ...; 1) ...")."""

    teks: Teks = Field(..., description="Isi butir.", examples=["Pengawasan oleh atasan langsung"])
    rincian: list["ButirMasuk"] = Field(
        default_factory=list, description="Butir-butir di bawahnya.", examples=[["secara berkala"]]
    )


ButirMasuk = TeksAtau(ButirUraian)
ButirUraian.model_rebuild()

Uraian = Annotated[
    list[ButirMasuk],
    BeforeValidator(satu_jadi_daftar),
    Field(min_length=1),
]


# --------------------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------------------

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
# A host name written without a scheme: "www.lapor.go.id", "sipandu.bontangkota.go.id/daftar".
DOMAIN_RE = re.compile(r"^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                       r"\.[a-z]{2,}(?::\d+)?(?:/[^\s]*)?$", re.IGNORECASE)
# Schemes that must never become a link (javascript:, data:, vbscript:, file: ...).
SKEMA_RE = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def tautan_web(v: str) -> Optional[str]:
    """A safe web link for an address as written: https/http kept, a bare host name
    gets https://; anything else (other schemes, prose) gives None."""
    s = v.strip()
    if any(c in s for c in "\"'<>`"):
        return None
    if URL_RE.match(s):
        # "http://dinsos@inhilkab.go.id" is an e-mail address typed as a web address:
        # a login name in a link misleads, so no link.
        host = s.split("://", 1)[1].split("/", 1)[0]
        return None if "@" in host else s
    if DOMAIN_RE.match(s) and "@" not in s:
        return "https://" + s
    return None


def _cek_url(v: Any) -> Any:
    if isinstance(v, str):
        s = v.strip()
        m = SKEMA_RE.match(s)
        if m and m.group(1).lower() not in ("http", "https"):
            raise PydanticCustomError(
                "tautan_tidak_aman",
                "Alamat '{nilai}' memakai skema '{skema}:', yang tidak aman dijadikan tautan. "
                "Tulis alamat web yang diawali https://.",
                {"nilai": s, "skema": m.group(1)},
            )
        if not tautan_web(s):
            raise PydanticCustomError(
                "url_tidak_sah",
                "'{nilai}' bukan alamat web. Tulis alamat seperti tercantum, misalnya "
                "https://sipandu.bontangkota.go.id atau sipandu.bontangkota.go.id, tanpa spasi.",
                {"nilai": s},
            )
        return s
    return v


# A web address as published: https://, http:// or a bare host name (links are made safe).
AlamatWeb = Annotated[
    str,
    BeforeValidator(_cek_url),
    Field(json_schema_extra={"format": "uri"}),
]


# --------------------------------------------------------------------------------------
# Times of day, dates, numbers, money
# --------------------------------------------------------------------------------------

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

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
_BULAN_IDX = {b.lower(): i + 1 for i, b in enumerate(BULAN)} | {"agustus": 8, "pebruari": 2, "nopember": 11}
_TGL_ID = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$")
_TGL_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def _tanggal_longgar(v: Any) -> Any:
    """'2026-01-15' and '15 Januari 2026' become dates; other wording ('2020',
    'Januari 2020') stays text, as published."""
    if isinstance(v, str):
        m = _TGL_ISO.match(v)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise PydanticCustomError(
                    "tanggal_tidak_ada", "Tanggal '{teks}' tidak ada di kalender.", {"teks": v}
                ) from None
        m = _TGL_ID.match(v)
        if m and m.group(2).lower() in _BULAN_IDX:
            try:
                return dt.date(int(m.group(3)), _BULAN_IDX[m.group(2).lower()], int(m.group(1)))
            except ValueError:
                pass
        if not v.strip():
            raise PydanticCustomError("teks_kosong", "Teks ini kosong.")
    return v


# A date (TTTT-BB-HH or "15 Januari 2026"), or the wording the source gives ("2020").
TanggalLonggar = Annotated[Union[dt.date, str], BeforeValidator(_tanggal_longgar)]


def tanggal_id(d: Any) -> str:
    """2026-01-15 -> '15 Januari 2026'; a text date is shown as written."""
    if d is None:
        return ""
    if isinstance(d, str):
        return d
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def tanggal_iso(d: Any) -> str:
    """ISO date for the exports, or the text as written ('' when absent)."""
    if d is None:
        return ""
    return d if isinstance(d, str) else d.isoformat()


def fmt_angka(n: Any) -> str:
    f = float(n)
    if f.is_integer():
        return str(int(f))
    return f"{f:g}".replace(".", ",")


def rupiah(n: int) -> str:
    return "Rp" + f"{n:,}".replace(",", ".")


_RP_RE = re.compile(r"^\s*(?:rp\.?\s*)?(\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,(?:00|-|–)?)?\s*,?-?\s*$", re.IGNORECASE)


def _rupiah_masuk(v: Any) -> Any:
    """'Rp 50.000', 'Rp. 5.000,-', '50.000' and 50000 are the same amount."""
    if isinstance(v, str):
        m = _RP_RE.match(v)
        if m:
            return int(re.sub(r"[.\s]", "", m.group(1)))
        raise PydanticCustomError(
            "rupiah_tidak_terbaca",
            "'{teks}' tidak dapat dibaca sebagai jumlah rupiah. Tulis angkanya (misalnya 50000 atau "
            "\"Rp50.000\"), atau tulis kalimat seperti tercantum di bawah teks:.",
            {"teks": v},
        )
    return v


Rupiah = Annotated[
    int,
    BeforeValidator(_rupiah_masuk),
    Field(ge=0, json_schema_extra={"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string"}]}),
]


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


def kapital(s: str) -> str:
    """First letter upper-case (a wording that starts a sentence on a poster)."""
    return s[:1].upper() + s[1:] if s else s


def daftar_kalimat(items: list[str], kata: str = "atau") -> str:
    """["KTP-el", "SIM", "Paspor"] -> "KTP-el, SIM, atau Paspor"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {kata} {items[1]}"
    return ", ".join(items[:-1]) + f", {kata} {items[-1]}"


class Pejabat(Dasar):
    """A named official: who signs a maklumat or a decree."""

    jabatan: Optional[Teks] = Field(None, description="Jabatan.", examples=["Kepala Dinas Komunikasi dan Informatika"])
    nama: Optional[Teks] = Field(None, description="Nama lengkap dengan gelar.", examples=["Nama Pejabat, S.Kom."])
    pangkat: Optional[Teks] = Field(None, description="Pangkat/golongan.", examples=["Pembina Utama Muda (IV/c)"])
    nip: Optional[Teks] = Field(None, description="NIP.", examples=["19700101 199003 1 001"])

    @model_validator(mode="after")
    def _ada_isi(self) -> "Pejabat":
        if not (self.nama or self.jabatan):
            raise PydanticCustomError("pejabat_kosong", "Tulis paling sedikit jabatan: atau nama:.")
        return self

    def teks(self) -> str:
        """'Kepala Dinas ..., Nama, Pangkat, NIP ...' from the parts given."""
        return ", ".join(x for x in (self.jabatan, self.nama, self.pangkat, self.nip and f"NIP {self.nip}") if x)


class Sumber(Dasar):
    """Where the published text comes from (provenance), for the editors and auditors."""

    url: Optional[AlamatWeb] = Field(
        None, description="Alamat halaman atau dokumen yang memuat standar ini.",
        examples=["https://sippn.menpan.go.id/pelayanan-publik/8152259"],
    )
    judul: Optional[Teks] = Field(None, description="Judul dokumen atau halaman sumber.",
                                  examples=["Lampiran Keputusan Kepala Dinas Nomor 000/CONTOH/2026"])
    diakses: Optional[TanggalLonggar] = Field(None, description="Tanggal sumber dibaca.", examples=["2026-11-30"])
    catatan: Optional[Teks] = Field(
        None, description="Yang tidak dimuat sumber atau perlu diketahui (misalnya teks terpotong).",
        examples=["Sumber tidak memuat komponen internal."],
    )
    tidak_tersedia: Annotated[list[str], BeforeValidator(satu_jadi_daftar)] = Field(
        default_factory=list,
        description="Komponen yang ada dalam standar tetapi tidak terbaca dalam salinan sumber (misalnya halaman "
        "terpotong atau gambar). Ditampilkan \"Tidak tersedia dalam salinan sumber\", bukan \"Tidak dicantumkan\".",
        examples=[["prosedur", "dasar_hukum"]],
    )
