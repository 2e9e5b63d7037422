"""Hostile input to the government file (issue 8, holes 4, 13 and 14): the logo,
the site address, and one broken key of _instansi.yaml.

A pull request may carry any file: the logo must be a picture inside the standards
tree, the renderers never fetch anything outside the project's own files, the site
address printed in QR codes is a plain origin with a path, and one broken key does
not drop the whole government file (and with it every service's shared channels).
"""

from __future__ import annotations

import http.server
import io
import os
import threading
from pathlib import Path

import pytest

from generator import model as m
from generator.catalog import load_catalog
from tests.conftest import INSTANSI

INSTANSI_TANPA_SITUS = "\n".join(x for x in INSTANSI.splitlines() if not x.startswith("situs:")) + "\n"

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10">'
       b'<rect width="10" height="10" fill="#123a6b"/></svg>')


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buf, "PNG")
    return buf.getvalue()


def _jpeg() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buf, "JPEG")
    return buf.getvalue()


def _instansi(extra: str) -> str:
    return INSTANSI + extra + "\n"


def _line_of(root: Path, key: str) -> int:
    lines = (root / "_instansi.yaml").read_text(encoding="utf-8").splitlines()
    return next(i + 1 for i, x in enumerate(lines) if x.startswith(key + ":"))


def _galat_di(cat, root: Path, key: str) -> list:
    return [f for f in cat.findings if f.severity == "galat" and f.path == key
            and Path(f.file).resolve() == (root / "_instansi.yaml").resolve()]


# -- hole 14: the site address ------------------------------------------------------------


SITUS_SAH = [
    "https://standar.bontangkota.go.id/",
    "https://standar.bontangkota.go.id",
    "http://127.0.0.1:8000/",
    "https://contoh.go.id/standar-pelayanan/",
    "HTTPS://Contoh.go.id/sp/2026",
    "https://contoh.go.id/~sp/a_b.c/",
]
SITUS_TIDAK_SAH = [
    "https://contoh.go.id/?utm=1",
    "https://contoh.go.id/#atas",
    "https://contoh.go.id/a?",
    "https://contoh.go.id/a b/",
    "https://contoh.go.id/\"onmouseover=alert(1)",
    "https://contoh.go.id/'x'",
    "https://contoh.go.id/<b>",
    "https://admin@contoh.go.id/",
    "https://contoh.go.id:99999/",
    "https://contoh.go.id/%22/",
    "https://contoh.go.id/../../",
    "https://contoh.go.id/a\\b",
    "https://-contoh.go.id/",
    "https:///contoh.go.id",
    "javascript:alert(1)",
    "ftp://contoh.go.id/",
    "contoh.go.id",
    "bukan alamat",
]


@pytest.mark.parametrize("situs", SITUS_SAH)
def test_situs_asal_dengan_jalur_diterima(situs, tree, service_text):
    root = tree({"uji/layanan-uji.yaml": service_text},
                instansi=INSTANSI_TANPA_SITUS + f"situs: '{situs}'\n")
    cat = load_catalog(root)
    assert not [f for f in cat.findings if f.path == "situs"]
    assert cat.instansi.situs == situs
    assert m.tautan_web(cat.instansi.situs) == situs  # printing/site.py and printing/cli.py


@pytest.mark.parametrize("situs", SITUS_TIDAK_SAH)
def test_situs_lain_adalah_galat(situs, tree, service_text):
    teks = situs.replace("\\", "\\\\").replace('"', '\\"')
    root = tree({"uji/layanan-uji.yaml": service_text}, instansi=INSTANSI_TANPA_SITUS + f'situs: "{teks}"\n')
    cat = load_catalog(root)
    (f,) = _galat_di(cat, root, "situs")
    assert f.line == _line_of(root, "situs") and f.column == len("situs: ") + 1
    assert f.code in ("situs-tidak-sah", "tautan-tidak-aman")
    assert "https://" in f.message
    assert cat.instansi is None or cat.instansi.situs is None


def test_alamat_web_lain_tetap_menerima_nama_host(tree, service_text):
    """Only situs: is strict; other web addresses still accept a bare host name."""
    svc = service_text + "layanan_daring: sipandu.bontangkota.go.id/daftar?x=1\n"
    cat = load_catalog(tree({"uji/layanan-uji.yaml": svc}))
    assert cat.ok, cat.findings
    assert cat.services[0].data.layanan_daring == "sipandu.bontangkota.go.id/daftar?x=1"


# -- hole 13 (part): one broken key of _instansi.yaml ----------------------------------------

UNIT_TANPA_LAPOR = __import__("tests.conftest", fromlist=["UNIT"]).UNIT


@pytest.mark.parametrize("rusak", [
    "situs: https://contoh.go.id/?q=1",
    "situs: bukan alamat",
    "wilayah: [Kota, Uji]",
    "kunci_asing: 1",
])
def test_satu_kunci_rusak_tidak_menghilangkan_saluran_bersama(rusak, tree, service_text):
    files = {f"uji/layanan-{i}.yaml": service_text.replace("Layanan Uji", f"Layanan Uji {i}") for i in range(5)}
    root = tree(files, instansi=INSTANSI_TANPA_SITUS + rusak + "\n")
    cat = load_catalog(root)
    galat = [f for f in cat.findings if f.severity == "galat"]
    assert len(galat) == 1 and galat[0].file.endswith("_instansi.yaml"), galat
    assert not [f for f in cat.findings if f.code == "tanpa-sp4n-lapor"]
    assert cat.instansi is not None and cat.instansi.saluran_bersama
    assert all(s.data.pengaduan.punya_lapor() for s in cat.services)


@pytest.mark.parametrize("rusak", [
    "nama: [Pemerintah, Kota]",  # a required key: the rest cannot make an Instansi
    "saluran_bersama: 12",
    "saluran_bersama:\n  - jenis: merpati\n    nilai: x",
])
def test_saluran_bersama_tak_terbaca_tidak_membuat_catatan_lapor(rusak, tree, service_text):
    ins = "\n".join(x for x in INSTANSI.splitlines()
                    if not x.startswith(("nama:", "saluran_bersama:", "  ")))
    if not rusak.startswith("nama:"):
        ins += "\nnama: Pemerintah Kota Uji"
    root = tree({"uji/layanan-uji.yaml": service_text}, instansi=ins + "\n" + rusak + "\n")
    cat = load_catalog(root)
    assert [f for f in cat.findings if f.severity == "galat"]
    assert not [f for f in cat.findings if f.code == "tanpa-sp4n-lapor"]


def test_tanpa_saluran_bersama_catatan_lapor_tetap_ada(tree, service_text):
    """A valid government file without SP4N-LAPOR! still gets its note."""
    ins = "nama: Pemerintah Kota Uji\nsitus: https://standar.uji.contoh.go.id/\n"
    cat = load_catalog(tree({"uji/layanan-uji.yaml": service_text}, instansi=ins))
    assert [f for f in cat.findings if f.code == "tanpa-sp4n-lapor"]
