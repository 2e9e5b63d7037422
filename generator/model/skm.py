"""Survei Kepuasan Masyarakat (SKM) and its index, the IKM (Permenpan RB 14/2017).

Per period a unit (or a service) writes what its survey report says: the number of
respondents and, for each of the nine elements U1–U9, either the average answer (1–4, as the
report prints it, "3,45" or 3.45) or how many respondents gave each answer (1: 3, 2: 10, ...).
The index is computed here, exactly (fractions, not floats), the way the regulation does it:
each element's average (nilai rata-rata, NRR) weighted 1/9, summed, times 25; the grade is
read from the index rounded to two decimals (A 88,31–100 Sangat Baik, B 76,61–88,30 Baik,
C 65,00–76,60 Kurang Baik, D 25,00–64,99 Tidak Baik). A report that rounds the weight to
0,111 or 0,11 understates its index a little; ours is the regulation's 1/9.

Cross-checks that need the whole record (answer counts adding up to the respondents, an
index printed in the report that differs from the data) are the loader's, which can point at
the line (catalog._check_skm).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Annotated, Any, Optional, Union

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from .dasar import AlamatWeb, Dasar, DaftarTeks, Teks

__all__ = [
    "Decimal", "UNSUR_SKM", "MUTU_IKM", "HasilSkm", "Skm", "angka", "nrr", "ikm", "ikm_bulat", "mutu_ikm", "fmt_desimal",
]

#: The nine elements of the survey (Permenpan RB 14/2017), in order.
UNSUR_SKM: dict[str, str] = {
    "U1": "Persyaratan",
    "U2": "Sistem, mekanisme, dan prosedur",
    "U3": "Waktu penyelesaian",
    "U4": "Biaya/tarif",
    "U5": "Produk spesifikasi jenis pelayanan",
    "U6": "Kompetensi pelaksana",
    "U7": "Perilaku pelaksana",
    "U8": "Penanganan pengaduan, saran, dan masukan",
    "U9": "Sarana dan prasarana",
}

#: Lowest index (rounded to two decimals) of each grade, best first: (grade, lowest, label).
MUTU_IKM: tuple[tuple[str, Decimal, str], ...] = (
    ("A", Decimal("88.31"), "Sangat Baik"),
    ("B", Decimal("76.61"), "Baik"),
    ("C", Decimal("65.00"), "Kurang Baik"),
    ("D", Decimal("25.00"), "Tidak Baik"),
)

_CONTOH = "{1: 2, 2: 10, 3: 200, 4: 172}"
_ANGKA_RE = re.compile(r"^\s*([0-9]{1,3})(?:[.,]([0-9]{1,6}))?\s*$", re.ASCII)
_BULAT_RE = re.compile(r"^[0-9]{1,8}$", re.ASCII)
#: The most respondents one answer or one period may have (a province-wide survey has tens of thousands).
MAKS_RESPONDEN = 10_000_000


def angka(v: Any) -> Fraction:
    """3.45, "3,45" or "3.45" as an exact fraction (ASCII digits only)."""
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, int):
        return Fraction(v)
    if isinstance(v, float):
        return Fraction(str(v))
    if isinstance(v, str):
        m = _ANGKA_RE.match(v)
        if m:
            return Fraction(f"{m.group(1)}.{m.group(2) or '0'}")
    raise ValueError


def _tampil(v: Any) -> str:
    """A value as quoted in a message: the text as written, not a Python form."""
    return v if isinstance(v, str) else "(bukan satu angka)" if isinstance(v, (list, dict)) or v is None else str(v)


def _jawaban(k: Any) -> int:
    """An answer key exactly as written: 1, 2, 3 or 4."""
    if isinstance(k, int) and not isinstance(k, bool) and k in (1, 2, 3, 4):
        return k
    if isinstance(k, str) and k in ("1", "2", "3", "4"):
        return int(k)
    raise PydanticCustomError(
        "jawaban_skm", "Jawaban SKM hanya 1 sampai 4, tertulis '{k}'. Tulis jumlah responden untuk setiap jawaban, "
        "misalnya {contoh}.", {"k": _tampil(k), "contoh": _CONTOH})


def _nilai_unsur(v: Any) -> Any:
    """An element's value: the average answer (1–4), or the count of each answer 1–4."""
    if isinstance(v, dict):
        out: dict[int, int] = {}
        for k, n in v.items():
            jawaban = _jawaban(k)
            teks = str(n) if isinstance(n, (int, str)) and not isinstance(n, bool) else ""
            if not _BULAT_RE.match(teks) or int(teks) > MAKS_RESPONDEN:
                raise PydanticCustomError(
                    "jumlah_jawaban", "Jumlah responden yang menjawab {k} harus bilangan bulat dari 0 sampai "
                    "10.000.000, tanpa titik atau spasi (tertulis '{n}').", {"k": jawaban, "n": _tampil(n)})
            out[jawaban] = int(teks)
        if not out or sum(out.values()) == 0:
            raise PydanticCustomError("jawaban_kosong", "Tidak ada jawaban yang tercatat untuk unsur ini.")
        return out
    try:
        x = angka(v)
    except ValueError:
        raise PydanticCustomError(
            "nilai_skm", "Nilai unsur SKM harus rata-rata jawaban (angka 1 sampai 4, misalnya 3,45) atau jumlah "
            "responden untuk setiap jawaban (misalnya {contoh}); tertulis '{v}'.",
            {"v": _tampil(v), "contoh": _CONTOH}) from None
    if not 1 <= x <= 4:
        raise PydanticCustomError(
            "nilai_skm_rentang", "Nilai rata-rata unsur SKM harus antara 1 dan 4 (jawaban survei 1–4), tertulis "
            "'{v}'. Bila laporan menulis nilai yang sudah dikali 25 (skala 25–100), tulis nilai sebelum dikali.",
            {"v": _tampil(v)})
    return v.strip() if isinstance(v, str) else v


