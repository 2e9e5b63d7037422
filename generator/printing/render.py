"""HTML to PDF with WeasyPrint, and the one-page guarantee of posters.

A poster is laid out at a text size; when it does not fit on one page it is laid
out again at a smaller size, down to the minimum legible size (14 pt body text on
A3, the same proportion on A4), then with the compact summary (see
:data:`POSTER_TINGKAT`). When even that does not fit, :class:`TidakMuat`
says which poster and which parts are too long, and nothing is written. "Fits"
means one page, nothing below the page area, and no content under the footer: a
box that overflows without breaking would otherwise be cut off silently.

Speed: a WeasyPrint layout of an A3 poster costs 0.1–0.3 s, so the search tries
few sizes. It starts from a guess made from the amount of text (see
:func:`tebakan`), then moves by what each layout measured (how full the page is),
assuming the content grows with the text size to the power ``ALPHA`` (per size).
The guess only decides how many layouts are made, never the result: every answer is
an actual layout that was checked.
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
POSTER_PT = t.levels(20, 14, 1)


@dataclass(frozen=True)
class Tingkat:
    """One step of the poster ladder: a text size, and whether the compact summary
    is used (no step times, no branches, no complaint resolution times, no special
    services; the poster then says these are on the web page)."""

    pt: float
    padat: bool = False


#: The poster ladder, easiest to read first: the summary at 20 .. 14 pt, then the
#: compact summary at 16 .. 14 pt (the largest that fits: a poster that must leave
#: things out at least fills its page).
POSTER_TINGKAT = [Tingkat(pt) for pt in POSTER_PT] + [Tingkat(pt, True) for pt in t.levels(16, 14, 1)]
MAKLUMAT_PT = t.levels(26, 14, 1)
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
#: Stylesheets of each template (site_theme/print/), parsed once per process.
STYLESHEETS = {
    "poster.html": ("fonts.css", "poster.css"),
    "maklumat.html": ("fonts.css", "maklumat.css"),
    "buku.html": ("fonts.css", "buku.css"),
}
#: How a poster's content grows with the text size: h ~ size ** ALPHA (its columns are
#: a fixed width, so a larger size means more lines and taller ones, and unbreakable
#: blocks waste more room). Median over a synthetic corpus: 2.4 on A3 (three columns;
#: 1.9-3.5 for single posters), 1.5 on the X-banner's one wide column.
ALPHA = 2.4
ALPHA_UKURAN = {"a3": ALPHA, "xbanner": 1.5}

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


def to_pdf(document: Any, zoom: float = 1.0, judul: Optional[str] = None) -> bytes:
    """The PDF of a laid-out document; ``zoom`` scales every length (the A4 poster is the
    A3 one at 1/sqrt(2)), ``judul`` replaces its title."""
    if judul is None:
        return document.write_pdf(zoom=zoom, finisher=tandai_lingkup, **PDF_OPTIONS)
    asli = document.metadata.title
    document.metadata.title = judul
    try:
        return document.write_pdf(zoom=zoom, finisher=tandai_lingkup, **PDF_OPTIONS)
    finally:
        document.metadata.title = asli


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


#: The watermark is rotated on purpose; the anchored band and footer are checked as a whole.
_DECORATION = "tanda-air"
_ANCHORED = "jangkar-bawah"
_COLUMNS = "kolom"


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
    kolom_bawah: list[float] = []
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
        if _COLUMNS in cls:
            # Columns filled in order reach the bottom whenever there is more than one
            # column of text: how full they are is their content shared out evenly.
            cols = [c for c in box.children if getattr(c, "is_column", False)]
            if cols:
                bawah = [max((_bottom(x) for x in c.children), default=c.position_y) for c in cols]
                kolom_bawah.append(max(bawah))  # the true lowest text, checked against the room below
                isi = sum(b - c.position_y for b, c in zip(bawah, cols))
                return contains, cols[0].position_y + isi / max(len(cols), box.style["column_count"])
        if not contains:
            low = max(low, own)
        return contains, low

    low = 0.0
    for root in _root_boxes(page):
        _, b = visit(root)
        low = max(low, b)
    room = min([page_bottom, *anchors])
    worst = max(worst, low - room, *(b - room for b in kolom_bawah))
    return worst, low, room


def ukur(document: Any) -> Ukur:
    """How full the layout is, and whether it fits on one page."""
    pages = document.pages
    first = pages[0]._page_box
    top = first.content_box_y()
    worst, low, room_bottom = _excess_page(pages[0])
    room = room_bottom - top
    fits = len(pages) == 1 and worst <= 0.5  # half a pixel of rounding slack
    # The lowest content (columns counted as their content shared out evenly) is how full
    # the page is; what runs over continues on more pages.
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


#: The compact summary fills about this much of what the summary fills (0.64–0.85
#: measured on A3; a poster's own ratio is estimated by :func:`rasio_padat`).
PADAT = 0.74


def _perkiraan(isi: float, dari: Any, ke: Any, padat: float = PADAT, alpha: float = ALPHA) -> float:
    """Predicted fullness at level ``ke`` from the fullness measured at ``dari``
    (``padat``: how much the compact summary fills, relative to the summary)."""
    f = isi * (_pt(ke) / _pt(dari)) ** alpha
    a, b = getattr(dari, "padat", False), getattr(ke, "padat", False)
    if b and not a:
        f *= padat
    elif a and not b:
        f /= padat
    return f


#: Start at the largest level predicted to fill at most MULAI of the page; after a
#: fit, try a level up when it is predicted to fill at most NAIK, or NAIK_JENIS when it
#: is of the other kind (summary vs compact summary): lenient, because the compact
#: summary's savings are a guess (rasio_padat, off by up to 0.07 on the example posters).
MULAI = 0.99
NAIK = 0.98
NAIK_JENIS = 1.02


def fit(make_doc: Callable[[Any], Any], pts: list[Any], start: int = 0,
        measure: Callable[[Any], Ukur] = ukur, padat: float = PADAT, alpha: float = ALPHA) -> Optional[Hasil]:
    """The first level of ``pts`` (sizes, or :class:`Tingkat`, in order of preference)
    whose layout fits, or None.

    Starts at ``pts[start]``. While nothing fits, goes down to the first level the
    last layout predicts to fit. Once something fits, tries the most preferred level
    that the best fit so far predicts to fit too.
    Within one kind (the summary, or the compact summary) a larger size never fits
    where a smaller one did not, so such levels are skipped; across kinds it may (the
    compact summary at 16 pt can be fuller than the summary at 14), so the summary is
    still tried above a compact level that failed. Every answer is a layout that was
    checked; the prediction only saves layouts.
    """
    done: dict[int, tuple[Any, Ukur]] = {}

    def attempt(i: int) -> Ukur:
        if i not in done:
            doc = make_doc(pts[i])
            done[i] = (doc, measure(doc))
        return done[i][1]

    def gagal(j: int) -> bool:
        """Laid out and too long, or larger than a level of its kind that was."""
        kind = getattr(pts[j], "padat", False)
        return any(not u.cocok and getattr(pts[k], "padat", False) == kind and _pt(pts[k]) <= _pt(pts[j])
                   for k, (_, u) in done.items())

    i = max(0, min(start, len(pts) - 1))
    while True:
        u = attempt(i)
        fitted = [k for k, (_, x) in done.items() if x.cocok]
        if fitted:
            best = min(fitted)
            ub = done[best][1]
            jenis = getattr(pts[best], "padat", False)
            naik = next((j for j in range(best)
                         if j not in done and not gagal(j) and _perkiraan(ub.isi, pts[best], pts[j], padat, alpha)
                         <= (NAIK if getattr(pts[j], "padat", False) == jenis else NAIK_JENIS)), None)
            if naik is None:
                return Hasil(done[best][0], pts[best], len(done))
            i = naik
            continue
        # Nothing fits yet: go down to the first level predicted to fit (the last one at worst).
        j = i + 1
        while j < len(pts) - 1 and (gagal(j) or _perkiraan(u.isi, pts[i], pts[j], padat, alpha) > 0.99):
            j += 1
        if j >= len(pts) or gagal(j):
            return None
        i = j


# -- posters ---------------------------------------------------------------------------


def _lebar_qr(alamat: str, fmt: t.Format) -> float:
    """Width (mm) of the QR cell: the code (its address is printed under the title),
    plus the gap to the title."""
    em = fmt.pt * 25.4 / 72
    return round(fmt.mm(46) + em, 2)


#: Width (mm on A3) of the survey's QR code in the complaint band ("Beri penilaian layanan ini").
LEBAR_QR_SURVEI = 24

#: Said on a compact poster, in its footer line: what it leaves out, and where it is.
CATATAN_PADAT = ("Ringkasan layanan, waktu tiap langkah, percabangan alur, waktu penyelesaian pengaduan, dan pelayanan "
                 "khusus: lihat halaman web layanan ini (kode QR).")


def tampilan_layanan(lay: Any) -> tampilan.Layanan:
    """The view of a printed service (the same the web page lays out)."""
    return tampilan.layanan(lay.data, lay.units, lay.slug)


def pita(status: Optional[m.Status]) -> dict[str, Any]:
    """The status band of a whole unit's outputs (maklumat, handbook)."""
    return {"status": status, "label_status": m.LABEL_STATUS[status] if status else "", "konsultasi": None}


