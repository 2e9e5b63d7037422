"""The catalog: every file of a `standards/` tree loaded, units resolved,
defaults applied, cross-file checks run.

Layout (see README): ``_instansi.yaml`` at the root; one folder per unit with its
``_unit.yaml``; optional bidang sub-folders with their own ``_unit.yaml``; one
``<slug>.yaml`` per service. Services inherit every component they do not
write from the nearest unit (bidang, then OPD) that sets it under ``bawaan:``;
the government's shared complaint channels (``saluran_bersama``) are added to
every service's channels.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from pydantic import ValidationError

from . import model as m
from .findings import GALAT, PERINGATAN, Finding, sort_findings
from .messages import findings_for
from .yamlsafe import _fmt_path, load_file, locate

INSTANSI_FILE = "_instansi.yaml"
UNIT_FILE = "_unit.yaml"


@dataclass(eq=False)
class UnitNode:
    """A unit (OPD) or a bidang inside it."""

    id: str  # "dpmptsp" or "dpmptsp/perizinan"
    file: str  # display path of its _unit.yaml
    data: m.Unit
    parent: Optional["UnitNode"] = None
    children: list["UnitNode"] = field(default_factory=list)
    services: list["Service"] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.id.rsplit("/", 1)[-1]

    @property
    def url(self) -> str:
        """Site-relative URL of the unit page."""
        return f"unit/{self.id}/"

    def chain(self) -> list["UnitNode"]:
        """This unit and its parents, nearest first."""
        out, u = [], self
        while u is not None:
            out.append(u)
            u = u.parent
        return out

    @property
    def top(self) -> "UnitNode":
        return self.chain()[-1]

    def all_services(self) -> list["Service"]:
        out = list(self.services)
        for c in self.children:
            out.extend(c.all_services())
        return sorted(out, key=lambda s: s.data.nama.lower())

    # Inherited profile values (a bidang without an address uses its OPD's).
    def profil(self, key: str) -> Any:
        for u in self.chain():
            v = getattr(u.data, key)
            if v:
                return v
        return None


@dataclass(eq=False)
class Service:
    """One service, resolved: ``data`` has every component its unit supplies."""

    slug: str
    file: str  # display path of the YAML file
    source: Path  # absolute path, for change detection
    rel_path: str  # path relative to the standards root, for "edit this page"
    unit: UnitNode
    own: m.Layanan  # as written in the file
    data: m.Layanan  # with inherited components and shared channels
    origin: dict[str, str]  # component -> "layanan" or the unit id it came from

    @property
    def url(self) -> str:
        return f"layanan/{self.slug}/"



@dataclass
class Catalog:
    root: Path
    instansi: Optional[m.Instansi]
    units: list[UnitNode]  # top-level units, sorted by name
    services: list[Service]  # every valid service, sorted by name
    findings: list[Finding]

    def all_units(self) -> list[UnitNode]:
        out: list[UnitNode] = []

        def walk(u: UnitNode) -> None:
            out.append(u)
            for c in u.children:
                walk(c)

        for u in self.units:
            walk(u)
        return out

    def service(self, slug: str) -> Optional[Service]:
        return next((s for s in self.services if s.slug == slug), None)

    def unit(self, uid: str) -> Optional[UnitNode]:
        return next((u for u in self.all_units() if u.id == uid), None)

    @property
    def ok(self) -> bool:
        return not any(f.severity == GALAT for f in self.findings)


def display_name(path: Path) -> str:
    """Path as printed in findings: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def find_root(path: Path) -> Path:
    """The standards root containing ``path`` (folder with _instansi.yaml)."""
    p = path.resolve()
    if p.is_file():
        p = p.parent
    for cand in [p, *p.parents]:
        if (cand / INSTANSI_FILE).is_file():
            return cand
    return path.resolve() if path.is_dir() else path.resolve().parent


class _Loader:
    def __init__(self, root: Path, today: dt.date):
        self.root = root
        self.today = today
        self.findings: list[Finding] = []

    def read(self, path: Path, cls: type) -> Optional[Any]:
        name = display_name(path)
        loaded = load_file(path, name)
        self.findings.extend(loaded.findings)
        if loaded.data is None:
            return None
        try:
            obj = cls.model_validate(loaded.data)
        except ValidationError as e:
            raw = path.read_bytes()
            self.findings.extend(findings_for(e, loaded.data, raw, name))
            return None
        if any(f.severity == GALAT and f.file == name for f in loaded.findings):
            return None
        return obj

    def warn(self, path: Path, loc: tuple, code: str, msg: str, sev: str = PERINGATAN) -> None:
        try:
            raw = path.read_bytes()
            line, col, followed, _ = locate(raw, loc)
        except OSError:
            line, col, _followed = 1, 1, ()
        self.findings.append(Finding(display_name(path), line, col, _fmt_path(loc), sev, code, msg))


