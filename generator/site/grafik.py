"""Charts of the satisfaction survey (SKM), drawn at build time as inline SVG.

Each chart is a picture of a data table printed beside it (the table is what a screen
reader reads; the SVG is ``role="img"`` with a name that says so). No JavaScript, no chart
library. Text from YAML (a period's label) is escaped; the rest is ours. Narrow drawings
(320 units) so that a phone shows them close to their natural size.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .. import model as m
from ..tampilan import PeriodeSkm
from .diagram import bungkus

LEBAR = 320
FONT = 12.5
TINTA = "#1f1f1f"
BATANG = "#1a5fa8"
GARIS = "#767676"


def _svg(ident: str, judul: str, tinggi: float, isi: list[str]) -> Markup:
    return Markup(
        f'<svg class="sp-grafik" viewBox="0 0 {LEBAR} {tinggi:.0f}" width="{LEBAR}" height="{tinggi:.0f}" '
        f'role="img" aria-labelledby="{ident}-judul" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-judul">{escape(judul)}</title>' + "".join(isi) + "</svg>"
    )


def _teks(x: float, y: float, s: str, anchor: str = "start", bold: bool = False, size: float = FONT) -> str:
    w = ' font-weight="700"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{TINTA}"{w}>'
            f"{escape(s)}</text>")


def unsur(p: PeriodeSkm, ident: str) -> Markup:
    """Horizontal bars: each element's average answer on the 1–4 scale."""
    kiri, kanan = 4, LEBAR - 40
    skala = (kanan - kiri) / 3  # 1 .. 4
    isi: list[str] = []
    y = 8.0
    for u in p.unsur:
        baris = bungkus(f"{u.kode} {u.nama}", kanan - kiri, FONT)
        for b in baris:
            y += 15
            isi.append(_teks(kiri, y, b))
        y += 5
        w = max(1.0, (u.nilai - 1) * skala)
        isi.append(f'<rect x="{kiri}" y="{y:.1f}" width="{w:.1f}" height="12" fill="{BATANG}"/>')
        isi.append(_teks(kiri + w + 4, y + 10.5, u.teks, bold=True))
        y += 18
    # The scale: 1 and 4 under the bars.
    isi.append(f'<line x1="{kiri}" y1="{y:.1f}" x2="{kanan}" y2="{y:.1f}" stroke="{GARIS}"/>')
    for v in (1, 2, 3, 4):
        x = kiri + (v - 1) * skala
        isi.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y + 4:.1f}" stroke="{GARIS}"/>')
        isi.append(_teks(x, y + 16, str(v), "start" if v == 1 else "middle" if v < 4 else "end", size=11))
    judul = (f"Grafik batang nilai rata-rata setiap unsur SKM {p.label} (skala 1 sampai 4); "
             "angkanya ada pada tabel di bawah grafik.")
    return _svg(ident, judul, y + 22, isi)


#: The trend chart draws at most this many periods, the latest (the table below it has them all).
TREN_MAKS = 5


def _label_periode(p: PeriodeSkm, lebar: float) -> list[str]:
    """A period's label under its bar: up to two lines of its name, then always the year."""
    if not p.periode:
        return [str(p.tahun)]
    baris = bungkus(p.periode, lebar, 11)
    if len(baris) > 2:
        baris = baris[:2]
        baris[1] = baris[1].rstrip() + "…"
    return baris + [str(p.tahun)]


def tren(periode: list[PeriodeSkm], ident: str) -> Markup:
    """Vertical bars: the index of each period (the latest TREN_MAKS), on the 25–100 scale, with
    the grade thresholds."""
    periode = periode[-TREN_MAKS:]
    atas, bawah, kiri, kanan = 14.0, 190.0, 30.0, LEBAR - 4.0
    n = max(1, len(periode))
    lajur = (kanan - kiri) / n
    lebar_batang = min(44.0, lajur * 0.6)

    def y_dari(v: float) -> float:
        return bawah - (v - 25) / 75 * (bawah - atas)

    isi: list[str] = []
    for huruf, batas, _label in m.MUTU_IKM[:-1]:  # the lines where A, B and C begin
        y = y_dari(float(batas))
        isi.append(f'<line x1="{kiri}" y1="{y:.1f}" x2="{kanan}" y2="{y:.1f}" stroke="{GARIS}" '
                   'stroke-dasharray="4 3"/>')
        isi.append(_teks(kiri - 4, y + 4, huruf, "end", size=11))
    isi.append(f'<line x1="{kiri}" y1="{bawah}" x2="{kanan}" y2="{bawah}" stroke="{GARIS}"/>')
    y_teks = bawah
    for i, p in enumerate(periode):
        x = kiri + lajur * i + (lajur - lebar_batang) / 2
        y = y_dari(p.ikm)
        isi.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{lebar_batang:.1f}" height="{bawah - y:.1f}" fill="{BATANG}"/>')
        isi.append(_teks(x + lebar_batang / 2, y - 4, p.ikm_teks, "middle", bold=True, size=11.5))
        baris = _label_periode(p, lajur - 4)
        for j, b in enumerate(baris):
            isi.append(_teks(x + lebar_batang / 2, bawah + 14 + j * 13, b, "middle", size=11))
        y_teks = max(y_teks, bawah + 14 + (len(baris) - 1) * 13)
    judul = ("Grafik batang IKM setiap periode (skala 25 sampai 100; garis putus-putus: batas mutu A, B, dan C); "
             "angkanya ada pada tabel di bawah grafik.")
    return _svg(ident, judul, y_teks + 8, isi)