#: Above this many items, :func:`bagi_urut` splits greedily (the exact split costs m*m*n).
BAGI_MAKS = 40


def bagi_urut(tinggi: list[float], n: int) -> list[tuple[int, int]]:
    """Split items of the given heights, in order, into at most ``n`` consecutive groups
    whose tallest is as short as can be: (start, end) of each group."""
    m = len(tinggi)
    n = max(1, min(n, m))
    awal = [0.0]
    for h in tinggi:
        awal.append(awal[-1] + h)
    if m > BAGI_MAKS:  # far too many to fit anyway: a greedy split, in linear time
        out, a = [], 0
        for k in range(1, n):
            b = a
            while b < m - (n - k) and awal[b + 1] <= awal[m] * k / n:
                b += 1
            out.append((a, max(b, a + 1)))
            a = max(b, a + 1)
        return out + [(a, m)]
    # terbaik[k][i]: the tallest group when the first i items make k groups.
    inf = math.inf
    terbaik = [[inf] * (m + 1) for _ in range(n + 1)]
    pisah = [[0] * (m + 1) for _ in range(n + 1)]
    terbaik[0][0] = 0.0
    for k in range(1, n + 1):
        for i in range(1, m + 1):
            for j in range(k - 1, i):
                x = max(terbaik[k - 1][j], awal[i] - awal[j])
                if x < terbaik[k][i]:
                    terbaik[k][i], pisah[k][i] = x, j
    out, i = [], m
    for k in range(n, 0, -1):
        out.append((pisah[k][i], i))
        i = pisah[k][i]
    return [g for g in reversed(out) if g[0] < g[1]]


