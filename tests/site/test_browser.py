"""The built site in real Chromium: accessibility, keyboard, reflow, search, privacy, print."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from generator import model as m
from generator.site.render import slugify

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [1280, 375]
AXE = Axe()


def all_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path ('' is the home page), plus a missing one (404)."""
    out = []
    for f in sorted(site.rglob("index.html")):
        rel = f.parent.relative_to(site).as_posix()
        out.append("" if rel == "." else rel + "/")
    return out + ["halaman-yang-tidak-ada/"]


def templates(catalog) -> dict[str, str]:
    """One URL per kind of page."""
    svc = next((s for s in catalog.services if s.slug == "akta-kelahiran"), catalog.services[0])
    bidang = next((u for u in catalog.all_units() if u.parent is not None), catalog.units[0])
    return {
        "beranda": "",
        "layanan": svc.url,
        "unit": catalog.units[0].url,
        "bidang": bidang.url,
        "az": "layanan/",
        "kategori": "kategori/",
        "kategori-satu": f"kategori/{slugify(min(s.data.kategori for s in catalog.services))}/",
        "unit-daftar": "unit/",
        "pengaduan": "pengaduan/",
        "data-terbuka": "data-terbuka/",
        "panduan": "panduan-petugas/",
        "rancangan": "rancangan/",
        "perubahan": "perubahan/",
        "kepatuhan": "kepatuhan/",
        "kepatuhan-unit": "unit/diskominfo/kepatuhan/",
        "aksesibilitas": "aksesibilitas/",
        "404": "halaman-yang-tidak-ada/",
    }


def axe_violations(page) -> list[str]:
    r = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in r.response["violations"]
    ]


def open_search(page, width: int, query: str) -> None:
    if width < 1220:  # Material shows a search button on narrow screens
        page.click("label.md-header__button[for=__search]")
    else:
        page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.keyboard.press("End")  # a keyup, which is what Material listens to
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    settle(page)


def settle(page) -> None:
    """Wait until CSS transitions (the search dialog fades in) have finished."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def search_titles(page, base: str, query: str) -> list[str]:
    page.goto(base)
    open_search(page, 1280, query)
    page.wait_for_timeout(200)
    return [t.strip() for t in page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()]


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_reports_no_violations_on_any_page(page, server, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for url in all_pages(site):
        page.goto(server.url + url)
        v = axe_violations(page)
        if v:
            problems[url] = v
    assert not problems, problems


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_with_search_dialog_open_and_showing_results(page, server, catalog, width):
    page.set_viewport_size({"width": width, "height": 900})
    for url in ("", catalog.services[0].url):
        page.goto(server.url + url)
        open_search(page, width, "akta lahir")
        assert page.locator(".md-search-result__item").count() >= 1
        assert not axe_violations(page)


def test_every_template_is_in_indonesian(page, server, catalog):
    for url in templates(catalog).values():
        page.goto(server.url + url)
        assert page.evaluate("document.documentElement.lang") == "id"


@pytest.mark.parametrize("name", ["beranda", "layanan", "unit", "bidang", "az", "kategori", "kategori-satu",
                                  "unit-daftar", "pengaduan", "data-terbuka", "panduan", "aksesibilitas", "404",
                                  "rancangan", "perubahan", "kepatuhan", "kepatuhan-unit"])
def test_no_horizontal_scrolling_at_320px(page, server, catalog, name):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(server.url + templates(catalog)[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Nothing inside the content is cut off either (wide tables or diagrams scale or wrap).
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.md-content *')]
              .filter(e => e.getBoundingClientRect().right > 321 && e.offsetParent !== null)
              .map(e => e.tagName + '.' + e.className)"""
    )
    assert not wide


@pytest.mark.parametrize("name", ["beranda", "layanan", "unit", "az", "kategori-satu", "pengaduan", "panduan",
                                  "aksesibilitas", "404"])
