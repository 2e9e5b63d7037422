"""`standar init DIR`: a unit's own repository, ready to publish its standards.

What it writes (nothing of this project is copied: templates, theme and fonts come with
the installed package)::

    DIR/standards/_instansi.yaml          the government (from --instansi, --wilayah, --situs)
    DIR/standards/<unit>/_unit.yaml       one unit (from --unit, --singkatan)
    DIR/standards/<unit>/<layanan>.yaml   one service (from --layanan), every component as a
                                          commented guide to copy the published standard into
    DIR/schema/*.schema.json              JSON Schemas for the editor, generated from the model
    DIR/mkdocs.yml                        the site: the standar plugin, self-hosted fonts
    DIR/requirements.txt                  standar-pelayanan==<this version> and its run-time pins
    DIR/.github/workflows/standar.yml     validate (annotations), build, publish to GitHub Pages
    DIR/.vscode/settings.json             the schemas mapped to the files
    DIR/.pre-commit-config.yaml           `standar validate` on changed files before each commit
    DIR/.gitignore, DIR/README.md         a guide for staff, in Bahasa Indonesia
    DIR/halaman/                          hand-written pages (docs_dir), empty at first

Values from the flags are untrusted text: every one is written as a YAML double-quoted
scalar (escaped by PyYAML), never inside a comment, and the standards written are checked
with the same loader as ``standar validate`` before the folder appears. Folder and file
names must be page addresses. An existing non-empty DIR is refused; the repository is
built in a hidden folder beside DIR and renamed into place, so a failure leaves nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Optional

import yaml

from . import __version__
from .dependensi import teks_requirements
from .catalog import INSTANSI_FILE, NAMA_LAYANAN_SITUS, UNIT_FILE, load_catalog, slugify
from .findings import GALAT
from .model import SLUG_RE
from .schema import SCHEMAS, write_schemas


class InitGagal(ValueError):
    """A refusal to show the user (Indonesian), without a traceback."""


def q(teks: str) -> str:
    """A YAML double-quoted scalar holding exactly ``teks`` (quotes, colons, '#', line
    breaks and backslashes escaped), on one line."""
    return yaml.safe_dump(teks, allow_unicode=True, default_style='"', width=float("inf")).rstrip("\n")


def _periksa_teks(opsi: str, teks: Optional[str], wajib: bool = True) -> Optional[str]:
    if teks is None:
        return None
    t = teks.strip()
    if not t:
        if wajib:
            raise InitGagal(f"{opsi} kosong: tulis isinya.")
        return None
    for ch in t:
        kat = unicodedata.category(ch)
        if ch != "\n" and (kat in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp")):
            raise InitGagal(
                f"{opsi} memuat karakter tersembunyi U+{ord(ch):04X} (karakter kendali atau arah teks). "
                "Ketik ulang isinya tanpa menyalin karakter itu."
            )
    return t


def _periksa_slug(opsi: str, slug: str, terlarang: dict[str, str]) -> str:
    if not SLUG_RE.match(slug):
        raise InitGagal(
            f"{opsi} '{slug}' tidak sah: gunakan huruf kecil, angka, dan satu tanda hubung di antaranya, "
            "misalnya surat-keterangan-domisili."
        )
    if slug in terlarang:
        raise InitGagal(f"{opsi} '{slug}' dipakai situs sendiri ({terlarang[slug]}); pilih nama lain.")
    return slug


def _slug_dari(opsi_slug: str, nama: str) -> str:
    s = slugify(nama)
    if s == "x" and not SLUG_RE.match(nama.lower()):
        raise InitGagal(f"Nama '{nama}' tidak dapat dijadikan alamat halaman; tulis alamatnya dengan {opsi_slug}.")
    return s


def _periksa_situs(situs: str) -> str:
    from pydantic import TypeAdapter, ValidationError

    from .model.layanan import AlamatSitus

    try:
        return TypeAdapter(AlamatSitus).validate_python(situs)
    except ValidationError as e:
        raise InitGagal("--situs: " + e.errors()[0]["msg"]) from None


# -- the files -----------------------------------------------------------------------------

INSTANSI = """\
# yaml-language-server: $schema=../schema/instansi.schema.json
#
# Identitas pemerintah daerah: berlaku untuk semua unit di folder ini.
# Periksa setelah mengubah: standar validate
nama: {nama}
{wilayah}situs: {situs}  # alamat situs ini; dicetak sebagai kode QR di setiap poster
# logo: logo.svg          # berkas gambar (SVG, PNG, atau JPEG) di folder standards/
# Saluran pengaduan yang berlaku untuk semua layanan:
saluran_bersama:
  - jenis: sp4n_lapor
    nilai: https://www.lapor.go.id
    label: SP4N-LAPOR!
