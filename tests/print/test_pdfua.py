"""PDF/UA, checked by a tool that is not WeasyPrint: every kind of PDF (A3, A4 and
X-banner posters, A3 and A4 maklumat posters, the handbook) of the test tree and of a real
published standard passes ``pdfua``, the machine-checkable subset of PDF/UA-1 that runs
without a JVM (tagged content, /Lang, title, figure alternatives, empty headings, table
headers and their association, annotations, PDF/UA identification). Every finding fails
the test, warnings and heuristic ones included: no rule is out of scope.

And the table headers say what they head: WeasyPrint 70 does not write /Scope, the
renderer adds it from ``<th scope>`` (render.tandai_lingkup); the tests check it agrees
with WeasyPrint's own /Headers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate

from generator.printing import paths, render
from generator.printing.templates import LABEL_UKURAN

pytestmark = pytest.mark.pdf

NYATA = Path(__file__).resolve().parents[1] / "nyata"
#: A real standard whose handbook has a tariff table (a PNBP schedule). No standard in
#: tests/nyata has a maklumat text, so its PDFs are posters and a handbook; the maklumat
#: posters are checked from the test tree.
NYATA_STANDAR = "bbppmpv-senibudaya-sewa-fasilitas"
SEMUA = {"poster A3", "poster A4", "poster X-banner", "maklumat A3", "maklumat A4", "buku"}


def temuan(pdf: Path) -> list[str]:
    """Every pdfua finding for ``pdf``, one readable line each."""
    return [f"{f.rule_id} {f.severity.name} {f.confidence.name.lower()} {f.location.describe()}: {f.message}"
            for f in validate(str(pdf)).findings]


def jenis(nama: str) -> str:
    if nama.endswith(paths.HANDBOOK):
        return "buku"
    kind = "maklumat" if Path(nama).name.startswith("maklumat-") else "poster"
    return f"{kind} {LABEL_UKURAN[Path(nama).stem.rsplit('-', 1)[1]]}"


def periksa_semua(store: Path, berkas: list[str], kinds: set[str]) -> None:
    assert {jenis(b) for b in berkas} == kinds
    found = {b: temuan(store / b) for b in sorted(berkas)}
    assert {b: t for b, t in found.items() if t} == {}


def test_every_pdf_of_the_test_tree_passes_the_checker(rendered):
    store, laporan = rendered
    periksa_semua(store, laporan.berkas, SEMUA)


@pytest.fixture(scope="module")
def nyata(tmp_path_factory):
    from generator.catalog import load_catalog
    from generator.printing import jobs

    cat = load_catalog(NYATA / NYATA_STANDAR, today=dt.date(2026, 11, 30))
    store = tmp_path_factory.mktemp("cetak-nyata")
    laporan = jobs.run(cat, store, "https://standar.contoh.go.id/", jobs=1, progress=False)
    assert laporan.ok, laporan.galat
    return store, laporan


def test_every_pdf_of_a_real_standard_passes_the_checker(nyata):
    store, laporan = nyata
    periksa_semua(store, laporan.berkas, SEMUA - {"maklumat A3", "maklumat A4"})
    buku = next(store / b for b in laporan.berkas if b.endswith(paths.HANDBOOK))
    # Its tariff table (Jenis / Tarif, a row heading per tariff) is among the tables checked.
    assert any([s for r, s, g in cells if g == "/THead"] == ["/Column"] * 2
               and sum(r == "/TH" and s == "/Row" for r, s, g in cells) >= 2 for cells in tabel(buku))


# -- the structure itself ------------------------------------------------------------------


def _elemen(pdf: pikepdf.Pdf, role: str) -> list[pikepdf.Dictionary]:
    return [o for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem" and o.get("/S") == role]


def _anak(el: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    k = el.get("/K")
    kids = list(k) if isinstance(k, pikepdf.Array) else [k]
    return [x for x in kids if isinstance(x, pikepdf.Dictionary) and x.get("/Type") == "/StructElem"]


def _baris(table: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    out = []
    for x in _anak(table):
        out += _baris(x) if x.S in ("/THead", "/TBody", "/TFoot") else [x] if x.S == "/TR" else []
    return out


def tabel(pdf_path: Path) -> list[list[tuple[str, str | None, str | None]]]:
    """Each Table of the PDF as its cells: (role, /Scope, parent group) in reading order."""
    with pikepdf.open(pdf_path) as pdf:
        out = []
        for t in _elemen(pdf, "/Table"):
            cells = []
            for tr in _baris(t):
                grup = str(tr.P.S)
                for c in _anak(tr):
                    scope = c.get("/A", {}).get("/Scope") if c.S == "/TH" else None
                    cells.append((str(c.S), None if scope is None else str(scope), grup))
            out.append(cells)
        return out


def test_handbook_header_cells_carry_the_scope_of_their_th(rendered):
    """Column headings (thead) are /Column, component names and tariff rows /Row; every
    table has header cells (no layout table is tagged as a Table)."""
    store, _ = rendered
    tables = tabel(store / "dpmptsp" / paths.HANDBOOK)
    assert len(tables) >= 6
    for cells in tables:
        th = [(scope, grup) for role, scope, grup in cells if role == "/TH"]
        assert th, cells
        for scope, grup in th:
            assert scope == ("/Column" if grup == "/THead" else "/Row"), cells
    # The three kinds of table: komponen (No / Komponen / Uraian), tarif (Jenis / Tarif),
    # the service's particulars (row headings only).
    heads = {tuple(s for r, s, g in cells if g == "/THead") for cells in tables}
    assert {("/Column",) * 3, ("/Column",) * 2, ()} <= heads


def test_scope_agrees_with_the_headers_weasyprint_writes(rendered):
    """Each TD's /Headers (WeasyPrint's own association) names a /Row header of its row,
    and a /Column header when the table has a head row: the /Scope written afterwards
    says the same thing about the same cells."""
    store, _ = rendered
    with pikepdf.open(store / "dpmptsp" / paths.HANDBOOK) as pdf:
        scope_of = {str(th.ID): str(th.A.Scope) for th in _elemen(pdf, "/TH")}
        tds = _elemen(pdf, "/TD")
        assert tds
        for td in tds:
            headers = [str(h) for h in td.A.get("/Headers", [])]
            scopes = sorted(scope_of[h] for h in headers)
            assert "/Row" in scopes, headers
            table = td.P
            while table.S != "/Table":
                table = table.P
            if any(x.S == "/THead" for x in _anak(table)):
                assert "/Column" in scopes, headers


PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji tabel</title></head>
<body><h1>Uji tabel</h1>{}</body></html>"""


