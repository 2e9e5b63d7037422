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
        for g in groups:
            for it in g.daftar:
                if isinstance(it, str):
                    f.add("item-text")
                    continue
                for attr in ["salah_satu", "jumlah", "kondisi", "diperoleh_dari", "keterangan"]:
                    if getattr(it, attr):
                        f.add(f"item-{attr}")
                if len(it.bentuk) > 1:
                    f.add("item-bentuk-several")
                if not it.wajib:
                    f.add("item-optional")
        variants = m.varian_prosedur(d.prosedur)
        if len(variants) > 1 or variants[0].label:
            f.add("prosedur-variants")
        for v in variants:
            for st in v.langkah:
                f.add(f"actor-{st.jenis().value}")
                if st.hasil:
                    f.add("step-hasil")
                if st.waktu:
                    f.add("step-waktu")
                for c in st.cabang:
                    f.add("branch")
                    if c.selesai:
                        f.add("branch-selesai")
                    if c.ke_langkah:
                        f.add("branch-ke-langkah")
        jw = d.jangka_waktu
        durs = [jw] + [st.waktu for v in variants for st in v.langkah if st.waktu]
        for du in durs:
            if du.satuan:
                f.add(f"satuan-{du.satuan.value}")
            if du.dari is not None:
                f.add("duration-range")
            if du.maksimal:
                f.add("duration-max")
        if jw.sejak:
            f.add("duration-sejak")
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
        if b.gratis and b.keterangan:
            f.add("biaya-gratis-with-costs")
        if any(not isinstance(p, str) for p in d.produk):
            f.add("produk-items")
        for c in d.pengaduan.saluran:
            f.add(f"channel-{c.jenis.value}")
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
}


def test_examples_use_every_structure(cat):
    assert EXPECTED - _features(cat) == set()


def test_search_words_from_the_issue_are_synonyms(cat):
    sinonim = {w.lower() for s in cat.services for w in (s.data.sinonim or [])}
    assert {"akta lahir", "ktp", "izin bangunan"} <= sinonim
