"""Periodic review (issue 11): a standard without a next review date of its own is still due
for review, counted from its last review or its decree with the unit's period (12 months by
default); overdue is a peringatan at the date it was counted from; the staff guide lists what
is due; the poster says when the standard was last reviewed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import model as m
from generator.catalog import load_catalog
from generator.findings import PERINGATAN

HARI_INI = dt.date(2026, 11, 30)

INSTANSI = """\
nama: Pemerintah Kota Uji
situs: https://standar.uji.contoh.go.id/
"""

DASAR = """\
nama: {nama}
{status}ringkasan: Layanan uji peninjauan berkala.
kategori: Uji
persyaratan: Surat permohonan
prosedur: Pemohon menyerahkan surat permohonan di loket.
jangka_waktu: 1 hari kerja
biaya: Gratis
produk: Surat keterangan
pengaduan: Kotak saran di loket.
"""


def tree(tmp_path: Path, layanan: dict[str, str], unit: str = "") -> Path:
    root = tmp_path / "standards"
    (root / "uji").mkdir(parents=True)
    (root / "_instansi.yaml").write_text(INSTANSI, encoding="utf-8")
    (root / "uji" / "_unit.yaml").write_text("nama: Dinas Uji\n" + unit, encoding="utf-8")
    for slug, tambahan in layanan.items():
        status = "" if tambahan.startswith("status:") else "status: berlaku\n"
        (root / "uji" / f"{slug}.yaml").write_text(
            DASAR.format(nama=slug.replace("-", " ").title(), status=status) + tambahan, encoding="utf-8")
    return root


def lewat(cat) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in cat.findings:
        if f.code == "peninjauan-lewat":
            out.setdefault(Path(f.file).stem, []).append(f)
    return out


def test_months_are_added_as_on_a_calendar():
    assert m.tambah_bulan(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert m.tambah_bulan(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert m.tambah_bulan(dt.date(2025, 11, 30), 3) == dt.date(2026, 2, 28)
    assert m.tambah_bulan(dt.date(2025, 12, 15), 12) == dt.date(2026, 12, 15)


def test_a_standard_without_its_own_review_date_is_still_checked(tmp_path):
    root = tree(tmp_path, {
        "ditetapkan-lama": "penetapan:\n  nomor: 1/UJI/2024\n  tanggal: 2024-01-10\n",
        "ditetapkan-baru": "penetapan:\n  nomor: 2/UJI/2026\n  tanggal: 2026-03-01\n",
        "ditinjau-lama": "penetapan:\n  nomor: 3/UJI/2020\n  tanggal: 2020-05-05\npeninjauan:\n  terakhir: 2025-06-01\n",
        "ditinjau-baru": "penetapan:\n  nomor: 4/UJI/2020\n  tanggal: 2020-05-05\npeninjauan:\n  terakhir: 2026-06-01\n",
        "hanya-tahun": "penetapan:\n  nomor: 5/UJI\n  tahun: 2014\n",
        "tanpa-tanggal": "penetapan:\n  nomor: 018/500.12.6.1/1226/VIII-2014\n",
        "berikutnya-ditulis": "penetapan:\n  nomor: 6/UJI/2020\n  tanggal: 2020-01-01\npeninjauan:\n  berikutnya: 2027-01-01\n",
        "rancangan": "status: rancangan\nkonsultasi_publik:\n  cara: Kirim masukan ke loket.\n"
                     "penetapan:\n  nomor: 7/UJI/2020\n  tanggal: 2020-01-01\n",
    })
    cat = load_catalog(root, today=HARI_INI)
    assert not [f.text() for f in cat.findings if f.severity == "galat"]
    got = lewat(cat)
    assert set(got) == {"ditetapkan-lama", "ditinjau-lama", "hanya-tahun"}, {k: [f.text() for f in v] for k, v in got.items()}
    (f,) = got["ditetapkan-lama"]
    assert f.severity == PERINGATAN and f.path == "penetapan.tanggal" and f.line == 13
    assert "10 Januari 2024" in f.message and "12 bulan" in f.message and "10 Januari 2025" in f.message
    assert "periode_peninjauan" in f.message
    (f,) = got["ditinjau-lama"]
    assert f.path == "peninjauan.terakhir" and "terakhir ditinjau 1 Juni 2025" in f.message
    (f,) = got["hanya-tahun"]
    assert "tahun 2014" in f.message and "31 Desember 2015" in f.message


def test_the_period_comes_from_the_unit_chain_and_an_inherited_decree_is_counted_too(tmp_path):
    root = tree(tmp_path, {"warisan": "", "sendiri": "penetapan:\n  nomor: 1/UJI\n  tanggal: 2024-01-10\n"},
                unit="penetapan:\n  nomor: 9/UJI/2025\n  tanggal: 2025-06-15\n")
    got = lewat(load_catalog(root, today=HARI_INI))
    assert set(got) == {"warisan", "sendiri"}
    (f,) = got["warisan"]
    assert f.path == "" and "15 Juni 2025" in f.message  # the unit's decree: at the service file
    # A three-year period on the unit: neither is due yet (2027-01-10, 2028-06-15).
    (root / "uji" / "_unit.yaml").write_text("nama: Dinas Uji\nperiode_peninjauan: 36\n"
                                             "penetapan:\n  nomor: 9/UJI/2025\n  tanggal: 2025-06-15\n", encoding="utf-8")
    assert lewat(load_catalog(root, today=HARI_INI)) == {}


def test_the_period_is_checked():
    with pytest.raises(Exception):
        m.Unit.model_validate({"nama": "Dinas Uji", "periode_peninjauan": 0})
    with pytest.raises(Exception):
        m.Unit.model_validate({"nama": "Dinas Uji", "periode_peninjauan": 61})
    assert m.Unit.model_validate({"nama": "Dinas Uji", "periode_peninjauan": 6}).periode_peninjauan == 6


def test_the_staff_guide_lists_what_is_due_soonest_first(tmp_path):
    from generator.site.render import Opsi, bangun

    root = tree(tmp_path, {
        "ditetapkan-lama": "penetapan:\n  nomor: 1/UJI/2024\n  tanggal: 2024-01-10\n",
        "segera": "penetapan:\n  nomor: 2/UJI/2025\n  tanggal: 2025-12-20\n",  # due 20 December 2026
        "ditetapkan-baru": "penetapan:\n  nomor: 3/UJI/2026\n  tanggal: 2026-06-01\n",
    })
    cat = load_catalog(root, today=HARI_INI)
    html = next(h.html for h in bangun(cat, Opsi(site_url="https://standar.uji.contoh.go.id/")).halaman
                if h.url == "panduan-petugas/")
    bagian = html[html.index('id="perlu-ditinjau"'):html.index('id="menyalin"')]
    assert "30 November 2026" in bagian  # the date it was computed for
    assert bagian.index("Ditetapkan Lama") < bagian.index("Segera")
    assert "Ditetapkan Baru" not in bagian
    assert bagian.count(">sudah lewat<") == 1 and "20 Desember 2026" in bagian and "10 Januari 2025" in bagian
    assert "ditetapkan 10 Januari 2024, setiap 12 bulan" in bagian


def test_the_poster_says_when_the_standard_was_last_reviewed():
    from generator.printing import inputs, render

    cat = load_catalog(Path(__file__).parents[1] / "standards")
    svc = cat.service("akta-kelahiran")
    assert svc.data.peninjauan.terakhir is not None
    p = inputs.PosterIn(inputs.layanan_in(svc, cat.instansi.situs), inputs.identitas(cat))
    kaki = render.html_poster(p, "a3", 14)
    assert f"Terakhir ditinjau {m.tanggal_id(svc.data.peninjauan.terakhir)}." in kaki


# -- public consultation (FKP) ------------------------------------------------------------------


def test_drafts_page_and_a_draft_past_its_deadline(tmp_path):
    """Issue 11: every open draft with its deadline on a page linked from the home page; a
    draft past its deadline is a peringatan at its deadline, and listed apart."""
    from generator.site.render import Opsi, bangun

    draf = "status: rancangan\nkonsultasi_publik:\n  batas: {batas}\n  cara: Kirim masukan ke loket.\n"
    root = tree(tmp_path, {
        "draf-terbuka": draf.format(batas="2026-12-31"),
        "draf-lewat": draf.format(batas="2026-11-01"),
        "berlaku": "",
    })
    cat = load_catalog(root, today=HARI_INI)
    lewat_ = [f for f in cat.findings if f.code == "konsultasi-lewat"]
    assert [(Path(f.file).stem, f.path, f.severity) for f in lewat_] == [("draf-lewat", "konsultasi_publik.batas", PERINGATAN)]
    assert "1 November 2026" in lewat_[0].message
    situs = bangun(cat, Opsi(site_url="https://standar.uji.contoh.go.id/"))
    html = {h.url: h.html for h in situs.halaman}
    page = html["rancangan/"]
    terbuka = page[page.index('id="terbuka"'):page.index('id="selesai"')]
    selesai = page[page.index('id="selesai"'):]
    assert "Draf Terbuka" in terbuka and "31 Desember 2026" in terbuka and "Kirim masukan ke loket." in terbuka
    assert "Draf Lewat" in selesai and "Draf Lewat" not in terbuka
    assert "Berlaku" not in page
    assert 'href="rancangan/"' in html[""] and "2 rancangan standar" in html[""]


def test_the_fkp_record_is_on_the_page_and_in_the_handbook(tmp_path):
    from generator.printing import jobs, render
    from generator.site.render import Opsi, bangun

    fkp = """fkp:
  tanggal: 2025-12-10
  berita_acara: BA-FKP/UJI/12/2025
  tempat: Aula kantor Dinas Uji
  peserta:
    - kelompok: Masyarakat pengguna layanan
      jumlah: 12
    - kelompok: Organisasi penyandang disabilitas
      jumlah: 3
  masukan:
    - masukan: Loket prioritas untuk lansia
      tindak_lanjut: Diterima; loket 1 menjadi loket prioritas
    - masukan: Layanan hari Sabtu
