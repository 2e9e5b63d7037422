"""HTML to PDF with WeasyPrint, and the one-page guarantee of posters.

A poster is laid out at a text size; when it does not fit on one page it is laid
out again at a smaller size, down to the minimum legible size (14 pt body text on
A3, the same proportion on A4). When even that does not fit, :class:`TidakMuat`
says which poster and which parts are too long, and nothing is written. "Fits"
means one page, nothing below the page area, and no content under the footer: a
box that overflows without breaking would otherwise be cut off silently.

Speed: a WeasyPrint layout of an A3 poster costs 0.1–0.3 s, so the search tries
few sizes. It starts from a guess made from the amount of text (see
:func:`tebakan`), then moves by what each layout measured (how full the page is),
assuming the content's height grows with the text size to the power 1.8 (1.4–2.3
measured). The guess only decides how many layouts are made, never the result:
every answer is an actual layout that was checked.
"""

from __future__ import annotations

import html as _html
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

from .. import model as m
from .. import tampilan
from . import paths
from . import templates as t
from .inputs import BukuIn, MaklumatIn, PosterIn

#: Body text sizes on A3, largest first; A4 uses the same proportions.
POSTER_PT = t.levels(18, 14, 1)


@dataclass(frozen=True)
class Tingkat:
    """One step of the poster ladder: a text size, and whether the compact summary
    is used (no step times, no branches, no complaint resolution times, no special
    services; the poster then says these are on the web page)."""

    pt: float
    padat: bool = False


#: The poster ladder, easiest to read first: the summary at 18 .. 14 pt, then, as a
#: last resort, the compact summary at 14 pt.
POSTER_TINGKAT = [Tingkat(pt) for pt in POSTER_PT] + [Tingkat(POSTER_PT[-1], True)]
MAKLUMAT_PT = t.levels(26, 14, 1)
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
#: Stylesheets of each template (site_theme/print/), parsed once per process.
STYLESHEETS = {
    "poster.html": ("fonts.css", "poster.css"),
    "maklumat.html": ("fonts.css", "maklumat.css"),
    "buku.html": ("fonts.css", "buku.css"),
}
#: How a page's content height grows with the text size: h ~ size ** ALPHA.
ALPHA = 1.8

# WeasyPrint logs CSS it ignores and missing glyphs; the CLI stays readable.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

_PX_MM = 25.4 / 96


class TidakMuat(Exception):
    """A poster that does not fit on one page even at the minimum text size."""

    def __init__(self, pesan: str, bagian: Optional[str] = None):
        super().__init__(pesan)
        self.pesan = pesan
        #: The part that takes the most room (a ``data-bagian`` of poster.html), if known.
        self.bagian = bagian


_font_config = None
#: Images (the logo) decoded once per process.
_IMAGES: dict = {}


def font_config() -> Any:
    """One FontConfiguration per process: loading the system fonts is slow."""
    global _font_config
    if _font_config is None:
        import atexit
        from multiprocessing import util

        from weasyprint.text.fonts import FontConfiguration

        _font_config = FontConfiguration()
        # Remove its temporary font folder on exit, before interpreter shutdown
        # (its __del__ would then fail noisily), also in pool workers (which leave
        # through multiprocessing's exit handlers, not atexit).
        atexit.register(close_font_config)
        util.Finalize(None, close_font_config, exitpriority=10)
    return _font_config


def close_font_config() -> None:
    global _font_config
    fc, _font_config = _font_config, None
    if fc is not None and getattr(fc, "_folder", None):
        import shutil

        shutil.rmtree(fc._folder, ignore_errors=True)
        fc._folder = None
    _sheet.cache_clear()


class URLDitolak(ValueError):
    """A URL the printed form may not load (WeasyPrint skips the resource)."""


