"""Holes an attacker's review found in the issue-8 fixes: each test failed before its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from generator import findings
from generator.catalog import load_catalog
from generator.printing import jobs
from tests.conftest import SERVICE
from tests.site.support import ENV, MKDOCS, REPO, copy_standards, write_config


def test_a_committed_manifest_cannot_make_the_printer_delete_or_reuse_other_files(tmp_path, tree):
    store = tmp_path / "cache"
    store.mkdir()
    korban = tmp_path / "korban.txt"
    korban.write_text("jangan dihapus", encoding="utf-8")
    (store / jobs.MANIFEST).write_text(json.dumps({
        "versi": jobs._VERSI,
        "berkas": {"../korban.txt": "x", str(korban): "y", "uji/layanan-uji-a3.pdf": "z"},
        "gagal": {"../korban.txt": ["x", "pesan"]},
    }), encoding="utf-8")
    assert jobs.read_manifest(store) == {"uji/layanan-uji-a3.pdf": "z"}
    assert jobs.read_failures(store) == {}
    cat = load_catalog(tree({"uji/layanan-uji.yaml": SERVICE}))
    jobs.run(cat, store, "https://standar.contoh.go.id/", jobs=1)  # a full run removes outputs it no longer makes
    assert korban.read_text(encoding="utf-8") == "jangan dihapus"


def test_a_cache_from_elsewhere_is_never_trusted(tmp_path, monkeypatch):
    # The digests hold a key kept outside any checkout: another machine's (or a pull
    # request's) manifest never matches, so its PDFs are rendered again, not published.
    from generator.printing import inputs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a"))
    a = inputs.env_digest()
    assert a == inputs.env_digest()  # stable on one machine
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "b"))
    assert inputs.env_digest() != a


def test_validation_reports_a_bounded_number_of_findings(tree):
    text = SERVICE + "sinonim:\n" + "".join("  - []\n" for _ in range(3000))
    cat = load_catalog(tree({"uji/banyak.yaml": text}))
    mine = [f for f in cat.findings if f.file.endswith("banyak.yaml")]
    assert any(f.code == "terlalu-banyak-galat" and "3000" in f.message for f in mine)
    assert len(mine) <= 110


def test_text_output_never_carries_a_legacy_workflow_command():
    f = findings.Finding("x.yaml", 1, 1, "##[stop-commands]tok", "galat", "kode", "'##[error]palsu'")
    assert "##[" not in f.text()


def test_a_symlinked_site_folder_is_not_renamed_away(tmp_path):
    # site -> . in a pull request: the swap used to rename and delete what the link points to.
    std = copy_standards(tmp_path)
    cfg = write_config(tmp_path, std)
    proyek = tmp_path / "proyek"
    proyek.mkdir()
    (proyek / "penting.txt").write_text("isi", encoding="utf-8")
    (tmp_path / "site").symlink_to(proyek, target_is_directory=True)
    r = subprocess.run([*MKDOCS, "build", "-q", "-f", str(cfg), "-d", str(tmp_path / "site")], cwd=REPO, env=ENV,
                       capture_output=True, text=True, timeout=600)
    assert "Traceback" not in r.stderr
    assert proyek.is_dir() and (tmp_path / "site").is_symlink()


def test_the_swapped_in_site_can_be_read_by_a_web_server(tmp_path):
    cfg = write_config(tmp_path, REPO / "standards")
    site = tmp_path / "site"
    r = subprocess.run([sys.executable, "-c", "import os, sys, subprocess; os.umask(0o022); "
                        "sys.exit(subprocess.call(sys.argv[1:]))", *MKDOCS, "build", "-q", "-f", str(cfg), "-d",
                        str(site)], cwd=REPO, env=ENV, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert oct(os.stat(site).st_mode & 0o777) == oct(0o755)
