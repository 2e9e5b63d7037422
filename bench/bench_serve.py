"""Benchmark: editing with printing on. `mkdocs serve` and `mkdocs build` of the example site.

    python bench/bench_serve.py [--edits 5] [--repeat 2] [--out bench/out/serve]
                                [--code DIR] [--json FILE] [--before FILE]
                                [--record docs/benchmarks/serve.md | --no-record]

What is timed (each in a fresh copy of the project: standards/ and a mkdocs.yml beside it,
in a clone of the repository's history so the pages carry their "Riwayat perubahan", and so
the print cache `.cache/standar-cetak` starts empty), with printing on (`cetak: true`)
and, as the baseline measured in the same run, the same site with `cetak: false`:

1. **first page**: from starting `mkdocs serve` to the first HTTP 200 of a service page;
   with printing on, also until that page links its posters (background printing done);
2. **edited word**: a word of one service's `nama:` replaced (same length), until the served page
   contains it (polled every 20 ms; `--edits` edits, each after the previous one's PDFs
   are linked again); with printing on, also until the page links its PDFs again;
3. **build ↔ serve**: after serve has printed everything, PDFs re-rendered by a `mkdocs
   build` (mtime changed), then by a new `mkdocs serve`;
4. **cold build** (empty cache) and **warm build** (nothing changed) with `mkdocs build`,
   best of `--repeat`, with the CPU seconds of the build process and its workers.

``--code DIR`` measures another checkout of the project (its ``generator`` on PYTHONPATH,
its site_theme and site_docs; the same virtualenv): with ``--json`` the figures are kept
for a later ``--before FILE``, which puts them beside this run's in the record.

Targets (issue 9): first page <= 5 s, edited word <= 1.5 s, cold build <= 15 s on 2 cores,
0 PDFs re-rendered when switching between build and serve. The exit status is 0 whether
targets are met or missed; non-zero only when something could not be measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Optional

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from bench_site import machine  # noqa: E402

RECORD = REPO / "docs" / "benchmarks" / "serve.md"
SLUG = "tanda-tangan-elektronik"
UNIT = "diskominfo"
TARGET_FIRST = 5.0
TARGET_EDIT = 1.5
TARGET_COLD = 15.0


def _env(code: Path) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    env.pop("STANDAR_CETAK_CACHE", None)
    if code != REPO:
        env["PYTHONPATH"] = str(code) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def project(dir: Path, code: Path, cetak: bool) -> Path:
    """A fresh project: standards/ and mkdocs.yml side by side (the repository's layout), in a
    clone of this repository's history (without its code: only standards/ is checked out, so the
    site has its public history, "Riwayat perubahan", as a unit's repository would)."""
    if dir.exists():
        shutil.rmtree(dir)
    dir.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(REPO), str(dir)], check=True)
    subprocess.run(["git", "-C", str(dir), "checkout", "-q", "HEAD", "--", "standards"], check=True)
    shutil.rmtree(dir / "standards")
    shutil.copytree(REPO / "standards", dir / "standards")  # the files as they are now
    cfg = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg["docs_dir"] = str(code / cfg["docs_dir"])
    if cfg["theme"].get("custom_dir"):
        cfg["theme"]["custom_dir"] = str(code / cfg["theme"]["custom_dir"])
    elif not (code / "generator" / "tema.py").exists():
        # Code from before the plugin added its theme override itself (--code of an older commit).
        cfg["theme"]["custom_dir"] = str(code / "site_theme" / "mkdocs")
    for p in cfg["plugins"]:
        if isinstance(p, dict) and "standar" in p:
            p["standar"]["cetak"] = cetak
    path = dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> Optional[str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _until(cond, timeout: float, step: float = 0.02) -> Optional[float]:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if cond():
            return time.perf_counter() - t0
        time.sleep(step)
    return None


def _linked(html: Optional[str]) -> bool:
    # Every PDF of the page linked: no "being prepared" note left, and the posters and handbook there
    # (how many depends on the code measured: A3/A4, later also the X-banner).
    return bool(html) and "sedang disiapkan" not in html and len(re.findall(r'href="[^"]+\.pdf"', html)) >= 3


def _pdf_mtimes(dir: Path) -> dict[str, int]:
    return {str(p.relative_to(dir)): p.stat().st_mtime_ns for p in dir.rglob("*.pdf")
            if ".cache" in p.relative_to(dir).parts}


def _changed(before: dict[str, int], after: dict[str, int]) -> int:
    return sum(1 for k, v in after.items() if before.get(k) != v)


class Serve:
    def __init__(self, config: Path, code: Path, log: Path):
        self.port = _port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.page = self.url + f"layanan/{SLUG}/"
        self.log = open(log, "w")
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a",
                                      f"127.0.0.1:{self.port}"], cwd=config.parent, env=_env(code),
                                     stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def measure_serve(out: Path, code: Path, cetak: bool, edits: int) -> dict[str, Any]:
    d = out / ("serve-cetak" if cetak else "serve-tanpa-cetak")
    config = project(d, code, cetak)
    s = Serve(config, code, d / "serve.log")
    r: dict[str, Any] = {"load": os.getloadavg()[0]}
    try:
        if _until(lambda: _get(s.page) is not None, 600, 0.02) is None:
            raise SystemExit(f"mkdocs serve did not start; see {d / 'serve.log'}")
        r["first"] = time.perf_counter() - s.t0
        if cetak:
            _until(lambda: _linked(_get(s.page)), 900, 0.1)
            r["first_pdfs"] = time.perf_counter() - s.t0
        f = d / "standards" / UNIT / f"{SLUG}.yaml"
        text = f.read_text(encoding="utf-8")
        r["edit"], r["edit_pdfs"] = [], []
        for i in range(edits):
            # A word of the same length replaced: the poster still fits, as before the edit.
            word = f"Sunting{i:03d}"
            assert len(word) == len("Sertifikat") and "Sertifikat" in text
            time.sleep(1.0)
            f.write_text(text.replace("Sertifikat", word, 1), encoding="utf-8")
            t = _until(lambda: word in (_get(s.page) or ""), 300)
            if t is None:
                raise SystemExit(f"edit {i} never showed; see {d / 'serve.log'}")
            r["edit"].append(t)
            if cetak:
                t2 = _until(lambda: _linked(_get(s.page)) and word in (_get(s.page) or ""), 900, 0.1)
                r["edit_pdfs"].append(t + (t2 or float("nan")))
        f.write_text(text, encoding="utf-8")
        if cetak:
            _until(lambda: _linked(_get(s.page)) and not re.search(r"Sunting\d{3}", _get(s.page) or ""), 900, 0.1)
    finally:
        s.stop()
    if cetak:
        # build after serve, then serve after build: what is rendered again.
        before = _pdf_mtimes(d)
        run_build(config, code, d / "site")
        after_build = _pdf_mtimes(d)
        r["switch_build"] = _changed(before, after_build)
        r["pdfs"] = len(after_build)
        s = Serve(config, code, d / "serve2.log")
        try:
            _until(lambda: _linked(_get(s.page)), 900, 0.1)
            time.sleep(3)  # anything still printing in the background would show now
        finally:
            s.stop()
        r["switch_serve"] = _changed(after_build, _pdf_mtimes(d))
    return r