def load_catalog(root: Path | str, today: Optional[dt.date] = None, keep: bool = True) -> Catalog:
    """Load and check a standards tree.

    ``keep=False`` checks every service but does not keep the resolved services
    (``Catalog.services`` stays empty): `standar validate` on 10,000 files then
    needs memory for one service at a time instead of all of them.
    """
    # Loading builds about a hundred objects per YAML line and frees almost none of
    # them, so the cyclic garbage collector's passes are wasted work (measured:
    # 10,000 services load in half the time without them). Turned back on after.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _load_catalog(Path(root).resolve(), today or dt.date.today(), keep)
    finally:
        if gc_was_on:
            gc.enable()


def _load_catalog(root: Path, today: dt.date, keep: bool) -> Catalog:
    ld = _Loader(root, today)
    instansi = None
    ipath = root / INSTANSI_FILE
    if ipath.is_file():
        instansi = ld.read(ipath, m.Instansi)
    else:
        ld.findings.append(
            Finding(display_name(root), 1, 1, "", GALAT, "instansi-tidak-ada",
                    f"Folder standar tidak memiliki {INSTANSI_FILE} (identitas pemerintah daerah: nama, "
                    "wilayah, situs, saluran pengaduan bersama). Buat berkas itu di folder ini.")
        )

    units: list[UnitNode] = []
    services: list[Service] = []
    slugs: dict[str, Path] = {}

    def walk(folder: Path, parent: Optional[UnitNode], uid: str) -> None:
        upath = folder / UNIT_FILE
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
        yamls = [p for p in entries if p.is_file() and p.suffix in (".yaml", ".yml") and p.name != UNIT_FILE]
        node: Optional[UnitNode] = None
        if upath.is_file():
            udata = ld.read(upath, m.Unit)
            if udata is not None:
                node = UnitNode(uid, display_name(upath), udata, parent)
                (parent.children if parent else units).append(node)
                jw = udata.bawaan.jangka_waktu if udata.bawaan else None
                if jw is not None and jw.hanya_teks():
                    ld.warn(upath, ("bawaan", "jangka_waktu"), "durasi-tanpa-angka", _TANPA_ANGKA)
        elif yamls or any(p.is_dir() for p in entries):
            ld.findings.append(
                Finding(display_name(folder), 1, 1, "", GALAT, "unit-tidak-ada",
                        f"Folder '{folder.name}' tidak memiliki {UNIT_FILE}. Setiap folder unit (OPD/bidang) "
                        "memerlukan berkas profil unit; buat berkas itu dengan nama, alamat, dan jam layanan.")
            )
        for p in yamls:
            slug = p.stem
            if p.suffix == ".yml":
                ld.warn(p, (), "ekstensi-yml", "Gunakan ekstensi .yaml agar seragam dengan berkas lain.")
            if not m.SLUG_RE.match(slug):
                ld.findings.append(
                    Finding(display_name(p), 1, 1, "", GALAT, "nama-berkas",
                            f"Nama berkas '{p.name}' tidak dapat menjadi alamat halaman. Gunakan huruf kecil, "
                            "angka, dan tanda hubung saja, misalnya akta-kelahiran.yaml.")
                )
                continue
            if slug in slugs:
                ld.findings.append(
                    Finding(display_name(p), 1, 1, "", GALAT, "slug-ganda",
                            f"Nama berkas '{p.name}' sudah dipakai oleh {display_name(slugs[slug])}. Setiap "
                            "layanan memerlukan nama berkas yang berbeda karena menjadi alamat halamannya.")
                )
                continue
            slugs[slug] = p
            own = ld.read(p, m.Layanan)
            if own is None or node is None:
                continue
            svc = _resolve(ld, p, p.relative_to(root).as_posix(), slug, own, node, instansi)
            if keep:
                node.services.append(svc)
                services.append(svc)
        for sub in entries:
            if sub.is_dir() and not sub.name.startswith((".", "_")):
                walk(sub, node if node else parent, f"{uid}/{sub.name}" if uid else sub.name)

    if root.is_dir():
        for sub in sorted(root.iterdir(), key=lambda p: p.name):
            if sub.is_dir() and not sub.name.startswith((".", "_")):
                walk(sub, None, sub.name)
            elif sub.is_file() and sub.suffix in (".yaml", ".yml") and sub.name != INSTANSI_FILE:
                ld.findings.append(
                    Finding(display_name(sub), 1, 1, "", GALAT, "berkas-di-luar-unit",
                            "Berkas layanan harus berada di dalam folder unitnya, misalnya "
                            "standards/disdukcapil/akta-kelahiran.yaml.")
                )

    units.sort(key=lambda u: u.data.nama.lower())
    for u in units:
        u.children.sort(key=lambda c: c.data.nama.lower())
    services.sort(key=lambda s: s.data.nama.lower())
    return Catalog(root, instansi, units, services, sort_findings(ld.findings))


