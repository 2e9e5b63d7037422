"""What staff write, and what the catalog makes of it: structures, business rules,
inheritance and the cross-file checks, each with the Indonesian finding staff see."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import model as m
from generator.catalog import load_catalog, validate_paths
from tests.conftest import SERVICE, UNIT


def svc(tree, text: str, name: str = "uji/layanan-uji.yaml", **kw):
    root = tree({name: text}, **kw)
    return load_catalog(root, today=dt.date(2026, 11, 23))


def by_code(cat, code):
    return [f for f in cat.findings if f.code == code]


# -- persyaratan -------------------------------------------------------------------------

GROUPS = SERVICE.replace(
    "persyaratan:\n  - KTP-el\n",
    """persyaratan:
  - kelompok: Penduduk baru
    daftar:
      - Kartu Keluarga
      - dokumen: Identitas
        salah_satu: [KTP-el, SIM]
        bentuk: [fotokopi, dilegalisir]
        jumlah: 2
        wajib: tidak
        kondisi: jika pindahan
        diperoleh_dari: Kelurahan
  - kelompok: KTP hilang
    daftar: [Surat kehilangan dari kepolisian]
""",
)


def test_requirement_groups_and_item_details(tree):
    cat = svc(tree, GROUPS)
    assert cat.ok, cat.findings
    groups = m.kelompok_persyaratan(cat.services[0].data.persyaratan)
    assert [g.kelompok for g in groups] == ["Penduduk baru", "KTP hilang"]
    item = groups[0].daftar[1]
    assert item.salah_satu == ["KTP-el", "SIM"]
    assert item.label_bentuk() == "fotokopi, dilegalisir, 2 rangkap"
    assert item.wajib is False and item.kondisi == "jika pindahan"


def test_plain_requirement_list_is_one_unnamed_group(tree):
    cat = svc(tree, SERVICE)
    groups = m.kelompok_persyaratan(cat.services[0].data.persyaratan)
    assert len(groups) == 1 and groups[0].kelompok == "" and groups[0].daftar == ["KTP-el"]


def test_unknown_form_suggests_the_right_word(tree):
    cat = svc(tree, GROUPS.replace("[fotokopi, dilegalisir]", "[fotocopy]"))
    (f,) = by_code(cat, "pilihan-tidak-sah")
    assert f.path == "persyaratan[0].daftar[1].bentuk[0]"
    assert "Mungkin maksud Anda 'fotokopi'" in f.message
    assert f.line == 11


# -- prosedur ----------------------------------------------------------------------------

VARIANTS = SERVICE.replace(
    """prosedur:
  - pelaksana: Pemohon
    uraian: Datang ke loket
    waktu: 10 menit
  - pelaksana: Petugas Loket
    uraian: Memproses permohonan
    waktu: 1 jam
""",
    """prosedur:
  tatap_muka:
    - pelaksana: Pemohon
      uraian: Datang ke loket
    - pelaksana: Petugas Loket
      uraian: Memeriksa berkas
      cabang:
        - jika: Berkas tidak lengkap
          maka: Dikembalikan
          ke_langkah: 1
        - jika: Lengkap
          ke_langkah: 3
    - pelaksana: Sistem SIAK
      jenis_pelaksana: sistem
      uraian: Mencetak dokumen
  daring:
    - pelaksana: Pemohon
      uraian: Mengisi formulir di aplikasi
