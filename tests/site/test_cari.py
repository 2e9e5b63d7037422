"""Search as citizens use it: everyday queries typed into Material's search box in Chromium.

Each query is what people actually type into a government site or a search engine ("bikin
akta lahir", "ganti kk", "ijin usaha", "lapor"): everyday verbs, acronyms written in brackets
in the service name, common misspellings, and the complaints page. The expected first result
is the example service (standards/) the citizen means.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PENGADUAN = "pengaduan/"

# (query, expected first result: a service slug, or a page address ending in "/")
KUERI = [
    # Akta kelahiran
    ("bikin akta lahir", "akta-kelahiran"),
    ("akte kelahiran", "akta-kelahiran"),
    ("urus akta anak", "akta-kelahiran"),
    ("buat akte lahir", "akta-kelahiran"),
    # Akta kematian
    ("akte kematian", "akta-kematian"),
    ("surat kematian", "akta-kematian"),
    ("lapor kematian", "akta-kematian"),
    ("akta meninggal", "akta-kematian"),
    # KTP-el
    ("urus ktp", "ktp-el"),
    ("ktp hilang", "ktp-el"),
    ("ganti ktp", "ktp-el"),
    ("e-ktp", "ktp-el"),
    ("ektp", "ktp-el"),
    ("perpanjang ktp", "ktp-el"),
    ("rekam ktp", "ktp-el"),
    # Kartu keluarga
    ("ganti kk", "kartu-keluarga"),
    ("kk hilang", "kartu-keluarga"),
    ("bikin kk baru", "kartu-keluarga"),
    ("tambah anggota kk", "kartu-keluarga"),
    ("kartu keluarga", "kartu-keluarga"),
    # Pindah
    ("surat pindah", "pindah-datang"),
    ("pindah domisili", "pindah-datang"),
    ("urus pindah alamat", "pindah-datang"),
    # Usaha
    ("nib", "nomor-induk-berusaha"),
    ("izin usaha", "nomor-induk-berusaha"),
    ("ijin usaha", "nomor-induk-berusaha"),
    ("bikin izin umkm", "nomor-induk-berusaha"),
    ("oss", "nomor-induk-berusaha"),
    # Bangunan
    ("imb", "persetujuan-bangunan-gedung"),
    ("pbg", "persetujuan-bangunan-gedung"),
    ("izin bangun rumah", "persetujuan-bangunan-gedung"),
    ("ijin renovasi rumah", "persetujuan-bangunan-gedung"),
    # Tanda tangan elektronik, e-mail, situs
    ("tte", "tanda-tangan-elektronik"),
    ("tanda tangan digital", "tanda-tangan-elektronik"),
    ("perpanjang tte", "tanda-tangan-elektronik"),
    ("bikin email dinas", "email-dinas"),
    ("lupa password email", "email-dinas"),
    ("bikin website dinas", "subdomain-dan-hosting"),
    # Lain-lain
    ("pasang iklan videotron", "penayangan-iklan-videotron"),
    ("minta data ppid", "permohonan-informasi-publik"),
    ("keberatan ppid", "keberatan-informasi-publik"),
    ("nomor darurat", "call-center-112"),
    ("lapor kebakaran", "call-center-112"),
    ("ambulans", "call-center-112"),
    ("sewa aula", "pemakaian-gedung-milik-daerah"),
    ("pinjam gedung", "pemakaian-gedung-milik-daerah"),
    # Pengaduan
    ("lapor", PENGADUAN),
    ("mengadu", PENGADUAN),
    ("komplain", PENGADUAN),
    ("keluhan", PENGADUAN),
    ("pengaduan", PENGADUAN),
]


def _alamat(catalog, expected: str) -> str:
    if expected.endswith("/"):
        return expected
    svc = next((s for s in catalog.services if s.slug == expected), None)
    assert svc is not None, f"no example service {expected!r}"
    return svc.url


def _hasil(page, base: str) -> list[str]:
    """The result addresses, relative to the site, in the order shown; once they stop changing."""
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)  # the results of the last keystroke
    sebelum: list[str] = []
    sama = 0
    for _ in range(30):
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)"
        )
        sekarang = [urlsplit(h).path.removeprefix(urlsplit(base).path) for h in hrefs]
        sama = sama + 1 if sekarang and sekarang == sebelum else 0
        if sama == 2:
            return sekarang
        sebelum = sekarang
        page.wait_for_timeout(150)
    return sebelum


def _ketik(page, base: str, query: str, lebar: int = 1280) -> list[str]:
    page.set_viewport_size({"width": lebar, "height": 800})
    page.goto(base)
    if lebar < 1220:  # Material shows a search button on narrow screens
        page.click("label.md-header__button[for=__search]")
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially(query, delay=30)
    return _hasil(page, base)


@pytest.mark.parametrize("query,expected", KUERI, ids=[q for q, _ in KUERI])
def test_cari_kueri_warga(page, server, catalog, query, expected):
    hasil = _ketik(page, server.url, query)
    assert hasil and hasil[0] == _alamat(catalog, expected), hasil[:5]


@pytest.mark.parametrize("query,expected", [("ganti kk", "kartu-keluarga"), ("nib", "nomor-induk-berusaha"),
                                            ("mengadu", PENGADUAN)])
def test_cari_di_layar_ponsel(page, server, catalog, query, expected):
    hasil = _ketik(page, server.url, query, lebar=375)
    assert hasil and hasil[0] == _alamat(catalog, expected), hasil[:5]


def test_cari_daftar_kueri_mencakup_setiap_layanan_contoh(catalog):
    # The list is about the example services: every one of them is some citizen's first result.
    assert len(KUERI) >= 30
    assert {s.slug for s in catalog.services} <= {e for _, e in KUERI}


@pytest.mark.parametrize("query,expected", [("nib", "nomor-induk-berusaha"), ("lapor", PENGADUAN),
                                            ("ganti kk", "kartu-keluarga")])
def test_cari_dari_formulir_beranda(page, server, catalog, query, expected):
    # The home page form is a plain GET form to layanan/?q=…: Material opens the search with it.
    page.goto(server.url)
    page.fill("#cari-q", query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/layanan/?q=*")
    assert page.input_value(".md-search__input") == query
    hasil = _hasil(page, server.url)
    assert hasil[0] == _alamat(catalog, expected), hasil[:5]


def test_cari_indeks_memisah_tanda_baca(site):
    # Brackets and punctuation separate words: "(NIB)" is indexed as "nib", and a query is
    # split the same way.
    config = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]

    sep = re.compile(config["separator"])
    assert [t for t in sep.split("Nomor Induk Berusaha (NIB), SP4N-LAPOR! e-mail/go.id") if t] == [
        "Nomor", "Induk", "Berusaha", "NIB", "SP4N", "LAPOR", "e", "mail", "go", "id",
    ]
    assert [t for t in sep.split("Rp10.000 &amp; 1.5 jam") if t] == ["Rp10.000", "1.5", "jam"]
