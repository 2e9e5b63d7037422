"""Text from YAML is shown as text and never runs; links from YAML are only http(s)/tel/mailto."""

from __future__ import annotations

import json
import re

import pytest

from .htmlscan import page as page_file
from .support import build_site, copy_standards, serve

SLUG = "tanda-tangan-elektronik"
NAMA = '</title><script>window.__xss=1</script>Layanan Uji <img src=x onerror="window.__xss=2">'
RINGKASAN = 'Ringkasan </title><script>window.__xss=3</script> <svg onload="window.__xss=4">'
DOKUMEN = '<b onmouseover="window.__xss=5">Surat</b>'
URAIAN = '<iframe src="javascript:parent.__xss=6"></iframe>'
# Published wording shown as written (a duration's text), in page, diagram and JSON-LD. A web
# address with quotes or brackets is refused by the validator (tests/test_model.py).
WAKTU = 'Paling lama 3 hari kerja "><svg/onload=window.__xss=7>'
LABEL = '<script>window.__xss=8</script>Telepon'
MOTO = '<img src=x onerror="window.__xss=9">Moto'


def q(s: str) -> str:
    """A single-quoted YAML scalar."""
    return "'" + s.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xss")
    std = copy_standards(tmp)
    svc = std / "diskominfo" / f"{SLUG}.yaml"
    text = svc.read_text(encoding="utf-8")
    for old, new in [
        (r"^nama: .*$", f"nama: {q(NAMA)}"),
        (r"^ringkasan: .*$", f"ringkasan: {q(RINGKASAN)}"),
        (r"^jangka_waktu:\n  nilai: 3\n  satuan: hari kerja\n  maksimal: ya$", f"jangka_waktu:\n  teks: {q(WAKTU)}"),
        (r"^  - dokumen: Surat permohonan.*$", f"  - dokumen: {q(DOKUMEN)}"),
        (r"^    uraian: Mengisi formulir.*$", f"    uraian: {q(URAIAN)}"),
    ]:
        text, n = re.subn(old, new, text, count=1, flags=re.M)
        assert n == 1, old
    svc.write_text(text, encoding="utf-8")
    unit = std / "diskominfo" / "_unit.yaml"
    u = unit.read_text(encoding="utf-8")
    u, n1 = re.subn(r"^        label: Telepon pengaduan$", f"        label: {q(LABEL)}", u, count=1, flags=re.M)
    u, n2 = re.subn(r"^moto: .*$", f"moto: {q(MOTO)}", u, count=1, flags=re.M)
    assert n1 == n2 == 1
    unit.write_text(u, encoding="utf-8")
    b = build_site(tmp, std)
    assert b.returncode == 0, b.output
    s = serve(b.site)
    yield b, s
    s.close()


def test_hostile_text_is_escaped_in_the_html(hostile):
    b, _ = hostile
    html = page_file(b.site, f"layanan/{SLUG}/").read_text(encoding="utf-8")
    for needle in ["<script>window.__xss", "<img src=x", "<svg onload", "<b onmouseover", "<iframe", "<svg/onload"]:
        assert needle not in html, needle
    assert "&lt;/title&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;Layanan Uji" in html
    assert html.count("<title>") == 1 and "</title><script>" not in html
    # The JSON-LD keeps the text as data and cannot be closed from inside.
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["name"] == NAMA
    # The unsafe online-service address is shown, not linked.
    assert 'href="https://contoh.go.id/' not in html


@pytest.mark.browser
@pytest.mark.parametrize("url", [f"layanan/{SLUG}/", "layanan/", "", "unit/diskominfo/", "pengaduan/", "kategori/"])
def test_hostile_text_shows_as_text_and_never_runs(page, hostile, url):
    _, server = hostile
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server.url + url)
    page.wait_for_load_state("networkidle")
    page.mouse.move(300, 300)
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('[onerror],[onload],[onmouseover]').length") == 0
    scripts = page.evaluate(
        "[...document.scripts].filter(s => !/json/.test(s.type) && /__xss/.test(s.textContent)).length"
    )
    assert scripts == 0
    assert not dialogs
    if url == f"layanan/{SLUG}/":
        assert page.locator("h1").inner_text() == NAMA
        assert page.title().startswith(NAMA)
        assert URAIAN in page.locator("ol.sp-langkah").first.inner_text()
        assert WAKTU in page.locator(".sp-ringkasan").inner_text()
        assert LABEL in page.locator("ul.sp-saluran").first.inner_text()


@pytest.mark.browser
def test_hostile_text_in_search_results_shows_as_text(page, hostile):
    _, server = hostile
    page.goto(server.url + "?q=uji")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert any("<script>window.__xss=1</script>Layanan" in t for t in titles), titles
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('.md-search-result [onerror], .md-search-result script').length") == 0