def _cpu_children() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_build(config: Path, code: Path, site: Path) -> dict[str, float]:
    c0, t0 = _cpu_children(), time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                       cwd=config.parent, env=_env(code), capture_output=True, text=True)
    t = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{p.stdout}{p.stderr}")
    return {"wall": t, "cpu": _cpu_children() - c0, "load": os.getloadavg()[0]}


def measure_builds(out: Path, code: Path, repeat: int) -> dict[str, Any]:
    r: dict[str, list] = {"cold": [], "warm": [], "base": []}
    for i in range(repeat):
        cfg = project(out / "build-cetak", code, True)
        r["cold"].append(run_build(cfg, code, out / "build-cetak" / "site"))
        r["warm"].append(run_build(cfg, code, out / "build-cetak" / "site"))
        base = project(out / "build-tanpa-cetak", code, False)
        r["base"].append(run_build(base, code, out / "build-tanpa-cetak" / "site"))
    return r


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda x: x["wall"])


def ok(b: bool) -> str:
    return "met" if b else "MISSED"


def render(now: dict[str, Any], before: Optional[dict[str, Any]], info: dict[str, str]) -> str:
    def fig(res: Optional[dict[str, Any]], key: str) -> str:
        if res is None:
            return "–"
        return key_fmt(res, key)

    def key_fmt(res: dict[str, Any], key: str) -> str:
        sc, sn, b = res["serve_cetak"], res["serve_tanpa"], res["builds"]

        def edit(xs: list[float]) -> str:
            return f"{statistics.median(xs):.2f} s (max {max(xs):.2f})"

        def edit_pdfs() -> str:
            v = [x for x in sc["edit_pdfs"] if x == x]  # NaN: an edit whose PDFs never came
            return f"{statistics.median(v):.1f} s" if v else "–"

        cold = best(b["cold"])
        return {
            "first": lambda: f"{sc['first']:.1f} s",
            "first_base": lambda: f"{sn['first']:.1f} s",
            "first_pdfs": lambda: f"{sc['first_pdfs']:.1f} s",
            "edit": lambda: edit(sc["edit"]),
            "edit_base": lambda: edit(sn["edit"]),
            "edit_pdfs": edit_pdfs,
            "cold": lambda: f"{cold['wall']:.1f} s ({cold['cpu']:.0f} CPU s)",
            "warm": lambda: f"{best(b['warm'])['wall']:.2f} s",
            "base": lambda: f"{best(b['base'])['wall']:.2f} s",
            "switch_build": lambda: f"{sc['switch_build']} of {sc['pdfs']}",
            "switch_serve": lambda: f"{sc['switch_serve']} of {sc['pdfs']}",
        }[key]()

    sc, sn, b = now["serve_cetak"], now["serve_tanpa"], now["builds"]
    edit_med = statistics.median(sc["edit"])
    cold = best(b["cold"])["wall"]
    rows = [
        ("`mkdocs serve`: first page", "first", f"≤ {TARGET_FIRST:g} s {ok(sc['first'] <= TARGET_FIRST)}"),
        ("… same, `cetak: false` (baseline)", "first_base", ""),
        ("… until the page links its PDFs (empty cache)", "first_pdfs", ""),
        ("edited word on screen, median of edits", "edit", f"≤ {TARGET_EDIT:g} s {ok(edit_med <= TARGET_EDIT)}"),
        ("… same, `cetak: false` (baseline)", "edit_base", ""),
        ("… until the page links the new PDFs", "edit_pdfs", ""),
        ("cold `mkdocs build` (empty cache)", "cold", f"≤ {TARGET_COLD:g} s {ok(cold <= TARGET_COLD)}"),
        ("warm `mkdocs build` (nothing changed)", "warm", ""),
        ("`mkdocs build`, `cetak: false` (baseline)", "base", ""),
        ("PDFs re-rendered by `build` after `serve`", "switch_build", f"0 {ok(sc['switch_build'] == 0)}"),
        ("PDFs re-rendered by `serve` after `build`", "switch_serve", f"0 {ok(sc['switch_serve'] == 0)}"),
    ]
    lines = [
        "# Benchmark: editing with printing on (`mkdocs serve`, `mkdocs build`)",
        "",
        "Written by `bench/bench_serve.py` (overwritten on every run; this file is the record).",
        "",
        f"- Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {info['cpu']}, {info['os']}; {info['python']}, MkDocs {info['mkdocs']}, Material {info['material']}",
        f"- Code: commit {info['commit']}" + (f"; before: {before.get('label', '?')}" if before else ""),
        f"- Site: the example site (`standards/`, {now['layanan']} services, {now['unit']} units: "
        f"{now['serve_cetak']['pdfs']} PDFs), `cetak: true`, in a fresh clone of the repository's history (the pages carry \"Riwayat perubahan\"; empty print cache)",
        "",
        "| Measure | before | now | target |",
        "|---|---:|---:|---|",
    ]
    for label, key, target in rows:
        lines.append(f"| {label} | {fig(before, key)} | {key_fmt(now, key)} | {target} |")
    ratio_edit = edit_med / statistics.median(sn["edit"])
    ratio_first = sc["first"] / sn["first"]
    lines += [
        "",
        f"Against the baseline measured in the same run (`cetak: false`): first page **{ratio_first:.2f}×**, "
        f"edited word **{ratio_edit:.2f}×**, warm build **{best(b['warm'])['wall'] / best(b['base'])['wall']:.2f}×**, "
        f"cold build **{cold / best(b['base'])['wall']:.1f}×**.",
        "",
        "All runs (wall seconds; 1-minute load average of the machine when the run started — other work "
        "on the shared 2-CPU machine inflates single runs):",
        "",
        f"- serve, printing on: first page {sc['first']:.2f} (load {sc['load']:.1f}), edits "
        + ", ".join(f"{x:.2f}" for x in sc["edit"]) + "; PDFs linked again after "
        + ", ".join(f"{x:.1f}" for x in sc["edit_pdfs"]),
        f"- serve, printing off: first page {sn['first']:.2f} (load {sn['load']:.1f}), edits "
        + ", ".join(f"{x:.2f}" for x in sn["edit"]),
        "- cold builds: " + ", ".join(f"{x['wall']:.1f} ({x['cpu']:.0f} CPU s, load {x['load']:.1f})" for x in b["cold"]),
        "- warm builds: " + ", ".join(f"{x['wall']:.2f}" for x in b["warm"]),
        "- baseline builds: " + ", ".join(f"{x['wall']:.2f}" for x in b["base"]),
    ]
    if before:
        bs = before["serve_cetak"]
        lines += [
            f"- before: serve first page {bs['first']:.1f}, edits " + ", ".join(f"{x:.2f}" for x in bs["edit"])
            + "; cold builds " + ", ".join(f"{x['wall']:.1f} ({x['cpu']:.0f} CPU s)" for x in before["builds"]["cold"]),
        ]
    lines += [
        "",
        "How it is measured: `mkdocs serve` and `mkdocs build` run as subprocesses of the benchmark; a page is "
        "polled over HTTP every 20 ms (so the edit figure includes MkDocs' file polling, 0.5 s, and its "
        "0.1 s settle delay). With printing on, serve shows the site before the PDFs exist (the page says "
        "\"Poster dan buku sedang disiapkan\" and links none), prints in the background at low priority and "
        "rebuilds when done. The *before* column is the same script run on the code before this work "
        "(`--code`), in the same session.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "serve")
    ap.add_argument("--code", type=Path, default=REPO)
    ap.add_argument("--label", default="")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--record", type=Path, default=RECORD)
    ap.add_argument("--no-record", action="store_true")
    a = ap.parse_args(argv)
    code = a.code.resolve()
    out = a.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"label": a.label or str(code)}
    sys.path.insert(0, str(REPO))
    from generator.catalog import load_catalog

    cat = load_catalog(REPO / "standards")
    res["layanan"], res["unit"] = len(cat.services), len(cat.units)
    print("serve, printing off ...", flush=True)
    res["serve_tanpa"] = measure_serve(out, code, False, a.edits)
    print("serve, printing on ...", flush=True)
    res["serve_cetak"] = measure_serve(out, code, True, a.edits)
    print("builds ...", flush=True)
    res["builds"] = measure_builds(out, code, a.repeat)
    if a.json:
        a.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    before = json.loads(a.before.read_text(encoding="utf-8")) if a.before else None
    text = render(res, before, machine())
    print(text)
    if not a.no_record:
        a.record.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
