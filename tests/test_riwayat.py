"""The public history of the standards (issue 11): "Riwayat perubahan" on each service page,
"Perubahan terbaru" and the Atom feed, read from a temporary git repository with several
commits: dated entries with the semantic summary, the adopting decree, renames followed, a
unit's change on the services that inherit it, merges dated on the main line, shallow
clones and no git at all."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from generator import riwayat
from generator.catalog import load_catalog
from generator.site import Opsi, bangun

from .gitrepo import DATA, buat_repo, git, simpan, ubah

SK = "dpmptsp/surat-keterangan-contoh.yaml"
REKLAME = "dpmptsp/izin-reklame.yaml"
PBG = "dpmptsp/perizinan/pbg.yaml"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A unit's repository: the first import, then five months of edits on main."""
    r = buat_repo(tmp_path, "2026-01-10T09:00:00+08:00")
    ubah(r, SK, "biaya: Gratis", "biaya: Rp50.000 per lembar")
    simpan(r, "biaya", "2026-02-03T10:00:00+08:00")
    ubah(r, SK, "  - Surat permohonan\n", "")
    git(r, "mv", f"standards/{SK}", "standards/dpmptsp/surat-keterangan.yaml")
    simpan(r, "ganti nama dan syarat", "2026-03-04T10:00:00+08:00")
    ubah(r, "dpmptsp/_unit.yaml", "      - jenis: telepon\n        nilai: \"(0548) 123456\"\n",
         "      - jenis: telepon\n        nilai: \"(0548) 123456\"\n      - jenis: sms\n        nilai: \"0812-0000-1111\"\n")
    simpan(r, "saluran unit", "2026-04-05T10:00:00+08:00")
    ubah(r, "dpmptsp/surat-keterangan.yaml", "produk: Surat keterangan", "produk: Surat keterangan\n# catatan petugas")
    simpan(r, "komentar saja", "2026-04-20T10:00:00+08:00")
    return r


def entri(r: riwayat.Riwayat, rel: str) -> list[tuple[str, riwayat.Entri]]:
    return [(v.tanggal.isoformat(), e) for v, e in r.layanan(rel)]


def test_each_service_has_its_dated_changes_newest_first_through_a_rename(repo):
    r = riwayat.baca(repo / "standards")
    assert r.ada and r.peringatan is None
    h = entri(r, "dpmptsp/surat-keterangan.yaml")
    assert [t for t, _e in h] == ["2026-04-05", "2026-03-04", "2026-02-03", "2026-01-10"]
    assert h[1][1].kalimat == ["Persyaratan dihapus: \u201cSurat permohonan\u201d.", "Jumlah persyaratan: 2 \u2192 1."]
    assert h[1][1].berkas == "dpmptsp/surat-keterangan.yaml"
    assert h[2][1].kalimat == ["Biaya: Gratis \u2192 Rp50.000 per lembar."]
    assert h[2][1].berkas == SK  # the name the file had then
    assert h[3][1].jenis == "tambah" and h[3][1].kalimat == ["Standar pelayanan ini mulai diterbitkan."]
    assert all(e.kini == "dpmptsp/surat-keterangan.yaml" for _t, e in h)
    # The comment-only commit changed nothing a citizen sees: no entry, no version.
    assert "2026-04-20" not in {v.tanggal.isoformat() for v in r.versi}


def test_a_units_change_shows_on_every_service_that_inherits_it(repo):
    r = riwayat.baca(repo / "standards")
    v = r.versi[0]
    assert v.tanggal.isoformat() == "2026-04-05"
    kena = {e.kini: e.kalimat for e in v.entri}
    assert set(kena) == {"dpmptsp/surat-keterangan.yaml", REKLAME, PBG}
    assert all("Saluran pengaduan ditambahkan: \u201cSMS: 0812-0000-1111\u201d." in k for k in kena.values())


def test_a_service_with_its_own_channels_is_not_touched_by_the_units(repo):
    own = ("pengaduan:\n  saluran:\n    - jenis: telepon\n      nilai: \"(0548) 999999\"\n"
           "  tata_cara:\n    - Pengaduan dicatat.\n")
    f = repo / "standards" / REKLAME
    f.write_text(f.read_text(encoding="utf-8") + own, encoding="utf-8")
    simpan(repo, "saluran sendiri", "2026-05-01T10:00:00+08:00")
    ubah(repo, "dpmptsp/_unit.yaml", "nilai: \"0812-0000-1111\"", "nilai: \"0812-0000-2222\"")
    simpan(repo, "ganti sms", "2026-05-02T10:00:00+08:00")
    r = riwayat.baca(repo / "standards")
    assert {e.kini for e in r.versi[0].entri} == {"dpmptsp/surat-keterangan.yaml", PBG}
    assert r.versi[1].tanggal.isoformat() == "2026-05-01" and [e.kini for e in r.versi[1].entri] == [REKLAME]


