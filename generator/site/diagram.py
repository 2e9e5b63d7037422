"""The procedure as a flow diagram: inline SVG drawn at build time.

No JavaScript, no diagram library, no external request: the page carries the
picture itself. The diagram is a picture of the numbered steps printed just
above it, which remain the text alternative (the SVG says so in its name).

Layout, top to bottom: "Mulai", one box per step (number and actor, what happens,
time, and each branch as a line of text), arrows between them, "Selesai". A branch
that goes back or skips ahead is also drawn as a dashed arrow in its own lane on
the right. The drawing is narrow (about 300 units) so that on a phone it is shown
at close to its natural size instead of being scaled down to unreadable text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .. import model as m

# Geometry (SVG user units ~ CSS px at the diagram's natural width).
KIRI = 6
LEBAR_KOTAK = 262
PAD = 8
FONT = 12.5
FONT_KECIL = 11.5
TINGGI_BARIS = 16
TINGGI_BARIS_KECIL = 14.5
JARAK = 28
LEBAR_LAJUR = 9
TINGGI_UJUNG = 26

WARNA = {
    m.JenisPelaksana.pemohon: ("#e8f1fb", "#1a5fa8"),
    m.JenisPelaksana.petugas: ("#edf7ee", "#2e7d32"),
    m.JenisPelaksana.sistem: ("#f3eefa", "#6a3fa0"),
    m.JenisPelaksana.instansi_lain: ("#fff4e5", "#9a5800"),
}

_SEMPIT = set("iljtfr.,:;'!|() ")
_LEBAR = set("mwMW@")


def lebar_teks(s: str, size: float) -> float:
    """Approximate rendered width of ``s`` in Noto Sans at ``size`` px."""
    w = 0.0
    for ch in s:
        if ch in _SEMPIT:
            w += 0.3
        elif ch in _LEBAR:
            w += 0.86
        elif ch.isupper() or ch.isdigit():
            w += 0.66
        else:
            w += 0.575
    return w * size


def bungkus(s: str, lebar: float, size: float) -> list[str]:
    """Greedy word wrap to ``lebar`` px; over-long words are split."""
    baris: list[str] = []
    kini = ""
    for kata in s.split():
        coba = f"{kini} {kata}" if kini else kata
        if lebar_teks(coba, size) <= lebar:
            kini = coba
            continue
        if kini:
            baris.append(kini)
        while lebar_teks(kata, size) > lebar:
            n = max(1, int(lebar / (0.66 * size)))
            baris.append(kata[:n])
            kata = kata[n:]
        kini = kata
    if kini:
        baris.append(kini)
    return baris or [""]


@dataclass
class _Baris:
    teks: str
    kelas: str  # css class: alur-judul | "" | alur-waktu | alur-cabang-teks
    ukuran: float
    tinggi: float
    inden: float = 0


@dataclass
class _Lompat:
    dari: int  # box index
    y_rel: float  # y of the branch line inside the box
    ke: int  # target box index
    lajur: int = 0


@dataclass
class _Kotak:
    jenis: m.JenisPelaksana
    baris: list[_Baris] = field(default_factory=list)
    y: float = 0
    tinggi: float = 0


def _t(x: float, y: float, s: str, size: float, cls: str = "", anchor: str = "start") -> str:
    c = f' class="{cls}"' if cls else ""
    a = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{x:.0f}" y="{y:.1f}" font-size="{size}"{c}{a}>{escape(s)}</text>'


def svg_alur(langkah: list[m.Langkah], judul: str, ident: str) -> Markup:
    """Inline SVG of one list of steps. ``ident`` makes element ids unique on the page."""
    n = len(langkah)
    isi = LEBAR_KOTAK - 2 * PAD
    kotak: list[_Kotak] = []
    lompat: list[_Lompat] = []
    for i, lk in enumerate(langkah):
        k = _Kotak(lk.jenis())
        # Bold text runs about 6 % wider.
        k.baris += [_Baris(s, "alur-judul", FONT, TINGGI_BARIS) for s in bungkus(f"{i + 1}. {lk.nama_pelaksana()}".strip(), isi / 1.06, FONT)]
        k.baris += [_Baris(s, "", FONT, TINGGI_BARIS) for s in bungkus(lk.uraian, isi, FONT)]
        if lk.waktu is not None:
            k.baris += [_Baris(s, "alur-waktu", FONT_KECIL, TINGGI_BARIS_KECIL)
                        for s in bungkus(lk.waktu.teks_ringkas(keterangan=True), isi, FONT_KECIL)]
        for c in lk.cabang:
            y_rel = PAD + sum(b.tinggi for b in k.baris) + 6
            for j, s in enumerate(bungkus("↳ " + c.kalimat(i + 1, ringkas=True), isi - 12, FONT_KECIL)):
                k.baris.append(_Baris(s, "alur-cabang-teks", FONT_KECIL, TINGGI_BARIS_KECIL, 0 if j == 0 else 12))
            if c.ke_langkah is not None and not c.selesai and c.ke_langkah != i + 2:
                lompat.append(_Lompat(i, y_rel, c.ke_langkah - 1))
        kotak.append(k)
    for j, lp in enumerate(lompat):
        lp.lajur = j
    x_kanan = KIRI + LEBAR_KOTAK
    x_lajur0 = x_kanan + 10
    lebar = x_lajur0 + len(lompat) * LEBAR_LAJUR + 6
    cx = KIRI + LEBAR_KOTAK / 2

    y = 6.0
    gambar: list[str] = []
    garis: list[str] = []
    gambar.append(
        f'<rect x="{cx - 36:.0f}" y="{y:.0f}" width="72" height="{TINGGI_UJUNG}" rx="13" class="alur-ujung"/>'
        + _t(cx, y + 17, "Mulai", FONT, "alur-ujung-teks", "middle")
    )
    y_awal = y + TINGGI_UJUNG
    y += TINGGI_UJUNG + JARAK
    garis.append(f'<line x1="{cx:.0f}" y1="{y_awal:.0f}" x2="{cx:.0f}" y2="{y - 2:.0f}" class="alur-garis" marker-end="url(#{ident}-p)"/>')
    for k in kotak:
        k.y = y
        k.tinggi = 2 * PAD + sum(b.tinggi for b in k.baris) + 2
        y += k.tinggi + JARAK
        garis.append(
            f'<line x1="{cx:.0f}" y1="{k.y + k.tinggi:.0f}" x2="{cx:.0f}" y2="{y - 2:.0f}" class="alur-garis" '
            f'marker-end="url(#{ident}-p)"/>'
        )
        isi_w, garis_w = WARNA[k.jenis]
        gambar.append(
            f'<rect x="{KIRI}" y="{k.y:.0f}" width="{LEBAR_KOTAK}" height="{k.tinggi:.0f}" rx="6" fill="{isi_w}" stroke="{garis_w}"/>'
        )
        ty = k.y + PAD
        for b in k.baris:
            ty += b.tinggi
            gambar.append(_t(KIRI + PAD + b.inden, ty - 4, b.teks, b.ukuran, b.kelas))
    for lp in lompat:
        a, b = kotak[lp.dari], kotak[lp.ke]
        xl = x_lajur0 + lp.lajur * LEBAR_LAJUR
        y0 = a.y + lp.y_rel
        y1 = b.y + min(b.tinggi / 2, 14) + (6 if b is a else 0)
        garis.append(
            f'<path d="M{x_kanan} {y0:.0f}H{xl}V{y1:.0f}H{x_kanan + 2}" class="alur-garis alur-cabang" '
            f'marker-end="url(#{ident}-p)"/>'
        )
    gambar.append(
        f'<rect x="{cx - 40:.0f}" y="{y:.0f}" width="80" height="{TINGGI_UJUNG}" rx="13" class="alur-ujung"/>'
        + _t(cx, y + 17, "Selesai", FONT, "alur-ujung-teks", "middle")
    )
    tinggi = y + TINGGI_UJUNG + 6
    ringkas = f"{judul}: {n} langkah dari Mulai sampai Selesai. Uraian tertulis yang sama ada pada daftar langkah di atas."
    defs = (
        f'<defs><marker id="{ident}-p" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="alur-mata"/></marker></defs>'
    )
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar:.0f} {tinggi:.0f}" width="{lebar:.0f}" '
        f'height="{tinggi:.0f}" role="img" aria-labelledby="{ident}-j" class="alur-svg">'
        f'<title id="{ident}-j">{escape(ringkas)}</title>{defs}'
        + "".join(garis)
        + "".join(gambar)
        + "</svg>"
    )
