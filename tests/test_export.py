"""Open data: what a re-user of standar.json / standar.csv / JSON-LD gets."""

from __future__ import annotations

import csv
import io
import json

from generator.catalog import load_catalog
from generator.export import catalog_csv, catalog_json, jsonld, jsonld_html
from tests.conftest import SERVICE

PAID = SERVICE.replace(
    "biaya: Gratis", "biaya:\n  jumlah: 25000\n  satuan: per dokumen\n  dasar_hukum: Perda Kota Uji 0/2026"
).replace("Layanan untuk menguji.", "Layanan </script><script>alert(1)</script> & uji.")


def test_catalog_json_has_resolved_services(tree):
    cat = load_catalog(tree({"uji/a.yaml": SERVICE}))
    data = json.loads(catalog_json(cat, "https://standar.uji.contoh.go.id/"))
    (s,) = data["layanan"]
    assert s["url"] == "https://standar.uji.contoh.go.id/layanan/a/"
    assert s["pengaduan"]["saluran"][0]["nilai"] == "(0548) 000 1111"  # inherited from the unit
    # The wording as written; working days have no ISO 8601 form.
    assert s["ikhtisar"] == {"jangka_waktu": "Paling lama 1 hari kerja", "jangka_waktu_iso8601": None,
                             "biaya": "Gratis", "gratis": True}
    assert data["unit"][0]["layanan"] == ["a"]


def test_csv_one_row_per_service_and_formula_cells_neutralised(tree):
    # OWASP: every cell starting with = + - @ tab or CR (also after leading whitespace) gets a
    # leading apostrophe, phone numbers like +62 included (tests/test_hostile_loader.py).
    evil = SERVICE.replace("Layanan Uji", "=HYPERLINK(\"http://x\")")
    cat = load_catalog(tree({"uji/a.yaml": SERVICE, "uji/b.yaml": evil}))
    rows = list(csv.DictReader(io.StringIO(catalog_csv(cat))))
    assert len(rows) == 2
    names = {r["slug"]: r["nama"] for r in rows}
    assert names["b"].startswith("'=")
    assert rows[0]["gratis"] == "ya"


def test_jsonld_government_service(tree):
    cat = load_catalog(tree({"uji/a.yaml": PAID}))
    ld = jsonld(cat.services[0], cat, "https://standar.uji.contoh.go.id/")
    assert ld["@type"] == "GovernmentService"
    assert ld["provider"]["name"] == "Dinas Uji"
    assert ld["areaServed"]["name"] == "Kota Uji"
    assert ld["offers"] == {"@type": "Offer", "priceCurrency": "IDR", "price": 25000}
    phones = [c["servicePhone"]["telephone"] for c in ld["availableChannel"] if "servicePhone" in c]
    assert "+625480001111" in phones
    # Working days are never exported as calendar days: no processingTime, the wording instead.
    assert "processingTime" not in ld["availableChannel"][0]
    assert ld["availableChannel"][0]["description"] == "Jangka waktu: Paling lama 1 hari kerja"


def test_jsonld_processing_time_for_calendar_units_and_sejak_everywhere(tree):
    text = PAID.replace("jangka_waktu: paling lama 1 hari kerja", "jangka_waktu: {teks: 2×24 jam, sejak: berkas lengkap}")
    text = text.replace("waktu: 1 jam", "waktu: 1 menit")
    cat = load_catalog(tree({"uji/a.yaml": text}))
    assert cat.ok, cat.findings
    ld = jsonld(cat.services[0], cat)
    assert ld["availableChannel"][0]["processingTime"] == "PT48H"
    assert "sejak berkas lengkap" in ld["availableChannel"][0]["description"]
    row = next(csv.DictReader(io.StringIO(catalog_csv(cat))))
    assert row["jangka_waktu"] == "2×24 jam sejak berkas lengkap" and row["jangka_waktu_iso8601"] == "PT48H"


def test_jsonld_cannot_close_its_script_element(tree):
    cat = load_catalog(tree({"uji/a.yaml": PAID}))
    text = jsonld_html(cat.services[0], cat)
    assert "</script>" not in text and "<" not in text
    assert json.loads(text)["description"] == "Layanan </script><script>alert(1)</script> & uji."


def test_every_example_serialises_without_warnings():
    import warnings
    from pathlib import Path

    from generator.export import service_dict

    cat = load_catalog(Path(__file__).resolve().parent.parent / "standards")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dumped = [service_dict(s) for s in cat.services]
    ktp = next(d for d in dumped if d["slug"] == "ktp-el")
    assert ktp["persyaratan"][0]["kelompok"] and ktp["persyaratan"][0]["daftar"]


def test_streamed_standar_json_equals_the_whole_document(tree):
    from generator.export import catalog_dict

    cat = load_catalog(tree({"uji/a.yaml": SERVICE, "uji/b.yaml": PAID}))
    for c in (cat, __import__("dataclasses").replace(cat, services=[])):
        assert json.loads(catalog_json(c, "https://x.go.id/")) == json.loads(
            json.dumps(catalog_dict(c, "https://x.go.id/"), ensure_ascii=False)
        )
