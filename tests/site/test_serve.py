"""`mkdocs serve` follows the standards folder: edits, new files and removed files."""

from __future__ import annotations

import re
import subprocess
import time
import urllib.error
import urllib.request
from typing import Any

import pytest

from .support import ENV, MKDOCS, REPO, copy_standards, free_port, write_config

SLUG = "tanda-tangan-elektronik"


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def wait_for(cond, timeout: float = 60.0, what: str = "") -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")




def _stop(proc: "subprocess.Popen[bytes]", log: Any, timeout: float) -> None:
    """Stop a `mkdocs serve` subprocess (killed when it does not stop in time) and close its log."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()

@pytest.fixture
def served(tmp_path):
    std = copy_standards(tmp_path)
    config = write_config(tmp_path, std)
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([*MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                            cwd=REPO, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: status(url) == 200, 120, "mkdocs serve to start")
        yield std, url
    finally:
        _stop(proc, log, 20)


@pytest.mark.browser
def test_serve_rebuilds_when_a_yaml_file_is_edited_added_or_removed(page, served):
    std, url = served
    svc = std / "diskominfo" / f"{SLUG}.yaml"
    page.goto(url + f"layanan/{SLUG}/")
    assert "Tanda Tangan Elektronik" in page.locator("h1").inner_text()

    # Edit: the open page reloads by itself with the new name.
    text = svc.read_text(encoding="utf-8")
    svc.write_text(re.sub(r"^nama: .*$", "nama: Layanan TTE Versi Baru", text, count=1, flags=re.M), encoding="utf-8")
    page.wait_for_function("document.querySelector('h1') && document.querySelector('h1').innerText === 'Layanan TTE Versi Baru'",
                           timeout=60_000)

    # Add: a new file becomes a new page.
    new = std / "diskominfo" / "layanan-baru.yaml"
    new.write_text(re.sub(r"^nama: .*$", "nama: Layanan Baru Sekali", text, count=1, flags=re.M), encoding="utf-8")
    wait_for(lambda: status(url + "layanan/layanan-baru/") == 200, 60, "the new page")
    assert "Layanan Baru Sekali" in fetch(url + "layanan/")

    # Remove: the page disappears again.
    new.unlink()
    wait_for(lambda: status(url + "layanan/layanan-baru/") == 404, 60, "the removed page to go away")
    assert "Layanan Baru Sekali" not in fetch(url + "layanan/")


def test_serve_keeps_the_last_good_site_when_a_file_breaks_and_recovers(served):
    std, url = served
    svc = std / "diskominfo" / f"{SLUG}.yaml"
    page_url = url + f"layanan/{SLUG}/"
    good = svc.read_text(encoding="utf-8")
    assert "Tanda Tangan Elektronik" in fetch(page_url)

    # A galat: the last good page stays, with the finding on it (not a blank server).
    svc.write_text(good.replace("status: contoh", "status: entah") + "\n", encoding="utf-8")
    wait_for(lambda: "Standar pelayanan memiliki galat" in fetch(page_url), 60, "the error banner")
    html = fetch(page_url)
    assert "Tanda Tangan Elektronik" in html and f"{SLUG}.yaml:" in html and "status" in html
    assert status(url) == 200 and status(url + "layanan/") == 200

    # Fixed: the banner goes away.
    svc.write_text(good.replace("nama: ", "nama: Diperbaiki ", 1), encoding="utf-8")
    wait_for(lambda: "Standar pelayanan memiliki galat" not in fetch(page_url), 60, "recovery")
    assert "Diperbaiki" in fetch(page_url)
    log = (std.parent / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in log
    assert re.search(rf"{SLUG}\.yaml:\d+:\d+: galat: status:", log)


def _pdf_hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+\.pdf)"', html)


def test_serve_with_cetak_shows_the_site_first_links_pdfs_once_printed_and_build_reuses_them(tmp_path):
    """Printing on: the first page comes before the PDFs, never links one that is not there;
    once printing is done the pages link them. The QR codes hold the published site_url, so
    a `mkdocs build` afterwards renders nothing again."""
    import shutil
    import subprocess as sp
    from urllib.parse import urljoin

    import zxingcpp
    from PIL import Image

    from generator.catalog import load_catalog
    from generator.printing import jobs, paths

    std = copy_standards(tmp_path / "data")
    for unit in ("disdukcapil", "dpmptsp"):  # one unit is enough, and faster
        shutil.rmtree(std / unit)
    proyek = tmp_path / "proyek"
    config = write_config(proyek, std, cetak=True, layanan_utama=[])
    site_url = "https://standar.bontangkota.contoh.go.id/"
    assert site_url in config.read_text(encoding="utf-8")
    cache = proyek / ".cache" / "standar-cetak"
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    page_url = url + f"layanan/{SLUG}/"
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([*MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                            cwd=REPO, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: status(page_url) == 200, 120, "mkdocs serve to start")
        first = fetch(page_url)
        # Nothing was printed yet (an empty cache): the page says so and links no PDF.
        assert "sedang disiapkan" in first and _pdf_hrefs(first) == []

        def linked() -> bool:
            html = fetch(page_url)
            return "sedang disiapkan" not in html and len(_pdf_hrefs(html)) == len(paths.SIZES) + 1  # posters, handbook
        wait_for(linked, 600, "the posters and handbook to be linked after background printing")
        for href in _pdf_hrefs(fetch(page_url)):
            assert status(urljoin(page_url, href)) == 200, href
        unit_page = fetch(url + "unit/diskominfo/")
        assert len(_pdf_hrefs(unit_page)) == 3  # maklumat A3, A4, handbook
        for href in _pdf_hrefs(unit_page):
            assert status(urljoin(url + "unit/diskominfo/", href)) == 200, href
    finally:
        _stop(proc, log, 30)
    serve_log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in serve_log

    # The cache is the project's, not the standards tree's.
    assert (cache / jobs.MANIFEST).is_file() and not (std.parent / ".cache").exists()
    assert not list(std.rglob("*.pdf"))
    # The QR code holds the published address, not 127.0.0.1.
    svc = load_catalog(std).service(SLUG)
    png = tmp_path / "qr"
    sp.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(cache / paths.poster_path(svc, "a4")), str(png)],
           check=True)
    assert [c.text for c in zxingcpp.read_barcodes(Image.open(f"{png}.png"))] == [site_url + f"layanan/{SLUG}/"]

    # mkdocs build after serve: every PDF is reused, none rendered again.
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*.pdf")}
    assert len(before) == len(paths.SIZES) * len(svc.unit.all_services()) + 3  # posters, maklumat A3/A4, handbook
    b = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
                       cwd=REPO, env=ENV, capture_output=True, text=True, timeout=900)
    assert b.returncode == 0, b.stdout + b.stderr
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.pdf")} == before
    assert (tmp_path / "site" / "cetak" / paths.poster_path(svc, "a3")).is_file()