NilaiUnsur = Annotated[Union[str, float, int, dict[int, int]], BeforeValidator(_nilai_unsur),
                       Field(json_schema_extra={"anyOf": [
                           {"type": "number", "minimum": 1, "maximum": 4},
                           {"type": "string", "pattern": r"^\s*(?:[1-3](?:[.,][0-9]{1,6})?|4(?:[.,]0{1,6})?)\s*$"},
                           {"type": "object", "propertyNames": {"enum": ["1", "2", "3", "4"]},
                            "additionalProperties": {"type": "integer", "minimum": 0, "maximum": MAKS_RESPONDEN}},
                       ]})]


def _kode_unsur(v: Any) -> Any:
    """The element codes exactly as the regulation writes them (U1 … U9): "u1" or " U1 " would
    be a second key the YAML check cannot see, and one value would silently replace the other."""
    if not isinstance(v, dict):
        return v
    for k in v:
        if k not in UNSUR_SKM:
            bentuk = str(k).strip().upper()
            if bentuk in UNSUR_SKM:
                raise PydanticCustomError(
                    "unsur_skm_bentuk", "Tulis kode unsur persis {kode} (huruf U besar, tanpa spasi), bukan '{k}'.",
                    {"kode": bentuk, "k": str(k)})
            raise PydanticCustomError(
                "unsur_skm", "'{k}' bukan unsur SKM. Unsur SKM adalah U1 sampai U9 (Permenpan RB 14/2017): "
                "{daftar}.", {"k": str(k), "daftar": "; ".join(f"{a} {b.lower()}" for a, b in UNSUR_SKM.items())})
    return v


def nrr(v: Any) -> Fraction:
    """An element's average answer (nilai rata-rata), exactly."""
    if isinstance(v, dict):
        return Fraction(sum(k * n for k, n in v.items()), sum(v.values()))
    return angka(v)


def ikm(unsur: dict[str, Any]) -> Fraction:
    """The index: each element's average weighted equally (1/9 with nine elements), times 25."""
    nilai = [nrr(v) for v in unsur.values()]
    return sum(nilai, Fraction(0)) / len(nilai) * 25


