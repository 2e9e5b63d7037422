"""Picklable inputs of each printed output, and their content hashes.

Each output (poster, maklumat, handbook) is rendered from a small, self-contained
input object: the resolved service data, the unit chain it belongs to (without the
``bawaan:`` defaults, which are already resolved into the service), the government
identity and the page address. Workers receive these, not the catalog (a
``Service`` drags the whole unit tree along when pickled).

The hash of an output covers its input, the templates and CSS, the fonts, the logo,
the site URL, the printing code and the WeasyPrint version: when none changed, the
PDF on disk is still right and is not rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from .. import model as m
from . import paths


@dataclass
class Identitas:
    """The government as printed on every page."""

    nama: str
    wilayah: str
    logo: Optional[str]  # absolute file path of the logo, None if absent
    logo_hash: str = ""


@dataclass
class LayananIn:
    """One service: resolved data, its unit chain (nearest first), its web address."""

    slug: str
    data: m.Layanan
    units: list[m.Unit]
    unit_ids: list[str]
    page_url: str

    def digest_parts(self) -> list[str]:
        return [self.slug, self.page_url, *self.unit_ids, self.data.model_dump_json(),
                *(u.model_dump_json() for u in self.units)]


@dataclass
class PosterIn:
    layanan: LayananIn
    identitas: Identitas


@dataclass
class MaklumatIn:
    unit: m.Unit
    unit_id: str
    status: Optional[m.Status]  # label for the whole unit (all its services share it)
    identitas: Identitas


@dataclass
class BagianBuku:
    """A part of the handbook: the OPD's own services or one bidang's."""

    judul: Optional[str]
    layanan: list[LayananIn] = field(default_factory=list)


@dataclass
class BukuIn:
    unit: m.Unit
    unit_id: str
    bagian: list[BagianBuku]
    status: Optional[m.Status]
    identitas: Identitas
    maklumat: bool = True


def _unit_bersih(u: m.Unit, keep_maklumat: bool = False) -> m.Unit:
    """The unit without what is already resolved into services (smaller, and a
    change of a default does not rebuild outputs that do not show it)."""
    upd: dict[str, Any] = {"bawaan": None}
    if not keep_maklumat:
        upd["maklumat"] = None
    return u.model_copy(update=upd)


def layanan_in(svc: Any, site_url: str) -> LayananIn:
    chain = svc.unit.chain()
    return LayananIn(
        slug=svc.slug,
        data=svc.data,
        units=[_unit_bersih(u.data) for u in chain],
        unit_ids=[u.id for u in chain],
        page_url=paths.site_page_url(site_url, svc),
    )


def identitas(catalog: Any) -> Identitas:
    ins = catalog.instansi
    nama = ins.nama if ins else ""
    wilayah = (ins.wilayah or "") if ins else ""
    logo = None
    logo_hash = ""
    if ins and ins.logo:
        from ..catalog import berkas_logo

        # Only a picture inside the standards tree (see standar validate's logo-* findings).
        p, _masalah = berkas_logo(Path(catalog.root), ins.logo)
        if p is not None:
            logo = str(p)
            logo_hash = hashlib.sha256(p.read_bytes()).hexdigest()
    return Identitas(nama, wilayah, logo, logo_hash)


def status_unit(services: list[Any]) -> Optional[m.Status]:
    """The label a whole unit carries: when every one of its services is an example,
    a draft or revoked, the maklumat and the handbook's front matter say so too."""
    st = {s.data.status for s in services}
    if len(st) == 1:
        (only,) = st
        if only != m.Status.berlaku:
            return only
    return None


# -- hashing --------------------------------------------------------------------------


def _sha(parts: list[str]) -> str:
    h = hashlib.sha256()
    for p in parts:
        b = p.encode("utf-8")
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


@lru_cache(maxsize=None)
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _tree_digest(root: Path, patterns: tuple[str, ...]) -> list[str]:
    out = []
    for pat in patterns:
        for p in sorted(root.glob(pat)):
            if p.is_file() and "__pycache__" not in p.parts:
                st = p.stat()
                out.append(f"{p.relative_to(root).as_posix()}={_file_digest(str(p), st.st_mtime_ns, st.st_size)}")
    return out


def env_digest() -> str:
    """Everything besides the data that shapes the PDFs."""
    from importlib.metadata import version

    # Versions from the package metadata: importing WeasyPrint takes half a second,
    # and a run where nothing changed must not pay for it.
    parts = [f"weasyprint={version('weasyprint')}", f"segno={version('segno')}"]
    parts += _tree_digest(paths.TEMPLATE_DIR, ("**/*",))
    parts += _tree_digest(paths.FONT_DIR, ("*.ttf",))
    here = Path(__file__).resolve().parent
    parts += _tree_digest(here, ("*.py",))
    parts += _tree_digest(here.parent, ("model/*.py", "html.py"))
    parts.append(_kunci_mesin())
    return _sha(parts)


def _kunci_mesin() -> str:
    """A random key kept outside any checkout (in the user's cache folder), part of every
    output's digest: a cache and manifest that came with a pull request can never pass
    for PDFs rendered on this machine. A fresh machine renders everything once."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "standar-pelayanan"
    path = folder / "kunci-cetak"
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        pass
    kunci = secrets.token_hex(16)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(kunci)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        pass  # no home folder to keep it in: a key for this process only (renders everything)
    return kunci


def ident_parts(i: Identitas) -> list[str]:
    return [i.nama, i.wilayah, i.logo or "", i.logo_hash]


def digest_poster(env: str, p: PosterIn, size: str) -> str:
    return _sha(["poster", size, env, *ident_parts(p.identitas), *p.layanan.digest_parts()])


def digest_maklumat(env: str, p: MaklumatIn, size: str) -> str:
    return _sha(["maklumat", size, env, *ident_parts(p.identitas), p.unit_id,
                 p.unit.model_dump_json(), str(p.status)])


def digest_buku(env: str, b: BukuIn) -> str:
    parts = ["buku", env, *ident_parts(b.identitas), b.unit_id, b.unit.model_dump_json(),
             str(b.status), str(b.maklumat)]
    for bag in b.bagian:
        parts.append(json.dumps(bag.judul))
        for lay in bag.layanan:
            parts += lay.digest_parts()
    return _sha(parts)
