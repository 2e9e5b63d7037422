"""The `standar` command line.

    standar validate [PATH...] [--format text|json|github] [--strict] [--kepatuhan] [--cetak]
    standar schema [--out DIR]
    standar new UNIT SLUG [--root standards]
    standar cetak [--out DIR] [NAME...]      (posters and handbooks)

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage. Compliance
notes (catatan kepatuhan) never fail a run; they are counted, and listed with --kepatuhan.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from .findings import GALAT, PERINGATAN, format_findings, summary, tanpa_kepatuhan


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with an Indonesian hint
        self.print_usage(sys.stderr)
        sys.stderr.write(f"standar: galat: {message}\nJalankan 'standar --help' untuk bantuan.\n")
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="standar", description="Alat standar pelayanan publik: periksa, buat, dan cetak.")
    sub = p.add_subparsers(dest="cmd", metavar="PERINTAH", parser_class=_Parser)

    v = sub.add_parser("validate", help="periksa berkas standar pelayanan")
    v.add_argument("paths", nargs="*", metavar="PATH", help="berkas atau folder (bawaan: standards)")
    v.add_argument("--format", choices=["text", "json", "github"], default="text", help="bentuk keluaran")
    v.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")
    v.add_argument("--cetak", action="store_true",
                   help="tata juga poster dan poster maklumat: laporkan yang tidak muat satu halaman "
                        "(tembolok di .cache/standar-periksa, pengulangan cepat)")
    v.add_argument("--kepatuhan", action="store_true",
                   help="tampilkan juga catatan kepatuhan (komponen atau keterangan yang diminta Permenpan RB 15/2014)")

    s = sub.add_parser("schema", help="tulis JSON Schema untuk penyunting teks")
    s.add_argument("--out", default="schema", help="folder tujuan (bawaan: schema)")
    s.add_argument("--check", action="store_true", help="hanya periksa apakah berkas schema masih mutakhir")

    n = sub.add_parser("new", help="buat berkas layanan baru berisi petunjuk isian")
    n.add_argument("unit", help="folder unit, misalnya diskominfo atau dpmptsp/perizinan")
    n.add_argument("slug", help="nama berkas layanan, misalnya surat-keterangan (huruf kecil dan tanda hubung)")
    n.add_argument("--root", default="standards", help="folder standar (bawaan: standards)")

    c = sub.add_parser("cetak", help="buat poster dan buku standar pelayanan (PDF)")
    c.add_argument("names", nargs="*", metavar="NAMA", help="unit atau layanan (bawaan: semua)")
    c.add_argument("--out", default="cetak", help="folder tujuan (bawaan: cetak)")
    c.add_argument("--root", default="standards", help="folder standar (bawaan: standards)")
    c.add_argument("--url", default=None, help="alamat situs untuk kode QR (bawaan: situs di _instansi.yaml)")
    c.add_argument("--jobs", type=int, default=0, help="jumlah proses (bawaan: semua inti)")
    c.add_argument("--force", action="store_true", help="buat ulang semua berkas walau tidak berubah")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.cmd is None:
        parser.print_help()
        return 2
    try:
        if args.cmd == "validate":
            return _validate(args)
        if args.cmd == "schema":
            return _schema(args)
        if args.cmd == "new":
            return _new(args)
        if args.cmd == "cetak":
            from .printing.cli import run as cetak

            return cetak(args)
    except KeyboardInterrupt:
        sys.stderr.write("Dibatalkan.\n")
        return 130
    return 2


def _validate(args: argparse.Namespace) -> int:
    from .catalog import validate_paths

    paths = args.paths or ["standards"]
    findings = validate_paths(paths)
    if args.cetak and not any(f.severity == GALAT for f in findings):
        from .findings import sort_findings
        from .printing.periksa import temuan_cetak

        try:
            findings = sort_findings([*findings, *temuan_cetak(paths)])
        except OSError as e:  # a read-only or full cache folder: say which, no traceback
            print(f"standar: galat: tidak dapat menulis ke '{e.filename}': {e.strerror or e}. Periksa izin tulis "
                  "dan ruang kosong folder .cache/standar-periksa.", file=sys.stderr)
            return 1
    # JSON is for machines: every finding. Text and annotations: notes only when asked.
    shown = findings if (args.kepatuhan or args.format == "json") else tanpa_kepatuhan(findings)
    out = format_findings(shown, args.format)
    if out:
        print(out)
    if args.format == "text":
        print(summary(findings, kepatuhan_ditampilkan=args.kepatuhan), file=sys.stderr)
    if any(f.severity == GALAT for f in findings):
        return 1
    if args.strict and any(f.severity == PERINGATAN for f in findings):
        return 1
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    changed = write_schemas(Path(args.out), check=args.check)
    if args.check:
        if changed:
            print("Berkas schema tidak mutakhir: " + ", ".join(changed) + ". Jalankan 'standar schema'.",
                  file=sys.stderr)
            return 1
        return 0
    for name in changed:
        print(f"ditulis: {name}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import new_service

    try:
        path = new_service(Path(args.root), args.unit, args.slug)
    except ValueError as e:
        print(f"standar: galat: {e}", file=sys.stderr)
        return 2
    print(f"dibuat: {path}\nIsi setiap bagian yang diawali [ISI], lalu jalankan 'standar validate {path}'.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
