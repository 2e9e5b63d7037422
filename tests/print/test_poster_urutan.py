"""The poster's second design, read back from the PDFs: the six sections in the order of
the law, column by column (section 6 in its band below the columns), the steps in order,
the X-banner's size, the short poster wording, and the fit message in lines."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.printing import paths

pytestmark = pytest.mark.pdf

NYATA = Path(__file__).parents[1] / "nyata"
SECTIONS = ("Persyaratan", "Alur pelayanan", "Jangka waktu", "Biaya", "Produk", "Pengaduan")


def _runs(pdf: Path) -> list[tuple[float, float, str]]:
    """(x, y from the top, text) of every text run of the first page."""
    page = PdfReader(pdf).pages[0]
    h = float(page.mediabox.height)
    out: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((x, h - y, text.strip()))

    page.extract_text(visitor_text=visit)
    return out


def _markers(runs, pattern: str) -> list[tuple[float, float, int]]:
    return [(x, y, int(t)) for x, y, t in runs if re.fullmatch(pattern, t)]


def section_positions(pdf: Path) -> dict[int, tuple[float, float]]:
    """Where each section heading starts: its number, followed by its heading words."""
    runs = _runs(pdf)
    found: dict[int, tuple[float, float]] = {}
    for i, (x, y, t) in enumerate(runs):
        if re.fullmatch(r"[1-6]", t) and i + 1 < len(runs):
            nomor = int(t)
            nxt = runs[i + 1][2]
            if nxt.startswith(SECTIONS[nomor - 1]) and nomor not in found:
                found[nomor] = (x, y)
    return found


def reading_order(pos: dict[int, tuple[float, float]], page_width: float) -> list[int]:
    """Sections 1-5 by column (x, in steps of a tenth of the page width), then y;
    then what sits below every column (the complaint band)."""
    cols = {n: p for n, p in pos.items() if n != 6}
    order = sorted(cols, key=lambda n: (round(cols[n][0] / (page_width / 10)), cols[n][1]))
    if 6 in pos:
        assert all(pos[6][1] > p[1] for p in cols.values()), "the complaint band is below the columns"
        order.append(6)
    return order


def _check(pdf: Path) -> None:
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    pos = section_positions(pdf)
    assert sorted(pos) == [1, 2, 3, 4, 5, 6], (pdf.name, pos)
    assert reading_order(pos, float(reader.pages[0].mediabox.width)) == [1, 2, 3, 4, 5, 6], (pdf.name, pos)


@pytest.mark.parametrize("size", paths.SIZES)
def test_sections_read_in_the_order_of_the_law(catalog, rendered, size):
    store, _ = rendered
    for svc in catalog.services:
        _check(store / paths.poster_path(svc, size))


def test_the_a3_poster_has_columns(catalog, rendered):
    """Not one long column: on A3 the sections sit in more than one column."""
    store, _ = rendered
    pos = section_positions(store / paths.poster_path(catalog.service("pbg"), "a3"))
    assert len({round(x) for n, (x, _y) in pos.items() if n != 6}) > 1


def test_steps_read_in_order(catalog, rendered):
    """Step boxes: numbers 1..n in reading order (column, then y), and each
    section number appears once (no second "4")."""
    store, _ = rendered
    for size in paths.SIZES:
        pdf = store / paths.poster_path(catalog.service("pbg"), size)
        reader = PdfReader(pdf)
        width = float(reader.pages[0].mediabox.width)
        runs = _runs(pdf)
        pos = section_positions(pdf)
        # step markers sit between the headings of sections 2 and 3 in reading order
        steps = [(x, y, n) for x, y, n in _markers(runs, r"\d{1,2}")
                 if (x, y) not in pos.values()]
        steps = sorted(steps, key=lambda s: (round(s[0] / (width / 10)), s[1]))
        svc = catalog.service("pbg")
        jumlah = len(svc.data.prosedur.langkah if hasattr(svc.data.prosedur, "langkah") else svc.data.prosedur)
        nomor = [n for _x, _y, n in steps if 1 <= n <= jumlah]
        assert nomor[:jumlah] == list(range(1, jumlah + 1)), (size, nomor)


def test_xbanner_is_60_by_160_cm(catalog, rendered):
    store, _ = rendered
    page = PdfReader(store / paths.poster_path(catalog.service("pbg"), "xbanner")).pages[0]
    assert abs(float(page.mediabox.width) * 25.4 / 72 - 600) < 0.5
    assert abs(float(page.mediabox.height) * 25.4 / 72 - 1600) < 0.5


@pytest.mark.parametrize("nama", ["lamongan-akta-kelahiran-non-online", "metro-dpmptsp-pbg-pertelaan",
                                  "samsat-pengesahan-stnk-tahunan", "klungkung-tte"])
def test_real_standards_read_in_order(nama, tmp_path):
    from generator.catalog import load_catalog
    from generator.printing import jobs

    root = tmp_path / "standards"
    shutil.copytree(NYATA / nama, root)
    cat = load_catalog(root)
    assert cat.ok
    store = tmp_path / "cetak"
    laporan = jobs.run(cat, store, "https://standar.contoh.go.id/", kinds=("poster",), jobs=1, progress=False)
    assert laporan.ok, laporan.galat
    for svc in cat.services:
        for size in paths.SIZES:
            _check(store / paths.poster_path(svc, size))


RINGKAS = """\
nama: Layanan Uji Ringkas Poster
kategori: Uji
status: contoh
persyaratan:
  - dokumen: Surat pengantar dari ketua rukun tetangga dan rukun warga yang diketahui lurah setempat
    ringkas_poster: Surat pengantar RT/RW berstempel lurah
