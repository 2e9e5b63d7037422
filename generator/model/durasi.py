"""3. Jangka waktu: durations as published, with numbers and units read where they can be.

A duration written as text ("Paling lambat 3 (tiga) hari kerja.", "1x24 jam",
"30 detik – 1 menit", "Sesuai SLA sistem OSS") is always kept as written (``teks``)
and shown as written; the number, unit and bounds read from it serve comparisons and
the exports. "hari" without kerja/kalender is accepted as ``hari`` (the catalog warns).
"""

from __future__ import annotations

import enum
import re
from functools import lru_cache
from typing import Annotated, Any, Optional

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .dasar import Dasar, Teks, YaTidak, fmt_angka, kecil_awal


class Satuan(str, enum.Enum):
    detik = "detik"
    menit = "menit"
    jam = "jam"
    hari_kerja = "hari kerja"
    hari_kalender = "hari kalender"
    hari = "hari"  # as published, without kerja/kalender
    minggu = "minggu"
    bulan = "bulan"
    tahun = "tahun"


# Seconds per unit, used only to compare durations with each other (a working day
# counts as 8 working hours; an unqualified "hari" as a calendar day).
_DETIK = {
    Satuan.detik: 1,
    Satuan.menit: 60,
    Satuan.jam: 3600,
    Satuan.hari_kerja: 8 * 3600,
    Satuan.hari_kalender: 24 * 3600,
    Satuan.hari: 24 * 3600,
    Satuan.minggu: 7 * 24 * 3600,
    Satuan.bulan: 30 * 24 * 3600,
    Satuan.tahun: 365 * 24 * 3600,
}
# ISO 8601 designators. Working days (and "hari" that may mean them) have none: an
# ISO duration counts calendar time, and "3 hari kerja" is not P3D.
_ISO = {
    Satuan.detik: ("PT", "S"),
    Satuan.menit: ("PT", "M"),
    Satuan.jam: ("PT", "H"),
    Satuan.hari_kalender: ("P", "D"),
    Satuan.minggu: ("P", "W"),
    Satuan.bulan: ("P", "M"),
    Satuan.tahun: ("P", "Y"),
}

# -- reading a published duration ------------------------------------------------------

_MAKS = (r"paling\s+lama|paling\s+lambat|selambat[\s-]*lambatnya|maksimal|maksimum|maks\.?|max\.?|"
         r"tidak\s+lebih\s+dari|kurang\s+dari|dalam\s+waktu|dalam")
_KIRA = r"±|\+/-|\+-|kurang\s+lebih|lebih\s+kurang|sekitar|kira-kira|kira\s+kira|rata-rata"
_SATUAN = (r"detik|dtk|menit|mnt|jam|hari\s+kerja\s+efektif|hari\s+kerja|hari\s+kalender|hari|hk|"
           r"minggu|pekan|bulan|tahun")
