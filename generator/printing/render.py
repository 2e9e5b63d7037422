"""HTML to PDF with WeasyPrint, and the one-page guarantee of posters.

A poster is laid out at the largest text size first. When it does not fit on one
page it is laid out again at smaller sizes, down to the minimum legible size
(14 pt body text on A3, the same proportion on A4). When even that does not fit,
:class:`TidakMuat` says which poster and which parts are too long; nothing is
written. "Fits" means one page *and* no box reaching past the page area: a grid
that overflows without breaking would otherwise be cut off silently.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .. import model as m
from . import templates as t
from .inputs import BukuIn, MaklumatIn, PosterIn

#: Body text sizes on A3, largest first; A4 uses the same proportions.
POSTER_PT = t.levels(18, 14, 1)
MAKLUMAT_PT = t.levels(26, 14, 1)
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}

# WeasyPrint logs CSS it ignores and missing glyphs; the CLI stays readable.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


class TidakMuat(Exception):
    """A poster that does not fit on one page even at the minimum text size."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


_font_config = None


def font_config() -> Any:
    """One FontConfiguration per process: loading the system fonts is slow."""
    global _font_config
    if _font_config is None:
        from weasyprint.text.fonts import FontConfiguration

        _font_config = FontConfiguration()
    return _font_config


def layout(html: str, stylesheets: Optional[list[Any]] = None) -> Any:
    import weasyprint

    return weasyprint.HTML(string=html, base_url=t.base_url()).render(
        font_config=font_config(), stylesheets=stylesheets, **PDF_OPTIONS
    )


def to_pdf(document: Any) -> bytes:
    return document.write_pdf(**PDF_OPTIONS)


# -- fitting --------------------------------------------------------------------------


def _classes(box: Any) -> str:
    el = getattr(box, "element", None)
    if el is None or getattr(box, "element_tag", None) is None:
        return ""
    return el.get("class") or ""


def _walk(box: Any):
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk(child)


def _root_boxes(page: Any):
    from weasyprint.formatting_structure import boxes

    for child in page._page_box.children:
        if not isinstance(child, boxes.MarginBox):
            yield child


def _bottom(box: Any) -> float:
    return box.position_y + box.margin_height()


#: Classes of boxes the fit check leaves alone: the watermark is rotated on purpose
#: and the anchored footer is checked as a whole.
_DECORATION = "tanda-air"
_ANCHORED = "jangkar-bawah"


def excess(document: Any) -> float:
    """How far (px) the poster runs past its room: > 0 does not fit.

    Infinite when there is more than one page. Otherwise the largest of: how far a
    box reaches below the page area, and how far the flowing content reaches into
    the footer anchored to the bottom of the sheet (``.jangkar-bawah``).
    """
    if len(document.pages) != 1:
        return float("inf")
    pb = document.pages[0]._page_box
    page_bottom = pb.content_box_y() + pb.height
    anchors: list[float] = []
    worst = -float("inf")

    def visit(box: Any) -> tuple[bool, float]:
        """(contains an anchored box, lowest content outside anchored boxes)"""
        nonlocal worst
        cls = _classes(box).split()
        if _DECORATION in cls:
            return False, 0.0
        y = getattr(box, "position_y", None)
        own = _bottom(box) if y is not None else 0.0
        worst = max(worst, own - page_bottom)
        if _ANCHORED in cls:
            anchors.append(y)
            return True, 0.0
        contains, low = False, 0.0
        for child in getattr(box, "children", ()):
            c, b = visit(child)
            contains |= c
            low = max(low, b)
        if not contains:
            low = max(low, own)
        return contains, low

    for root in _root_boxes(document.pages[0]):
        _, low = visit(root)
        for a in anchors:
            worst = max(worst, low - a)
    return worst


def fits(document: Any) -> bool:
    """Exactly one page, nothing below the page area, nothing under the footer."""
    return excess(document) <= 0.5  # half a pixel of rounding slack


@dataclass
class Hasil:
    document: Any
    pt: float  # body text size on A3 that fitted


def fit(make_html: Callable[[float], str], pts: list[float], start: int = 0) -> Optional[Hasil]:
    """The largest size in ``pts`` (largest first) whose layout fits, or None.

    Tries ``pts[start]`` first; a first failure jumps to the smallest size (a
    hopeless poster fails after two layouts), then bisects between.
    """
    cache: dict[int, Any] = {}

    def attempt(i: int) -> bool:
        if i not in cache:
            doc = layout(make_html(pts[i]))
            cache[i] = doc if fits(doc) else None
        return cache[i] is not None

    lo = start
    if attempt(lo):
        # When starting below the largest size (A4 after A3), look one step up.
        while lo > 0 and attempt(lo - 1):
            lo -= 1
        return Hasil(cache[lo], pts[lo])
    hi = len(pts) - 1
    if not attempt(hi):
        return None
    # invariant: pts[lo] fails, pts[hi] fits
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if attempt(mid):
            hi = mid
        else:
            lo = mid
    return Hasil(cache[hi], pts[hi])


# -- posters ---------------------------------------------------------------------------


def html_poster(p: PosterIn, size: str, pt_a3: float) -> str:
    from . import paths

    return t.render(
        "poster.html",
        p=p,
        ident=p.identitas,
        fmt=t.format_poster(size, pt_a3),
        qr=t.qr_data_uri(p.layanan.page_url),
        short_url=paths.short_url(p.layanan.page_url),
        short_url_html=t.alamat_bertingkat(paths.short_url(p.layanan.page_url)),
        logo_uri=t.logo_uri(p.identitas.logo),
        nama_unit=[u.nama for u in reversed(p.layanan.units)],
    )


