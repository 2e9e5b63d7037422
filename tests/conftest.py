"""Shared fixtures: small standards trees written into a temp dir.

`tree` writes an instansi, one unit and the given service files, so a test can
state exactly the YAML a staff member would write and check what comes out.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

INSTANSI = """\
nama: Pemerintah Kota Uji
wilayah: Kota Uji
situs: https://standar.uji.contoh.go.id/
saluran_bersama:
  - jenis: sp4n_lapor
    nilai: https://www.lapor.go.id
"""

UNIT = """\
nama: Dinas Uji
alamat: Jalan Uji Nomor 1
jam_layanan:
  - hari: Senin–Jumat
    buka: "08:00"
    tutup: "15:00"
bawaan:
  pengaduan:
    saluran:
      - jenis: telepon
        nilai: "(0548) 000 1111"
  dasar_hukum:
    - jenis: Undang-Undang
      nomor: "25"
      tahun: 2009
      tentang: Pelayanan Publik
  sarana_prasarana: [Ruang tunggu]
  kompetensi_pelaksana: [Memahami SOP]
  pengawasan_internal: [Atasan langsung]
  jumlah_pelaksana:
    - jabatan: Petugas Loket
      jumlah: 2
  jaminan_pelayanan: Sesuai standar
  jaminan_keamanan: Data dijaga
  evaluasi_kinerja: Setiap tiga bulan
"""

SERVICE = """\
nama: Layanan Uji
ringkasan: Layanan untuk menguji.
kategori: Uji
status: contoh
persyaratan:
  - KTP-el
prosedur:
  - pelaksana: Pemohon
    uraian: Datang ke loket
    waktu: 10 menit
  - pelaksana: Petugas Loket
    uraian: Memproses permohonan
    waktu: 1 jam
jangka_waktu: paling lama 1 hari kerja
biaya: Gratis
produk: Surat keterangan
"""


def write(root: Path, rel: str, text: str | bytes) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


@pytest.fixture
def tree(tmp_path: Path):
    """make(files: dict[rel, text]) -> standards root with instansi + unit 'uji'."""

    def make(files: dict[str, str | bytes] | None = None, unit: str = UNIT, instansi: str = INSTANSI) -> Path:
        root = tmp_path / "standards"
        write(root, "_instansi.yaml", instansi)
        write(root, "uji/_unit.yaml", unit)
        for rel, text in (files or {}).items():
            write(root, rel, text)
        return root

    return make


@pytest.fixture
def service_text() -> str:
    return SERVICE
