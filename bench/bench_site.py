"""Benchmark: the website build, against MkDocs + Material building the same pages from Markdown.

    python bench/bench_site.py [--sizes 1000 5000] [--repeat 2] [--out bench/out/site]
                               [--record docs/benchmarks/site.md | --no-record]
                               [--no-lighthouse] [--lighthouse-runs 3]
                               [--history-services 1000] [--history-commits 500] [--history-only | --no-history]

For each size N (services):

1. writes a synthetic corpus (bench/corpus.py, N services over N/33 units) under ``--out``;
2. writes the *baseline*: the same pages as plain Markdown files (one per service, unit
   and listing page, same headings, lists, tables and the same inline SVG diagrams), and
   a mkdocs.yml identical to the project's except that the `standar` plugin is gone and
   docs_dir points at those files; service, unit and category pages are `not_in_nav`
   there too, so both builds have the same small menu;
3. runs, interleaved and each in a fresh process, ``mkdocs build`` of (a) the baseline and
   (b) the project (plugin, corpus, ``cetak: false``: posters have their own benchmark),
   ``--repeat`` times; keeps the best wall time of each and the peak RSS of (b);
4. measures the search index (bytes per service) and the size of every service page.

Then, on the example site (standards/), built with its address set to a local server that
compresses like a real web server (gzip): the transfer size of a service page (HTML, CSS,
JS, fonts; the search index aside) and Lighthouse 12 (``npx lighthouse@12``, mobile
defaults, Debian's Chromium).

Then (unless ``--no-history``; ``--history-only`` does only this) the public history of issue 11:
the same plugin build of a 1,000-service corpus in a git repository of 500 commits, against
the same files outside any repository; target <= 1.2 (the history adds at most 20%), record
in docs/benchmarks/riwayat.md.

Targets (issue 3): (b)/(a) <= 1.3; 5,000 services in <= 60 s and <= 1 GB peak; a service
page <= 150 KB over the wire; search index <= 3 KB per service; Lighthouse performance
>= 0.95, accessibility, best practices and SEO 1.00. The exit status is 0 whether targets
are met or missed; non-zero only when something could not be measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Optional

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

RECORD = REPO / "docs" / "benchmarks" / "site.md"
TARGET_RATIO = 1.3
TARGET_S_5000 = 60.0
TARGET_MB = 1024.0
TARGET_PAGE_KB = 150.0
TARGET_INDEX_KB = 3.0
TARGET_HISTORY = 1.2  # issue 11: the history adds at most 20% to the build
HISTORY_RECORD = REPO / "docs" / "benchmarks" / "riwayat.md"
CHROMIUM = "/usr/bin/chromium"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}


# --------------------------------------------------------------------------------------
# Configs
# --------------------------------------------------------------------------------------


def project_config() -> dict[str, Any]:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))


def plugin_config(std: Path, **overrides: Any) -> dict[str, Any]:
    cfg = project_config()
    cfg["docs_dir"] = str(REPO / cfg["docs_dir"])
    plugins = []
    for p in cfg["plugins"]:
        if isinstance(p, dict) and "standar" in p:
            opts = dict(p["standar"])
            opts.update(standar=str(std), cetak=False, layanan_utama=[])
            p = {"standar": opts}
        plugins.append(p)
    cfg["plugins"] = plugins
    cfg.update(overrides)
    return cfg


def baseline_config(docs: Path) -> dict[str, Any]:
    cfg = project_config()
    cfg["docs_dir"] = str(docs)
    cfg["theme"]["custom_dir"] = str(REPO / "site_theme" / "mkdocs")  # what the plugin adds to the theme
    cfg["plugins"] = [p for p in cfg["plugins"] if not (isinstance(p, dict) and "standar" in p)]
    cfg["not_in_nav"] = "/layanan/*\n/unit/*\n/kategori/*\n"
    return cfg


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------
# The baseline: the same pages as Markdown
# --------------------------------------------------------------------------------------


def _md_esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")


def _md_channels(chs: list) -> list[str]:
    out = []
    for c in chs:
        href = c.tautan()
        v = f"[{_md_esc(c.nilai or '')}]({href})" if href else _md_esc(c.nilai or "")
        out.append(f"- **{_md_esc(c.nama_tampil())}**: {v}" + (f"  \n  {_md_esc(c.keterangan)}" if c.keterangan else ""))
    return out


def _md_butir(items, depth: int = 0) -> list[str]:
    out = []
    for x in items:
        out.append("    " * depth + f"- {_md_esc(x.teks)}")
        out += _md_butir(x.rincian, depth + 1)
    return out


def md_service(svc) -> str:
    """The service page as Markdown: the same sections, lists, tables and diagram as the
    plugin's page, from the same views (generator/tampilan.py)."""
    from generator import tampilan
    from generator.site.diagram import svg_alur

    v = tampilan.layanan(svc.data, [u.data for u in svc.unit.chain()], svc.slug)
    K = v.komponen  # noqa: N806
    L = [f"# {_md_esc(v.nama)}", "", _md_esc(v.ringkasan_tampil), ""]
    if not v.berlaku:
        L += [f"**{v.label_status}**", ""]
    L += ["## Ringkasan", ""]
    if K["jangka_waktu"].isi:
        L.append(f"- **Lama proses:** {_md_esc(K['jangka_waktu'].isi.teks)}")
    if K["biaya"].isi:
        L.append(f"- **Biaya:** {_md_esc(K['biaya'].isi.teks)}")
    if K["produk"].isi:
        L.append(f"- **Yang Anda terima:** {_md_esc('; '.join(p.nama for p in K['produk'].isi))}")
    if v.tempat:
        L.append(f"- **Tempat:** {_md_esc(v.tempat)}")
    for j in v.jam:
        L.append(f"- **Jam layanan:** {_md_esc(j)}")
    if v.daring:
        L.append(f"- **Layanan daring:** <{v.daring.href}>")
    L += [f"- **Unit layanan:** [{_md_esc(svc.unit.data.nama)}](../unit/{svc.unit.id}.md)", ""]
    L += ["## Persyaratan", ""]
    p = K["persyaratan"].isi
    for g in (p.kelompok if p else []):
        if g.judul:
            L += [f"### {_md_esc(g.judul)}", ""]
        for s_ in g.daftar:
            L.append(f"- **{_md_esc(s_.nama)}**" + ("" if s_.wajib else " *(tidak wajib)*"))
            for x in s_.keterangan():
                L.append(f"    {_md_esc(x)}  ")
        L.append("")
    pr = K["prosedur"].isi
    if pr is not None:
        L += ["## Prosedur", ""]
        for vi, a in enumerate(pr.alur):
            if a.label:
                L += [f"### {_md_esc(a.label)}", ""]
            for lk in a.langkah:
                w = f" · {lk.waktu}" if lk.waktu else ""
                L.append(f"{lk.nomor}. **{_md_esc(lk.pelaksana)}**{_md_esc(w)}  ")
                L.append(f"    {_md_esc(lk.uraian)}")
                if lk.hasil:
                    L.append(f"    *Hasil: {_md_esc(lk.hasil)}*")
                for c in lk.cabang:
                    L.append(f"    - {_md_esc(c.kalimat)}")
            L += ["", f'<figure class="sp-alur">{svg_alur(a.model.langkah, "Diagram alur prosedur", f"alur-{vi + 1}")}'
                  "<figcaption>Diagram alur. Isinya sama dengan daftar langkah di atas.</figcaption></figure>", ""]
    if K["jangka_waktu"].isi:
        L += ["## Jangka waktu", "", _md_esc(K["jangka_waktu"].isi.teks) + ".", ""]
    b = K["biaya"].isi
    if b:
        L += ["## Biaya", "", _md_esc(b.teks) + ".", ""]
        if b.tarif:
            L += ["| Jenis | Tarif |", "|---|---|"]
            L += [f"| {'&emsp;' * r.tingkat}{_md_esc(r.nama)} | {_md_esc(r.harga)} |" for r in b.tarif]
            L.append("")
        for label, isi in b.rincian:
            L += [f"{_md_esc(label)}: {_md_esc(isi)}", ""]
    if K["produk"].isi:
        L += ["## Produk layanan", ""] + [f"- {_md_esc(x.nama)}" for x in K["produk"].isi] + [""]
    pg = K["pengaduan"].isi
    if pg:
        L += ["## Pengaduan, saran, dan masukan", ""] + _md_channels(svc.data.pengaduan.saluran) + [""]
        if pg.tata_cara:
            L += ["### Cara pengaduan ditangani", ""] + _md_butir(pg.tata_cara) + [""]
        if pg.waktu:
            L += ["### Waktu penyelesaian pengaduan", ""]
            L += [f"- {_md_esc(w.kategori)}: {_md_esc(w.waktu)}" for w in pg.waktu]
            L.append("")
    L += ["## Pengelolaan pelayanan (komponen internal)", ""]
    for c in v.internal:
        if c.isi is None:
            continue
        L += [f"### {c.label}", ""] + [_md_esc(x) for x in c.isi.paragraf] + _md_butir(c.isi.butir) + [""]
    L += ["## Penetapan dan peninjauan", "", f"- **Status:** {v.label_status}"]
    L += [f"- **{_md_esc(label)}:** {_md_esc(isi)}" for label, isi in v.penetapan.baris]
    L += [f"- **{_md_esc(label)}:** {_md_esc(isi)}" for label, isi in v.peninjauan]
    L += ["", "## Unduh", "", "- [Data standar ini (JSON)](#ringkasan)", ""]
    return "\n".join(L)


