"""The SIPPN-ready export (issue 12): a CSV per unit with the fields SIPPN shows for a
service, so that a unit copies its standards into the national system instead of retyping."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator import sippn, tampilan
from generator.catalog import load_catalog

REPO = Path(__file__).resolve().parents[1]
NYATA = REPO / "tests" / "nyata"


def baca(teks: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(teks)))


def test_the_columns_are_sippns_in_its_order():
    cat = load_catalog(REPO / "standards")
    teks = sippn.csv_unit(cat.unit("dpmptsp"), "https://standar.contoh.go.id/")
    kepala = next(csv.reader(io.StringIO(teks)))
    assert kepala == ["Nama Layanan", "Unit Pelayanan", "Nomor SK Standar Pelayanan", "Persyaratan",
                      "Sistem, Mekanisme, dan Prosedur", "Jangka Waktu Pelayanan", "Biaya/Tarif", "Produk Pelayanan",
                      "Penanganan Pengaduan, Saran, dan Masukan", "Alamat Halaman"]


def test_a_unit_has_one_row_per_service_its_bidang_included():
    cat = load_catalog(REPO / "standards")
    unit = cat.unit("dpmptsp")
    rows = baca(sippn.csv_unit(unit, "https://standar.contoh.go.id/"))
    assert [r["Nama Layanan"] for r in rows] == [s.data.nama for s in unit.all_services()]
    pbg = next(r for r in rows if r["Nama Layanan"].startswith("Penerbitan Persetujuan Bangunan Gedung"))
    assert pbg["Unit Pelayanan"] == ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu – "
                                     "Bidang Pelayanan Perizinan")
    assert pbg["Nomor SK Standar Pelayanan"] == "000/CONTOH-011/DPMPTSP/2026"
    assert pbg["Alamat Halaman"] == "https://standar.contoh.go.id/layanan/persetujuan-bangunan-gedung/"
    # Numbered lines, each step with who does it, as SIPPN's text boxes take them.
    assert pbg["Sistem, Mekanisme, dan Prosedur"].splitlines()[0].startswith("1. Pemohon: ")
    assert pbg["Persyaratan"].splitlines()[0].startswith("1. ")


@pytest.mark.parametrize("nama", ["jembrana-disnaker-ak1", "samsat-pengesahan-stnk-tahunan",
                                  "lamongan-akta-kelahiran-non-online"])
def test_a_real_standards_published_wording_reaches_the_csv(nama):
    # Real standards, kept verbatim in tests/nyata: every requirement, step and product is in its row.
    cat = load_catalog(NYATA / nama)
    assert cat.ok, [f.text() for f in cat.findings if f.severity == "galat"]
    for unit in cat.units:
        rows = {r["Nama Layanan"]: r for r in baca(sippn.csv_unit(unit))}
        for svc in unit.all_services():
            r = rows[svc.data.nama]
            k = tampilan.layanan(svc.data, [u.data for u in svc.unit.chain()], svc.slug).komponen
            if k["persyaratan"].isi:
                for g in k["persyaratan"].isi.kelompok:
                    for s in g.daftar:
                        assert s.nama in r["Persyaratan"]
            if k["prosedur"].isi:
                for a in k["prosedur"].isi.alur:
                    for lk in a.langkah:
                        assert lk.uraian in r["Sistem, Mekanisme, dan Prosedur"]
            for p in k["produk"].isi or []:
                assert p.nama in r["Produk Pelayanan"]
            if k["jangka_waktu"].isi:
                assert k["jangka_waktu"].isi.teks in r["Jangka Waktu Pelayanan"]
            if k["biaya"].isi:
                assert k["biaya"].isi.teks in r["Biaya/Tarif"]


def test_no_cell_is_read_as_a_formula(tmp_path):
    import shutil

    root = tmp_path / "standards"
    shutil.copytree(REPO / "tests" / "print" / "data" / "standards", root)
    f = root / "dpmptsp" / "surat-keterangan-contoh.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("nama: Surat Keterangan Contoh", 'nama: "=HYPERLINK(\\"x\\")"'),
                 encoding="utf-8")
    cat = load_catalog(root)
    rows = baca(sippn.csv_unit(cat.unit("dpmptsp")))
    assert "'=HYPERLINK(\"x\")" in [r["Nama Layanan"] for r in rows]


def test_the_site_publishes_one_csv_per_unit_linked_from_its_page():
    from generator.site import Opsi, bangun

    cat = load_catalog(REPO / "standards")
    s = bangun(cat, Opsi())
    paths = {b.path for b in s.berkas()}
    assert {f"unit/{u.id}/sippn.csv" for u in cat.all_units() if u.all_services()} <= paths
    html = next(h.html for h in s.halaman if h.url == "unit/dpmptsp/")
    assert 'href="sippn.csv" class="sp-unduh" type="text/csv"' in html
