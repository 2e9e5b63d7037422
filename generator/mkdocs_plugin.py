"""MkDocs adapter: hands the pages built by ``generator.site`` to MkDocs.

Everything a citizen reads is rendered by the engine-independent core
(``generator.site``); this module only

- loads the catalog and reports its findings (errors fail the build with the
  same ``file:line:col`` lines as ``standar validate``; warnings are logged at
  INFO so that ``--strict`` fails only on errors; compliance notes are counted),
- in ``mkdocs serve``, keeps serving the last good site when a file breaks, with
  the errors on every page, until the file is fixed,
- in ``mkdocs build``, loads and checks the standards before MkDocs cleans the
  output folder, builds into a hidden folder beside it and swaps it in only when
  the whole build (posters included) succeeded: a failed or killed build leaves
  the published site as it was,
- registers every generated page with MkDocs in memory (``File.generated``),
  service and unit pages outside the navigation,
- adds the compact service entries and Indonesian keywords to Material's
  search index,
- prints the posters and handbooks (``generator.printing``) into the project's cache
  (``.cache/standar-cetak`` beside mkdocs.yml) and links them into the site; a page
  links only PDFs that exist. ``mkdocs build`` prints before the pages are rendered
  (a poster that cannot fit is a peringatan, and its page links the handbook);
  ``mkdocs serve`` shows the site at once and prints in the background, then
  rebuilds so the new links appear. QR codes hold the published address
  (``site_url`` as written in mkdocs.yml), never the one serve runs on,
- reads the public history of the standards from git (``generator.riwayat``) once per
  HEAD: "Riwayat perubahan" on each service page, "Perubahan terbaru" and perubahan.xml;
  without git, no history and a warning,
- watches the standards folder in ``mkdocs serve``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urljoin

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .tema import FONT, MKDOCS
from . import riwayat
from .catalog import Catalog, load_catalog
from .findings import CATATAN, GALAT, summary
from .jinjacache import BYTECODE
from .site import Halaman, Opsi, bangun, gabung_indeks
from .riwayat import Riwayat
from .site.render import TEMA

log = logging.getLogger("mkdocs.plugins.standar")

FONTS = FONT
# The faces the site's stylesheet declares (italics are synthesised; see standar.css).
FONT_FILES = ("NotoSans-Regular.woff2", "NotoSans-Bold.woff2")


def _tema_mkdocs(theme: Any) -> None:
    """Add the project's override of Material (main.html, partials, 404.html, standar.css),
    which comes with the package, to the theme: after the unit's own ``custom_dir`` (which
    may override it in turn), before Material's templates. mkdocs.yml needs no custom_dir."""
    if theme.name != "material":
        raise PluginError(f"Plugin standar memerlukan theme: name: material (tertulis: {theme.name}).")
    ada = {os.path.realpath(d) for d in theme.dirs}
    if os.path.realpath(MKDOCS) not in ada:  # a mkdocs.yml that still names it as custom_dir
        theme.dirs.insert(1 if theme.custom_dir else 0, str(MKDOCS))


class StandarConfig(base.Config):
    # Folder of the YAML standards (with _instansi.yaml), relative to mkdocs.yml.
    standar = c.Type(str, default="standards")
    # Link and build the printed posters and handbooks (generator.printing).
    cetak = c.Type(bool, default=True)
    # Slugs of the services listed first on the home page ("sering dicari").
    layanan_utama = c.ListOfItems(c.Type(str), default=[])
    # Where the YAML files live in the repository, for "edit this page": a URL or
    # a path relative to repo_url ("edit/main/standards/"). Unset: derived from
    # edit_uri by replacing the docs folder with the standards folder.
    edit_uri = c.Optional(c.Type(str))
    # Folder of the page templates; unset: site_theme/pages of this project.
    tema = c.Optional(c.Type(str))
    # Cache of the printed PDFs, relative to mkdocs.yml; unset: .cache/standar-cetak
    # (or $STANDAR_CETAK_CACHE).
    cache = c.Optional(c.Type(str))


