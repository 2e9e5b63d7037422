"""The satisfaction survey on the posters (issue 12): a second QR code in the complaint band,
"Beri penilaian layanan ini", with the service's own survey address or else its unit's; both
codes decode to their addresses."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image

from generator.cli import main

DATA = Path(__file__).parent / "data" / "standards"
UNIT = "https://skm.kotacontoh.go.id/dpmptsp"
SENDIRI = "https://skm.kotacontoh.go.id/dpmptsp/reklame"


def kode(pdf: Path, tmp: Path) -> list[str]:
    png = tmp / pdf.stem
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(png)], check=True)
    return sorted(c.text for c in zxingcpp.read_barcodes(Image.open(f"{png}.png")))


def teks(pdf: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())


def test_posters_carry_the_survey_code_of_the_service_or_its_unit(tmp_path):
    root = tmp_path / "standards"
    shutil.copytree(DATA, root)
    unit = root / "dpmptsp" / "_unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + f"skm:\n  tautan: {UNIT}\n", encoding="utf-8")
    reklame = root / "dpmptsp" / "izin-reklame.yaml"
    reklame.write_text(reklame.read_text(encoding="utf-8") + f"skm:\n  tautan: {SENDIRI}\n", encoding="utf-8")
    out = tmp_path / "cetak"
    assert main(["cetak", "--root", str(root), "--out", str(out), "izin-reklame", "surat-keterangan-contoh"]) == 0
    halaman = "https://standar.kotacontoh.go.id/layanan/"
    for slug, survei in (("izin-reklame", SENDIRI), ("surat-keterangan-contoh", UNIT)):
        for size in ("a3", "xbanner"):
            pdf = out / "dpmptsp" / f"{slug}-{size}.pdf"
            assert kode(pdf, tmp_path) == sorted([halaman + slug + "/", survei]), (slug, size)
            assert "Beri penilaian layanan ini" in teks(pdf)


def test_without_a_survey_address_the_poster_has_one_code(tmp_path):
    out = tmp_path / "cetak"
    assert main(["cetak", "--root", str(DATA), "--out", str(out), "izin-reklame"]) == 0
    pdf = out / "dpmptsp" / "izin-reklame-a3.pdf"
    assert kode(pdf, tmp_path) == ["https://standar.kotacontoh.go.id/layanan/izin-reklame/"]
    assert "Beri penilaian" not in teks(pdf)
