"""2. Sistem, mekanisme, dan prosedur.

Shapes: one text (as published); a list of steps (each a text or a detailed step);
or a mapping with an introduction, the steps, in-person/online variants, and any
number of named procedures (``alur``). Steps may have no named actor, or several;
a decision step may branch into several outcomes, each with steps of its own.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, NamedTuple, Optional

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from .dasar import Dasar, Teks, Uraian, YaTidak, daftar_kalimat, kecil_awal, satu_jadi_daftar
from .durasi import DurasiMasuk


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


class Cabang(Dasar):
    """A branch after a decision step: "jika berkas tidak lengkap, ...". """

    teks: Optional[Teks] = Field(
        None, description="Cabang sebagaimana tertulis dalam standar (\"Apabila ditolak, ...\"); bila ada, inilah yang "
        "ditampilkan.", examples=["Apabila permohonan ditolak, pemohon dapat mengajukan keberatan"],
    )
    jika: Optional[Teks] = Field(None, description="Keadaan.", examples=["Berkas tidak lengkap"])
    maka: Optional[Teks] = Field(
        None, description="Yang terjadi.", examples=["Berkas dikembalikan kepada pemohon untuk dilengkapi"]
    )
    langkah: Optional[list["LangkahMasuk"]] = Field(
        None, description="Langkah-langkah pada cabang ini (boleh bercabang lagi)."
    )
    ke_langkah: Optional[int] = Field(
        None, ge=1, description="Nomor langkah berikutnya (dalam daftar yang sama).", examples=[1]
    )
    selesai: YaTidak = Field(False, description="ya bila layanan berakhir pada cabang ini.")

    @model_validator(mode="after")
    def _ada_isi(self) -> "Cabang":
        if not (self.teks or self.jika):
            raise PydanticCustomError("cabang_kosong", "Tulis jika: (keadaannya) atau teks: (cabang seperti tertulis).")
        return self

    def kalimat(self, nomor_langkah: int, ringkas: bool = False) -> str:
        """The branch as one sentence, for step ``nomor_langkah`` (1-based):
        "Jika berkas tidak lengkap: berkas dikembalikan; kembali ke langkah 1."

        ``ringkas`` (posters, the flow diagram) leaves out what happens when the
        sentence already says where the flow goes.
        """
        if self.teks:
            return self.teks.strip()
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

    pelaksana: Optional[Annotated[list[Teks], BeforeValidator(satu_jadi_daftar)]] = Field(
        None,
        description="Siapa yang melakukan langkah ini (satu atau beberapa). Boleh kosong bila standar tidak menyebutnya.",
        examples=["Petugas Loket"],
    )
    jenis_pelaksana: Optional[JenisPelaksana] = Field(
        None,
        description="pemohon, petugas, sistem, atau instansi lain. Bila kosong: pemohon bila "
        "pelaksana diawali \"Pemohon\", selain itu petugas.",
    )
    uraian: Teks = Field(..., description="Apa yang dilakukan.", examples=["Memeriksa kelengkapan berkas"])
    waktu: Optional[DurasiMasuk] = Field(None, description="Waktu langkah ini.", examples=["15 menit"])
    hasil: Optional[Teks] = Field(None, description="Keluaran langkah ini.", examples=["Tanda terima"])
    rincian: Optional[Uraian] = Field(None, description="Butir-butir uraian langkah ini (a, b, c ...).")
    cabang: list[Cabang] = Field(default_factory=list, description="Percabangan (misalnya diterima/ditolak).")
    keterangan: Optional[Teks] = Field(None, description="Keterangan tambahan.")
    ringkas_poster: Optional[Teks] = Field(
        None,
        description="Uraian singkat langkah ini khusus untuk poster (dicetak menggantikan uraian). Pakai bila "
        "uraiannya panjang, agar poster dapat dicetak dengan huruf lebih besar; halaman web dan buku standar "
        "pelayanan tetap memuat uraian lengkap.",
        examples=["Serahkan berkas di loket"],
    )

    def jenis(self) -> JenisPelaksana:
        if self.jenis_pelaksana:
            return self.jenis_pelaksana
        if self.pelaksana and self.pelaksana[0].strip().lower().startswith("pemohon"):
            return JenisPelaksana.pemohon
        return JenisPelaksana.petugas

    def nama_pelaksana(self) -> str:
        """'Petugas Loket', 'Petugas Loket dan Kepala Seksi', or '' when the source names nobody."""
        return daftar_kalimat(list(self.pelaksana or []), "dan")


def _langkah_masuk(v: Any) -> Any:
    # A step written as one text is its description.
    return {"uraian": v} if isinstance(v, str) else v


LangkahMasuk = Annotated[Langkah, BeforeValidator(_langkah_masuk)]
Cabang.model_rebuild()

DaftarLangkah = Annotated[list[LangkahMasuk], Field(min_length=1)]


class AlurBernama(Dasar):
    """One of several named procedures in one standard."""

    nama: Teks = Field(..., description="Nama prosedur.", examples=["Pengajuan melalui OSS"])
    pengantar: Optional[Teks] = Field(None, description="Teks pengantar sebelum langkah-langkah.")
    langkah: DaftarLangkah = Field(..., description="Langkah-langkah prosedur ini.")
    keterangan: Optional[Teks] = Field(None, description="Keterangan setelah langkah-langkah.")


class ProsedurRinci(Dasar):
    """A procedure with an introduction, variants or several named procedures."""

    uraian: Optional[Teks] = Field(
        None, description="Prosedur sebagaimana tertulis dalam standar, bila tidak dipecah menjadi langkah."
    )
    pengantar: Optional[Teks] = Field(None, description="Teks pengantar sebelum langkah-langkah.")
    langkah: Optional[DaftarLangkah] = Field(None, description="Langkah-langkah berurutan.")
    tatap_muka: Optional[DaftarLangkah] = Field(None, description="Langkah bila pemohon datang langsung ke loket.")
    daring: Optional[DaftarLangkah] = Field(None, description="Langkah bila permohonan diajukan secara daring (online).")
    alur: Optional[list[AlurBernama]] = Field(
        None, description="Beberapa prosedur bernama dalam satu standar (nama: dan langkah:)."
    )
    keterangan: Optional[Teks] = Field(None, description="Keterangan setelah langkah-langkah.")

    @model_validator(mode="after")
    def _ada_isi(self) -> "ProsedurRinci":
        if not (self.uraian or self.langkah or self.tatap_muka or self.daring or self.alur):
            raise PydanticCustomError(
                "prosedur_kosong",
                "Isi paling sedikit satu: langkah:, tatap_muka:, daring:, alur:, atau uraian: (teks seperti tercantum).",
            )
        return self


def _jenis_prosedur(v: Any) -> str:
    return "rinci" if isinstance(v, (dict, ProsedurRinci)) else "langkah"


def _prosedur_masuk(v: Any) -> Any:
    return {"uraian": v} if isinstance(v, str) else v


Prosedur = Annotated[
    Annotated[DaftarLangkah, Tag("langkah")] | Annotated[ProsedurRinci, Tag("rinci")],
    Discriminator(_jenis_prosedur),
    BeforeValidator(_prosedur_masuk),
    Field(
        description=(
            "Prosedur: teks seperti tercantum, daftar langkah berurutan (teks atau pelaksana:/uraian:), atau "
            "pengantar:, langkah:, tatap_muka:/daring:, dan alur: (beberapa prosedur bernama)."
        )
    ),
]


class Alur(NamedTuple):
    """One list of steps of a procedure, with what surrounds it."""

    label: str  # "", "Tatap muka", "Daring", or the name of a named procedure
    langkah: list[Langkah]
    pengantar: Optional[str]
    keterangan: Optional[str]
    kunci: tuple  # YAML path of the steps below prosedur:


def varian_prosedur(p: Any) -> list[Alur]:
    """Every list of steps in a procedure of any shape, in the order written."""
    if p is None:
        return []
    if not isinstance(p, ProsedurRinci):
        return [Alur("", list(p), None, None, ())]
    out = []
    if p.langkah:
        out.append(Alur("", list(p.langkah), None, None, ("langkah",)))
    if p.tatap_muka:
        out.append(Alur("Tatap muka", list(p.tatap_muka), None, None, ("tatap_muka",)))
    if p.daring:
        out.append(Alur("Daring", list(p.daring), None, None, ("daring",)))
    for i, a in enumerate(p.alur or []):
        out.append(Alur(a.nama, list(a.langkah), a.pengantar, a.keterangan, ("alur", i, "langkah")))
    return out


def semua_langkah(steps: list[Langkah]) -> list[Langkah]:
    """Steps and the steps nested in their branches, depth first."""
    out = []
    for lk in steps:
        out.append(lk)
        for c in lk.cabang:
            out += semua_langkah(c.langkah or [])
    return out