def _resolve(
    ld: _Loader, path: Path, rel: str, slug: str, own: m.Layanan, unit: UnitNode,
    instansi: Optional[m.Instansi],
) -> Service:
    update: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for comp in m.KOMPONEN:
        if getattr(own, comp) is not None:
            origin[comp] = "layanan"
            continue
        for u in unit.chain():
            val = getattr(u.data.bawaan, comp, None) if u.data.bawaan else None
            if val is not None:
                update[comp] = val
                origin[comp] = u.id
                break
    pengaduan = update.get("pengaduan", own.pengaduan)
    if pengaduan is not None and instansi and instansi.saluran_bersama:
        have = {s.kunci() for s in pengaduan.saluran}
        extra = [s for s in instansi.saluran_bersama if s.kunci() not in have]
        if extra:
            update["pengaduan"] = pengaduan.model_copy(update={"saluran": [*pengaduan.saluran, *extra]})
    if update.get("jam_layanan") is None and own.jam_layanan is None:
        jam = unit.profil("jam_layanan")
        if jam:
            update["jam_layanan"] = jam
    for key in ("penetapan", "fkp", "peninjauan"):
        if getattr(own, key) is None:
            val = unit.profil(key)
            if val is not None:
                update[key] = val
    if own.tempat_layanan is None:
        alamat = unit.profil("alamat")
        if alamat:
            update["tempat_layanan"] = alamat
    data = own.model_copy(update=update) if update else own
    _check_service(ld, path, data, origin)
    return Service(slug, display_name(path), path, rel, unit, own, data, origin)


_TANPA_ANGKA = (
    "Jangka waktu tidak memuat angka, sehingga warga tidak tahu berapa lama harus menunggu. "
    "Bila memungkinkan tulis angka dan satuan, misalnya \"paling lama 3 hari kerja\"."
)


