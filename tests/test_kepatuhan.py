"""`standar periksa` (issue 12): the compliance self-check on the example data, on a real unit
with gaps, its weights and score, its three outputs, and its public pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import kepatuhan as k
from generator.catalog import load_catalog
from generator.cli import main
from generator.site import Opsi, bangun

REPO = Path(__file__).resolve().parents[1]
JEMBRANA = REPO / "tests" / "nyata" / "jembrana-disnaker-ak1"


@pytest.fixture(scope="module")
def contoh():
    return load_catalog(REPO / "standards")


def butir(h: k.HasilUnit, kunci: str) -> k.Butir:
    return next(b for b in h.butir if b.kunci == kunci)


def test_the_weights_add_up_to_100_and_are_stated_everywhere(contoh, capsys):
    assert sum(b for _k, _j, b in k.BOBOT) == 100
    hasil = k.periksa(contoh)
    teks = k.teks(hasil, contoh.today)
    for _kunci, judul, bobot in k.BOBOT:
        assert f"{judul} (bobot {bobot})" in teks
    assert "bukan nilai resmi Ombudsman RI" in teks
    data = json.loads(k.json_teks(hasil, contoh.today))
    assert [b["bobot"] for b in data["bobot"]] == [b for _k, _j, b in k.BOBOT]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for _kunci, judul, bobot in k.BOBOT:
        assert f"| {judul} | {bobot} |" in readme


def test_the_example_units_meet_every_item_but_diskominfos_survey(contoh):
    hasil = {h.id: h for h in k.periksa(contoh)}
    for uid in ("disdukcapil", "dpmptsp", "dpmptsp/perizinan"):
        h = hasil[uid]
        assert all(b.nilai in (None, 1.0) for b in h.butir), [(b.kunci, b.rincian) for b in h.butir]
        assert h.skor == 100.0 and h.bobot_diperiksa == 90  # posters not checked
    d = hasil["diskominfo"]
    kurang = [b for b in d.butir if b.nilai is not None and b.nilai < 1]
    assert [b.kunci for b in kurang] == ["skm"]
    assert kurang[0].kurang[0].relatif == "diskominfo/_unit.yaml" and kurang[0].kurang[0].kunci == "skm:"
    assert d.skor == round(85 / 90 * 100, 1)


def test_a_real_unit_with_gaps_is_told_what_to_add_and_where_never_to_invent(tmp_path):
    cat = load_catalog(JEMBRANA)
    (h,) = k.periksa(cat)
    assert butir(h, "komponen-publik").nilai == 1.0  # the published standard has all six
    for kunci in ("maklumat", "kelompok-rentan", "pengaduan", "penetapan", "peninjauan", "fkp", "skm", "visi-misi-moto"):
        b = butir(h, kunci)
        assert b.nilai is not None and b.nilai < 1, kunci
        for x in b.kurang:
            assert x.relatif.startswith("dinas-tenaga-kerja-dan-perindustrian/")
            assert "Bila" in x.pesan or "bila" in x.pesan or "seperti" in x.pesan, x.pesan  # only if they have it
    assert h.skor < 50
    assert butir(h, "kelompok-rentan").rincian == "0 dari 4 kelompok"


def test_posters_that_do_not_fit_count_against_publishing_in_both_forms(contoh):
    unit = contoh.unit("dpmptsp")
    poster = {s.slug: s.slug != "persetujuan-bangunan-gedung" for s in contoh.services}
    h = k.periksa_unit(unit, contoh.today, poster)
    b = butir(h, "dua-bentuk")
    assert b.nilai == pytest.approx(2 / 3) and b.rincian == "2 dari 3 layanan memiliki halaman web dan poster"
    assert b.kurang[0].relatif == "dpmptsp/perizinan/persetujuan-bangunan-gedung.yaml"
    assert h.bobot_diperiksa == 100


def test_the_command_gives_text_markdown_and_json(capsys):
    assert main(["periksa", "--root", str(JEMBRANA), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unit"][0]["skor"] < 50 and data["keterangan"].endswith("KemenPANRB.")
    assert main(["periksa", "--root", str(REPO / "standards"), "dpmptsp", "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert "### Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu: 100,0 dari 100" in md
    assert "Bidang" not in md.split("\n", 2)[2].split("###")[1]  # only the unit asked for
    assert main(["periksa", "--root", str(REPO / "standards"), "tidak-ada"]) == 2
    assert "unit tidak ada" in capsys.readouterr().err


def test_each_unit_has_a_public_compliance_page_and_the_site_a_summary(contoh):
    halaman = {h.url: h.html for h in bangun(contoh, Opsi()).halaman}
    html = halaman["unit/diskominfo/kepatuhan/"]
    assert "<strong>94,4</strong> dari 100" in html and "dihitung dari data standar pada" in html
    assert "(berkas diskominfo/_unit.yaml, skm:)" in html
    ringkas = halaman["kepatuhan/"]
    assert 'href="../unit/diskominfo/kepatuhan/"' in ringkas and "<td>94,4</td>" in ringkas
    assert 'href="kepatuhan/"' in halaman["unit/diskominfo/"]


def _pohon(tmp_path):
    import shutil

    root = tmp_path / "standards"
    shutil.copytree(REPO / "tests" / "print" / "data" / "standards", root)
    return root


def _tulis(path: Path, lama: str, baru: str) -> None:
    teks = path.read_text(encoding="utf-8")
    assert lama in teks, lama
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def test_vulnerable_groups_are_read_as_whole_words(tmp_path):
    root = _pohon(tmp_path)
    unit = root / "dpmptsp" / "_unit.yaml"
    _tulis(unit, "pelayanan_khusus:\n  - Loket prioritas bagi penyandang disabilitas, lansia, dan ibu hamil\n"
                 "  - Kursi roda dan jalur landai\n",
           "pelayanan_khusus:\n  - Pembayaran non tunai; lantai 2 lewat anak tangga\n")
    teks = unit.read_text(encoding="utf-8").replace("kelompok_rentan:", "catatan_lama:")
    unit.write_text("\n".join(b for b in teks.splitlines() if "catatan_lama" not in b) + "\n", encoding="utf-8")
    cat = load_catalog(root)
    assert cat.ok, [f.text() for f in cat.findings if f.severity == "galat"]
    assert butir(k.periksa_unit(cat.unit("dpmptsp"), cat.today), "kelompok-rentan").rincian == "0 dari 4 kelompok"


def test_a_services_own_survey_counts_for_its_unit(tmp_path):
    root = _pohon(tmp_path)
    f = root / "dpmptsp" / "izin-reklame.yaml"
    tahun = load_catalog(root).today.year
    f.write_text(f.read_text(encoding="utf-8") + f"skm:\n  hasil:\n    - tahun: {tahun}\n      responden: 30\n"
                 "      unsur: {U1: \"3,2\"}\n", encoding="utf-8")
    cat = load_catalog(root)
    assert butir(k.periksa_unit(cat.unit("dpmptsp"), cat.today), "skm").nilai == 1.0


def test_drafts_are_not_asked_for_a_decree_or_a_forum(tmp_path):
    cat = load_catalog(_pohon(tmp_path))  # perizinan/pbg.yaml is a draft
    h = k.periksa_unit(cat.unit("dpmptsp/perizinan"), cat.today)
    assert butir(h, "penetapan").nilai is None and butir(h, "fkp").nilai is None
    assert butir(h, "penetapan").rincian == "0 dari 0 layanan yang berlaku"


def test_a_bidang_folder_cannot_take_the_compliance_pages_address(tmp_path):
    root = _pohon(tmp_path)
    (root / "dpmptsp" / "perizinan").rename(root / "dpmptsp" / "kepatuhan")
    cat = load_catalog(root)
    f = [x for x in cat.findings if x.code == "nama-dicadangkan"]
    assert len(f) == 1 and "unit/dpmptsp/kepatuhan/" in f[0].message