def test_skip_link_is_the_first_stop_and_leads_to_the_content(page, server, catalog, name):
    page.goto(server.url + templates(catalog)[name])
    page.keyboard.press("Tab")
    a = active(page)
    assert a["text"] == "Lewati ke isi" and focus_is_visible(page)
    target = a["href"].split("#", 1)[1]
    assert page.evaluate("id => !!document.getElementById(id) && document.getElementById(id).tagName", target) == "H1"


def focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            if (!e || e === document.body) return false;
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            return outline || s.boxShadow !== 'none';
        }"""
    )


def active(page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement; return {tag: e.tagName, text: (e.innerText || e.value || '').trim(),"
        " href: e.getAttribute('href') || '', inPengaduan: !!e.closest('#pengaduan, section[aria-labelledby=pengaduan]')}; }"
    )


def test_keyboard_only_journey_from_home_to_a_complaint_channel(page, server, catalog):
    svc = next((s for s in catalog.services if s.slug == "akta-kelahiran"), catalog.services[0])
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server.url)
    # The first Tab reaches the skip link, which moves on to the content.
    page.keyboard.press("Tab")
    a = active(page)
    assert a["text"] == "Lewati ke isi" and focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#judul"
    # Tab to the service (every stop has a visible focus indicator), open it with Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), active(page)
        if active(page)["text"] == svc.data.nama:
            break
    else:
        pytest.fail("the service link was not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(svc.url) + "$"))
    # Tab on to a working complaint channel link.
    for _ in range(150):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), active(page)
        a = active(page)
        if a["inPengaduan"] and re.match(r"^(tel:|mailto:|https://wa\.me/|https://)", a["href"]):
            break
    else:
        pytest.fail("no complaint channel link reachable with Tab")
    channels = [c.tautan() for c in svc.data.pengaduan.saluran if c.tautan()]
    assert a["href"] in channels


@pytest.mark.parametrize("query,expected", [
    ("akta lahir", "Penerbitan Akta Kelahiran"),
    ("ktp", "Penerbitan Kartu Tanda Penduduk Elektronik (KTP-el)"),
    ("izin bangunan", "Penerbitan Persetujuan Bangunan Gedung (PBG)"),
])
def test_search_finds_the_service_citizens_mean(page, server, catalog, query, expected):
    assert catalog.service  # the expected names are the example services' names
    assert expected in {s.data.nama for s in catalog.services}
    titles = search_titles(page, server.url, query)
    assert titles and titles[0] == expected, titles


def test_search_layanan_and_pelayanan_find_each_other(page, server, catalog):
    # "layanan" finds services whose name says "Pelayanan", and "pelayanan" finds those saying "Layanan".
    pel = [s.data.nama for s in catalog.services if re.search(r"\bpelayanan\b", s.data.nama, re.I)]
    lay = [s.data.nama for s in catalog.services if re.search(r"\blayanan\b", s.data.nama, re.I)]
    assert pel and lay
    found_lay = search_titles(page, server.url, "layanan")
    found_pel = search_titles(page, server.url, "pelayanan")
    assert set(pel) <= set(found_lay), found_lay
    assert set(lay) <= set(found_pel), found_pel


def test_home_search_form_opens_the_search_with_the_query(page, server):
    page.goto(server.url)
    page.fill("#cari-q", "akta lahir")
    page.keyboard.press("Enter")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.input_value(".md-search__input") == "akta lahir"
    assert "Penerbitan Akta Kelahiran" in page.locator(".md-search-result__list").inner_text()


@pytest.mark.parametrize("name", ["beranda", "layanan", "unit", "az", "pengaduan", "panduan", "404", "perubahan"])
def test_pages_request_nothing_from_other_hosts(page, server, catalog, name):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server.url + templates(catalog)[name])
    page.wait_for_load_state("networkidle")
    open_search(page, 1280, "ktp")
    page.wait_for_load_state("networkidle")
    assert requests
    foreign = [u for u in requests if urlsplit(u).hostname != "127.0.0.1"]
    assert not foreign, foreign
    # The self-hosted font is what the text is set in.
    fonts = page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Noto Sans" in f for f in fonts)


def test_service_page_prints_as_a_checklist(page, server, catalog):
    svc = next((s for s in catalog.services if s.slug == "akta-kelahiran"), catalog.services[0])
    page.goto(server.url + svc.url)
    page.emulate_media(media="print")
    hidden = ["header.md-header", ".md-sidebar--primary", ".sp-alur", ".sp-internal", ".md-footer", ".sp-jejak"]
    for sel in hidden:
        assert page.eval_on_selector(sel, "e => getComputedStyle(e).display") == "none", sel
    for sel in ["h1", "ul.sp-cek", "ol.sp-langkah", ".sp-ringkasan"]:
        assert page.locator(sel).first.is_visible(), sel
    # Each requirement has an empty box to tick.
    box = page.eval_on_selector("ul.sp-cek > li", "e => getComputedStyle(e, '::before').borderTopStyle")
    assert box == "solid"
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    pages = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
    text = " ".join(pages)
    # The summary and the start of the checklist are on the first sheet.
    assert svc.data.nama in pages[0] and "Persyaratan" in pages[0]
    first = m.kelompok_persyaratan(svc.data.persyaratan)[0].daftar[0]
    assert (first if isinstance(first, str) else first.dokumen) in text
    first_step = m.varian_prosedur(svc.data.prosedur)[0].langkah[0]
    assert " ".join(first_step.uraian.split()) in text
    assert "Pengelolaan pelayanan" not in text
    assert "Di halaman ini" not in text


def test_404_page(page, server):
    r = page.goto(server.url + "tidak-ada/sama-sekali/")
    assert r.status == 404
    assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
    page.click("text=Lihat semua layanan A–Z")
    assert page.locator("h1").inner_text() == "Layanan A–Z"


def test_the_six_public_components_fit_in_about_six_phone_screens(page, server, catalog):
    """Issue 10: the akta kelahiran page was 21 phone screens. From Persyaratan to the end
    of Pengaduan, every example service now takes at most seven screens of 375x667 (4.1 to
    6.9 when this was written; akta kelahiran 6.3): time, cost and product are said once,
    in the summary, requirement groups and other procedures are folded."""
    page.set_viewport_size({"width": 375, "height": 667})
    screens = {}
    for svc in catalog.services:
        page.goto(server.url + svc.url)
        screens[svc.slug] = page.evaluate(
            """() => (document.getElementById('pengaduan').closest('section').getBoundingClientRect().bottom
                      - document.getElementById('persyaratan').closest('section').getBoundingClientRect().top) / 667""")
    assert max(screens.values()) <= 7.0, screens
    assert screens["akta-kelahiran"] <= 6.5, screens


def test_requirement_groups_are_folded_on_screen_and_open_on_paper(page, server, catalog):
    """A citizen opens the group that fits (its name says how many items it has); a printout
    holds every group."""
    svc = next(s for s in catalog.services if len(m.kelompok_persyaratan(s.data.persyaratan)) > 1)
    groups = m.kelompok_persyaratan(svc.data.persyaratan)
    page.goto(server.url + svc.url)
    folded = page.locator("section[data-kunci=persyaratan] details")
    assert folded.count() == len(groups)
    last = groups[-1].daftar[-1]
    name = last if isinstance(last, str) else last.dokumen
    item = page.locator("section[data-kunci=persyaratan] .sp-cek__nama", has_text=name).last
    assert not item.is_visible()
    folded.last.locator("summary").click()
    assert item.is_visible()
    folded.last.locator("summary").click()
    # Printing opens every group (and folds them again afterwards).
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    for g in groups:
        assert " ".join(g.kelompok.split()) in text
        for s in g.daftar:
            assert " ".join((s if isinstance(s, str) else s.dokumen).split()) in text
    assert page.evaluate("document.querySelectorAll('section[data-kunci=persyaratan] details[open]').length") == 0
