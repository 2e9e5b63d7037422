"""The PDFs themselves: layout of the output folder, page size and count, text,
QR code, labels, metadata, fonts, escaping. One session render (see conftest)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import model as m
from generator import tampilan
from generator.printing import paths

from .support import pdftotext, squash, teks_urut

pytestmark = pytest.mark.pdf

A3 = (841.89, 1190.55)  # pt
A4 = (595.28, 841.89)
XBANNER = (600 / 25.4 * 72, 1600 / 25.4 * 72)  # 600 x 1600 mm


def test_output_layout(catalog, rendered):
    store, laporan = rendered
    expected = {"dpmptsp/maklumat-a3.pdf", "dpmptsp/maklumat-a4.pdf", "dpmptsp/buku-standar-pelayanan.pdf"}
    for svc in catalog.services:
        expected |= {f"dpmptsp/{svc.slug}-a3.pdf", f"dpmptsp/{svc.slug}-a4.pdf", f"dpmptsp/{svc.slug}-xbanner.pdf"}
    found = {p.relative_to(store).as_posix() for p in store.rglob("*.pdf")}
    assert found == expected
    # A bidang's service goes into its OPD's folder.
    pbg = catalog.service("pbg")
    assert pbg.unit.id == "dpmptsp/perizinan" and paths.poster_path(pbg, "a3") == "dpmptsp/pbg-a3.pdf"
    assert sorted(laporan.berkas) == sorted(expected)


def _size(page) -> tuple[float, float]:
    box = page.mediabox
    return float(box.width), float(box.height)


@pytest.mark.parametrize("name, size", [
    ("izin-reklame-a3.pdf", A3), ("izin-reklame-a4.pdf", A4), ("pbg-a3.pdf", A3), ("pbg-a4.pdf", A4),
    ("surat-keterangan-contoh-a3.pdf", A3), ("uji-escape-a4.pdf", A4),
    ("maklumat-a3.pdf", A3), ("maklumat-a4.pdf", A4),
    ("izin-reklame-xbanner.pdf", XBANNER), ("pbg-xbanner.pdf", XBANNER),
])
def test_posters_are_one_page_of_the_right_size(rendered, name, size):
    store, _ = rendered
    reader = PdfReader(store / "dpmptsp" / name)
    assert len(reader.pages) == 1
    w, h = _size(reader.pages[0])
    assert abs(w - size[0]) <= 1 and abs(h - size[1]) <= 1


def test_handbook_pages_are_a4(rendered):
    store, _ = rendered
    reader = PdfReader(store / "dpmptsp" / paths.HANDBOOK)
    assert len(reader.pages) >= 6
    for page in reader.pages:
        w, h = _size(page)
        assert abs(w - A4[0]) <= 1 and abs(h - A4[1]) <= 1


def _public_texts(d: m.Layanan, padat: bool = False) -> dict[str, list[str]]:
    """What a poster must show of each public component (its summary, see poster.html)."""
    syarat = []
    for g in m.kelompok_persyaratan(d.persyaratan):
        if g.kelompok:
            syarat.append(g.kelompok)
        for item in g.daftar:
            # The poster prints the short poster wording (ringkas_poster) where the standard gives one.
            nama = m.nama_persyaratan(item) if isinstance(item, str) else item.ringkas_poster or m.nama_persyaratan(item)
            syarat += [nama, *([] if isinstance(item, str) else item.pilihan(True))]
    v = tampilan.layanan(d, [])
    alur, _ = v.komponen["prosedur"].isi.poster()
    langkah = [x for a in alur for s in a.langkah for x in (s.pelaksana, s.uraian_poster) if x]
    tarif = tampilan.baris_tarif(d.biaya.tarif)
    biaya = [d.biaya.teks_ringkas()] + [r.nama for r in tarif] + [r.harga for r in tarif if r.harga]
    return {
        "persyaratan": syarat,
        "prosedur": langkah,
        "jangka_waktu": [d.jangka_waktu.teks_ringkas()],
        "biaya": biaya,
        "produk": [m.nama_produk(x) for x in d.produk],
        "pengaduan": [tampilan.saluran(s).nilai_ringkas for s in d.pengaduan.saluran]
                     + ([] if padat else [w.kategori for w in d.pengaduan.waktu_penyelesaian]),
    }


@pytest.mark.parametrize("slug", ["izin-reklame", "pbg", "surat-keterangan-contoh", "izin-bercabang"])
@pytest.mark.parametrize("size", paths.SIZES)
def test_poster_text_has_every_public_component(catalog, rendered, slug, size):
    store, _ = rendered
    svc = catalog.service(slug)
    text = squash(teks_urut(store / paths.poster_path(svc, size)))
    d = svc.data
    assert squash(d.nama).lower() in text.lower()
    from generator.printing.render import CATATAN_PADAT

    padat = squash(CATATAN_PADAT).lower() in text.lower()
    assert padat == (slug == "izin-bercabang")
    for comp, parts in _public_texts(d, padat).items():
        for part in parts:
            assert squash(part).lower() in text.lower(), (comp, part)
    if d.penetapan:
        assert squash(d.penetapan.nomor) in text
    assert squash(catalog.instansi.nama).lower() in text.lower()


def test_qr_code_decodes_to_the_service_page(catalog, rendered, tmp_path):
    import zxingcpp
    from PIL import Image

    store, _ = rendered
    for slug, size in (("izin-reklame", "a3"), ("pbg", "a4")):
        svc = catalog.service(slug)
        png = tmp_path / f"{slug}-{size}"
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile",
                        str(store / paths.poster_path(svc, size)), str(png)], check=True)
        codes = zxingcpp.read_barcodes(Image.open(f"{png}.png"))
        urls = [c.text for c in codes]
        expected = "https://standar.kotacontoh.go.id/layanan/" + slug + "/"
        assert urls == [expected]
        # and the short address is printed under it
        assert squash(paths.short_url(expected)) in squash(pdftotext(store / paths.poster_path(svc, size)))


def test_status_labels(rendered):
    store, _ = rendered
    for name, status in (("surat-keterangan-contoh", m.Status.contoh), ("pbg", m.Status.rancangan),
                         ("uji-escape", m.Status.dicabut)):
        label = squash(m.LABEL_STATUS[status]).upper()
        for size in paths.SIZES:
            text = squash(pdftotext(store / "dpmptsp" / f"{name}-{size}.pdf")).upper()
            assert text.count(label) >= 2, (name, size)  # band at the top and the footer line
    text = squash(pdftotext(store / "dpmptsp" / "izin-reklame-a3.pdf")).upper()
    for status in (m.Status.contoh, m.Status.rancangan, m.Status.dicabut):
        assert squash(m.LABEL_STATUS[status]).upper() not in text


def test_handbook_labels_every_page_of_a_labelled_service(catalog, rendered):
    store, _ = rendered
    pdf = store / "dpmptsp" / paths.HANDBOOK
    n = len(PdfReader(pdf).pages)
    labels = {"Surat Keterangan Contoh": "CONTOH — DATA ILUSTRASI",
              "Persetujuan Bangunan Gedung (PBG)": "RANCANGAN — TERBUKA UNTUK MASUKAN PUBLIK",
              "Izin Penyelenggaraan Reklame": None}
    seen = set()
    for i in range(1, n + 1):
        text = pdftotext(pdf, i)
        # The running headers: the unit's (left, up to two lines, then a blank line) comes first.
        head = text.strip().splitlines()[0:5]
        for nama, label in labels.items():
            if any(nama in line for line in head):  # running header: this service's page
                seen.add(nama)
                if label:
                    assert label in text, (nama, i)
                else:
                    assert "CONTOH —" not in text and "RANCANGAN —" not in text, (nama, i)
    assert seen == set(labels)


def test_handbook_contents_match_pages(catalog, rendered):
    store, _ = rendered
    pdf = store / "dpmptsp" / paths.HANDBOOK
    reader = PdfReader(pdf)
    toc = pdftotext(pdf, 2)
    assert "DAFTAR ISI" in toc
    entries = {}
    for svc in catalog.services:
        mt = re.search(re.escape(svc.data.nama) + r"[ .]*?(\d+)\s*$", toc, re.M)
        assert mt, svc.data.nama
        entries[svc.data.nama] = int(mt.group(1))
    mt = re.search(r"Maklumat Pelayanan[ .]*?(\d+)", toc)
    entries["MAKLUMAT PELAYANAN"] = int(mt.group(1))
    for title, page in entries.items():
        text = pdftotext(pdf, page)
        assert squash(title).lower() in squash(text).lower()
        if title != "MAKLUMAT PELAYANAN":
            # the service starts there: its annex heading is on that page, not on the one before
            assert "STANDARPELAYANAN" + squash(title).upper() in squash(text).upper(), title
            before = squash(pdftotext(pdf, page - 1)).upper()
            assert "STANDARPELAYANAN" + squash(title).upper() not in before
    assert max(entries.values()) <= len(reader.pages)


def test_handbook_has_all_fourteen_components(catalog, rendered):
    store, _ = rendered
    text = squash(pdftotext(store / "dpmptsp" / paths.HANDBOOK)).lower()
    for label in m.LABEL_KOMPONEN.values():
        assert squash(label).lower() in text
    assert squash("KOMPONEN").lower() in text and squash("URAIAN").lower() in text
    assert "service delivery" in text.replace("servicedelivery", "service delivery") or "servicedelivery" in text
    # internal components of the unit defaults appear
    assert squash("Pemeriksaan oleh Inspektorat Kota Contoh").lower() in text


def test_html_in_yaml_is_printed_literally(rendered):
    store, _ = rendered
    for name in ("uji-escape-a3.pdf", "buku-standar-pelayanan.pdf"):
        text = squash(pdftotext(store / "dpmptsp" / name))
        assert squash("<script>alert(1)</script>") in text
        assert squash("<b>Tebal</b>&Lain-lain") in text
        assert squash("<imgsrc=xonerror=alert(1)>") in text


def test_metadata_tags_and_language(catalog, rendered):
    store, _ = rendered
    for name, title in (("izin-reklame-a3.pdf", "Standar Pelayanan: Izin Penyelenggaraan Reklame (A3)"),
                        ("maklumat-a4.pdf", "Maklumat Pelayanan Dinas Penanaman Modal dan Pelayanan Terpadu "
                                            "Satu Pintu (A4)"),
                        (paths.HANDBOOK, "Buku Standar Pelayanan Dinas Penanaman Modal dan Pelayanan "
                                         "Terpadu Satu Pintu")):
        reader = PdfReader(store / "dpmptsp" / name)
        assert reader.metadata.title == title
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "id"
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_fonts_are_the_project_fonts_embedded(rendered):
    store, _ = rendered
    for name in ("izin-reklame-a3.pdf", "maklumat-a3.pdf", paths.HANDBOOK):
        out = subprocess.run(["pdffonts", str(store / "dpmptsp" / name)], check=True,
                             capture_output=True, text=True).stdout.splitlines()[2:]
        assert out
        for line in out:
            cols = line.split()
            assert re.search(r"Noto-?Sans", cols[0]), line
            assert "yes" in cols[-5], line  # emb


def test_text_is_never_below_minimum_size(rendered):
    """No text (step numbers included) below 14 pt on A3, the same proportion on A4 (9.9 pt),
    and on the X-banner, read from further away, 14 pt x 2.4 (33.6 pt)."""
    from generator.printing import render, templates

    store, _ = rendered
    minimum = {s: templates.format_poster(s, render.POSTER_PT[-1]).pt for s in paths.SIZES}
    assert minimum == {"a3": 14, "a4": 9.9, "xbanner": 33.6}
    for name, ukuran in ((f"{slug}-{u}.pdf", u) for slug in ("izin-reklame", "pbg") for u in paths.SIZES):
        sizes = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                scale = (abs(tm[0] * cm[0] + tm[1] * cm[2]) if tm and cm else 1.0)
                sizes.append(size * scale)

        PdfReader(store / "dpmptsp" / name).pages[0].extract_text(visitor_text=visit)
        assert sizes
        assert min(sizes) >= minimum[ukuran] - 0.05, (name, min(sizes))


def test_compact_poster_says_what_it_leaves_out(catalog, rendered):
    """A poster too long for the summary at 14 pt drops step times and branches, and says so."""
    from generator.printing.render import CATATAN_PADAT

    store, _ = rendered
    for size in ("a3", "a4"):
        path = store / "dpmptsp" / f"izin-bercabang-{size}.pdf"
        assert len(PdfReader(path).pages) == 1
        text = squash(pdftotext(path)).lower()
        assert squash(CATATAN_PADAT).lower() in text
        assert "berkastidaklengkap" not in text and "15menit" not in text
    text = squash(pdftotext(store / "dpmptsp" / "izin-reklame-a3.pdf")).lower()
    assert squash(CATATAN_PADAT).lower() not in text and "10menit" in text