def _boleh(url: str, logo: Optional[Path]) -> str:
    """The URL to open for ``url``, or :class:`URLDitolak`. Allowed: data: URIs, and
    file: URLs whose real path is inside the print templates or the fonts, or is the
    logo file. Nothing else: no network (http, https, ftp, ...), no other file."""
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return url
        if scheme == "file" and parts.netloc in ("", "localhost") and not parts.query:
            real = Path(url2pathname(parts.path)).resolve()
            if real == logo or any(real.is_relative_to(d) for d in _AKAR_BERKAS()):
                return real.as_uri()
    except (ValueError, OSError, RuntimeError):
        pass
    raise URLDitolak(f"cetak hanya memuat berkas templat, huruf, dan logo; ditolak: {url[:200]}")


@lru_cache(maxsize=1)
def _AKAR_BERKAS() -> tuple[Path, ...]:  # noqa: N802 - a constant, computed once
    return (paths.TEMPLATE_DIR.resolve(), paths.FONT_DIR.resolve())


@lru_cache(maxsize=1)
def _kelas_penjemput() -> type:
    from weasyprint.urls import URLFetcher

    class Penjemput(URLFetcher):
        """WeasyPrint's fetcher, restricted by :func:`_boleh` before anything is opened."""

        def __init__(self, logo: Optional[str]):
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
            self.logo = Path(logo).resolve() if logo else None

        def fetch(self, url: str, headers: Any = None) -> Any:
            return super().fetch(_boleh(url, self.logo), headers)

    return Penjemput


@lru_cache(maxsize=8)
def penjemput(logo: Optional[str] = None) -> Any:
    """The URL fetcher of every WeasyPrint document and stylesheet (see :func:`_boleh`);
    ``logo``: the logo file (a path accepted by ``catalog.berkas_logo``), or None."""
    return _kelas_penjemput()(logo)


@lru_cache(maxsize=None)
def _sheet(name: str) -> Any:
    from weasyprint import CSS

    return CSS(filename=str(paths.TEMPLATE_DIR / name), base_url=t.base_url(), font_config=font_config(),
               url_fetcher=penjemput())


def stylesheets(template: str) -> list[Any]:
    return [_sheet(n) for n in STYLESHEETS[template]]


def layout(html: str, template: Optional[str] = None, extra: tuple[Any, ...] = (),
           logo: Optional[str] = None) -> Any:
    """Lay out ``html``; with ``template``, its stylesheets are applied pre-parsed
    (the HTML was made with ``css_inline=False``). Nothing is loaded but data: URIs,
    the print templates, the fonts and ``logo`` (see :func:`penjemput`)."""
    import weasyprint

    sheets = (stylesheets(template) if template else []) + list(extra)
    return weasyprint.HTML(string=html, base_url=t.base_url(), url_fetcher=penjemput(logo)).render(
        font_config=font_config(), stylesheets=sheets or None, cache=_IMAGES, **PDF_OPTIONS
    )


def to_pdf(document: Any) -> bytes:
    return document.write_pdf(finisher=tandai_lingkup, **PDF_OPTIONS)


#: HTML ``scope`` of a header cell -> PDF ``/Scope`` (ISO 32000-1, Table 349).
_LINGKUP = {"row": "/Row", "col": "/Column"}


def tandai_lingkup(document: Any, pdf: Any) -> None:
    """Write ``/Scope`` on every TH structure element, from the ``<th scope>`` it was made of.

    WeasyPrint 70 tags ``<th>`` as TH with an ``/ID`` and gives each TD ``/Headers``
    (row headers from ``scope="row"``, every other ``th`` as a column header), but it does
    not write the ``/Scope`` attribute (Kozea/WeasyPrint#2508). ``write_pdf``'s documented
    ``finisher`` runs after the structure tree is built and before the file is written;
    WeasyPrint keeps each cell's structure element on its box (``box.mark``, the same
    object that receives ``/ID``), so the scope is added to that element's ``/A``
    (attribute owner ``/Table``). A ``th`` without ``scope`` gets ``/Column``, which is
    what WeasyPrint's own ``/Headers`` already made of it: the two never disagree.
    """
    for page in document.pages:
        for box in _walk(page._page_box):
            mark = getattr(box, "mark", None)
            if mark is None or getattr(box, "element_tag", None) != "th" or "A" not in mark:
                continue
            mark["A"]["Scope"] = _LINGKUP.get((box.element.get("scope") or "").strip().lower(), "/Column")


