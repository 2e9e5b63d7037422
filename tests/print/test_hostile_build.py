"""Issue 8 holes of the build itself: a read-only output folder, the manifest written
by two processes at once (the interrupted print run and the failed site build are in
test_pipeline.py and tests/site/test_build.py)."""

from __future__ import annotations

import json
import threading

from generator.cli import main
from generator.printing import jobs


def test_a_folder_that_cannot_be_written_is_named_without_a_traceback(print_tree, tmp_path, capsys, monkeypatch):
    def tidak_boleh(*a, **k):
        raise PermissionError(13, "Permission denied", str(tmp_path / "keluar" / "dpmptsp"))

    monkeypatch.setattr(jobs, "run", tidak_boleh)
    rc = main(["cetak", "--root", str(print_tree), "--out", str(tmp_path / "keluar"),
               "--url", "https://standar.contoh.go.id/"])
    err = capsys.readouterr().err
    assert rc == 1 and "Traceback" not in err
    assert str(tmp_path / "keluar" / "dpmptsp") in err and "izin tulis" in err


def test_the_manifest_survives_two_writers(tmp_path):
    # A fixed temporary name made one writer replace the other's half-written file.
    gagal: list[BaseException] = []

    def tulis(n: int) -> None:
        try:
            for i in range(200):
                jobs.write_manifest(tmp_path, {f"{n}/{i}.pdf": "x" * 64})
        except BaseException as e:  # noqa: BLE001 - reported below
            gagal.append(e)

    ts = [threading.Thread(target=tulis, args=(n,)) for n in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert gagal == []
    data = json.loads((tmp_path / jobs.MANIFEST).read_text(encoding="utf-8"))
    assert len(data["berkas"]) == 1 and not list(tmp_path.glob("*.tmp"))