def md_unit(unit) -> str:
    L = [f"# {_md_esc(unit.data.nama)}", "", "## Alamat dan jam layanan", ""]
    if unit.profil("alamat"):
        L.append(f"- **Alamat:** {_md_esc(unit.profil('alamat'))}")
    L += ["", "## Layanan", ""]
    L += [f"- [{_md_esc(s.data.nama)}](../layanan/{s.slug}.md)  \n  {_md_esc(s.data.ringkasan)}" for s in unit.all_services()]
    return "\n".join(L) + "\n"


def write_baseline_docs(cat, docs: Path, lean_search: bool = False) -> None:
    """The pages the plugin generates, as Markdown files (flat: layanan/<slug>.md etc.).

    ``lean_search``: service, unit and category pages carry ``search: exclude: true``, so
    the baseline's search index is as small as ours (a fairer engine-to-engine figure).
    """
    from generator.site.render import slugify

    if docs.exists():
        shutil.rmtree(docs)
    (docs / "layanan").mkdir(parents=True)
    (docs / "unit").mkdir()
    (docs / "kategori").mkdir()
    shutil.copy(REPO / "site_docs" / "aksesibilitas.md", docs / "aksesibilitas.md")
    fm = "---\nsearch:\n  exclude: true\n---\n\n" if lean_search else ""
    for svc in cat.services:
        (docs / "layanan" / f"{svc.slug}.md").write_text(fm + md_service(svc), encoding="utf-8")
    for u in cat.all_units():
        (docs / "unit" / f"{u.id.replace('/', '--')}.md").write_text(fm + md_unit(u), encoding="utf-8")
    # Links in the baseline point at flat unit files.
    for svc in cat.services:
        p = docs / "layanan" / f"{svc.slug}.md"
        p.write_text(p.read_text(encoding="utf-8").replace(f"../unit/{svc.unit.id}.md",
                                                            f"../unit/{svc.unit.id.replace('/', '--')}.md"), encoding="utf-8")
    items = [f"- [{_md_esc(s.data.nama)}]({s.slug}.md)  \n  {_md_esc(s.data.ringkasan)}" for s in cat.services]
    (docs / "layanan" / "index.md").write_text("# Layanan A–Z\n\n" + "\n".join(items) + "\n", encoding="utf-8")
    kat: dict[str, list] = {}
    for s in cat.services:
        kat.setdefault(s.data.kategori, []).append(s)
    (docs / "kategori" / "index.md").write_text(
        "# Layanan per kategori\n\n" + "\n".join(f"- [{_md_esc(k)}]({slugify(k)}.md)" for k in sorted(kat)) + "\n",
        encoding="utf-8")
    for k, ss in kat.items():
        (docs / "kategori" / f"{slugify(k)}.md").write_text(
            f"# {_md_esc(k)}\n\n" + "\n".join(f"- [{_md_esc(s.data.nama)}](../layanan/{s.slug}.md)" for s in ss) + "\n",
            encoding="utf-8")
    (docs / "unit" / "index.md").write_text(
        "# Unit layanan\n\n" + "\n".join(f"- [{_md_esc(u.data.nama)}]({u.id.replace('/', '--')}.md)" for u in cat.all_units()) + "\n",
        encoding="utf-8")
    (docs / "index.md").write_text(
        "# Standar Pelayanan\n\n" + "\n".join(f"- [{_md_esc(u.data.nama)}](unit/{u.id.replace('/', '--')}.md)" for u in cat.units)
        + "\n", encoding="utf-8")
    for name, title in [("pengaduan", "Pengaduan, saran, dan masukan"), ("data-terbuka", "Data terbuka"),
                        ("panduan-petugas", "Panduan petugas")]:
        (docs / f"{name}.md").write_text(f"# {title}\n\nIsi halaman.\n", encoding="utf-8")