class _Halaman(Page):
    """A page whose HTML the core already rendered: nothing to read or convert.

    ``content`` lives in the core's page, compressed: MkDocs renders every page before
    it writes any, and a big catalogue's HTML would otherwise all sit in memory.
    """

    @property  # type: ignore[override]
    def content(self) -> Optional[str]:
        return self.h.html if self._ada else None

    @content.setter
    def content(self, value: Optional[str]) -> None:
        self._ada = value is not None
        if value is not None:
            self.h.html = value

    def __init__(self, h: Halaman, file: File, config: Any):
        # Titles reach Material's templates unescaped: give them escaped text.
        self.h = h
        self._ada = False
        super().__init__(str(escape(h.judul)), file, config)
        self.edit_url = h.edit_url  # the YAML file, not the (virtual) Markdown one

    def read_source(self, config: Any) -> None:
        self.markdown = ""
        self.meta = {
            "description": str(escape(h_desc)) if (h_desc := self.h.deskripsi) else "",
            # Our own compact entries go into the search index (on_post_build).
            "search": {"exclude": True},
        }
        if self.h.jsonld:
            self.meta["jsonld"] = self.h.jsonld

    def render(self, config: Any, files: Files) -> None:
        self._ada = True  # content: the core's HTML
        self.toc = get_toc(self.h.toc)
        # Anchors other pages may link to: the sections (all ids would cost ~40 MB for 5,000 pages).
        self.present_anchor_ids = {t.id for t in _semua(self.toc)}
        self.links_to_anchors = None


def _semua(toc: Any) -> list[Any]:
    out = []
    for t in toc:
        out.append(t)
        out.extend(_semua(t.children))
    return out


