"""`standar diff` on real edits in a temporary git repository (issue 11): a fee change, a
requirement removed, steps reordered, a file renamed, a comment-only change, the working tree
against the branch point with main, and the three output formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import perubahan as p
from generator.cli import main

from .gitrepo import DATA, buat_repo, git, simpan, ubah

SK = "dpmptsp/surat-keterangan-contoh.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return buat_repo(tmp_path)


def satu(daftar: list[p.Perubahan]) -> p.Perubahan:
    assert len(daftar) == 1, [(x.berkas, x.kalimat) for x in daftar]
    return daftar[0]


def test_a_fee_change_says_old_and_new(repo):
    ubah(repo, SK, "biaya: Gratis", "biaya: Rp50.000 per lembar")
    ubah(repo, SK, "jangka_waktu: 1 hari kerja", "jangka_waktu: 3 hari kerja")
    simpan(repo, "biaya")
    x = satu(p.diff(repo / "standards", "HEAD~1", "HEAD"))
    assert x.jenis == "ubah" and x.berkas == SK and x.nama == "Surat Keterangan Contoh"
    assert "Biaya: Gratis \u2192 Rp50.000 per lembar." in x.kalimat
    assert "Jangka waktu: 1 hari kerja \u2192 3 hari kerja." in x.kalimat
    assert len(x.kalimat) == 2


def test_a_removed_requirement_and_a_new_channel_are_named(repo):
    ubah(repo, SK, "  - Surat permohonan\n", "")
    ubah(repo, SK, "produk: Surat keterangan", "produk:\n  - Surat keterangan\n  - Salinan digital")
    simpan(repo, "syarat")
    x = satu(p.diff(repo / "standards", "HEAD~1", "HEAD"))
    assert x.kalimat == [
        "Persyaratan dihapus: \u201cSurat permohonan\u201d.",
        "Jumlah persyaratan: 2 \u2192 1.",
        "Produk ditambahkan: \u201cSalinan digital\u201d.",
        "Jumlah produk: 1 \u2192 2.",
    ]


def test_reordering_adds_or_removes_nothing(repo):
    ubah(repo, SK, "  - Surat permohonan\n  - KTP-el\n", "  - KTP-el\n  - Surat permohonan\n")
    ubah(repo, SK, """  - pelaksana: Pemohon
    uraian: Menyerahkan berkas.
  - pelaksana: Petugas
    uraian: Menerbitkan surat keterangan.
""", """  - pelaksana: Petugas
    uraian: Menerbitkan surat keterangan.
  - pelaksana: Pemohon
    uraian: Menyerahkan berkas.
