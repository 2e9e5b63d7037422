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
from .export import _cell, absolute

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
        daftar = _bernomor([s.nama + (f" ({'; '.join(x.rstrip('.') for x in k)})" if (k := s.keterangan()) else "")
                            for s in g.daftar])
        out.append(f"{g.judul}:\n{daftar}" if g.judul else daftar)
    return "\n".join(out)


def _langkah(ls: list[Any]) -> list[str]:
    out = []
    for lk in ls:
        teks = (f"{lk.pelaksana}: " if lk.pelaksana else "") + lk.uraian
        if lk.waktu:
            teks += f" ({lk.waktu})"
        out.append(teks + "".join(f" {c.kalimat}" for c in lk.cabang))
    return out


def _prosedur(p: Any) -> str:
    if p is None:
        return ""
    bagian = []
    for a in p.alur:
        isi = _bernomor(_langkah(a.langkah))
        bagian.append(f"{a.label}:\n{isi}" if a.label else isi)
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
    out = [p.naskah] if p.naskah and not p.saluran else []
    out += [s.teks for s in p.saluran]
    if p.tata_cara:
        out.append("Tata cara: " + " ".join(f"{i}. {b.teks}" for i, b in enumerate(p.tata_cara, 1)))
    out += [f"{w.kategori}: {w.waktu}" for w in p.waktu]
    return "\n".join(out)


def baris(svc: Service, base_url: str = "") -> list[str]:
    v = tampilan.layanan(svc.data, [u.data for u in svc.unit.chain()], svc.slug)
    k = v.komponen
    d = svc.data
    return [
        d.nama,
        " – ".join(u.data.nama for u in reversed(svc.unit.chain())),
        (d.penetapan.nomor or "") if d.penetapan else "",
        _persyaratan(k["persyaratan"].isi),
        _prosedur(k["prosedur"].isi),
        _jangka_waktu(k["jangka_waktu"].isi),
        _biaya(k["biaya"].isi),
        _produk(k["produk"].isi),
        _pengaduan(k["pengaduan"].isi),
        absolute(base_url, svc.url) if base_url else svc.url,
    ]


def csv_unit(unit: UnitNode, base_url: str = "") -> str:
    """The CSV of a unit's services (its bidang included), by name."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(KOLOM_SIPPN)
    for svc in unit.all_services():
        w.writerow(_cell(x) for x in baris(svc, base_url))
    return buf.getvalue()
