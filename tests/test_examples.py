"""The example government in standards/: clean, clearly illustrative, and using every
structure the model offers (so the site, posters and exports are exercised on all of them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import model as m
from generator.catalog import load_catalog

REPO = Path(__file__).resolve().parent.parent
STANDARDS = REPO / "standards"


@pytest.fixture(scope="module")
def cat():
    return load_catalog(STANDARDS)


def test_examples_validate_without_errors_or_warnings(cat):
    assert [f.text() for f in cat.findings] == []


def test_three_units_and_at_least_ten_services(cat):
    ids = {u.id for u in cat.all_units()}
    assert {"diskominfo", "dpmptsp", "disdukcapil"} <= ids
    assert any("/" in i for i in ids), "a bidang inside an OPD"
    assert len(cat.services) >= 10
    names = " ".join(s.data.nama.lower() for s in cat.services)
    for word in ["112", "tanda tangan elektronik", "informasi publik", "bangunan gedung", "ktp-el", "akta kelahiran"]:
        assert word in names, word


def test_every_example_is_marked_contoh(cat):
    for s in cat.services:
        assert s.data.status == m.Status.contoh, s.file
        assert s.data.penetapan is None or "CONTOH" in s.data.penetapan.nomor, s.file
    assert "Contoh" in cat.instansi.nama


def test_every_file_points_to_its_schema():
    for p in STANDARDS.rglob("*.yaml"):
        first = p.read_text(encoding="utf-8").splitlines()[0]
        match = re.match(r"# yaml-language-server: \$schema=(\S+)$", first)
        assert match, p
        assert (p.parent / match.group(1)).resolve().is_file(), p


def _features(cat) -> set[str]:
    f: set[str] = set()
    for s in cat.services:
        d = s.data
        if s.origin.get("pengaduan", "layanan") != "layanan":
            f.add("inherits-component")
        for comp in m.KOMPONEN:
            unit_has = any(u.data.bawaan and getattr(u.data.bawaan, comp) for u in s.unit.chain())
            if unit_has and s.origin.get(comp) == "layanan":
                f.add("overrides-component")
        groups = m.kelompok_persyaratan(d.persyaratan)
        f.add("persyaratan-groups" if groups[0].kelompok else "persyaratan-list")
        if m.ketentuan_persyaratan(d.persyaratan):
            f.add("persyaratan-ketentuan")
        if d.label_asli:
            f.add("label-asli")
        for g in groups:
            for it in g.daftar:
                if isinstance(it, str):
                    f.add("item-text")
                    continue
                for attr in ["salah_satu", "jumlah", "kondisi", "diperoleh_dari", "keterangan", "masa_berlaku", "jenis"]:
                    if getattr(it, attr):
                        f.add(f"item-{attr}")
                if any(not isinstance(x, str) for x in it.salah_satu or []):
                    f.add("item-alternative-with-form")
                if len(it.bentuk) > 1:
                    f.add("item-bentuk-several")
                if not it.wajib:
                    f.add("item-optional")
        variants = m.varian_prosedur(d.prosedur)
        if len(variants) > 1 or variants[0].label:
            f.add("prosedur-variants")
        if isinstance(d.prosedur, m.ProsedurRinci) and d.prosedur.pengantar:
            f.add("prosedur-pengantar")
        for v in variants:
            for st in m.semua_langkah(v.langkah):
                f.add(f"actor-{st.jenis().value}")
                if not st.pelaksana:
                    f.add("step-without-actor")
                elif len(st.pelaksana) > 1:
                    f.add("step-several-actors")
                if st.rincian:
                    f.add("step-rincian")
                if st.hasil:
                    f.add("step-hasil")
                if st.waktu:
                    f.add("step-waktu")
                for c in st.cabang:
                    f.add("branch")
                    if c.teks:
                        f.add("branch-verbatim")
                    if c.langkah:
                        f.add("branch-nested-steps")
                    if c.selesai:
                        f.add("branch-selesai")
                    if c.ke_langkah:
                        f.add("branch-ke-langkah")
        jw = d.jangka_waktu
        durs = [jw, *jw.bagian] + [st.waktu for v in variants for st in v.langkah if st.waktu]
        for du in durs:
            if du.satuan:
                f.add(f"satuan-{du.satuan.value}")
            if du.dari is not None:
                f.add("duration-range")
            if du.maksimal:
                f.add("duration-max")
        if jw.sejak or any(b.sejak for b in jw.bagian):
            f.add("duration-sejak")
        if jw.bagian:
            f.add("duration-bagian")
        if jw.teks and jw.punya_angka():
            f.add("duration-wording-read")
        if jw.pilihan:
            f.add("duration-pilihan")
        if jw.perpanjangan:
            f.add("duration-perpanjangan")
        if jw.hanya_teks() or any(not p.punya_angka() and p.teks for p in jw.pilihan):
            f.add("duration-text")  # the explicit, flagged free-text fallback
        b = d.biaya
        if b.gratis:
            f.add("biaya-gratis")
        if b.jumlah:
            f.add("biaya-jumlah")
        if b.rumus:
            f.add("biaya-rumus")
        if any(t.rincian for t in b.tarif):
            f.add("biaya-tarif-nested")
        if b.tarif and any(t.gratis for t in b.tarif) and not b.adalah_gratis():
            f.add("biaya-payer-dependent")
        if b.cara_bayar:
            f.add("biaya-cara-bayar")
        if b.teks:
            f.add("biaya-wording")
        if b.ditanggung_oleh:
            f.add("biaya-ditanggung")
        if b.gratis and b.keterangan:
            f.add("biaya-gratis-with-costs")
        if any(not isinstance(p, str) for p in d.produk):
            f.add("produk-items")
        if any(not isinstance(p, str) and p.jika for p in d.produk):
            f.add("produk-conditional")
        for c in d.pengaduan.saluran:
            f.add(f"channel-{c.jenis.value}")
            if not c.nilai:
                f.add("channel-without-value")
            if c.platform:
                f.add("channel-platform")
            if c.tata_cara:
                f.add("channel-procedure")
        for attr in ("kriteria", "petugas", "dasar_hukum"):
            if getattr(d.pengaduan, attr):
                f.add(f"pengaduan-{attr}")
        for komp in m.KOMPONEN_INTERNAL:
            v = getattr(d, komp)
            if isinstance(v, list) and any(isinstance(x, m.ButirUraian) for x in v):
                f.add("uraian-nested")
        if isinstance(d.kompetensi_pelaksana, list) and any(
                not isinstance(k, str) and any(isinstance(x, m.ButirUraian) for x in k.kompetensi or [])
                for k in d.kompetensi_pelaksana):
            f.add("uraian-nested")
        if isinstance(d.jumlah_pelaksana, m.JumlahPelaksanaRinci):
            f.add("jumlah-pelaksana-rinci")
        if d.pengaduan.waktu_penyelesaian:
            f.add("tiered-resolution")
        if d.pengaduan.tata_cara:
            f.add("tata-cara")
        for p in d.dasar_hukum or []:
            f.add("law-text" if isinstance(p, str) else "law-structured")
        for sp in d.sarana_prasarana or []:
            if not isinstance(sp, str) and sp.rincian:
                f.add("sarana-nested")
            if not isinstance(sp, str) and sp.untuk_rentan():
                f.add("sarana-rentan")
        if any(not isinstance(k, str) for k in d.kompetensi_pelaksana or []):
            f.add("kompetensi-per-jabatan")
        if d.jumlah_pelaksana:
            f.add("jumlah-pelaksana")
        for attr in ["layanan_daring", "fkp", "peninjauan", "kode_sippn", "sinonim", "penetapan"]:
            if getattr(d, attr):
                f.add(attr)
        if s.own.jam_layanan:
            f.add("jam-override")
        if s.own.tempat_layanan:
            f.add("tempat-layanan")
    return f


EXPECTED = {
    "inherits-component", "overrides-component", "persyaratan-groups", "persyaratan-list", "item-text",
    "item-salah_satu", "item-jumlah", "item-kondisi", "item-diperoleh_dari", "item-keterangan",
    "item-bentuk-several", "item-optional", "prosedur-variants", "actor-pemohon", "actor-petugas",
    "actor-sistem", "actor-instansi lain", "step-hasil", "step-waktu", "branch", "branch-selesai",
    "branch-ke-langkah", "satuan-detik", "satuan-menit", "satuan-jam", "satuan-hari kerja",
    "satuan-hari kalender", "duration-range", "duration-max", "duration-sejak", "duration-pilihan",
    "duration-perpanjangan", "duration-text", "biaya-gratis", "biaya-jumlah", "biaya-rumus",
    "biaya-tarif-nested", "biaya-payer-dependent", "biaya-cara-bayar", "biaya-gratis-with-costs",
    "produk-items", *(f"channel-{j.value}" for j in m.JenisSaluran), "tiered-resolution", "tata-cara",
    "law-text", "law-structured", "sarana-nested", "sarana-rentan", "kompetensi-per-jabatan",
    "jumlah-pelaksana", "layanan_daring", "fkp", "peninjauan", "kode_sippn", "sinonim", "penetapan",
    "jam-override", "tempat-layanan",
    # Shapes of real published standards (verbatim first, structure on top).
    "persyaratan-ketentuan", "label-asli", "item-masa_berlaku", "item-jenis", "item-alternative-with-form",
    "prosedur-pengantar", "step-without-actor", "step-several-actors", "step-rincian", "branch-verbatim",
    "branch-nested-steps", "duration-bagian", "duration-wording-read", "biaya-wording", "biaya-ditanggung",
    "produk-conditional", "channel-without-value", "channel-platform", "channel-procedure", "pengaduan-kriteria",
    "pengaduan-petugas", "pengaduan-dasar_hukum", "uraian-nested", "jumlah-pelaksana-rinci",
}


def test_examples_use_every_structure(cat):
    assert EXPECTED - _features(cat) == set()


def test_search_words_from_the_issue_are_synonyms(cat):
    sinonim = {w.lower() for s in cat.services for w in (s.data.sinonim or [])}
    assert {"akta lahir", "ktp", "izin bangunan"} <= sinonim
