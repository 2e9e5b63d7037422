"""7–14. The internal components (pengelolaan pelayanan): legal basis, facilities,
competences, supervision, staff numbers, guarantees and performance evaluation.

Each accepts the published wording (a text, or a list of points that may nest);
structure (regulations with number and year, facilities with counts and the
vulnerable groups they serve, staff per role) is optional.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, Optional, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from .dasar import Dasar, Teks, TeksAtau, Uraian, satu_jadi_daftar


# -- 7. Dasar hukum ---------------------------------------------------------------------


class Peraturan(Dasar):
    jenis: Teks = Field(..., description="Jenis peraturan.", examples=["Undang-Undang"])
    nomor: Teks = Field(..., description="Nomor peraturan.", examples=["25"])
    tahun: int = Field(..., ge=1945, le=2100, description="Tahun peraturan.", examples=[2009])
    tentang: Optional[Teks] = Field(None, description="Judul peraturan.", examples=["Pelayanan Publik"])

    def teks(self) -> str:
        t = f"{self.jenis} Nomor {self.nomor} Tahun {self.tahun}"
        return t + (f" tentang {self.tentang}" if self.tentang else "")


DasarHukum = Annotated[
    list[TeksAtau(Peraturan)],
    BeforeValidator(satu_jadi_daftar),
    Field(min_length=1, description="Peraturan yang menjadi dasar layanan (jenis, nomor, tahun, tentang) atau teks."),
]


def teks_peraturan(p: Any) -> str:
    return p if isinstance(p, str) else p.teks()


# -- 8. Sarana, prasarana, dan/atau fasilitas ---------------------------------------------


class KelompokRentan(str, enum.Enum):
    disabilitas = "disabilitas"
    lansia = "lansia"
    ibu_hamil = "ibu hamil"
    ibu_menyusui = "ibu menyusui"
    anak = "anak"


class Sarana(Dasar):
    nama: Teks = Field(..., description="Nama sarana, ruang, atau fasilitas.", examples=["Ruang tunggu"])
    jumlah: Optional[int] = Field(None, ge=0, description="Jumlah.", examples=[40])
    keterangan: Optional[Teks] = Field(None, description="Keterangan (misalnya jumlah dengan satuannya, kondisi).")
    kelompok_rentan: Annotated[list[KelompokRentan], BeforeValidator(satu_jadi_daftar)] = Field(
        default_factory=list,
        description="Kelompok rentan yang dilayani fasilitas ini: disabilitas, lansia, ibu hamil, ibu menyusui, anak.",
        examples=[["disabilitas", "lansia"]],
    )
    rincian: list["SaranaMasuk"] = Field(default_factory=list, description="Isi ruang atau rincian fasilitas.")

    def untuk_rentan(self) -> bool:
        return bool(self.kelompok_rentan) or any(not isinstance(r, str) and r.untuk_rentan() for r in self.rincian)


SaranaMasuk = TeksAtau(Sarana)
Sarana.model_rebuild()

DaftarSarana = Annotated[
    list[SaranaMasuk], BeforeValidator(satu_jadi_daftar),
    Field(min_length=1, description="Sarana, prasarana, dan/atau fasilitas."),
]


# -- 9. Kompetensi pelaksana ---------------------------------------------------------------


class Kompetensi(Dasar):
    jabatan: Teks = Field(..., description="Jabatan atau peran.", examples=["Petugas Loket"])
    kompetensi: Optional[Uraian] = Field(
        None, description="Pengetahuan, keterampilan, pengalaman.", examples=[["Memahami SOP pelayanan"]]
    )


DaftarKompetensi = Annotated[
    list[TeksAtau(Kompetensi)],
    BeforeValidator(satu_jadi_daftar),
    Field(min_length=1, description="Kompetensi pelaksana, boleh per jabatan."),
]


# -- 11. Jumlah pelaksana ----------------------------------------------------------------


def _jumlah_orang(v: Any) -> Any:
    # "3" is a number; "3 orang per shift" stays as written.
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return v


JumlahOrang = Annotated[Union[int, Teks], BeforeValidator(_jumlah_orang)]


def teks_jumlah(n: Any) -> str:
    return f"{n} orang" if isinstance(n, int) else str(n)


class Pelaksana(Dasar):
    jabatan: Teks = Field(..., description="Jabatan atau peran.", examples=["Petugas Loket"])
    jumlah: Optional[JumlahOrang] = Field(
        None, description="Jumlah orang (angka, atau seperti tertulis: \"2 orang per shift\").", examples=[3]
    )
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")

    def teks(self) -> str:
        t = self.jabatan + (f": {teks_jumlah(self.jumlah)}" if self.jumlah is not None else "")
        return t + (f" ({self.keterangan})" if self.keterangan else "")


class JumlahPelaksanaRinci(Dasar):
    """A total as published, with prose and/or a breakdown (the total is never computed)."""

    jumlah: Optional[JumlahOrang] = Field(None, description="Jumlah seluruh pelaksana seperti tertulis.", examples=[12])
    uraian: Optional[Teks] = Field(None, description="Uraian seperti tertulis dalam standar.")
    rincian: Optional[list[TeksAtau(Pelaksana)]] = Field(None, description="Jumlah per jabatan.")

    @model_validator(mode="after")
    def _ada_isi(self) -> "JumlahPelaksanaRinci":
        if self.jumlah is None and not self.uraian and not self.rincian:
            raise PydanticCustomError("pelaksana_kosong", "Isi paling sedikit satu: jumlah:, uraian:, atau rincian:.")
        return self


def _jenis_jumlah(v: Any) -> str:
    return "rinci" if isinstance(v, (dict, JumlahPelaksanaRinci)) else "daftar"


JumlahPelaksana = Annotated[
    Union[
        Annotated[list[TeksAtau(Pelaksana)], Tag("daftar")],
        Annotated[JumlahPelaksanaRinci, Tag("rinci")],
    ],
    Discriminator(_jenis_jumlah),
    BeforeValidator(lambda v: [v] if isinstance(v, str) else v),
    Field(description="Jumlah pelaksana: teks, daftar per jabatan (jabatan: dan jumlah:), atau jumlah:, uraian:, rincian:."),
]


def rincian_pelaksana(x: Any) -> tuple[Optional[str], Optional[str], list[str]]:
    """(total as written, prose, one line per role) for any shape of jumlah_pelaksana."""
    if isinstance(x, JumlahPelaksanaRinci):
        total = teks_jumlah(x.jumlah) if x.jumlah is not None else None
        baris = [r if isinstance(r, str) else r.teks() for r in x.rincian or []]
        return total, x.uraian, baris
    return None, None, [r if isinstance(r, str) else r.teks() for r in x or []]


# -- 10, 12, 13, 14: prose components ---------------------------------------------------

UraianInternal = Uraian