# -- measuring a layout ------------------------------------------------------------------


def _classes(box: Any) -> list[str]:
    el = getattr(box, "element", None)
    if el is None or getattr(box, "element_tag", None) is None:
        return []
    return (el.get("class") or "").split()


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


#: The watermark is rotated on purpose; the anchored footer is checked as a whole.
_DECORATION = "tanda-air"
_ANCHORED = "jangkar-bawah"


@dataclass
class Ukur:
    """What one layout says about fitting."""

    cocok: bool  # fits on one page
    isi: float  # how full: content height / room (> 1 when it does not fit)
    lebih_mm: float  # how far it runs past its room (mm, <= 0 when it fits)


def _excess_page(page: Any) -> tuple[float, float, float]:
    """(overflow px, lowest flowing content px, room bottom px) of one page."""
    pb = page._page_box
    page_bottom = pb.content_box_y() + pb.height
    anchors: list[float] = []
    worst = -math.inf

    page_right = pb.content_box_x() + pb.width

    def visit(box: Any) -> tuple[bool, float]:
        nonlocal worst
        cls = _classes(box)
        if _DECORATION in cls:
            return False, 0.0
        y = getattr(box, "position_y", None)
        own = _bottom(box) if y is not None else 0.0
        x = getattr(box, "position_x", None)
        if x is not None:  # nothing may stick out sideways either (a long unbreakable word)
            worst = max(worst, x + box.margin_width() - page_right)
        if _ANCHORED in cls:
            anchors.append(y)
            return True, 0.0
        worst = max(worst, own - page_bottom)
        contains, low = False, 0.0
        for child in getattr(box, "children", ()):
            c, b = visit(child)
            contains |= c
            low = max(low, b)
        if not contains:
            low = max(low, own)
        return contains, low

    low = 0.0
    for root in _root_boxes(page):
        _, b = visit(root)
        low = max(low, b)
    room = min([page_bottom, *anchors])
    worst = max(worst, low - room)
    return worst, low, room


def ukur(document: Any) -> Ukur:
    """How full the layout is, and whether it fits on one page."""
    pages = document.pages
    first = pages[0]._page_box
    top = first.content_box_y()
    worst, low, room_bottom = _excess_page(pages[0])
    room = room_bottom - top
    fits = len(pages) == 1 and worst <= 0.5  # half a pixel of rounding slack
    # A poster's columns are balanced and followed by the complaint band, so the lowest
    # content is how full the page is; what runs over continues, balanced, on more pages.
    used = (low - top) + sum(_excess_page(pg)[1] - pg._page_box.content_box_y() for pg in pages[1:])
    isi = used / room if room > 0 else math.inf
    if not fits:
        isi = max(isi, 1.0 + max(worst, 1.0) / max(room, 1.0))
    return Ukur(fits, isi, worst * _PX_MM)


def fits(document: Any) -> bool:
    return ukur(document).cocok


# -- the search ----------------------------------------------------------------------------


@dataclass
class Hasil:
    document: Any
    pt: Any  # the level that fitted (a size, or a Tingkat)
    percobaan: int  # layouts made


def _pt(x: Any) -> float:
    return getattr(x, "pt", x)


#: The compact summary is about this much shorter than the summary (0.82–0.87 measured).
PADAT = 0.85


def _perkiraan(isi: float, dari: Any, ke: Any) -> float:
    """Predicted fullness at level ``ke`` from the fullness measured at ``dari``."""
    f = isi * (_pt(ke) / _pt(dari)) ** ALPHA
    a, b = getattr(dari, "padat", False), getattr(ke, "padat", False)
    if b and not a:
        f *= PADAT
    elif a and not b:
        f /= PADAT
    return f


