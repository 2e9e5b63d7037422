"""The built site, checked file by file (no browser): pages, links, open data, findings."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit


from generator import export
from generator import model as m

from .htmlscan import page, scan
import yaml

from .support import ENV, REPO, build_site, copy_standards, project_config, write_config


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_service_and_unit_has_a_page_with_its_content(site, catalog):
    assert catalog.services, "the example data has services"
    for svc in catalog.services:
        s = scan(page(site, svc.url))
        h1 = [a for a in s.all("h1")]
        assert len(h1) == 1
        text = s.plain()
        assert svc.data.nama in text
        assert svc.data.ringkasan in text
        # The summary a citizen needs first: time, cost, product.
        # (A wording that starts the value gets a capital first letter, on screen and on paper.)
        assert "Lama proses" in text and m.kapital(svc.data.jangka_waktu.teks_ringkas()) in text
        assert "Biaya" in text and svc.data.biaya.teks_ringkas() in text
        for g in m.kelompok_persyaratan(svc.data.persyaratan):
            for p in g.daftar:
                assert (p if isinstance(p, str) else p.dokumen) in text
    for unit in catalog.all_units():
        text = scan(page(site, unit.url)).plain()
        assert unit.data.nama in text
        for svc in unit.all_services():
            assert svc.data.nama in text


def test_summary_comes_before_requirements_and_internal_components_are_labelled(site, catalog):
    svc = catalog.services[0]
    html = page(site, svc.url).read_text(encoding="utf-8")
    order = [html.index(f'id="{i}"') for i in ("ringkasan", "persyaratan", "prosedur", "pengaduan", "pengelolaan", "penetapan")]
    assert order == sorted(order)
    assert "Pengelolaan pelayanan (komponen internal)" in html
    # The eight internal components are folded under the citizen's part, all still there.
    lipat = html[html.index('<details class="sp-lipat">'):html.index('id="penetapan"')]
    for komp in m.KOMPONEN_INTERNAL:
        assert f'data-kunci="{komp}"' in lipat
    assert html.index('id="pengaduan"') < html.index('<details class="sp-lipat">')


def test_service_pages_stay_out_of_the_navigation(site, catalog):
    # The menu on any page lists the listing pages only, never the services or units.
    for url in ["", catalog.services[0].url, "layanan/"]:
        html = page(site, url).read_text(encoding="utf-8")
        nav = html[html.index('class="md-nav md-nav--primary"'): html.index("</nav>", html.index('class="md-nav md-nav--primary"'))]
        assert "layanan/" + catalog.services[0].slug not in nav
        assert "unit/" + catalog.units[0].id + "/" not in nav
    # ...but listing pages link to every one of them.
    az = scan(page(site, "layanan/"))
    hrefs = {a.get("href") for a in az.all("a")}
    for svc in catalog.services:
        assert f"../{svc.url}" in hrefs or f"{svc.slug}/" in hrefs


def test_a_to_z_files_a_service_under_the_key_word_of_its_name(site):
    """Most names open with "Penerbitan" or "Pelayanan": filed by them, everything sits under P."""
    html = page(site, "layanan/").read_text(encoding="utf-8")

    def huruf_dari(nama: str) -> str:
        i = html.index(f">{nama}</a>")
        return re.findall(r'<h2 id="huruf-[^"]+"[^>]*>([^<]+)', html[:i])[-1].strip()

    assert huruf_dari("Penerbitan Akta Kelahiran") == "A"
    assert huruf_dari("Pelayanan Permohonan Informasi Publik melalui PPID") == "I"
    assert huruf_dari("Penerbitan Kartu Keluarga (KK)") == "K"
    letters = re.findall(r'<h2 id="huruf-[^"]+"[^>]*>([^<]+)', html)
    assert letters == sorted(letters) and len(letters) > 3


def test_kata_abjad_skips_only_opening_generic_words():
    from generator.site.render import kata_abjad

    assert kata_abjad("Penerbitan Akta Kelahiran") == "Akta Kelahiran"
    assert kata_abjad("Pelayanan Permohonan Informasi Publik") == "Informasi Publik"
    assert kata_abjad("Informasi Pelayanan Publik") == "Informasi Pelayanan Publik"
    assert kata_abjad("Pelayanan") == "Pelayanan"  # a name of generic words only stays whole


def test_status_banner_and_how_to_comment_on_a_draft(tmp_path):
    std = copy_standards(tmp_path)
    f = next(std.rglob("tanda-tangan-elektronik.yaml"))
    text = f.read_text(encoding="utf-8").replace("status: contoh", "status: rancangan")
    text += "\nkonsultasi_publik:\n  cara: Kirim masukan ke ortala@contoh.go.id\n  batas: 2030-12-31\n"
    f.write_text(text, encoding="utf-8")
    b = build_site(tmp_path, std)
    assert b.returncode == 0, b.output
    s = scan(page(b.site, "layanan/tanda-tangan-elektronik/")).plain()
    assert m.LABEL_STATUS[m.Status.rancangan] in s
    assert "Cara memberi masukan: Kirim masukan ke ortala@contoh.go.id" in s
    assert "31 Desember 2030" in s
    # An example is flagged as such.
    other = scan(page(b.site, "layanan/akta-kelahiran/")).plain()
    assert m.LABEL_STATUS[m.Status.contoh] in other


def test_edit_link_opens_the_services_yaml_file(site, catalog):
    cfg = project_config()
    plugin = next(p["standar"] for p in cfg["plugins"] if isinstance(p, dict) and "standar" in p)
    base = urljoin(cfg["repo_url"].rstrip("/") + "/", plugin["edit_uri"])
    for svc in catalog.services:
        edits = [a["href"] for a in scan(page(site, svc.url)).all("a") if a.get("rel") == "edit"]
        assert edits == [base + svc.rel_path]
        assert (REPO / "standards" / svc.rel_path).is_file()


def test_links_use_only_safe_schemes_and_internal_links_resolve(site):
    bad, broken = [], []
    for f in html_pages(site):
        s = scan(f)
        for a in s.all("a"):
            href = a.get("href", "")
            scheme = urlsplit(href).scheme.lower()
            if scheme:
                if scheme not in ("http", "https", "tel", "sms", "mailto"):
                    bad.append((f, href))
                continue
            if not href or href.startswith("#") or f.name == "404.html":
                continue
            target = (f.parent / urlsplit(href).path).resolve()
            if href.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(f.relative_to(site)), href))
    assert not bad, bad
    assert not broken, broken


def test_open_data_files(site, catalog):
    data = json.loads((site / "standar.json").read_text(encoding="utf-8"))
    assert [s["slug"] for s in data["layanan"]] == [s.slug for s in catalog.services]
    rows = list(csv.DictReader(io.StringIO((site / "standar.csv").read_text(encoding="utf-8"))))
    assert [r["slug"] for r in rows] == [s.slug for s in catalog.services]
    base = project_config()["site_url"]
    for svc in catalog.services:
        s = scan(page(site, svc.url))
        # Each page links its own JSON file, which is the resolved service.
        json_links = [a["href"] for a in s.all("a") if a.get("href", "").endswith(".json")]
        assert json_links == [f"../{svc.slug}.json"]
        own = json.loads((site / "layanan" / f"{svc.slug}.json").read_text(encoding="utf-8"))
        assert own == json.loads(json.dumps(export.service_dict(svc, base), ensure_ascii=False))
        # JSON-LD: schema.org GovernmentService with provider, area, channels, ISO 8601 time, IDR price.
        html = page(site, svc.url).read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert len(blocks) == 1
        ld = json.loads(blocks[0])
        assert ld["@type"] == "GovernmentService" and ld["name"] == svc.data.nama
        assert ld["provider"]["name"] == svc.unit.data.nama
        assert ld["areaServed"]["name"] == catalog.instansi.wilayah
        assert ld["offers"]["priceCurrency"] == "IDR"
        assert any(c.get("processingTime") == svc.data.jangka_waktu.iso8601() for c in ld["availableChannel"])
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for svc in catalog.services:
        assert base + svc.url in sitemap


def test_service_pages_are_small(site, catalog):
    for svc in catalog.services:
        size = page(site, svc.url).stat().st_size
        assert size <= 150 * 1024, (svc.slug, size)


def test_search_index_holds_every_service_with_keywords_within_budget(site, catalog):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "kata" in index["config"]["fields"]
    by_loc = {d["location"]: d for d in index["docs"]}
    for svc in catalog.services:
        doc = by_loc[svc.url]
        assert doc["kata"]
        for s in svc.data.sinonim or []:
            for w in re.findall(r"[a-z0-9]+", s.lower()):
                assert w in doc["kata"].split() or w in doc["title"].lower() or w in doc["text"].lower()
        # One entry per service: its sections are not indexed separately.
        assert not [d for d in index["docs"] if d["location"].startswith(svc.url + "#")]
        assert len(json.dumps(doc, ensure_ascii=False).encode()) <= 3 * 1024


def test_staff_guide_is_generated_from_the_model(site):
    text = scan(page(site, "panduan-petugas/")).plain()
    for cls in (m.Layanan, m.Unit, m.Instansi, m.Biaya, m.Langkah, m.Saluran, m.ItemPersyaratan):
        schema = cls.model_json_schema()
        if "$ref" in schema:  # a recursive model (Langkah: branches hold steps)
            schema = schema["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        for key, prop in schema["properties"].items():
            assert key in text
            desc = prop.get("description") or next(
                (p.get("description") for p in prop.get("anyOf", []) if p.get("description")), None
            )
            if desc:
                assert " ".join(desc.split()) in text, (cls.__name__, key)


def test_pages_are_in_indonesian_with_lang_id(site):
    for f in html_pages(site):
        head = f.read_text(encoding="utf-8")[:300]
        assert '<html lang="id"' in head, f


def test_errors_fail_the_build_with_the_validator_lines(tmp_path):
    std = copy_standards(tmp_path)
    f = next(std.rglob("tanda-tangan-elektronik.yaml"))
    f.write_text(f.read_text(encoding="utf-8").replace("biaya: Gratis", "biaya:\n  jumlah: mahal sekali"), encoding="utf-8")
    b = build_site(tmp_path, std, strict=False)
    assert b.returncode != 0
    v = subprocess.run([sys.executable, "-m", "generator", "validate", str(std)], cwd=REPO, env=ENV,
                       capture_output=True, text=True)
    galat = [line for line in v.stdout.splitlines() if ": galat:" in line]
    assert galat, v.stdout
    for line in galat:
        # Same file:line:col message, paths printed relative to where the command runs.
        assert line in b.output
    assert re.search(r"tanda-tangan-elektronik\.yaml:\d+:\d+: galat: biaya", b.output)
    assert not (b.site / "index.html").exists()


def test_warnings_are_printed_and_only_errors_fail_even_strict_builds(tmp_path):
    std = copy_standards(tmp_path)
    f = next(std.rglob("tanda-tangan-elektronik.yaml"))
    f.write_text(f.read_text(encoding="utf-8").replace("status: contoh", "status: rancangan"), encoding="utf-8")
    lax = build_site(tmp_path / "lax", std, strict=False)
    assert lax.returncode == 0, lax.output
    assert re.search(r"tanda-tangan-elektronik\.yaml:\d+:\d+: peringatan: status: .*\[rancangan-tanpa-konsultasi\]", lax.output)
    # Warnings and compliance notes are for the editor; only a galat blocks publishing.
    strict = build_site(tmp_path / "strict", std, strict=True)
    assert strict.returncode == 0, strict.output
    assert "peringatan: status:" in strict.output


def test_cetak_links_posters_and_handbook_and_they_exist(tmp_path, catalog):
    from generator.printing import paths

    b = build_site(tmp_path, cetak=True)
    assert b.returncode == 0, b.output
    for svc in catalog.services:
        hrefs = [a["href"] for a in scan(page(b.site, svc.url)).all("a")]
        for rel in (paths.poster_path(svc, "a3"), paths.poster_path(svc, "a4"), paths.handbook_path(svc.unit)):
            assert f"../../cetak/{rel}" in hrefs
            assert (b.site / "cetak" / rel).is_file()
    for unit in catalog.all_units():
        up = "../" * (unit.url.count("/"))
        hrefs = [a["href"] for a in scan(page(b.site, unit.url)).all("a")]
        wanted = [paths.handbook_path(unit)]
        if paths.has_maklumat(unit):
            wanted += [paths.maklumat_path(unit, "a3"), paths.maklumat_path(unit, "a4")]
        for rel in wanted:
            assert f"{up}cetak/{rel}" in hrefs
            assert (b.site / "cetak" / rel).is_file()


def test_without_cetak_no_pdf_links(site):
    for f in html_pages(site):
        assert ".pdf" not in f.read_text(encoding="utf-8"), f


def test_a_failed_build_leaves_the_published_site_as_it_was(tmp_path):
    std = copy_standards(tmp_path)
    good = build_site(tmp_path, std, strict=False)
    assert good.returncode == 0, good.output
    before = {p.relative_to(good.site): p.read_bytes() for p in good.site.rglob("*.html")}
    assert before and not list(tmp_path.glob(".site.*"))  # built beside, swapped in, nothing left over

    # A galat: stopped before anything is cleaned.
    f = next(std.rglob("tanda-tangan-elektronik.yaml"))
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("status: contoh", "status: entah"), encoding="utf-8")
    bad = build_site(tmp_path, std, strict=False)
    assert bad.returncode != 0 and "galat" in bad.output
    # A failure after MkDocs cleaned its (beside) output folder: no address for the QR codes.
    f.write_text(text, encoding="utf-8")
    ins = std / "_instansi.yaml"
    ins.write_text(re.sub(r"^situs: .*\n", "", ins.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    config = write_config(tmp_path, std, cetak=True)
    cfg = yaml.safe_load(config.read_text(encoding="utf-8"))
    del cfg["site_url"]
    config.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(good.site)],
                       cwd=REPO, env=ENV, capture_output=True, text=True, timeout=900)
    assert r.returncode != 0 and "Alamat situs untuk kode QR" in r.stdout + r.stderr

    after = {p.relative_to(good.site): p.read_bytes() for p in good.site.rglob("*.html")}
    assert after == before
    assert not list(tmp_path.glob(".site.*"))  # the half-built folder is removed


def _pdf_links_exist(site: Path) -> int:
    """Every PDF any page links to exists; returns how many links were checked."""
    n = 0
    for f in html_pages(site):
        for href in re.findall(r'href="([^"]+\.pdf)"', f.read_text(encoding="utf-8")):
            target = (f.parent / href).resolve()
            assert target.is_file(), (f, href)
            n += 1
    return n


def test_a_poster_that_does_not_fit_never_stops_the_site_its_page_links_the_handbook(tmp_path):
    """Even with --strict: a peringatan at the service's file, and no link to a PDF that is not there."""
    from generator.catalog import load_catalog
    from generator.printing import paths

    std = copy_standards(tmp_path / "data")
    for unit in ("disdukcapil", "dpmptsp"):  # one unit is enough, and faster
        shutil.rmtree(std / unit)
    f = std / "diskominfo" / "tanda-tangan-elektronik.yaml"
    text = f.read_text(encoding="utf-8")
    panjang = "persyaratan:\n" + "".join(f"  - Dokumen persyaratan yang sangat panjang nomor {i}\n" for i in range(150))
    f.write_text(re.sub(r"^persyaratan:\n(?:  .*\n)+", panjang, text, count=1, flags=re.M), encoding="utf-8")
    b = build_site(tmp_path / "proyek", std, strict=True, cetak=True, layanan_utama=[])
    assert b.returncode == 0, b.output
    baris = f.read_text(encoding="utf-8").splitlines().index("persyaratan:") + 1
    assert re.search(rf"tanda-tangan-elektronik\.yaml:{baris}:1: peringatan: diskominfo/tanda-tangan-elektronik-a3\.pdf: "
                     r"poster A3 .*tidak muat.*\[poster-tidak-muat\]", b.output), b.output
    assert "Traceback" not in b.output

    svc = load_catalog(std).service("tanda-tangan-elektronik")
    hrefs = [a["href"] for a in scan(page(b.site, svc.url)).all("a")]
    assert f"../../cetak/{paths.handbook_path(svc.unit)}" in hrefs
    assert not any("tanda-tangan-elektronik-a" in h for h in hrefs)
    assert "Poster layanan ini belum tersedia" in page(b.site, svc.url).read_text(encoding="utf-8")
    assert not list(b.site.rglob("tanda-tangan-elektronik-a*.pdf"))
    assert _pdf_links_exist(b.site) > 10  # the other services' posters are linked, and there

    # The cache is the project's (beside mkdocs.yml), never in or beside the standards tree.
    assert (tmp_path / "proyek" / ".cache" / "standar-cetak" / "diskominfo" / paths.HANDBOOK).is_file()
    assert not (std.parent / ".cache").exists() and not list(std.rglob("*.pdf"))