def kolom_saluran(daftar: list[Any], fmt: t.Format, padat: bool, kurang_mm: float = 0.0) -> list[list[Any]]:
    """The complaint channels in the band's columns, in order, about equally tall (the
    height of each is guessed from its length; the band is measured anyway). Columns
    of our own, not CSS columns: WeasyPrint balances a list of unbreakable items in
    hundreds of layout passes. ``kurang_mm``: width the band gives to something else
    (the survey's QR code)."""
    n = 2 if fmt.nama == "xbanner" else (4 if padat else 3)
    if kurang_mm and fmt.nama != "xbanner":
        n -= 1
    if len(daftar) <= 1:
        return [list(daftar)] if daftar else []
    em = fmt.pt * 25.4 / 72
    lebar = (fmt.lebar - 2 * fmt.margin - kurang_mm - 1.4 * em - (n - 1) * em) / n
    per_baris = max(8.0, lebar / (0.55 * em))
    tinggi = [math.ceil(len(f"{s.nama}: {s.nilai_ringkas}") / per_baris) + 0.15 for s in daftar]
    return [list(daftar[a:b]) for a, b in bagi_urut(tinggi, n)]


def html_poster(p: PosterIn, size: str, pt_a3: float, css_inline: bool = True, padat: bool = False,
                bawah_mm: Optional[float] = None, hanya_bawah: bool = False, seimbang: bool = False) -> str:
    """The poster's HTML. ``css_inline`` makes it self-contained (for looking at it,
    or rendering it with plain WeasyPrint); the pipeline passes the CSS pre-parsed.

    ``bawah_mm``: the measured height of the complaint band and footer (see
    :func:`tinggi_bawah`); they are then anchored to the bottom of the page and the
    columns filled in order (``seimbang``: balanced, several layout passes). Without
    it they follow the columns, which are balanced. ``hanya_bawah``: only the band
    and footer."""
    fmt = t.format_poster(size, pt_a3)
    url = p.layanan.page_url
    v = tampilan_layanan(p.layanan)
    # The satisfaction survey (the service's own, else its unit's): a second QR code in the band.
    lay = p.layanan
    survei = tampilan.web((lay.data.skm.tautan if lay.data.skm else None) or tampilan.tautan_skm(lay.units))
    em = fmt.pt * 25.4 / 72
    # The cell: the code, or the longest word of "Beri penilaian layanan ini" (0.8 em bold), plus the gap.
    lebar_survei = max(fmt.mm(LEBAR_QR_SURVEI), 5.2 * 0.8 * em) + em if survei else 0.0
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
        bawah_mm=bawah_mm,
        hanya_bawah=hanya_bawah,
        seimbang=seimbang,
        kolom_saluran=kolom_saluran(v.komponen["pengaduan"].isi.saluran if v.komponen["pengaduan"].isi else [],
                                    fmt, padat, lebar_survei),
        survei=survei,
        qr_survei=t.qr_data_uri(survei.href) if survei else None,
        survei_pendek=paths.short_url(survei.href) if survei else None,
        lebar_survei=lebar_survei,
        qr_survei_mm=fmt.mm(LEBAR_QR_SURVEI),
        padat=padat,
        CATATAN_PADAT=CATATAN_PADAT,
        css_inline=css_inline,
        stylesheets=STYLESHEETS["poster.html"],
    )