def test_a_new_decree_is_named_as_the_one_that_adopted_the_version(repo):
    ubah(repo, REKLAME, "  nomor: 503/012/DPMPTSP/2026\n  tanggal: 2026-01-12",
         "  nomor: 503/044/DPMPTSP/2026\n  tanggal: 2026-05-20")
    simpan(repo, "sk baru", "2026-05-21T10:00:00+08:00")
    r = riwayat.baca(repo / "standards")
    e = r.layanan(REKLAME)[0][1]
    assert e.penetapan and e.penetapan.startswith("Ditetapkan dengan ") and "20 Mei 2026" in e.penetapan
    assert not any(k.startswith("Penetapan") for k in e.kalimat)
    # The first entry carries the decree the standard was published with.
    assert r.layanan(REKLAME)[-1][1].penetapan.startswith("Ditetapkan dengan ")


def test_a_removed_service_stays_in_the_recent_changes_without_a_page(repo):
    git(repo, "rm", "-q", f"standards/{PBG}")
    simpan(repo, "hapus pbg", "2026-06-01T10:00:00+08:00")
    r = riwayat.baca(repo / "standards")
    e = r.versi[0].entri
    assert [(x.jenis, x.nama, x.kini) for x in e] == [("hapus", "Persetujuan Bangunan Gedung (PBG)", None)]
    assert r.layanan(PBG) == []