"""

UNIT = """\
# yaml-language-server: $schema=../../schema/unit.schema.json
#
# Profil unit: alamat, jam layanan, kontak, visi, misi, moto, maklumat. Salin dari
# keputusan atau papan pengumuman unit Anda, seperti tertulis. Komponen yang sama untuk
# semua layanan unit ini (misalnya pengaduan, dasar_hukum) boleh ditulis sekali di bawah
# bawaan: dan diwarisi setiap layanan. Contoh lengkap: Panduan petugas di situs.
nama: {nama}
{singkatan}# alamat: Jalan ...
# jam_layanan: Senin s.d. Jumat pukul 08.00 - 15.00
# kontak:
#   - jenis: telepon
#     nilai: "(0000) 000000"
# maklumat:
#   teks: Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar ...
#   tempat: ...
#   tanggal: 2026-01-15
#   penandatangan:
#     jabatan: Kepala ...
#     nama: ...
# bawaan:
#   pengaduan:
#     saluran:
#       - jenis: telepon
#         nilai: "(0000) 000000"
"""

LAYANAN = """\
# yaml-language-server: $schema=../../schema/layanan.schema.json
#
# Standar pelayanan. Salin isi standar yang sudah ditetapkan (lampiran keputusan, SIPPN,
# situs unit) apa adanya, kata demi kata: hapus tanda # di depan komponen yang ada dalam
# standar Anda dan ganti contohnya dengan tulisan aslinya. Jangan mengarang yang tidak
# tertulis: komponen yang tidak ada dibiarkan bertanda # (situs dan poster menampilkan
# "Tidak dicantumkan dalam standar"). Periksa dengan: standar validate
nama: {nama}
status: rancangan  # berlaku | rancangan | dicabut (ganti menjadi berlaku setelah ditetapkan)
# ringkasan: Satu kalimat untuk warga: layanan ini untuk apa.
# kategori: Kependudukan
# sinonim: [kata yang dipakai warga]

# Untuk rancangan: cara warga memberi masukan.
# konsultasi_publik:
#   cara: Kirim masukan melalui e-mail ke ...
#   batas: 2026-12-31

# Keputusan penetapan: tulis bagian yang diketahui (nomor saja pun boleh).
# penetapan:
#   nomor: 000/000/2026
#   tanggal: 2026-01-15
#   pejabat: Kepala Dinas ...

# --- A. Penyampaian pelayanan (wajib diumumkan) ---
# 1. Persyaratan: satu butir per baris, seperti tertulis.
# persyaratan:
#   - KTP-el asli
# 2. Sistem, mekanisme, dan prosedur: satu langkah per butir.
# prosedur:
#   - Pemohon menyerahkan berkas di loket
#   - Petugas memeriksa kelengkapan berkas
# 3. Jangka waktu, seperti tertulis.
# jangka_waktu: Paling lambat 3 (tiga) hari kerja sejak berkas lengkap
# 4. Biaya/tarif, seperti tertulis.
# biaya: Tidak dipungut biaya
# 5. Produk pelayanan.
# produk:
#   - Surat keterangan
# 6. Penanganan pengaduan (atau sekali untuk semua layanan di _unit.yaml, bawaan:).
# pengaduan:
#   saluran:
#     - jenis: telepon
#       nilai: "(0000) 000000"

# --- B. Pengelolaan pelayanan (internal) ---
# dasar_hukum:
#   - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
# sarana_prasarana:
#   - Ruang tunggu
# kompetensi_pelaksana:
#   - Memahami peraturan yang menjadi dasar layanan
# pengawasan_internal:
#   - Pengawasan oleh atasan langsung
# jumlah_pelaksana: 2 orang
# jaminan_pelayanan: Pelayanan diberikan sesuai standar ini
# jaminan_keamanan: Berkas pemohon disimpan dengan aman
# evaluasi_kinerja: Evaluasi dilakukan setiap 6 (enam) bulan
"""

MKDOCS = """\
# Situs standar pelayanan, dibangun dari folder standards/ oleh plugin standar
# (paket standar-pelayanan, lihat requirements.txt).
#   mkdocs serve            pratinjau di http://127.0.0.1:8000/, diperbarui saat berkas disimpan
#   mkdocs build --strict   membangun situs ke folder site/
site_name: {site_name}
site_url: {situs}
docs_dir: halaman          # halaman tulisan tangan (boleh kosong)
# repo_url: https://github.com/<organisasi>/<repositori>
# edit_uri: edit/main/halaman/   # dengan repo_url: tautan "sunting halaman ini" ke berkas YAML