#: Start at the largest level predicted to fill at most MULAI of the page; after a
#: fit, try one level up when it is predicted to fill at most NAIK. Chosen with a
#: simulation over 108 measured posters (guess error 3 %, exponent 1.8 +- 0.2):
#: 1.22 layouts per poster, the largest size that fits in 92 % of posters and one
#: size below it otherwise. Lenient values (1.02) find it always, at 1.4 layouts.
MULAI = 0.99
NAIK = 0.98


def fit(make_doc: Callable[[Any], Any], pts: list[Any], start: int = 0,
        measure: Callable[[Any], Ukur] = ukur) -> Optional[Hasil]:
    """The first level of ``pts`` (sizes, or :class:`Tingkat`, easiest to read first)
    whose layout fits, or None.

    Starts at ``pts[start]``. After a fit, tries one size up only when the measured
    fullness predicts it fits too; after a miss, jumps down to the size predicted to
    fit. Every answer is a layout that was checked; the prediction only saves layouts.
    """
    done: dict[int, tuple[Any, Ukur]] = {}

    def attempt(i: int) -> Ukur:
        if i not in done:
            doc = make_doc(pts[i])
            done[i] = (doc, measure(doc))
        return done[i][1]

    i = max(0, min(start, len(pts) - 1))
    while True:
        u = attempt(i)
        if u.cocok:
            up = i - 1
            if up >= 0 and up not in done and _perkiraan(u.isi, pts[i], pts[up]) <= NAIK:
                if attempt(up).cocok:
                    i = up
                    continue
            # pts[i] fits; pts[i-1] failed or is not expected to fit.
            best = min(k for k, (_, x) in done.items() if x.cocok)
            return Hasil(done[best][0], pts[best], len(done))
        # Does not fit: go down to the first size predicted to fit (at least one step).
        j = i + 1
        while j < len(pts) - 1 and _perkiraan(u.isi, pts[i], pts[j]) > 0.99:
            j += 1
        while j < len(pts) and j in done and not done[j][1].cocok:
            j += 1
        if j >= len(pts):
            return None
        if j in done:  # a smaller size already fitted
            return Hasil(done[j][0], pts[j], len(done))
        i = j


# -- posters ---------------------------------------------------------------------------


def _lebar_qr(alamat: str, fmt: t.Format) -> float:
    """Width (mm) of the QR cell: the code (its address is printed under the title),
    plus the gap to the title."""
    em = fmt.pt * 25.4 / 72
    return round(fmt.mm(46) + em, 2)


def tinggi_kaki(teks: str, fmt: t.Format) -> float:
    """Room (mm) reserved under the page area for the poster's footer line(s):
    a generous estimate (0.62 em per character); a footer taller than this
    reaches into the page area, which the fit check notices."""
    em = fmt.pt * 25.4 / 72
    per_baris = max(1, int((fmt.lebar - 2 * fmt.margin) / (0.62 * em)))
    baris = max(1, math.ceil(len(teks) / per_baris))
    return round(baris * 1.18 * em + 0.55 * em + 1.0 * fmt.k, 2)


#: Said on a compact poster, in its footer line: what it leaves out, and where it is.
CATATAN_PADAT = ("Ringkasan layanan, waktu tiap langkah, percabangan alur, waktu penyelesaian pengaduan, dan pelayanan "
                 "khusus: lihat halaman web layanan ini (kode QR).")


def tampilan_layanan(lay: Any) -> tampilan.Layanan:
    """The view of a printed service (the same the web page lays out)."""
    return tampilan.layanan(lay.data, lay.units, lay.slug)


def pita(status: Optional[m.Status]) -> dict[str, Any]:
    """The status band of a whole unit's outputs (maklumat, handbook)."""
    return {"status": status, "label_status": m.LABEL_STATUS[status] if status else "", "konsultasi": None}


def _teks_kaki(v: tampilan.Layanan, padat: bool = False) -> str:
    label = v.label_status + ". " if not v.berlaku else ""
    return label + v.penetapan.kalimat + (" " + CATATAN_PADAT if padat else "")