def test_time_cost_and_product_are_said_once_when_the_summary_says_it_all(site, catalog):
    """A component whose whole content the summary shows (no note, no tariff table, no unit
    label of its own) has no section repeating it: the summary item carries its anchor and
    YAML key. One with more keeps its section, and an absent one keeps its notice."""
    from generator.site.render import di_ringkasan, tampilan_layanan

    seen = {True: 0, False: 0}
    for svc in catalog.services:
        html = page(site, svc.url).read_text(encoding="utf-8")
        ringkasan = html[html.index('id="ringkasan"'):html.index('id="persyaratan"')]
        merged = di_ringkasan(tampilan_layanan(svc))
        for kunci, ident in (("jangka_waktu", "jangka-waktu"), ("biaya", "biaya"), ("produk", "produk")):
            section = re.search(rf'<section[^>]*data-kunci="{kunci}"', html)
            assert html.count(f'id="{ident}"') == (1 if kunci in merged or section else 0), (svc.slug, kunci)
            if kunci in merged:
                assert section is None and f'id="{ident}" data-kunci="{kunci}"' in ringkasan
            else:
                assert section is not None, (svc.slug, kunci)
            seen[kunci in merged] += 1
    assert seen[True] and seen[False]  # the example data has both kinds


def _git(repo: Path, *args: str, tanggal: str) -> None:
    env = {**ENV, "GIT_AUTHOR_DATE": tanggal, "GIT_COMMITTER_DATE": tanggal, "GIT_AUTHOR_NAME": "Uji",
           "GIT_AUTHOR_EMAIL": "uji@contoh.go.id", "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@contoh.go.id"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_the_build_publishes_the_history_of_a_git_repository(tmp_path):
    repo = tmp_path / "repo"
    std = repo / "standards"
    shutil.copytree(REPO / "standards", std)
    _git(repo, "init", "-q", "-b", "main", tanggal="2026-01-05T08:00:00+08:00")
    _git(repo, "add", "-A", tanggal="2026-01-05T08:00:00+08:00")
    _git(repo, "commit", "-q", "-m", "impor", tanggal="2026-01-05T08:00:00+08:00")
    f = std / "disdukcapil" / "akta-kelahiran.yaml"
    teks = f.read_text(encoding="utf-8")
    f.write_text(teks.replace("nama: Penerbitan Akta Kelahiran", "nama: Penerbitan Kutipan Akta Kelahiran", 1),
                 encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "nama", tanggal="2026-02-10T08:00:00+08:00")
    b = build_site(tmp_path / "out", std)
    assert b.returncode == 0, b.output
    assert "Riwayat perubahan tidak dibuat" not in b.output
    akta = page(b.site, "layanan/akta-kelahiran/").read_text(encoding="utf-8")
    riwayat = akta[akta.index('id="riwayat"'):]
    assert "10 Februari 2026" in riwayat and "5 Januari 2026" in riwayat
    assert "\u201cPenerbitan Akta Kelahiran\u201d \u2192 \u201cPenerbitan Kutipan Akta Kelahiran\u201d" in riwayat
    feed = (b.site / "perubahan.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 2 and "Penerbitan Kutipan Akta Kelahiran" in feed
    terbaru = page(b.site, "perubahan/").read_text(encoding="utf-8")
    assert 'href="../layanan/akta-kelahiran/"' in terbaru
    # Every page points feed readers at the feed.
    assert 'type="application/atom+xml"' in page(b.site, "").read_text(encoding="utf-8")


def test_without_a_git_repository_the_build_warns_and_goes_on(tmp_path):
    std = copy_standards(tmp_path)
    b = build_site(tmp_path / "out", std)  # --strict: the warning must not fail it
    assert b.returncode == 0, b.output
    assert "Riwayat perubahan tidak dibuat" in b.output and "repositori git" in b.output
    assert "Riwayat perubahan belum tersedia" in page(b.site, "perubahan/").read_text(encoding="utf-8")
    assert 'id="riwayat"' not in page(b.site, "layanan/akta-kelahiran/").read_text(encoding="utf-8")
    assert "<feed" in (b.site / "perubahan.xml").read_text(encoding="utf-8")
