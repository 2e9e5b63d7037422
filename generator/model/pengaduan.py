"""6. Penanganan pengaduan, saran, dan masukan.

Channels as published: a type without a value ("Telepon", "Kotak saran"), several
numbers in one entry, en dashes in numbers, addresses without https://, social media
handles with their platform. Values are never rejected for their form (the catalog
warns and shows them as text); only a link that would be unsafe is an error. The
section may be only a procedure, with per-channel procedures, the officer in charge,
admissibility criteria and the decree on complaint handling.
"""

from __future__ import annotations

import enum
import re
from typing import Annotated, Any, Optional

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .dasar import (
    SKEMA_RE,
    Dasar,
    DaftarTeks,
    Pejabat,
    Teks,
    Uraian,
    tautan_web,
)
from .durasi import DurasiMasuk


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
    lainnya = "lainnya"


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
    JenisSaluran.lainnya: "Saluran lain",
}

_TELP_BERSIH = re.compile(r"[\s\-–—().]")
_TELP_RE = re.compile(r"^(\+62|62|0)\d{6,13}$")
_KODE_PENDEK = re.compile(r"^\d{3,5}$")
_BEBAS_PULSA = re.compile(r"^1500\d{3,4}$")  # 1500-xxx call centres
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# A phone number inside prose: "(0548) 123456", "0812–3456–7890", "+62 21 123", "1708". Dots
# and brackets inside are left out, so office hours ("08.00–16.00") are not read as numbers.
_NOMOR_RE = re.compile(r"\+?(?:\(\d{2,5}\) ?)?\d[\d \-–—]{1,18}\d")
_TELEPON = {JenisSaluran.telepon, JenisSaluran.faks, JenisSaluran.sms, JenisSaluran.whatsapp}
_WEB = {JenisSaluran.website, JenisSaluran.sp4n_lapor, JenisSaluran.media_sosial, JenisSaluran.aplikasi}


def nomor_internasional(nomor: str) -> str:
    """'0812-3456-7890' -> '+6281234567890'; short codes stay as they are."""
    n = _TELP_BERSIH.sub("", nomor)
    if _KODE_PENDEK.match(n) or _BEBAS_PULSA.match(n):
        return n
    if n.startswith("+62"):
        return n
    if n.startswith("62"):
        return "+" + n
    return "+62" + n[1:]


def nomor_sah(teks: str, pendek_boleh: bool = True) -> bool:
    n = _TELP_BERSIH.sub("", teks)
    return bool(_TELP_RE.match(n) or _BEBAS_PULSA.match(n) or (pendek_boleh and _KODE_PENDEK.match(n)))


def _potong(v: str, pola: re.Pattern, tautan: Any) -> list[tuple[str, Optional[str]]]:
    """Split ``v`` into text and the matches of ``pola``, each with its link (or None)."""
    out: list[tuple[str, Optional[str]]] = []
    pos = 0
    for m in pola.finditer(v):
        href = tautan(m.group(0))
        if href is None:
            continue
        if m.start() > pos:
            out.append((v[pos:m.start()], None))
        out.append((m.group(0), href))
        pos = m.end()
    if pos < len(v):
        out.append((v[pos:], None))
    return out


