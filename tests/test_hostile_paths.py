"""Hostile file trees (issue 8): names that become addresses, symlinks, unreadable folders.

A pull request controls the names of folders and files, and may add symlinks. Nothing of
that may reach a page unquoted, nothing outside the standards tree is read, the walk
always ends, every page address the site will make is checked by `standar validate`,
and an unreadable folder is a galat, never a traceback.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.catalog import load_catalog, validate_paths
from generator.cli import main
from generator.findings import GALAT
from generator.site import Opsi, bangun
from tests.conftest import SERVICE, UNIT, write

REPO = Path(__file__).resolve().parent.parent
EDIT = "https://example.org/repo/edit/main/standards/"


def galat(cat_or_findings, code: str):
    findings = getattr(cat_or_findings, "findings", cat_or_findings)
    return [f for f in findings if f.code == code and f.severity == GALAT]


def layanan(nama: str, kategori: str = "Uji") -> str:
    return SERVICE.replace("nama: Layanan Uji", f"nama: {nama}").replace("kategori: Uji", f"kategori: {kategori}")


@pytest.fixture
def bacaan(monkeypatch):
    """Every file the code opens while the test runs (real paths)."""
    dibuka: list[str] = []
    asli_open, asli_io_open = builtins.open, io.open

    def catat(asli):
        def buka(file, *a, **k):
            if isinstance(file, (str, bytes, os.PathLike)):
                dibuka.append(os.path.realpath(file))
            return asli(file, *a, **k)
        return buka

    monkeypatch.setattr(builtins, "open", catat(asli_open))
    monkeypatch.setattr(io, "open", catat(asli_io_open))
    return dibuka


def di_luar(dibuka: list[str], root: Path) -> list[str]:
    akar = os.path.realpath(root)
    return [p for p in dibuka if p != akar and not p.startswith(akar + os.sep)]


# -- 1. names of folders and files ----------------------------------------------------------

XSS = 'a" autofocus onfocus="alert(1)" x="'


def test_unit_folder_with_markup_is_a_galat_and_never_reaches_html(tree, capsys):
    root = tree({f"{XSS}/_unit.yaml": UNIT.replace("Dinas Uji", "Dinas Jahat"),
                 f"{XSS}/jahat.yaml": layanan("Layanan Jahat"),
                 "uji/baik.yaml": layanan("Layanan Baik")})
    cat = load_catalog(root)
    (f,) = galat(cat, "nama-folder")
    assert f.file.endswith(XSS) and (f.line, f.column) == (1, 1)
    assert "huruf kecil" in f.message
    # The folder's content is still checked, but nothing of it is published (mkdocs serve
    # shows the valid part of a broken tree).
    assert [u.id for u in cat.all_units()] == ["uji"]
    assert [s.slug for s in cat.services] == ["baik"]
    situs = bangun(cat, Opsi(edit_dasar=EDIT))
    for h in situs.halaman:
        assert "onfocus" not in h.html and "onfocus" not in (h.edit_url or "")
    assert main(["validate", str(root)]) == 1
    assert "nama-folder" in capsys.readouterr().out


@pytest.mark.parametrize("nama", ["Bidang A", "bidang?x", "bidang#1", "bidang--a", "bidang_a", "Bidang", "bidang.a",
                                  "bidang\n", "bidang\u202e", "bidang-\u0430"])
def test_every_folder_name_that_becomes_an_address_is_checked(tree, nama):
    root = tree({f"uji/{nama}/_unit.yaml": "nama: Bidang A\n", f"uji/{nama}/layanan-a.yaml": layanan("A")})
    cat = load_catalog(root)
    (f,) = galat(cat, "nama-folder")
    assert Path(f.file).name == nama
    assert cat.unit(f"uji/{nama}") is None and cat.service("layanan-a") is None


def test_a_service_file_name_ending_in_a_newline_is_a_galat(tree):
    cat = load_catalog(tree({"uji/baik\n.yaml": layanan("A")}))
    (f,) = galat(cat, "nama-berkas")
    assert "baik\\u000a.yaml" in f.message and not cat.services


def test_names_in_urls_and_edit_links_are_quoted(tree):
    # Defence in depth: whatever the name check lets through is still quoted in every URL.
    cat = load_catalog(tree({"uji/a.yaml": layanan("A")}))
    svc, unit = cat.services[0], cat.units[0]
    svc.rel_path = 'uji/a b?#".yaml'
    svc.slug = 'a b?"'
    unit.id = 'u j"i'
    assert svc.url == "layanan/a%20b%3F%22/"
    assert unit.url == "unit/u%20j%22i/"
    halaman = {h.jenis + h.src: h for h in bangun(cat, Opsi(edit_dasar=EDIT)).halaman}
    assert halaman['layananlayanan/a b?".md'].edit_url == EDIT + "uji/a%20b%3F%23%22.yaml"
    assert halaman['unitunit/u j"i.md'].edit_url == EDIT + "u%20j%22i/_unit.yaml"


def test_the_edit_link_base_quotes_the_standards_folder(tmp_path):
    from types import SimpleNamespace

    from generator.mkdocs_plugin import StandarPlugin

    (tmp_path / "docs").mkdir()
    (tmp_path / "standar pelayanan#1").mkdir()
    plugin = StandarPlugin()
    plugin.config = SimpleNamespace(edit_uri=None)  # derived from MkDocs' own edit_uri
    plugin.root = tmp_path / "standar pelayanan#1"
    config = SimpleNamespace(repo_url="https://example.org/repo", edit_uri="edit/main/docs/",
                             docs_dir=str(tmp_path / "docs"))
    assert plugin._edit_dasar(config, tmp_path) == "https://example.org/repo/edit/main/standar%20pelayanan%231/"


# -- 2. symlinks out of the tree ---------------------------------------------------------------


def test_symlinks_out_of_the_tree_are_galat_and_not_read(tree, tmp_path, bacaan):
    luar = tmp_path / "luar"
    write(luar, "rahasia.yaml", layanan("Rahasia Luar"))
    write(luar, "unit/_unit.yaml", UNIT.replace("Dinas Uji", "Dinas Luar"))
    write(luar, "unit/rahasia-unit.yaml", layanan("Rahasia Unit Luar"))
    write(luar, "_unit.yaml", UNIT.replace("Dinas Uji", "Dinas Luar"))
    root = tree({"uji/baik.yaml": layanan("Layanan Baik")})
    (root / "uji" / "rahasia.yaml").symlink_to(luar / "rahasia.yaml")
    (root / "uji" / "passwd.yaml").symlink_to("/etc/passwd")
    (root / "luar-unit").symlink_to(luar / "unit", target_is_directory=True)
    (root / "uji" / "bidang-luar").symlink_to(luar / "unit", target_is_directory=True)
    write(root, "unit-b/a.yaml", layanan("B"))
    (root / "unit-b" / "_unit.yaml").symlink_to(luar / "_unit.yaml")
    del bacaan[:]
    cat = load_catalog(root)
    f = galat(cat, "tautan-keluar")
    assert sorted(Path(x.file).name for x in f) == ["_unit.yaml", "bidang-luar", "luar-unit", "passwd.yaml",
                                                     "rahasia.yaml"]
    assert all("ke luar folder standar" in x.message for x in f)
    assert not galat(cat, "unit-tidak-ada")  # the refused _unit.yaml is not also "missing"
    assert di_luar(bacaan, root) == []
    assert [s.data.nama for s in cat.services] == ["Layanan Baik"]
    assert not any("root:" in x.message or "Luar" in x.message for x in cat.findings)


def test_validating_a_named_symlink_reads_nothing_outside(tree, tmp_path, bacaan):
    luar = tmp_path / "luar"
    write(luar, "x.yaml", "nama: [rusak\n")
    root = tree({"uji/baik.yaml": layanan("Layanan Baik")})
    (root / "uji" / "tautan").symlink_to(luar, target_is_directory=True)
    (root / "uji" / "tautan.yaml").symlink_to(luar / "x.yaml")
    del bacaan[:]
    # CI validates the files a pull request changed: the link itself, never where it points.
    for p in (root / "uji" / "tautan", root / "uji" / "tautan.yaml"):
        (f,) = validate_paths([p])
        assert f.code == "tautan-keluar" and Path(f.file).name == p.name
    assert di_luar(bacaan, root) == []


def test_symlinks_inside_the_tree_are_read(tree):
    root = tree({"_bersama/umum.yaml": layanan("Layanan Bersama")})
    (root / "uji" / "umum.yaml").symlink_to(Path("..") / "_bersama" / "umum.yaml")
    cat = load_catalog(root)
    assert cat.ok and [s.slug for s in cat.services] == ["umum"]


# -- 3. symlink loops -------------------------------------------------------------------------


def test_symlink_loops_end_with_a_galat(tree):
    root = tree({"uji/baik.yaml": layanan("Layanan Baik")})
    uji = root / "uji"
    (uji / "x").symlink_to(".", target_is_directory=True)
    (uji / "y").symlink_to(".", target_is_directory=True)
    (uji / "naik").symlink_to("..", target_is_directory=True)
    (uji / "diri").symlink_to("diri")
    (uji / "lagi").symlink_to(root / "uji", target_is_directory=True)
    # A subprocess: on a hanging walk the test fails by its timeout instead of never ending.
    r = subprocess.run([sys.executable, "-m", "generator", "validate", str(root), "--format", "json"],
                       cwd=REPO, capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    f = [x for x in json.loads(r.stdout) if x["severity"] == GALAT]
    assert sorted((Path(x["file"]).name, x["code"]) for x in f) == [
        ("diri", "tautan-berputar"), ("lagi", "tautan-berputar"), ("naik", "tautan-berputar"),
        ("x", "tautan-berputar"), ("y", "tautan-berputar")]


def test_a_folder_linked_twice_is_read_once(tree):
    root = tree({"uji/baik.yaml": layanan("Layanan Baik"), "lain/_unit.yaml": UNIT.replace("Dinas Uji", "Dinas Lain"),
                 "_bersama/bidang/_unit.yaml": "nama: Bidang Bersama\n",
                 "_bersama/bidang/bersama.yaml": layanan("Bersama")})
    (root / "a-alias").symlink_to("uji", target_is_directory=True)  # read before uji/, by name
    (root / "uji" / "bidang").symlink_to(Path("..") / "_bersama" / "bidang", target_is_directory=True)
    (root / "lain" / "bidang").symlink_to(Path("..") / "_bersama" / "bidang", target_is_directory=True)
    cat = load_catalog(root)
    f = galat(cat, "tautan-ganda")
    # lain/ is read before uji/: the second link to _bersama/bidang is the duplicate
    assert sorted(Path(x.file).as_posix().split("standards/")[1] for x in f) == ["a-alias", "uji/bidang"]
    assert "uji" in f[0].message and "lain/bidang" in f[1].message
    assert {u.id for u in cat.all_units()} == {"uji", "lain", "lain/bidang"}
    assert sorted(s.slug for s in cat.services) == ["baik", "bersama"]


# -- 9. every page address is checked by validate ---------------------------------------------


@pytest.mark.parametrize("berkas", ["uji/index.yaml", "uji/maklumat.yaml"])
def test_service_names_the_site_uses_itself_are_galat(tree, berkas):
    cat = load_catalog(tree({berkas: layanan("Layanan X")}))
    (f,) = galat(cat, "nama-dicadangkan")
    assert f.file.endswith(berkas) and Path(berkas).stem in f.message and not cat.services


@pytest.mark.parametrize("folder", ["index", "uji/index"])
def test_unit_folders_named_index_are_galat(tree, folder):
    cat = load_catalog(tree({f"{folder}/_unit.yaml": UNIT.replace("Dinas Uji", "Dinas Index"),
                             f"{folder}/c.yaml": layanan("C")}))
    (f,) = galat(cat, "nama-dicadangkan")
    assert f.file.endswith(folder) and "unit/" in f.message
    assert all(not u.id.endswith("index") for u in cat.all_units()) and not cat.services


def test_categories_with_one_page_address_are_galat_on_both_sides(tree):
    root = tree({"uji/a.yaml": layanan("A", "Kependudukan"), "uji/b.yaml": layanan("B", "kependudukan"),
                 "uji/c.yaml": layanan("C", "Kependudukan"), "uji/d.yaml": layanan("D", "Index"),
                 "uji/e.yaml": layanan("E", "Perizinan")})
    cat = load_catalog(root)
    f = sorted(galat(cat, "kategori-bentrok"))
    baris = SERVICE.splitlines().index("kategori: Uji") + 1
    assert [(Path(x.file).name, x.line, x.column, x.path) for x in f] == [
        ("a.yaml", baris, 11, "kategori"), ("b.yaml", baris, 11, "kategori")]
    assert f"b.yaml:{baris}:11" in f[0].message and f"a.yaml:{baris}:11" in f[1].message
    assert all("kategori/kependudukan/" in x.message for x in f)
    (d,) = galat(cat, "nama-dicadangkan")
    assert Path(d.file).name == "d.yaml" and d.path == "kategori" and "kategori/index/" in d.message
    # validate on one file shows its side too
    assert [x.code for x in validate_paths([root / "uji" / "b.yaml"]) if x.severity == GALAT] == ["kategori-bentrok"]


def test_the_build_reports_colliding_addresses_as_validate_does(tree, tmp_path):
    from tests.site.support import build_site

    root = tree({"uji/a.yaml": layanan("A", "Kependudukan"), "uji/b.yaml": layanan("B", "kependudukan"),
                 "uji/index.yaml": layanan("Index")})
    b = build_site(tmp_path / "situs", root, strict=False, layanan_utama=[])
    assert b.returncode != 0 and "Traceback" not in b.output
    for f in load_catalog(root).findings:
        if f.severity == GALAT:
            assert f.code in ("kategori-bentrok", "nama-dicadangkan")
            assert f.file in b.output and f"{f.line}:{f.column}: galat:" in b.output
    assert "bertabrakan" not in b.output  # no longer the plugin's "Markdown file" collision


def test_every_page_address_of_a_valid_catalog_is_unique(tree):
    """What validate accepts, the site can build: no two pages share an address."""
    root = tree({"uji/a.yaml": layanan("A", "Kependudukan"), "uji/b.yaml": layanan("B", "Perizinan Usaha"),
                 "uji/bidang-a/_unit.yaml": "nama: Bidang A\n", "uji/bidang-a/c.yaml": layanan("C", "Lain-lain"),
                 "layanan/_unit.yaml": UNIT.replace("Dinas Uji", "Dinas Layanan"),
                 "search/_unit.yaml": UNIT.replace("Dinas Uji", "Dinas Search")})
    cat = load_catalog(root)
    assert cat.ok, [f.text() for f in cat.findings if f.severity == GALAT]
    urls = [h.url for h in bangun(cat, Opsi()).halaman]
    assert len(urls) == len(set(urls))


# -- 10. unreadable folders --------------------------------------------------------------------


@pytest.mark.parametrize("terkunci", ["uji/terkunci", "uji", "."])
def test_an_unreadable_folder_is_a_galat_naming_it(tree, monkeypatch, capsys, terkunci):
    root = tree({"uji/baik.yaml": layanan("Layanan Baik"), "uji/terkunci/_unit.yaml": "nama: Bidang\n"})
    kunci = os.path.realpath(root / terkunci)
    asli_scandir, asli_listdir = os.scandir, os.listdir

    def tolak(asli):
        def f(path=".", *a, **k):
            if os.path.realpath(path) == kunci:
                raise PermissionError(13, "Permission denied", str(path))
            return asli(path, *a, **k)
        return f

    monkeypatch.setattr(os, "scandir", tolak(asli_scandir))
    monkeypatch.setattr(os, "listdir", tolak(asli_listdir))
    (f,) = galat(load_catalog(root), "folder-tidak-terbaca")
    assert os.path.realpath(f.file) == kunci and "tidak dapat dibaca" in f.message and "izin" in f.message
    assert main(["validate", str(root)]) == 1
    assert "folder-tidak-terbaca" in capsys.readouterr().out


def test_a_tree_nested_too_deep_is_a_galat_not_a_recursion_error(tree):
    root = tree({"uji/baik.yaml": layanan("Layanan Baik")})
    dalam = root.joinpath("uji", *["a"] * 400)  # deeper than the recursion limit set below
    dalam.mkdir(parents=True)
    (dalam / "x.yaml").write_text(layanan("Dalam"), encoding="utf-8")
    batas = sys.getrecursionlimit()
    sys.setrecursionlimit(350)  # a smaller tree than one past the default limit (pytest cannot delete that)
    try:
        cat = load_catalog(root)
    finally:
        sys.setrecursionlimit(batas)
    (f,) = galat(cat, "folder-terlalu-dalam")
    # uji/ and seven folders below it are read; the ninth level is not
    assert Path(os.path.abspath(f.file)).relative_to(root).parts == ("uji", *["a"] * 8)


def test_an_upper_case_extension_is_not_skipped_silently(tree):
    from tests.conftest import SERVICE

    root = tree({"uji/Akta.YAML": SERVICE})
    (f,) = [x for x in load_catalog(root).findings if x.code == "ekstensi-huruf-besar"]
    assert f.severity == "galat" and f.file.endswith("Akta.YAML") and "akta.yaml" in f.message
