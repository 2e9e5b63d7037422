"""The engine-independent core (generator/site): links, stems, diagram, data files."""

from __future__ import annotations

import json
import re

import pytest

from generator import model as m
from generator.site.diagram import svg_alur
from generator.site.render import toc_dari
from generator.site.search import SEPARATOR, bentuk_kata, gabung_indeks, kata_kunci
from generator.site.urls import rel, tautan_aman


@pytest.mark.parametrize("href", ["https://www.lapor.go.id", "http://contoh.go.id/a?b=1", "tel:+625480001234",
                                  "mailto:pengaduan@contoh.go.id", "https://wa.me/6281100001234"])
def test_safe_links_are_kept(href):
    assert tautan_aman(href) == href


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x",
                                  "file:///etc/passwd", "//evil.example/x", 'https://x.id/"onmouseover=x', "tel:abc", ""])
def test_unsafe_links_are_refused(href):
    assert tautan_aman(href) is None


def test_relative_links_between_pages():
    assert rel("unit/a/", "layanan/x/") == "../../unit/a/"
    assert rel("", "layanan/x/") == "../../"
    assert rel("standar.json", "") == "standar.json"
    assert rel("layanan/x/#pengaduan", "unit/a/b/") == "../../../layanan/x/#pengaduan"


@pytest.mark.parametrize("word,stem", [("kelahiran", "lahir"), ("pelayanan", "layanan"), ("perizinan", "izin"),
                                       ("pendaftaran", "daftar"), ("kematian", "mati"), ("bangunan", "bangun")])
def test_indonesian_forms_include_the_everyday_word(word, stem):
    assert stem in bentuk_kata(word)


def test_keywords_add_synonyms_and_stems_not_already_indexed():
    kata = kata_kunci("Penerbitan Akta Kelahiran", ["Membuat akta kelahiran."], ["Kependudukan"], ["akte lahir"]).split()
    assert "lahir" in kata and "akte" in kata
    assert "akta" not in kata  # already in the title
    izin = kata_kunci("Persetujuan Bangunan Gedung", [], [], []).split()
    assert "izin" in izin  # everyday word for the official "persetujuan"


def test_flow_diagram_draws_steps_and_branches_and_escapes_text():
    steps = [
        m.Langkah(pelaksana="Pemohon", uraian="Mengisi <formulir> & menyerahkan"),
        m.Langkah(pelaksana="Petugas", uraian="Memeriksa", cabang=[
            m.Cabang(jika="Tidak lengkap", ke_langkah=1), m.Cabang(jika="Lengkap", ke_langkah=3)]),
        m.Langkah(pelaksana="Kepala", uraian="Menandatangani"),
    ]
    svg = str(svg_alur(steps, "Diagram alur prosedur", "alur-1"))
    assert svg.startswith("<svg") and 'role="img"' in svg and 'aria-labelledby="alur-1-j"' in svg
    assert "3 langkah" in svg
    assert "&lt;formulir&gt; &amp;" in svg and "<formulir>" not in svg
    words = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert "Jika tidak lengkap: kembali ke langkah 1" in words  # the loop back, in words too
    assert "Jika lengkap: lanjut ke langkah 3" in words
    assert svg.count("<path d=") == 2  # the arrow-head marker and the one jump arrow


def test_toc_from_headings():
    toc = toc_dari('<h1 id="judul">A &amp; B</h1><h2 id="x">X</h2><h3 id="y">Y</h3><h2 id="z">Z</h2>')
    assert toc[0]["id"] == "judul" and toc[0]["name"] == "A &amp; B"
    assert [c["id"] for c in toc[0]["children"]] == ["x", "z"]


