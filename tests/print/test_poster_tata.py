"""How the poster is laid out, read back from WeasyPrint's boxes: on A3 and A4 the
complaint band and the footer are measured first and sit at the foot of the page, the
columns fill the room above them in order (no balancing passes: issue 9's build time),
the complaint channels are split into columns of our own, in order, and addresses
wrap only at their parts."""

from __future__ import annotations

import re
import shutil

import pytest

from generator.html import putus_alamat
from generator.printing import render

pytestmark = pytest.mark.pdf

_PX_MM = 25.4 / 96


def _boxes(doc, cls: str):
    for root in render._root_boxes(doc.pages[0]):
        for box in render._walk(root):
            if cls in render._classes(box):
                yield box


def _poster(catalog, slug: str):
    from generator.printing import inputs

    svc = catalog.service(slug)
    return inputs.PosterIn(inputs.layanan_in(svc, catalog.instansi.situs), inputs.identitas(catalog))


def _fitted(p, size: str):
    info: dict = {}
    render.render_poster(p, (size,), info=info)
    lv = info[size][0]
    return lv, render.layout(render.html_cetak(p, size, lv), "poster.html", logo=p.identitas.logo)


@pytest.mark.parametrize("slug", ["pbg", "izin-bercabang", "izin-reklame"])
def test_band_sits_at_the_foot_and_the_columns_fill_the_room_above_it_in_order(catalog, slug, size="a3"):
    p = _poster(catalog, slug)
    lv, doc = _fitted(p, size)
    assert len(doc.pages) == 1
    page = doc.pages[0]._page_box
    room_bottom = page.content_box_y() + page.height
    (bawah,) = _boxes(doc, "jangkar-bawah")
    # The band and footer were measured before the layout: they take exactly the room
    # reserved for them, from the bottom of the page area to the bottom margin.
    assert abs(bawah.position_y - room_bottom) < 0.5
    reserved_mm = render.tinggi_bawah(p, size, lv)
    assert 0 <= reserved_mm - bawah.margin_height() * _PX_MM < 0.2
    # ... and end at the page's own margin.
    margin_px = render.t.format_poster(size, lv.pt).margin / _PX_MM
    assert abs(bawah.position_y + bawah.margin_height() - (page.margin_height() - margin_px)) < 0.5
    # The pengaduan section is inside it, after the columns in the document.
    assert list(_boxes(doc, "pita-pengaduan"))
    # The columns: nothing reaches into the band; filled in order, so an earlier column
    # is never shorter than a later one by more than an unbreakable block.
    kolom = next(_boxes(doc, "kolom"))  # the multicol box (its columns carry its class too)
    cols = [c for c in kolom.children if getattr(c, "is_column", False)]
    assert 1 <= len(cols) <= 3
    lows = [max(render._bottom(x) for x in c.children) for c in cols]
    assert max(lows) <= room_bottom + 0.5
    if len(cols) == 3:
        line = lv.pt * 1.18 / 0.75  # one line of body text, in px
        assert lows[0] >= lows[2] - 4 * line


def test_band_is_measured_with_the_same_width_and_styles(catalog):
    """tinggi_bawah lays out the band alone; a different width or style would make the
    reserved room wrong. The X-banner reserves nothing (its band follows its column)."""
    p = _poster(catalog, "izin-reklame")
    for lv in (render.Tingkat(18), render.Tingkat(14, True)):
        mm = render.tinggi_bawah(p, "a3", lv)
        doc = render.layout(render.html_cetak(p, "a3", lv), "poster.html", logo=p.identitas.logo)
        (bawah,) = _boxes(doc, "jangkar-bawah")
        assert 0 <= mm - bawah.margin_height() * _PX_MM < 0.2
    assert render.tinggi_bawah(p, "xbanner", render.Tingkat(14)) is None
    html = render.html_cetak(p, "xbanner", render.Tingkat(14))
    assert "jangkar-bawah" not in html and 'class="bawah"' in html


