"""standar cetak and render_into_site: incremental runs, errors, the site contract."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.printing import PrintError, jobs, paths, render, render_into_site

from .support import pdftotext, squash

pytestmark = pytest.mark.pdf


def _mtimes(store: Path) -> dict[str, int]:
    return {p.relative_to(store).as_posix(): p.stat().st_mtime_ns for p in store.rglob("*.pdf")}


def test_second_run_rebuilds_nothing(catalog, rendered):
    store, first = rendered
    before = _mtimes(store)
    again = jobs.run(catalog, store, catalog.instansi.situs, jobs=2, progress=False)
    assert again.dibuat == [] and again.galat == []
    assert sorted(again.tetap) == sorted(first.berkas)
    assert _mtimes(store) == before


def test_a_changed_service_rebuilds_its_posters_and_the_handbook(print_tree, tmp_path):
    from generator.catalog import load_catalog

    root = tmp_path / "standards"
    shutil.copytree(print_tree, root)
    store = tmp_path / "out"
    cat = load_catalog(root)
    jobs.run(cat, store, cat.instansi.situs, ["surat-keterangan-contoh", "dpmptsp"], jobs=1, progress=False)
    f = root / "dpmptsp" / "surat-keterangan-contoh.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("Surat keterangan\n", "Surat keterangan baru\n"),
                 encoding="utf-8")
    cat = load_catalog(root)
    lap = jobs.run(cat, store, cat.instansi.situs, ["dpmptsp"], jobs=1, progress=False)
    assert sorted(lap.dibuat) == ["dpmptsp/buku-standar-pelayanan.pdf",
                                  "dpmptsp/surat-keterangan-contoh-a3.pdf",
                                  "dpmptsp/surat-keterangan-contoh-a4.pdf",
                                  "dpmptsp/surat-keterangan-contoh-xbanner.pdf"]
    assert "Suratketeranganbaru" in squash(pdftotext(store / "dpmptsp/surat-keterangan-contoh-a3.pdf"))
    # A different site address changes every QR code: everything is rebuilt.
    lap = jobs.run(cat, store, "https://lain.contoh.go.id/", ["surat-keterangan-contoh"], jobs=1, progress=False)
    assert len(lap.dibuat) == len(paths.SIZES) == 3


def test_removed_service_outputs_are_removed(print_tree, tmp_path):
    from generator.catalog import load_catalog

    root = tmp_path / "standards"
    shutil.copytree(print_tree, root)
    for f in ("uji-escape.yaml", "izin-reklame.yaml", "izin-bercabang.yaml"):
        (root / "dpmptsp" / f).unlink()
    cat = load_catalog(root)
    store = tmp_path / "out"
    store.mkdir()
    (store / "dpmptsp").mkdir()
    stale = store / "dpmptsp" / "lama-a3.pdf"
    stale.write_bytes(b"%PDF-")
    jobs.write_manifest(store, {"dpmptsp/lama-a3.pdf": "x"})
    lap = jobs.run(cat, store, cat.instansi.situs, ["pbg"], jobs=1, progress=False)
    assert stale.exists()  # a partial run leaves other outputs alone
    assert lap.dibuat == ["dpmptsp/pbg-a3.pdf", "dpmptsp/pbg-a4.pdf", "dpmptsp/pbg-xbanner.pdf"]
    (root / "dpmptsp" / "surat-keterangan-contoh.yaml").unlink()
    (root / "dpmptsp" / "perizinan" / "pbg.yaml").unlink()
    cat = load_catalog(root)
    lap = jobs.run(cat, store, cat.instansi.situs, jobs=1, progress=False)
    assert not stale.exists() and "dpmptsp/lama-a3.pdf" in lap.dihapus
    assert not list(store.rglob("pbg-*.pdf"))
    assert set(jobs.read_manifest(store)) == {"dpmptsp/maklumat-a3.pdf", "dpmptsp/maklumat-a4.pdf"}


def test_extreme_poster_fails_with_a_message_naming_it(extreme_tree, tmp_path, capsys):
    out = tmp_path / "out"
    rc = main(["cetak", "izin-serba-ada", "--root", str(extreme_tree), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "izin-serba-ada-a3.pdf" in err and "tidak muat dalam satu halaman" in err
    assert "persyaratan (72 butir dalam 6 kelompok pemohon)" in err
    assert "biaya/tarif (60 baris tarif)" in err or "alur pelayanan (20 langkah)" in err
    assert "Traceback" not in err
    # A finding at the service's file, with its stable code (as standar validate --cetak prints it).
    assert re.search(r"izin-serba-ada\.yaml:\d+:\d+: peringatan: dpmptsp/izin-serba-ada-a3\.pdf: poster A3 .*"
                     r"\[poster-tidak-muat\]", err)
    assert not list(out.rglob("izin-serba-ada-*.pdf"))  # nothing spilled, nothing half-written
    assert "izin-serba-ada-a3.pdf" not in jobs.read_manifest(out)


def test_extreme_poster_error_in_the_site_names_the_file(extreme_tree, tmp_path):
    from generator.catalog import load_catalog

    cat = load_catalog(extreme_tree)
    svc = cat.service("izin-serba-ada")
    from generator.printing import inputs

    p = inputs.PosterIn(inputs.layanan_in(svc, cat.instansi.situs), inputs.identitas(cat))
    with pytest.raises(render.TidakMuat) as e:
        render.render_poster(p, ("a3",), nama_berkas={"a3": "dpmptsp/izin-serba-ada-a3.pdf"})
    assert e.value.pesan.startswith("dpmptsp/izin-serba-ada-a3.pdf: poster A3")


def test_render_into_site_links_from_a_cache(catalog, rendered, tmp_path):
    store, _ = rendered
    site = tmp_path / "site" / "cetak"
    (site / "lama").mkdir(parents=True)
    (site / "lama" / "x.pdf").write_bytes(b"%PDF-")
    render_into_site(catalog, site, catalog.instansi.situs, cache_dir=store, progress=False)
    assert not (site / "lama" / "x.pdf").exists()
    for rel in jobs.read_manifest(store):
        a, b = (store / rel).stat(), (site / rel).stat()
        assert (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)  # hard links: nothing re-rendered
    # mkdocs wipes site_dir: the next build only links again.
    shutil.rmtree(tmp_path / "site")
    before = _mtimes(store)
    render_into_site(catalog, site, "", cache_dir=store, progress=False)  # mkdocs without site_url
    assert _mtimes(store) == before
    assert _mtimes(site).keys() == before.keys()


def test_a_poster_that_does_not_fit_is_a_finding_at_its_longest_part_and_the_rest_is_written(extreme_tree, tmp_path):
    from generator.catalog import load_catalog

    root = tmp_path / "standards"
    shutil.copytree(extreme_tree, root)
    for f in ("izin-reklame.yaml", "surat-keterangan-contoh.yaml", "perizinan/pbg.yaml"):
        (root / "dpmptsp" / f).unlink()
    cat = load_catalog(root)
    site = tmp_path / "site"
    laporan = render_into_site(cat, site, "https://contoh.go.id/", cache_dir=tmp_path / "cache", jobs=2,
                               progress=False)  # not an error: the site links the handbook instead
    assert sorted(laporan.gagal) == ["dpmptsp/izin-serba-ada-a3.pdf", "dpmptsp/izin-serba-ada-a4.pdf",
                                     "dpmptsp/izin-serba-ada-xbanner.pdf"]
    (f,) = laporan.temuan
    svc = cat.service("izin-serba-ada")
    assert (f.file, f.severity, f.code) == (svc.file, "peringatan", "poster-tidak-muat")
    assert f.message.startswith("dpmptsp/izin-serba-ada-a3.pdf: poster A3") and "Bagian terpanjang:" in f.message
    # At the line of the key of the part named first as the longest.
    lines = svc.source.read_text(encoding="utf-8").splitlines()
    kunci = {"persyaratan (": "persyaratan:", "alur pelayanan": "prosedur:", "biaya/tarif": "biaya:",
             "saluran pengaduan": "pengaduan:"}
    terpanjang = f.message.split("Bagian terpanjang: ", 1)[1]
    want = next(k for label, k in kunci.items() if terpanjang.startswith(label))
    assert lines[f.line - 1].startswith(want), (f.line, want)
    assert not list(site.rglob("izin-serba-ada-*.pdf"))
    assert (site / "dpmptsp" / "maklumat-a3.pdf").exists()
    assert (site / "dpmptsp" / paths.HANDBOOK).exists()


def test_render_into_site_without_a_site_address_is_an_error(catalog, tmp_path):
    import copy

    cat = copy.copy(catalog)
    cat.instansi = catalog.instansi.model_copy(update={"situs": None})
    with pytest.raises(PrintError) as e:
        render_into_site(cat, tmp_path / "site", "", cache_dir=tmp_path / "cache", progress=False)
    assert "Alamat situs untuk kode QR" in e.value.messages[0]
    assert not (tmp_path / "cache").exists()


def test_the_site_cache_is_in_the_project_folder_never_the_standards_tree(catalog, tmp_path, monkeypatch):
    from generator.printing import default_cache_dir

    monkeypatch.delenv("STANDAR_CETAK_CACHE", raising=False)
    assert default_cache_dir(tmp_path) == tmp_path.resolve() / ".cache" / "standar-cetak"
    monkeypatch.chdir(tmp_path)
    assert default_cache_dir() == tmp_path.resolve() / ".cache" / "standar-cetak"
    monkeypatch.setenv("STANDAR_CETAK_CACHE", str(tmp_path / "lain"))
    assert default_cache_dir(tmp_path) == tmp_path / "lain"


def test_validate_cetak_reports_the_poster_as_a_finding_in_every_format(extreme_tree, tmp_path, capsys, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    svc = extreme_tree / "dpmptsp" / "izin-serba-ada.yaml"
    assert main(["validate", str(extreme_tree)]) == 0  # without --cetak: posters are not laid out
    assert "poster-tidak-muat" not in capsys.readouterr().out
    assert main(["validate", "--cetak", str(svc)]) == 0  # a peringatan
    out = capsys.readouterr().out
    assert re.search(r"izin-serba-ada\.yaml:\d+:\d+: peringatan: dpmptsp/izin-serba-ada-a3\.pdf: .*\[poster-tidak-muat\]",
                     out)
    assert (tmp_path / ".cache" / "standar-periksa").is_dir()  # the cache: a re-run lays out nothing again
    assert main(["validate", "--cetak", "--strict", str(svc)]) == 1
    capsys.readouterr()
    assert main(["validate", "--cetak", "--format", "json", str(svc)]) == 0
    (f,) = [f for f in json.loads(capsys.readouterr().out) if f["code"] == "poster-tidak-muat"]
    assert f["severity"] == "peringatan" and f["file"].endswith("izin-serba-ada.yaml") and f["line"] > 1
    assert main(["validate", "--cetak", "--format", "github", str(svc)]) == 0
    gh = capsys.readouterr().out
    assert re.search(r"^::warning file=[^,]*izin-serba-ada\.yaml,line=\d+,col=\d+,title=poster-tidak-muat::", gh, re.M)
    # Only the files asked about: another service of the tree reports nothing.
    assert main(["validate", "--cetak", str(extreme_tree / "dpmptsp" / "izin-reklame.yaml")]) == 0
    assert "poster-tidak-muat" not in capsys.readouterr().out


def test_cli_usage_errors(print_tree, tmp_path, capsys):
    rc = main(["cetak", "izin-reklam", "--root", str(print_tree), "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc == 2 and "'izin-reklam'" in err and "izin-reklame" in err
    assert not list(tmp_path.iterdir())


def test_cli_invalid_standards_print_findings(tmp_path, capsys, print_tree):
    root = tmp_path / "standards"
    shutil.copytree(print_tree, root)
    (root / "dpmptsp" / "rusak.yaml").write_text("nama: Rusak\nstatus: entah\n", encoding="utf-8")
    rc = main(["cetak", "--root", str(root), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert rc == 1
    assert "rusak.yaml:2:" in err and ": galat:" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_cli_writes_a_unit_and_is_quiet_off_a_terminal(print_tree, tmp_path, capsys):
    out = tmp_path / "out"
    rc = main(["cetak", "surat-keterangan-contoh", "--root", str(print_tree), "--out", str(out),
               "--url", "https://lain.contoh.go.id"])
    cap = capsys.readouterr()
    assert rc == 0
    assert "Mencetak:" not in cap.err  # no progress display when stderr is not a terminal
    assert "3 berkas dibuat" in cap.out
    assert sorted(p.name for p in (out / "dpmptsp").iterdir()) == [
        "surat-keterangan-contoh-a3.pdf", "surat-keterangan-contoh-a4.pdf", "surat-keterangan-contoh-xbanner.pdf"]
    rc = main(["cetak", "surat-keterangan-contoh", "--root", str(print_tree), "--out", str(out),
               "--url", "https://lain.contoh.go.id", "--force"])
    assert rc == 0 and "3 berkas dibuat" in capsys.readouterr().out


def test_progress_display():
    buf = io.StringIO()
    k = jobs.Kemajuan(3, aktif=True, stream=buf)
    for _ in range(3):
        k.maju()
    k.tutup()
    assert "Mencetak: 3/3 berkas (100%)" in buf.getvalue() and buf.getvalue().endswith("\n")
    quiet = io.StringIO()
    k = jobs.Kemajuan(3, stream=quiet)  # StringIO is not a terminal
    k.maju()
    k.tutup()
    assert quiet.getvalue() == ""


def test_pipeline_renders_the_same_html_as_plain_weasyprint(catalog):
    """The pipeline passes the CSS pre-parsed; the self-contained HTML gives the same PDF text."""
    import weasyprint

    from generator.printing import inputs, templates

    svc = catalog.service("pbg")
    p = inputs.PosterIn(inputs.layanan_in(svc, catalog.instansi.situs), inputs.identitas(catalog))
    info: dict = {}
    ours = render.render_poster(p, ("a3",), info=info)["a3"]
    lv = info["a3"][0]
    direct = weasyprint.HTML(string=render.html_cetak(p, "a3", lv, css_inline=True),
                             base_url=templates.base_url()).write_pdf(pdf_variant="pdf/ua-1")
    a = PdfReader(io.BytesIO(ours))
    b = PdfReader(io.BytesIO(direct))
    assert len(a.pages) == len(b.pages) == 1
    assert squash(a.pages[0].extract_text()) == squash(b.pages[0].extract_text())


def test_a_poster_that_did_not_fit_is_reported_again_without_rendering(extreme_tree, tmp_path, monkeypatch):
    from generator.catalog import load_catalog

    cat = load_catalog(extreme_tree)
    store = tmp_path / "out"
    first = jobs.run(cat, store, cat.instansi.situs, ["izin-serba-ada"], jobs=1, progress=False)
    assert first.gagal == ["dpmptsp/izin-serba-ada-a3.pdf", "dpmptsp/izin-serba-ada-a4.pdf",
                           "dpmptsp/izin-serba-ada-xbanner.pdf"]

    def boom(*a, **k):  # pragma: no cover - must not be called
        raise AssertionError("rendered again")

    monkeypatch.setattr(jobs, "kerjakan", boom)
    again = jobs.run(cat, store, cat.instansi.situs, ["izin-serba-ada"], jobs=1, progress=False)
    assert again.galat == first.galat and sorted(again.gagal) == sorted(first.gagal)
    assert again.dibuat == []


def test_handbook_from_the_pipeline_equals_plain_weasyprint(catalog, rendered):
    """Same check for the handbook: page count and every page's text."""
    import weasyprint

    from generator.printing import templates

    store, _ = rendered
    tugas = next(t for t in jobs.plan(catalog, catalog.instansi.situs).tugas if t.jenis == "buku")
    direct = weasyprint.HTML(string=render.html_buku(tugas.masukan, css_inline=True),
                             base_url=templates.base_url()).write_pdf(pdf_variant="pdf/ua-1")
    a = PdfReader(store / "dpmptsp" / paths.HANDBOOK)
    b = PdfReader(io.BytesIO(direct))
    assert len(a.pages) == len(b.pages)
    for pa, pb in zip(a.pages, b.pages):
        assert squash(pa.extract_text()) == squash(pb.extract_text())
    cover = a.pages[0].extract_text()
    assert "Halaman" not in cover  # no running header or page number on the cover


