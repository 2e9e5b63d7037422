"""The tool as a pemda gets it: the wheel, installed in a fresh virtual environment outside
this repository, creates a unit's repository, validates it, builds the site and prints.

Builds the wheel from a copy of what the build reads (pyproject.toml, README.md, generator/,
site_theme/), so nothing is written into the checkout; installs it with the versions of
requirements.lock (from PyPI or pip's cache). Part of `./dev test` and so of CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.wheel

LAYANAN = "Surat Keterangan Paket Uji"
SLUG = "surat-keterangan-paket-uji"
UNIT = "dinas-uji"
# Directories of the checkout that tests and tools write to on their own.
_ABAIKAN = {".git", ".venv", ".venv-latest", ".pytest_cache", ".hypothesis", "__pycache__", ".cache"}


def _potret(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in _ABAIKAN]
        for f in files:
            p = Path(d) / f
            st = p.lstat()
            out[str(p.relative_to(root))] = (st.st_mtime_ns, st.st_size)
    return out


def _jalan(args, cwd: Path, env: dict, timeout: int = 900) -> subprocess.CompletedProcess:
    r = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, f"{args}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    assert "Traceback" not in r.stderr
    return r


@pytest.fixture(scope="module")
def terpasang(tmp_path_factory):
    """(wheel, venv, env): the wheel built from a copy of the sources, installed in a new venv."""
    tmp = tmp_path_factory.mktemp("paket")
    sebelum = _potret(REPO)
    src = tmp / "src"
    src.mkdir()
    for f in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / f, src / f)
    for d in ("generator", "site_theme"):
        shutil.copytree(REPO / d, src / d, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(NO_MKDOCS_2_WARNING="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    dist = tmp / "dist"
    _jalan([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, src], tmp, env)
    wheels = list(dist.glob("standar_pelayanan-*.whl"))
    assert len(wheels) == 1, wheels
    venv = tmp / "venv"
    _jalan([sys.executable, "-m", "venv", venv], tmp, env)
    _jalan([venv / "bin" / "python", "-m", "pip", "install", "-q", "-c", REPO / "requirements.lock", wheels[0]], tmp, env)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    yield wheels[0], venv, env
    assert _potret(REPO) == sebelum, "the wheel test wrote into the repository"


def test_wheel_holds_the_code_and_the_theme_but_no_tests_or_data(terpasang):
    wheel, _, _ = terpasang
    names = set(zipfile.ZipFile(wheel).namelist())
    kode = {p.relative_to(REPO).as_posix() for p in (REPO / "generator").rglob("*.py") if "__pycache__" not in p.parts}
    assert kode and kode <= names, sorted(kode - names)
    tema = {"standar_tema/" + p.relative_to(REPO / "site_theme").as_posix()
            for p in (REPO / "site_theme").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert tema <= names, sorted(tema - names)
    for f in ["standar_tema/mkdocs/main.html", "standar_tema/mkdocs/404.html",
              "standar_tema/mkdocs/assets/stylesheets/standar.css", "standar_tema/print/poster.html",
              "standar_tema/print/poster.css", "standar_tema/pages/layanan.html.j2",
              "standar_tema/assets/fonts/NotoSans-Regular.ttf", "standar_tema/assets/fonts/NotoSans-Regular.woff2",
              "generator/dependensi.txt"]:
        assert f in names
    tops = {n.split("/", 1)[0] for n in names}
    assert tops == {"generator", "standar_tema", wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info"}
    assert not [n for n in names if n.startswith(("tests/", "standards/", "schema/")) or "/tests/" in n]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_installed_tool_inits_validates_builds_and_prints_outside_the_repo(terpasang, tmp_path):
    _, venv, env = terpasang
    bin_ = venv / "bin"
    # The installed copy is what runs: its theme sits in the venv, not in this checkout.
    r = _jalan([bin_ / "python", "-c", "import generator.tema as t, generator; print(t.HALAMAN); print(generator.__file__)"],
               tmp_path, env)
    for line in r.stdout.split():
        assert Path(line).resolve().is_relative_to(venv.resolve()), line

    _jalan([bin_ / "standar", "init", "unit", "--instansi", "Pemerintah Kota Paket", "--unit", "Dinas Uji",
            "--unit-id", UNIT, "--layanan", LAYANAN, "--situs", "https://standar.paket.contoh.go.id/"], tmp_path, env)
    repo = tmp_path / "unit"
    r = _jalan([bin_ / "standar", "validate"], repo, env)
    assert "0 galat" in r.stderr
    _jalan([bin_ / "mkdocs", "build", "--strict"], repo, env)
    _jalan([bin_ / "standar", "cetak", "--out", "cetak"], repo, env)

    site = repo / "site"
    page = (site / "layanan" / SLUG / "index.html").read_text(encoding="utf-8")
    assert LAYANAN in page
    # The theme override is in effect: main.html preloads our fonts and links standar.css.
    assert 'rel="preload"' in page and "NotoSans-Regular.woff2" in page and "assets/stylesheets/standar.css" in page
    assert "fonts.googleapis.com" not in page
    assert "Halaman tidak ditemukan" in (site / "404.html").read_text(encoding="utf-8")
    assert (site / "assets/stylesheets/standar.css").read_bytes() == \
        (REPO / "site_theme/mkdocs/assets/stylesheets/standar.css").read_bytes()
    for font in ("NotoSans-Regular.woff2", "NotoSans-Bold.woff2"):
        assert (site / "assets/fonts" / font).read_bytes()[:4] == b"wOF2"
    for pdfs in (site / "cetak" / UNIT, repo / "cetak" / UNIT):
        for name in (f"{SLUG}-a3.pdf", f"{SLUG}-a4.pdf", "buku-standar-pelayanan.pdf"):
            data = (pdfs / name).read_bytes()
            assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], pdfs / name
