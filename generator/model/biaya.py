"""4. Biaya/tarif and 5. Produk pelayanan.

A fee as published is text: every wording of "free" is recognised as free (and still
shown as written); any other wording ("sesuai tarif PNBP", "Retribusi dipungut
berdasarkan Peraturan Daerah") is kept as written. Amounts, tariff tables (nested,
per payer), formulas, the funding source and payment methods are optional structure.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Optional

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .dasar import Dasar, DaftarTeks, Rupiah, Teks, TeksAtau, YaTidak, rupiah, satu_jadi_daftar

# Every wording of "free" seen in published standards, as word sequences: a fee text is
# free when it is made only of these (punctuation ignored) and says so at least once.
_FRASA_GRATIS = sorted(
    (tuple(f.split()) for f in (
        "gratis", "free", "nihil", "tidak ada biaya", "tidak ada", "tanpa biaya", "tidak berbayar",
        "tidak dipungut biaya", "tidak dipungut", "tanpa dipungut biaya", "tanpa dipungut", "tidak di pungut biaya",
        "tidak di pungut", "tidak dikenakan biaya", "tidak dikenakan", "tanpa pungutan", "tidak ada pungutan",
        "biaya", "rp",
    )),
    key=len, reverse=True,
)
_BUKAN_PENANDA = {("biaya",), ("rp",)}  # allowed around the words, but say nothing by themselves


def teks_gratis(s: str) -> bool:
    """'Gratis', 'Tidak dipungut biaya (gratis)', 'Rp. 0,- / tidak dipungut biaya', ..."""
    kata = re.sub(r"[^\w]+", " ", s.lower()).split()
    if not kata or len(kata) > 30:
        return False
    i, ada = 0, False
    while i < len(kata):
        if set(kata[i]) == {"0"}:  # Rp 0, 0,00
            i, ada = i + 1, True
            continue
        f = next((f for f in _FRASA_GRATIS if tuple(kata[i:i + len(f)]) == f), None)
        if f is None:
            return False
        i += len(f)
        ada = ada or f not in _BUKAN_PENANDA
    return ada


def _biaya_masuk(v: Any) -> Any:
    if isinstance(v, str):
        if not v.strip():
            raise PydanticCustomError("teks_kosong", "Teks ini kosong.")
        return {"gratis": True, "teks": v} if teks_gratis(v) else {"teks": v}
    return v


class Tarif(Dasar):
    """One row of a tariff table; rows can nest (building → room → per day, or per payer)."""

    nama: Teks = Field(..., description="Nama jenis tarif (atau penjamin/jenis pembayar).",
                       examples=["Ruang Rapat Utama"])
    jumlah: Optional[Rupiah] = Field(None, description="Besar tarif dalam rupiah.", examples=[500000])
    teks: Optional[Teks] = Field(
        None, description="Tarif sebagaimana tertulis bila bukan satu angka (\"Sesuai PERDA\").",
        examples=["Sesuai Peraturan Daerah"],
    )
    satuan: Optional[Teks] = Field(None, description="Satuan tarif.", examples=["per hari"])
    gratis: YaTidak = Field(False, description="ya bila baris ini tidak dipungut biaya.")
    keterangan: Optional[Teks] = Field(None, description="Keterangan.")
    rincian: list["Tarif"] = Field(default_factory=list, description="Rincian tarif di bawah baris ini.")

    def harga(self) -> str:
        """'Gratis', 'Rp500.000', the published wording, or '' for a row that only groups."""
        if self.jumlah is not None and not self.gratis:
            h = "Gratis" if self.jumlah == 0 and not self.rincian else rupiah(self.jumlah)
            return h + (f" ({self.teks})" if self.teks else "")
        if self.teks:
            return self.teks
        if self.gratis or (self.jumlah == 0 and not self.rincian):
            return "Gratis"
        return ""

    def semua_gratis(self) -> bool:
        if self.rincian:
            return all(r.semua_gratis() for r in self.rincian)
        return self.gratis or self.jumlah == 0


class Biaya(Dasar):
    """Fee: the published wording and/or free, an amount, a tariff table, or a formula."""

    teks: Optional[Teks] = Field(
        None,
        description="Biaya sebagaimana tertulis dalam standar (\"Tidak dipungut biaya (gratis)\", \"Sesuai tarif PNBP\"). "
        "Bila ada, inilah yang ditampilkan sebagai ringkasan.",
        examples=["Sesuai Peraturan Pemerintah tentang Tarif PNBP"],
    )
    gratis: YaTidak = Field(False, description="ya bila layanan tidak dipungut biaya.")
    jumlah: Optional[Rupiah] = Field(None, description="Besar biaya dalam rupiah.", examples=[50000])
    satuan: Optional[Teks] = Field(None, description="Satuan biaya.", examples=["per dokumen"])
    tarif: list[Tarif] = Field(default_factory=list, description="Tabel tarif (boleh bertingkat dengan rincian:).")
    rumus: Optional[Teks] = Field(
        None,
        description="Cara menghitung biaya bila ditetapkan dengan rumus dalam peraturan.",
        examples=["Retribusi = Luas Total Bangunan × Indeks Terintegrasi × Harga Satuan Retribusi"],
    )
    dasar_hukum: Optional[Teks] = Field(
        None,
        description="Peraturan yang menetapkan biaya (dianjurkan bila tidak gratis).",
        examples=["Peraturan Daerah Kota Contoh Nomor 0 Tahun 2026 tentang Retribusi Daerah"],
    )
    ditanggung_oleh: Optional[Teks] = Field(
        None, description="Pihak atau sumber dana yang menanggung biaya.", examples=["BPJS Kesehatan"]
    )
    cara_bayar: Optional[DaftarTeks] = Field(
        None, description="Cara pembayaran.", examples=[["QRIS", "transfer ke Bank Kaltimtara"]]
    )
    keterangan: Optional[Teks] = Field(
        None, description="Keterangan, misalnya biaya yang ditanggung pemohon sendiri.",
        examples=["Biaya fotokopi ditanggung pemohon"],
    )

    @model_validator(mode="after")
    def _bentuk(self) -> "Biaya":
        if self.gratis and (self.jumlah or any(not t.semua_gratis() for t in self.tarif)):
            raise PydanticCustomError(
                "biaya_bertentangan",
                "Biaya ditulis gratis: ya sekaligus memiliki jumlah: atau tarif: berbayar. Periksa kembali sumbernya.",
            )
        if not (self.gratis or self.teks or self.jumlah is not None or self.tarif or self.rumus
                or self.ditanggung_oleh):
            raise PydanticCustomError(
                "biaya_kosong",
                "Biaya belum diisi. Salin kalimat biaya dari standar Anda, misalnya biaya: \"Gratis\" atau "
                "biaya: \"Sesuai tarif PNBP yang berlaku\"; angka (jumlah:) dan tabel (tarif:) boleh ditambahkan bila ada.",
            )
        return self

    def adalah_gratis(self) -> bool:
        """True only when the standard says so (a text reference is not free)."""
        if self.gratis:
            return True
        if self.jumlah is not None:
            return self.jumlah == 0
        if self.tarif:
            return all(t.semua_gratis() for t in self.tarif)
        return False

    def berbayar(self) -> bool:
        """True when the standard states a charge (an amount, a paid tariff row or a formula)."""
        if self.adalah_gratis():
            return False
        return bool((self.jumlah or 0) > 0 or self.tarif or self.rumus)

    def teks_ringkas(self) -> str:
        if self.teks:
            satuan = f" ({self.satuan})" if self.satuan and self.jumlah is None else ""
            return self.teks.strip() + satuan
        if self.adalah_gratis():
            return "Gratis (tidak dipungut biaya)"
        if self.jumlah is not None:
            return rupiah(self.jumlah) + (f" {self.satuan}" if self.satuan else "")
        if self.tarif:
            return "Sesuai tabel tarif"
        if self.rumus:
            return "Sesuai ketentuan (lihat rumus)"
        return f"Ditanggung oleh {self.ditanggung_oleh}"


BiayaMasuk = Annotated[Biaya, BeforeValidator(_biaya_masuk)]


class ItemProduk(Dasar):
    nama: Teks = Field(..., description="Nama produk layanan.", examples=["KTP-el"])
    jika: Optional[Teks] = Field(None, description="Keadaan bila produk ini yang diterima.",
                                 examples=["permohonan ditolak"])
    keterangan: Optional[Teks] = Field(None, description="Keterangan, misalnya bentuk elektronik.")

    def teks_rinci(self) -> str:
        bagian = [x for x in (self.jika and f"jika {self.jika}", self.keterangan) if x]
        return "; ".join(bagian)


def nama_produk(p: Any) -> str:
    return p if isinstance(p, str) else p.nama


def ket_produk(p: Any) -> str:
    return "" if isinstance(p, str) else p.teks_rinci()


Produk = Annotated[
    list[TeksAtau(ItemProduk)],
    BeforeValidator(satu_jadi_daftar),
    Field(min_length=1, description="Produk yang diterima pemohon.", examples=[["KTP-el"]]),
]