def test_the_checker_sees_the_table_problems_it_is_asked_about(tmp_path):
    """The gate can fail: a layout table (no TH) is an error, and without the scope the
    renderer writes (WeasyPrint's plain output) the header cells are reported."""
    layout_table = '<table role="presentation"><tr><td>Nomor</td><td>: 1</td></tr></table>'
    with_headers = '<table><tr><th scope="row">Nomor</th><td>1</td></tr></table>'

    def pdf(body: str, tmp: Path, finisher=True) -> Path:
        doc = render.layout(PAGE.format(body))
        data = render.to_pdf(doc) if finisher else doc.write_pdf(**render.PDF_OPTIONS)
        tmp.write_bytes(data)
        return tmp

    d = tmp_path
    assert [x.split(":")[0] for x in temuan(pdf(layout_table, d / "a.pdf"))] == [
        "UA-15-003 ERROR certain page 1 /Table"]
    assert [x.split(" ")[0:2] for x in temuan(pdf(with_headers, d / "b.pdf", finisher=False))] == [
        ["UA-15-003", "WARNING"]]
    assert temuan(pdf(with_headers, d / "c.pdf")) == []
    assert tabel(d / "c.pdf") == [[("/TH", "/Row", "/TBody"), ("/TD", None, "/TBody")]]