class Saluran(Dasar):
    """A complaint channel as published."""

    jenis: JenisSaluran = Field(
        ...,
        description=(
            "Jenis saluran: tatap_muka, kotak_saran, surat, telepon, faks, sms, whatsapp, email, website, "
            "sp4n_lapor, aplikasi, media_sosial, atau lainnya."
        ),
        examples=["whatsapp"],
    )
    nilai: Optional[Teks] = Field(
        None,
        description=(
            "Nomor telepon (boleh beberapa), alamat e-mail, alamat web, akun media sosial, atau lokasi, seperti "
            "tercantum. Boleh kosong bila standar hanya menyebut jenisnya (\"Telepon\", \"Kotak saran\")."
        ),
        examples=["0812-3456-7890"],
    )
    platform: Optional[Teks] = Field(
        None, description="Nama platform media sosial atau aplikasi.", examples=["Instagram"]
    )
    label: Optional[Teks] = Field(None, description="Nama saluran yang ditampilkan.", examples=["Call Center"])
    keterangan: Optional[Teks] = Field(
        None, description="Keterangan, misalnya jam layanan saluran.", examples=["Senin–Jumat 08.00–16.00"]
    )
    tata_cara: Optional[Uraian] = Field(None, description="Tata cara pengaduan melalui saluran ini.")

    @field_validator("nilai")
    @classmethod
    def _cek_nilai(cls, v: Optional[str]) -> Optional[str]:
        # Only what would become an unsafe link is refused; other forms are warned about.
        if v is not None:
            m = SKEMA_RE.match(v)
            if m and m.group(1).lower() in ("javascript", "data", "vbscript", "file", "blob"):
                raise PydanticCustomError(
                    "tautan_tidak_aman",
                    "Alamat '{nilai}' memakai skema '{skema}:', yang tidak aman dijadikan tautan. "
                    "Tulis alamat web yang diawali https://.",
                    {"nilai": v.strip(), "skema": m.group(1)},
                )
        return v

    # -- business rules --------------------------------------------------------------
    def nama_tampil(self) -> str:
        if self.label:
            return self.label + (f" ({self.platform})" if self.platform else "")
        return self.platform or LABEL_SALURAN[self.jenis]

    def _tautan_nomor(self, teks: str, utuh: bool) -> Optional[str]:
        """``utuh``: the number is the whole value. A short code (112, 1708) only then:
        "(0725) 49638,49313" ends in a local number without its area code."""
        if self.jenis == JenisSaluran.faks:
            return None
        pendek = utuh and self.jenis in (JenisSaluran.sms, JenisSaluran.telepon)
        if not nomor_sah(teks, pendek):
            return None
        nomor = nomor_internasional(teks)
        if self.jenis == JenisSaluran.whatsapp:
            return "https://wa.me/" + nomor.lstrip("+") if not _KODE_PENDEK.match(nomor) else None
        if self.jenis == JenisSaluran.sms:
            return "sms:" + nomor
        return "tel:" + nomor

    def bagian_nilai(self) -> list[tuple[str, Optional[str]]]:
        """The value as written, cut into pieces with a safe link where one can be made:
        every phone number in it, every e-mail address, a web address."""
        if not self.nilai:
            return []
        v = self.nilai.strip()
        if self.jenis in _TELEPON:
            semua = _TELP_BERSIH.sub("", v)
            return _potong(v, _NOMOR_RE, lambda t: self._tautan_nomor(t, _TELP_BERSIH.sub("", t) == semua))
        if self.jenis == JenisSaluran.email:
            return _potong(v, _EMAIL_RE, lambda s: "mailto:" + s)
        if self.jenis in _WEB:
            # An account name ("Puskesmassuppa.prg") is not a web address, even when it looks like one.
            akun = self.jenis == JenisSaluran.media_sosial and not v.lower().startswith(("http://", "https://"))
            return [(v, None if akun else tautan_web(v))]
        return [(v, None)]

    def tautan(self) -> Optional[str]:
        """The first safe link (https, http, tel, sms, mailto, WhatsApp) or None."""
        return next((h for _, h in self.bagian_nilai() if h), None)

    def masalah(self) -> list[tuple[str, str]]:
        """(code, Indonesian message) for a value that cannot be used as its type says.
        Warnings, never errors: the value is shown as published."""
        v = (self.nilai or "").strip()
        if not v:
            return []
        if self.jenis in _TELEPON and self.jenis != JenisSaluran.faks and self.tautan() is None:
            return [("telepon-tidak-terbaca",
                     f"'{v}' tidak terbaca sebagai nomor telepon Indonesia, sehingga ditampilkan sebagai teks tanpa "
                     "tautan. Bila memang demikian tertulis dalam standar, biarkan.")]
        if self.jenis == JenisSaluran.email and not _EMAIL_RE.search(v):
            return [("email-tidak-terbaca",
                     f"'{v}' tidak memuat alamat e-mail yang sah, sehingga ditampilkan sebagai teks tanpa tautan.")]
        if self.jenis in _WEB:
            low = v.lower()
            if low.startswith("http://"):
                return [("http-tidak-aman",
                         "Alamat ini diawali http://, yang tidak terenkripsi. Bila situs itu mendukung https://, "
                         "tulis https://.")]
            if not low.startswith("https://"):
                if self.jenis == JenisSaluran.media_sosial and not low.startswith("http"):
                    if not self.platform:
                        return [("akun-tanpa-platform",
                                 f"Akun '{v}' tidak menyebut platformnya. Tambahkan platform: (misalnya Instagram) "
                                 "bila standar menyebutnya.")]
                    return []
                if tautan_web(v) is None:
                    if v.startswith("@") and self.jenis != JenisSaluran.media_sosial:
                        return [("akun-media-sosial",
                                 f"'{v}' tampaknya akun media sosial. Tulis jenis: media_sosial, platform: (misalnya "
                                 "Instagram), dan nilai: nama akunnya.")]
                    if self.jenis == JenisSaluran.media_sosial and not self.platform:
                        return [("akun-tanpa-platform",
                                 f"'{v}' ditampilkan sebagai teks. Untuk akun media sosial, tulis platform: "
                                 "(misalnya Instagram) dan nilai: nama akunnya.")]
                    return [] if self.jenis in (JenisSaluran.media_sosial, JenisSaluran.aplikasi) else [
                        ("alamat-web-tidak-terbaca", f"'{v}' bukan alamat web, sehingga ditampilkan sebagai teks.")]
                return [("tanpa-https",
                         f"Alamat '{v}' ditulis tanpa https://; tautannya dibuat dengan https://. Tulis lengkap bila "
                         "alamat itu memakai skema lain.")]
        return []

    def kunci(self) -> tuple[str, str]:
        return (self.jenis.value, _TELP_BERSIH.sub("", (self.nilai or self.platform or "").strip().lower()))