def test_a_merged_branch_counts_from_the_day_it_was_merged(repo):
    git(repo, "checkout", "-q", "-b", "usulan")
    ubah(repo, REKLAME, "nama: Izin Penyelenggaraan Reklame", "nama: Izin Reklame")
    simpan(repo, "usulan nama", "2026-06-10T10:00:00+08:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "gabung usulan", "usulan", tanggal="2026-06-20T10:00:00+08:00")
    r = riwayat.baca(repo / "standards")
    assert r.versi[0].tanggal.isoformat() == "2026-06-20"
    assert r.versi[0].entri[0].kalimat == ["Nama layanan: \u201cIzin Penyelenggaraan Reklame\u201d \u2192 \u201cIzin Reklame\u201d."]
    assert "2026-06-10" not in {v.tanggal.isoformat() for v in r.versi}


def test_a_version_that_did_not_load_is_skipped(repo):
    ubah(repo, REKLAME, "nama: Izin Penyelenggaraan Reklame", "nama: [Izin")
    simpan(repo, "rusak", "2026-07-01T10:00:00+08:00")
    ubah(repo, REKLAME, "nama: [Izin", "nama: Izin Penyelenggaraan Reklame Baru")
    simpan(repo, "perbaiki", "2026-07-02T10:00:00+08:00")
    h = entri(riwayat.baca(repo / "standards"), REKLAME)
    assert h[0][0] == "2026-07-02" and h[1][0] != "2026-07-01"
    assert h[0][1].kalimat == ["Nama layanan: \u201cIzin Penyelenggaraan Reklame\u201d \u2192 "
                               "\u201cIzin Penyelenggaraan Reklame Baru\u201d."]


def test_a_shallow_clone_has_a_short_history_and_says_how_to_get_all_of_it(repo, tmp_path):
    salinan = tmp_path / "dangkal"
    subprocess.run(["git", "clone", "-q", "--depth", "3", f"file://{repo}", str(salinan)], check=True)
    r = riwayat.baca(salinan / "standards")
    assert r.ada and "fetch-depth: 0" in r.peringatan and "dangkal" in r.peringatan
    # The clone's first commit is where the history starts, not the day every file was "added".
    assert [v.tanggal.isoformat() for v in r.versi] == ["2026-04-05"]
    assert not any(e.jenis == "tambah" for v in r.versi for e in v.entri)


def test_without_git_or_outside_a_repository_there_is_no_history_and_a_warning(repo, tmp_path, monkeypatch):
    bukan = tmp_path / "bukan-repo"
    shutil.copytree(DATA, bukan)
    r = riwayat.baca(bukan)
    assert not r.ada and "tidak berada di repositori git" in r.peringatan
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    r = riwayat.baca(repo / "standards")
    assert not r.ada and "git tidak ada" in r.peringatan and r.versi == []


def test_the_history_is_read_again_only_when_head_moves(repo):
    a = riwayat.baca_tersimpan(repo / "standards")
    assert riwayat.baca_tersimpan(repo / "standards") is a
    ubah(repo, REKLAME, "nama: Izin Penyelenggaraan Reklame", "nama: Izin Reklame")
    assert riwayat.baca_tersimpan(repo / "standards") is a  # not committed yet
    simpan(repo, "nama", "2026-08-01T10:00:00+08:00")
    b = riwayat.baca_tersimpan(repo / "standards")
    assert b is not a and b.versi[0].tanggal.isoformat() == "2026-08-01"


# -- on the site -----------------------------------------------------------------------------


def situs(repo: Path, site_url: str = "https://standar.kotacontoh.go.id/"):
    std = repo / "standards"
    cat = load_catalog(std)
    s = bangun(cat, Opsi(site_url=site_url, riwayat=riwayat.baca(std)))
    halaman = {h.url: h.html for h in s.halaman}
    berkas = {}
    import io

    for b in s.berkas():
        fp = io.StringIO()
        b.tulis(fp)
        berkas[b.path] = fp.getvalue()
    return cat, halaman, berkas


def test_the_service_page_shows_its_history_with_dates_and_decree(repo):
    _cat, halaman, _b = situs(repo)
    html = halaman["layanan/surat-keterangan/"]
    bagian = html[html.index('id="riwayat"'):]
    assert '<time datetime="2026-02-03">3 Februari 2026</time>' in bagian
    assert "Biaya: Gratis \u2192 Rp50.000 per lembar." in bagian
    assert bagian.index("5 April 2026") < bagian.index("3 Februari 2026") < bagian.index("10 Januari 2026")
    reklame = halaman["layanan/izin-reklame/"]
    assert "Standar pelayanan ini mulai diterbitkan." in reklame and "Ditetapkan dengan " in reklame


def test_the_recent_changes_page_groups_a_units_change_and_links_the_services(repo):
    _cat, halaman, _b = situs(repo)
    html = halaman["perubahan/"]
    assert '<h2 id="tgl-2026-04-05"><time datetime="2026-04-05">5 April 2026</time></h2>' in html
    hari = html[html.index('id="tgl-2026-04-05"'):html.index('id="tgl-2026-03-04"')]
    assert "3 layanan:" in hari and hari.count("Saluran pengaduan ditambahkan") == 1
    assert 'href="../layanan/izin-reklame/"' in hari
    assert 'href="../perubahan.xml"' in html


def test_without_history_the_pages_say_so_and_the_feed_is_empty_but_valid(repo):
    cat = load_catalog(repo / "standards")
    s = bangun(cat, Opsi(riwayat=None))
    halaman = {h.url: h.html for h in s.halaman}
    assert "Riwayat perubahan belum tersedia" in halaman["perubahan/"]
    assert 'id="riwayat"' not in halaman["layanan/surat-keterangan/"]
    import io

    fp = io.StringIO()
    next(b for b in s.berkas() if b.path == "perubahan.xml").tulis(fp)
    f = feedparser.parse(fp.getvalue())
    assert not f.bozo and f.version == "atom10" and f.entries == []


def periksa_atom(teks: str) -> ET.Element:
    """The RFC 4287 rules a feed must keep (section 4.1), beyond being well-formed XML."""
    f = feedparser.parse(teks)
    assert not f.bozo, f.bozo_exception
    assert f.version == "atom10"
    akar = ET.fromstring(teks.encode("utf-8"))
    assert akar.tag == f"{ATOM}feed"
    tanggal = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
    for el, wajib in [(akar, ("id", "title", "updated"))] + [(e, ("id", "title", "updated")) for e in akar.findall(f"{ATOM}entry")]:
        for nama in wajib:
            assert len(el.findall(f"{ATOM}{nama}")) == 1, (el.tag, nama)
        assert tanggal.match(el.find(f"{ATOM}updated").text)
        assert re.match(r"^[a-z][a-z0-9+.-]*:", el.find(f"{ATOM}id").text)  # an absolute IRI
    assert akar.find(f"{ATOM}author/{ATOM}name").text  # every entry inherits the feed's author
    assert len(akar.findall(f"{ATOM}link[@rel='self']")) == 1
    ids = [e.find(f"{ATOM}id").text for e in akar.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))
    for e in akar.findall(f"{ATOM}entry"):  # no content with src, so an alternate link or content
        assert e.find(f"{ATOM}content") is not None or e.find(f"{ATOM}link[@rel='alternate']") is not None
    return akar