def test_standalone_html_balances_its_columns_and_keeps_the_band_in_the_flow(catalog):
    """The HTML made for looking at it (no measured band) is still a sound poster."""
    p = _poster(catalog, "pbg")
    html = render.html_poster(p, "a3", 14, padat=True)
    assert "jangkar-bawah" not in html and "column-fill: auto" not in html
    doc = render.layout(html, "poster.html", logo=p.identitas.logo)
    kolom = next(_boxes(doc, "kolom"))  # the multicol box (its columns carry its class too)
    pita = next(_boxes(doc, "pita-pengaduan"))
    assert pita.position_y >= kolom.position_y + kolom.margin_height() - 0.5


# -- the complaint channels' columns ------------------------------------------------------


def test_split_in_order_with_the_shortest_tallest_column():
    assert render.bagi_urut([1, 1, 1, 1, 1, 1], 3) == [(0, 2), (2, 4), (4, 6)]
    assert render.bagi_urut([5, 1, 1, 1, 1, 1], 2) == [(0, 1), (1, 6)]
    assert render.bagi_urut([1, 1], 4) == [(0, 1), (1, 2)]
    assert render.bagi_urut([3], 3) == [(0, 1)]
    # Exhaustive check against every split into consecutive groups.
    import itertools

    h = [2.2, 1.1, 3.4, 1.1, 1.1, 2.2, 1.1]
    best = min(max(sum(h[a:b]) for a, b in zip((0, *cut), (*cut, len(h))))
               for cut in itertools.combinations(range(1, len(h)), 2))
    got = render.bagi_urut(h, 3)
    assert max(sum(h[a:b]) for a, b in got) == pytest.approx(best)
    assert [i for a, b in got for i in range(a, b)] == list(range(len(h)))
    # Thousands of channels (a hostile or careless file): the greedy split (linear; the
    # exact one would take minutes here), still in order, into n non-empty groups of
    # about equal height.
    many = [1.0 + (i % 3) for i in range(20_000)]
    got = render.bagi_urut(many, 4)
    assert len(got) == 4 and all(a < b for a, b in got)
    assert max(sum(many[a:b]) for a, b in got) <= sum(many) / 4 + 3
    assert [i for a, b in got for i in range(a, b)] == list(range(len(many)))


@pytest.mark.parametrize("size,padat,n", [("a3", False, 3), ("a4", True, 4), ("xbanner", False, 2)])
def test_channels_in_columns_of_our_own_in_order(catalog, size, padat, n):
    p = _poster(catalog, "izin-reklame")
    v = render.tampilan_layanan(p.layanan)
    saluran = v.komponen["pengaduan"].isi.saluran
    assert len(saluran) >= n
    fmt = render.t.format_poster(size, 14)
    kolom = render.kolom_saluran(saluran, fmt, padat)
    assert len(kolom) == n and [s for k in kolom for s in k] == list(saluran)
    html = render.html_poster(p, size, 14, padat=padat)
    band = html[html.index('class="kolom-saluran"'):html.index("</div>", html.index('class="kolom-saluran"'))]
    assert band.count('<ul class="saluran">') == n


# -- addresses wrap at their parts --------------------------------------------------------


@pytest.mark.parametrize("teks,hasil", [
    ("pengaduan.dpmptsp@bontangkota.contoh.go.id",
     "pengaduan.dpmptsp@<wbr>bontangkota<wbr>.contoh<wbr>.go<wbr>.id"),
    ("pengaduan.disdukcapil@kota.go.id", "pengaduan<wbr>.disdukcapil@<wbr>kota.go.id"),
    ("www.lapor.go.id", "www.lapor.go.id"),  # short: moves to the next line whole
    ("@dinasosial_inhil", "@dinasosial_inhil"),  # a handle keeps its @
    ("dinas.go.id/pengaduan", "dinas.go.id/<wbr>pengaduan"),
    ("(0548) 000 2101", "(0548) 000 2101"),
    ("Rp5.000.000", "Rp5.000.000"),
    ("a" * 30, "a" * 12 + "<wbr>" + "a" * 12 + "<wbr>" + "a" * 6),
    ("<script>x.y@z</script>", "&lt;script&gt;x.y@<wbr>z&lt;/<wbr>script&gt;"),
])
def test_addresses_may_wrap_only_at_their_parts(teks, hasil):
    assert str(putus_alamat(teks)) == hasil