def _saluran_masuk(v: Any) -> Any:
    # A channel written as one text ("SMS Center 0811 668 7177") is kept as written.
    return {"jenis": "lainnya", "nilai": v} if isinstance(v, str) else v


SaluranMasuk = Annotated[Saluran, BeforeValidator(_saluran_masuk)]


class WaktuPenyelesaian(Dasar):
    kategori: Teks = Field(..., description="Tingkat pengaduan.", examples=["Pengaduan ringan"])
    waktu: DurasiMasuk = Field(..., description="Waktu penyelesaian.", examples=["2 hari kerja"])
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")


class Petugas(Pejabat):
    """The officer in charge of complaints."""

    kontak: Optional[Teks] = Field(None, description="Kontak petugas.", examples=["0812-3456-7890"])

    def teks(self) -> str:
        return ", ".join(x for x in (super().teks(), self.kontak) if x)


def _pengaduan_masuk(v: Any) -> Any:
    return {"uraian": v} if isinstance(v, str) else v


class Pengaduan(Dasar):
    """Complaint handling: channels, handling steps, tiered resolution times."""

    uraian: Optional[Teks] = Field(
        None, description="Penanganan pengaduan sebagaimana tertulis dalam standar, bila tidak dirinci."
    )
    saluran: list[SaluranMasuk] = Field(default_factory=list, description="Saluran pengaduan, saran, dan masukan.")
    tata_cara: Optional[Uraian] = Field(
        None, description="Langkah penanganan pengaduan (boleh bertingkat).",
        examples=[["Pengaduan dicatat dalam register"]],
    )
    kriteria: Optional[Uraian] = Field(
        None, description="Syarat pengaduan dapat diproses (misalnya memuat identitas dan uraian masalah).",
        examples=[["Pengaduan memuat identitas pengadu"]],
    )
    waktu_penyelesaian: list[WaktuPenyelesaian] = Field(
        default_factory=list, description="Waktu penyelesaian per tingkat pengaduan."
    )
    petugas: list[Petugas] = Field(default_factory=list, description="Petugas atau pejabat pengelola pengaduan.")
    dasar_hukum: Optional[DaftarTeks] = Field(
        None, description="Keputusan atau peraturan tentang pengelolaan pengaduan.",
        examples=[["Keputusan Kepala Dinas Nomor 000/CONTOH/2026 tentang Tim Pengelola Pengaduan"]],
    )
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")

    @model_validator(mode="after")
    def _ada_isi(self) -> "Pengaduan":
        if not (self.saluran or self.tata_cara or self.uraian):
            raise PydanticCustomError(
                "pengaduan_kosong",
                "Pengaduan belum diisi. Tulis saluran: (saluran pengaduan), tata_cara:, atau uraian: seperti "
                "tercantum dalam standar.",
            )
        return self

    def punya_lapor(self) -> bool:
        return any(s.jenis == JenisSaluran.sp4n_lapor or "lapor" in (s.nilai or "").lower()
                   for s in self.saluran)


PengaduanMasuk = Annotated[Pengaduan, BeforeValidator(_pengaduan_masuk)]
