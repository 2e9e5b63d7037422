"""Small display rules the site needs that are not (yet) in the model.

They turn model values into Indonesian sentences; templates only lay them out.
Candidates to move into ``generator.model`` (the lead owns it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from .. import model as m

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

LABEL_JENIS_PELAKSANA = {
    m.JenisPelaksana.pemohon: "Pemohon",
    m.JenisPelaksana.petugas: "Petugas",
    m.JenisPelaksana.sistem: "Sistem",
    m.JenisPelaksana.instansi_lain: "Instansi lain",
}

# Short badge text per status (the long text is model.LABEL_STATUS).
LABEL_STATUS_PENDEK = {
    m.Status.berlaku: "Berlaku",
    m.Status.rancangan: "Rancangan",
    m.Status.dicabut: "Dicabut",
    m.Status.contoh: "Contoh",
}


def tanggal(d: Optional[dt.date]) -> str:
    """15 Januari 2026."""
    if d is None:
        return ""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def daftar_kalimat(items: list[str], kata: str = "atau") -> str:
    """["KTP-el", "SIM", "Paspor"] -> "KTP-el, SIM, atau Paspor"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {kata} {items[1]}"
    return ", ".join(items[:-1]) + f", {kata} {items[-1]}"


def teks_cabang(c: m.Cabang, nomor_langkah: int) -> str:
    """A branch as one sentence: "Jika berkas tidak lengkap: berkas dikembalikan; kembali ke langkah 1."."""
    bagian = [f"Jika {_kecil_awal(c.jika)}"]
    lanjut = []
    if c.maka:
        lanjut.append(_kecil_awal(c.maka.rstrip(".")))
    if c.selesai:
        lanjut.append("layanan selesai")
    elif c.ke_langkah is not None:
        if c.ke_langkah == nomor_langkah + 1:
            lanjut.append(f"lanjut ke langkah {c.ke_langkah}")
        elif c.ke_langkah <= nomor_langkah:
            lanjut.append(f"kembali ke langkah {c.ke_langkah}")
        else:
            lanjut.append(f"langsung ke langkah {c.ke_langkah}")
    kalimat = bagian[0].rstrip(".")
    if lanjut:
        kalimat += ": " + "; ".join(lanjut)
    return kalimat + "."


def _kecil_awal(s: str) -> str:
    """Lower-case the first letter unless the first word is an acronym ("KTP", "BSrE")."""
    s = s.strip()
    if not s:
        return s
    kata = s.split(" ", 1)[0]
    if sum(ch.isupper() for ch in kata) > 1:
        return s
    return s[0].lower() + s[1:]


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


def nama_produk(p: Any) -> str:
    return p if isinstance(p, str) else p.nama


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
    if t.gratis or (t.jumlah == 0 and not t.rincian):
        return "Gratis"
    if t.jumlah is not None:
        return m.rupiah(t.jumlah) + (f" {t.satuan}" if t.satuan else "")
    return ""


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