theme:
  name: material           # tampilan standar pelayanan ditambahkan oleh plugin
  language: id
  font: false              # huruf Noto Sans disajikan sendiri: tanpa Google Fonts

plugins:
  - search
  - standar:
      standar: standards
      cetak: true          # poster A3/A4 dan buku standar pelayanan (PDF) di /cetak/
      layanan_utama:       # layanan yang tampil pertama di beranda
        - {slug}

nav:
  - Beranda: index.md
  - Layanan A–Z: layanan/index.md
  - Kategori: kategori/index.md
  - Unit layanan: unit/index.md
  - Pengaduan: pengaduan.md
  - Perubahan terbaru: perubahan.md
  - Kepatuhan: kepatuhan.md
  - Data terbuka: data-terbuka.md
  - Panduan petugas: panduan-petugas.md

markdown_extensions:
  - toc
  - attr_list

extra:
  generator: false
"""

WORKFLOW = """\
# Periksa, bangun, dan terbitkan standar pelayanan.
# - Setiap pull request: temuan 'standar validate' tampil sebagai anotasi pada baris YAML
#   yang diubah; ringkasan perubahan bagi warga ('standar diff') tampil di ringkasan job;
#   situs dibangun dengan --strict dan diunggah (beserta poster) sebagai artefak
#   'pratinjau-situs' untuk ditinjau. pull_request (bukan pull_request_target): pull
#   request dari fork berjalan tanpa rahasia repositori.
# - Setiap push ke main (setelah ditinjau): situs diterbitkan ke GitHub Pages
#   (Settings > Pages > Source: GitHub Actions).
name: standar
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
concurrency:
  group: standar-${{ github.ref }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}
env:
  NO_MKDOCS_2_WARNING: "1"
jobs:
  bangun:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
          # Seluruh riwayat git: 'standar diff' membandingkan dengan cabang tujuan, dan situs
          # menampilkan riwayat perubahan setiap standar (salinan dangkal memotong riwayat itu).
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"  # the version the pinned dependencies were tested with
      - name: Pustaka sistem untuk PDF (WeasyPrint)
        run: sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
      - name: Pasang standar-pelayanan (versi terkunci di requirements.txt)
        run: pip install -r requirements.txt
      - name: standar validate (juga poster yang tidak muat satu halaman)
        run: standar validate --cetak --format github standards
      - name: Ringkasan perubahan (standar diff)
        if: github.event_name == 'pull_request'
        env:
          TUJUAN: ${{ github.base_ref }}
        run: standar diff "origin/$TUJUAN" --format markdown >> "$GITHUB_STEP_SUMMARY"
      - name: mkdocs build --strict
        run: mkdocs build --strict
      - name: Pratinjau situs dan poster
        if: github.event_name == 'pull_request'
        uses: actions/upload-artifact@v4
        with:
          name: pratinjau-situs
          path: site
          retention-days: 14
      - if: github.event_name == 'push' && github.ref == 'refs/heads/main'
        uses: actions/upload-pages-artifact@v3
        with:
          path: site
  terbitkan:
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    needs: bangun
    runs-on: ubuntu-24.04
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.terbit.outputs.page_url }}
    steps:
      - id: terbit
        uses: actions/deploy-pages@v4
"""

#: pre-commit (https://pre-commit.com): the `standar` installed from requirements.txt (the
#: versions CI uses) checks the standards files a commit changes. The hook of the same name in
#: this project's .pre-commit-hooks.yaml installs the tool itself; this one needs no URL.
PRE_COMMIT = """\
# Pemeriksaan sebelum commit: `pip install pre-commit`, lalu sekali `pre-commit install`.
# Setiap commit memeriksa berkas standar yang berubah dengan `standar validate` (alat dari
# requirements.txt); galat menggagalkan commit dan menyebut berkas, baris, dan cara memperbaikinya.
repos:
  - repo: local
    hooks:
      - id: standar-validate
        name: standar validate
        entry: standar validate
        language: system
        files: ^standards/.*\\.ya?ml$
        types: [file]
        require_serial: true
