"""Benchmark: `standar validate` against a bare CSafeLoader parse of the same files.

    python bench/bench_validate.py [--services 10000] [--units 300] [--seed 0]
                                   [--repeat 3] [--out bench/out/validate]
                                   [--record docs/benchmarks/validate.md | --no-record]
                                   [--profile]

One run:

1. writes a synthetic corpus (bench/corpus.py) under ``--out`` (git-ignored);
2. times, interleaved and best of ``--repeat``:
   (a) the baseline: walk the tree, read every YAML file, ``yaml.load(text,
       Loader=yaml.CSafeLoader)``, discard the result;
   (b) ``generator.catalog.validate_paths([root])`` in this process;
3. runs in fresh child processes, for peak memory (ru_maxrss of that child, read by a
   small launcher process with getrusage(RUSAGE_CHILDREN)): the real CLI
   ``standar validate ROOT`` ``--repeat`` times (best end-to-end time, worst peak), and
   once each the baseline, ``validate_paths``, and a process that only imports the
   generator (the floor every command pays);
4. prints a table, marks each target ``met`` or ``MISSED``, and overwrites the record
   (docs/benchmarks/validate.md) with the figures, the date and the machine.

Targets (issue 7): (b)/(a) <= 1.2 and peak memory of the validate run <= 300 MB, for
10,000 service files. Timings are never asserted: the exit status is 0 whether a
target is met or missed (non-zero only if the benchmark itself cannot run, or the
corpus does not validate cleanly, which would make the figures meaningless).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

TARGET_RATIO = 1.2  # issue 7: at most 1.2x a bare CSafeLoader parse
TARGET_MB = 300.0
RECORD = REPO / "docs" / "benchmarks" / "validate.md"


# --------------------------------------------------------------------------------------
# The two things measured
# --------------------------------------------------------------------------------------


def yaml_files(root: Path) -> list[Path]:
    """Every .yaml/.yml file under root (what validate reads, plus nothing else)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith((".yaml", ".yml")):
                out.append(Path(dirpath, name))
    return out


def baseline(root: Path) -> int:
    """(a) The cheapest way to get the same files into Python: find, read, CSafeLoader."""
    import yaml

    n = 0
    for p in yaml_files(root):
        with open(p, encoding="utf-8") as fh:
            yaml.load(fh.read(), Loader=yaml.CSafeLoader)
        n += 1
    return n


def validate(root: Path) -> int:
    """(b) What `standar validate ROOT` does, in process. Returns the number of errors and
    warnings (compliance notes are computed too, and counted only in the record)."""
    from generator.catalog import validate_paths

    return sum(1 for f in validate_paths([root]) if f.severity != "catatan")


# --------------------------------------------------------------------------------------
# Child processes (fresh interpreter each: peak memory is per process)
# --------------------------------------------------------------------------------------


def _child_main(what: str, root: Path) -> int:
    t = time.perf_counter()
    if what == "baseline":
        n = baseline(root)
    elif what == "validate":
        n = validate(root)
    elif what == "imports":
        import importlib

        importlib.import_module("generator.catalog")  # pydantic models are built at import
        importlib.import_module("generator.cli")

        n = 0
    else:
        raise SystemExit(f"unknown child {what!r}")
    print(json.dumps({"seconds": time.perf_counter() - t, "n": n}))
    return 0


# Peak memory must be read from a process that did not inherit our own pages. On Linux
# a child's ru_maxrss includes the memory image it was forked from (the high-water mark
# survives exec), so a child spawned straight from this benchmark, which by then holds
# hundreds of MB, would report at least that much. A small launcher process (a bare
# interpreter, ~10 MB) starts the measured command, waits for it and reports
# getrusage(RUSAGE_CHILDREN): with exactly one child that is the child's own peak.
_LAUNCHER = """
import json, os, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as fh:
    json.dump({"rc": rc, "wall": wall, "maxrss_kb": ru.ru_maxrss}, fh)
"""