def tinggi_bawah(p: PosterIn, size: str, lv: Tingkat) -> Optional[float]:
    """Height (mm) of the complaint band and footer of a poster at level ``lv``, from a
    small layout of only them (its width and styles are the poster's). None on the
    X-banner, whose one column the band simply follows."""
    if t.format_poster(size, lv.pt).kolom == 1:
        return None
    doc = layout(html_poster(p, size, lv.pt, css_inline=False, padat=lv.padat, hanya_bawah=True), "poster.html")
    if len(doc.pages) != 1:  # taller than a page: reserve it all, the poster cannot fit
        return t.format_poster(size, lv.pt).tinggi_isi
    for root in _root_boxes(doc.pages[0]):
        for box in _walk(root):
            if "bawah" in _classes(box):
                # Rounded up: the band must never reach into the columns' room.
                return math.ceil(box.margin_height() * _PX_MM * 100) / 100 + 0.05
    raise AssertionError("poster.html has no .bawah block")  # pragma: no cover - a template bug


def html_cetak(p: PosterIn, size: str, lv: Tingkat, css_inline: bool = False, seimbang: bool = False) -> str:
    """The HTML the pipeline lays out for ``size`` at level ``lv``."""
    return html_poster(p, size, lv.pt, css_inline=css_inline, padat=lv.padat, bawah_mm=tinggi_bawah(p, size, lv),
                       seimbang=seimbang)