"""

GITIGNORE = """\
/site/
/cetak/
.cache/
__pycache__/
.venv/
"""

README = """\
# Standar pelayanan

Repositori ini menyimpan standar pelayanan publik unit kami sebagai berkas YAML di folder
`standards/`. Dari satu sumber itu dibuat situs web untuk warga, poster A3/A4 untuk papan
pengumuman, dan buku standar pelayanan untuk loket dan penilai.

## Isi repositori

```
standards/_instansi.yaml          identitas pemerintah daerah dan alamat situs
standards/{unit}/_unit.yaml       profil unit (alamat, jam layanan, kontak, maklumat)
standards/{unit}/{slug}.yaml      satu berkas per layanan; nama berkas menjadi alamat halaman
schema/                           skema untuk penyunting teks (bantuan isian)
mkdocs.yml                        pengaturan situs
requirements.txt                  versi alat standar-pelayanan yang dipakai
.github/workflows/standar.yml     pemeriksaan dan penerbitan otomatis
```

## Memasang alat (sekali)

Perlu Python 3.11 atau lebih baru. Di Debian/Ubuntu pasang juga pustaka untuk PDF:
`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`.

```sh
python3 -m venv .venv
. .venv/bin/activate
pip install -r requirements.txt
```

## Menyunting

1. Buka berkas layanan di `standards/`. Salin isi standar yang sudah ditetapkan (lampiran
   keputusan) apa adanya: hapus tanda `#` di depan komponen yang ada dalam standar Anda
   dan ganti contohnya dengan tulisan aslinya. Jangan mengarang yang tidak tertulis.
2. Layanan baru: `standar new {unit} nama-layanan` membuat berkas berisi petunjuk isian.
3. Visual Studio Code dengan ekstensi YAML (Red Hat) memberi bantuan isian dan
   penjelasan setiap kunci dari folder `schema/`.

## Memeriksa

```sh
standar validate                # galat, peringatan, dan cara memperbaikinya
standar validate --kepatuhan    # juga komponen yang diminta Permenpan RB 15/2014
standar diff                    # perubahan cabang ini bagi warga, dalam kalimat
```

Hanya **galat** yang menggagalkan pemeriksaan. Setiap pull request diperiksa otomatis;
temuannya tampil pada baris yang diubah.

Agar galat tertangkap sebelum commit (sekali saja, di dalam `.venv`):

```sh
pip install pre-commit
pre-commit install              # sejak itu setiap commit memeriksa berkas standar yang berubah
```

## Melihat pratinjau

```sh
mkdocs serve                    # buka http://127.0.0.1:8000/
```

Situs diperbarui setiap kali berkas YAML disimpan.

## Mencetak

```sh
standar cetak --out cetak       # poster A3/A4, maklumat, dan buku standar pelayanan (PDF)
```

## Menerbitkan

Ajukan perubahan sebagai pull request; setelah ditinjau dan digabung ke `main`, situs
diterbitkan ke GitHub Pages (aktifkan di Settings > Pages > Source: GitHub Actions).

Situs menampilkan riwayat perubahan dari git: bagian "Riwayat perubahan" di setiap halaman
layanan, halaman "Perubahan terbaru", dan umpan Atom `perubahan.xml`. Tanggal setiap perubahan
adalah tanggal perubahan itu digabung ke `main`; pesan commit tidak ditampilkan, yang tampil
adalah apa yang berubah bagi warga dan keputusan yang menetapkannya. Riwayat memerlukan seluruh
riwayat git (`fetch-depth: 0` pada alur kerja ini; di mesin sendiri, `git fetch --unshallow`
bila salinannya dangkal). Tanpa git, situs tetap dibangun tanpa riwayat, dengan peringatan.
Lindungi cabang `main` (wajib tinjauan) agar hanya perubahan yang disetujui yang terbit.
Pastikan `situs:` di `standards/_instansi.yaml` dan `site_url` di `mkdocs.yml` menunjuk
alamat situs yang sebenarnya.

## Memperbarui alat