def test_the_feed_is_valid_atom_with_one_entry_per_change_newest_first(repo):
    _cat, _h, berkas = situs(repo)
    akar = periksa_atom(berkas["perubahan.xml"])
    entri_ = akar.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}updated").text for e in entri_] == [
        "2026-04-05T10:00:00+08:00", "2026-03-04T10:00:00+08:00", "2026-02-03T10:00:00+08:00", "2026-01-10T09:00:00+08:00"]
    assert akar.find(f"{ATOM}updated").text == "2026-04-05T10:00:00+08:00"
    biaya = entri_[2]
    assert biaya.find(f"{ATOM}title").text == "Perubahan: Surat Keterangan Contoh"
    assert biaya.find(f"{ATOM}link").get("href") == "https://standar.kotacontoh.go.id/layanan/surat-keterangan/"
    assert "Biaya: Gratis \u2192 Rp50.000 per lembar." in biaya.find(f"{ATOM}content").text
    # Ids stay the same from build to build.
    _c, _h2, lagi = situs(repo)
    assert lagi["perubahan.xml"] == berkas["perubahan.xml"]


def test_hostile_text_is_escaped_in_the_page_and_the_feed(repo):
    ubah(repo, REKLAME, "nama: Izin Penyelenggaraan Reklame",
         'nama: "Izin <script>alert(1)</script> & Reklame"')
    simpan(repo, "nama jahat", "2026-09-01T10:00:00+08:00")
    _cat, halaman, berkas = situs(repo, site_url="")
    assert "<script>alert" not in halaman["perubahan/"]
    akar = periksa_atom(berkas["perubahan.xml"])
    e = akar.find(f"{ATOM}entry")
    assert "<script>" in e.find(f"{ATOM}title").text  # text in a text construct: the reader shows it as text
    assert "<script>" not in e.find(f"{ATOM}content").text and "&lt;script&gt;" in e.find(f"{ATOM}content").text
    assert e.find(f"{ATOM}link").get("href") == "layanan/izin-reklame/"  # relative without site_url


def test_characters_xml_cannot_carry_are_dropped_from_the_feed():
    import datetime as dt

    from generator.site.render import KelompokPerubahan
    from generator.site.umpan import atom

    v = riwayat.Versi("a" * 40, dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc), [])
    k = KelompokPerubahan([("Izin\x01 \x1bReklame", "Dinas\ufffe", None)], "ubah", ["Biaya\x00: naik."], None)
    teks = atom([(v, [k])], "Kota\x0b Contoh", "", dt.date(2026, 9, 2))
    akar = periksa_atom(teks)
    assert akar.find(f"{ATOM}entry/{ATOM}title").text == "Perubahan: Izin Reklame"
    assert "Biaya: naik." in akar.find(f"{ATOM}entry/{ATOM}content").text


def test_reusing_the_catalogs_models_changes_nothing(repo):
    # The build hands over its catalog so that versions equal to the working tree are not parsed again.
    import dataclasses

    std = repo / "standards"
    ubah(repo, REKLAME, "nama: Izin Penyelenggaraan Reklame", "nama: Izin Reklame")  # not committed

    def isi(r):
        return [(v.oid, v.waktu, [dataclasses.astuple(e) for e in v.entri]) for v in r.versi]

    assert isi(riwayat.baca(std, load_catalog(std))) == isi(riwayat.baca(std))


def test_file_names_that_look_like_log_fields_do_not_confuse_the_history(repo):
    # Paths are read by position in git's NUL-separated output: a name may hold any byte but NUL.
    for nama in ("@deadbeef 2020-01-01.yaml", ":100644 x.yaml", "a\nb\x01c.yaml"):
        (repo / "standards" / "dpmptsp" / nama).write_text("nama: x\n", encoding="utf-8")
    simpan(repo, "nama aneh", "2026-05-05T10:00:00+08:00")
    ubah(repo, REKLAME, "nama: Izin Penyelenggaraan Reklame", "nama: Izin Reklame")
    simpan(repo, "nama", "2026-05-06T10:00:00+08:00")
    r = riwayat.baca(repo / "standards")
    assert r.peringatan is None
    assert [v.tanggal.isoformat() for v in r.versi][:2] == ["2026-05-06", "2026-04-05"]
    assert r.versi[0].entri[0].kini == REKLAME