class StandarPlugin(BasePlugin[StandarConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root: Optional[Path] = None
        self.catalog: Optional[Catalog] = None
        self.perintah = "build"
        self._terakhir_baik: Optional[Catalog] = None  # mkdocs serve: the last catalog without errors
        self._galat: list[str] = []  # mkdocs serve: errors shown on every page
        self._tujuan: Optional[Path] = None  # mkdocs build: the real output folder, while we build beside it
        self._baru: Optional[Path] = None  # ... and the folder we build into
        self._selesai = False  # the whole build, posters included, went through
        self._config: Any = None
        self._situs: Any = None
        self._entri: list[dict[str, Any]] = []
        self._lokasi: list[str] = []
        self._serve = False  # this build is one of `mkdocs serve`
        self._cache: Optional[Path] = None  # the print cache store
        self._cetak_berkas: list[str] = []  # printed files to link into the site after the build
        self._cetak_menunggu = False  # mkdocs serve: some are still to be made (in the background)
        self._alamat_qr = ""
        self._latar: Any = None  # mkdocs serve: generator.printing.CetakLatar
        self._riwayat_pesan: Optional[str] = None  # the history's last warning (logged once)

    # Defining on_startup keeps this instance across the rebuilds of `mkdocs serve`
    # (MkDocs >= 1.4), so the last good catalog survives a broken edit.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.perintah = command
        self._dirty = dirty

    # MkDocs reads the config on every rebuild of `mkdocs serve`; paths are resolved here.
    def on_config(self, config: Any) -> Any:
        base_dir = Path(config.config_file_path or ".").resolve().parent
        self.root = (base_dir / self.config.standar).resolve()
        if not self.root.is_dir():
            raise PluginError(
                f"Folder standar '{self.config.standar}' tidak ditemukan (dicari di {self.root}). "
                "Atur plugins: standar: standar: <folder> di mkdocs.yml."
            )
        if not config.use_directory_urls:
            raise PluginError("Plugin standar memerlukan use_directory_urls: true (alamat halaman berbentuk layanan/<nama>/).")
        theme = config.theme
        if theme.name == "material" and theme.get("font") is not False:
            # Material loads Google Fonts unless told not to: a third-party request.
            log.warning("theme.font sebaiknya false: situs memakai font Noto Sans sendiri, tanpa Google Fonts.")
        _tema_mkdocs(theme)
        self.tema = Path(self.config.tema).resolve() if self.config.tema else TEMA
        self.edit_dasar = self._edit_dasar(config, base_dir)
        self._serve = self.perintah == "serve" or _dari_serve(config)
        if self.config.cache:
            self._cache = (base_dir / self.config.cache).resolve()
        else:
            from .printing.site import default_cache_dir

            self._cache = default_cache_dir(base_dir)
        # Load and check before MkDocs cleans anything: a galat stops the build here.
        self.catalog = self._muat()
        self._bangun_di_samping(config)
        return config

    # -- a build appears whole or not at all ------------------------------------------

    def _bangun_di_samping(self, config: Any) -> None:
        """Point MkDocs at a hidden folder beside the output; :meth:`on_shutdown` swaps it in."""
        # The path as configured, never resolved: when it is (or sits under) a symlink, the
        # swap would rename and delete what the link points to, so build in place then.
        target = Path(os.path.abspath(config.site_dir))
        if self.perintah not in ("build", "gh-deploy") or getattr(self, "_dirty", False) or self._serve:
            return  # serve builds into its own temporary folder; --dirty means in place
        if os.path.realpath(target) != str(target):
            log.warning(f"{target} adalah (atau berada di bawah) tautan simbolik: situs dibangun langsung di sana, "
                        "tanpa jaminan utuh-atau-tidak-sama-sekali.")
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        for lama in target.parent.glob(f".{target.name}.baru-*"):  # left by a killed build
            shutil.rmtree(lama, ignore_errors=True)
        self._tujuan = target
        self._baru = Path(tempfile.mkdtemp(prefix=f".{target.name}.baru-", dir=target.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self._baru, 0o777 & ~umask)  # mkdtemp makes it 0700; a web server must read it
        self._config = config
        config["site_dir"] = str(self._baru)

    def on_build_error(self, error: Exception) -> None:
        self._selesai = False

    def on_shutdown(self) -> None:
        if self._latar is not None:
            self._latar.hentikan()
        if self._baru is None or self._tujuan is None:
            return
        baru, tujuan = self._baru, self._tujuan
        self._baru = None
        if not self._selesai:
            shutil.rmtree(baru, ignore_errors=True)
            log.error(f"Pembangunan situs gagal; {tujuan} tidak diubah.")
            return
        lama = None
        if tujuan.exists():
            lama = tujuan.with_name(f".{tujuan.name}.lama-{baru.name.rsplit('-', 1)[-1]}")
            tujuan.rename(lama)
        baru.rename(tujuan)
        if lama is not None:
            shutil.rmtree(lama, ignore_errors=True)
        self._config["site_dir"] = str(tujuan)  # gh-deploy publishes config.site_dir after the build
        log.info(f"Situs ditulis utuh ke {tujuan}.")

    def _edit_dasar(self, config: Any, base_dir: Path) -> Optional[str]:
        repo = config.repo_url
        e = self.config.edit_uri
        if e is None:
            if not repo or not config.edit_uri:
                return None
            try:
                docs = Path(config.docs_dir).resolve().relative_to(base_dir).as_posix()
                std = self.root.relative_to(base_dir).as_posix()
            except ValueError:
                return None
            eu = config.edit_uri.rstrip("/")
            if not eu.endswith(docs):
                return None
            e = eu[: -len(docs)] + quote(std) + "/"
        if not e.endswith("/"):
            e += "/"
        if re.match(r"^https?://", e):
            return e
        return urljoin(repo.rstrip("/") + "/", e) if repo else None

    def _muat(self) -> Catalog:
        """The catalog to publish, after reporting the findings. Errors fail a build; in
        `mkdocs serve` the last good catalog (or, before there is one, the valid part)
        stays on screen with the errors on every page."""
        cat = load_catalog(self.root)
        for f in cat.findings:
            if f.severity == GALAT:
                log.error(f.text())
            elif f.severity != CATATAN:
                log.info(f.text())  # a warning never fails `mkdocs build --strict`
        catatan = sum(1 for f in cat.findings if f.severity == CATATAN)
        if catatan:
            log.info(f"{catatan} catatan kepatuhan (komponen atau keterangan yang diminta Permenpan RB 15/2014); "
                     "lihat dengan: standar validate --kepatuhan")
        self._galat = []
        if cat.ok:
            self._terakhir_baik = cat
            return cat
        if self.perintah != "serve":
            raise PluginError(f"Standar pelayanan tidak valid: {summary(cat.findings)} Perbaiki galat di atas.")
        self._galat = [f.text() for f in cat.findings if f.severity == GALAT]
        log.warning(f"Standar pelayanan memiliki galat ({summary(cat.findings)}); situs yang ditampilkan adalah "
                    "versi terakhir yang valid. Perbaiki galat di atas; situs diperbarui setelah disimpan.")
        return self._terakhir_baik or cat

    def on_files(self, files: Files, config: Any) -> Files:
        cat = self.catalog  # loaded in on_config, before the output folder was cleaned
        unknown = [s for s in self.config.layanan_utama if cat.service(s) is None]
        if unknown:
            raise PluginError(f"layanan_utama menyebut layanan yang tidak ada: {', '.join(unknown)}.")

        tidak_ada = self._cetak(cat, config) if self.config.cetak else {}
        situs = bangun(
            cat,
            Opsi(
                site_url=config.site_url or "",
                nama_situs=config.site_name,
                cetak=self.config.cetak,
                cetak_tidak_ada=tidak_ada,
                layanan_utama=list(self.config.layanan_utama),
                edit_dasar=self.edit_dasar,
                tema=self.tema,
                riwayat=self._riwayat(cat),
            ),
        )
        for h in situs.halaman:
            if files.get_file_from_path(h.src) is not None:
                raise PluginError(
                    f"Berkas {config.docs_dir}/{h.src} bertabrakan dengan halaman yang dibuat dari standar. "
                    "Hapus atau ganti nama berkas itu."
                )
            inclusion = InclusionLevel.INCLUDED if h.di_navigasi else InclusionLevel.NOT_IN_NAV
            f = File.generated(config, h.src, content="", inclusion=inclusion)
            _Halaman(h, f, config)  # sets f.page
            files.append(f)
        for name in FONT_FILES:
            files.append(File(f"assets/fonts/{name}", str(FONTS.parent.parent), config.site_dir, True))
        self._situs = situs
        self._entri = situs.entri_cari()
        self._lokasi = [h.url for h in situs.halaman]
        return files

    def _riwayat(self, cat: Catalog) -> Optional[Riwayat]:
        """The public history (generator.riwayat), read again only when HEAD moved; None,
        with a warning logged once, when there is none (no git, not a repository)."""
        assert self.root is not None
        r = riwayat.baca_tersimpan(self.root, cat)
        if r.peringatan and r.peringatan != self._riwayat_pesan:
            log.info(f"peringatan: {r.peringatan}")  # like the findings' warnings: never fails --strict
        self._riwayat_pesan = r.peringatan
        return r if r.ada else None

    # After Material's search plugin has written its index (and before MkDocs
    # reports strict-mode warnings): the data files, the service search entries, posters.
    @event_priority(-100)
    def on_post_build(self, config: Any) -> None:
        site = Path(config.site_dir)
        for b in self._situs.berkas():
            target = site / b.path
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="") as fp:
                b.tulis(fp)
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            index.write_text(gabung_indeks(index.read_text(encoding="utf-8"), self._entri, self._lokasi), encoding="utf-8")
        if self.config.cetak and self._cache is not None:
            from .printing import link_into_site

            try:
                link_into_site(self._cache, Path(config.site_dir) / "cetak", self._cetak_berkas)
            except OSError as e:  # a read-only or full output folder
                raise PluginError(
                    f"Berkas cetak tidak dapat ditulis ke '{e.filename or config.site_dir}': {e.strerror or e}. "
                    "Periksa izin tulis dan ruang kosong folder itu."
                ) from e
            if self._cetak_menunggu and self.catalog is not None:
                self._latar_cetak().minta(self.catalog, self._alamat_qr)
        self._selesai = True

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        # mkdocs serve makes a new theme environment on every rebuild: keep the compiled
        # templates (about half a second of each rebuild).
        if env.bytecode_cache is None:
            env.bytecode_cache = BYTECODE
        return env

    # -- printing -------------------------------------------------------------------------

    def _cetak(self, cat: Catalog, config: Any) -> dict[str, str]:
        """Bring the print cache up to date (build) or read what it holds (serve); log the
        print problems. Returns the printed files that do not exist (for the pages)."""
        try:
            from .printing import PrintError, alamat_qr, jobs
        except ImportError as e:
            raise PluginError(
                f"cetak: true, tetapi modul pencetakan (generator.printing) tidak dapat dimuat: {e}. "
                "Pasang dependensinya atau atur cetak: false di mkdocs.yml."
            ) from e
        assert self._cache is not None
        try:
            self._alamat_qr = alamat_qr(cat, self._alamat_terbit(config))
        except PrintError as e:
            for msg in e.messages:
                log.error(msg)
            raise PluginError("Berkas cetak tidak dapat dibuat (lihat di atas).") from e
        try:
            if self._serve:
                k = jobs.keadaan(cat, self._cache, self._alamat_qr)
                temuan = k.temuan
                self._cetak_berkas = sorted(k.ada)
                self._cetak_menunggu = bool(k.menunggu)
                tidak_ada = {**dict.fromkeys(k.menunggu, "menyusul"), **dict.fromkeys(k.gagal, "gagal")}
            else:
                laporan = jobs.run(cat, self._cache, self._alamat_qr)
                temuan = laporan.temuan
                self._cetak_berkas = laporan.berkas
                self._cetak_menunggu = False
                tidak_ada = dict.fromkeys(laporan.gagal, "gagal")
        except OSError as e:  # a read-only or full cache folder
            raise PluginError(
                f"Berkas cetak tidak dapat ditulis ke '{e.filename or self._cache}': {e.strerror or e}. "
                f"Periksa izin tulis dan ruang kosong folder {self._cache}."
            ) from e
        galat = [f for f in temuan if f.severity == GALAT]
        for f in temuan:
            if f.severity == GALAT:
                log.error(f.text())
            else:
                log.info(f.text())  # a poster that does not fit: the page links the handbook
        if galat:
            raise PluginError(f"{len(galat)} berkas cetak tidak dapat dibuat (lihat di atas).")
        return tidak_ada

    def _alamat_terbit(self, config: Any) -> str:
        """The published address, as written in mkdocs.yml: `mkdocs serve` replaces
        config.site_url with its own (http://127.0.0.1:8000/), which QR codes must never hold."""
        if not self._serve:
            return config.site_url or ""
        if not config.config_file_path:
            return ""
        try:
            from mkdocs.utils.yaml import yaml_load

            with open(config.config_file_path, encoding="utf-8") as fh:
                raw = yaml_load(fh)
        except Exception:  # the config was already read by MkDocs; be safe all the same
            return ""
        url = raw.get("site_url") if isinstance(raw, dict) else None
        return url if isinstance(url, str) else ""

    def _latar_cetak(self) -> Any:
        if self._latar is None:
            from .printing import CetakLatar

            assert self._cache is not None
            self._latar = CetakLatar(self._cache, _sinyal(self._cache))
        return self._latar

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        # mkdocs serve with a broken file: say so on every page, above everything.
        if not self._galat:
            return output
        daftar = "".join(f"<li>{escape(t)}</li>" for t in self._galat[:20])
        banner = (
            '<div role="alert" class="sp-galat-serve" style="background:#fdecea;color:#611a15;padding:1rem;'
            'border-bottom:3px solid #b3261e;font:16px/1.4 sans-serif"><strong>Standar pelayanan memiliki galat. '
            "Halaman ini menampilkan versi terakhir yang valid.</strong><ul>" + daftar + "</ul></div>"
        )
        return re.sub(r"(<body[^>]*>)", lambda mt: mt.group(1) + banner, output, count=1)

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        # Rebuild when a standard is edited, added or removed, or a page template changes.
        server.watch(str(self.root))
        server.watch(str(self.tema))
        if self.config.cetak and self._cache is not None:
            # Background printing rewrites a file here when it is done: rebuild, link the PDFs.
            sinyal = _sinyal(self._cache)
            sinyal.parent.mkdir(parents=True, exist_ok=True)
            server.watch(str(sinyal.parent))
        return server


def _sinyal(cache: Path) -> Path:
    # A folder of its own, so the LiveReload server polls one small folder, not the cache.
    return cache / ".serve" / "siap"


def _dari_serve(config: Any) -> bool:
    """`mkdocs serve` (also `--clean`, which tells plugins it is a build) builds into a
    temporary mkdocs_* folder."""
    target = Path(os.path.abspath(config.site_dir))
    return target.name.startswith("mkdocs_") and target.parent == Path(tempfile.gettempdir()).resolve()