def html_poster(p: PosterIn, size: str, pt_a3: float, css_inline: bool = True, padat: bool = False) -> str:
    """The poster's HTML. ``css_inline`` makes it self-contained (for looking at it,
    or rendering it with plain WeasyPrint); the pipeline passes the CSS pre-parsed."""
    fmt = t.format_poster(size, pt_a3)
    url = p.layanan.page_url
    v = tampilan_layanan(p.layanan)
    return t.render(
        "poster.html",
        p=p,
        v=v,
        ident=p.identitas,
        fmt=fmt,
        qr=t.qr_data_uri(url),
        short_url=paths.short_url(url),
        short_url_html=t.alamat_bertingkat(paths.short_url(url)),
        qr_lebar=_lebar_qr(paths.short_url(url), fmt),
        logo_uri=t.logo_uri(p.identitas.logo),
        nama_unit=[u.nama for u in reversed(p.layanan.units)],
        kaki_mm=tinggi_kaki(_teks_kaki(v, padat), fmt),
        padat=padat,
        CATATAN_PADAT=CATATAN_PADAT,
        css_inline=css_inline,
        stylesheets=STYLESHEETS["poster.html"],
    )


_TAG = re.compile(r"<[^>]+>")
_BLOK = re.compile(r"<(li|p|h2|h3)\b[^>]*>(.*?)</\1>", re.S)


def tebakan(html: str) -> float:
    """A guess of how full (content height / room) a poster is at 14 pt on A3, from
    the amount of text in its HTML: characters and blocks in the columns, characters
    in the title area. A linear fit on 108 posters (the example standards, the test
    tree and the benchmark corpus; 3 % rms error). It only picks where the search
    starts; refit it when the poster layout changes much (bench/bench_print.py
    reports layouts per poster)."""
    try:
        head = html[html.index('<div class="judul"'):html.index('<div class="isi')]
        body = html[html.index('<div class="isi'):html.index("<footer")]
    except ValueError:
        return 1.0
    lens = [len(_html.unescape(_TAG.sub("", x)).strip()) for _, x in _BLOK.findall(body)]
    kepala = len(_html.unescape(_TAG.sub("", head)).strip())
    return 0.2115 + 0.0002197 * sum(lens) + 0.001275 * len(lens) + 0.000306 * kepala


def _mulai(isi14: float, pts: list[Any]) -> int:
    """Where the search starts, from the guessed fullness at 14 pt."""
    for i, lv in enumerate(pts):
        if _perkiraan(isi14, 14.0, lv) <= MULAI:
            return i
    return len(pts) - 1


#: How full an X-banner is, relative to the A3 poster at the same A3-equivalent size (a rough guess).
XBANNER_MUAT = 0.6


def render_poster(p: PosterIn, sizes: tuple[str, ...] = paths.SIZES, nama_berkas: Optional[dict] = None,
                  info: Optional[dict] = None) -> dict[str, bytes]:
    """PDF bytes per size. Raises :class:`TidakMuat` naming the poster and what is too long.
    ``info``, when given, receives per size the :class:`Tingkat` that fitted and the
    number of layouts made."""
    out: dict[str, bytes] = {}
    start: Optional[int] = None
    tebak: Optional[float] = None
    ladder = POSTER_TINGKAT
    for size in sizes:
        if start is None or size == "xbanner":
            if tebak is None:
                tebak = tebakan(html_poster(p, "a3", POSTER_PT[-1], css_inline=False))
            # The X-banner's one tall column holds about XBANNER_MUAT of an A3 poster's text.
            start = _mulai(tebak * (XBANNER_MUAT if size == "xbanner" else 1.0), ladder)

        def make(lv: Tingkat, size: str = size) -> Any:
            return layout(html_poster(p, size, lv.pt, css_inline=False, padat=lv.padat), "poster.html",
                          logo=p.identitas.logo)

        hasil = fit(make, ladder, start)
        if hasil is None:
            nama = (nama_berkas or {}).get(size, f"{p.layanan.slug}-{size}.pdf")
            raise TidakMuat(*_diagnosa_poster(p, size, nama))
        start = ladder.index(hasil.pt)  # A4 is A3 in miniature: start where A3 fitted
        if info is not None:
            info[size] = (hasil.pt, hasil.percobaan)
        out[size] = to_pdf(hasil.document)
    return out


