"""The tool's runtime dependencies, pinned, for a unit's own repository.

A unit's workflow installs the tool with ``pip install -r requirements.txt``. Pinning
only ``standar-pelayanan`` would let every dependency float to its newest release, and
one of them breaks the build sooner or later (it happened to this project's CI). So
``standar init`` writes the tool's version *and* the versions of every package it needs
at run time, the ones this release was tested with: ``dependensi.txt`` in this package,
written by ``./dev lock`` from the same resolution as ``requirements.lock`` (test
tools left out), and checked against it by the tests.

``python -m generator.dependensi`` prints the closure of the installed tool's
run-time requirements, pinned to the installed versions.
"""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, distribution
from importlib.resources import files

from packaging.requirements import Requirement

NAMA = "standar-pelayanan"


def _kunci(nama: str) -> str:
    return re.sub(r"[-_.]+", "-", nama).lower()


def tertutup(nama: str = NAMA) -> dict[str, str]:
    """Every distribution ``nama`` needs at run time (no extras), with its installed version."""
    out: dict[str, str] = {}
    antre = [Requirement(nama)]
    while antre:
        req = antre.pop()
        k = _kunci(req.name)
        if k in out:
            continue
        try:
            dist = distribution(req.name)
        except PackageNotFoundError:
            continue  # a requirement for another platform or Python, not installed here
        out[k] = dist.version
        for r in dist.requires or []:
            sub = Requirement(r)
            if sub.marker is None or sub.marker.evaluate({"extra": ""}):
                antre.append(sub)
    out.pop(_kunci(nama), None)
    return dict(sorted(out.items()))


def terkunci() -> dict[str, str]:
    """The pins shipped with this release (``dependensi.txt``)."""
    out = {}
    for baris in files(__package__).joinpath("dependensi.txt").read_text(encoding="utf-8").splitlines():
        baris = baris.split("#", 1)[0].strip()
        if "==" in baris:
            n, v = baris.split("==", 1)
            out[_kunci(n)] = v.strip()
    return out


def teks_requirements(versi: str) -> str:
    """``requirements.txt`` of a unit's repository: the tool and its run-time pins."""
    baris = [
        "# Alat standar pelayanan dan pustaka yang dipakainya, versi terkunci: setiap mesin dan",
        "# setiap build memasang versi yang sama. Untuk memperbarui, ganti seluruh berkas ini",
        "# dengan versi baru (lihat README.md, bagian memperbarui alat).",
        f"{NAMA}=={versi}",
    ]
    baris += [f"{n}=={v}" for n, v in terkunci().items()]
    return "\n".join(baris) + "\n"


if __name__ == "__main__":  # pragma: no cover - used by ./dev lock
    print("# Run-time dependencies of standar-pelayanan, pinned (written by ./dev lock; do not edit).")
    for n, v in tertutup().items():
        print(f"{n}=={v}")
