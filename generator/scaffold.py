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
# Salin isi standar yang sudah ditetapkan (lampiran keputusan, SIPPN, situs unit) apa
# adanya, kata demi kata, di setiap bagian yang diawali [ISI]. Rincian (kelompok
# pemohon, pelaksana tiap langkah, tabel tarif) boleh ditambahkan bila standar Anda
# memuatnya; contohnya ada di Panduan petugas. Jangan mengarang yang tidak tertulis:
# hapus bagian yang tidak ada dalam standar Anda (situs menampilkan "Tidak
# dicantumkan dalam standar"). Periksa dengan: standar validate {path}
# Komponen 7-14 (dasar_hukum s.d. evaluasi_kinerja) boleh dihapus bila sudah
# ditulis di _unit.yaml unit ini di bawah bawaan:.

nama: "[ISI] nama layanan seperti tertulis, misalnya Penerbitan Surat Keterangan ..."
status: rancangan  # berlaku | rancangan | dicabut | contoh
# Dianjurkan (tidak wajib): satu kalimat untuk warga, kategori, dan kata pencarian.
# ringkasan: Layanan ini untuk ...
# kategori: Kependudukan
# sinonim: [kata yang dipakai warga]

# Untuk rancangan: cara warga memberi masukan.
konsultasi_publik:
  cara: "[ISI] misalnya Kirim masukan melalui e-mail ke ..."
  batas: {batas}

# Keputusan penetapan: tulis bagian yang diketahui (nomor saja pun boleh).
# penetapan:
#   nomor: 000/000/2026
#   tanggal: 2026-01-15
#   pejabat: Kepala Dinas ...

# Asal naskah (dianjurkan saat menyalin dari sumber yang sudah terbit).
# sumber:
#   url: https://...
#   diakses: {hari_ini}

# --- A. Penyampaian pelayanan (wajib diumumkan) ---

# 1. Persyaratan: satu butir per baris, seperti tertulis. Bila per jenis pemohon:
#    - kelompok: Penduduk baru
#      daftar: [...]
persyaratan:
  - "[ISI] persyaratan pertama, seperti tertulis"
  - "[ISI] persyaratan kedua"

# 2. Sistem, mekanisme, dan prosedur: satu langkah per butir, seperti tertulis. Bila
#    pelaksananya disebut:  - pelaksana: Petugas Loket
#                             uraian: Memeriksa kelengkapan berkas
prosedur:
  - "[ISI] langkah pertama, seperti tertulis"
  - "[ISI] langkah kedua"

# 3. Jangka waktu, seperti tertulis, misalnya "Paling lambat 3 (tiga) hari kerja sejak berkas lengkap".
jangka_waktu: "[ISI] jangka waktu seperti tertulis"

# 4. Biaya/tarif, seperti tertulis, misalnya "Tidak dipungut biaya" atau "Sesuai Perda Nomor ...".
biaya: "[ISI] biaya seperti tertulis"

# 5. Produk pelayanan.
produk:
  - "[ISI] apa yang diterima pemohon"

# 6. Penanganan pengaduan. Hapus bila sudah ditulis di _unit.yaml (bawaan:).
#    jenis: telepon | whatsapp | sms | email | website | sp4n_lapor | media_sosial |
#    kotak_saran | tatap_muka | surat | aplikasi | lainnya. nilai: seperti tertulis (boleh kosong).
pengaduan:
  saluran:
    - jenis: telepon
      nilai: "[ISI] nomor telepon seperti tertulis"
  tata_cara:
    - "[ISI] langkah penanganan pengaduan"

# --- B. Pengelolaan pelayanan (internal): seperti tertulis ---
dasar_hukum:
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
sarana_prasarana:
  - "[ISI] sarana, prasarana, dan/atau fasilitas"
kompetensi_pelaksana:
  - "[ISI] kompetensi pelaksana"
pengawasan_internal:
  - "[ISI] pengawasan oleh atasan langsung"
jumlah_pelaksana: "[ISI] jumlah pelaksana seperti tertulis"
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
    # The schemas sit beside the standards folder (`standar schema`, `standar init`).
    schema_file = root.resolve().parent / "schema" / "layanan.schema.json"
    schema = os.path.relpath(schema_file, folder.resolve()) if schema_file.exists() else "layanan.schema.json"
    batas = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    text = TEMPLATE.format(schema=schema, slug=slug, path=target, batas=batas, hari_ini=dt.date.today().isoformat())
    # "x" mode: never overwrite a file a person wrote, even in a race.
    with open(target, "x", encoding="utf-8") as fh:
        fh.write(text)
    return target