def _check_service(ld: _Loader, path: Path, s: m.Layanan, origin: dict[str, str]) -> None:
    for comp in m.KOMPONEN_PUBLIK:
        if getattr(s, comp) is None:
            ld.warn(
                path, (), "komponen-publik-tidak-ada",
                f"Komponen '{comp}' ({m.LABEL_KOMPONEN[comp]}) wajib ada dan harus diumumkan kepada "
                f"publik, tetapi tidak ditulis di berkas ini maupun di bawaan: unitnya. Tambahkan {comp}:.",
                GALAT,
            )
    if s.status == m.Status.berlaku and s.penetapan is None:
        ld.warn(
            path, ("status",), "penetapan-wajib",
            "Standar berstatus berlaku harus ditetapkan dengan keputusan. Tambahkan penetapan: (nomor, "
            "tanggal, pejabat) di berkas ini atau di _unit.yaml bila satu keputusan memuat semua layanan unit.",
            GALAT,
        )
    for comp in m.KOMPONEN_INTERNAL:
        if getattr(s, comp) is None:
            ld.warn(
                path, (), "komponen-internal-tidak-ada",
                f"Komponen '{comp}' ({m.LABEL_KOMPONEN[comp]}) belum ada. Komponen ini tidak wajib "
                f"diumumkan tetapi diperiksa penilai; tulis di berkas ini atau di bawaan: unitnya.",
            )
    if s.pengaduan is not None:
        if not s.pengaduan.punya_lapor():
            ld.warn(
                path, ("pengaduan", "saluran") if origin.get("pengaduan") == "layanan" else (),
                "tanpa-sp4n-lapor",
                "Tidak ada saluran SP4N-LAPOR! (jenis: sp4n_lapor, nilai: https://www.lapor.go.id). "
                "Setiap instansi diharapkan terhubung dengan SP4N-LAPOR!; tambahkan di saluran_bersama "
                "_instansi.yaml atau di saluran pengaduan.",
            )
        for i, sal in enumerate(s.pengaduan.saluran):
            if sal.jenis in (m.JenisSaluran.telepon, m.JenisSaluran.sms) and sal.nilai.strip() == "112":
                ld.warn(
                    path, ("pengaduan", "saluran", i) if origin.get("pengaduan") == "layanan" else (),
                    "112-bukan-pengaduan",
                    "112 adalah nomor darurat, bukan saluran pengaduan pelayanan. Cantumkan nomor pengaduan unit.",
                )
    if s.peninjauan and s.peninjauan.berikutnya and s.peninjauan.berikutnya < ld.today:
        ld.warn(
            path, ("peninjauan", "berikutnya"), "peninjauan-lewat",
            f"Tanggal peninjauan berikutnya ({s.peninjauan.berikutnya.isoformat()}) sudah lewat. Lakukan "
            "evaluasi standar, lalu perbarui peninjauan: terakhir: dan berikutnya:.",
        )
    if s.status == m.Status.rancangan and s.konsultasi_publik is None:
        ld.warn(
            path, ("status",), "rancangan-tanpa-konsultasi",
            "Rancangan standar perlu menjelaskan cara warga memberi masukan. Tambahkan konsultasi_publik: "
            "dengan cara: dan batas:.",
        )
    if s.jangka_waktu is not None and s.jangka_waktu.hanya_teks() and origin.get("jangka_waktu") == "layanan":
        ld.warn(path, ("jangka_waktu",), "durasi-tanpa-angka", _TANPA_ANGKA)
    if s.prosedur is not None and origin.get("prosedur") == "layanan":
        variants = m.varian_prosedur(s.prosedur)
        for label, steps in variants:
            base: tuple = ("prosedur",)
            if label:  # key of the variant in the YAML
                base += ("tatap_muka" if label == "Tatap muka" else "daring",)
            total = 0.0
            lengkap = True
            for i, lk in enumerate(steps):
                if lk.waktu is None:
                    continue
                if lk.waktu.hanya_teks():
                    ld.warn(
                        path, base + (i, "waktu"), "durasi-tanpa-angka",
                        "Waktu langkah ini tidak memuat angka. Tulis misalnya \"15 menit\".",
                    )
                    lengkap = False
                    continue
                total += lk.waktu.detik_maks() or 0
            batas = s.jangka_waktu.detik_maks() if s.jangka_waktu is not None else None
            if lengkap and batas is not None and total > batas * 1.0001:
                ld.warn(
                    path, ("jangka_waktu",), "waktu-langkah-melebihi",
                    f"Jumlah waktu langkah-langkah prosedur{(' ' + label.lower()) if label else ''} "
                    f"({_fmt_detik(total)}) melebihi jangka waktu layanan ({s.jangka_waktu.teks_ringkas()}). "
                    "Periksa kembali waktu tiap langkah atau jangka waktunya (1 hari kerja dihitung 8 jam).",
                )


def _fmt_detik(d: float) -> str:
    if d >= 8 * 3600:
        return f"{d / (8 * 3600):g} hari kerja".replace(".", ",")
    if d >= 3600:
        return f"{d / 3600:g} jam".replace(".", ",")
    if d >= 60:
        return f"{d / 60:g} menit".replace(".", ",")
    return f"{d:g} detik"


def validate_paths(paths: Iterable[Path | str], today: Optional[dt.date] = None) -> list[Finding]:
    """Findings for the given files/folders, each checked within its standards tree."""
    paths = [Path(p) for p in paths]
    out: list[Finding] = []
    by_root: dict[Path, list[Path]] = {}
    for p in paths:
        if not p.exists():
            out.append(Finding(str(p), 1, 1, "", GALAT, "berkas-tidak-ada", "Berkas atau folder ini tidak ada."))
            continue
        by_root.setdefault(find_root(p), []).append(p.resolve())
    for root, wanted in by_root.items():
        cat = load_catalog(root, today, keep=False)
        for f in cat.findings:
            fp = Path(f.file).resolve()
            if any(fp == w or w in fp.parents for w in wanted):
                out.append(f)
    return sort_findings(out)