def test_an_address_in_a_narrow_band_column_is_never_cut_mid_word(print_tree, tmp_path):
    """WeasyPrint's overflow-wrap: anywhere cuts a bold address at any letter (it did:
    "@bontangko" / "ta.contoh"); the band wraps it only where putus_alamat allows."""
    from generator.catalog import load_catalog

    root = tmp_path / "standards"
    shutil.copytree(print_tree, root)
    unit = root / "dpmptsp" / "_unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(
        "pengaduan@dpmptsp.kotacontoh.go.id", "pengaduan.layanan.terpadu@dpmptsp.pemerintahkotacontoh.go.id"),
        encoding="utf-8")
    cat = load_catalog(root)
    assert cat.ok, [f.text() for f in cat.findings]
    p = _poster(cat, "izin-reklame")
    for size, lv in (("a3", render.Tingkat(18)), ("a4", render.Tingkat(14, True))):
        doc = render.layout(render.html_cetak(p, size, lv), "poster.html", logo=p.identitas.logo)
        alamat = "pengaduan.layanan.terpadu@dpmptsp.pemerintahkotacontoh.go.id"
        parts = str(putus_alamat(alamat)).split("<wbr>")
        found = False
        for ul in _boxes(doc, "saluran"):
            for li in ul.children:
                lines = ["".join(b.text for b in render._walk(x) if type(b).__name__ == "TextBox")
                         for x in render._walk(li) if type(x).__name__ == "LineBox"]
                teks = [x.replace("\u200b", "").strip() for x in lines]
                if not any("terpadu@" in x for x in teks):
                    continue
                found = True
                assert alamat in "".join(teks).replace(" ", ""), teks
                assert len(teks) > 1  # it did wrap
                # Every line but the last ends at one of the address's allowed breaks.
                for x in teks[:-1]:
                    assert any(x.endswith(pc) for pc in parts), (x, parts)
        assert found


# -- A4 -------------------------------------------------------------------------------------


def test_a4_is_the_a3_layout_written_at_a4_size(catalog, monkeypatch):
    """A4 is A3 in miniature by design: it is not laid out again (issue 9's build time),
    and reads exactly like the A3 poster, at A4 size, under its own title."""
    import io

    from pypdf import PdfReader

    p = _poster(catalog, "izin-bercabang")
    made: list[str] = []
    asli = render.html_cetak

    def cetak(p_, size, lv, css_inline=False, seimbang=False):
        made.append(size)
        return asli(p_, size, lv, css_inline, seimbang)

    monkeypatch.setattr(render, "html_cetak", cetak)
    info: dict = {}
    pdf = render.render_poster(p, ("a3", "a4"), info=info)
    assert set(made) == {"a3"} and info["a4"] == (info["a3"][0], 0)
    a3, a4 = (PdfReader(io.BytesIO(pdf[s])) for s in ("a3", "a4"))
    assert len(a3.pages) == len(a4.pages) == 1
    mm = [[float(x) * 25.4 / 72 for x in r.pages[0].mediabox[2:]] for r in (a3, a4)]
    assert mm[0] == pytest.approx([297, 420], abs=0.1) and mm[1] == pytest.approx([210, 297], abs=0.1)
    assert a3.pages[0].extract_text() == a4.pages[0].extract_text()
    assert a3.metadata.title.endswith("(A3)") and a4.metadata.title.endswith("(A4)")
    assert a3.metadata.title[:-4] == a4.metadata.title[:-4]

    # Only A4 asked for: the A3 layout is made and written at A4 size.
    made.clear()
    only = render.render_poster(p, ("a4",))
    assert set(only) == {"a4"} and set(made) == {"a3"}
    assert PdfReader(io.BytesIO(only["a4"])).pages[0].extract_text() == a4.pages[0].extract_text()
