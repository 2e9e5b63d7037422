"""One presentation layer: the same fact reads the same on the web page, in the
handbook and on the poster.

The page and the printed forms lay out the views of ``generator.tampilan`` in their
own ways (a checklist on screen, a decree-annex table on paper); what they must not do
is say different things. These tests read the rendered HTML of both, for the example
standards and every real standard in tests/nyata/, and compare the words.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tinyhtml5  # the HTML5 parser WeasyPrint itself uses
import pytest

from generator import tampilan
from generator.catalog import load_catalog
from generator.printing import render
from generator.printing.jobs import plan
from generator.site import Opsi, bangun

ROOT = Path(__file__).resolve().parents[1]
NYATA = ROOT / "tests" / "nyata"
POHON = [ROOT / "standards"] + sorted(p for p in NYATA.iterdir() if (p / "_instansi.yaml").is_file())
SITUS = "https://standar.contoh.go.id/"


def _kelas(el: Any) -> set[str]:
    return set((el.get("class") or "").split())


def _teks(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def syarat(html: str) -> list[tuple[str, str, list[str]]]:
    """Every requirement in a document: (name, optional mark, sorted detail phrases)."""
    doc = tinyhtml5.parse(html, namespace_html_elements=False)
    out = []
    for li in doc.iter("li"):
        if "syarat" not in _kelas(li):
            continue
        nama = tanda = ""
        frasa = []
        for el in li.iter():
            k = _kelas(el)
            if "syarat-judul" in k:
                nama = _teks(el)
            elif "tanda" in k:
                tanda = _teks(el)
            elif "frasa" in k:
                frasa.append(_teks(el))
        out.append((nama, tanda, sorted(frasa)))
    return out


def _bagian(html: str, kunci: str) -> str:
    """The part of a service page that lays out one component."""
    m = re.search(rf'<section[^>]*data-kunci="{kunci}".*?</section>', html, re.S)
    assert m, kunci
    return m.group(0)


@pytest.fixture(scope="module", params=POHON, ids=lambda p: p.name)
def keluaran(request: pytest.FixtureRequest) -> Any:
    cat = load_catalog(request.param)
    assert cat.services
    situs = bangun(cat, Opsi(site_url=SITUS))
    halaman = {h.url: h.html for h in situs.halaman if h.jenis == "layanan"}
    buku = {}
    for t in plan(cat, SITUS, kinds=("buku",)).tugas:
        html = render.html_buku(t.masukan)
        for bag in t.masukan.bagian:
            for lay in bag.layanan:
                m = re.search(rf'<section class="layanan[^"]*" id="layanan-{re.escape(lay.slug)}">.*?</section>\s*(?=<section class="layanan|</body>)',
                              html, re.S)
                assert m, lay.slug
                buku[lay.slug] = m.group(0)
    poster = {t.masukan.layanan.slug: render.html_poster(t.masukan, "a3", 18)
              for t in plan(cat, SITUS, kinds=("poster",)).tugas}
    return cat, halaman, buku, poster


def test_a_requirement_reads_the_same_on_the_page_and_in_the_handbook(keluaran):
    cat, halaman, buku, _poster = keluaran
    for svc in cat.services:
        web = syarat(_bagian(halaman[svc.url], "persyaratan"))
        kertas = syarat(buku[svc.slug])
        assert web == kertas, svc.slug
        # Nothing missing on either side: one entry per requirement in the standard.
        v = tampilan.layanan(svc.data, [u.data for u in svc.unit.chain()])
        p = v.komponen["persyaratan"].isi
        assert len(web) == (p.jumlah if p else 0), svc.slug


def test_the_poster_says_a_requirement_with_the_same_words(keluaran):
    """The poster is a summary (where to obtain a document and notes stay on the page),
    but each phrase it prints is the page's phrase, word for word. The one exception is a
    requirement's name where the standard gives a short poster wording (ringkas_poster):
    the poster prints that wording instead, and only there."""
    cat, halaman, _buku, poster = keluaran
    for svc in cat.services:
        web = syarat(_bagian(halaman[svc.url], "persyaratan"))
        di_poster = syarat(poster[svc.slug])
        v = tampilan.layanan(svc.data, [u.data for u in svc.unit.chain()])
        p = v.komponen["persyaratan"].isi
        daftar = [s for g in p.kelompok for s in g.daftar] if p else []
        assert len(daftar) == len(web), svc.slug
        nama_poster = [" ".join(s.ringkas_poster.split()) if s.ringkas_poster else n
                       for s, (n, _t, _f) in zip(daftar, web)]
        assert [(n, t) for n, t, _ in di_poster] == [(n, t) for n, (_n, t, _f) in zip(nama_poster, web)], svc.slug
        for (_n, _t, frasa_poster), (_n2, _t2, frasa_web) in zip(di_poster, web):
            assert set(frasa_poster) <= set(frasa_web), svc.slug


def test_steps_fees_and_channels_read_the_same_on_page_and_paper(keluaran):
    cat, halaman, buku, _poster = keluaran
    for svc in cat.services:
        v = tampilan.layanan(svc.data, [u.data for u in svc.unit.chain()])
        k = v.komponen
        web, kertas = halaman[svc.url], buku[svc.slug]
        potongan = []
        if k["prosedur"].isi:
            for a in k["prosedur"].isi.alur:
                potongan += [x for lk in a.langkah for x in (lk.pelaksana, lk.uraian, lk.waktu) if x]
        if k["biaya"].isi:
            b = k["biaya"].isi
            potongan += [b.teks] + [x for r in b.tarif for x in (r.nama, r.harga) if x]
            potongan += [f"{label}: {isi}" for label, isi in b.rincian]
        if k["jangka_waktu"].isi:
            potongan.append(k["jangka_waktu"].isi.teks)
        if k["pengaduan"].isi:
            potongan += [s.nilai for s in k["pengaduan"].isi.saluran if s.nilai]
            potongan += [f"{w.kategori}: {w.waktu}" for w in k["pengaduan"].isi.waktu]
        if v.penetapan.lampiran:  # the decree: a row list on the page, the annex head on paper
            potongan += [isi for _label, isi in v.penetapan.lampiran[1]]
        for x in potongan:
            kata = " ".join(x.split())
            for nama, html in (("halaman", web), ("buku", kertas)):
                teks = " ".join("".join(tinyhtml5.parse(html, namespace_html_elements=False).itertext()).split())
                assert kata in teks, (svc.slug, nama, kata)


def test_an_optional_requirement_has_one_mark_everywhere(keluaran):
    cat, halaman, buku, poster = keluaran
    for svc in cat.services:
        for html in (_bagian(halaman[svc.url], "persyaratan"), buku[svc.slug], poster[svc.slug]):
            for _nama, tanda, _frasa in syarat(html):
                assert tanda in ("", tampilan.TANDA_TIDAK_WAJIB)


def test_a_phrase_that_ends_a_sentence_is_not_followed_by_a_semicolon(keluaran):
    """"... mengetahui kelahiran." then "jika ..." reads "kelahiran. jika", never "kelahiran.;",
    on the page, in the handbook and on the poster (one rule: tampilan.jeda)."""
    assert tampilan.jeda(["asli", "Ditandatangani saksi.", "jika tidak ada"]) == [
        ("asli", "; "), ("Ditandatangani saksi.", " "), ("jika tidak ada", "")]
    cat, halaman, buku, poster = keluaran
    for svc in cat.services:
        for html in (_bagian(halaman[svc.url], "persyaratan"), buku[svc.slug], poster[svc.slug]):
            teks = " ".join("".join(tinyhtml5.parse(html, namespace_html_elements=False).itertext()).split())
            assert ".;" not in teks, svc.slug