# --------------------------------------------------------------------------------------
# Running builds in fresh processes (wall time and peak RSS of exactly that process)
# --------------------------------------------------------------------------------------

# A launcher process starts the build and reads getrusage(RUSAGE_CHILDREN): with exactly
# one child that is the child's own peak (a child forked from this benchmark would
# inherit our own high-water mark).
_LAUNCHER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"rc": rc, "wall": wall, "maxrss_kb": ru.ru_maxrss}, open(sys.argv[1], "w"))
"""


def run_build(config: Path, site: Path) -> dict[str, Any]:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        rep = Path(tmp, "r.json")
        err = Path(tmp, "err")
        with open(err, "w") as fe:
            subprocess.run([sys.executable, "-c", _LAUNCHER, str(rep), sys.executable, "-m", "mkdocs", "build", "-q",
                            "-f", str(config), "-d", str(site)], cwd=REPO, env=ENV, stdout=fe, stderr=fe, check=False)
        r = json.loads(rep.read_text())
        if r["rc"] != 0:
            raise SystemExit(f"build failed ({config}):\n{err.read_text()[-4000:]}")
    return {"wall": r["wall"], "mb": r["maxrss_kb"] / 1024, "load": load}


def measure_size(n: int, repeat: int, out: Path) -> dict[str, Any]:
    from corpus import make_corpus
    from generator.catalog import load_catalog

    units = max(1, round(n / 33))
    work = out / f"n{n}"
    print(f"[{n}] corpus: {n} services, {units} units", flush=True)
    std = make_corpus(work, n, units, seed=0)
    cat = load_catalog(std)
    if not cat.ok or cat.findings:
        raise SystemExit(f"corpus has findings: {len(cat.findings)}")
    docs = work / "baseline-docs"
    write_baseline_docs(cat, docs)
    write_baseline_docs(cat, work / "baseline-docs-lean", lean_search=True)
    cfg_plugin = write_yaml(work / "mkdocs-plugin.yml", plugin_config(std))
    cfg_base = write_yaml(work / "mkdocs-baseline.yml", baseline_config(docs))
    cfg_lean = write_yaml(work / "mkdocs-baseline-lean.yml", baseline_config(work / "baseline-docs-lean"))
    runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "lean": [], "plugin": []}
    for i in range(repeat):
        for name, cfg in (("baseline", cfg_base), ("lean", cfg_lean), ("plugin", cfg_plugin)):
            r = run_build(cfg, work / f"site-{name}")
            runs[name].append(r)
            print(f"[{n}] run {i + 1} {name}: {r['wall']:.1f} s, {r['mb']:.0f} MB", flush=True)
    site = work / "site-plugin"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    svc_urls = {s.url for s in cat.services}
    entries = [d for d in index["docs"] if d["location"] in svc_urls]
    entry_bytes = [len(json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode()) for e in entries]
    index_bytes = (site / "search" / "search_index.json").stat().st_size
    base_index = (work / "site-baseline" / "search" / "search_index.json").stat().st_size
    pages = [(site / s.url / "index.html").stat().st_size for s in cat.services]
    best = {k: min(v, key=lambda r: r["wall"]) for k, v in runs.items()}
    return {
        "n": n,
        "units": units,
        "unit_files": len(cat.all_units()),
        "runs": runs,
        "baseline_s": best["baseline"]["wall"],
        "plugin_s": best["plugin"]["wall"],
        "ratio": best["plugin"]["wall"] / best["baseline"]["wall"],
        "lean_s": best["lean"]["wall"],
        "ratio_lean": best["plugin"]["wall"] / best["lean"]["wall"],
        "plugin_mb": max(r["mb"] for r in runs["plugin"]),
        "baseline_mb": max(r["mb"] for r in runs["baseline"]),
        "index_bytes": index_bytes,
        "index_per_service": index_bytes / n,
        "entry_max": max(entry_bytes),
        "entry_mean": statistics.mean(entry_bytes),
        "baseline_index_per_service": base_index / n,
        "page_max": max(pages),
        "page_median": statistics.median(pages),
    }


# --------------------------------------------------------------------------------------
# The public history (issue 11): the same build with and without a git history
# --------------------------------------------------------------------------------------


def _ubah_layanan(d: dict[str, Any], rng: Any, i: int) -> None:
    """One edit staff make: a fee, a requirement added or removed, the summary reworded."""
    x = rng.random()
    syarat = d.get("persyaratan")
    if x < 0.35:
        d["biaya"] = f"Rp{rng.randint(1, 200) * 5}.000"
    elif x < 0.75 and isinstance(syarat, list) and syarat:
        daftar = syarat[0]["daftar"] if isinstance(syarat[0], dict) and "kelompok" in syarat[0] else syarat
        if len(daftar) > 3 and rng.random() < 0.4:
            daftar.pop(rng.randrange(len(daftar)))
        else:
            daftar.append(f"Surat pernyataan tambahan nomor {i}")
    else:
        d["ringkasan"] = f"{d.get('nama', 'Layanan')}: standar pelayanan yang diperbarui (perubahan {i})."


def _ubah_unit(d: dict[str, Any], i: int) -> None:
    """A unit's edit its services inherit: an address and a complaint channel."""
    d["alamat"] = f"Jalan Contoh Nomor {i}, Kota Bontang"
    p = (d.get("bawaan") or {}).get("pengaduan")
    if isinstance(p, dict) and isinstance(p.get("saluran"), list):
        p["saluran"].append({"jenis": "sms", "nilai": f"0812-0000-{i:04d}"})