_TAG = re.compile(r"<[^>]+>")
_BLOK = re.compile(r"<(li|p|h2|h3)\b[^>]*>(.*?)</\1>", re.S)


#: Coefficients of :func:`tebakan` (constant, characters, blocks, title characters),
#: fitted by bench/fit_tebakan.py.
TEBAKAN = (0.149582, 0.000331814, -0.000856414, 0.00049056)


def _ciri(html: str) -> Optional[tuple[float, float, float]]:
    """The amount of text of a poster's HTML: characters and blocks in the columns,
    characters in the title area."""
    try:
        head = html[html.index('<div class="judul"'):html.index('<div class="isi')]
        body = html[html.index('<div class="isi'):html.index('<div class="bawah')]
    except ValueError:
        return None
    lens = [len(_html.unescape(_TAG.sub("", x)).strip()) for _, x in _BLOK.findall(body)]
    kepala = len(_html.unescape(_TAG.sub("", head)).strip())
    return float(sum(lens)), float(len(lens)), float(kepala)


def tebakan(html: str) -> float:
    """A guess of how full (column content / room) a poster is at 14 pt on A3, from
    the amount of text in its HTML (:func:`_ciri`): a linear fit over the example
    standards, the test trees, the real standards and a synthetic corpus. It only
    picks where the search starts; refit it with bench/fit_tebakan.py when the poster
    layout changes much (bench/bench_print.py reports layouts per poster)."""
    ciri = _ciri(html)
    if ciri is None:
        return 1.0
    return TEBAKAN[0] + sum(c * x for c, x in zip(TEBAKAN[1:], ciri))


def _mulai(isi14: float, pts: list[Any], padat: float = PADAT, alpha: float = ALPHA) -> int:
    """Where the search starts, from the guessed fullness at 14 pt."""
    for i, lv in enumerate(pts):
        if _perkiraan(isi14, 14.0, lv, padat, alpha) <= MULAI:
            return i
    return len(pts) - 1


#: How full an X-banner is, relative to the A3 poster at the same A3-equivalent size,
#: and how much less its compact summary saves (its complaint band is in its column,
#: and the compact summary shortens it less than the rest). bench/fit_tebakan.py.
XBANNER_MUAT = 0.936
XBANNER_PADAT = 1.08


def rasio_padat(p: PosterIn, penuh: float) -> float:
    """How much of the summary the compact summary fills on this poster's A3 (guessed
    from the amount of text of both; ``penuh``: the summary's guess, :func:`tebakan`)."""
    padat = tebakan(html_poster(p, "a3", POSTER_PT[-1], css_inline=False, padat=True))
    return min(1.0, max(0.5, padat / penuh)) if penuh > 0 else PADAT


#: A poster at the largest size of its kind (the summary at 20 pt, the compact summary
#: at 16 pt) whose columns fill less than this is laid out once more with balanced
#: columns: filled in order, its last column would stay short or empty. (Any other
#: poster fills its columns nearly: the next size up did not fit.)
SEIMBANG = 0.9


def _seimbangkan(p: PosterIn, size: str, hasil: Hasil) -> Any:
    """The document to print: ``hasil``'s, or, for a short poster, the same level with
    balanced columns (when that fits too, which it should)."""
    pertama = [lv for lv in POSTER_TINGKAT if lv.padat == hasil.pt.padat][0]  # the largest of its kind
    if hasil.pt != pertama or ukur(hasil.document).isi >= SEIMBANG:
        return hasil.document
    doc = layout(html_cetak(p, size, hasil.pt, seimbang=True), "poster.html", logo=p.identitas.logo)
    return doc if ukur(doc).cocok else hasil.document