""",
)


def test_in_person_and_online_variants_with_branches(tree):
    cat = svc(tree, VARIANTS)
    assert cat.ok, cat.findings
    variants = m.varian_prosedur(cat.services[0].data.prosedur)
    assert [v.label for v in variants] == ["Tatap muka", "Daring"]
    steps = variants[0][1]
    assert steps[1].cabang[0].ke_langkah == 1
    assert [s.jenis() for s in steps] == [m.JenisPelaksana.pemohon, m.JenisPelaksana.petugas, m.JenisPelaksana.sistem]


def test_branch_to_missing_step_is_an_error(tree):
    cat = svc(tree, VARIANTS.replace("ke_langkah: 3", "ke_langkah: 9"))
    (f,) = by_code(cat, "langkah-tidak-ada")
    assert "langkah 9" in f.message and "3 langkah" in f.message


# -- jangka waktu ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "yaml_text, plain, iso",
    [
        # Published wording is shown as written; working days never become ISO (calendar) days.
        ("paling lama 3 hari kerja", "paling lama 3 hari kerja", None),
        ("30-60 detik", "30-60 detik", "PT60S"),
        ("15 menit", "15 menit", "PT15M"),
        ('"1x24 jam"', "1x24 jam", "PT24H"),
        ('"Maksimal 2×24 jam."', "Maksimal 2×24 jam.", "PT48H"),
        ('"30detik - 1 menit"', "30detik - 1 menit", "PT1M"),
        ('"± 15 Menit (Jaringan Internet Stabil)"', "± 15 Menit (Jaringan Internet Stabil)", "PT15M"),
        ("{nilai: 14, satuan: hari kalender}", "14 hari kalender", "P14D"),
        # Structure written by the editor reads as plain Indonesian; sejak is always shown.
        ("{nilai: 2, satuan: jam, sejak: berkas diterima}", "2 jam sejak berkas diterima", "PT2H"),
        ("{teks: paling lama 2 jam, sejak: berkas diterima}", "paling lama 2 jam sejak berkas diterima", "PT2H"),
        (
            "{nilai: 10, satuan: hari kerja, perpanjangan: 7 hari kerja}",
            "10 hari kerja, dapat diperpanjang 7 hari kerja",
            None,
        ),
        (
            "{pilihan: [{jika: paling lama 60 hari sejak lahir, nilai: 1, satuan: jam},"
            " {jika: lebih dari 60 hari, nilai: 2, satuan: jam}]}",
            "1 jam jika paling lama 60 hari sejak lahir; 2 jam jika lebih dari 60 hari",
            "PT2H",
        ),
        (
            "{bagian: [{nama: Door to doctor, teks: maksimal 5 menit}, {nama: Lama di IGD, teks: maksimal 6 jam}]}",
            "Door to doctor: maksimal 5 menit; Lama di IGD: maksimal 6 jam",
            None,
        ),
        (
            "{teks: paling lama 6 jam, lebih_lama_jika: pasien memerlukan observasi}",
            "paling lama 6 jam, atau lebih bila pasien memerlukan observasi",
            None,
        ),
        (
            "{teks: 1 hari kerja, waktu_tunggu: paling lama 10 menit sejak antrean sebelumnya selesai}",
            "1 hari kerja; waktu tunggu: paling lama 10 menit sejak antrean sebelumnya selesai",
            None,
        ),
    ],
)
def test_durations_read_as_plain_indonesian_and_iso8601(tree, yaml_text, plain, iso):
    text = SERVICE.replace("jangka_waktu: paling lama 1 hari kerja", f"jangka_waktu: {yaml_text}")
    text = text.replace("waktu: 1 jam", "waktu: 1 menit").replace("waktu: 10 menit", "waktu: 1 detik")
    cat = svc(tree, text)
    assert cat.ok, cat.findings
    d = cat.services[0].data.jangka_waktu
    assert d.teks_ringkas() == plain
    assert d.iso8601() == iso


def test_free_text_duration_is_flagged_with_a_warning(tree):
    text = SERVICE.replace("jangka_waktu: paling lama 1 hari kerja", "jangka_waktu: {teks: Sesuai SLA sistem OSS}")
    cat = svc(tree, text)
    assert cat.ok
    d = cat.services[0].data.jangka_waktu
    assert d.hanya_teks() and d.iso8601() is None and d.teks_ringkas() == "Sesuai SLA sistem OSS"
    (f,) = by_code(cat, "durasi-tanpa-angka")
    assert f.severity == "peringatan" and f.path == "jangka_waktu"


def test_bare_hari_is_accepted_as_written_with_a_warning(tree):
    cat = svc(tree, SERVICE.replace("paling lama 1 hari kerja", '"3 (tiga) hari"'))
    assert cat.ok, cat.findings
    d = cat.services[0].data.jangka_waktu
    assert d.teks_ringkas() == "3 (tiga) hari" and d.satuan == m.Satuan.hari and d.iso8601() is None
    (f,) = by_code(cat, "hari-tanpa-jenis")
    assert f.severity == "peringatan" and f.path == "jangka_waktu"
    assert "hari kerja" in f.message and "bila tidak, biarkan" in f.message


def test_steps_longer_than_total_warn(tree):
    cat = svc(tree, SERVICE.replace("waktu: 1 jam", "waktu: 2 hari kerja"))
    (f,) = by_code(cat, "waktu-langkah-melebihi")
    assert f.severity == "peringatan"
    assert "2 hari kerja" in f.message or "2,0" in f.message


# -- biaya -------------------------------------------------------------------------------


def test_free_shorthand(tree):
    cat = svc(tree, SERVICE)
    b = cat.services[0].data.biaya
    assert b.adalah_gratis() and b.teks_ringkas().startswith("Gratis")


def test_paid_fee_without_legal_basis_is_an_error(tree):
    cat = svc(tree, SERVICE.replace("biaya: Gratis", "biaya:\n  jumlah: 50000\n  satuan: per dokumen"))
    (f,) = by_code(cat, "biaya-tanpa-dasar-hukum")
    assert f.path == "biaya" and (f.line, f.column) == (15, 1)
    assert "dasar_hukum" in f.message


@pytest.mark.parametrize("tertulis", ["Rp50.000", "Rp. 50.000,-", "50.000", "Rp 50.000,00"])
def test_rupiah_as_published_is_read(tree, tertulis):
    cat = svc(tree, SERVICE.replace("biaya: Gratis", f'biaya:\n  jumlah: "{tertulis}"\n  dasar_hukum: Perda 1/2026'))
    assert cat.ok, cat.findings
    assert cat.services[0].data.biaya.jumlah == 50000


def test_unreadable_amount_is_told_how_to_keep_the_wording(tree):
    cat = svc(tree, SERVICE.replace("biaya: Gratis", "biaya:\n  jumlah: lima puluh ribu"))
    (f,) = by_code(cat, "rupiah-tidak-terbaca")
    assert f.path == "biaya.jumlah" and "teks:" in f.message


@pytest.mark.parametrize(
    "tertulis, gratis",
    [
        ("Tidak dipungut biaya (gratis)", True),
        ("Tidak berbayar", True),
        ("Gratis/ Tanpa dipungut biaya", True),
        ("Rp. 0,- / tidak dipungut biaya (gratis)", True),
        ("Sesuai tarif PNBP yang berlaku", False),
        ("Retribusi dipungut Berdasarkan Peraturan Daerah", False),
    ],
)
def test_fee_wording_is_kept_and_free_is_recognised(tree, tertulis, gratis):
    cat = svc(tree, SERVICE.replace("biaya: Gratis", f'biaya: "{tertulis}"'))
    assert cat.ok, cat.findings
    b = cat.services[0].data.biaya
    assert b.adalah_gratis() is gratis and b.teks_ringkas() == tertulis
    # A reference without an amount is not a charge the validator can ask a legal basis for.
    assert not by_code(cat, "biaya-tanpa-dasar-hukum")


def test_nested_and_payer_dependent_tariffs(tree):
    text = SERVICE.replace(
        "biaya: Gratis",
        """biaya:
  tarif:
    - nama: Peserta BPJS
      gratis: ya
    - nama: Gedung Serbaguna
      rincian:
        - nama: Ruang A
          jumlah: 500000
          satuan: per hari
  dasar_hukum: Peraturan Daerah Kota Uji Nomor 0 Tahun 2026
  cara_bayar: [QRIS]""",
    )
    cat = svc(tree, text)
    assert cat.ok, cat.findings
    b = cat.services[0].data.biaya
    assert not b.adalah_gratis()
    assert b.tarif[1].rincian[0].jumlah == 500000
    assert m.rupiah(500000) == "Rp500.000"


# -- pengaduan ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "jenis, nilai, href",
    [
        ("telepon", "(0548) 000 1234", "tel:+625480001234"),
        ("whatsapp", "0812-3456-7890", "https://wa.me/6281234567890"),
        ("email", "aduan@uji.contoh.go.id", "mailto:aduan@uji.contoh.go.id"),
        ("sp4n_lapor", "https://www.lapor.go.id", "https://www.lapor.go.id"),
        ("sms", "1708", "sms:1708"),
        ("telepon", "0548–21011", "tel:+625482101 1".replace(" ", "")),
        ("website", "www.lapor.go.id", "https://www.lapor.go.id"),
        ("media_sosial", "@diskominfo", None),
        ("telepon", None, None),
        ("surat", "Jalan Uji 1", None),
    ],
)
def test_channel_links(jenis, nilai, href):
    assert m.Saluran(jenis=jenis, nilai=nilai).tautan() == href


def test_several_numbers_in_one_entry_each_get_a_link():
    s = m.Saluran(jenis="telepon", nilai="(0548) 21011 / 0812–3456–7890")
    assert s.bagian_nilai() == [
        ("(0548) 21011", "tel:+6254821011"), (" / ", None), ("0812–3456–7890", "tel:+6281234567890"),
    ]


@pytest.mark.parametrize(
    "jenis, nilai, code, severity",
    [
        # Shown as published, without a link, and the editor is told why.
        ("telepon", "12ab", "telepon-tidak-terbaca", "peringatan"),
        ("whatsapp", "1708", "telepon-tidak-terbaca", "peringatan"),
        ("email", "bukan-email", "email-tidak-terbaca", "peringatan"),
        ("website", "http://uji.go.id", "http-tidak-aman", "peringatan"),
        ("website", "uji.go.id", "tanpa-https", "peringatan"),
        ("media_sosial", "@dinasuji", "akun-tanpa-platform", "peringatan"),
        ("website", "@dinasuji", "akun-media-sosial", "peringatan"),
        # A link that would run code is refused.
        ("sp4n_lapor", "javascript:alert(1)", "tautan-tidak-aman", "galat"),
    ],
)
def test_channel_values_are_checked_for_their_type(tree, jenis, nilai, code, severity):
    text = SERVICE + f"pengaduan:\n  saluran:\n    - jenis: {jenis}\n      nilai: \"{nilai}\"\n"
    cat = svc(tree, text)
    (f,) = by_code(cat, code)
    assert f.path == "pengaduan.saluran[0].nilai" and f.line == 20 and f.severity == severity


def test_channel_without_value_and_complaints_without_channels(tree):
    text = SERVICE + "pengaduan:\n  saluran:\n    - jenis: kotak_saran\n    - jenis: telepon\n"
    cat = svc(tree, text)
    assert cat.ok, cat.findings
    assert [c.nama_tampil() for c in cat.services[0].own.pengaduan.saluran] == ["Kotak saran", "Telepon"]
    only_steps = SERVICE + "pengaduan:\n  tata_cara:\n    - Pengadu mengisi formulir\n"
    cat = svc(tree, only_steps)
    assert cat.ok, cat.findings
    assert cat.services[0].own.pengaduan.tata_cara == ["Pengadu mengisi formulir"]


def test_emergency_number_is_not_a_complaint_channel(tree):
    text = SERVICE + 'pengaduan:\n  saluran:\n    - jenis: telepon\n      nilai: "112"\n'
    cat = svc(tree, text)
    assert by_code(cat, "112-bukan-pengaduan")


def test_missing_sp4n_lapor_warns(tree):
    from tests.conftest import INSTANSI

    bare = INSTANSI.split("saluran_bersama:")[0]
    cat = svc(tree, SERVICE, instansi=bare)
    (f,) = by_code(cat, "tanpa-sp4n-lapor")
    assert f.severity == "catatan"


# -- inheritance -------------------------------------------------------------------------


def test_services_inherit_unit_defaults_and_shared_channels(tree):
    cat = svc(tree, SERVICE)
    s = cat.services[0]
    assert s.origin["pengaduan"] == "uji" and s.origin["persyaratan"] == "layanan"
    kinds = [c.jenis.value for c in s.data.pengaduan.saluran]
    assert kinds == ["telepon", "sp4n_lapor"]  # unit channel, then the government's shared one
    assert s.data.tempat_layanan == "Jalan Uji Nomor 1"
    assert s.data.jam_layanan[0].teks() == "Senin–Jumat, 08.00–15.00"
    assert s.own.pengaduan is None  # the file as written is untouched


def test_service_overrides_a_component(tree):
    text = SERVICE + "sarana_prasarana: [Loket khusus]\n"
    s = svc(tree, text).services[0]
    assert s.data.sarana_prasarana == ["Loket khusus"] and s.origin["sarana_prasarana"] == "layanan"


def test_bidang_inherits_from_its_opd(tree):
    root = tree({"uji/bidang-a/_unit.yaml": "nama: Bidang A\n", "uji/bidang-a/layanan-b.yaml": SERVICE})
    cat = load_catalog(root)
    s = cat.service("layanan-b")
    assert s.unit.id == "uji/bidang-a" and s.unit.top.id == "uji"
    assert s.origin["dasar_hukum"] == "uji"
    assert s.data.tempat_layanan == "Jalan Uji Nomor 1"


# -- cross-file checks -------------------------------------------------------------------


def test_duplicate_slug_across_units(tree):
    root = tree({"uji/sama.yaml": SERVICE, "lain/_unit.yaml": UNIT, "lain/sama.yaml": SERVICE})
    f = [x for x in load_catalog(root).findings if x.code == "slug-ganda"]
    # folders are read in name order: lain/ first, so uji/sama.yaml is the duplicate
    assert len(f) == 1 and f[0].file.endswith("uji/sama.yaml") and "lain/sama.yaml" in f[0].message


def test_unit_folder_without_unit_file(tree):
    root = tree({"tanpa-unit/layanan.yaml": SERVICE})
    (f,) = [x for x in load_catalog(root).findings if x.code == "unit-tidak-ada"]
    assert "_unit.yaml" in f.message


def test_missing_components_are_compliance_notes_not_errors(tree):
    bare_unit = UNIT.split("bawaan:")[0]
    cat = svc(tree, SERVICE.replace("produk: Surat keterangan\n", ""), unit=bare_unit)
    assert cat.ok and cat.services  # still published, with the gap shown as such
    public = by_code(cat, "komponen-publik-tidak-ada")
    assert {f.severity for f in public} == {"catatan"}
    assert any("'produk'" in f.message for f in public) and any("'pengaduan'" in f.message for f in public)
    internal = by_code(cat, "komponen-internal-tidak-ada")
    assert len(internal) == 8 and {f.severity for f in internal} == {"catatan"}
    assert any("'evaluasi_kinerja'" in f.message for f in internal)


def test_review_date_passed_warns(tree):
    text = SERVICE + "peninjauan:\n  terakhir: 2024-01-01\n  berikutnya: 2025-01-01\n"
    (f,) = by_code(svc(tree, text), "peninjauan-lewat")
    assert f.path == "peninjauan.berikutnya" and f.line == 19


def test_unknown_key_suggests_closest(tree):
    cat = svc(tree, SERVICE.replace("produk:", "produck:"))
    (f,) = by_code(cat, "kunci-tidak-dikenal")
    assert "Mungkin maksud Anda 'produk'" in f.message and f.line == 16 and f.column == 1


def test_missing_key_names_it_and_gives_an_example(tree):
    cat = svc(tree, SERVICE.replace("nama: Layanan Uji\n", ""))
    (f,) = by_code(cat, "kunci-wajib")
    assert "'nama'" in f.message and "Contoh: nama: Penerbitan Akta Kelahiran" in f.message


def test_summary_and_category_are_suggested_not_required(tree):
    cat = svc(tree, SERVICE.replace("kategori: Uji\n", "").replace("ringkasan: Layanan untuk menguji.\n", ""))
    assert cat.ok and cat.services
    assert {f.severity for f in by_code(cat, "tanpa-kategori") + by_code(cat, "tanpa-ringkasan")} == {"peringatan"}


def test_validated_service_is_unchanged_text(tree):
    # Nothing a person wrote is silently changed: text comes through verbatim.
    text = SERVICE.replace("Layanan untuk menguji.", '"  Spasi, tanda: dan 0012 tetap  "')
    s = svc(tree, text).services[0]
    assert s.data.ringkasan == "  Spasi, tanda: dan 0012 tetap  "


def test_validate_paths_reports_only_requested_file(tree):
    root = tree({"uji/baik.yaml": SERVICE, "uji/rusak.yaml": SERVICE.replace("kategori: Uji", "kategori: [")})
    only_good = validate_paths([root / "uji" / "baik.yaml"])
    assert not [f for f in only_good if f.severity == "galat"]
    assert validate_paths([root / "uji" / "rusak.yaml"])[0].code == "yaml-sintaks"


def test_berlaku_needs_a_decree_which_may_come_from_the_unit(tree):
    berlaku = SERVICE.replace("status: contoh", "status: berlaku")
    cat = svc(tree, berlaku)
    (f,) = by_code(cat, "penetapan-tidak-ada")
    assert f.severity == "catatan" and f.line == 4 and cat.ok
    unit = UNIT + "penetapan:\n  nomor: 000/CONTOH/2026\n  tanggal: 2026-01-05\n  pejabat: Kepala Dinas Uji\n"
    cat = svc(tree, berlaku, unit=unit)
    assert cat.ok, cat.findings
    assert cat.services[0].data.penetapan.nomor == "000/CONTOH/2026"


def test_round_the_clock_hours():
    j = m.JamLayanan(hari="Setiap hari", buka="00:00", tutup="24:00")
    assert j.teks() == "Setiap hari, 00.00–24.00"


def test_text_only_duration_in_unit_defaults_warns_once_at_the_unit(tree):
    unit = UNIT.replace("bawaan:\n", "bawaan:\n  jangka_waktu: {teks: Sesuai SLA sistem OSS}\n")
    text = SERVICE.replace("jangka_waktu: paling lama 1 hari kerja\n", "")
    root = tree({"uji/a.yaml": text, "uji/b.yaml": text}, unit=unit)
    f = [x for x in load_catalog(root).findings if x.code == "durasi-tanpa-angka"]
    assert len(f) == 1 and f[0].file.endswith("_unit.yaml") and f[0].path == "bawaan.jangka_waktu"


@pytest.mark.parametrize(
    "cabang, ringkas, kalimat",
    [
        ({"jika": "Berkas tidak lengkap", "maka": "Berkas dikembalikan.", "ke_langkah": 1}, False,
         "Jika berkas tidak lengkap: berkas dikembalikan; kembali ke langkah 1."),
        ({"jika": "Berkas tidak lengkap", "maka": "Berkas dikembalikan.", "ke_langkah": 1}, True,
         "Jika berkas tidak lengkap: kembali ke langkah 1."),
        ({"jika": "Lengkap", "ke_langkah": 3}, False, "Jika lengkap: lanjut ke langkah 3."),
        ({"jika": "Risiko rendah", "ke_langkah": 7}, False, "Jika risiko rendah: langsung ke langkah 7."),
        ({"jika": "KTP-el rusak", "maka": "Dicetak ulang", "selesai": "ya"}, True, "Jika KTP-el rusak: layanan selesai."),
        ({"jika": "Ditolak", "maka": "Pemohon diberi surat penolakan"}, True,
         "Jika ditolak: pemohon diberi surat penolakan."),
    ],
)
def test_branch_sentence_is_the_same_everywhere(cabang, ringkas, kalimat):
    # One rule for the web page, the flow diagram and the poster (step 2 of a list).
    assert m.Cabang.model_validate(cabang).kalimat(2, ringkas) == kalimat


def test_tariff_row_price():
    assert m.Tarif(nama="Umum", jumlah=25000).harga() == "Rp25.000"
    assert m.Tarif(nama="BPJS", gratis=True).harga() == "Gratis"
    assert m.Tarif(nama="Gedung", rincian=[m.Tarif(nama="Ruang", jumlah=0)]).harga() == ""
    assert m.tanggal_id(dt.date(2026, 1, 5)) == "5 Januari 2026"


def test_component_missing_from_the_copy_is_told_apart_from_one_the_standard_lacks(tree):
    text = SERVICE.replace("produk: Surat keterangan\n", "") + (
        "sumber:\n  url: https://sippn.menpan.go.id/x\n  tidak_tersedia: [produk]\n")
    cat = svc(tree, text)
    assert cat.ok, cat.findings
    d = cat.services[0].data
    assert d.kosong("produk") == m.TIDAK_TERSEDIA and d.kosong("pengawasan_internal") == m.TIDAK_DICANTUMKAN
    (f,) = by_code(svc(tree, text.replace("[produk]", "[produkk]")), "komponen-tidak-dikenal")
    assert "produkk" in f.message and "produk" in f.message


def test_an_error_in_one_component_does_not_hide_the_findings_of_the_others(tree):
    text = SERVICE.replace("biaya: Gratis", "biaya:\n  jumlah: lima puluh ribu").replace(
        "paling lama 1 hari kerja", '"3 (tiga) hari"')
    cat = svc(tree, text)
    codes = {f.code for f in cat.findings}
    assert {"rupiah-tidak-terbaca", "hari-tanpa-jenis"} <= codes  # the galat and the other component's warning
    assert not cat.services  # a file with a galat is never published


@pytest.mark.parametrize(
    "teks, bacaan",
    [
        ("2 x 24 jam", {"nilai": 48, "satuan": "jam"}),
        ("1 jam 30 menit", {"nilai": 90, "satuan": "menit"}),
        ("1.440 menit", {"nilai": 1440, "satuan": "menit"}),
        ("Jangka waktu penyelesaian pelayanan adalah 3 hari kerja", {"nilai": 3, "satuan": "hari kerja"}),
        ("Pelayanan dalam jaringan 15 menit", {"nilai": 15, "satuan": "menit"}),  # "dalam" is not "maksimal"
        ("dalam waktu 3 hari kerja", {"nilai": 3, "satuan": "hari kerja", "maksimal": True}),
        ("12 jam x 2", {}),  # for the editor to say
        ("1 hari s/d 2 hari kerja", {}),  # working and calendar days cannot be compared
        ("Paling lambat 1 hari Penerbitan PBG, Paling Lambat 3 hari Penerbitan SLF", {}),  # two durations
    ],
)
def test_published_durations_are_read_or_left_as_written(teks, bacaan):
    assert m.baca_durasi(teks) == bacaan


@pytest.mark.parametrize("teks", ["1" + " " * 5000 + "!", "3 hari sejak a" + " " * 40000 + "b", "1 " * 50000,
                                  "Rp 0,00 " * 16 + "x"])
def test_hostile_durations_and_values_do_not_hang(teks):
    # Inputs that made earlier regexes backtrack for minutes (found in review): they are
    # read, quickly, as no duration, not free, and no phone link.
    assert m.baca_durasi(teks) == {} and not m.teks_gratis(teks)
    assert not [h for _, h in m.Saluran(jenis="telepon", nilai=teks).bagian_nilai() if h]


@pytest.mark.parametrize(
    "nilai, tautan",
    [
        ("0541-123456 (08.00-16.00 WITA)", ["tel:+62541123456"]),
        ("Senin-Jumat (07.30-16.00)", []),
        ("1500 400", ["tel:1500400"]),
        ("(0725) 49638,49313", ["tel:+6272549638"]),
    ],
)
def test_phone_links_only_for_numbers(nilai, tautan):
    assert [h for _, h in m.Saluran(jenis="telepon", nilai=nilai).bagian_nilai() if h] == tautan


@pytest.mark.parametrize("alamat", ['https://contoh.go.id/"><svg/onload=alert(1)>', "javascript:alert(1)",
                                    "https://contoh.go.id/<script>"])
def test_a_web_address_that_could_break_out_of_a_link_is_refused(tree, alamat):
    cat = svc(tree, SERVICE + f"layanan_daring: '{alamat}'\n")
    assert not cat.ok and {f.code for f in cat.findings} & {"url-tidak-sah", "tautan-tidak-aman"}


def test_an_empty_text_is_told_so(tree):
    cat = svc(tree, SERVICE.replace("nama: Layanan Uji", 'nama: "   "'))
    (f,) = by_code(cat, "teks-kosong")
    assert f.path == "nama" and f.line == 1 and "kosong" in f.message