def make_history(std: Path, commits: int, seed: int = 0) -> int:
    """Turn the corpus folder's parent into a git repository with ``commits`` commits on main:
    the import, then edits to 1–3 service files each, and every 25th a unit file. Each edited
    file is checked to load (an edit that would not is replaced by a reworded summary)."""
    import random

    from generator import model as gm
    from generator.riwayat import _model

    repo = std.parent
    rng = random.Random(seed)
    day = dt.datetime(2024, 1, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    env = {**ENV, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@contoh.go.id",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@contoh.go.id"}

    def git(*args: str, when: dt.datetime) -> None:
        e = {**env, "GIT_AUTHOR_DATE": when.isoformat(), "GIT_COMMITTER_DATE": when.isoformat()}
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=e)

    shutil.rmtree(repo / ".git", ignore_errors=True)
    git("init", "-q", "-b", "main", when=day)
    git("add", "-A", when=day)
    git("commit", "-q", "-m", "impor standar", when=day)
    services = sorted(p for p in std.rglob("*.yaml") if p.name not in ("_unit.yaml", "_instansi.yaml"))
    units = sorted(std.rglob("_unit.yaml"))
    for i in range(1, commits):
        day += dt.timedelta(days=1)
        if i % 25 == 0:
            targets = [(rng.choice(units), gm.Unit)]
        else:
            targets = [(p, gm.Layanan) for p in rng.sample(services, rng.randint(1, 3))]
        for path, cls in targets:
            text = path.read_text(encoding="utf-8")
            head = text.splitlines(keepends=True)[0] if text.startswith("#") else ""
            d = yaml.safe_load(text)
            if cls is gm.Unit:
                _ubah_unit(d, i)
            else:
                _ubah_layanan(d, rng, i)
            new = head + yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=100)
            if _model(new.encode("utf-8"), cls, path.name) is None:
                d = yaml.safe_load(text)
                d["ringkasan"] = f"Standar pelayanan yang diperbarui (perubahan {i})."
                new = head + yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=100)
            path.write_text(new, encoding="utf-8")
        git("commit", "-q", "-am", f"perubahan {i}", when=day)
    return commits


