"""A CSV per unit with the fields SIPPN (KemenPANRB's national public-service information
system) shows for a service, so a unit can copy its standards into the national system
without typing them again.

One row per service of the unit (its bidang included), one column per field SIPPN shows
publicly: the service's name, the unit, the decree's number, requirements, procedure, time,
fee, product and complaint handling. A field with several items is written as numbered
lines inside its cell (what SIPPN's text boxes take). Everything is the published wording,
from the same views as the page and the handbook; every cell passes the spreadsheet-formula
rule of the other CSV export.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from . import tampilan
from .catalog import Service, UnitNode
from .export import sel_csv, absolute

#: The columns, in SIPPN's order.
KOLOM_SIPPN = [
    "Nama Layanan",
    "Unit Pelayanan",
    "Nomor SK Standar Pelayanan",
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Jangka Waktu Pelayanan",
    "Biaya/Tarif",
    "Produk Pelayanan",
    "Penanganan Pengaduan, Saran, dan Masukan",
    "Alamat Halaman",
]


def _bernomor(baris: list[str]) -> str:
    return "\n".join(f"{i}. {b}" for i, b in enumerate(baris, 1))


def _persyaratan(p: Any) -> str:
    if p is None:
        return ""
    out = list(p.ketentuan)
    for g in p.kelompok:
        daftar = _bernomor([s.nama + (f" {s.tanda}" if s.tanda else "")
                            + (f" ({'; '.join(x.rstrip('.') for x in k)})" if (k := s.keterangan()) else "")
                            for s in g.daftar])
        kepala = (g.judul + ":" if g.judul else "") + (f" {g.keterangan}" if g.keterangan else "")
        out.append(f"{kepala.strip()}\n{daftar}" if kepala.strip() else daftar)
    return "\n".join(out)


def _langkah(ls: list[Any]) -> list[str]:
    out = []
    for lk in ls:
        teks = (f"{lk.pelaksana}: " if lk.pelaksana else "") + lk.uraian
        if lk.waktu:
            teks += f" ({lk.waktu})"
        if lk.hasil:
            teks += f" Hasil: {lk.hasil}"
        if lk.keterangan:
            teks += f" {lk.keterangan}"
        teks += "".join(f" {b.teks}" for b in lk.rincian)
        for c in lk.cabang:
            teks += f" {c.kalimat}" + "".join(f" {x}" for x in _langkah(c.langkah))
        out.append(teks)
    return out


def _prosedur(p: Any) -> str:
    if p is None:
        return ""
    bagian = [x for x in (p.pengantar, p.naskah) if x]
    for a in p.alur:
        isi = "\n".join(x for x in (a.pengantar, _bernomor(_langkah(a.langkah)), a.keterangan) if x)
        bagian.append(f"{a.label}:\n{isi}" if a.label else isi)
    if p.keterangan:
        bagian.append(p.keterangan)
    return "\n".join(bagian)


def _jangka_waktu(j: Any) -> str:
    return "" if j is None else j.teks + (f" ({j.keterangan})" if j.keterangan else "")


def _biaya(b: Any) -> str:
    if b is None:
        return ""
    out = [b.teks]
    out += [("  " * t.tingkat) + t.nama + (f": {t.harga}" if t.harga else "") + (f" {t.satuan}" if t.satuan else "")
            for t in b.tarif]
    out += [f"{label}: {isi}" for label, isi in b.rincian]
    if b.keterangan:
        out.append(b.keterangan)
    return "\n".join(out)


def _produk(ps: Any) -> str:
    return _bernomor([p.nama + (f" ({p.keterangan})" if p.keterangan else "") for p in ps or []])


def _pengaduan(p: Any) -> str:
    if p is None:
        return ""
    out = [p.naskah] if p.naskah else []
    out += [s.teks + (f" ({s.keterangan})" if s.keterangan else "") for s in p.saluran]
    for judul, daftar in (("Kriteria", p.kriteria), ("Tata cara", p.tata_cara)):
        if daftar:
            out.append(f"{judul}: " + " ".join(f"{i}. {b.teks}" for i, b in enumerate(daftar, 1)))
    out += [f"{w.kategori}: {w.waktu}" + (f" ({w.keterangan})" if w.keterangan else "") for w in p.waktu]
    if p.petugas:
        out.append("Petugas: " + "; ".join(p.petugas))
    if p.dasar_hukum:
        out.append("Dasar hukum: " + "; ".join(p.dasar_hukum))
    if p.keterangan:
        out.append(p.keterangan)
    return "\n".join(out)


def _rapat(s: str) -> str:
    return " ".join(s.split()).casefold()


def _lengkapi(sel: str, model: Any) -> str:
    """The cell, with every text the unit wrote in the component that its layout above did not
    place (a note, a sub-point) added at the end: nothing written is dropped."""
    ada = _rapat(sel)
    sisa = []
    for t in tampilan.teks_tertulis(model):
        r = _rapat(t)
        if r and r not in ada and r.rstrip(".") not in ada:
            sisa.append(" ".join(t.split()))
            ada += " " + r
    return sel + ("\n" if sel else "") + "Keterangan lain: " + "; ".join(sisa) if sisa else sel


def baris(svc: Service, base_url: str = "") -> list[str]:
    v = tampilan.layanan(svc.data, [u.data for u in svc.unit.chain()], svc.slug)
    k = v.komponen
    d = svc.data
    sel = {
        "persyaratan": _persyaratan(k["persyaratan"].isi),
        "prosedur": _prosedur(k["prosedur"].isi),
        "jangka_waktu": _jangka_waktu(k["jangka_waktu"].isi),
        "biaya": _biaya(k["biaya"].isi),
        "produk": _produk(k["produk"].isi),
        "pengaduan": _pengaduan(k["pengaduan"].isi),
    }
    return [
        d.nama,
        " – ".join(u.data.nama for u in reversed(svc.unit.chain())),
        (d.penetapan.nomor or "") if d.penetapan else "",
        *(_lengkapi(isi, getattr(d, komp)) for komp, isi in sel.items()),
        absolute(base_url, svc.url) if base_url else svc.url,
    ]


def csv_unit(unit: UnitNode, base_url: str = "") -> str:
    """The CSV of a unit's services (its bidang included), by name."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(KOLOM_SIPPN)
    for svc in unit.all_services():
        w.writerow(sel_csv(x) for x in baris(svc, base_url))
    return buf.getvalue()