prosedur:
  - pelaksana: Pemohon
    uraian: Menyerahkan seluruh berkas persyaratan kepada petugas loket pelayanan terpadu di lantai satu
    ringkas_poster: Menyerahkan berkas di loket lantai satu
jangka_waktu: 1 hari kerja
biaya: Gratis
produk: Surat keterangan
"""


def test_short_poster_wording_is_on_the_poster_only(print_tree, tmp_path):
    from generator.catalog import load_catalog
    from generator.printing import inputs, render

    root = tmp_path / "standards"
    shutil.copytree(print_tree, root)
    (root / "dpmptsp" / "uji-ringkas.yaml").write_text(RINGKAS, encoding="utf-8")
    cat = load_catalog(root)
    assert cat.ok, [f.text() for f in cat.findings]
    svc = cat.service("uji-ringkas")
    p = inputs.PosterIn(inputs.layanan_in(svc, cat.instansi.situs), inputs.identitas(cat))
    for size in paths.SIZES:
        html = render.html_poster(p, size, 18)
        assert "Surat pengantar RT/RW berstempel lurah" in html and "Menyerahkan berkas di loket lantai satu" in html
        assert "diketahui lurah setempat" not in html and "pelayanan terpadu di lantai satu" not in html
    v = render.tampilan_layanan(p.layanan)
    assert v.komponen["persyaratan"].isi.kelompok[0].daftar[0].ringkas_poster == "Surat pengantar RT/RW berstempel lurah"
    # The handbook prints the full wording, never the short one.
    from generator.printing import jobs

    r = jobs.plan(cat, cat.instansi.situs, ["dpmptsp"], kinds=("buku",))
    buku = render.html_buku(r.tugas[0].masukan)
    assert "diketahui lurah setempat" in buku and "pelayanan terpadu di lantai satu" in buku
    assert "berstempel lurah" not in buku and "loket lantai satu" not in buku


def test_fit_message_is_in_lines(extreme_tree):
    from generator.catalog import load_catalog
    from generator.printing import inputs, render

    cat = load_catalog(extreme_tree)
    svc = cat.service("izin-serba-ada")
    p = inputs.PosterIn(inputs.layanan_in(svc, cat.instansi.situs), inputs.identitas(cat))
    for size in paths.SIZES:
        with pytest.raises(render.TidakMuat) as e:
            render.render_poster(p, (size,))
        pesan = e.value.pesan
        assert re.search(r"kira-kira \d+ baris teks terlalu panjang", pesan), pesan
        assert re.search(r"persyaratan \(\d+ butir[^)]*\) kira-kira \d+ baris", pesan), pesan
        assert " cm" not in pesan and "ringkas_poster" in pesan