def measure_history(n: int, commits: int, repeat: int, out: Path) -> dict[str, Any]:
    """The plugin's build of an n-service corpus whose repository has ``commits`` commits,
    against the same build of the same files outside any repository (no history: the
    build warns and goes on). Interleaved, best of ``repeat``."""
    import time

    from corpus import make_corpus
    from generator import riwayat
    from generator.catalog import load_catalog

    units = max(1, round(n / 33))
    work = out / "riwayat"
    print(f"[history] corpus: {n} services, {units} units; {commits} commits", flush=True)
    std = make_corpus(work / "repo", n, units, seed=0)
    t = time.perf_counter()
    make_history(std, commits)
    print(f"[history] repository written in {time.perf_counter() - t:.0f} s", flush=True)
    cat = load_catalog(std)
    if not cat.ok:
        raise SystemExit("history corpus has errors at HEAD")
    t = time.perf_counter()
    r = riwayat.baca(std, cat)  # as the build reads it: the catalog's models reused
    read_s = time.perf_counter() - t
    if r.peringatan or not r.versi:
        raise SystemExit(f"history not read: {r.peringatan}")
    # The same files, outside any repository.
    bare = Path(tempfile.mkdtemp(prefix="bench-riwayat-"))
    try:
        shutil.copytree(std, bare / "standards")
        cfg_with = write_yaml(work / "mkdocs-riwayat.yml", plugin_config(std))
        cfg_without = write_yaml(work / "mkdocs-tanpa-riwayat.yml", plugin_config(bare / "standards"))
        runs: dict[str, list[dict[str, Any]]] = {"without": [], "with": []}
        for i in range(repeat):
            for name, cfg in (("without", cfg_without), ("with", cfg_with)):
                res = run_build(cfg, work / f"site-{name}")
                runs[name].append(res)
                print(f"[history] run {i + 1} {name}: {res['wall']:.1f} s, {res['mb']:.0f} MB", flush=True)
    finally:
        shutil.rmtree(bare, ignore_errors=True)
    best = {k: min(v, key=lambda x: x["wall"]) for k, v in runs.items()}
    return {
        "n": n, "commits": commits, "runs": runs, "read_s": read_s,
        "versions": len(r.versi), "entries": sum(len(v.entri) for v in r.versi),
        "without_s": best["without"]["wall"], "with_s": best["with"]["wall"],
        "ratio": best["with"]["wall"] / best["without"]["wall"],
        "with_mb": max(x["mb"] for x in runs["with"]), "without_mb": max(x["mb"] for x in runs["without"]),
    }


