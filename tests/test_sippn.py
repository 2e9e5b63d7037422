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


KOLOM_KOMPONEN = {"persyaratan": "Persyaratan", "prosedur": "Sistem, Mekanisme, dan Prosedur",
                  "jangka_waktu": "Jangka Waktu Pelayanan", "biaya": "Biaya/Tarif", "produk": "Produk Pelayanan",
                  "pengaduan": "Penanganan Pengaduan, Saran, dan Masukan"}


def rapat(s: str) -> str:
    return " ".join(s.split()).casefold()


@pytest.mark.parametrize("root", [REPO / "standards", *sorted(p for p in NYATA.iterdir() if (p / "_instansi.yaml").is_file())],
                         ids=lambda p: p.name)
def test_nothing_a_unit_wrote_in_the_six_components_is_dropped(root):
    # The example data and the real standards kept verbatim in tests/nyata: every text written in
    # a public component (its own or inherited) is in that component's cell.
    cat = load_catalog(root)
    assert cat.ok, [f.text() for f in cat.findings if f.severity == "galat"]
    for unit in cat.units:
        rows = {r["Nama Layanan"]: r for r in baca(sippn.csv_unit(unit))}
        for svc in unit.all_services():
            r = rows[svc.data.nama]
            for komp, kolom in KOLOM_KOMPONEN.items():
                sel = rapat(r[kolom])
                for t in tampilan.teks_tertulis(getattr(svc.data, komp)):
                    assert rapat(t).rstrip(".") in sel, (svc.data.nama, komp, t)


def test_optional_requirements_and_a_procedure_written_as_text_keep_their_wording(tmp_path):
    import shutil

    root = tmp_path / "standards"
    shutil.copytree(REPO / "tests" / "print" / "data" / "standards", root)
    f = root / "dpmptsp" / "surat-keterangan-contoh.yaml"
    teks = f.read_text(encoding="utf-8")
    teks = teks.replace("  - KTP-el\n", "  - dokumen: KTP-el\n    wajib: tidak\n")
    teks = teks.replace("""prosedur:
  - pelaksana: Pemohon
    uraian: Menyerahkan berkas.
  - pelaksana: Petugas
    uraian: Menerbitkan surat keterangan.""", "prosedur:\n  uraian: Pemohon datang ke loket; surat terbit hari itu juga.")
    f.write_text(teks, encoding="utf-8")
    cat = load_catalog(root)
    assert cat.ok, [x.text() for x in cat.findings if x.severity == "galat"]
    row = next(r for r in baca(sippn.csv_unit(cat.unit("dpmptsp"))) if r["Nama Layanan"] == "Surat Keterangan Contoh")
    assert "KTP-el (bila ada)" in row["Persyaratan"]
    assert row["Sistem, Mekanisme, dan Prosedur"].startswith("Pemohon datang ke loket; surat terbit hari itu juga.")


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
