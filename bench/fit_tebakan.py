"""Refit the poster size guess (``generator.printing.render.tebakan`` and ``XBANNER_MUAT``).

    python bench/fit_tebakan.py [--services 60]

The fit search of a poster starts from a guess of how full the poster is at 14 pt
on A3, made from the amount of text in its HTML. The guess never decides the result
(every answer is a checked layout), only how many layouts are made; refit it when
the poster layout changes much (``bench/bench_print.py`` reports layouts per poster).

For every poster of the example standards, the print test tree, the real standards
in ``tests/nyata`` and a synthetic corpus of ``--services`` services, this lays out
the A3 poster and the X-banner at 14 pt (the summary, not the compact one), measures
how full each is (``render.ukur``), and fits by least squares

    isi_a3 ~ a + b * characters + c * blocks + d * title characters

(the features of ``render._ciri``), and the X-banner's fullness as a fraction of the
A3 guess (the median ratio). It prints the coefficients to paste into ``render.py``
and the error of the fit. Nothing is recorded: the figures are in the docstring of
``tebakan`` and in ``docs/benchmarks/print.md`` (layouts per poster).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))


def _trees(services: int) -> list[Path]:
    from corpus import make_corpus

    trees = [REPO / "standards", REPO / "tests" / "print" / "data" / "standards"]
    trees += sorted(p.parent for p in (REPO / "tests" / "nyata").glob("*/standards/_instansi.yaml"))
    trees += sorted(p for p in (REPO / "tests" / "nyata").glob("*") if (p / "_instansi.yaml").exists())
    if services:
        trees.append(make_corpus(HERE / "out" / "tebakan", services=services, units=6, seed=1))
    return trees


def _solve(rows: list[list[float]], ys: list[float]) -> list[float]:
    """Least squares by the normal equations (a handful of unknowns)."""
    n = len(rows[0])
    a = [[sum(r[i] * r[j] for r in rows) for j in range(n)] + [sum(r[i] * y for r, y in zip(rows, ys))]
         for i in range(n)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(n):
            if r != c:
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
    return [a[i][n] / a[i][i] for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--services", type=int, default=60)
    args = ap.parse_args(argv)

    from generator.catalog import load_catalog
    from generator.printing import jobs, render

    lv = render.Tingkat(render.POSTER_PT[-1])
    rows, ys, xb = [], [], []
    for root in _trees(args.services):
        cat = load_catalog(root)
        for tugas in jobs.plan(cat, "https://contoh.go.id/", kinds=("poster",)).tugas:
            p = tugas.masukan
            ciri = render._ciri(render.html_poster(p, "a3", lv.pt, css_inline=False))
            if ciri is None:
                continue
            u = render.ukur(render.layout(render.html_cetak(p, "a3", lv), "poster.html", logo=p.identitas.logo))
            ux = render.ukur(render.layout(render.html_cetak(p, "xbanner", lv), "poster.html",
                                           logo=p.identitas.logo))
            rows.append([1.0, *ciri])
            ys.append(u.isi)
            xb.append(ux.isi)
        print(f"{root.relative_to(REPO)}: {len(ys)} posters so far", file=sys.stderr)
    coef = _solve(rows, ys)
    tebak = [sum(c * x for c, x in zip(coef, r)) for r in rows]
    rms = math.sqrt(statistics.fmean(((t - y) / y) ** 2 for t, y in zip(tebak, ys)))
    ratio = statistics.median(x / t for x, t in zip(xb, tebak))
    rms_x = math.sqrt(statistics.fmean(((ratio * t - x) / x) ** 2 for t, x in zip(tebak, xb)))
    print(f"posters: {len(ys)}")
    print("TEBAKAN = (" + ", ".join(f"{c:.6g}" for c in coef) + ")")
    print(f"relative rms error: {rms:.1%}")
    print(f"XBANNER_MUAT = {ratio:.3f}  (relative rms error {rms_x:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