def render_history(h: dict[str, Any], m: dict[str, str], repeat: int) -> str:
    runs = "; ".join(f"{k}: " + ", ".join(f"{x['wall']:.1f} (load {x['load']:.1f})" for x in v)
                     for k, v in h["runs"].items())
    return "\n".join([
        "# Benchmark: the public history in the site build", "",
        "Written by `bench/bench_site.py` (`--history-only` writes only this file; overwritten on every run).", "",
        f"- Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {m['cpu']}, {m['os']}; {m['python']}, MkDocs {m['mkdocs']}, Material {m['material']}",
        f"- Code: commit {m['commit']}",
        f"- Builds: `mkdocs build` (`cetak: false`) in a fresh process each, interleaved, best of {repeat}", "",
        f"A synthetic corpus of {h['n']:,} services (bench/corpus.py) in a git repository of {h['commits']} "
        "commits on main: the import, then one edit a day to 1–3 service files (a fee, a requirement added "
        "or removed, a reworded summary), and every 25th commit a unit file (an address and a complaint "
        "channel, which reach every service of the unit). (a) the same files built outside any repository "
        "(no history; the build warns and goes on); (b) built in the repository, with \"Riwayat perubahan\" on "
        "every service page, \"Perubahan terbaru\" and `perubahan.xml`.", "",
        "| Services | commits | (a) without history | (b) with history | ratio (b)/(a) | target | (b) peak RSS | "
        "(a) peak RSS |", "|---:|---:|---:|---:|---:|---|---:|---:|",
        f"| {h['n']:,} | {h['commits']} | {h['without_s']:.1f} s | {h['with_s']:.1f} s | **{h['ratio']:.2f}** | "
        f"≤ {TARGET_HISTORY} {ok(h['ratio'] <= TARGET_HISTORY)} | {h['with_mb']:.0f} MB | {h['without_mb']:.0f} MB |",
        "",
        f"Reading the history alone (`generator.riwayat.baca`, in one process): {h['read_s']:.1f} s for "
        f"{h['versions']} commits that changed what citizens see ({h['entries']:,} service entries). "
        "In `mkdocs serve` it is read once per HEAD: a rebuild after an edit only asks git where HEAD is.", "",
        f"All runs, wall seconds (1-minute load average when the run started): {runs}.", ""])


# --------------------------------------------------------------------------------------
# Page weight and Lighthouse on the example site, served with compression
# --------------------------------------------------------------------------------------

_TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as a production web server sends them: gzip for text, 404.html, caching.

    Every response is logged in ``sent`` (path, body bytes sent, uncompressed bytes).
    """

    sent: list[tuple[str, int, int]] = []

    def log_message(self, *a: Any) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        data = path.read_bytes()
        raw = len(data)
        gz = path.suffix in _TEXT and "gzip" in self.headers.get("Accept-Encoding", "")
        if gz:
            data = gzip.compress(data, 6)
        GzipHandler.sent.append((self.path.split("?")[0], len(data), raw))
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gz:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(data)


def serve(root: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def example_site(out: Path) -> tuple[Path, int, str]:
    """The example site built for a local address (canonical URLs and sitemap point there)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    cfg = write_yaml(out / "example" / "mkdocs.yml", plugin_config(REPO / "standards", site_url=url))
    site = out / "example" / "site"
    run_build(cfg, site)
    return site, port, url


def page_weight(url: str, base: str) -> dict[str, Any]:
    """Bytes the server sent while Chromium loaded the page (fresh browser, empty cache)."""
    from playwright.sync_api import sync_playwright

    GzipHandler.sent.clear()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        pg = b.new_page(viewport={"width": 375, "height": 800})
        pg.goto(url)
        pg.wait_for_load_state("networkidle")
        pg.wait_for_timeout(500)
        b.close()
    page_path = "/" + url[len(base):]
    res = [{"path": pth, "transfer": n, "raw": raw} for pth, n, raw in GzipHandler.sent]
    counted = [x for x in res if not x["path"].endswith("search_index.json")]
    html = next(x for x in res if x["path"] == page_path)
    return {"resources": res, "transfer": sum(x["transfer"] for x in counted), "raw": sum(x["raw"] for x in counted),
            "html_raw": html["raw"], "html_transfer": html["transfer"]}