_ANGKA = r"\d+(?:[.,]\d+)?"
# Read after whitespace is collapsed to single spaces (so " ?" never has a choice to
# make) and on at most _PANJANG characters: no backtracking blow-up on any input.
_DURASI_RE = re.compile(
    rf"^(?P<pre>[^\d]{{0,80}}?)"
    rf"(?P<a>{_ANGKA}) ?(?:[x×] ?(?P<kali>{_ANGKA}))? ?(?P<sa>{_SATUAN})? ?"
    rf"(?:(?:-|–|—|s\.? ?/? ?d\.?|sampai(?: dengan)?|hingga|⇒|->) ?"
    rf"(?P<b>{_ANGKA}) ?(?:[x×] ?(?P<kalib>{_ANGKA}))? ?)?"
    rf"(?P<sb>{_SATUAN})\b(?P<ekor>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_PANJANG = 300
# "1 jam 30 menit", "2 (dua) jam 30 menit": one duration in minutes.
_JAM_MENIT = re.compile(r"(\d+) ?jam ?(\d+) ?menit", re.IGNORECASE)
# "3 (tiga)", "14 (empat belas)": the number written in words as well.
_TERBILANG = re.compile(r"(\d)\s*\(\s*[a-z][a-z\s-]*\)", re.IGNORECASE)
_SEJAK = re.compile(r"^[ ,;]*(?:dihitung |terhitung )?(?P<kata>sejak|setelah|dari) (?P<isi>.+)$",
                    re.IGNORECASE | re.DOTALL)
# A qualifier right before the number ("paling lama 3 ...", "± 15 ..."), not a word elsewhere.
_MAKS_AKHIR = re.compile(rf"(?<![a-z])(?:{_MAKS}) ?(?:(?:{_KIRA}) ?)?$", re.IGNORECASE)
_KIRA_AKHIR = re.compile(rf"(?:(?<![a-z])|(?<=[±\-]))(?:{_KIRA}) ?(?:(?:{_MAKS}) ?)?$", re.IGNORECASE)


_KUTIP = re.compile(r"[“”\"'‘’]")
_DUA_DURASI = re.compile(rf"\d ?(?:{_SATUAN})\b", re.IGNORECASE)
_KALI_EKOR = re.compile(r"[x×*] ?\d")
_RIBUAN = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SPASI = re.compile(r"\s+")


def _satuan(s: Optional[str]) -> Optional[str]:
    if not s:
        return None
    s = _SPASI.sub(" ", s.lower())
    return {
        "dtk": "detik", "mnt": "menit", "hk": "hari kerja", "hari kerja efektif": "hari kerja",
        "pekan": "minggu",
    }.get(s, s)


def _angka(s: str) -> float | int:
    if _RIBUAN.fullmatch(s):  # "1.440": a thousands separator
        s = s.replace(".", "")
    f = float(s.replace(",", "."))
    return int(f) if f.is_integer() else f


def baca_durasi(teks: str) -> dict[str, Any]:
    """The structure of a published duration, or {} when it has no number and unit.

    Reads "Paling lambat 3 (tiga) hari kerja.", "± 15 Menit", "1x24 jam", "2×24 jam",
    "30 detik – 1 menit", "10-15 menit", "14 hari sejak berkas lengkap".
    """
    return dict(_baca(teks))


@lru_cache(maxsize=8192)  # the same wordings recur across a unit's services
def _baca(teks: str) -> tuple[tuple[str, Any], ...]:
    return tuple(_baca_sekali(teks).items())


def _baca_sekali(teks: str) -> dict[str, Any]:
    if len(teks) > _PANJANG:
        return {}
    t = " ".join(teks.split())
    t = _TERBILANG.sub(r"\1", t)
    t = _KUTIP.sub("", t).rstrip(" .")
    t = _JAM_MENIT.sub(lambda j: f"{int(j.group(1)) * 60 + int(j.group(2))} menit", t)
    m = _DURASI_RE.match(t)
    if not m:
        return {}
    ekor = m.group("ekor").strip()
    if _DUA_DURASI.search(ekor) or _KALI_EKOR.match(ekor):
        return {}  # two durations in one sentence, or "12 jam x 2": for the editor to say
    d: dict[str, Any] = {}
    a = _angka(m.group("a")) * (_angka(m.group("kali")) if m.group("kali") else 1)
    sb = _satuan(m.group("sb"))
    if m.group("b"):
        b = _angka(m.group("b")) * (_angka(m.group("kalib")) if m.group("kalib") else 1)
        d.update(dari=a, sampai=b, satuan=sb)
        sa = _satuan(m.group("sa"))
        if sa and sa != sb:
            d["satuan_dari"] = sa
        if a * _DETIK[Satuan(sa or sb)] > b * _DETIK[Satuan(sb)]:
            return {}  # "1 hari s/d 2 hari kerja": not a range we can compare
    else:
        if m.group("sa"):  # "5 menit 10 ..."? not a duration we can read
            return {}
        d.update(nilai=a, satuan=sb)
    pre = (m.group("pre") or "").lower()
    if _MAKS_AKHIR.search(pre):
        d["maksimal"] = True
    if _KIRA_AKHIR.search(pre):
        d["kira_kira"] = True
    if ekor:
        s = _SEJAK.match(ekor)
        if s and s.group("kata").lower() == "sejak":
            d["sejak"] = s.group("isi").strip().rstrip(".")
    return d


def _durasi_masuk(v: Any) -> Any:
    """Text is the published wording: kept as ``teks``, read for structure where possible.
    A mapping with only ``teks`` (and context such as ``sejak``) is read the same way."""
    if isinstance(v, str):
        if not v.strip():
            raise PydanticCustomError("teks_kosong", "Teks ini kosong.")
        return {"teks": v, **baca_durasi(v)}
    if isinstance(v, dict) and isinstance(v.get("teks"), str) and not (
        {"nilai", "dari", "sampai", "satuan"} & set(v)
    ):
        baca = baca_durasi(v["teks"])
        return {**{k: x for k, x in baca.items() if k not in v}, **v}
    return v


class _DurasiDasar(Dasar):
    nilai: Optional[float] = Field(None, ge=0, description="Lama waktu, berupa angka.", examples=[3])
    dari: Optional[float] = Field(None, ge=0, description="Batas bawah bila jangka waktu berupa rentang.",
                                  examples=[30])
    sampai: Optional[float] = Field(None, ge=0, description="Batas atas bila jangka waktu berupa rentang.",
                                    examples=[60])
    satuan: Optional[Satuan] = Field(
        None,
        description="Satuan waktu: detik, menit, jam, hari kerja, hari kalender, hari (bila sumber tidak "
        "menyebut kerja/kalender), minggu, bulan, atau tahun.",
        examples=["hari kerja"],
    )
    satuan_dari: Optional[Satuan] = Field(
        None, description="Satuan batas bawah bila berbeda dari satuan batas atas (\"30 detik – 1 menit\").",
        examples=["detik"],
    )
    maksimal: YaTidak = Field(
        False, description="ya bila angka ini adalah batas paling lama (\"paling lama 3 hari kerja\")."
    )
    kira_kira: YaTidak = Field(False, description="ya bila angka ini perkiraan (\"± 15 menit\", \"kurang lebih\").")
    teks: Optional[Teks] = Field(
        None,
        description=(
            "Jangka waktu sebagaimana tertulis dalam standar (misalnya \"Paling lambat 3 (tiga) hari kerja\" "
            "atau \"Sesuai SLA sistem OSS\"). Bila ada, inilah yang ditampilkan; angka dan satuan dibaca darinya."
        ),
        examples=["Paling lambat 3 (tiga) hari kerja sejak berkas lengkap"],
    )
    sejak: Optional[Teks] = Field(
        None, description="Peristiwa awal penghitungan waktu.", examples=["berkas permohonan dinyatakan lengkap"]
    )
    keterangan: Optional[Teks] = Field(None, description="Keterangan tambahan yang ditampilkan setelah jangka waktu.")

    @model_validator(mode="after")
    def _bentuk(self) -> "_DurasiDasar":
        if self.nilai is not None and (self.dari is not None or self.sampai is not None):
            raise PydanticCustomError(
                "durasi_ganda",
                "Tulis salah satu: nilai: (satu angka) atau dari: dan sampai: (rentang), bukan keduanya.",
            )
        if (self.dari is None) != (self.sampai is None):
            raise PydanticCustomError(
                "durasi_rentang", "Rentang waktu memerlukan dari: dan sampai:, misalnya dari: 1, sampai: 2."
            )
        ada_angka = self.nilai is not None or self.sampai is not None
        if ada_angka and self.satuan is None:
            raise PydanticCustomError(
                "durasi_tanpa_satuan", "Jangka waktu memerlukan satuan:, misalnya satuan: hari kerja."
            )
        if self.dari is not None and self.sampai is not None and self.satuan is not None and self.satuan_dari is None:
            if self.dari > self.sampai:
                raise PydanticCustomError(
                    "durasi_rentang_terbalik", "Pada rentang waktu, dari: harus lebih kecil dari sampai:."
                )
        return self

    # -- business rules --------------------------------------------------------------
    def punya_angka(self) -> bool:
        return self.nilai is not None or self.sampai is not None

    def detik_maks(self) -> Optional[float]:
        """Upper bound in seconds (working time for working days), for comparisons only."""
        if not self.punya_angka() or self.satuan is None:
            return None
        n = self.nilai if self.nilai is not None else self.sampai
        return float(n) * _DETIK[self.satuan]

    def iso8601(self) -> Optional[str]:
        """ISO 8601 duration of the upper bound; None for working days (and an unqualified
        "hari"), which an ISO duration would turn into calendar days."""
        if not self.punya_angka() or self.satuan not in _ISO:
            return None
        n = self.nilai if self.nilai is not None else self.sampai
        awal, akhir = _ISO[self.satuan]
        return f"{awal}{fmt_angka(n)}{akhir}"

    def _dari_struktur(self) -> str:
        if self.nilai is not None:
            inti = f"{fmt_angka(self.nilai)} {self.satuan.value}"
        else:
            sd = f" {self.satuan_dari.value}" if self.satuan_dari else ""
            inti = f"{fmt_angka(self.dari)}{sd}–{fmt_angka(self.sampai)} {self.satuan.value}"
        if self.kira_kira:
            inti = "± " + inti
        if self.maksimal:
            inti = "Paling lama " + inti
        return inti

    def teks_inti(self) -> str:
        """The wording as published, or (when the editor wrote only structure) plain
        Indonesian built from it: "Paling lama 3 hari kerja", "30–60 detik"."""
        if self.teks:
            return self.teks.strip()
        if self.punya_angka() and self.satuan is not None:
            return self._dari_struktur()
        return ""

    def teks_ringkas(self, keterangan: bool = True) -> str:
        """The wording, with ``sejak`` (always shown) and, for a part of a duration, its note."""
        t = self.teks_inti()
        if self.sejak and self.sejak.lower() not in t.lower():
            t = t.rstrip(".") + f" sejak {self.sejak}"
        if keterangan and self.keterangan:
            t += f" ({self.keterangan})"
        return t


class PilihanDurasi(_DurasiDasar):
    """One conditional alternative: "1 hari kerja jika ≤ 60 hari sejak kelahiran"."""

    jika: Teks = Field(
        ..., description="Keadaan yang berlaku untuk jangka waktu ini.",
        examples=["kelahiran dilaporkan paling lama 60 hari sejak tanggal lahir"],
    )

    def teks_ringkas(self, keterangan: bool = True) -> str:
        t = super().teks_ringkas(keterangan=False)
        if self.jika.lower() not in t.lower():
            t = f"{t} jika {kecil_awal(self.jika)}"
        return t + (f" ({self.keterangan})" if keterangan and self.keterangan else "")


class BagianDurasi(_DurasiDasar):
    """One of several times in one standard: per phase, or door-to-doctor and stay."""

    nama: Teks = Field(..., description="Tahap atau bagian layanan yang diukur.", examples=["Door to doctor"])

    def teks_ringkas(self, keterangan: bool = True) -> str:
        t = super().teks_ringkas(keterangan=False)
        t = f"{self.nama}: {t}" if t else self.nama
        return t + (f" ({self.keterangan})" if keterangan and self.keterangan else "")


DurasiSederhana = Annotated[_DurasiDasar, BeforeValidator(_durasi_masuk)]


class Durasi(_DurasiDasar):
    """A duration: the published wording and/or its structure."""

    pilihan: list[Annotated[PilihanDurasi, BeforeValidator(_durasi_masuk)]] = Field(
        default_factory=list, description="Jangka waktu bersyarat: daftar pilihan, masing-masing dengan jika:."
    )
    bagian: list[Annotated[BagianDurasi, BeforeValidator(_durasi_masuk)]] = Field(
        default_factory=list,
        description="Beberapa jangka waktu dalam satu standar, masing-masing dengan nama: (misalnya per tahap, "
        "atau waktu tanggap dan lama rawat).",
    )
    perpanjangan: Optional[DurasiSederhana] = Field(
        None, description="Perpanjangan waktu yang diizinkan, misalnya \"7 hari kerja\"."
    )
    waktu_tunggu: Optional[DurasiSederhana] = Field(
        None,
        description="Waktu tunggu sampai dilayani (berbeda dari waktu penyelesaian), misalnya "
        "\"paling lama 10 menit sejak antrean sebelumnya selesai\".",
    )
    lebih_lama_jika: Optional[Teks] = Field(
        None, description="Keadaan yang membuat waktu dapat melebihi batas ini (\"atau lebih bila ...\").",
        examples=["pasien memerlukan observasi lanjutan"],
    )

    @model_validator(mode="after")
    def _ada_isi(self) -> "Durasi":
        if not (self.punya_angka() or self.teks or self.pilihan or self.bagian or self.waktu_tunggu):
            raise PydanticCustomError(
                "durasi_kosong",
                "Jangka waktu belum diisi. Tulis seperti tercantum dalam standar, misalnya \"3 hari kerja\" "
                "atau \"Sesuai SLA sistem OSS\".",
            )
        return self

    def _bagian_semua(self) -> list[_DurasiDasar]:
        return [*self.pilihan, *self.bagian]

    def punya_angka(self) -> bool:  # noqa: D401 - see base
        return super().punya_angka() or any(p.punya_angka() for p in self._bagian_semua())

    def detik_maks(self) -> Optional[float]:
        if self.lebih_lama_jika:
            return None  # open-ended: no upper bound to compare with
        nilai = [super().detik_maks()] + [p.detik_maks() for p in self._bagian_semua()]
        nilai = [n for n in nilai if n is not None]
        return max(nilai) if nilai else None

    def iso8601(self) -> Optional[str]:
        if self.lebih_lama_jika:
            return None
        if _DurasiDasar.punya_angka(self):
            return super().iso8601()
        if self.bagian:  # several times of different things: no single duration
            return None
        terbesar = max((p for p in self.pilihan if p.punya_angka()), key=lambda p: p.detik_maks() or 0,
                       default=None)
        return terbesar.iso8601() if terbesar else None

    def hanya_teks(self) -> bool:
        """True when no number could be read: the citizen cannot tell how long it takes."""
        return not self.punya_angka() and not (self.waktu_tunggu and self.waktu_tunggu.punya_angka())

    def hari_tanpa_jenis(self) -> bool:
        """'hari' without kerja/kalender somewhere in this duration."""
        semua = [self, *self._bagian_semua(), self.perpanjangan, self.waktu_tunggu]
        return any(d is not None and Satuan.hari in (d.satuan, d.satuan_dari) for d in semua)

    def teks_ringkas(self, keterangan: bool = False) -> str:
        """Everything about the whole duration in one sentence; its own ``keterangan``
        is shown beside it by the templates (``keterangan=True`` adds it here)."""
        bagian = []
        inti = _DurasiDasar.teks_ringkas(self, keterangan=False) if self.teks_inti() else ""
        if inti:
            bagian.append(inti)
        tertulis = inti.lower()
        for p in self._bagian_semua():
            t = p.teks_ringkas()
            if t.lower() not in tertulis:  # a part the wording already says in full is not repeated
                bagian.append(t)
        teks = "; ".join(b for b in bagian if b)
        if not inti and self.sejak and self.sejak.lower() not in teks.lower():
            teks += f"; dihitung sejak {self.sejak}"
        if self.lebih_lama_jika and self.lebih_lama_jika.lower() not in teks.lower():
            teks += f", atau lebih bila {kecil_awal(self.lebih_lama_jika)}"
        if self.perpanjangan is not None:
            p = self.perpanjangan.teks_ringkas()
            if p.lower() not in teks.lower():
                teks += f", dapat diperpanjang {kecil_awal(p)}"
        if self.waktu_tunggu is not None:
            w = self.waktu_tunggu.teks_ringkas()
            if w.lower() not in teks.lower():
                teks += ("; " if teks else "") + f"waktu tunggu: {kecil_awal(w)}"
        if keterangan and self.keterangan:
            teks += f" ({self.keterangan})"
        return teks


DurasiMasuk = Annotated[Durasi, BeforeValidator(_durasi_masuk)]