def ikm_bulat(x: Fraction) -> Decimal:
    """The index as published: two decimals, half up."""
    return (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def mutu_ikm(x: Fraction) -> tuple[str, str]:
    """(grade, label) of an index."""
    b = ikm_bulat(x)
    for huruf, bawah, label in MUTU_IKM:
        if b >= bawah:
            return huruf, label
    return "D", "Tidak Baik"


def fmt_desimal(x: Union[Decimal, Fraction, float], angka: int = 2) -> str:
    """84.52 -> '84,52' (Indonesian decimal comma)."""
    if isinstance(x, Fraction):
        x = Decimal(x.numerator) / Decimal(x.denominator)
    d = Decimal(str(x)).quantize(Decimal(1).scaleb(-angka), rounding=ROUND_HALF_UP)
    return f"{d:.{angka}f}".replace(".", ",")


class HasilSkm(Dasar):
    """The results of one survey period, as the report gives them."""

    tahun: int = Field(..., ge=2000, le=2100, description="Tahun survei.", examples=[2025])
    periode: Optional[Teks] = Field(None, description="Periode dalam tahun itu, bila survei lebih dari sekali setahun.",
                                    examples=["Semester I"])
    responden: int = Field(..., ge=1, le=10_000_000, description="Jumlah responden.", examples=[384])
    unsur: Annotated[dict[str, NilaiUnsur], BeforeValidator(_kode_unsur)] = Field(
        ..., min_length=1,
        description="Nilai setiap unsur U1–U9: rata-rata jawaban (1–4) seperti tercantum di laporan, atau jumlah "
        "responden untuk setiap jawaban 1–4.",
        examples=[{"U1": "3,45", "U2": {1: 2, 2: 10, 3: 200, 4: 172}}],
    )
    ikm: Optional[Union[float, str]] = Field(
        None, description="Nilai IKM seperti tercantum di laporan (dicocokkan dengan hitungan dari unsur).",
        examples=["84,52"])
    tindak_lanjut: Optional[DaftarTeks] = Field(
        None, description="Rencana tindak lanjut atas hasil survei yang dijanjikan unit.",
        examples=[["Menambah kursi tunggu di ruang layanan"]])
    laporan: Optional[Teks] = Field(None, description="Rujukan laporan hasil SKM (nomor, judul, atau alamat).")

    @property
    def label_periode(self) -> str:
        return f"{self.periode} {self.tahun}" if self.periode else str(self.tahun)

    def nilai_ikm(self) -> Fraction:
        return ikm(self.unsur)


#: A survey address printed as a QR code and under it, in a narrow cell of the poster's band.
MAKS_TAUTAN = 120


def _tautan_pendek(v: str) -> str:
    if len(v) > MAKS_TAUTAN:
        raise PydanticCustomError(
            "tautan_skm_panjang", "Alamat survei ini {n} karakter; poster mencetaknya sebagai kode QR dan di bawahnya, "
            "jadi paling panjang {maks} karakter. Pakai alamat yang lebih pendek (misalnya alamat pendek resmi "
            "dari unit Anda).", {"n": len(v), "maks": MAKS_TAUTAN})
    return v


class Skm(Dasar):
    """Survei Kepuasan Masyarakat of a unit or a service: where to fill it in, and its results."""

    tautan: Optional[Annotated[AlamatWeb, AfterValidator(_tautan_pendek)]] = Field(
        None, description="Alamat survei kepuasan yang dapat diisi warga (juga dicetak sebagai kode QR pada poster; "
        f"paling panjang {MAKS_TAUTAN} karakter).",
        examples=["https://skm.bontangkota.go.id/disdukcapil"])
    hasil: list[HasilSkm] = Field(default_factory=list,
                                  description="Hasil survei setiap periode, dari laporan SKM.")

    def urut(self) -> list[HasilSkm]:
        """The periods oldest first (by year; within a year, as written)."""
        return sorted(self.hasil, key=lambda h: h.tahun)