""")
    simpan(repo, "urutan")
    x = satu(p.diff(repo / "standards", "HEAD~1", "HEAD"))
    # Requirements in another order: nothing to say. Steps: the same steps, in a new order.
    assert x.kalimat == ["Urutan langkah prosedur diubah (langkahnya sama)."]


def test_a_renamed_file_is_followed(repo):
    git(repo, "mv", f"standards/{SK}", "standards/dpmptsp/surat-keterangan.yaml")
    simpan(repo, "ganti nama")
    x = satu(p.diff(repo / "standards", "HEAD~1", "HEAD"))
    assert x.berkas_lama == SK and x.berkas == "dpmptsp/surat-keterangan.yaml"
    assert x.kalimat == ["Berkas dipindah atau diganti nama; isinya bagi warga tidak berubah."]
    # Renamed and changed: the changes, under both names.
    ubah(repo, "dpmptsp/surat-keterangan.yaml", "biaya: Gratis", "biaya: Rp10.000")
    git(repo, "mv", "standards/dpmptsp/surat-keterangan.yaml", "standards/dpmptsp/sk.yaml")
    simpan(repo, "ganti nama lagi")
    x = satu(p.diff(repo / "standards", "HEAD~1", "HEAD"))
    assert x.berkas_lama == "dpmptsp/surat-keterangan.yaml" and x.kalimat == ["Biaya: Gratis \u2192 Rp10.000."]


def test_a_comment_only_change_says_so(repo):
    ubah(repo, SK, "biaya: Gratis", "# sesuai Perda 2025\nbiaya:   Gratis")
    simpan(repo, "komentar")
    x = satu(p.diff(repo / "standards", "HEAD~1", "HEAD"))
    assert x.jenis == "format"
    assert x.kalimat == ["Hanya komentar atau format yang berubah; tidak ada perubahan bagi warga."]


def test_added_and_removed_services_and_a_unit_change_seen_by_its_services(repo):
    (repo / "standards" / "dpmptsp" / "baru.yaml").write_text(
        (repo / "standards" / SK).read_text(encoding="utf-8").replace("Surat Keterangan Contoh", "Layanan Baru Sekali"),
        encoding="utf-8")
    (repo / "standards" / "dpmptsp" / "izin-reklame.yaml").unlink()
    simpan(repo, "tambah hapus")
    daftar = p.diff(repo / "standards", "HEAD~1", "HEAD")
    jenis = {x.berkas: x.jenis for x in daftar}
    assert jenis == {"dpmptsp/baru.yaml": "tambah", "dpmptsp/izin-reklame.yaml": "hapus"}
    baru = next(x for x in daftar if x.jenis == "tambah")
    assert baru.kalimat[0] == "Layanan baru." and "biaya: Gratis" in baru.kalimat[1]


def test_the_working_tree_against_the_branch_point_with_main(repo, monkeypatch, capsys):
    git(repo, "checkout", "-q", "-b", "ubah-biaya")
    ubah(repo, SK, "biaya: Gratis", "biaya: Rp5.000")
    simpan(repo, "di cabang")
    ubah(repo, SK, "jangka_waktu: 1 hari kerja", "jangka_waktu: 2 hari kerja")  # not committed
    monkeypatch.chdir(repo)
    assert main(["diff"]) == 0
    out = capsys.readouterr().out
    assert "Diubah: Surat Keterangan Contoh (dpmptsp/surat-keterangan-contoh.yaml)" in out
    assert "  - Biaya: Gratis \u2192 Rp5.000." in out and "  - Jangka waktu: 1 hari kerja \u2192 2 hari kerja." in out
    # Markdown for the pull request's job summary, and JSON.
    assert main(["diff", "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("## Perubahan standar pelayanan (1 layanan)")
    assert "- Biaya: Gratis \u2192 Rp5\\.000\\." in md
    assert main(["diff", "main", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["jenis"] == "ubah" and data[0]["berkas"] == SK and len(data[0]["kalimat"]) == 2


def test_markdown_shows_a_hostile_name_as_text(repo):
    ubah(repo, SK, "nama: Surat Keterangan Contoh", "nama: \"Surat <img src=x onerror=alert(1)> [klik](http://x) *a*\"")
    simpan(repo, "nama")
    md = p.markdown(p.diff(repo / "standards", "HEAD~1", "HEAD"))
    assert "<img" not in md and "](http" not in md and "&lt;img" in md


def test_errors_are_messages_not_tracebacks(repo, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(repo)
    assert main(["diff", "tidak-ada-revisi"]) == 2
    assert "standar diff:" in capsys.readouterr().err
    assert main(["diff", "--", "--output=/tmp/x"]) == 2  # never an option to git
    assert "tidak sah" in capsys.readouterr().err
    bukan = tmp_path / "bukan-git"
    shutil.copytree(DATA, bukan / "standards")
    monkeypatch.chdir(bukan)
    assert main(["diff"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("standar diff:") and "Traceback" not in err


def test_a_file_that_no_longer_loads_is_not_called_deleted(repo):
    ubah(repo, SK, "biaya: Gratis", "biayaa: Gratis")
    x = satu(p.diff(repo / "standards", "HEAD"))
    assert x.jenis == "ubah" and "tidak dapat dibaca" in x.kalimat[0]


def test_line_endings_alone_are_not_a_change(repo):
    f = repo / "standards" / SK
    f.write_bytes(f.read_bytes().replace(b"\n", b"\r\n"))
    assert p.diff(repo / "standards", "HEAD") == []


def test_the_address_hours_and_summary_are_said_old_and_new(repo):
    ubah(repo, "dpmptsp/_unit.yaml", "alamat: Mal Pelayanan Publik, Jalan Merdeka Nomor 10, Kota Contoh",
         "alamat: Gedung Baru, Jalan Sudirman Nomor 1, Kota Contoh")
    ubah(repo, SK, "ringkasan: Layanan contoh untuk memperlihatkan label contoh pada poster.",
         "ringkasan: Surat keterangan untuk warga.")
    simpan(repo, "alamat")
    x = next(d for d in p.diff(repo / "standards", "HEAD~1", "HEAD") if d.berkas == SK)
    assert "Tempat layanan: \u201cMal Pelayanan Publik, Jalan Merdeka Nomor 10, Kota Contoh\u201d \u2192 " \
           "\u201cGedung Baru, Jalan Sudirman Nomor 1, Kota Contoh\u201d." in x.kalimat
    assert "Ringkasan: \u201cLayanan contoh untuk memperlihatkan label contoh pada poster\u201d \u2192 " \
           "\u201cSurat keterangan untuk warga\u201d." in x.kalimat
