"""The `standar` command line.

    standar validate [PATH...] [--format text|json|github] [--strict] [--kepatuhan] [--cetak]
    standar schema [--out DIR] [--check]
    standar new UNIT SLUG [--root standards]
    standar cetak [--out DIR] [NAME...]      (posters and handbooks)
    standar init DIR --instansi NAMA --situs URL --unit NAMA --layanan NAMA
                 [--singkatan S] [--wilayah W] [--unit-id SLUG] [--slug SLUG]
                                             (a unit's own repository: standards/, mkdocs.yml,
                                              workflow, schemas, README; see generator/repo_baru.py)

Help and usage errors are in Bahasa Indonesia, argparse's own words included (_KAMUS).

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage. Compliance
notes (catatan kepatuhan) never fail a run; they are counted, and listed with --kepatuhan.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any, Iterator, NoReturn, Optional, Sequence

from .findings import GALAT, PERINGATAN, format_findings, summary, tanpa_kepatuhan, visible


# argparse's own words, in Bahasa Indonesia. argparse looks its texts up through the module's
# gettext functions (argparse._ and argparse.ngettext) when it builds a parser, formats help and
# reports an error; _Parser swaps in this table for exactly those calls (_indonesia), so no
# other parser in the process is affected and no .mo catalogue is needed.
_KAMUS = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "optional arguments": "opsi",  # Python < 3.10
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "subcommands": "perintah",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih salah satu: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "perintah tidak dikenal: %(parser_name)r (pilihan: %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai tidak sah (%(type)s): %(value)r",
    "expected one argument": "memerlukan satu nilai",
    "expected at most one argument": "memerlukan paling banyak satu nilai",
    "expected at least one argument": "memerlukan sedikitnya satu nilai",
    "expected %s argument": "memerlukan %s nilai",
    "expected %s arguments": "memerlukan %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi ambigu: %(option)s dapat berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "nilai %r diabaikan: opsi ini tidak menerima nilai",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}


def _terjemah(teks: str) -> str:
    return _KAMUS.get(teks, teks)


def _terjemah_n(satu: str, banyak: str, n: int) -> str:
    return _terjemah(satu if n == 1 else banyak)


@contextlib.contextmanager
def _indonesia() -> Iterator[None]:
    lama = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _terjemah, _terjemah_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = lama  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Bahasa Indonesia, in its help and its errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _indonesia():  # the group titles and the -h help are made here
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with _indonesia():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _indonesia():
            return super().parse_known_args(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:  # "unrecognized arguments" is raised here
        with _indonesia():
            return super().parse_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _indonesia():
            return super().format_usage()

    def format_help(self) -> str:
        with _indonesia():
            return super().format_help()

    def error(self, message: str) -> NoReturn:  # usage errors: exit 2 with an Indonesian hint
        self.print_usage(sys.stderr)
        sys.stderr.write(f"standar: galat: {message}\nJalankan 'standar --help' untuk bantuan.\n")
        raise SystemExit(2)


def _bilangan(teks: str) -> int:
    return int(teks)


_bilangan.__name__ = "bilangan bulat"  # argparse names the type in its error: "nilai tidak sah (bilangan bulat)"


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="standar", description="Alat standar pelayanan publik: periksa, buat, dan cetak.",
                epilog="Bantuan tiap perintah: standar PERINTAH --help, misalnya standar validate --help.")
    sub = p.add_subparsers(dest="cmd", metavar="PERINTAH", parser_class=_Parser, title="perintah")

    v = sub.add_parser("validate", help="periksa berkas standar pelayanan")
    v.add_argument("paths", nargs="*", metavar="JALUR", help="berkas atau folder (bawaan: standards)")
    v.add_argument("--format", choices=["text", "json", "github"], default="text", help="bentuk keluaran")
    v.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")
    v.add_argument("--cetak", action="store_true",
                   help="tata juga poster dan poster maklumat: laporkan yang tidak muat satu halaman "
                        "(tembolok di .cache/standar-periksa, pengulangan cepat)")
    v.add_argument("--kepatuhan", action="store_true",
                   help="tampilkan juga catatan kepatuhan (komponen atau keterangan yang diminta Permenpan RB 15/2014)")

    s = sub.add_parser("schema", help="tulis JSON Schema untuk penyunting teks")
    s.add_argument("--out", default="schema", metavar="FOLDER", help="folder tujuan (bawaan: schema)")
    s.add_argument("--check", action="store_true", help="hanya periksa apakah berkas schema masih mutakhir")

    n = sub.add_parser("new", help="buat berkas layanan baru berisi petunjuk isian")
    n.add_argument("unit", metavar="UNIT", help="folder unit, misalnya diskominfo atau dpmptsp/perizinan")
    n.add_argument("slug", metavar="SLUG", help="nama berkas layanan, misalnya surat-keterangan (huruf kecil dan tanda hubung)")
    n.add_argument("--root", default="standards", metavar="FOLDER", help="folder standar (bawaan: standards)")

    c = sub.add_parser("cetak", help="buat poster dan buku standar pelayanan (PDF)")
    c.add_argument("names", nargs="*", metavar="NAMA", help="unit atau layanan (bawaan: semua)")
    c.add_argument("--out", default="cetak", metavar="FOLDER", help="folder tujuan (bawaan: cetak)")
    c.add_argument("--root", default="standards", metavar="FOLDER", help="folder standar (bawaan: standards)")
    c.add_argument("--url", default=None, metavar="ALAMAT", help="alamat situs untuk kode QR (bawaan: situs di _instansi.yaml)")
    c.add_argument("--jobs", type=_bilangan, default=0, metavar="JUMLAH", help="jumlah proses (bawaan: semua inti)")
    c.add_argument("--force", action="store_true", help="buat ulang semua berkas walau tidak berubah")
    d = sub.add_parser(
        "diff", help="jelaskan perubahan standar dalam kalimat (untuk peninjau pull request)",
        description="Bandingkan standar pelayanan pada dua revisi git dan jelaskan setiap perubahan yang dilihat "
                    "warga: biaya, jangka waktu, persyaratan, langkah, produk, saluran pengaduan, status, penetapan.",
        epilog="Contoh: standar diff (cabang ini terhadap main), standar diff HEAD~1, "
               "standar diff main HEAD --format markdown")
    d.add_argument("base", nargs="?", metavar="DASAR", help="revisi dasar (bawaan: titik cabang dari main)")
    d.add_argument("head", nargs="?", metavar="UJUNG", help="revisi yang dibandingkan (bawaan: berkas saat ini)")
    d.add_argument("--root", default="standards", metavar="FOLDER", help="folder standar (bawaan: standards)")
    d.add_argument("--format", choices=["text", "markdown", "json"], default="text", help="bentuk keluaran")
    k = sub.add_parser(
        "periksa", help="periksa kepatuhan standar pelayanan unit (sebelum penilaian Ombudsman)",
        description="Daftar periksa kepatuhan setiap unit dan layanannya, dihitung dari data: komponen standar, "
                    "terbit dalam dua bentuk, maklumat, pelayanan kelompok rentan, pengaduan dan SP4N-LAPOR!, "
                    "penetapan, peninjauan, FKP, SKM, visi-misi-moto. Setiap kekurangan menyebut berkas dan kunci "
                    "yang perlu ditulis. Skor 0-100 dengan bobot yang disebut; bukan nilai resmi Ombudsman RI.",
        epilog="Contoh: standar periksa, standar periksa dpmptsp --format markdown, standar periksa --cetak")
    k.add_argument("units", nargs="*", metavar="UNIT", help="folder unit, misalnya dpmptsp (bawaan: semua unit)")
    k.add_argument("--root", default="standards", metavar="FOLDER", help="folder standar (bawaan: standards)")
    k.add_argument("--format", choices=["text", "markdown", "json"], default="text", help="bentuk keluaran")
    k.add_argument("--cetak", action="store_true",
                   help="tata juga poster setiap layanan untuk memeriksa bentuk cetak (tembolok di .cache/standar-periksa)")
    i = sub.add_parser(
        "init", help="buat repositori standar pelayanan baru untuk satu pemerintah daerah atau unit",
        description="Buat repositori standar pelayanan di FOLDER: standards/ berisi identitas instansi, satu unit, "
                    "dan satu layanan, mkdocs.yml, alur kerja GitHub (periksa, bangun, terbitkan ke GitHub Pages), "
                    "skema penyunting, dan README untuk petugas. Folder yang sudah berisi tidak diubah.",
        epilog="Contoh: standar init standar-diskominfo --instansi \"Pemerintah Kota Contoh\" "
               "--unit \"Dinas Komunikasi dan Informatika\" --singkatan Diskominfo "
               "--layanan \"Permohonan Informasi Publik\" --situs https://standar.contoh.go.id/")
    i.add_argument("folder", metavar="FOLDER", help="folder repositori baru (belum ada, atau kosong)")
    i.add_argument("--instansi", required=True, help="nama pemerintah daerah, misalnya \"Pemerintah Kota Contoh\"")
    i.add_argument("--wilayah", help="wilayah layanan, misalnya \"Kota Contoh, Kalimantan Timur\"")
    i.add_argument("--situs", required=True, metavar="ALAMAT",
                   help="alamat situs yang akan diterbitkan (dicetak sebagai kode QR), misalnya https://standar.contoh.go.id/")
    i.add_argument("--unit", required=True, help="nama resmi unit, misalnya \"Dinas Komunikasi dan Informatika\"")
    i.add_argument("--singkatan", help="singkatan unit, misalnya Diskominfo")
    i.add_argument("--unit-id", metavar="NAMA_FOLDER", help="nama folder unit (huruf kecil dan tanda hubung; bawaan: dari singkatan atau nama)")
    i.add_argument("--layanan", required=True, help="nama layanan pertama, seperti tertulis dalam standar")
    i.add_argument("--slug", metavar="NAMA_BERKAS", help="nama berkas layanan (huruf kecil dan tanda hubung; bawaan: dari nama layanan)")
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
        if args.cmd == "init":
            return _init(args)
        if args.cmd == "diff":
            return _diff(args)
        if args.cmd == "periksa":
            return _periksa(args)
        if args.cmd == "cetak":
            from .printing.cli import run as cetak

            return cetak(args)
    except KeyboardInterrupt:
        sys.stderr.write("Dibatalkan.\n")
        return 130
    return 2


def _periksa(args: argparse.Namespace) -> int:
    from . import kepatuhan as k
    from .catalog import load_catalog

    root = Path(args.root)
    if not root.is_dir():
        sys.stderr.write(f"standar periksa: folder standar {visible(str(root))} tidak ada.\n")
        return 2
    cat = load_catalog(root)
    if not cat.ok:
        for f in cat.findings:
            if f.severity == GALAT:
                sys.stderr.write(f.text() + "\n")
        sys.stderr.write(f"standar periksa: perbaiki galat lebih dulu. {summary(cat.findings)}\n")
        return 1
    ada = {u.id for u in cat.all_units()}
    asing = [u for u in args.units if u.strip("/") not in ada]
    if asing:
        sys.stderr.write(f"standar periksa: unit tidak ada: {visible(', '.join(asing))}. Unit yang ada: "
                         f"{', '.join(sorted(ada))}.\n")
        return 2
    poster = None
    if args.cetak:
        from .printing.periksa import temuan_cetak

        try:
            gagal = {f.file for f in temuan_cetak([root / u.strip("/") for u in args.units] or [root])
                     if f.code == "poster-tidak-muat"}
        except OSError as e:
            sys.stderr.write(f"standar periksa: poster tidak dapat ditata ({visible(e.strerror or str(e))}: "
                             f"{visible(str(e.filename or ''))}).\n")
            return 2
        poster = {s.slug: s.file not in gagal for s in cat.services}
    hasil = k.periksa(cat, [u.strip("/") for u in args.units] or None, poster)
    keluar = {"text": k.teks, "markdown": k.markdown, "json": k.json_teks}[args.format](hasil, cat.today)
    sys.stdout.write(keluar)
    return 0


def _diff(args: argparse.Namespace) -> int:
    from . import perubahan as p

    try:
        daftar = p.diff(Path(args.root), args.base, args.head)
    except p.DiffGagal as e:
        sys.stderr.write(f"standar diff: {e}\n")
        return 2
    out = {"text": p.teks, "markdown": p.markdown, "json": p.json_teks}[args.format](daftar)
    sys.stdout.write(out)
    return 0


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


def _init(args: argparse.Namespace) -> int:
    from .repo_baru import InitGagal, buat_repo

    try:
        berkas = buat_repo(Path(args.folder), instansi=args.instansi, unit=args.unit, layanan=args.layanan,
                           situs=args.situs, singkatan=args.singkatan, wilayah=args.wilayah,
                           unit_id=args.unit_id, slug=args.slug)
    except InitGagal as e:
        print(f"standar: galat: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"standar: galat: folder {args.folder} tidak dapat dibuat: {e.strerror or e}.", file=sys.stderr)
        return 1
    print(f"Repositori standar pelayanan dibuat di {args.folder}:")
    for b in berkas:
        print(f"  {b.as_posix()}")
    print("Langkah berikutnya (lihat README.md di folder itu):\n"
          f"  cd {args.folder}\n"
          "  standar validate\n"
          "  mkdocs serve")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