@pytest.mark.pdf
def test_ctrl_c_stops_promptly_and_keeps_what_was_finished(tmp_path):
    import json
    import signal
    import subprocess
    import sys
    import time

    repo = Path(__file__).resolve().parents[2]
    out = tmp_path / "cetak"
    proc = subprocess.Popen([sys.executable, "-m", "generator", "cetak", "--root", str(repo / "standards"),
                             "--out", str(out), "--jobs", "2", "--url", "https://standar.contoh.go.id/"],
                            cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300  # a guard against a hang, not a timing target
    while not list(out.rglob("*.pdf")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    at_signal = len(list(out.rglob("*.pdf")))
    assert at_signal and proc.poll() is None, "nothing printed yet, or it finished before the interrupt"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "Traceback" not in err and "Dibatalkan" in err
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    # The workers were stopped: at most the jobs already finishing when the signal came were added.
    from generator.catalog import load_catalog

    semua = sum(len(t.keluaran) for t in jobs.plan(load_catalog(repo / "standards"), "https://standar.contoh.go.id/").tugas)
    assert len(made) <= at_signal + 2 and len(made) < semua
    manifest = json.loads((out / jobs.MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["berkas"]) == made  # what was finished is remembered, nothing more
    assert not list(out.rglob("*.tmp"))


def test_what_the_printer_leaves_out_is_a_positioned_finding(print_tree, tmp_path, capsys):
    """A logo that cannot be used and a unit without a maklumat are findings at the line
    to fix, like every other print problem, not loose sentences."""
    from generator.catalog import load_catalog
    from generator.findings import CATATAN, PERINGATAN

    root = tmp_path / "standards"
    shutil.copytree(print_tree, root)
    (root / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script/>", encoding="utf-8")
    unit = root / "dpmptsp" / "_unit.yaml"
    teks = unit.read_text(encoding="utf-8")
    unit.write_text(teks[:teks.index("maklumat:")], encoding="utf-8")
    cat = load_catalog(root)
    temuan = {f.code: f for f in jobs.plan(cat, cat.instansi.situs, kinds=("buku", "maklumat")).temuan}
    logo, mk = temuan["logo-tidak-dicetak"], temuan["tanpa-maklumat"]
    assert logo.severity == PERINGATAN and logo.file.endswith("_instansi.yaml")
    assert logo.line == 4  # the logo: line
    assert "tanpa logo" in logo.message
    assert mk.severity == CATATAN and mk.file.endswith("dpmptsp/_unit.yaml") and "maklumat:" in mk.message
    # standar cetak prints them with their position (it refuses a tree whose logo is a galat:
    # put the good logo back).
    shutil.copy(print_tree / "logo.svg", root / "logo.svg")
    assert main(["cetak", "--root", str(root), "--out", str(tmp_path / "out"), "--jobs", "1", "dpmptsp"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"dpmptsp/_unit\.yaml:1:\d+: catatan: .*\[tanpa-maklumat\]", err)