"""
    root = tree(tmp_path, {"dengan-fkp": fkp})
    cat = load_catalog(root, today=HARI_INI)
    assert not [f.text() for f in cat.findings if f.severity == "galat"]
    svc = cat.service("dengan-fkp")
    web = next(h.html for h in bangun(cat, Opsi(site_url="https://standar.uji.contoh.go.id/")).halaman if h.url == svc.url)
    buku = render.html_buku(jobs.plan(cat, "https://standar.uji.contoh.go.id/", kinds=("buku",)).tugas[0].masukan)
    for html in (web, buku):
        for teks in ("10 Desember 2025, berita acara BA-FKP/UJI/12/2025", "Aula kantor Dinas Uji",
                     "Masyarakat pengguna layanan: 12 orang", "Organisasi penyandang disabilitas: 3 orang",
                     "Jumlah: 15 orang", "Loket prioritas untuk lansia \u2014 Diterima; loket 1 menjadi loket prioritas",
                     "Layanan hari Sabtu \u2014 belum ada tindak lanjut tercatat"):
            assert teks in html, teks


def test_a_far_future_review_date_is_never_due_and_never_a_traceback(tmp_path):
    assert m.tambah_bulan(dt.date(9999, 6, 1), 12) == dt.date.max
    root = tree(tmp_path, {"jauh": "peninjauan:\n  terakhir: 9999-06-01\n"})
    cat = load_catalog(root, today=HARI_INI)
    assert not [f for f in cat.findings if f.code == "peninjauan-lewat"] and cat.service("jauh")
