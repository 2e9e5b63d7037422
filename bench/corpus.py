"""Synthetic corpora of service standards, for benchmarks.

    python bench/corpus.py OUT_DIR --services N --units U [--seed S]

or, from another benchmark::

    from corpus import make_corpus          # with bench/ on sys.path
    root = make_corpus(Path(out), services=10_000, units=300, seed=0)

``make_corpus`` writes ``OUT_DIR/standards/`` laid out like the real tree and
returns that folder (the standards root):

* ``_instansi.yaml`` (government profile, shared SP4N-LAPOR! and SMS 1708 channels);
* ``<unit>/_unit.yaml`` for each of the ``units`` OPDs, with a profile and ``bawaan:``
  defaults (complaint handling, legal basis, facilities, internal components, sometimes
  a fee or a duration) that its services inherit;
* about one OPD in twelve has 2–3 bidang sub-folders (``<unit>/<bidang>/_unit.yaml``)
  holding part of its services; bidang are not counted in ``units``;
* ``services`` service files spread unevenly over the units, every slug unique.

Service files use every component and vary in size (plain or grouped requirements,
4–15 steps with accept/reject branches, sometimes separate in-person and online
variants, flat fees, nested tariff tables and formulas, 3–8 complaint channels of
every type, conditional durations). Some services write a component themselves,
others inherit it from their unit. The corpus validates with no findings at all
(no galat, no peringatan): step times never exceed the total, every channel value is
valid for its type, review dates lie far in the future (2035) so the corpus does not
start warning as the calendar moves on.

Output is a pure function of (services, units, seed): same arguments, same bytes. The
folder ``OUT_DIR/standards`` is replaced if it exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

__all__ = ["make_corpus"]

# --------------------------------------------------------------------------------------
# Vocabulary (Indonesian, the way standards are written)
# --------------------------------------------------------------------------------------

_OPD = [
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "Kependudukan"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "Perizinan"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "Komunikasi dan Informatika"),
    ("Dinas Kesehatan", "Dinkes", "Kesehatan"),
    ("Dinas Pendidikan dan Kebudayaan", "Disdikbud", "Pendidikan"),
    ("Dinas Sosial dan Pemberdayaan Masyarakat", "Dinsos-PM", "Sosial"),
    ("Dinas Perhubungan", "Dishub", "Perhubungan"),
    ("Dinas Lingkungan Hidup", "DLH", "Lingkungan Hidup"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "Pekerjaan Umum"),
    ("Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "Perumahan"),
    ("Dinas Tenaga Kerja", "Disnaker", "Ketenagakerjaan"),
    ("Dinas Koperasi, Usaha Kecil dan Menengah", "Diskop-UKM", "Koperasi dan UMKM"),
    ("Dinas Perdagangan", "Disdag", "Perdagangan"),
    ("Dinas Pertanian dan Ketahanan Pangan", "DPKP", "Pertanian"),
    ("Dinas Perikanan", "Diskan", "Perikanan"),
    ("Dinas Pemuda, Olahraga dan Pariwisata", "Dispopar", "Pariwisata"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip", "Perpustakaan"),
    ("Badan Pendapatan Daerah", "Bapenda", "Pajak Daerah"),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "Kepegawaian"),
    ("Rumah Sakit Umum Daerah", "RSUD", "Kesehatan"),
    ("Satuan Polisi Pamong Praja", "Satpol PP", "Ketertiban Umum"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "Kebencanaan"),
    ("Kecamatan", "Kec.", "Administrasi Kewilayahan"),
    ("Kelurahan", "Kel.", "Administrasi Kewilayahan"),
    ("Puskesmas", "PKM", "Kesehatan"),
]
_TEMPAT = [
    "Bontang Utara", "Bontang Selatan", "Bontang Barat", "Api-Api", "Gunung Elai", "Lok Tuan",
    "Guntung", "Belimbing", "Telihan", "Kanaan", "Berbas Tengah", "Tanjung Laut", "Satimpo",
    "Bontang Kuala", "Bontang Baru", "Gunung Telihan", "Tanjung Laut Indah", "Sidrap",
]
_JALAN = [
    "Jalan Moh. Roem", "Jalan Bessai Berinta", "Jalan Awang Long", "Jalan Ahmad Yani",
    "Jalan Letjen S. Parman", "Jalan MT Haryono", "Jalan Pupuk Raya", "Jalan DI Panjaitan",
    "Jalan Brigjend Katamso", "Jalan Cipto Mangunkusumo", "Jalan KS Tubun", "Jalan Slamet Riyadi",
]
_OBJEK = [
    "Surat Keterangan", "Izin", "Rekomendasi", "Sertifikat", "Kartu", "Tanda Daftar", "Persetujuan",
    "Pendaftaran", "Pelayanan", "Penerbitan", "Legalisasi", "Pembaruan", "Pengesahan", "Verifikasi",
]
_HAL = [
    "Usaha Mikro", "Tempat Usaha", "Bangunan Gedung", "Reklame", "Penelitian", "Praktik Tenaga Kesehatan",
    "Penyelenggaraan Acara", "Pemakaian Ruang", "Kendaraan Angkutan", "Pindah Datang", "Domisili",
    "Tidak Mampu", "Ahli Waris", "Keramaian", "Pengelolaan Limbah", "Sumur Bor", "Trayek", "Parkir",
    "Pemakaman", "Kesehatan Lingkungan", "Laik Higiene Sanitasi", "Produksi Pangan Industri Rumah Tangga",
    "Pencari Kerja", "Koperasi", "Pelatihan Kerja", "Bantuan Sosial", "Rumah Tidak Layak Huni",
    "Pengujian Kendaraan Bermotor", "Informasi Publik", "Nama Domain", "Jaringan Intranet", "Data Statistik",
    "Penggunaan Gedung Olahraga", "Kunjungan Perpustakaan", "Arsip Statis", "Pajak Bumi dan Bangunan",
    "Pajak Restoran", "Kenaikan Pangkat", "Cuti Pegawai", "Rawat Jalan", "Rawat Inap", "Imunisasi",
    "Pemadaman Kebakaran", "Kaji Cepat Bencana", "Penertiban Bangunan", "Lahan Pertanian", "Benih Ikan",
]
_DOKUMEN = [
    "KTP-el pemohon", "Kartu Keluarga", "Pas foto berwarna ukuran 3x4", "Surat pengantar RT/RW",
    "Surat pengantar kelurahan", "Nomor Induk Berusaha (NIB)", "NPWP pemohon", "Akta pendirian badan usaha",
    "Surat kuasa bermeterai", "Bukti kepemilikan atau penguasaan tanah", "Gambar denah lokasi",
    "Surat pernyataan tidak keberatan tetangga", "Bukti pelunasan PBB tahun terakhir",
    "Surat keterangan sehat dari dokter", "Ijazah terakhir", "Sertifikat pelatihan", "Formulir permohonan",
    "Proposal kegiatan", "Surat rekomendasi dari instansi teknis", "Dokumen lingkungan (SPPL/UKL-UPL)",
    "Buku Pemilik Kendaraan Bermotor (BPKB)", "Surat Tanda Nomor Kendaraan (STNK)", "Akta kelahiran",
    "Buku nikah atau akta perkawinan", "Surat keterangan kematian", "Surat keterangan pindah",
]
_IDENTITAS = ["KTP-el", "SIM", "Paspor", "Kartu Identitas Anak", "Surat Keterangan Kependudukan"]
_KONDISI = [
    "jika permohonan dikuasakan", "jika pemohon badan usaha", "jika pemohon belum berusia 17 tahun",
    "jika status tanah sewa", "jika lokasi berada di kawasan permukiman", "bagi warga negara asing",
    "jika dokumen asli hilang", "jika pemohon penyandang disabilitas", "untuk permohonan perpanjangan",
]
_ASAL = [
    "Kantor kelurahan setempat", "Ketua RT/RW setempat", "Dinas Kependudukan dan Pencatatan Sipil",
    "Puskesmas atau rumah sakit", "Notaris", "Sistem OSS RBA", "Loket layanan (formulir tersedia gratis)",
    "Laman layanan daring", "Badan Pertanahan Nasional",
]
_KELOMPOK = [
    "Pemohon perseorangan", "Pemohon badan usaha", "Permohonan baru", "Permohonan perpanjangan",
    "Permohonan perubahan data", "Penggantian karena hilang atau rusak", "Warga negara asing",
    "Penduduk pindahan dari luar daerah",
]
_PETUGAS = [
    "Petugas Loket", "Petugas Verifikator", "Petugas Teknis", "Tim Teknis", "Kepala Seksi",
    "Kepala Bidang", "Sekretaris Dinas", "Kepala Dinas", "Petugas Arsip", "Operator Sistem",
    "Petugas Lapangan", "Bendahara Penerimaan",
]
_SISTEM = ["Sistem OSS RBA", "Aplikasi SIAK", "Sistem Informasi Layanan", "Aplikasi e-Retribusi"]
_INSTANSI_LAIN = ["BSrE BSSN", "Kantor Pertanahan", "Kepolisian Resor", "Dinas Provinsi", "Kementerian terkait"]
# An ordered procedure: (who, what, output). A service uses an ordered subset of it,
# always starting with the application and ending with the hand-over.
_ALUR = [
    ("pemohon", "Mengisi formulir permohonan dan menyerahkan persyaratan", "Tanda terima berkas"),
    ("petugas", "Menerima berkas dan memeriksa kelengkapan persyaratan", None),
    ("sistem", "Mencatat permohonan dan memberi nomor registrasi", "Nomor registrasi"),
    ("petugas", "Memverifikasi keabsahan dokumen persyaratan", None),
    ("petugas", "Melakukan wawancara singkat dengan pemohon", None),
    ("petugas", "Melakukan peninjauan lapangan ke lokasi yang dimohonkan", "Berita acara pemeriksaan"),
    ("instansi lain", "Memberikan pertimbangan teknis atas permohonan", "Surat pertimbangan teknis"),
    ("petugas", "Menyampaikan hasil kajian teknis kepada kepala bidang", None),
    ("petugas", "Menghitung besaran retribusi dan menerbitkan tagihan", "Surat tagihan retribusi"),
    ("pemohon", "Membayar retribusi melalui bank atau QRIS", "Bukti pembayaran"),
    ("petugas", "Menyusun konsep dokumen", "Konsep dokumen"),
    ("petugas", "Memeriksa dan memaraf konsep dokumen", None),
    ("petugas", "Menandatangani dokumen secara elektronik", "Dokumen yang telah ditandatangani"),
    ("petugas", "Mencatat dokumen dalam buku register dan memberi nomor", None),
    ("sistem", "Mengirim notifikasi bahwa dokumen telah selesai", "Notifikasi elektronik"),
    ("petugas", "Menyerahkan dokumen kepada pemohon dan meminta tanda terima", None),
    ("pemohon", "Menerima dokumen dan mengisi survei kepuasan masyarakat", None),
]
_PETUGAS_URUT = [
    "Petugas Loket", "Petugas Verifikator", "Petugas Verifikator", "Petugas Teknis", "Petugas Lapangan",
    "Tim Teknis", "Kepala Seksi", "Bendahara Penerimaan", "Kepala Seksi", "Kepala Bidang", "Kepala Dinas",
    "Petugas Arsip", "Petugas Loket",
]
_CABANG_TOLAK = [
    "Berkas tidak lengkap", "Dokumen tidak sah", "Lokasi tidak sesuai rencana tata ruang",
    "Hasil pemeriksaan tidak memenuhi syarat", "Pembayaran belum diterima",
]
_MAKA_TOLAK = [
    "Berkas dikembalikan kepada pemohon untuk dilengkapi",
    "Permohonan ditolak dengan surat penolakan yang memuat alasannya",
    "Pemohon diberi tahu kekurangannya melalui pesan singkat",
]
_PRODUK = [
    "Surat izin", "Sertifikat", "Surat keterangan", "Surat rekomendasi", "Kartu tanda daftar",
    "Dokumen elektronik bertanda tangan elektronik", "Berita acara", "Salinan dokumen yang dilegalisasi",
]
_PERATURAN = [
    ("Undang-Undang", "25", 2009, "Pelayanan Publik"),
    ("Undang-Undang", "23", 2014, "Pemerintahan Daerah"),
    ("Undang-Undang", "14", 2008, "Keterbukaan Informasi Publik"),
    ("Undang-Undang", "1", 2022, "Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah"),
    ("Peraturan Pemerintah", "96", 2012, "Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"),
    ("Peraturan Pemerintah", "5", 2021, "Penyelenggaraan Perizinan Berusaha Berbasis Risiko"),
    ("Peraturan Presiden", "95", 2018, "Sistem Pemerintahan Berbasis Elektronik"),
    ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "15", 2014,
     "Pedoman Standar Pelayanan"),
    ("Peraturan Menteri Dalam Negeri", "59", 2021, "Penerapan Standar Pelayanan Minimal"),
]
_RUANG = [
    "Ruang tunggu", "Loket pelayanan", "Ruang laktasi", "Ruang bermain anak", "Toilet", "Area parkir",
    "Mushala", "Ruang pengaduan", "Ruang arsip", "Ruang rapat",
]
_ISI_RUANG = [
    "Kursi tunggu", "Televisi informasi", "Mesin antrean", "Pendingin ruangan", "Dispenser air minum",
    "Komputer petugas", "Pemindai dokumen", "Papan informasi standar pelayanan", "Kursi roda",
]
_KOMPETENSI = [
    "Memahami standar pelayanan dan SOP layanan", "Mampu mengoperasikan komputer dan aplikasi layanan",
    "Memahami peraturan yang menjadi dasar layanan", "Berkomunikasi dengan santun dan jelas",
    "Memahami bahasa isyarat dasar", "Berpengalaman paling sedikit satu tahun di bidangnya",
]
_KALIMAT = {
    "pengawasan_internal": [
        "Pengawasan dilakukan oleh atasan langsung secara berjenjang",
        "Pemeriksaan berkala oleh Inspektorat Daerah",
        "Pengendalian mutu melalui sistem manajemen mutu ISO 9001",
        "Rapat evaluasi layanan setiap bulan dipimpin kepala perangkat daerah",
    ],
    "jaminan_pelayanan": [
        "Pelayanan diberikan sesuai standar pelayanan yang ditetapkan dan dituangkan dalam maklumat pelayanan",
        "Pelayanan diberikan tanpa pungutan di luar ketentuan",
        "Petugas mengenakan tanda pengenal selama jam layanan",
        "Apabila standar tidak dipenuhi, pemohon dapat menyampaikan pengaduan",
    ],
    "jaminan_keamanan": [
        "Data pemohon dijaga kerahasiaannya dan hanya dipakai untuk keperluan layanan",
        "Tersedia alat pemadam api ringan dan jalur evakuasi",
        "Ruang layanan dipantau kamera pengawas",
        "Dokumen asli pemohon dikembalikan pada hari yang sama",
    ],
    "evaluasi_kinerja": [
        "Evaluasi kinerja pelaksana dilakukan setiap tiga bulan oleh atasan langsung",
        "Survei Kepuasan Masyarakat dilaksanakan sekurang-kurangnya sekali setahun",
        "Hasil survei dan pengaduan dibahas dalam rapat evaluasi dan ditindaklanjuti",
    ],
}
_SINONIM = ["izin", "surat", "rekomendasi", "daftar", "online", "daring", "gratis", "cepat", "urus", "bikin"]
_HARI = ["Senin–Kamis", "Senin–Jumat", "Jumat", "Sabtu", "Senin–Sabtu"]
_MEDSOS = ["instagram.com", "facebook.com", "x.com", "youtube.com", "tiktok.com"]
_CARA_BAYAR = ["QRIS", "Transfer ke rekening kas daerah", "Loket bank di kantor layanan", "Virtual account"]
_KAT_ADUAN = [
    "Pengaduan ringan (informasi, keluhan sederhana)", "Pengaduan yang memerlukan pemeriksaan",
    "Pengaduan yang melibatkan instansi lain",
]
_SATUAN_TARIF = ["per hari", "per jam", "per meter persegi", "per unit", "per dokumen", "per orang", "per kegiatan"]

# --------------------------------------------------------------------------------------
# YAML output: block style like a person writes, short lists of words in flow style
# --------------------------------------------------------------------------------------


class _Flow(list):
    """A list written in flow style: [a, b, c]."""


class _Dumper(yaml.SafeDumper):
    # "key:\n  - item" (indented list items, as in the hand-written examples)
    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


_KATA_ANGKA = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan",
               9: "sembilan", 10: "sepuluh", 14: "empat belas"}


def _dump(header: str, data: dict) -> str:
    body = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    )
    return header + body


def _slugify(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


# --------------------------------------------------------------------------------------
# Generators
# --------------------------------------------------------------------------------------


class _Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)

    # -- small helpers -----------------------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def some(self, seq, lo: int, hi: int) -> list:
        return self.r.sample(seq, min(len(seq), self.r.randint(lo, hi)))

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def tanggal(self, year: int) -> dt.date:
        return dt.date(year, self.r.randint(1, 12), self.r.randint(1, 28))

    def telepon(self) -> str:
        return self.pick(["(0548) ", "0548 ", "0548-"]) + f"{self.r.randint(20, 99)}{self.r.randint(1000, 9999)}"

    def hp(self) -> str:
        return f"08{self.r.randint(11, 59)}-{self.r.randint(1000, 9999)}-{self.r.randint(1000, 9999)}"

    # -- components --------------------------------------------------------------------
    def item_persyaratan(self, dokumen: str) -> Any:
        if dokumen != "Identitas diri pemohon" and self.chance(0.35):
            return dokumen
        it: dict[str, Any] = {"dokumen": dokumen}
        if dokumen == "Identitas diri pemohon":
            it["salah_satu"] = _Flow(self.some(_IDENTITAS, 2, 4))
        if self.chance(0.6):
            b = self.some(["asli", "fotokopi", "dilegalisir", "bermeterai", "pindaian", "cetak"], 1, 2)
            it["bentuk"] = b[0] if len(b) == 1 and self.chance(0.5) else _Flow(b)
        if self.chance(0.25):
            it["jumlah"] = self.r.randint(1, 3)
        if self.chance(0.2):
            it["wajib"] = "tidak"
            it["kondisi"] = self.pick(_KONDISI)
        elif self.chance(0.1):
            it["kondisi"] = self.pick(_KONDISI)
        if self.chance(0.3):
            it["diperoleh_dari"] = self.pick(_ASAL)
        if self.chance(0.1):
            it["keterangan"] = "Dokumen asli diperlihatkan kepada petugas untuk dicocokkan"
        return it

    def daftar_persyaratan(self, lo: int, hi: int) -> list:
        docs = self.some(_DOKUMEN, lo, hi)
        if self.chance(0.3):
            docs[0] = "Identitas diri pemohon"
        return [self.item_persyaratan(d) for d in docs]

    def persyaratan(self) -> list:
        if self.chance(0.25):
            return [
                {
                    "kelompok": k,
                    **({"keterangan": "Berlaku untuk " + k.lower()} if self.chance(0.3) else {}),
                    "daftar": self.daftar_persyaratan(2, 6),
                }
                for k in self.some(_KELOMPOK, 2, 4)
            ]
        return self.daftar_persyaratan(2, 10)

    def langkah_list(self, n: int, online: bool) -> tuple[list, float]:
        """n steps (an ordered subset of _ALUR); returns (steps, total step time in working seconds)."""
        middle = sorted(self.r.sample(range(1, len(_ALUR) - 1), min(n - 2, len(_ALUR) - 2)))
        chosen = [0, *middle, len(_ALUR) - 2 if online else len(_ALUR) - 1]
        steps, total = [], 0.0
        for i, idx in enumerate(chosen):
            kind, uraian, hasil = _ALUR[idx]
            jenis = None
            if kind == "pemohon":
                pel = "Pemohon"
            elif kind == "sistem":
                pel, jenis = self.pick(_SISTEM), "sistem"
            elif kind == "instansi lain":
                pel, jenis = self.pick(_INSTANSI_LAIN), "instansi lain"
            else:
                pel = _PETUGAS_URUT[min(len(_PETUGAS_URUT) - 1, idx * len(_PETUGAS_URUT) // len(_ALUR))]
            lk: dict[str, Any] = {"pelaksana": pel}
            if jenis:
                lk["jenis_pelaksana"] = jenis
            if online and kind == "pemohon" and idx == 0:
                uraian = "Mengisi formulir dan mengunggah persyaratan melalui laman layanan"
            lk["uraian"] = uraian + "."
            if self.chance(0.7):
                if kind == "instansi lain" or self.chance(0.15):
                    v, sat, sec = self.r.randint(1, 3), "hari kerja", 8 * 3600
                elif self.chance(0.75):
                    v, sat, sec = self.r.choice([5, 10, 15, 30, 45]), "menit", 60
                else:
                    v, sat, sec = self.r.randint(1, 4), "jam", 3600
                lk["waktu"] = f"{v} {sat}"
                total += v * sec
            if hasil and self.chance(0.6):
                lk["hasil"] = hasil
            if kind == "petugas" and ("Memverifikasi" in uraian or "Menerima berkas" in uraian
                                      or "peninjauan" in uraian) and self.chance(0.6):
                lk["cabang"] = [
                    {"jika": "Persyaratan memenuhi ketentuan", "ke_langkah": min(i + 2, len(chosen))},
                    {
                        "jika": self.pick(_CABANG_TOLAK),
                        "maka": self.pick(_MAKA_TOLAK),
                        **({"selesai": "ya"} if self.chance(0.4) else {"ke_langkah": 1}),
                    },
                ]
            steps.append(lk)
        return steps, total

    def prosedur(self) -> tuple[Any, float]:
        if self.chance(0.2):
            tm, t1 = self.langkah_list(self.r.randint(4, 10), False)
            dr, t2 = self.langkah_list(self.r.randint(4, 8), True)
            return {"tatap_muka": tm, "daring": dr}, max(t1, t2)
        return self.langkah_list(self.r.randint(4, 15), self.chance(0.3))

    def jangka_waktu(self, minimum: float) -> Any:
        """A duration of at least ``minimum`` working seconds."""
        hari = max(1, int(minimum // (8 * 3600)) + 1) + self.r.randint(0, 10)
        form = self.r.random()
        if form < 0.35:
            return f"paling lama {hari} hari kerja" if self.chance(0.5) else f"{hari} hari kerja"
        if form < 0.5:
            return f"{hari}-{hari + self.r.randint(1, 5)} hari kerja"
        if form < 0.6:  # the wording of a published decree, read by the model
            kata = _KATA_ANGKA.get(hari)
            return f"Paling lambat {hari}{f' ({kata})' if kata else ''} hari kerja sejak berkas dinyatakan lengkap."
        d: dict[str, Any] = {"nilai": hari, "satuan": "hari kerja"}
        if self.chance(0.6):
            d["maksimal"] = "ya"
        if self.chance(0.6):
            d["sejak"] = "berkas permohonan dinyatakan lengkap dan benar"
        if form > 0.85:
            d = {
                "pilihan": [
                    {"nilai": hari, "satuan": "hari kerja", "jika": "permohonan baru"},
                    {"nilai": max(1, hari // 2), "satuan": "hari kerja", "jika": "permohonan perpanjangan"},
                ],
                "sejak": "berkas permohonan dinyatakan lengkap",
            }
        if self.chance(0.15):
            d["perpanjangan"] = f"{self.r.randint(3, 14)} hari kerja"
        if self.chance(0.1):
            d["keterangan"] = "Tidak termasuk waktu pemohon melengkapi berkas"
        return d

    def tarif(self, depth: int) -> dict:
        t: dict[str, Any] = {"nama": self.pick(_HAL + _RUANG)}
        if depth < 2 and self.chance(0.35):
            t["rincian"] = [self.tarif(depth + 1) for _ in range(self.r.randint(2, 4))]
            return t
        if self.chance(0.08):
            t["gratis"] = "ya"
            t["keterangan"] = "Bagi warga kurang mampu dengan surat keterangan"
            return t
        t["jumlah"] = self.r.randint(1, 200) * 5000
        if self.chance(0.7):
            t["satuan"] = self.pick(_SATUAN_TARIF)
        return t

    def perda(self) -> str:
        return (f"Peraturan Daerah Kota Bontang Nomor {self.r.randint(1, 20)} Tahun "
                f"{self.r.randint(2011, 2025)} tentang Retribusi Daerah")

    def biaya(self) -> Any:
        form = self.r.random()
        if form < 0.45:
            return self.pick(["Gratis", "Tidak dipungut biaya"])
        if form < 0.5:
            return {"gratis": "ya", "keterangan": "Biaya fotokopi dan meterai ditanggung pemohon"}
        b: dict[str, Any] = {}
        if form < 0.7:
            b["jumlah"] = self.r.randint(1, 100) * 10000
            if self.chance(0.6):
                b["satuan"] = self.pick(_SATUAN_TARIF)
        elif form < 0.92:
            b["tarif"] = [self.tarif(0) for _ in range(self.r.randint(2, 6))]
        elif form < 0.96:
            b["rumus"] = "Retribusi = Luas Total Bangunan × Indeks Terintegrasi × Harga Satuan Retribusi"
        else:  # a reference without an amount, as many published standards write it
            return f"Retribusi dipungut sesuai {self.perda()}"
        b["dasar_hukum"] = self.perda()
        if self.chance(0.6):
            b["cara_bayar"] = self.some(_CARA_BAYAR, 1, 3)
        return b

    def produk(self) -> Any:
        if self.chance(0.3):
            return self.pick(_PRODUK)
        out: list[Any] = []
        for p in self.some(_PRODUK, 1, 3):
            out.append({"nama": p, "keterangan": "Dalam bentuk dokumen elektronik"} if self.chance(0.4) else p)
        return out

    def saluran(self, unit_slug: str) -> dict:
        jenis = self.pick(
            ["tatap_muka", "kotak_saran", "surat", "telepon", "faks", "sms", "whatsapp", "email",
             "website", "aplikasi", "media_sosial"]
        )
        host = f"{unit_slug}.bontangkota.contoh.go.id"
        nilai = {
            "tatap_muka": f"Ruang pengaduan, lantai {self.r.randint(1, 3)} kantor layanan",
            "kotak_saran": "Ruang tunggu layanan",
            "surat": f"{self.pick(_JALAN)} Nomor {self.r.randint(1, 120)}, Kota Bontang",
            "telepon": self.telepon(),
            "faks": self.telepon(),
            "sms": self.hp(),
            "whatsapp": self.hp(),
            "email": f"pengaduan.{unit_slug.replace('-', '')}@bontangkota.contoh.go.id",
            "website": f"https://{host}/pengaduan",
            "aplikasi": "Aplikasi Bontang Sehati (Android dan iOS)",
            "media_sosial": f"https://www.{self.pick(_MEDSOS)}/{unit_slug.replace('-', '')}bontang",
        }[jenis]
        s: dict[str, Any] = {"jenis": jenis, "nilai": nilai}
        if self.chance(0.3):
            s["label"] = "Layanan pengaduan " + jenis.replace("_", " ")
        if self.chance(0.3):
            s["keterangan"] = "Senin–Jumat, 08.00–15.00"
        return s

    def pengaduan(self, unit_slug: str) -> dict:
        seen, sal = set(), []
        for _ in range(self.r.randint(3, 8)):
            s = self.saluran(unit_slug)
            if (s["jenis"], s["nilai"]) not in seen:
                seen.add((s["jenis"], s["nilai"]))
                sal.append(s)
        p: dict[str, Any] = {"saluran": sal}
        if self.chance(0.8):
            p["tata_cara"] = [
                "Pengaduan diterima petugas dan dicatat dalam register pengaduan.",
                "Pengaduan diteruskan kepada pejabat yang membidangi layanan.",
                "Pejabat menindaklanjuti dan menyampaikan jawaban kepada pengadu.",
            ][: self.r.randint(2, 3)]
        if self.chance(0.7):
            p["waktu_penyelesaian"] = [
                {"kategori": k, "waktu": f"paling lama {n} hari kerja"}
                for k, n in zip(_KAT_ADUAN[: self.r.randint(1, 3)], (2, 14, 30))
            ]
        return p

    def dasar_hukum(self) -> list:
        out: list[Any] = []
        for jenis, nomor, tahun, tentang in self.some(_PERATURAN, 2, 6):
            out.append({"jenis": jenis, "nomor": nomor, "tahun": tahun, "tentang": tentang})
        if self.chance(0.5):
            out.append(f"Peraturan Wali Kota Bontang Nomor {self.r.randint(1, 60)} Tahun "
                       f"{self.r.randint(2015, 2025)} (contoh)")
        return out

    def sarana(self) -> list:
        out: list[Any] = []
        for r in self.some(_RUANG, 2, 5):
            if self.chance(0.5):
                s: dict[str, Any] = {"nama": r}
                if self.chance(0.5):
                    s["rincian"] = [
                        {"nama": x, "jumlah": self.r.randint(1, 30)} if self.chance(0.6) else x
                        for x in self.some(_ISI_RUANG, 1, 4)
                    ]
                else:
                    s["jumlah"] = self.r.randint(1, 4)
                if self.chance(0.3):
                    s["kelompok_rentan"] = _Flow(self.some(["disabilitas", "lansia", "ibu hamil", "ibu menyusui", "anak"], 1, 3))
                out.append(s)
            else:
                out.append(r)
        return out

    def kompetensi(self) -> list:
        if self.chance(0.4):
            return self.some(_KOMPETENSI, 2, 4)
        return [{"jabatan": j, "kompetensi": self.some(_KOMPETENSI, 1, 3)} for j in self.some(_PETUGAS, 1, 3)]

    def jumlah_pelaksana(self) -> list:
        return [{"jabatan": j, "jumlah": self.r.randint(1, 6)} for j in self.some(_PETUGAS, 1, 4)]

    def internal(self, key: str) -> list:
        return [k + "." for k in self.some(_KALIMAT[key], 1, 3)]

    def jam_layanan(self) -> list:
        out = [{
            "hari": "Senin–Kamis",
            "buka": self.pick(["07:30", "08:00"]),
            "tutup": self.pick(["15:30", "16:00"]),
            "istirahat_mulai": "12:00",
            "istirahat_selesai": "13:00",
        }, {"hari": "Jumat", "buka": "07:30", "tutup": "11:30"}]
        if self.chance(0.2):
            out.append({"hari": "Sabtu", "buka": "08:00", "tutup": "12:00", "keterangan": "Khusus layanan daring"})
        return out


_INTERNAL_LISTS = ("pengawasan_internal", "jaminan_pelayanan", "jaminan_keamanan", "evaluasi_kinerja")


def _component(g: _Gen, key: str, unit_slug: str) -> Any:
    if key == "persyaratan":
        return g.persyaratan()
    if key == "biaya":
        return g.biaya()
    if key == "produk":
        return g.produk()
    if key == "pengaduan":
        return g.pengaduan(unit_slug)
    if key == "dasar_hukum":
        return g.dasar_hukum()
    if key == "sarana_prasarana":
        return g.sarana()
    if key == "kompetensi_pelaksana":
        return g.kompetensi()
    if key == "jumlah_pelaksana":
        return g.jumlah_pelaksana()
    if key in _INTERNAL_LISTS:
        return g.internal(key)
    raise KeyError(key)


# Components a unit may supply under bawaan:, with the chance that it does.
# pengaduan, dasar_hukum and the four internal texts are nearly always shared.
_BAWAAN = {
    "pengaduan": 0.85,
    "dasar_hukum": 0.8,
    "sarana_prasarana": 0.7,
    "kompetensi_pelaksana": 0.4,
    "jumlah_pelaksana": 0.3,
    "pengawasan_internal": 0.9,
    "jaminan_pelayanan": 0.9,
    "jaminan_keamanan": 0.9,
    "evaluasi_kinerja": 0.9,
    "biaya": 0.15,
    "persyaratan": 0.05,
}


def _unit_doc(g: _Gen, nama: str, singkatan: str, slug: str, bidang: bool) -> dict:
    d: dict[str, Any] = {"nama": nama}
    if singkatan:
        d["singkatan"] = singkatan
    if not bidang or g.chance(0.3):
        d["alamat"] = (f"{g.pick(_JALAN)} Nomor {g.r.randint(1, 150)}, {g.pick(_TEMPAT)}, "
                       f"Kota Bontang {g.r.randint(75311, 75325)} (alamat contoh)")
    if not bidang:
        d["jam_layanan"] = g.jam_layanan()
        d["kontak"] = [
            {"jenis": "telepon", "nilai": g.telepon()},
            {"jenis": "email", "nilai": f"{slug.replace('-', '')}@bontangkota.contoh.go.id"},
            {"jenis": "website", "nilai": f"https://{slug}.bontangkota.contoh.go.id"},
        ]
        d["visi"] = f"Terwujudnya pelayanan {nama.lower()} yang cepat, terbuka, dan terpercaya."
        d["misi"] = [
            "Memberikan pelayanan yang mudah, cepat, dan tanpa pungutan liar.",
            "Meningkatkan kompetensi dan integritas aparatur pelayanan.",
            "Memanfaatkan teknologi informasi dalam pelayanan publik.",
        ][: g.r.randint(1, 3)]
        d["moto"] = g.pick(["Melayani dengan Hati", "Cepat, Tepat, Ramah", "Bersih, Transparan, Profesional"])
        d["pelayanan_khusus"] = [
            "Loket prioritas bagi penyandang disabilitas, lansia, dan ibu hamil",
            "Kursi roda dan jalur landai di pintu masuk",
        ]
        d["maklumat"] = {
            "tempat": "Bontang",
            "tanggal": g.tanggal(2026),
            "penandatangan": {
                "jabatan": f"Kepala {nama}",
                "nama": "Nama Pejabat Contoh, S.H., M.Si.",
                "nip": f"19{g.r.randint(65, 85)}0{g.r.randint(1, 9)}{g.r.randint(10, 28)} "
                       f"{g.r.randint(1990, 2010)}0{g.r.randint(1, 9)} 1 00{g.r.randint(1, 9)}",
            },
        }
    bawaan: dict[str, Any] = {}
    for key, p in _BAWAAN.items():
        if bidang:
            p = p / 3  # a bidang overrides only a few of its OPD's defaults
        if g.chance(p):
            bawaan[key] = _component(g, key, slug)
    if not bidang:
        # An OPD always supplies the internal components its services do not write.
        for key in ("dasar_hukum", *_INTERNAL_LISTS):
            bawaan.setdefault(key, _component(g, key, slug))
    if bawaan:
        d["bawaan"] = bawaan
    return d


def _service_doc(g: _Gen, nama: str, kategori: str, unit_slug: str, inherited: set[str]) -> dict:
    """A service; components in ``inherited`` (set by its units) are sometimes omitted."""
    d: dict[str, Any] = {
        "nama": nama,
        "ringkasan": f"Layanan {nama.lower()} bagi warga dan pelaku usaha di Kota Bontang.",
    }
    if g.chance(0.5):
        d["sinonim"] = _Flow(g.some(_SINONIM, 1, 4))
    d["kategori"] = kategori
    status = g.pick(["berlaku", "berlaku", "contoh", "rancangan"])
    d["status"] = status
    if g.chance(0.3):
        d["kode_sippn"] = f"{g.r.randint(1000, 9999)}{g.r.randint(100000, 999999)}"
    if g.chance(0.3):
        d["tempat_layanan"] = f"Loket {g.r.randint(1, 12)}, Mal Pelayanan Publik Kota Bontang"
    if g.chance(0.1):
        d["jam_layanan"] = g.jam_layanan()
    if status != "rancangan" or g.chance(0.5):
        d["penetapan"] = {
            "nomor": f"000/CONTOH-{g.r.randint(1, 999):03d}/{unit_slug.upper()}/2026",
            "tanggal": g.tanggal(2026),
            "pejabat": "Kepala Perangkat Daerah",
        }
    if g.chance(0.7):
        d["peninjauan"] = {"terakhir": g.tanggal(2026), "berikutnya": g.tanggal(2035)}
    if g.chance(0.5):
        d["fkp"] = {"tanggal": g.tanggal(2025), "berita_acara": f"BA-FKP/CONTOH/{g.r.randint(1, 99):03d}/2025"}
    if status == "rancangan":
        d["konsultasi_publik"] = {
            "batas": g.tanggal(2035),
            "cara": f"Kirim masukan melalui e-mail ke masukan.{unit_slug.replace('-', '')}@bontangkota.contoh.go.id",
        }
    if g.chance(0.4):
        d["layanan_daring"] = f"https://{unit_slug}.bontangkota.contoh.go.id/layanan/{_slugify(nama)[:40]}"

    def write(key: str) -> bool:
        return key not in inherited or g.chance(0.35)

    if write("persyaratan"):
        d["persyaratan"] = g.persyaratan()
    prosedur, total = g.prosedur()
    d["prosedur"] = prosedur
    d["jangka_waktu"] = g.jangka_waktu(total)
    for key in ("biaya", "produk", "pengaduan", "dasar_hukum", "sarana_prasarana",
                "kompetensi_pelaksana", "jumlah_pelaksana", *_INTERNAL_LISTS):
        # biaya and produk are written unless a unit supplies them; the rest sometimes
        if (key in ("biaya", "produk") and key not in inherited) or write(key):
            d[key] = _component(g, key, unit_slug)
    return d


def make_corpus(out_dir: Path, services: int, units: int, seed: int = 0) -> Path:
    """Write a synthetic standards tree under ``out_dir/standards``; return that root.

    ``services`` service files across ``units`` top-level units (OPDs); a few OPDs get
    bidang sub-folders on top. Deterministic for (services, units, seed).
    """
    if units < 1 or services < 0:
        raise ValueError("units must be >= 1 and services >= 0")
    g = _Gen(seed)
    root = Path(out_dir) / "standards"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)

    (root / "_instansi.yaml").write_text(_dump(
        "# yaml-language-server: $schema=../schema/instansi.schema.json\n"
        "# CONTOH: korpus sintetis untuk pengukuran kinerja. Bukan keputusan pemerintah mana pun.\n",
        {
            "nama": "Pemerintah Kota Bontang (Contoh)",
            "wilayah": "Kota Bontang, Kalimantan Timur",
            "situs": "https://standar.bontangkota.contoh.go.id/",
            "saluran_bersama": [
                {"jenis": "sp4n_lapor", "nilai": "https://www.lapor.go.id", "label": "SP4N-LAPOR!"},
                {"jenis": "sms", "nilai": "1708", "label": "SMS SP4N-LAPOR!"},
            ],
        },
    ), encoding="utf-8")

    # Uneven sizes: a few big OPDs (perizinan, dukcapil), many small ones.
    weights = [g.r.paretovariate(1.5) for _ in range(units)]
    total_w = sum(weights)
    counts = [int(services * w / total_w) for w in weights]
    for i in range(services - sum(counts)):
        counts[i % units] += 1

    used_slugs: set[str] = set()
    n_service = 0
    for ui in range(units):
        nama_opd, singkatan, kategori = _OPD[ui % len(_OPD)]
        nomor = ui // len(_OPD) + 1
        if nomor > 1 or singkatan in ("Kec.", "Kel.", "PKM"):
            wil = _TEMPAT[(ui // len(_OPD)) % len(_TEMPAT)]
            nama = f"{nama_opd} {wil}" + (f" {nomor}" if nomor > len(_TEMPAT) else "")
            singkatan_u = f"{singkatan} {wil}"
        else:
            nama, singkatan_u = nama_opd, singkatan
        uslug = f"{_slugify(singkatan)}-{ui + 1:03d}"
        udir = root / uslug
        udir.mkdir()
        udoc = _unit_doc(g, nama, singkatan_u, uslug, bidang=False)
        (udir / "_unit.yaml").write_text(
            _dump("# yaml-language-server: $schema=../../schema/unit.schema.json\n", udoc), encoding="utf-8"
        )
        # Folders: the OPD itself, plus 2–3 bidang for about one OPD in twelve.
        folders = [(udir, set(udoc.get("bawaan", {})), 2)]
        if counts[ui] >= 6 and g.chance(1 / 12):
            for bi in range(g.r.randint(2, 3)):
                bnama = f"Bidang {g.pick(_HAL)}"
                bslug = f"bidang-{bi + 1}-{_slugify(bnama)[7:27].strip('-')}"
                bdir = udir / bslug
                bdir.mkdir()
                bdoc = _unit_doc(g, bnama, "", f"{uslug}-{bslug}", bidang=True)
                (bdir / "_unit.yaml").write_text(
                    _dump("# yaml-language-server: $schema=../../../schema/unit.schema.json\n", bdoc),
                    encoding="utf-8",
                )
                folders.append((bdir, folders[0][1] | set(bdoc.get("bawaan", {})), 3))
        for si in range(counts[ui]):
            folder, inherited, depth = folders[0] if len(folders) == 1 or si % 3 == 0 else g.pick(folders[1:])
            nama_l = f"{g.pick(_OBJEK)} {g.pick(_HAL)}"
            slug = _slugify(nama_l)
            if slug in used_slugs:
                slug = f"{slug}-{uslug}"
            if slug in used_slugs:
                slug = f"{slug}-{si + 1}"
            used_slugs.add(slug)
            n_service += 1
            sdoc = _service_doc(g, nama_l, kategori, uslug, inherited)
            (folder / f"{slug}.yaml").write_text(
                _dump(f"# yaml-language-server: $schema={'../' * depth}schema/layanan.schema.json\n", sdoc),
                encoding="utf-8",
            )
    assert n_service == services, (n_service, services)
    return root


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a synthetic standards tree for benchmarks.")
    ap.add_argument("out_dir", type=Path, help="folder to write; the corpus goes to OUT_DIR/standards")
    ap.add_argument("--services", type=int, default=1000, help="number of service files (default 1000)")
    ap.add_argument("--units", type=int, default=30, help="number of top-level units/OPDs (default 30)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = ap.parse_args(argv)
    root = make_corpus(args.out_dir, args.services, args.units, args.seed)
    files = sum(1 for _ in root.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in root.rglob("*.yaml"))
    print(f"{root}: {args.services} services, {files} YAML files, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