def render_poster(p: PosterIn, sizes: tuple[str, ...] = paths.SIZES, nama_berkas: Optional[dict] = None,
                  info: Optional[dict] = None) -> dict[str, bytes]:
    """PDF bytes per size. Raises :class:`TidakMuat` naming the poster and what is too long.
    ``info``, when given, receives per size the :class:`Tingkat` that fitted and the
    number of layouts made.

    The A4 poster is the A3 one in miniature by design (every length in rem or scaled
    by the same factor), so it is not laid out again: the A3 layout is written at A4
    size (WeasyPrint's ``zoom``), text, tags and all."""
    out: dict[str, bytes] = {}
    ladder = POSTER_TINGKAT
    tebak = tebakan(html_poster(p, "a3", POSTER_PT[-1], css_inline=False))
    rasio = rasio_padat(p, tebak)
    a3: Optional[tuple[Any, Tingkat, int]] = None  # the A3 layout: document, level, layouts made
    for size in sizes:
        nama = (nama_berkas or {}).get(size, f"{p.layanan.slug}-{size}.pdf")
        if size == "xbanner":
            padat = min(0.95, rasio * XBANNER_PADAT)
            alpha = ALPHA_UKURAN["xbanner"]
            hasil = fit(lambda lv: layout(html_cetak(p, "xbanner", lv), "poster.html", logo=p.identitas.logo),
                        ladder, _mulai(tebak * XBANNER_MUAT, ladder, padat, alpha), padat=padat, alpha=alpha)
            if hasil is None:
                raise TidakMuat(*_diagnosa_poster(p, size, nama))
            if info is not None:
                info[size] = (hasil.pt, hasil.percobaan)
            out[size] = to_pdf(hasil.document)
            continue
        if a3 is None:
            hasil = fit(lambda lv: layout(html_cetak(p, "a3", lv), "poster.html", logo=p.identitas.logo),
                        ladder, _mulai(tebak, ladder, rasio), padat=rasio, alpha=ALPHA_UKURAN["a3"])
            if hasil is None:
                raise TidakMuat(*_diagnosa_poster(p, size, nama))
            a3 = (_seimbangkan(p, "a3", hasil), hasil.pt, hasil.percobaan)
        doc, lv, n = a3
        if info is not None:
            info[size] = (lv, n if size == "a3" else 0)
        out[size] = to_pdf(doc) if size == "a3" else to_pdf(doc, zoom=t.format_poster(size, lv.pt).k,
                                                          judul=_judul_ukuran(doc, size))
    return out


def _judul_ukuran(document: Any, size: str) -> Optional[str]:
    """The document title with the size it is written at: "... (A3)" -> "... (A4)"."""
    judul = document.metadata.title
    a3 = f"({t.LABEL_UKURAN['a3']})"
    if judul and judul.endswith(a3):
        return judul[: -len(a3)] + f"({t.LABEL_UKURAN[size]})"
    return judul


def _tinggi_bagian(html: str, size: str, logo: Optional[str] = None) -> tuple[float, float, dict[str, float]]:
    """Natural height (mm) of the poster's content, the room on a real page, and the
    height of each part (in its column). One cheap layout: an endless page where the
    first column takes everything; the poster's columns would share that height."""
    from weasyprint import CSS

    fmt = t.format_poster(size, POSTER_PT[-1])
    tall = CSS(string=f"@page {{ size: {fmt.lebar}mm 20000mm !important; margin-bottom: {fmt.margin}mm !important }} "
                      ".kolom { column-fill: auto !important }",
               url_fetcher=penjemput())
    doc = layout(html, "poster.html", (tall,), logo=logo)
    parts: dict[str, float] = {}
    top = kolom = 0.0
    bawah = 0.0  # the complaint band and the footer, after the columns
    for root in _root_boxes(doc.pages[0]):
        for box in _walk(root):
            cls = _classes(box)
            if not cls and getattr(box, "element_tag", None) is None:
                continue
            if "kolom" in cls:
                top, kolom = box.position_y - root.position_y, box.margin_height()
            if "bawah" in cls:
                bawah = box.margin_height()
            k = box.element.get("data-bagian") if getattr(box, "element", None) is not None else None
            if k and k not in parts:
                parts[k] = box.margin_height()
    total = top + kolom / fmt.kolom + bawah
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
