"""Small display rules of the site: model values as the short phrases and rows its
templates lay out (the sentences themselves are model methods)."""

from __future__ import annotations

from typing import Any, Optional

from .. import model as m

LABEL_JENIS_PELAKSANA = m.LABEL_PELAKSANA

# Short badge text per status (the long text is model.LABEL_STATUS).
LABEL_STATUS_PENDEK = {
    m.Status.berlaku: "Berlaku",
    m.Status.rancangan: "Rancangan",
    m.Status.dicabut: "Dicabut",
    m.Status.contoh: "Contoh",
}


tanggal = m.tanggal_id
daftar_kalimat = m.daftar_kalimat
teks_jam = m.teks_jam
nama_produk = m.nama_produk
ket_produk = m.ket_produk
nama_persyaratan = m.nama_persyaratan


kapital = m.kapital


def wajib(p: Any) -> bool:
    return True if isinstance(p, str) else bool(p.wajib)


def teks_waktu_langkah(lk: m.Langkah) -> str:
    return lk.waktu.teks_ringkas(keterangan=True) if lk.waktu is not None else ""


def teks_biaya_baris(t: m.Tarif) -> str:
    harga = t.harga()
    return (harga + (f" {t.satuan}" if t.satuan and harga != "Gratis" else "")).strip()


def baris_tarif(tarif: list[m.Tarif], tingkat: int = 0) -> list[dict[str, Any]]:
    """A nested tariff table flattened to rows with their depth (for an indented table)."""
    out: list[dict[str, Any]] = []
    for t in tarif:
        out.append({"nama": t.nama, "tingkat": tingkat, "biaya": teks_biaya_baris(t), "keterangan": t.keterangan or ""})
        out.extend(baris_tarif(t.rincian, tingkat + 1))
    return out


def sarana_rentan(daftar: Any) -> list[str]:
    """Facilities (at any depth) that serve vulnerable groups, as short phrases."""
    out: list[str] = []

    def walk(items: Any) -> None:
        for s in items or []:
            if isinstance(s, str):
                continue
            if s.kelompok_rentan:
                kel = daftar_kalimat([k.value for k in s.kelompok_rentan], "dan")
                jml = f" ({s.jumlah})" if s.jumlah else ""
                out.append(f"{s.nama}{jml}, untuk {kel}")
            walk(s.rincian)

    walk(daftar)
    return out