def run_child(argv: list[str], cwd: Path | None = None) -> dict:
    """Run argv through the launcher: exit code, wall time, output, peak RSS (MB)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        rep = Path(tmp, "report.json")
        with open(Path(tmp, "out"), "w+") as fo, open(Path(tmp, "err"), "w+") as fe:
            subprocess.run([sys.executable, "-c", _LAUNCHER, str(rep), *argv], cwd=cwd, stdout=fo,
                           stderr=fe, check=False)  # the launcher reports the exit code
            fo.seek(0)
            fe.seek(0)
            out, err = fo.read(), fe.read()
        if not rep.exists():
            raise SystemExit(f"launcher failed for {argv}:\n{err}")
        r = json.loads(rep.read_text())
    return {
        "argv": argv,
        "rc": r["rc"],
        "wall": r["wall"],
        "maxrss_mb": r["maxrss_kb"] / 1024,  # Linux reports kilobytes
        "stdout": out,
        "stderr": err,
    }


def child(what: str, root: Path) -> dict:
    r = run_child([sys.executable, str(Path(__file__).resolve()), "--child", what, str(root)])
    if r["rc"] != 0:
        raise SystemExit(f"child {what} failed ({r['rc']}):\n{r['stderr']}")
    r.update(json.loads(r["stdout"].strip().splitlines()[-1]))
    return r


def cli_argv() -> list[str]:
    exe = Path(sys.executable).parent / "standar"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "generator"]


# --------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------


def interleaved(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Run each function `repeat` times, alternating, so drift hits all of them alike."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeat):
        for k, fn in fns.items():
            gc.collect()
            t = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t)
    return times


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 2**20:.1f} GB"
    except OSError:
        pass
    import pydantic
    import yaml

    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "generator"], cwd=REPO,
                               capture_output=True, text=True, check=False).stdout.strip()
        rev += " (generator/ has uncommitted changes)" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        rev = "unknown"
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "pyyaml": f"{yaml.__version__} (libyaml {'yes' if getattr(yaml, '__with_libyaml__', False) else 'NO'})",
        "pydantic": pydantic.VERSION,
        "commit": rev,
    }


def profile_validate(root: Path, top: int = 25) -> str:
    import cProfile
    import io
    import pstats

    from generator.catalog import validate_paths

    pr = cProfile.Profile()
    pr.enable()
    validate_paths([root])
    pr.disable()
    buf = io.StringIO()
    st = pstats.Stats(pr, stream=buf)
    st.sort_stats("tottime").print_stats(top)
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def render(fig: dict, m: dict, profile: str | None) -> str:
    c = fig["corpus"]
    ratio_ok = fig["ratio"] <= TARGET_RATIO
    mem_ok = fig["mem_validate"] <= TARGET_MB
    t = fig["times"]
    L = []
    L.append("# Benchmark: `standar validate`")
    L.append("")
    L.append("Written by `bench/bench_validate.py` (overwritten on every run; this file is the record).")
    L.append("How to run and what the baseline is: [bench/README.md](../../bench/README.md).")
    L.append("")
    L.append(f"- Date: {fig['date']}")
    L.append(f"- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} RAM, {m['os']}")
    L.append(f"- Other load on the machine: {m['load']}")
    L.append(f"- Python {m['python']}, PyYAML {m['pyyaml']}, pydantic {m['pydantic']}")
    L.append(f"- Code: commit {m['commit']}")
    L.append(
        f"- Corpus: `make_corpus(services={c['services']}, units={c['units']}, seed={c['seed']})`: "
        f"{c['files']:,} YAML files ({c['services']:,} services, {c['unit_files']} unit files incl. "
        f"{c['bidang']} bidang, 1 instansi), {c['mb']:.1f} MB; {fig['findings']} findings "
        f"(the corpus is valid)"
    )
    L.append(f"- Timings: best of {fig['repeat']}, baseline and validate interleaved in one process")
    L.append("")
    L.append("| Measure | Figure | Target | |")
    L.append("|---|---:|---:|---|")
    L.append(f"| (a) baseline: walk + read + `yaml.load(CSafeLoader)` | {min(t['baseline']):.2f} s | | |")
    L.append(f"| (b) `validate_paths([root])`, in process | {min(t['validate']):.2f} s | | |")
    L.append(f"| **ratio (b)/(a)** | **{fig['ratio']:.2f}** | ≤ {TARGET_RATIO:.1f} | **{verdict(ratio_ok)}** |")
    L.append(f"| `standar validate ROOT` end to end (subprocess, best of {fig['repeat']}) | {fig['cli']['wall']:.2f} s | | |")
    L.append(f"| end-to-end CLI / (a) | {fig['cli']['wall'] / min(t['baseline']):.2f} | | |")
    L.append(f"| per service file, (b) | {1000 * min(t['validate']) / c['files']:.2f} ms | | |")
    L.append(f"| **peak RSS, `standar validate ROOT`** | **{fig['cli']['maxrss_mb']:.0f} MB** | ≤ {TARGET_MB:.0f} MB "
             f"| **{verdict(fig['cli']['maxrss_mb'] <= TARGET_MB)}** |")
    L.append(f"| peak RSS, child running `validate_paths` | {fig['child_validate']['maxrss_mb']:.0f} MB | ≤ {TARGET_MB:.0f} MB "
             f"| {verdict(fig['child_validate']['maxrss_mb'] <= TARGET_MB)} |")
    L.append(f"| peak RSS, child running the baseline | {fig['child_baseline']['maxrss_mb']:.0f} MB | | |")
    L.append(f"| peak RSS, child only importing the generator | {fig['child_imports']['maxrss_mb']:.0f} MB | | |")
    L.append("")
    L.append("All runs (seconds): "
             + "; ".join(f"{k} " + ", ".join(f"{x:.2f}" for x in v) for k, v in t.items())
             + "; CLI end to end " + ", ".join(f"{x:.2f}" for x in fig["cli"]["walls"])
             + f". Fresh-process single runs: baseline {fig['child_baseline']['seconds']:.2f} s, "
             f"validate {fig['child_validate']['seconds']:.2f} s (work only), "
             f"{fig['child_validate']['wall']:.2f} s (whole process incl. start-up and exit).")
    L.append("")
    L.append(f"Verdict: ratio {verdict(ratio_ok)}, memory {verdict(mem_ok)}.")
    if profile:
        L.append("")
        L.append("## Profile of (b) (cProfile, sorted by own time; profiling inflates Python-level cost)")
        L.append("")
        L.append("```text")
        L.append(profile.strip())
        L.append("```")
    L.append("")
    return "\n".join(L)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--services", type=int, default=10_000)
    ap.add_argument("--units", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of (a) and (b); the best counts")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "validate", help="corpus folder (git-ignored)")
    ap.add_argument("--record", type=Path, default=RECORD, help="markdown file to overwrite with the figures")
    ap.add_argument("--no-record", action="store_true", help="print only, do not write the record")
    ap.add_argument("--profile", action="store_true", help="also cProfile one validate run (in the record)")
    ap.add_argument("--child", nargs=2, metavar=("WHAT", "ROOT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return _child_main(args.child[0], Path(args.child[1]))

    from corpus import make_corpus

    load_start = os.getloadavg()[0]
    print(f"corpus: {args.services} services, {args.units} units, seed {args.seed} -> {args.out}", flush=True)
    t = time.perf_counter()
    root = make_corpus(args.out, args.services, args.units, args.seed)
    gen_s = time.perf_counter() - t
    files = yaml_files(root)
    unit_files = [p for p in files if p.name == "_unit.yaml"]
    corpus = {
        "services": args.services,
        "units": args.units,
        "seed": args.seed,
        "files": len(files),
        "unit_files": len(unit_files),
        "bidang": len(unit_files) - args.units,
        "mb": sum(p.stat().st_size for p in files) / 1e6,
    }
    print(f"  {corpus['files']:,} files, {corpus['mb']:.1f} MB, written in {gen_s:.1f} s", flush=True)

    # Make sure the figures mean something: the corpus validates cleanly.
    import generator.catalog  # noqa: F401  (import cost is not part of (b))

    print("timing (a) baseline and (b) validate, interleaved ...", flush=True)
    findings = []

    def run_validate() -> None:
        findings.append(validate(root))

    times = interleaved({"baseline": lambda: baseline(root), "validate": run_validate}, args.repeat)
    if any(findings):
        print(f"the corpus has {findings[0]} findings; run `standar validate {root}` to see them. "
              "Fix bench/corpus.py: figures for an invalid corpus are meaningless.", file=sys.stderr)
        return 1

    print("fresh processes for peak memory ...", flush=True)
    child_imports = child("imports", root)
    child_baseline = child("baseline", root)
    child_validate = child("validate", root)
    cli_runs = []
    for _ in range(args.repeat):  # end to end: best time; peak RSS is the worst of the runs
        r = run_child([*cli_argv(), "validate", str(root)], cwd=root.parent)
        if r["rc"] != 0:
            print(f"`standar validate` exited {r['rc']}:\n{r['stdout'][-2000:]}{r['stderr'][-2000:]}",
                  file=sys.stderr)
            return 1
        cli_runs.append(r)
    cli = min(cli_runs, key=lambda r: r["wall"])
    cli = {**cli, "maxrss_mb": max(r["maxrss_mb"] for r in cli_runs), "walls": [r["wall"] for r in cli_runs]}

    profile = profile_validate(root) if args.profile else None
    ratio = min(times["validate"]) / min(times["baseline"])
    fig = {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "corpus": corpus,
        "repeat": args.repeat,
        "times": times,
        "ratio": ratio,
        "findings": findings[0] if findings else 0,
        "cli": cli,
        "child_imports": child_imports,
        "child_baseline": child_baseline,
        "child_validate": child_validate,
        "mem_validate": max(cli["maxrss_mb"], child_validate["maxrss_mb"]),
    }
    m = machine()
    m["load"] = f"{load_start:.1f} at start, {os.getloadavg()[0]:.1f} at end (1-minute load average)"

    w = 58
    print()
    print(f"{'(a) baseline: read + yaml.load(CSafeLoader)':<{w}} {min(times['baseline']):8.2f} s")
    print(f"{'(b) validate_paths([root]) in process':<{w}} {min(times['validate']):8.2f} s")
    print(f"{'ratio (b)/(a)':<{w}} {ratio:8.2f}    target <= {TARGET_RATIO:.1f}: "
          f"{verdict(ratio <= TARGET_RATIO)}")
    print(f"{'standar validate ROOT, end to end':<{w}} {cli['wall']:8.2f} s")
    print(f"{'peak RSS, standar validate ROOT':<{w}} {cli['maxrss_mb']:8.0f} MB   target <= {TARGET_MB:.0f}: "
          f"{verdict(cli['maxrss_mb'] <= TARGET_MB)}")
    print(f"{'peak RSS, child running validate_paths':<{w}} {child_validate['maxrss_mb']:8.0f} MB")
    print(f"{'peak RSS, child running the baseline':<{w}} {child_baseline['maxrss_mb']:8.0f} MB")
    print(f"{'peak RSS, child importing the generator only':<{w}} {child_imports['maxrss_mb']:8.0f} MB")
    print(f"machine: {m['nproc']} CPUs, {m['cpu']}, Python {m['python']}, commit {m['commit']}")
    print(f"load: {m['load']}")
    missed = [n for n, ok in (("ratio", ratio <= TARGET_RATIO), ("memory", fig["mem_validate"] <= TARGET_MB))
              if not ok]
    print("targets: " + ("all met" if not missed else "MISSED: " + ", ".join(missed)))
    if profile:
        print(profile)

    if not args.no_record:
        args.record.parent.mkdir(parents=True, exist_ok=True)
        args.record.write_text(render(fig, m, profile), encoding="utf-8")
        print(f"record written: {args.record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