def _tinggi_bagian(html: str, size: str, logo: Optional[str] = None) -> tuple[float, float, dict[str, float]]:
    """Natural height (mm) of the poster's content, the room on a real page, and the
    height of each part (in its column). One cheap layout: an endless page where the
    first column takes everything; the poster's columns would share that height."""
    from weasyprint import CSS

    fmt = t.format_poster(size, POSTER_PT[-1])
    tall = CSS(string=f"@page {{ size: {fmt.lebar}mm 20000mm !important; margin-bottom: {fmt.margin}mm !important }} "
                      ".jangkar-bawah { position: static !important } .kolom { column-fill: auto !important }",
               url_fetcher=penjemput())
    doc = layout(html, "poster.html", (tall,), logo=logo)
    parts: dict[str, float] = {}
    top = kolom = kaki = 0.0
    bawah = 0.0  # everything in the flow after the columns (the complaint band)
    for root in _root_boxes(doc.pages[0]):
        for box in _walk(root):
            cls = _classes(box)
            if not cls and getattr(box, "element_tag", None) is None:
                continue
            if "kolom" in cls:
                top, kolom = box.position_y - root.position_y, box.margin_height()
            if "pita-pengaduan" in cls:
                bawah = box.margin_height()
            if "jangkar-bawah" in cls:
                kaki = box.margin_height()
            k = box.element.get("data-bagian") if getattr(box, "element", None) is not None else None
            if k and k not in parts:
                parts[k] = box.margin_height()
    total = top + kolom / fmt.kolom + bawah + kaki
    return total * _PX_MM, fmt.tinggi_isi, {k: v * _PX_MM for k, v in parts.items()}


def _rincian_bagian(v: tampilan.Layanan) -> dict[str, str]:
    K = v.komponen  # noqa: N806
    p = K["persyaratan"].isi
    grup = [g for g in p.kelompok if g.judul] if p else []
    syarat = f"{p.jumlah if p else 0} butir"
    if grup:
        syarat += f" dalam {len(grup)} kelompok pemohon"
    return {
        "judul": "nama, ringkasan, tempat, dan jam layanan",
        "jangka_waktu": "jangka waktu",
        "produk": "produk",
        "persyaratan": f"persyaratan ({syarat})",
        "prosedur": f"alur pelayanan ({K['prosedur'].isi.jumlah_langkah if K['prosedur'].isi else 0} langkah)",
        "biaya": f"biaya/tarif ({len(K['biaya'].isi.tarif) if K['biaya'].isi else 0} baris tarif)",
        "pengaduan": f"saluran pengaduan ({len(K['pengaduan'].isi.saluran) if K['pengaduan'].isi else 0} saluran)",
        "khusus": "pelayanan khusus",
        "kaki": "penetapan",
    }


def _baris(mm: float, fmt: t.Format) -> int:
    """How many lines of body text (at the poster's smallest size) a height holds."""
    return max(1, round(mm / (fmt.pt * 1.18 * 25.4 / 72)))


