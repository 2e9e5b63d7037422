"""Every valid service renders: page, posters, handbook, JSON, CSV and JSON-LD, whatever
parts it has. Services, units and the government file are generated from the model
itself (tests/strategi.py), written as YAML and loaded like staff files, so every
optional part is sometimes absent and every union branch is taken."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from markupsafe import escape
from hypothesis import HealthCheck, Phase, assume, find, given, settings
from hypothesis import strategies as st

from generator import model as m
from generator.catalog import load_catalog
from generator.export import catalog_csv, jsonld_html, service_dict
from generator.printing import render
from generator.printing.jobs import plan
from generator.site import Opsi, bangun
from tests.strategi import dari_model

SITUS = "https://standar.contoh.go.id/"

instansi = dari_model(m.Instansi)
unit = dari_model(m.Unit)
layanan = dari_model(m.Layanan)


def _tulis(tmp, ins: dict, u: dict, svc: dict):
    root = tmp / "standards"
    (root / "unit-a").mkdir(parents=True)
    for path, data in ((root / "_instansi.yaml", ins), (root / "unit-a" / "_unit.yaml", u),
                       (root / "unit-a" / "layanan-a.yaml", svc)):
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def _katalog(tmp_path_factory, ins, u, svc):
    root = _tulis(tmp_path_factory.mktemp("acak"), ins, u, svc)
    cat = load_catalog(root)
    # Only what the model accepts is rendered; the rest is the validator's business.
    assume(cat.ok and len(cat.services) == 1)
    return cat


# No shrinking: a failing example is printed as generated (shrinking page renders takes minutes).
_FASE = (Phase.explicit, Phase.reuse, Phase.generate)
SETELAN = settings(max_examples=60, deadline=None, phases=_FASE,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                          HealthCheck.function_scoped_fixture])


def _html(tugas) -> list[str]:
    """The HTML of one print job, as the printer makes it, at each size and level."""
    if tugas.jenis == "poster":
        return [render.html_poster(tugas.masukan, size, 14, padat=padat)
                for size in ("a3", "a4") for padat in (False, True)]
    if tugas.jenis == "maklumat":
        return [render.html_maklumat(tugas.masukan, size, 14) for size in ("a3", "a4")]
    return [render.html_buku(tugas.masukan)]


@SETELAN
@given(ins=instansi, u=unit, svc=layanan)
def test_any_valid_service_renders_page_poster_html_handbook_html_and_exports(tmp_path_factory, ins, u, svc):
    cat = _katalog(tmp_path_factory, ins, u, svc)
    s = cat.services[0]
    situs = bangun(cat, Opsi(site_url=SITUS, cetak=True))
    halaman = {h.url: h for h in situs.halaman}
    html = halaman[s.url].html
    for k in m.KOMPONEN:  # a component the standard lacks is said to be missing, never silently left out
        if getattr(s.data, k) is None:
            assert str(escape(s.data.kosong(k))) in html, k
    for b in situs.berkas():
        buf = io.StringIO()
        b.tulis(buf)
        if b.path.endswith(".json"):
            json.loads(buf.getvalue())
    json.dumps(service_dict(s, SITUS))
    json.loads(jsonld_html(s, cat, SITUS))
    assert len(list(csv.reader(io.StringIO(catalog_csv(cat, SITUS))))) == 2

    tugas = plan(cat, SITUS).tugas
    assert {t.jenis for t in tugas} >= {"poster", "buku"}
    for t in tugas:
        for h in _html(t):
            if t.jenis != "maklumat":
                assert str(escape(s.data.nama)) in h


@pytest.mark.pdf
@settings(max_examples=6, deadline=None, phases=_FASE,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
@given(ins=instansi, u=unit, svc=layanan)
def test_any_valid_service_lays_out_as_pdf(tmp_path_factory, ins, u, svc):
    cat = _katalog(tmp_path_factory, ins, u, svc)
    s = cat.services[0]
    for t in plan(cat, SITUS).tugas:
        if t.jenis == "poster":
            try:
                pdfs = render.render_poster(t.masukan)
                assert all(p.startswith(b"%PDF") for p in pdfs.values())
            except render.TidakMuat as e:  # a clear refusal naming the service is fine; a crash is not
                assert s.data.nama in str(e)
        elif t.jenis == "buku":
            assert render.render_buku(t.masukan).startswith(b"%PDF")


def _bentuk(d: m.Layanan) -> set[str]:
    """Which shape each component took."""
    out = set()
    p = d.persyaratan
    if p is not None:
        out.add("persyaratan-" + ("rinci" if isinstance(p, m.PersyaratanRinci) else
                                  "kelompok" if isinstance(p[0], m.KelompokPersyaratan) else "daftar"))
    if d.prosedur is not None:
        out.add("prosedur-" + ("rinci" if isinstance(d.prosedur, m.ProsedurRinci) else "langkah"))
    if d.jangka_waktu is not None:
        out.add("durasi-" + ("angka" if d.jangka_waktu.punya_angka() else "teks"))
    if d.biaya is not None:
        out.add("biaya-" + ("gratis" if d.biaya.adalah_gratis() else "teks" if d.biaya.teks else "rinci"))
    if d.pengaduan is not None:
        out.add("pengaduan-" + ("saluran" if d.pengaduan.saluran else "tanpa-saluran"))
    if d.jumlah_pelaksana is not None:
        out.add("pelaksana-" + ("rinci" if isinstance(d.jumlah_pelaksana, m.JumlahPelaksanaRinci) else "daftar"))
    for k in m.KOMPONEN:
        if getattr(d, k) is None:
            out.add(f"tanpa-{k}")
    return out


def _sah(d: dict):
    try:
        return m.Layanan.model_validate(d)
    except Exception:  # noqa: BLE001 - an invalid draw is simply not a match
        return None


BENTUK = ["persyaratan-rinci", "persyaratan-kelompok", "persyaratan-daftar", "prosedur-rinci", "prosedur-langkah",
          "durasi-angka", "durasi-teks", "biaya-gratis", "biaya-teks", "biaya-rinci", "pengaduan-saluran",
          "pengaduan-tanpa-saluran", "pelaksana-rinci", "pelaksana-daftar", *(f"tanpa-{k}" for k in m.KOMPONEN)]


@pytest.mark.parametrize("bentuk", BENTUK)
def test_the_generator_reaches_every_shape_of_every_component(bentuk):
    # The renderer test is only as good as what it is fed: the generator must reach
    # each shape of each component, and leave each component out.
    find(layanan.map(_sah), lambda d: d is not None and bentuk in _bentuk(d),
         settings=settings(max_examples=3000, phases=(Phase.generate,), database=None,
                           suppress_health_check=list(HealthCheck)))