def test_a_standards_folder_made_to_look_like_a_repository_never_runs_its_config(repo, tmp_path):
    # A contributor commits HEAD, objects/, refs/ and a config naming a program into standards/:
    # git must not take the folder for a repository (its config would run the program).
    std = repo / "standards"
    bukti = tmp_path / "dijalankan.txt"
    dalam = tmp_path / "dalam"
    git(tmp_path, "init", "-q", str(dalam))
    blob = subprocess.run(["git", "-C", str(dalam), "hash-object", "-w", "--stdin"], input=b"x\n",
                          capture_output=True, check=True).stdout.decode().strip()
    pohon_ = subprocess.run(["git", "-C", str(dalam), "mktree"], input=f"100644 blob {blob}\tx\n".encode(),
                            capture_output=True, check=True).stdout.decode().strip()
    komit = subprocess.run(
        ["git", "-C", str(dalam), "hash-object", "-t", "commit", "-w", "--stdin", "--literally"],
        input=(f"tree {pohon_}\nauthor a <a> 1700000000 +0000\ncommitter a <a> 1700000000 +0000\n"
               "gpgsig -----BEGIN PGP SIGNATURE-----\n x\n -----END PGP SIGNATURE-----\n\nm\n").encode(),
        capture_output=True, check=True).stdout.decode().strip()
    shutil.copytree(dalam / ".git" / "objects", std / "objects", dirs_exist_ok=True)
    (std / "HEAD").write_text(komit + "\n")
    (std / "refs").mkdir(exist_ok=True)
    (std / "refs" / "simpan").write_text("x\n")
    program = std / "tanda.sh"
    program.write_text(f"#!/bin/sh\nid > {bukti}\n")
    program.chmod(0o755)
    (std / "config").write_text("[core]\n\tbare = false\n\tworktree = .\n[log]\n\tshowSignature = true\n"
                                "[gpg]\n\tprogram = ./tanda.sh\n")
    simpan(repo, "berkas aneh", "2026-05-01T10:00:00+08:00")
    r = riwayat.baca(std)
    assert not bukti.exists()
    assert not r.ada and "tampak seperti repositori git" in r.peringatan


def test_a_standards_folder_that_is_the_repository_itself_has_its_history(tmp_path):
    std = tmp_path / "std"
    shutil.copytree(DATA, std)
    git(std, "init", "-q", "-b", "main")
    git(std, "config", "user.email", "uji@contoh.go.id")
    git(std, "config", "user.name", "Uji")
    git(std, "add", "-A")
    git(std, "commit", "-q", "-m", "awal", tanggal="2026-01-01T10:00:00+08:00")
    r = riwayat.baca(std)
    assert r.ada and r.peringatan is None and r.versi[0].tanggal.isoformat() == "2026-01-01"


def test_a_commit_date_python_cannot_hold_falls_back_to_utc(repo):
    ubah(repo, REKLAME, "nama: Izin Penyelenggaraan Reklame", "nama: Izin Reklame")
    simpan(repo, "zona aneh", "1778000000 +2400")  # git keeps a +24:00 offset; Python does not
    r = riwayat.baca(repo / "standards")
    assert r.peringatan is None
    assert r.versi[0].waktu == dt.datetime.fromtimestamp(1778000000, dt.timezone.utc)
    assert r.versi[0].entri[0].kini == REKLAME


def test_a_hostile_history_is_bounded(repo, monkeypatch):
    # Only the newest commits get entries (older ones set the starting state), and a warning says so.
    monkeypatch.setattr(riwayat, "MAKS_VERSI", 2)
    r = riwayat.baca(repo / "standards")
    assert [v.tanggal.isoformat() for v in r.versi] == ["2026-04-05"]  # the newest is comment-only
    assert "2 commit terakhir dari 5" in r.peringatan
    assert not any(e.jenis == "tambah" for v in r.versi for e in v.entri)
    # Versions that together pass the byte budget are not read at all.
    monkeypatch.setattr(riwayat, "MAKS_BYTE", 1000)
    r = riwayat.baca(repo / "standards")
    assert not r.ada and "melebihi batas" in r.peringatan


def test_a_service_page_shows_at_most_fifty_entries(repo, monkeypatch):
    from generator.site import render

    monkeypatch.setattr(render, "RIWAYAT_MAKS", 2)
    _cat, halaman, _b = situs(repo)
    bagian = halaman["layanan/surat-keterangan/"]
    bagian = bagian[bagian.index('id="riwayat"'):]
    assert bagian.count("<time ") == 2 and "2 perubahan yang lebih lama tidak ditampilkan" in bagian
