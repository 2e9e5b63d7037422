"""Small display rules the site needs that are not (yet) in the model.

They turn model values into Indonesian sentences; templates only lay them out.
Candidates to move into ``generator.model`` (the lead owns it).
"""

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


def daftar_kalimat(items: list[str], kata: str = "atau") -> str:
    """["KTP-el", "SIM", "Paspor"] -> "KTP-el, SIM, atau Paspor"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {kata} {items[1]}"
    return ", ".join(items[:-1]) + f", {kata} {items[-1]}"


def teks_cabang(c: m.Cabang, nomor_langkah: int) -> str:
    return c.kalimat(nomor_langkah)


def nama_persyaratan(p: Any) -> str:
    return p if isinstance(p, str) else p.dokumen


def rincian_persyaratan(p: Any) -> list[str]:
    """Details of one requirement, each a short phrase, in reading order."""
    if isinstance(p, str):
        return []
    out = []
    if p.salah_satu:
        out.append("Salah satu: " + daftar_kalimat(list(p.salah_satu)))
    bentuk = p.label_bentuk()
    if bentuk:
        out.append(bentuk[0].upper() + bentuk[1:])
    if p.kondisi:
        out.append(p.kondisi[0].upper() + p.kondisi[1:])
    if p.diperoleh_dari:
        out.append("Diperoleh dari: " + p.diperoleh_dari)
    if p.keterangan:
        out.append(p.keterangan)
    return out


def wajib(p: Any) -> bool:
    return True if isinstance(p, str) else bool(p.wajib)


nama_produk = m.nama_produk


def teks_jam(jam: Optional[list[m.JamLayanan]]) -> list[str]:
    out = []
    for j in jam or []:
        t = j.teks()
        if j.keterangan:
            t += f" ({j.keterangan})"
        out.append(t)
    return out


def teks_waktu_langkah(lk: m.Langkah) -> str:
    return lk.waktu.teks_ringkas() if lk.waktu is not None else ""


def teks_biaya_baris(t: m.Tarif) -> str:
    harga = t.harga()
    return harga + (f" {t.satuan}" if t.satuan and harga not in ("", "Gratis") else "")


def baris_tarif(tarif: list[m.Tarif], tingkat: int = 0) -> list[dict[str, Any]]:
    """A nested tariff table flattened to rows with their depth (for an indented table)."""
    out: list[dict[str, Any]] = []
    for t in tarif:
        out.append({"nama": t.nama, "tingkat": tingkat, "biaya": teks_biaya_baris(t), "keterangan": t.keterangan or ""})
        out.extend(baris_tarif(t.rincian, tingkat + 1))
    return out


def nama_sarana(s: Any) -> str:
    return s if isinstance(s, str) else s.nama


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