def test_print_links_follow_the_printers_layout(catalog):
    from generator.printing import paths
    from generator.site import Opsi, bangun

    situs = bangun(catalog, Opsi(cetak=True))
    by_url = {h.url: h.html for h in situs.halaman}
    for svc in catalog.services:
        html = by_url[svc.url]
        for rel in (paths.poster_path(svc, "a3"), paths.poster_path(svc, "a4"), paths.handbook_path(svc.unit)):
            assert f'href="../../cetak/{rel}"' in html
    for unit in catalog.all_units():
        html = by_url[unit.url]
        up = "../" * unit.url.count("/")
        assert f'href="{up}cetak/{paths.handbook_path(unit)}"' in html
        assert (f'href="{up}cetak/{paths.maklumat_path(unit, "a3")}"' in html) == paths.has_maklumat(unit)
    # Without cetak there is nothing to link to.
    assert not any(".pdf" in h.html for h in bangun(catalog, Opsi(cetak=False)).halaman)


def test_keywords_add_everyday_verbs_misspellings_and_short_forms():
    kk = kata_kunci("Penerbitan Kartu Keluarga (KK)", ["Memperbarui kartu yang hilang atau rusak."], [], []).split()
    assert {"bikin", "urus", "ganti"} <= set(kk)
    assert "kk" not in kk  # "(KK)" is a word of the title once brackets separate words
    izin = kata_kunci("Penerbitan Nomor Induk Berusaha (NIB)", ["Membantu memperoleh izin usaha."], [], ["izin usaha"]).split()
    assert "izin" in izin and "ijin" in izin  # a synonym is kept though the text (weight 1) has it
    ktp = kata_kunci("Penerbitan KTP-el", [], [], ["e-ktp"]).split()
    assert "ektp" in ktp and "e" in ktp and "el" not in ktp
    aduan = kata_kunci("Pengaduan, saran, dan masukan", [], [], []).split()
    assert {"lapor", "mengadu", "komplain"} <= set(aduan)
    assert "lapor" not in kata_kunci("Penerbitan Akta Kelahiran", [], [], []).split()


def test_index_gets_a_separator_splitting_punctuation_unless_the_site_chose_one():
    def cfg(separator):
        index = json.dumps({"config": {"lang": ["en"], "separator": separator, "fields": {}}, "docs": []})
        return json.loads(gabung_indeks(index, []))["config"]

    assert cfg(r"[\s\-]+")["separator"] == SEPARATOR
    assert cfg(r"[\s]+")["separator"] == r"[\s]+"
    assert [w for w in re.split(SEPARATOR, "(NIB), SP4N-LAPOR! go.id") if w] == ["NIB", "SP4N", "LAPOR", "go", "id"]


def test_a_page_never_links_a_printed_file_that_does_not_exist(catalog):
    from generator.printing import paths
    from generator.site import Opsi, bangun

    svc = catalog.service("akta-kelahiran")
    other = catalog.service("ktp-el")
    a3, a4, buku = (paths.poster_path(svc, "a3"), paths.poster_path(svc, "a4"), paths.handbook_path(svc.unit))
    # A poster that cannot fit: the page links the handbook and says why there is no poster.
    by_url = {h.url: h.html for h in bangun(catalog, Opsi(cetak=True, cetak_tidak_ada={a3: "gagal", a4: "gagal"})).halaman}
    html = by_url[svc.url]
    assert a3 not in html and a4 not in html and f'href="../../cetak/{buku}"' in html
    assert "Poster layanan ini belum tersedia" in html and "sedang disiapkan" not in html
    assert f'href="../../cetak/{paths.poster_path(other, "a3")}"' in by_url[other.url]
    # Still being printed (mkdocs serve): no link, a note instead; the unit page too.
    by_url = {h.url: h.html for h in bangun(catalog, Opsi(cetak=True, cetak_tidak_ada={buku: "menyusul"})).halaman}
    html = by_url[svc.url]
    assert buku not in html and f'href="../../cetak/{a3}"' in html and "sedang disiapkan" in html
    unit = by_url[svc.unit.top.url]
    assert buku not in unit and "sedang disiapkan" in unit
