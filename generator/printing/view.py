"""Presentation helpers for the print templates (Jinja filters and globals).

Business rules stay in :mod:`generator.model`; these functions only turn model
values into the short phrases and flat rows a printed page lays out. They are
shared by the posters and the handbook so both say the same thing the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .. import model as m
from ..html import baris

tanggal = m.tanggal_id


# -- 1. Persyaratan ---------------------------------------------------------------------


@dataclass
class ButirSyarat:
    """One requirement as printed: a title line and small detail phrases."""

    judul: str
    pilihan: list[str] = field(default_factory=list)  # "salah satu dari"
    rincian: list[str] = field(default_factory=list)  # form, copies, source, notes
    kondisi: Optional[str] = None
    wajib: bool = True


def butir_syarat(p: Any, ringkas: bool = False) -> ButirSyarat:
    """``ringkas`` (posters): form and copies only, without where to obtain it and notes."""
    if isinstance(p, str):
        return ButirSyarat(judul=p)
    return ButirSyarat(
        judul=p.dokumen,
        pilihan=p.pilihan(ringkas),
        rincian=p.rincian(ringkas),
        kondisi=p.kondisi,
        wajib=p.wajib,
    )


# -- 2. Prosedur ------------------------------------------------------------------------


def kelas_pelaksana(langkah: Any) -> str:
    """CSS class of a step by who performs it (the applicant's own steps stand out)."""
    return "pelaksana-" + langkah.jenis().value.replace(" ", "-")


def prosedur_poster(prosedur: Any) -> tuple[list[m.Alur], bool]:
    """The procedure a notice-board poster shows, and whether an online variant was left out.

    The poster hangs at the service point, where people are served in person: when a
    service has both an in-person and an online procedure, the poster shows the
    in-person steps and points to the online service (and the QR code) for the rest.
    """
    varian = m.varian_prosedur(prosedur)
    tatap = [v for v in varian if v.label == "Tatap muka"]
    daring = [v for v in varian if v.label == "Daring"]
    if tatap and daring:
        return [v._replace(label="") if v is tatap[0] else v for v in varian if v is not daring[0]], True
    return varian, False


def jumlah_langkah(prosedur: Any) -> int:
    return sum(len(v.langkah) for v in m.varian_prosedur(prosedur))


# -- 3. Jangka waktu --------------------------------------------------------------------


kapital = m.kapital


# -- 4. Biaya ---------------------------------------------------------------------------


@dataclass
class BarisTarif:
    nama: str
    harga: str  # "Rp500.000", "Gratis", "" for a heading row
    satuan: Optional[str]  # "per hari"
    keterangan: Optional[str]
    tingkat: int  # nesting depth, 0 = top row
    judul: bool  # a row that only groups the rows under it


def baris_tarif(biaya: Any) -> list[BarisTarif]:
    """The (possibly nested) tariff table as flat rows with their depth."""
    out: list[BarisTarif] = []

    def walk(rows: list[Any], depth: int) -> None:
        for t in rows:
            harga = t.harga()
            satuan = None if harga == "Gratis" else t.satuan
            out.append(BarisTarif(t.nama, harga, satuan, t.keterangan, depth, bool(t.rincian) and not harga))
            walk(t.rincian, depth + 1)

    if biaya is not None:
        walk(biaya.tarif, 0)
    return out


# -- 5. Produk --------------------------------------------------------------------------


nama_produk = m.nama_produk


def ket_produk(p: Any) -> Optional[str]:
    return m.ket_produk(p) or None


def profil(chain: list[Any], key: str) -> Any:
    """First non-empty value of ``key`` along a unit chain (nearest unit first)."""
    for u in chain:
        v = getattr(u, key, None)
        if v:
            return v
    return None


def nilai_ringkas(s: Any) -> str:
    """A channel's value as printed on a poster: web addresses without ``https://``
    (shorter; the rest, ``www.`` included, as written)."""
    v = (s.nilai or "").strip()
    low = v.lower()
    for pre in ("https://", "http://"):
        if low.startswith(pre):
            v = v[len(pre):]
            break
    return v.rstrip("/")


def teks_penetapan(d: Any) -> str:
    """The decree line printed at the foot of a poster."""
    if d.penetapan is None:
        return "Keputusan penetapan standar ini tidak dicantumkan."
    return f"Ditetapkan dengan {d.penetapan.teks(tentang=False)}."


def FILTERS() -> dict[str, Any]:  # noqa: N802 - a table, not a function for callers
    return {"tanggal": tanggal, "kapital": kapital, "kecil_awal": m.kecil_awal, "rupiah": m.rupiah, "baris": baris}


def GLOBALS() -> dict[str, Any]:  # noqa: N802
    return {
        "KOMPONEN_PUBLIK": m.KOMPONEN_PUBLIK,
        "KOMPONEN_INTERNAL": m.KOMPONEN_INTERNAL,
        "LABEL_KOMPONEN": m.LABEL_KOMPONEN,
        "LABEL_STATUS": m.LABEL_STATUS,
        "kelompok_persyaratan": m.kelompok_persyaratan,
        "varian_prosedur": m.varian_prosedur,
        "prosedur_poster": prosedur_poster,
        "teks_peraturan": m.teks_peraturan,
        "butir_syarat": butir_syarat,
        "kelas_pelaksana": kelas_pelaksana,
        "baris_tarif": baris_tarif,
        "nama_produk": nama_produk,
        "ketentuan_persyaratan": m.ketentuan_persyaratan,
        "rincian_pelaksana": m.rincian_pelaksana,
        "teks_jam": m.teks_jam,
        "ket_produk": ket_produk,
        "nilai_ringkas": nilai_ringkas,
        "teks_penetapan": teks_penetapan,
        "profil": profil,
        "isinstance": isinstance,
        "str": str,
    }
