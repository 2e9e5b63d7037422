"""1. Persyaratan: documents, conditions and actions the applicant must meet.

Shapes, simplest first: one text (as published); a list of texts and/or detailed
items; a list of groups per applicant type; or a mapping with rules for the whole
list (``ketentuan``), the items every applicant needs (``daftar``) and the groups
(``kelompok``).
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, Optional, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from .dasar import Dasar, DaftarTeks, Teks, TeksAtau, YaTidak, daftar_kalimat, satu_jadi_daftar


class Bentuk(str, enum.Enum):
    asli = "asli"
    fotokopi = "fotokopi"
    dilegalisir = "dilegalisir"
    bermeterai = "bermeterai"
    pindaian = "pindaian"
    cetak = "cetak"
    isian = "isian"


class JenisSyarat(str, enum.Enum):
    dokumen = "dokumen"
    syarat = "syarat"  # an eligibility rule: "telah berusia 17 tahun"
    tindakan = "tindakan"  # something to do: "datang sendiri", "menyetujui syarat penjualan"


class _RincianSyarat(Dasar):
    bentuk: Annotated[list[Bentuk], BeforeValidator(satu_jadi_daftar)] = Field(
        default_factory=list,
        description="Bentuk dokumen: asli, fotokopi, dilegalisir, bermeterai, pindaian, cetak, isian.",
        examples=[["fotokopi", "dilegalisir"]],
    )
    jumlah: Optional[int] = Field(None, ge=1, le=100, description="Jumlah rangkap.", examples=[2])
    dilegalisir_oleh: Optional[Teks] = Field(
        None, description="Pejabat atau instansi yang melegalisir.", examples=["Lurah setempat"]
    )
    meterai: Optional[Teks] = Field(None, description="Meterai yang diminta.", examples=["Rp10.000"])
    masa_berlaku: Optional[Teks] = Field(
        None, description="Syarat masa berlaku dokumen.", examples=["yang masih berlaku"]
    )
    keterangan: Optional[Teks] = Field(None, description="Keterangan tambahan.", examples=["bermeterai Rp10.000"])

    def label_bentuk(self) -> str:
        bagian = [b.value for b in self.bentuk]
        if self.jumlah:
            bagian.append(f"{self.jumlah} rangkap")
        return ", ".join(bagian)

    def rincian(self, ringkas: bool = False) -> list[str]:
        """Short phrases for the details, in reading order (``ringkas``: posters)."""
        out = []
        bentuk = self.label_bentuk()
        if bentuk:
            out.append(bentuk)
        if self.meterai:
            out.append(f"bermeterai {self.meterai}" if "meterai" not in self.meterai.lower() else self.meterai)
        if self.dilegalisir_oleh:
            out.append(f"dilegalisir oleh {self.dilegalisir_oleh}")
        if self.masa_berlaku:
            out.append(self.masa_berlaku)
        if not ringkas:
            diperoleh = getattr(self, "diperoleh_dari", None)
            if diperoleh:
                out.append(f"diperoleh dari {diperoleh}")
            if self.keterangan:
                out.append(self.keterangan)
        return out


class AlternatifSyarat(_RincianSyarat):
    """One acceptable alternative with its own form ("KTP-el asli" or "Surat Keterangan fotokopi")."""

    dokumen: Teks = Field(..., description="Nama dokumen pilihan.", examples=["Surat Keterangan Pengganti KTP-el"])

    def teks(self, ringkas: bool = False) -> str:
        r = self.rincian(ringkas)
        return self.dokumen + (f" ({'; '.join(r)})" if r else "")


class ItemPersyaratan(_RincianSyarat):
    """One requirement with its details."""

    dokumen: Teks = Field(..., description="Nama dokumen, barang, syarat, atau tindakan.", examples=["Kartu Keluarga"])
    jenis: Optional[JenisSyarat] = Field(
        None,
        description="dokumen (bawaan), syarat (ketentuan yang harus dipenuhi, misalnya \"telah berusia 17 tahun\"), "
        "atau tindakan (misalnya \"datang sendiri\").",
        examples=["syarat"],
    )
    salah_satu: Optional[Annotated[list[TeksAtau(AlternatifSyarat)], BeforeValidator(satu_jadi_daftar)]] = Field(
        None, description="Pilihan dokumen yang dapat dipakai (cukup salah satu).", examples=[["KTP-el", "SIM", "Paspor"]]
    )
    wajib: YaTidak = Field(True, description="tidak bila persyaratan ini boleh tidak dilampirkan (\"jika ada\").")
    kondisi: Optional[Teks] = Field(
        None, description="Keadaan yang membuat persyaratan ini berlaku.", examples=["jika status tanah sewa"]
    )
    diperoleh_dari: Optional[Teks] = Field(
        None, description="Tempat memperoleh dokumen ini.", examples=["Kantor kelurahan setempat"]
    )
    ringkas_poster: Optional[Teks] = Field(
        None,
        description="Nama singkat persyaratan ini khusus untuk poster (dicetak menggantikan nama dokumen). Pakai "
        "bila namanya panjang, agar poster dapat dicetak dengan huruf lebih besar; halaman web dan buku standar "
        "pelayanan tetap memuat nama lengkap.",
        examples=["Surat pengantar RT/RW"],
    )

    def pilihan(self, ringkas: bool = False) -> list[str]:
        return [x if isinstance(x, str) else x.teks(ringkas) for x in self.salah_satu or []]


Persyaratan = TeksAtau(ItemPersyaratan)


class KelompokPersyaratan(Dasar):
    """A set of requirements for one applicant type or case."""

    kelompok: Optional[Teks] = Field(None, description="Nama jenis pemohon atau keadaan (bila standar menamainya).",
                                     examples=["Penduduk baru berusia 17 tahun"])
    keterangan: Optional[Teks] = Field(None, description="Penjelasan kelompok ini.")
    daftar: Annotated[list[Persyaratan], BeforeValidator(satu_jadi_daftar)] = Field(
        ..., min_length=1, description="Persyaratan untuk kelompok ini."
    )


class PersyaratanRinci(Dasar):
    """Requirements with rules for the whole list, common items and per-group items."""

    ketentuan: Optional[DaftarTeks] = Field(
        None, description="Ketentuan yang berlaku bagi seluruh persyaratan.",
        examples=[["Semua persyaratan dibuat 2 (dua) rangkap"]],
    )
    daftar: Optional[Annotated[list[Persyaratan], BeforeValidator(satu_jadi_daftar)]] = Field(
        None, description="Persyaratan yang berlaku bagi semua pemohon."
    )
    kelompok: Optional[list[KelompokPersyaratan]] = Field(
        None, description="Persyaratan tambahan atau pengganti per jenis pemohon (kelompok: dan daftar:)."
    )

    @model_validator(mode="after")
    def _ada_isi(self) -> "PersyaratanRinci":
        if not (self.daftar or self.kelompok or self.ketentuan):
            raise PydanticCustomError(
                "persyaratan_kosong", "Isi paling sedikit satu: daftar:, kelompok:, atau ketentuan:."
            )
        return self


def _jenis_persyaratan(v: Any) -> str:
    # Called with YAML data when validating and with model instances when serialising.
    if isinstance(v, (dict, PersyaratanRinci)):
        return "rinci"
    if isinstance(v, list) and v and all(
        isinstance(x, KelompokPersyaratan) or (isinstance(x, dict) and ("daftar" in x or "kelompok" in x)) for x in v
    ):
        return "kelompok"
    return "daftar"


def _persyaratan_masuk(v: Any) -> Any:
    return [v] if isinstance(v, str) else v


DaftarPersyaratan = Annotated[
    Union[
        Annotated[list[KelompokPersyaratan], Tag("kelompok"), Field(min_length=1)],
        Annotated[list[Persyaratan], Tag("daftar"), Field(min_length=1)],
        Annotated[PersyaratanRinci, Tag("rinci")],
    ],
    Discriminator(_jenis_persyaratan),
    BeforeValidator(_persyaratan_masuk),
    Field(
        description=(
            "Persyaratan: teks seperti tercantum, daftar dokumen/syarat, kelompok per jenis pemohon "
            "(kelompok: dan daftar:), atau ketentuan:, daftar: (untuk semua), dan kelompok:."
        ),
        examples=[["KTP-el asli", {"dokumen": "Kartu Keluarga", "bentuk": "fotokopi"}]],
    ),
]

UNTUK_SEMUA = "Untuk semua pemohon"


def kelompok_persyaratan(p: Any) -> list[KelompokPersyaratan]:
    """Always a list of groups; a plain list becomes one group named ''."""
    if isinstance(p, PersyaratanRinci):
        out = []
        if p.daftar:
            nama = UNTUK_SEMUA if p.kelompok else ""
            out.append(KelompokPersyaratan.model_construct(kelompok=nama, keterangan=None, daftar=list(p.daftar)))
        return out + list(p.kelompok or [])
    if p and isinstance(p[0], KelompokPersyaratan):
        return list(p)
    return [KelompokPersyaratan.model_construct(kelompok="", keterangan=None, daftar=list(p or []))]


def ketentuan_persyaratan(p: Any) -> list[str]:
    return list(p.ketentuan or []) if isinstance(p, PersyaratanRinci) else []


def nama_persyaratan(p: Any) -> str:
    return p if isinstance(p, str) else p.dokumen


def rincian_persyaratan(p: Any, ringkas: bool = False) -> list[str]:
    """Details of one requirement, each a short phrase (choices first, condition last)."""
    if isinstance(p, str):
        return []
    out = []
    if p.salah_satu:
        out.append("salah satu: " + daftar_kalimat(p.pilihan(ringkas)))
    out += p.rincian(ringkas)
    if p.kondisi:
        out.append(p.kondisi)
    return out


def jumlah_persyaratan(p: Any) -> int:
    return sum(len(k.daftar) for k in kelompok_persyaratan(p or []))
