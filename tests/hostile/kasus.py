"""Hostile contributions (issue 8), made as standards trees in a temporary folder.

Each case is a function that writes a tree under ``root`` from the example data and
changes it the way a careless or hostile pull request would. Cases that need what git
cannot store portably (symlinks, control characters, a bomb built by code) are built
here rather than committed as files. Outside the tree there is always a secret file
whose token must never appear in any output, and a local HTTP server that must never
receive a request.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[2]
RAHASIA = "RAHASIA-JANGAN-TERBACA-7f3a"  # the token of the secret file outside the tree
SVC = "diskominfo/tanda-tangan-elektronik.yaml"


def salin(tmp: Path) -> Path:
    root = tmp / "standards"
    shutil.copytree(REPO / "standards", root)
    (tmp / "rahasia.txt").write_text(f"{RAHASIA}\nnama: {RAHASIA}\n", encoding="utf-8")
    return root


def _ganti(path: Path, pola: str, baru: str) -> None:
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(pola, lambda _: baru, text, count=1, flags=re.M)
    assert n == 1, (path, pola)
    path.write_text(text, encoding="utf-8")


def folder_berbahaya(root: Path, url: str) -> None:
    (root / "diskominfo").rename(root / 'a" autofocus onfocus="alert(1)" x="')


def symlink_keluar(root: Path, url: str) -> None:
    (root / "diskominfo" / "bocor.yaml").symlink_to(root.parent / "rahasia.txt")
    (root / "diskominfo" / "folder-bocor").symlink_to(root.parent, target_is_directory=True)


def symlink_lingkar(root: Path, url: str) -> None:
    (root / "diskominfo" / "lingkar-a").symlink_to(root / "diskominfo", target_is_directory=True)
    (root / "diskominfo" / "lingkar-b").symlink_to(root, target_is_directory=True)


def logo_di_luar(root: Path, url: str) -> None:
    _ganti(root / "_instansi.yaml", r"^logo: .*$", "logo: ../rahasia.txt")


def logo_mengambil_jaringan(root: Path, url: str) -> None:
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
           f'height="10"><image href="{url}logo.png" width="10" height="10"/>'
           f'<image xlink:href="file://{root.parent}/rahasia.txt" width="1" height="1"/></svg>')
    (root / "logo.svg").write_text(svg, encoding="utf-8")


def bom_alias(root: Path, url: str) -> None:
    baris = "x" * 30_000
    yaml = f"a: &a \"{baris}\"\nb: [{', '.join(['*a'] * 4000)}]\n"
    (root / "diskominfo" / "bom.yaml").write_text(yaml, encoding="utf-8")


def karakter_kendali(root: Path, url: str) -> None:
    _ganti(root / SVC, r"^nama: .*$", "nama: \"Layanan \\e[2J\\u202Egnp.exe\\n::error::palsu\"")


def rumus_csv(root: Path, url: str) -> None:
    _ganti(root / SVC, r"^nama: .*$", "nama: '-2+3+cmd|\" /C calc\"!A0'")


def situs_berbahaya(root: Path, url: str) -> None:
    _ganti(root / "_instansi.yaml", r"^situs: .*$", "situs: 'https://standar.contoh.go.id/?q=\"><script>'")


def alamat_bertabrakan(root: Path, url: str) -> None:
    (root / "diskominfo" / "index.yaml").write_text(
        (root / SVC).read_text(encoding="utf-8"), encoding="utf-8")


def tautan_jaringan_di_yaml(root: Path, url: str) -> None:
    # Addresses a page only links to (never fetched while building).
    _ganti(root / SVC, r"^layanan_daring: .*$", f"layanan_daring: {url}daring")


KASUS: dict[str, Callable[[Path, str], None]] = {
    f.__name__: f for f in (
        folder_berbahaya, symlink_keluar, symlink_lingkar, logo_di_luar, logo_mengambil_jaringan, bom_alias,
        karakter_kendali, rumus_csv, situs_berbahaya, alamat_bertabrakan, tautan_jaringan_di_yaml,
    )
}
# Cases the standards stay valid in (the build succeeds and must be safe): a formula in
# a name, a link to a local server, an SVG logo that refers to other files (a warning;
# the references are never loaded). Every other case must be refused with a galat.
SAH = {"rumus_csv", "tautan_jaringan_di_yaml", "logo_mengambil_jaringan"}
