"""The procedure as a flow diagram: inline SVG drawn at build time.

No JavaScript, no diagram library, no external request: the page carries the
picture itself. The diagram is a picture of the numbered steps printed just
above it, which remain the text alternative (the SVG says so in its name).

Layout, top to bottom: "Mulai", one box per step (number, actor, what happens,
time), arrows between them, "Selesai". Branches that go back or skip ahead are
drawn in lanes on the right with their condition as a label; a branch to the
next step labels the arrow below the box; a branch that ends the service says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from markupsafe import Markup, escape

from .. import model as m
from .teks import LABEL_JENIS_PELAKSANA, _kecil_awal

# Geometry (SVG user units ~ CSS px at the diagram's natural width).
KIRI = 8
LEBAR_KOTAK = 252
PAD = 8
FONT = 12.5
FONT_KECIL = 11
TINGGI_BARIS = 16
TINGGI_BARIS_KECIL = 14
JARAK = 30
LEBAR_LAJUR = 10
LEBAR_LABEL = 118

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
            n = max(1, int(lebar / (0.64 * size)))
            baris.append(kata[:n])
            kata = kata[n:]
        kini = kata
    if kini:
        baris.append(kini)
    return baris or [""]


@dataclass
class _Label:
    baris: list[str]
    tujuan: Optional[int]  # target step index (0-based), None = no arrow target
    selesai: bool = False
    lajur: int = -1


@dataclass
class _Kotak:
    nomor: int
    jenis: m.JenisPelaksana
    judul: list[str]
    uraian: list[str]
    waktu: str
    y: float = 0
    tinggi: float = 0
    label_bawah: list[str] = field(default_factory=list)
    samping: list[_Label] = field(default_factory=list)


def _t(x: float, y: float, s: str, size: float, cls: str = "", anchor: str = "start") -> str:
    c = f' class="{cls}"' if cls else ""
    a = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}"{c}{a}>{escape(s)}</text>'


def svg_alur(langkah: list[m.Langkah], judul: str, ident: str) -> Markup:
    """Inline SVG of one list of steps. ``ident`` makes element ids unique on the page."""
    n = len(langkah)
    kotak: list[_Kotak] = []
    lebar_isi = LEBAR_KOTAK - 2 * PAD
    for i, lk in enumerate(langkah):
        jenis = lk.jenis()
        k = _Kotak(
            nomor=i + 1,
            jenis=jenis,
            # Bold text runs about 6 % wider.
            judul=bungkus(f"{i + 1}. {lk.pelaksana}", lebar_isi / 1.06, FONT),
            uraian=bungkus(lk.uraian, lebar_isi, FONT),
            waktu=lk.waktu.teks_ringkas() if lk.waktu is not None else "",
        )
        for c in lk.cabang:
            jika = "Jika " + _kecil_awal(c.jika.rstrip("."))
            if c.ke_langkah is not None and c.ke_langkah == i + 2 and not c.selesai:
                k.label_bawah.extend(bungkus(jika, LEBAR_LABEL + 40, FONT_KECIL))
            elif c.selesai:
                k.samping.append(_Label(bungkus(jika + ": selesai", LEBAR_LABEL, FONT_KECIL), None, True))
            elif c.ke_langkah is not None:
                arah = "kembali ke" if c.ke_langkah <= i + 1 else "ke"
                k.samping.append(
                    _Label(bungkus(f"{jika}: {arah} langkah {c.ke_langkah}", LEBAR_LABEL, FONT_KECIL), c.ke_langkah - 1)
                )
            elif c.maka:
                k.samping.append(_Label(bungkus(f"{jika}: {_kecil_awal(c.maka.rstrip('.'))}", LEBAR_LABEL, FONT_KECIL), None))
        kotak.append(k)

    # One vertical lane per jump arrow.
    lajur = 0
    for k in kotak:
        for lb in k.samping:
            if lb.tujuan is not None:
                lb.lajur = lajur
                lajur += 1
    x_lajur0 = KIRI + LEBAR_KOTAK + 12
    x_label = x_lajur0 + lajur * LEBAR_LAJUR + 6
    lebar = x_label + LEBAR_LABEL + 4

    # Vertical layout.
    y = 8
    tinggi_pil = 26
    cx = KIRI + LEBAR_KOTAK / 2
    bagian: list[str] = []
    bagian.append(
        f'<rect x="{cx - 36:.0f}" y="{y}" width="72" height="{tinggi_pil}" rx="13" class="alur-ujung"/>'
        + _t(cx, y + 17, "Mulai", FONT, "alur-ujung-teks", "middle")
    )
    y_sebelum = y + tinggi_pil
    y += tinggi_pil + JARAK - 8
    panah: list[str] = [f'<line x1="{cx:.0f}" y1="{y_sebelum}" x2="{cx:.0f}" y2="{y - 2}" class="alur-garis" marker-end="url(#{ident}-p)"/>']
    for k in kotak:
        k.y = y
        isi = len(k.judul) + len(k.uraian) + (1 if k.waktu else 0)
        k.tinggi = PAD * 2 + isi * TINGGI_BARIS - 2
        tinggi_samping = sum(len(lb.baris) * TINGGI_BARIS_KECIL + 6 for lb in k.samping)
        blok = max(k.tinggi, tinggi_samping)
        jarak = JARAK + max(0, len(k.label_bawah) * TINGGI_BARIS_KECIL - 6)
        k_bawah = y + blok
        y = k_bawah + jarak
        # Arrow to the next box (or to "Selesai").
        panah.append(
            f'<line x1="{cx:.0f}" y1="{k.y + k.tinggi:.0f}" x2="{cx:.0f}" y2="{y - 2:.0f}" class="alur-garis" marker-end="url(#{ident}-p)"/>'
        )
        for j, s in enumerate(k.label_bawah):
            panah.append(_t(cx + 8, k.y + k.tinggi + 13 + j * TINGGI_BARIS_KECIL, s, FONT_KECIL, "alur-label"))

    for k in kotak:
        isi_w, garis_w = WARNA[k.jenis]
        bagian.append(
            f'<rect x="{KIRI}" y="{k.y:.0f}" width="{LEBAR_KOTAK}" height="{k.tinggi:.0f}" rx="6" fill="{isi_w}" stroke="{garis_w}"/>'
        )
        ty = k.y + PAD + 12 - TINGGI_BARIS
        for s in k.judul:
            ty += TINGGI_BARIS
            bagian.append(_t(KIRI + PAD, ty, s, FONT, "alur-judul"))
        for s in k.uraian:
            ty += TINGGI_BARIS
            bagian.append(_t(KIRI + PAD, ty, s, FONT))
        if k.waktu:
            ty += TINGGI_BARIS
            bagian.append(_t(KIRI + PAD, ty, k.waktu, FONT_KECIL, "alur-waktu"))
        # Side labels and jump arrows.
        ly = k.y + 4
        for lb in k.samping:
            y_mulai = ly + 6
            if lb.tujuan is not None:
                tj = kotak[lb.tujuan]
                xl = x_lajur0 + lb.lajur * LEBAR_LAJUR
                y_tuju = tj.y + min(tj.tinggi / 2, 18) + (4 if tj is k else 0)
                panah.append(
                    f'<path d="M{KIRI + LEBAR_KOTAK} {y_mulai:.0f}H{xl}V{y_tuju:.0f}H{KIRI + LEBAR_KOTAK + 2}" '
                    f'class="alur-garis alur-cabang" marker-end="url(#{ident}-p)"/>'
                )
            else:
                panah.append(
                    f'<line x1="{KIRI + LEBAR_KOTAK}" y1="{y_mulai:.0f}" x2="{x_label - 3:.0f}" y2="{y_mulai:.0f}" '
                    f'class="alur-garis alur-cabang" marker-end="url(#{ident}-p)"/>'
                )
            for j, s in enumerate(lb.baris):
                cls = "alur-label alur-selesai" if lb.selesai else "alur-label"
                bagian.append(_t(x_label, ly + 10 + j * TINGGI_BARIS_KECIL, s, FONT_KECIL, cls))
            ly += len(lb.baris) * TINGGI_BARIS_KECIL + 6

    bagian.append(
        f'<rect x="{cx - 40:.0f}" y="{y:.0f}" width="80" height="{tinggi_pil}" rx="13" class="alur-ujung"/>'
        + _t(cx, y + 17, "Selesai", FONT, "alur-ujung-teks", "middle")
    )
    tinggi = y + tinggi_pil + 8
    ringkas = f"{judul}: {n} langkah dari Mulai sampai Selesai. Uraian tertulis yang sama ada pada daftar langkah di atas."
    defs = (
        f'<defs><marker id="{ident}-p" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="alur-mata"/></marker></defs>'
    )
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar:.0f} {tinggi:.0f}" width="{lebar:.0f}" '
        f'height="{tinggi:.0f}" role="img" aria-labelledby="{ident}-j" class="alur-svg">'
        f'<title id="{ident}-j">{escape(ringkas)}</title>{defs}'
        + "".join(panah)
        + "".join(bagian)
        + "</svg>"
    )
