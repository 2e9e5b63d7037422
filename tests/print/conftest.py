"""Fixtures for the printed form: a small standards tree rendered once per session.

The tree (``data/standards``) is a fictitious city with one OPD, a bidang, and
services of every status; the session adds a service whose text carries HTML and
script tags (it must come out literally). A separate tree holds an extreme service
that can never fit on one poster.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "standards"

ESCAPE = """\
nama: Layanan Uji <b>Tebal</b> & Lain-lain
ringkasan: "Teks berisi <script>alert(1)</script> harus tampil apa adanya."
kategori: Uji
status: dicabut
persyaratan:
  - "Surat <i>miring</i> & fotokopi KTP"
prosedur:
  - pelaksana: Pemohon
    uraian: Menyerahkan berkas <img src=x onerror=alert(1)>.
jangka_waktu: 1 hari kerja
biaya: Gratis
produk: Surat <u>uji</u>
"""


def branching_service(steps: int = 14, requirements: int = 12) -> str:
    """Too long for the poster summary at 14 pt, but fits the compact summary (its
    many branches and step times are what the compact poster leaves out)."""
    lines = ["nama: Izin Bercabang Banyak", "ringkasan: Layanan uji dengan banyak percabangan alur.",
             "kategori: Uji", "status: contoh", "persyaratan:"]
    lines += [f"  - Dokumen persyaratan nomor {i + 1} untuk pemohon" for i in range(requirements)]
    lines.append("prosedur:")
    for i in range(steps):
        lines += [
            f"  - pelaksana: {'Pemohon' if i % 2 == 0 else 'Petugas Loket'}",
            f"    uraian: Melakukan langkah ke-{i + 1} dari alur layanan.",
            "    waktu: 15 menit",
            "    cabang:",
            "      - jika: Berkas tidak lengkap atau tidak sesuai dengan ketentuan yang berlaku",
            "        ke_langkah: 1",
            "      - jika: Pemohon tidak hadir pada jadwal yang telah ditentukan oleh petugas",
            "        selesai: ya",
        ]
    lines += ["jangka_waktu: paling lama 5 hari kerja", "biaya: Gratis", "produk: Surat izin"]
    return "\n".join(lines) + "\n"


def extreme_service() -> str:
    """Dozens of requirements in several applicant groups and a long tariff table."""
    lines = [
        "nama: Izin Usaha Serba Ada dengan Persyaratan Sangat Banyak",
        "ringkasan: Layanan uji yang sengaja terlalu panjang untuk satu poster.",
        "kategori: Uji",
        "status: contoh",
        "persyaratan:",
    ]
    for g in range(6):
        lines += [f"  - kelompok: Jenis pemohon nomor {g + 1} dengan keadaan khusus", "    daftar:"]
        for i in range(12):
            lines += [
                f"      - dokumen: Dokumen persyaratan {g + 1}.{i + 1} yang harus dilampirkan lengkap",
                "        bentuk: [fotokopi, dilegalisir]",
                "        jumlah: 2",
                "        kondisi: jika pemohon berbentuk badan usaha yang berkedudukan di luar daerah",
            ]
    lines += ["prosedur:"]
    for i in range(20):
        lines += [
            "  - pelaksana: Petugas Loket" if i % 2 else "  - pelaksana: Pemohon",
            f"    uraian: Langkah ke-{i + 1} yang dijelaskan dengan kalimat panjang agar memakan tempat di poster.",
            "    waktu: 10 menit",
        ]
    lines += [
        "jangka_waktu: paling lama 30 hari kerja",
        "biaya:",
        "  dasar_hukum: Peraturan Daerah Kota Contoh Nomor 1 Tahun 2024 tentang Pajak Daerah dan Retribusi Daerah",
        "  tarif:",
    ]
    for i in range(60):
        lines += [
            f"    - nama: Golongan tarif nomor {i + 1} untuk bangunan dan ruang tertentu",
            f"      jumlah: {(i + 1) * 25000}",
            "      satuan: per hari",
        ]
    lines += ["produk: Surat izin usaha"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def print_tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("print") / "standards"
    shutil.copytree(DATA, root)
    (root / "dpmptsp" / "uji-escape.yaml").write_text(ESCAPE, encoding="utf-8")
    (root / "dpmptsp" / "izin-bercabang.yaml").write_text(branching_service(), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def catalog(print_tree):
    from generator.catalog import load_catalog

    cat = load_catalog(print_tree)
    assert cat.ok, [f.text() for f in cat.findings]
    return cat


@pytest.fixture(scope="session")
def rendered(catalog, tmp_path_factory):
    """Every output of the tree, rendered once with two workers: (store, laporan)."""
    from generator.printing import jobs

    store = tmp_path_factory.mktemp("cetak")
    laporan = jobs.run(catalog, store, catalog.instansi.situs, jobs=2, progress=False)
    assert laporan.ok, laporan.galat
    return store, laporan


@pytest.fixture(scope="session")
def extreme_tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ekstrem") / "standards"
    shutil.copytree(DATA, root)
    (root / "dpmptsp" / "izin-serba-ada.yaml").write_text(extreme_service(), encoding="utf-8")
    return root
