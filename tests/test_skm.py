"""The satisfaction survey (SKM, issue 12): the index (IKM) computed as Permenpan RB 14/2017
does it, checked against the regulation's own conversion table; bad survey data as positioned
galat; the results on the unit and service pages with a chart a screen reader can read."""

from __future__ import annotations

import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from generator import model as m
from generator import tampilan
from generator.catalog import load_catalog
from generator.findings import GALAT, PERINGATAN
from generator.site import Opsi, bangun

DATA = Path(__file__).parent / "print" / "data" / "standards"
SEMUA = list(m.UNSUR_SKM)


def hasil(unsur: dict, responden: int = 100, **lain) -> m.HasilSkm:
    return m.HasilSkm.model_validate({"tahun": 2025, "responden": responden, "unsur": unsur, **lain})


def sama(nilai) -> dict:
    return {k: nilai for k in SEMUA}


# -- the arithmetic -------------------------------------------------------------------------


@pytest.mark.parametrize("nrr, ikm, mutu", [
    # The regulation's conversion table (Permenpan RB 14/2017, Bab III): each grade's NRR interval
    # and its IKM interval: D 1,00–2,5996 = 25,00–64,99; C 2,60–3,064 = 65,00–76,60;
    # B 3,0644–3,532 = 76,61–88,30; A 3,5324–4,00 = 88,31–100,00. Both ends of every interval:
    ("1", "25.00", "D"), ("2,5996", "64.99", "D"),
    ("2,60", "65.00", "C"), ("3,064", "76.60", "C"),
    ("3,0644", "76.61", "B"), ("3,532", "88.30", "B"),
    ("3,5324", "88.31", "A"), ("4", "100.00", "A"),
])
def test_the_regulations_conversion_table(nrr, ikm, mutu):
    h = hasil(sama(nrr))
    assert str(m.ikm_bulat(h.nilai_ikm())) == ikm
    assert m.mutu_ikm(h.nilai_ikm())[0] == mutu


def test_each_element_weighs_one_ninth_not_a_rounded_0_111():
    # The regulation's worked procedure: NRR per element, times the weight 1/9, summed, times 25.
    nilai = ["3,30", "3,28", "3,05", "3,90", "3,36", "3,40", "3,47", "2,98", "3,32"]
    h = hasil(dict(zip(SEMUA, nilai)))
    assert h.nilai_ikm() == Fraction(3006, 100) / 9 * 25  # exactly 83,50
    assert tampilan.periode_skm(h).ikm_teks == "83,50" and m.mutu_ikm(h.nilai_ikm()) == ("B", "Baik")
    # A report that rounds the weight to 0,111 gets 83,42: the index would be understated.
    dibulatkan = sum(Fraction(x.replace(",", ".")) * Fraction("0.111") for x in nilai) * 25
    assert str(m.ikm_bulat(dibulatkan)) == "83.42"


def test_answer_counts_give_the_average_answer_of_each_element():
    # 384 respondents; U1: 2 answered 1, 14 answered 2, 177 answered 3, 191 answered 4.
    h = hasil({"U1": {1: 2, 2: 14, 3: 177, 4: 191}, "U2": "3,40"}, responden=384)
    assert m.nrr(h.unsur["U1"]) == Fraction(2 + 28 + 531 + 764, 384)
    assert h.nilai_ikm() == (Fraction(1325, 384) + Fraction(34, 10)) / 2 * 25


def test_the_example_units_published_index_matches_its_elements():
    cat = load_catalog(Path(__file__).parents[1] / "standards")
    dis = cat.unit("disdukcapil").data.skm
    assert [tampilan.periode_skm(h).ikm_teks for h in dis.urut()] == ["84,28", "86,58"]
    dp = cat.unit("dpmptsp").data.skm
    assert [(h.tahun, tampilan.periode_skm(h).ikm_teks) for h in dp.urut()] == [(2024, "83,50"), (2025, "86,14")]
    assert not [f for f in cat.findings if f.code.startswith("skm")]


# -- bad data -------------------------------------------------------------------------------


def pohon(tmp_path: Path, blok: str) -> Path:
    root = tmp_path / "standards"
    shutil.copytree(DATA, root)
    unit = root / "dpmptsp" / "_unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + blok, encoding="utf-8")
    return root


def temuan(root: Path, kode: str = "") -> list:
    return [f for f in load_catalog(root).findings if f.file.endswith("dpmptsp/_unit.yaml") and kode in f.code]