def lighthouse(url: str, runs: int, out: Path) -> dict[str, Any]:
    cats = ["performance", "accessibility", "best-practices", "seo"]
    results = []
    for i in range(runs):
        report = out / f"lighthouse-{i + 1}.json"
        cmd = ["npx", "--yes", "lighthouse@12", url, "--output=json", f"--output-path={report}", "--quiet",
               "--only-categories=" + ",".join(cats),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
               "--disable-component-update --disable-sync --no-first-run"]
        r = subprocess.run(cmd, env={**ENV, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=600)
        if r.returncode != 0 or not report.exists():
            raise SystemExit(f"lighthouse failed:\n{r.stderr[-3000:]}")
        data = json.loads(report.read_text())
        scores = {c: data["categories"][c]["score"] for c in cats}
        metrics = {k: data["audits"][k]["numericValue"] for k in
                   ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
                    "speed-index")}
        failing = sorted({
            a for c in cats for ref in data["categories"][c]["auditRefs"] if ref["weight"] > 0
            for a in [ref["id"]] if (data["audits"][a].get("score") is not None and data["audits"][a]["score"] < 1)
        })
        results.append({"scores": scores, "metrics": metrics, "failing": failing,
                        "version": data.get("lighthouseVersion"), "ua": data.get("environment", {}).get("hostUserAgent")})
        print(f"lighthouse run {i + 1}: {scores}", flush=True)
    perf = sorted(r["scores"]["performance"] for r in results)
    median = results[[r["scores"]["performance"] for r in results].index(perf[len(perf) // 2])]
    return {"runs": results, "median": median,
            "min": {c: min(r["scores"][c] for r in results) for c in cats}}


# --------------------------------------------------------------------------------------
# Record
# --------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    except OSError:
        mem = 0
    import mkdocs
    import material

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    # What the measured builds run (posters are off: generator/printing and site_theme/print do not count).
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "generator", "site_theme", "mkdocs.yml", "site_docs",
                            ":!generator/printing", ":!site_theme/print"], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()
    return {
        "cpu": f"{os.cpu_count()} CPUs ({cpu}), {mem:.1f} GB RAM",
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "mkdocs": mkdocs.__version__,
        "material": getattr(material, "__version__", "9.x"),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
    }


def ok(b: bool) -> str:
    return "met" if b else "MISSED"


def render(sizes: list[dict[str, Any]], weight: Optional[dict[str, Any]], lh: Optional[dict[str, Any]],
           m: dict[str, str], repeat: int, example_url: str) -> str:
    L = ["# Benchmark: the website build", "",
         "Written by `bench/bench_site.py` (overwritten on every run; this file is the record).", "",
         f"- Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
         f"- Machine: {m['cpu']}, {m['os']}; {m['python']}, MkDocs {m['mkdocs']}, Material {m['material']}",
         f"- Code: commit {m['commit']}",
         f"- Builds: `mkdocs build` in a fresh process each, baseline and plugin interleaved, best of {repeat}; "
         "peak RSS of the build process", ""]
    L += ["## Build time and memory", "",
          "(a) baseline: MkDocs + Material (same theme, same `custom_dir`, same search plugin) building the same "
          "pages from Markdown files written beforehand: every service (same sections, lists, tables and inline "
          "SVG diagram), unit, category and listing page; services, units and categories `not_in_nav`. "
          "(b) the project: `mkdocs build` with the `standar` plugin reading the YAML corpus (`cetak: false`): "
          "loading and validating every file, rendering the pages, plus the data files (`standar.json`, "
          "`standar.csv`, one JSON per service) that the baseline does not write.", "",
          "(a′) the same baseline with service, unit and category pages excluded from search (front matter "
          "`search: exclude: true`), so that it too writes a small index: the engine against the engine.", "",
          "| Services | (a) baseline | (a′) lean search | (b) plugin | ratio (b)/(a) | target | ratio (b)/(a′) | "
          "(b) peak RSS | (a) peak RSS |",
          "|---:|---:|---:|---:|---:|---|---:|---:|---:|"]
    for s in sizes:
        L.append(f"| {s['n']:,} | {s['baseline_s']:.1f} s | {s['lean_s']:.1f} s | {s['plugin_s']:.1f} s | "
                 f"**{s['ratio']:.2f}** | ≤ {TARGET_RATIO} {ok(s['ratio'] <= TARGET_RATIO)} | {s['ratio_lean']:.2f} | "
                 f"{s['plugin_mb']:.0f} MB | {s['baseline_mb']:.0f} MB |")
    big = next((s for s in sizes if s["n"] == 5000), None)
    if big:
        L += ["", f"5,000 services: {big['plugin_s']:.1f} s (target ≤ {TARGET_S_5000:.0f} s: "
              f"**{ok(big['plugin_s'] <= TARGET_S_5000)}**), peak {big['plugin_mb']:.0f} MB "
              f"(target ≤ 1 GB: **{ok(big['plugin_mb'] <= TARGET_MB)}**)."]
    def runs(rs: list[dict[str, Any]]) -> str:
        return ", ".join(f"{r['wall']:.1f} (load {r['load']:.1f})" for r in rs)

    L += ["", "All runs, wall seconds (1-minute load average of the 2-CPU machine when the run started; "
          "other work on the machine inflates single runs, hence best of): " + "; ".join(
              f"{s['n']:,}: baseline {runs(s['runs']['baseline'])}, lean {runs(s['runs']['lean'])}, "
              f"plugin {runs(s['runs']['plugin'])}" for s in sizes) + ".", ""]
    L += ["## Search index and page size (synthetic corpus)", "",
          "| Services | search index | per service | largest service entry | baseline index per service | "
          "service page HTML, median / largest |", "|---:|---:|---:|---:|---:|---:|"]
    for s in sizes:
        L.append(f"| {s['n']:,} | {s['index_bytes'] / 1024 / 1024:.2f} MB | **{s['index_per_service'] / 1024:.2f} KB** "
                 f"(≤ {TARGET_INDEX_KB:.0f} KB {ok(s['index_per_service'] <= TARGET_INDEX_KB * 1024)}) | "
                 f"{s['entry_max']} B | {s['baseline_index_per_service'] / 1024:.1f} KB | "
                 f"{s['page_median'] / 1024:.1f} / {s['page_max'] / 1024:.1f} KB |")
    L += ["", "The per-service figure divides the whole index (listing pages and the staff guide included) by the "
          "number of services. The baseline indexes every section of every page in full.", ""]
    if weight:
        L += ["## A service page over the wire (example site)", "",
              f"`{weight['page']}` of the example site, served from 127.0.0.1 with gzip as a web server would, "
              "loaded in Chromium at 375 px; every request the page makes (the search index aside, which "
              "Material fetches for the search box):", "",
              "| Resource | sent (body) | uncompressed |", "|---|---:|---:|"]
        for x in sorted(weight["resources"], key=lambda x: -x["transfer"]):
            aside = " (not counted)" if x["path"].endswith("search_index.json") else ""
            L.append(f"| `{x['path']}`{aside} | {x['transfer'] / 1024:.1f} KB | {x['raw'] / 1024:.1f} KB |")
        tot = weight["transfer"] / 1024
        L += [f"| **total (search index aside)** | **{tot:.1f} KB** | {weight['raw'] / 1024:.1f} KB |", "",
              f"Target ≤ {TARGET_PAGE_KB:.0f} KB over the wire: **{ok(tot <= TARGET_PAGE_KB)}**. "
              f"The page's own HTML: {weight['html_transfer'] / 1024:.1f} KB transferred, "
              f"{weight['html_raw'] / 1024:.1f} KB uncompressed (every example service page is ≤ 150 KB uncompressed; "
              "a test checks it).", ""]
    if lh:
        med = lh["median"]
        sc = med["scores"]
        L += ["## Lighthouse (mobile)", "",
              f"Lighthouse {med['version']} (`npx lighthouse@12`, default mobile emulation and simulated throttling), "
              f"Debian Chromium, {len(lh['runs'])} runs on `{weight['page'] if weight else ''}` served as above; "
              "the median run by performance:", "",
              "| Category | score | target | lowest of the runs |", "|---|---:|---|---:|"]
        for c, target in (("performance", 0.95), ("accessibility", 1.0), ("best-practices", 1.0), ("seo", 1.0)):
            L.append(f"| {c} | **{sc[c]:.2f}** | ≥ {target:.2f} {ok(sc[c] >= target)} | {lh['min'][c]:.2f} |")
        mt = med["metrics"]
        L += ["", f"Metrics of that run: FCP {mt['first-contentful-paint'] / 1000:.2f} s, LCP "
              f"{mt['largest-contentful-paint'] / 1000:.2f} s, TBT {mt['total-blocking-time']:.0f} ms, CLS "
              f"{mt['cumulative-layout-shift']:.3f}, Speed Index {mt['speed-index'] / 1000:.2f} s.",
              "Scored audits below 1 in that run: " + (", ".join(f"`{a}`" for a in med["failing"]) or "none") + ".", ""]
    return "\n".join(L)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", type=Path, default=HERE / "out" / "site")
    ap.add_argument("--record", type=Path, default=RECORD)
    ap.add_argument("--no-record", action="store_true")
    ap.add_argument("--no-lighthouse", action="store_true")
    ap.add_argument("--lighthouse-runs", type=int, default=3)
    ap.add_argument("--page", default="layanan/akta-kelahiran/", help="example service page to weigh and audit")
    ap.add_argument("--history-services", type=int, default=1000)
    ap.add_argument("--history-commits", type=int, default=500)
    ap.add_argument("--history-only", action="store_true", help="measure only the history (writes its own record)")
    ap.add_argument("--no-history", action="store_true")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    if not args.no_history:
        h = measure_history(args.history_services, args.history_commits, args.repeat, args.out)
        text = render_history(h, machine(), args.repeat)
        print(text)
        if not args.no_record:
            HISTORY_RECORD.write_text(text, encoding="utf-8")
            print(f"written: {HISTORY_RECORD}")
    if args.history_only:
        return 0

    sizes = [measure_size(n, args.repeat, args.out) for n in args.sizes]
    site, port, url = example_site(args.out)
    httpd, base = serve(site, port)
    try:
        weight = page_weight(base + args.page, base)
        weight["page"] = "/" + args.page
        lh = None if args.no_lighthouse else lighthouse(base + args.page, args.lighthouse_runs, args.out)
    finally:
        httpd.shutdown()
    text = render(sizes, weight, lh, machine(), args.repeat, base)
    print(text)
    if not args.no_record:
        args.record.parent.mkdir(parents=True, exist_ok=True)
        args.record.write_text(text, encoding="utf-8")
        print(f"written: {args.record}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