def render_poster(p: PosterIn, sizes: tuple[str, ...] = ("a3", "a4"), nama_berkas: Optional[dict] = None
                  ) -> dict[str, bytes]:
    """PDF bytes per size. Raises :class:`TidakMuat` naming the poster and what is too long."""
    out: dict[str, bytes] = {}
    start = 0
    for size in sizes:
        hasil = fit(lambda pt: html_poster(p, size, pt), POSTER_PT, start)
        if hasil is None:
            nama = (nama_berkas or {}).get(size, f"{p.layanan.slug}-{size}.pdf")
            raise TidakMuat(_diagnosa_poster(p, size, nama))
        start = POSTER_PT.index(hasil.pt)
        out[size] = to_pdf(hasil.document)
    return out


def _tinggi_bagian(html: str, size: str) -> tuple[float, float, dict[str, float]]:
    """Natural height of the poster's content on an endless page, and of each part."""
    from weasyprint import CSS

    fmt = t.format_poster(size, POSTER_PT[-1])
    tall = CSS(string=f"@page {{ size: {fmt.lebar}mm 5000mm !important }} "
                      ".lembar { height: auto !important } "
                      ".jangkar-bawah { position: static !important }")
    doc = layout(html, stylesheets=[tall])
    parts: dict[str, float] = {}
    total = 0.0
    for root in _root_boxes(doc.pages[0]):
        for box in _walk(root):
            if not _classes(box) and getattr(box, "element_tag", None) is None:
                continue
            el = box.element
            if "lembar" in (el.get("class") or "") and box.element_tag == "div":
                total = max(total, box.margin_height())
            k = el.get("data-bagian")
            if k and k not in parts:
                parts[k] = box.margin_height()
    px_mm = 25.4 / 96
    return total * px_mm, fmt.tinggi_isi, {k: v * px_mm for k, v in parts.items()}


def _rincian_bagian(d: m.Layanan) -> dict[str, str]:
    from . import view

    grup = [g for g in m.kelompok_persyaratan(d.persyaratan or []) if g.kelompok]
    syarat = f"{view.jumlah_syarat(d.persyaratan)} butir"
    if grup:
        syarat += f" dalam {len(grup)} kelompok pemohon"
    return {
        "judul": "nama dan ringkasan layanan",
        "fakta": "jangka waktu, biaya, dan produk",
        "persyaratan": f"persyaratan ({syarat})",
        "prosedur": f"alur pelayanan ({view.jumlah_langkah(d.prosedur)} langkah)",
        "biaya": f"rincian biaya/tarif ({len(view.baris_tarif(d.biaya))} baris tarif)",
        "pengaduan": f"saluran pengaduan ({len(d.pengaduan.saluran) if d.pengaduan else 0} saluran)",
        "kaki": "tempat, jam layanan, dan penetapan",
    }


def _diagnosa_poster(p: PosterIn, size: str, nama: str) -> str:
    html = html_poster(p, size, POSTER_PT[-1])
    try:
        total, ruang, parts = _tinggi_bagian(html, size)
    except Exception:  # pragma: no cover - diagnosis must never hide the real error
        total, ruang, parts = 0.0, 0.0, {}
    label = _rincian_bagian(p.layanan.data)
    # The two columns stand side by side: the taller one is what counts.
    urut = sorted(((h, k) for k, h in parts.items() if k in label), reverse=True)
    bagian = ", ".join(f"{label[k]} {h / 10:.0f} cm" for h, k in urut[:3])
    min_pt = t.format_poster(size, POSTER_PT[-1]).pt
    pesan = (
        f"{nama}: poster {size.upper()} layanan '{p.layanan.data.nama}' tidak muat dalam satu "
        f"halaman, walaupun huruf sudah diperkecil sampai {min_pt:g} pt."
    )
    if total and ruang:
        pesan += f" Isi poster setinggi {total / 10:.0f} cm, padahal halaman hanya {ruang / 10:.0f} cm."
    if bagian:
        pesan += f" Bagian terpanjang: {bagian}."
    pesan += (" Ringkas isinya (misalnya gabungkan persyaratan yang serupa atau pindahkan "
              "rincian tarif ke peraturan yang dirujuk); rincian lengkap tetap ada di halaman web.")
    return pesan


# -- maklumat and handbook --------------------------------------------------------------


def html_maklumat(mk: MaklumatIn, size: str, pt_a3: float) -> str:
    return t.render(
        "maklumat.html",
        mk=mk,
        ident=mk.identitas,
        fmt=t.format_poster(size, pt_a3, margin_a3=18.0),
        logo_uri=t.logo_uri(mk.identitas.logo),
    )


def render_maklumat(mk: MaklumatIn, sizes: tuple[str, ...] = ("a3", "a4"), nama_berkas: Optional[dict] = None
                    ) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    start = 0
    for size in sizes:
        hasil = fit(lambda pt: html_maklumat(mk, size, pt), MAKLUMAT_PT, start)
        if hasil is None:
            nama = (nama_berkas or {}).get(size, f"maklumat-{size}.pdf")
            raise TidakMuat(
                f"{nama}: maklumat {size.upper()} unit '{mk.unit.nama}' tidak muat dalam satu halaman, "
                f"walaupun huruf sudah diperkecil. Periksa panjang visi, misi, dan isi maklumat."
            )
        start = MAKLUMAT_PT.index(hasil.pt)
        out[size] = to_pdf(hasil.document)
    return out


def html_buku(b: BukuIn) -> str:
    return t.render(
        "buku.html",
        b=b,
        ident=b.identitas,
        fmt=t.format_buku(),
        logo_uri=t.logo_uri(b.identitas.logo),
        qr=t.qr_data_uri,
    )


def render_buku(b: BukuIn) -> bytes:
    return to_pdf(layout(html_buku(b)))
