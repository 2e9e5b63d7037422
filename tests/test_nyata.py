"""Real published standards, typed in as published (tests/nyata/, one tree per standard,
each with its source in `sumber:` and a list of verbatim facts in fakta.txt).

They are the test of the model: each validates without a galat, renders to a page,
posters and a handbook, and nothing the editor wrote is lost on the way.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from generator import model as m
from generator.catalog import load_catalog
from generator.tampilan import teks_tertulis
from generator.printing import paths, render
from generator.printing.jobs import plan
from generator.site import Opsi, bangun

NYATA = Path(__file__).resolve().parent / "nyata"
STANDAR = sorted(p for p in NYATA.iterdir() if (p / "_instansi.yaml").is_file())
SITUS = "https://standar.contoh.go.id/"

def polos(h: str) -> str:
    """The text a reader sees in HTML, whitespace collapsed, case folded."""
    h = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", h, flags=re.S | re.I)
    h = re.sub(r"</?(a|span|strong|em|b|i)\b[^>]*>", "", h, flags=re.I)  # inline: no word break
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", h)).split()).casefold()


def rapat(s: str) -> str:
    return " ".join(s.split()).casefold()


@pytest.fixture(scope="module", params=STANDAR, ids=[p.name for p in STANDAR])
def standar(request):
    cat = load_catalog(request.param, today=dt.date(2026, 11, 30))
    return request.param, cat


def test_corpus_is_at_least_twelve_standards_from_ten_agencies():
    agencies = set()
    for root in STANDAR:
        cat = load_catalog(root)
        agencies |= {(cat.instansi.nama, u.data.nama) for u in cat.all_units()}
        assert cat.services and all(s.data.sumber and s.data.sumber.url for s in cat.services), root.name
    assert len(STANDAR) >= 12 and len(agencies) >= 10


def test_validates_without_galat(standar):
    root, cat = standar
    galat = [f.text() for f in cat.findings if f.severity == "galat"]
    assert galat == [] and len(cat.services) == 1


def test_verbatim_facts_are_on_the_page(standar):
    root, cat = standar
    s = cat.services[0]
    page = polos(next(h for h in bangun(cat, Opsi(site_url=SITUS)).halaman if h.url == s.url).html)
    fakta = [ln.strip() for ln in (root / "fakta.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(fakta) >= 10
    hilang = [f for f in fakta if rapat(f) not in page]
    assert hilang == []


def test_nothing_the_editor_wrote_is_lost_on_the_page_or_in_the_handbook(standar):
    root, cat = standar
    s = cat.services[0]
    page = polos(next(h for h in bangun(cat, Opsi(site_url=SITUS)).halaman if h.url == s.url).html)
    buku = next(t for t in plan(cat, SITUS).tugas if t.jenis == "buku")
    handbook = polos(render.html_buku(buku.masukan))
    semua = [t for t in teks_tertulis(s.data) if t.strip()]
    assert semua
    for where, text in (("halaman", page), ("buku", handbook)):
        hilang = [t for t in semua if rapat(t) not in text]
        assert hilang == [], where


@pytest.mark.pdf
def test_renders_posters_and_handbook(standar, tmp_path):
    root, cat = standar
    for t in plan(cat, SITUS).tugas:
        if t.jenis == "poster":
            pdfs = render.render_poster(t.masukan)
            assert set(pdfs) == set(paths.SIZES) and all(p.startswith(b"%PDF") for p in pdfs.values())
        elif t.jenis == "buku":
            assert render.render_buku(t.masukan).startswith(b"%PDF")


def test_missing_components_are_shown_as_such(standar):
    root, cat = standar
    s = cat.services[0]
    page = next(h for h in bangun(cat, Opsi(site_url=SITUS)).halaman if h.url == s.url).html
    for k in m.KOMPONEN:
        if getattr(s.data, k) is None:
            assert html.escape(s.data.kosong(k), quote=False) in page, k


def test_staff_guide_examples_are_real_wordings_written_the_way_the_validator_accepts():
    import yaml as _yaml

    from generator.site.guide import CONTOH_NYATA
    from generator.yamlsafe import load_bytes

    assert set(CONTOH_NYATA) == set(m.KOMPONEN)
    def kalimat(x):  # every text, and each step's actor joined to its sentence as published
        if isinstance(x, dict):
            if isinstance(x.get("pelaksana"), str) and isinstance(x.get("uraian"), str):
                yield f"{x['pelaksana']} {x['uraian']}"
            for v in x.values():
                yield from kalimat(v)
        elif isinstance(x, list):
            for v in x:
                yield from kalimat(v)
        elif isinstance(x, str):
            yield x

    korpus = rapat(" | ".join(t for p in NYATA.rglob("*.yaml")
                              for t in kalimat(_yaml.safe_load(p.read_text(encoding="utf-8")))))
    for komp, (tertulis, sumber, snippet) in CONTOH_NYATA.items():
        # The wording shown is in the corpus (its items, between the guide's "...", ";" and ":").
        for bagian in re.split(r"\.\.\.|[;:]|, (?=[A-Z])", tertulis):
            bagian = bagian.strip(" .:")
            if len(bagian) > 3:
                assert rapat(bagian) in korpus, (komp, bagian)
        loaded = load_bytes(snippet.encode("utf-8"), f"panduan:{komp}")
        assert not loaded.findings, (komp, loaded.findings)
        assert getattr(m.Komponen.model_validate(loaded.data), komp) is not None


def test_readme_table_of_the_corpus_is_current():
    from tests.laporan_nyata import tabel

    readme = (NYATA.parent.parent / "README.md").read_text(encoding="utf-8")
    assert tabel() in readme, "run: python -m tests.laporan_nyata and update the README table"