Ganti nomor versi di `requirements.txt`, jalankan `pip install -r requirements.txt`, lalu
`standar schema` untuk memperbarui folder `schema/`.
"""


def _vscode() -> str:
    """yaml.schemas of the YAML language server: each schema to its files."""
    peta = {
        "./schema/instansi.schema.json": ["standards/_instansi.yaml"],
        "./schema/unit.schema.json": ["standards/**/_unit.yaml"],
        "./schema/layanan.schema.json": ["standards/**/*.yaml", "!standards/_instansi.yaml",
                                         "!standards/**/_unit.yaml"],
    }
    assert {p.rsplit("/", 1)[1] for p in peta} == set(SCHEMAS)
    return json.dumps({"yaml.schemas": peta, "files.encoding": "utf8"}, indent=2, ensure_ascii=False) + "\n"


def buat_repo(
    tujuan: Path,
    *,
    instansi: str,
    unit: str,
    layanan: str,
    situs: str,
    singkatan: Optional[str] = None,
    wilayah: Optional[str] = None,
    unit_id: Optional[str] = None,
    slug: Optional[str] = None,
) -> list[Path]:
    """Create the repository in ``tujuan``; returns the files written (relative).

    Raises :class:`InitGagal` with an Indonesian message when a value cannot be used or
    ``tujuan`` exists and is not empty; nothing is written then."""
    instansi = _periksa_teks("--instansi", instansi)
    unit = _periksa_teks("--unit", unit)
    layanan = _periksa_teks("--layanan", layanan)
    singkatan = _periksa_teks("--singkatan", singkatan, wajib=False)
    wilayah = _periksa_teks("--wilayah", wilayah, wajib=False)
    situs = _periksa_situs(_periksa_teks("--situs", situs))
    unit_id = _periksa_slug("--unit-id", unit_id or _slug_dari("--unit-id", singkatan or unit),
                            {"index": "unit/index/ adalah daftar unit"})
    slug = _periksa_slug("--slug", slug or _slug_dari("--slug", layanan), NAMA_LAYANAN_SITUS)

    tujuan = Path(os.path.abspath(tujuan))  # "." has no name to build a folder beside
    if tujuan.exists() or tujuan.is_symlink():
        if not tujuan.is_dir() or tujuan.is_symlink():
            raise InitGagal(f"{tujuan} sudah ada dan bukan folder; pilih folder baru.")
        if any(tujuan.iterdir()):
            raise InitGagal(f"Folder {tujuan} sudah berisi berkas; tidak ada yang diubah. Pilih folder baru atau kosong.")

    berkas = {
        f"standards/{INSTANSI_FILE}": INSTANSI.format(
            nama=q(instansi), situs=q(situs), wilayah=f"wilayah: {q(wilayah)}\n" if wilayah else ""),
        f"standards/{unit_id}/{UNIT_FILE}": UNIT.format(
            nama=q(unit), singkatan=f"singkatan: {q(singkatan)}\n" if singkatan else ""),
        f"standards/{unit_id}/{slug}.yaml": LAYANAN.format(nama=q(layanan)),
        "mkdocs.yml": MKDOCS.format(site_name=q(f"Standar Pelayanan {instansi}"), situs=q(situs), slug=slug),
        "requirements.txt": teks_requirements(__version__),
        ".github/workflows/standar.yml": WORKFLOW,
        ".vscode/settings.json": _vscode(),
        ".pre-commit-config.yaml": PRE_COMMIT,
        ".gitignore": GITIGNORE,
        "README.md": README.replace("{unit}", unit_id).replace("{slug}", slug),
        "halaman/.gitkeep": "",
    }

    induk = tujuan.parent
    induk.mkdir(parents=True, exist_ok=True)
    kerja = Path(tempfile.mkdtemp(prefix=f".{tujuan.name}.baru-", dir=induk))
    try:
        for nama, isi in berkas.items():
            p = kerja / nama
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(isi, encoding="utf-8")
        write_schemas(kerja / "schema")
        cat = load_catalog(kerja / "standards")
        galat = [f for f in cat.findings if f.severity == GALAT]
        if galat:
            raise InitGagal("Nilai opsi tidak dapat dipakai:\n" + "\n".join(
                f"  {os.path.relpath(f.file, kerja) if os.path.isabs(f.file) else f.file}: {f.message}" for f in galat))
        if tujuan.is_dir():
            # An empty folder (checked above), perhaps the working directory (`standar init .`):
            # fill it, never replace it. rename refuses to overwrite a folder that appeared since.
            for isi in sorted(kerja.iterdir()):
                os.rename(isi, tujuan / isi.name)
            kerja.rmdir()
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(kerja, 0o777 & ~umask)  # mkdtemp makes it 0700
            os.rename(kerja, tujuan)
    except BaseException:
        shutil.rmtree(kerja, ignore_errors=True)
        raise
    return sorted(Path(n) for n in [*berkas, *(f"schema/{s}" for s in SCHEMAS)])
