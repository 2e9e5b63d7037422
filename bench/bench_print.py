"""Benchmark: the printed form (posters, maklumat, handbooks) on a synthetic corpus.

    python bench/bench_print.py [--services 200] [--units 10] [--seed 0] [--jobs 2]
                                [--out bench/out/print]
                                [--record docs/benchmarks/print.md | --no-record]

One run, all in this process and its worker processes:

1. writes a synthetic corpus (bench/corpus.py) under ``--out`` (git-ignored) and loads it;
2. **posters** (steps 2 and 3 interleaved, best of ``--repeat``):
   ``generator.printing.jobs.run`` renders every service's A3 poster into an
   empty store with ``--jobs`` workers (the fit search included: some posters need more
   than one layout); wall time, posters per second, layouts per poster;
3. **baseline**: plain WeasyPrint renders *the same HTML* — for each poster, the
   self-contained HTML (CSS inline) at the text size the pipeline settled on — with
   ``HTML(string=...).write_pdf(pdf_variant="pdf/ua-1")`` in a pool of ``--jobs``
   processes; the ratio pipeline / baseline is the pipeline's overhead (planning,
   hashing, the fit search, writing, the manifest) net of what it saves (stylesheets
   parsed once per worker instead of once per poster);
4. **everything**: a cold run of every output (A3 and A4 posters, maklumat, handbooks),
   then the same run again with nothing changed (the incremental path: plan, hash,
   compare with the manifest), and ``render_into_site`` into an empty site folder from
   that cache (what ``mkdocs build`` pays when nothing changed);
5. prints a table, marks each target ``met`` or ``MISSED`` and overwrites the record.

Targets (issue 4): >= 8 A3 posters per second on 2 cores; a second run with nothing
changed <= 1 s per 1,000 services; pipeline <= 1.2x plain WeasyPrint on the same HTML.
Timings are never asserted: the exit status is 0 whether a target is met or missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

RECORD = REPO / "docs" / "benchmarks" / "print.md"
TARGET_RATE = 8.0  # A3 posters per second on 2 cores
TARGET_NOCHANGE = 1.0  # seconds per 1,000 services
TARGET_RATIO = 1.2


def _cpu_children() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _direct(html: str) -> int:
    import weasyprint

    from generator.printing import templates

    return len(weasyprint.HTML(string=html, base_url=templates.base_url()).write_pdf(pdf_variant="pdf/ua-1"))


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, check=True).stdout.strip()
    except Exception:
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--services", type=int, default=200)
    ap.add_argument("--units", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2, help="interleaved repeats of steps 2-3, best kept")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "print")
    ap.add_argument("--record", type=Path, default=RECORD)
    ap.add_argument("--no-record", action="store_true")
    args = ap.parse_args(argv)

    from corpus import make_corpus

    from generator.catalog import load_catalog
    from generator.printing import inputs, jobs, render, render_into_site

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    root = make_corpus(out, services=args.services, units=args.units, seed=args.seed)
    t = time.perf_counter()
    catalog = load_catalog(root)
    t_load = time.perf_counter() - t
    if not catalog.ok:
        print("the corpus does not validate cleanly; figures would be meaningless", file=sys.stderr)
        return 2
    url = catalog.instansi.situs
    n = len(catalog.services)

    # -- 2 and 3, interleaved, best of --repeat (the machine may be shared) ---------------
    ident = inputs.identitas(catalog)
    by_rel = {f"{s.unit.top.id}/{s.slug}-a3.pdf": s for s in catalog.services}
    ctx = multiprocessing.get_context("fork")
    t_pipe = t_direct = float("inf")
    cpu_pipe = cpu_direct = 0.0
    for rep in range(args.repeat):
        store = out / "store-a3"
        shutil.rmtree(store, ignore_errors=True)
        cpu0 = _cpu_children()
        t = time.perf_counter()
        lap = jobs.run(catalog, store, url, jobs=args.jobs, progress=False, sizes=("a3",), kinds=("poster",))
        dt_ = time.perf_counter() - t
        if dt_ < t_pipe:
            t_pipe, cpu_pipe = dt_, _cpu_children() - cpu0
        if rep == 0:
            made = len(lap.dibuat)
            failed = len(lap.gagal)
            layouts = sum(v[1] for v in lap.tingkat.values())
            levels: dict[str, int] = {}
            for lv, _k in lap.tingkat.values():
                key = f"{lv.pt:g} pt" + (" padat" if lv.padat else "")
                levels[key] = levels.get(key, 0) + 1
            htmls = []
            for rel, (lv, _k) in sorted(lap.tingkat.items()):
                p = inputs.PosterIn(inputs.layanan_in(by_rel[rel], url), ident)
                htmls.append(render.html_cetak(p, "a3", lv, css_inline=True))
        cpu0 = _cpu_children()
        t = time.perf_counter()
        with ctx.Pool(args.jobs) as pool:
            sizes = pool.map(_direct, htmls, chunksize=1)
        dt_ = time.perf_counter() - t
        if dt_ < t_direct:
            t_direct, cpu_direct = dt_, _cpu_children() - cpu0
        assert len(sizes) == len(htmls)

    # -- 4. everything, cold and then with nothing changed ---------------------------------
    full = out / "store-all"
    shutil.rmtree(full, ignore_errors=True)
    t = time.perf_counter()
    lap_full = jobs.run(catalog, full, url, jobs=args.jobs, progress=False)
    t_full = time.perf_counter() - t
    t = time.perf_counter()
    lap2 = jobs.run(catalog, full, url, jobs=args.jobs, progress=False)
    t_nochange = time.perf_counter() - t
    assert not lap2.dibuat, "the second run rebuilt something"
    site = out / "site" / "cetak"
    shutil.rmtree(out / "site", ignore_errors=True)
    t = time.perf_counter()
    try:
        render_into_site(catalog, site, url, cache_dir=full, jobs=args.jobs, progress=False)
    except Exception as e:  # posters that do not fit: reported above, links still made
        print(f"render_into_site: {type(e).__name__}: {str(e).splitlines()[0][:120]}...", file=sys.stderr)
    t_site = time.perf_counter() - t

    # -- 5. report ------------------------------------------------------------------------
    rate = made / t_pipe if t_pipe else 0.0
    # On a shared machine the workers do not get both cores all the time: the rate
    # the same CPU work gives on `--jobs` dedicated cores.
    rate_cpu = made / (cpu_pipe / args.jobs) if cpu_pipe else 0.0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    ratio = t_pipe / t_direct if t_direct else float("inf")
    ratio_cpu = cpu_pipe / cpu_direct if cpu_direct else float("inf")
    per_k = t_nochange / n * 1000 if n else 0.0
    rows = [
        ("A3 posters per second, pipeline (wall clock)", f"{rate:.1f}", f">= {TARGET_RATE:g}",
         "met" if rate >= TARGET_RATE else "MISSED"),
        (f"A3 posters per second, same CPU work on {args.jobs} dedicated cores", f"{rate_cpu:.1f}",
         f">= {TARGET_RATE:g}", "met" if rate_cpu >= TARGET_RATE else "MISSED"),
        ("pipeline / plain WeasyPrint, same HTML (wall clock)", f"{ratio:.2f}x", f"<= {TARGET_RATIO:g}x",
         "met" if ratio <= TARGET_RATIO else "MISSED"),
        ("pipeline / plain WeasyPrint, same HTML (CPU time)", f"{ratio_cpu:.2f}x", f"<= {TARGET_RATIO:g}x",
         "met" if ratio_cpu <= TARGET_RATIO else "MISSED"),
        ("second run, nothing changed, per 1,000 services", f"{per_k:.3f} s", f"<= {TARGET_NOCHANGE:g} s",
         "met" if per_k <= TARGET_NOCHANGE else "MISSED"),
    ]
    detail = [
        f"machine load average (1 min) at the end: {load:.2f}",
        f"corpus: {n} services, {len(catalog.units)} units ({len(catalog.all_units())} with bidang), "
        f"seed {args.seed}; loaded and validated in {t_load:.2f} s",
        f"A3 posters (best of {args.repeat}): {made} written, {failed} too long even compact (error, "
        f"not written), {t_pipe:.1f} s wall, {cpu_pipe:.1f} s CPU in {args.jobs} workers; "
        f"{layouts / max(made, 1):.2f} layouts per poster",
        "fitted levels: " + ", ".join(f"{k}: {v}" for k, v in sorted(levels.items(), key=lambda x: x[0])),
        f"plain WeasyPrint, same {len(htmls)} HTML documents, pool of {args.jobs} (best of {args.repeat}): "
        f"{t_direct:.1f} s wall, "
        f"{cpu_direct:.1f} s CPU ({len(htmls) / t_direct:.1f} posters/s)",
        f"everything cold (A3+A4 posters, maklumat, handbooks: {len(lap_full.berkas)} PDFs, "
        f"{len(lap_full.gagal)} failed): {t_full:.1f} s",
        f"second run, nothing changed: {t_nochange * 1000:.0f} ms for {len(lap2.tetap)} outputs of {n} services",
        f"render_into_site into an empty site folder from that cache (links only): {t_site * 1000:.0f} ms",
    ]
    width = max(len(r[0]) for r in rows)
    print()
    for r in rows:
        print(f"{r[0]:<{width}}  {r[1]:>10}  target {r[2]:<9} {r[3]}")
    print()
    for d in detail:
        print("  " + d)

    if not args.no_record:
        args.record.parent.mkdir(parents=True, exist_ok=True)
        machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
        import weasyprint

        lines = [
            "# Benchmark: printed form (posters, maklumat, handbooks)",
            "",
            f"Recorded by `python bench/bench_print.py --services {args.services} --units {args.units} "
            f"--seed {args.seed} --jobs {args.jobs} --repeat {args.repeat}` on {dt.date.today().isoformat()}, commit `{_commit()}`, "
            f"{machine}, WeasyPrint {weasyprint.__version__}. Overwritten by each run. What is timed and "
            "why: the docstring of `bench/bench_print.py` and the notes below.",
            "",
            "| Measure | Result | Target | |",
            "|---|---|---|---|",
            *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
            "",
            *[f"- {d}" for d in detail],
            "",
            "## Notes",
            "",
            "- The machine may be shared: wall times vary between runs by 20 % or more (while developing, a run at load average 6 from other jobs gave under a fifth of the wall-clock rate; the CPU-normalised rate and the CPU-time ratio are the steadier figures). The ratio "
            "against plain WeasyPrint is measured in the same run, on the same HTML, with the same "
            "number of processes, and is the figure to compare across machines.",
            "- The pipeline is *cheaper* per layout than plain WeasyPrint: it parses the stylesheets "
            "once per worker and keeps the fonts loaded, while `HTML(string).write_pdf()` parses the "
            "inline CSS and registers the fonts for every document. It spends that saving on the fit "
            "search (a poster whose first guess is wrong takes two layouts or more).",
            "- A3 posters per second on 2 cores is bounded by WeasyPrint: one layout of an A3 poster "
            "costs about 0.1–0.3 s of CPU, so 8 posters/s on 2 cores needs at most 0.25 s per poster "
            "including the search.",
            "- A poster that is too long even in the compact form is an error (reported, not written);"
            " the corpus has some (up to 15 steps with branches, up to 8 channels plus the shared ones).",
        ]
        args.record.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"\nrecorded in {args.record.relative_to(REPO) if args.record.is_relative_to(REPO) else args.record}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