def baris(root: Path, teks: str) -> int:
    isi = (root / "dpmptsp" / "_unit.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, b in enumerate(isi, 1) if teks in b)


SKM = """skm:
  hasil:
    - tahun: 2025
      responden: 384
      unsur:
        U1: "3,45"
        U2: {1: 3, 2: 16, 3: 189, 4: 170}
        U3: %s
"""


@pytest.mark.parametrize("nilai, potongan", [
    ('"4,5"', "harus antara 1 dan 4"),
    ("86.5", "harus antara 1 dan 4"),
    ("{1: 1, 5: 383}", "Jawaban SKM hanya 1 sampai 4"),
    ("{1: -1, 4: 385}", "bilangan bulat dari 0 sampai 10.000.000"),
    ("{1: 1_000, 4: 3}", "bilangan bulat dari 0 sampai 10.000.000"),
    ('{1: "%s", 4: 3}' % ("9" * 5000), "bilangan bulat dari 0 sampai 10.000.000"),
    ('{1: 380, " 1": 4}', "Jawaban SKM hanya 1 sampai 4, tertulis ' 1'"),
    ('"\u0663,45"', "rata-rata jawaban"),
    ("tiga", "rata-rata jawaban"),
])
def test_values_outside_the_answers_1_to_4_are_a_galat_at_their_line(tmp_path, nilai, potongan):
    root = pohon(tmp_path, SKM % nilai)
    f = [x for x in temuan(root) if x.severity == GALAT]
    assert len(f) == 1 and potongan in f[0].message, [x.text() for x in f]
    assert f[0].line == baris(root, "U3:") and f[0].path == "skm.hasil[0].unsur.U3"


def test_counts_that_do_not_add_up_to_the_respondents_are_a_galat(tmp_path):
    root = pohon(tmp_path, SKM % '"3,10"')  # U2's answers add up to 378, not 384
    f = temuan(root, "skm-jumlah-jawaban")
    assert len(f) == 1 and f[0].severity == GALAT and f[0].line == baris(root, "U2:")
    assert "378" in f[0].message and "384" in f[0].message


def test_an_unknown_element_is_a_galat_naming_the_nine(tmp_path):
    root = pohon(tmp_path, SKM.replace("U3: %s", 'U10: "3,1"'))
    f = [x for x in temuan(root) if x.severity == GALAT]
    assert len(f) == 1 and "'U10' bukan unsur SKM" in f[0].message and "U9 sarana dan prasarana" in f[0].message


def test_missing_elements_and_a_differing_published_index_are_warnings_only(tmp_path):
    blok = (SKM % '"3,10"').replace("{1: 3, 2: 16, 3: 189, 4: 170}", "{1: 3, 2: 16, 3: 189, 4: 176}")
    blok += '      ikm: "80,00"\n'
    root = pohon(tmp_path, blok)
    f = temuan(root, "skm")
    assert {x.code: x.severity for x in f} == {"skm-unsur-kurang": PERINGATAN, "skm-ikm-beda": PERINGATAN}
    kurang = next(x for x in f if x.code == "skm-unsur-kurang")
    assert "3 dari 9 unsur" in kurang.message and "U4, U5, U6, U7, U8, U9" in kurang.message
    assert next(x for x in f if x.code == "skm-ikm-beda").line == baris(root, "ikm:")


# -- on the pages ---------------------------------------------------------------------------


def test_the_unit_page_shows_the_index_a_readable_chart_the_trend_and_the_follow_up():
    cat = load_catalog(Path(__file__).parents[1] / "standards")
    halaman = {h.url: h.html for h in bangun(cat, Opsi()).halaman}
    html = halaman["unit/dpmptsp/"]
    bagian = html[html.index('id="skm"'):]
    assert "<strong>86,14</strong>, mutu pelayanan <strong>B (Baik)</strong>, dari 384 responden" in bagian
    # The chart is an image with a name, and the same numbers are a table.
    assert 'role="img" aria-labelledby="skm-unsur-judul"' in bagian
    tabel = bagian[bagian.index("<table"):bagian.index("</table>")]
    assert tabel.count('<th scope="row">') == 9 and "<td>3,45</td>" in tabel
    assert "Dari periode ke periode" in bagian and "<td>83,50</td>" in bagian
    assert "Memberi tahu pemohon lewat WhatsApp" in bagian
    assert 'href="https://skm.bontangkota.contoh.go.id/dpmptsp"' in bagian
    # A service with its own survey shows its own; one without links the unit's and its index.
    pbg = halaman["layanan/persetujuan-bangunan-gedung/"]
    assert 'href="https://skm.bontangkota.contoh.go.id/dpmptsp/pbg"' in pbg and "Beri penilaian layanan ini" in pbg
    nib = halaman["layanan/nomor-induk-berusaha/"]
    assert 'href="https://skm.bontangkota.contoh.go.id/dpmptsp"' in nib and "<strong>86,14</strong>" in nib
    assert 'href="../../unit/dpmptsp/#skm"' in nib


def test_an_element_code_in_another_form_is_a_galat_not_a_silent_second_value(tmp_path):
    root = pohon(tmp_path, SKM.replace("U3: %s", 'u1: "1,00"'))
    f = [x for x in temuan(root) if x.severity == GALAT]
    assert len(f) == 1 and "Tulis kode unsur persis U1" in f[0].message


def test_a_survey_address_too_long_for_the_poster_is_a_galat(tmp_path):
    root = pohon(tmp_path, "skm:\n  tautan: https://skm.contoh.go.id/" + "a" * 200 + "\n")
    f = [x for x in temuan(root) if x.severity == GALAT]
    assert len(f) == 1 and f[0].path == "skm.tautan" and "paling panjang 120 karakter" in f[0].message


def test_the_trend_chart_draws_the_latest_periods_and_keeps_each_year():
    from generator.site import grafik

    hs = [hasil({"U1": "3,1"}, periode="Triwulan dengan nama yang sangat panjang sekali") for _ in range(12)]
    for i, h in enumerate(hs):
        h.tahun = 2014 + i
    svg = str(grafik.tren([tampilan.periode_skm(h) for h in hs], "t"))
    assert svg.count("<rect") == grafik.TREN_MAKS
    assert ">2025</text>" in svg and ">2020</text>" not in svg and "…" in svg
