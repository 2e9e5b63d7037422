"""A unit's repository in a temporary folder, for the tests of `standar diff` and of the public
history: the print test tree (tests/print/data/standards) committed on main, edits by text
replacement, commits with a chosen date."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Optional

DATA = Path(__file__).parent / "print" / "data" / "standards"


def git(repo: Path, *args: str, tanggal: Optional[str] = None) -> str:
    env = dict(os.environ)
    if tanggal:
        env.update(GIT_AUTHOR_DATE=tanggal, GIT_COMMITTER_DATE=tanggal)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=env).stdout


def ubah(repo: Path, rel: str, lama: str, baru: str) -> None:
    """Replace the first ``lama`` in ``standards/rel`` (which must contain it) by ``baru``."""
    f = repo / "standards" / rel
    teks = f.read_text(encoding="utf-8")
    assert lama in teks, lama
    f.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def simpan(repo: Path, pesan: str, tanggal: Optional[str] = None) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", pesan, tanggal=tanggal)


def buat_repo(tmp_path: Path, tanggal: Optional[str] = None) -> Path:
    """``tmp_path/repo``: standards/ copied from the print test tree and committed on main."""
    r = tmp_path / "repo"
    shutil.copytree(DATA, r / "standards")
    git(r, "init", "-q", "-b", "main")
    git(r, "config", "user.email", "uji@contoh.go.id")
    git(r, "config", "user.name", "Uji")
    simpan(r, "awal", tanggal)
    return r
