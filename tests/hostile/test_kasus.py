"""Every hostile case through `standar validate`, `mkdocs build` and `standar cetak`, as
CI would run them: no traceback, nothing read outside the tree, no network request,
bounded time and memory, and a failed build leaves the previous site as it was."""

from __future__ import annotations

import csv
import http.server
import io
import re
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.site.support import ENV, MKDOCS, REPO, write_config

from .kasus import KASUS, RAHASIA, SAH, salin

# Resource guards for each command (not timing targets): a hang or a memory bomb fails
# the case instead of the machine.
BATAS_DETIK = 300
BATAS_MEMORI = 3 * 1024**3
# Cases whose outputs are printed too (the printer reads the logo and the site address).
CETAK = {"logo_di_luar", "logo_mengambil_jaringan", "situs_berbahaya"}


_KENDALI = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _batasi() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (BATAS_MEMORI, BATAS_MEMORI))


def jalankan(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=REPO, env=ENV, capture_output=True, text=True, timeout=BATAS_DETIK,
                          preexec_fn=_batasi)


class _Catat(http.server.BaseHTTPRequestHandler):
    permintaan: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.permintaan.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *a) -> None:
        pass


@pytest.fixture(scope="module")
def jaringan():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Catat)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/", _Catat.permintaan
    srv.shutdown()


@pytest.fixture(scope="module")
def situs_lama(tmp_path_factory):
    """A good site, built once, that every failed hostile build must leave untouched."""
    tmp = tmp_path_factory.mktemp("lama")
    cfg = write_config(tmp, REPO / "standards")
    r = jalankan([*MKDOCS, "build", "-q", "-f", str(cfg), "-d", str(tmp / "site")])
    assert r.returncode == 0, r.stderr
    return tmp / "site"


def _isi(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _tanpa_rahasia(*teks: str, folder: Path | None = None) -> None:
    for t in teks:
        assert RAHASIA not in t
    for p in (folder.rglob("*") if folder else []):
        if p.is_file():
            assert RAHASIA.encode() not in p.read_bytes(), p
            if p.suffix == ".pdf":
                out = subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True).stdout
                assert RAHASIA not in out, p


@pytest.mark.parametrize("nama", sorted(KASUS))
def test_hostile_contribution(nama, tmp_path, jaringan, situs_lama):
    url, permintaan = jaringan
    sebelum = len(permintaan)
    root = salin(tmp_path)
    KASUS[nama](root, url)

    v = jalankan([sys.executable, "-m", "generator", "validate", str(root)])
    assert "Traceback" not in v.stdout + v.stderr
    assert v.returncode == (0 if nama in SAH else 1), v.stdout[-3000:]
    _tanpa_rahasia(v.stdout, v.stderr)
    # No raw control or bidi character reaches the terminal, and no line forges an annotation.
    assert not _KENDALI.search(v.stdout + v.stderr)
    assert not [ln for ln in v.stdout.splitlines() if ln.startswith("::") and "palsu" in ln.split("::")[1]]

    site = tmp_path / "site"
    shutil.copytree(situs_lama, site)
    lama = _isi(site)
    cfg = write_config(tmp_path / "cfg", root, cetak=nama in CETAK)
    b = jalankan([*MKDOCS, "build", "-f", str(cfg), "-d", str(site)])
    assert "Traceback" not in b.stdout + b.stderr
    if nama in SAH:
        assert b.returncode == 0, b.stderr[-3000:]
        for row in csv.reader(io.StringIO((site / "standar.csv").read_text(encoding="utf-8"))):
            assert not [c for c in row if c.lstrip()[:1] in ("=", "+", "-", "@", "\t", "\r")]
    if b.returncode != 0:
        assert _isi(site) == lama  # the published site is untouched
    _tanpa_rahasia(b.stdout, b.stderr, folder=site)

    if nama in CETAK:
        c = jalankan([sys.executable, "-m", "generator", "cetak", "--root", str(root), "--out",
                      str(tmp_path / "cetak"), "--url", "https://standar.contoh.go.id/"])
        assert "Traceback" not in c.stdout + c.stderr
        _tanpa_rahasia(c.stdout, c.stderr, folder=tmp_path / "cetak")

    assert permintaan[sebelum:] == []  # nothing fetched from the network, in any step
