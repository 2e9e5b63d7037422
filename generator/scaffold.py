"""`standar new`: a new service file with every component and Indonesian guidance.

Every place that needs the author's words holds a ``[ISI] …`` placeholder; the
loader reports each one as an error, so an unfinished file cannot be published
by accident. An existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .catalog import UNIT_FILE
from .model import SLUG_RE

TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# Standar pelayanan: {slug}
# Isi setiap bagian yang diawali [ISI]. Periksa dengan: standar validate {path}
# Komponen 7-14 (dasar_hukum s.d. evaluasi_kinerja) boleh dihapus bila sudah
# ditulis di _unit.yaml unit ini di bawah bawaan:.

nama: "[ISI] nama layanan, misalnya Penerbitan Surat Keterangan ..."
ringkasan: "[ISI] satu kalimat sederhana untuk warga: layanan ini untuk apa"
sinonim:
  - "[ISI] kata yang dipakai warga untuk mencari layanan ini"
kategori: "[ISI] kategori, misalnya Kependudukan"
status: rancangan  # berlaku | rancangan | dicabut | contoh

# Untuk rancangan: cara warga memberi masukan.
konsultasi_publik:
  cara: "[ISI] misalnya Kirim masukan melalui e-mail ke ..."
  batas: {batas}

# --- A. Penyampaian pelayanan (wajib diumumkan) ---

# 1. Persyaratan. Boleh dikelompokkan per jenis pemohon dengan kelompok: dan daftar:.
persyaratan:
  - "[ISI] persyaratan pertama"
  - dokumen: "[ISI] persyaratan dengan rincian"
    bentuk: fotokopi       # asli | fotokopi | dilegalisir | bermeterai | pindaian | cetak | isian
    jumlah: 1              # jumlah rangkap
    wajib: ya              # tidak bila boleh tidak dilampirkan

# 2. Prosedur: langkah berurutan.
prosedur:
  - pelaksana: Pemohon
    uraian: "[ISI] apa yang dilakukan pemohon"
    waktu: 5 menit
  - pelaksana: Petugas Loket
    uraian: "[ISI] apa yang dilakukan petugas"
    waktu: 15 menit
    cabang:
      - jika: Berkas tidak lengkap
        maka: Berkas dikembalikan kepada pemohon untuk dilengkapi
        ke_langkah: 1

# 3. Jangka waktu penyelesaian, misalnya "paling lama 3 hari kerja".
jangka_waktu:
  nilai: "[ISI] angka"
  satuan: hari kerja       # detik | menit | jam | hari kerja | hari kalender | bulan
  maksimal: ya
  sejak: berkas dinyatakan lengkap

# 4. Biaya. Gratis, atau jumlah: (angka rupiah tanpa titik) dengan dasar_hukum:.
biaya:
  gratis: ya

# 5. Produk pelayanan.
produk:
  - "[ISI] apa yang diterima pemohon"

# 6. Pengaduan. Hapus bagian ini bila sudah ditulis di _unit.yaml (bawaan:).
pengaduan:
  saluran:
    - jenis: telepon
      nilai: "[ISI] nomor telepon, misalnya 0548 123456"
  tata_cara:
    - "[ISI] langkah penanganan pengaduan"

# --- B. Pengelolaan pelayanan (internal) ---
dasar_hukum:
  - jenis: Undang-Undang
    nomor: "25"
    tahun: 2009
    tentang: Pelayanan Publik
sarana_prasarana:
  - "[ISI] sarana, prasarana, dan/atau fasilitas"
kompetensi_pelaksana:
  - "[ISI] kompetensi pelaksana"
pengawasan_internal:
  - "[ISI] pengawasan oleh atasan langsung"
jumlah_pelaksana:
  - jabatan: "[ISI] jabatan"
    jumlah: 1
jaminan_pelayanan: "[ISI] jaminan pelayanan"
jaminan_keamanan: "[ISI] jaminan keamanan dan keselamatan pelayanan"
evaluasi_kinerja: "[ISI] cara dan frekuensi evaluasi kinerja pelaksana"
"""


def new_service(root: Path, unit: str, slug: str) -> Path:
    if not SLUG_RE.match(slug):
        raise ValueError(
            f"nama layanan '{slug}' tidak sah: gunakan huruf kecil, angka, dan tanda hubung, "
            "misalnya surat-keterangan-domisili"
        )
    parts = [p for p in unit.strip("/").split("/") if p]
    if not parts or any(not SLUG_RE.match(p) for p in parts):
        raise ValueError(f"nama unit '{unit}' tidak sah: gunakan huruf kecil, angka, dan tanda hubung")
    folder = root.joinpath(*parts)
    if not (folder / UNIT_FILE).is_file():
        raise ValueError(
            f"unit '{unit}' belum ada: buat dulu {folder / UNIT_FILE} (profil unit), lalu ulangi"
        )
    existing = [p for p in root.rglob(f"{slug}.yaml")]
    if existing:
        raise ValueError(f"layanan '{slug}' sudah ada di {existing[0]}; berkas yang ada tidak diubah")
    target = folder / f"{slug}.yaml"
    schema_dir = Path(__file__).resolve().parent.parent / "schema" / "layanan.schema.json"
    schema = os.path.relpath(schema_dir, folder.resolve()) if schema_dir.exists() else "layanan.schema.json"
    batas = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    text = TEMPLATE.format(schema=schema, slug=slug, path=target, batas=batas)
    # "x" mode: never overwrite a file a person wrote, even in a race.
    with open(target, "x", encoding="utf-8") as fh:
        fh.write(text)
    return target