def _diagnosa_poster(p: PosterIn, size: str, nama: str) -> tuple[str, Optional[str]]:
    """The message naming what is too long, and the tallest part (its ``data-bagian``)."""
    html = html_poster(p, size, POSTER_PT[-1], css_inline=False, padat=True)
    try:
        total, ruang, parts = _tinggi_bagian(html, size, p.identitas.logo)
    except Exception:  # pragma: no cover - diagnosis must never hide the real error
        total, ruang, parts = 0.0, 0.0, {}
    fmt = t.format_poster(size, POSTER_PT[-1])
    label = _rincian_bagian(tampilan_layanan(p.layanan))
    urut = sorted(((h, k) for k, h in parts.items() if k in label), reverse=True)
    bagian = ", ".join(f"{label[k]} kira-kira {_baris(h, fmt)} baris" for h, k in urut[:3])
    kolom = "satu kolom" if fmt.kolom == 1 else f"{fmt.kolom} kolom"
    pesan = (
        f"{nama}: poster {fmt.label} layanan '{p.layanan.data.nama}' tidak muat dalam satu "
        f"halaman, walaupun huruf sudah diperkecil sampai {fmt.pt:g} pt dan hanya ringkasan terpadat "
        f"yang dicetak."
    )
    if total and ruang and total > ruang:
        # The columns share what is too long: a line less in any column saves a line.
        lebih = _baris((total - ruang) * fmt.kolom, fmt)
        pesan += (f" Isinya kira-kira {lebih} baris teks terlalu panjang: hapus atau ringkas sekitar "
                  f"{lebih} baris teks isi (poster ini {kolom}, huruf {fmt.pt:g} pt).")
    elif total and ruang:
        # The estimate (one endless column split evenly) fits, the real columns do not:
        # a long block cannot be split across columns.
        pesan += " Isinya sedikit terlalu panjang: ada bagian yang tidak dapat dibagi ke kolom berikutnya."
    if bagian:
        pesan += f" Bagian terpanjang: {bagian}."
    pesan += (" Ringkas isinya, misalnya uraian langkah, keterangan persyaratan, atau daftar tarif, atau "
              "tulis uraian singkat khusus poster (ringkas_poster) pada langkah dan persyaratan yang panjang; "
              "rincian lengkap tetap ada di halaman web dan buku standar pelayanan.")
    return pesan, (urut[0][1] if urut else None)


# -- maklumat and handbook --------------------------------------------------------------


def html_maklumat(mk: MaklumatIn, size: str, pt_a3: float, css_inline: bool = True) -> str:
    return t.render(
        "maklumat.html",
        mk=mk,
        uv=tampilan.unit([mk.unit]),
        pita=pita(mk.status),
        ident=mk.identitas,
        fmt=t.format_poster(size, pt_a3, margin_a3=18.0),
        logo_uri=t.logo_uri(mk.identitas.logo),
        css_inline=css_inline,
        stylesheets=STYLESHEETS["maklumat.html"],
    )


def render_maklumat(mk: MaklumatIn, sizes: tuple[str, ...] = paths.SIZES_MAKLUMAT, nama_berkas: Optional[dict] = None,
                    info: Optional[dict] = None) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    start = 0
    for size in sizes:
        def make(pt: float, size: str = size) -> Any:
            return layout(html_maklumat(mk, size, pt, css_inline=False), "maklumat.html", logo=mk.identitas.logo)

        hasil = fit(make, MAKLUMAT_PT, start)
        if hasil is None:
            nama = (nama_berkas or {}).get(size, f"maklumat-{size}.pdf")
            raise TidakMuat(
                f"{nama}: maklumat {size.upper()} unit '{mk.unit.nama}' tidak muat dalam satu halaman, "
                f"walaupun huruf sudah diperkecil. Periksa panjang visi, misi, dan isi maklumat."
            )
        start = MAKLUMAT_PT.index(hasil.pt)
        if info is not None:
            info[size] = (hasil.pt, hasil.percobaan)
        out[size] = to_pdf(hasil.document)
    return out


def html_buku(b: BukuIn, css_inline: bool = True) -> str:
    return t.render(
        "buku.html",
        b=b,
        uv=tampilan.unit([b.unit]),
        pita=pita(b.status),
        bagian=[(bag.judul, [(lay, tampilan_layanan(lay)) for lay in bag.layanan]) for bag in b.bagian],
        ident=b.identitas,
        fmt=t.format_buku(),
        logo_uri=t.logo_uri(b.identitas.logo),
        css_inline=css_inline,
        stylesheets=STYLESHEETS["buku.html"],
    )


def render_buku(b: BukuIn) -> bytes:
    return to_pdf(layout(html_buku(b, css_inline=False), "buku.html", logo=b.identitas.logo))
