"""``standar cetak``: posters, maklumat posters and handbooks as PDF.

    standar cetak [NAMA...] [--out DIR] [--root standards] [--url URL] [--jobs N] [--force]

Exit codes: 0 everything written; 1 errors (invalid standards, a poster that does
not fit on one page even at the minimum text size, ...); 2 usage (unknown name,
no site address for the QR codes).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from .. import model as m
from ..findings import PERINGATAN, format_findings, summary, tanpa_kepatuhan


def _galat(pesan: str) -> None:
    sys.stderr.write(f"standar: galat: {pesan}\n")


def run(args: argparse.Namespace) -> int:
    from ..catalog import load_catalog
    from . import jobs

    root = Path(args.root)
    if not root.is_dir():
        _galat(f"folder standar '{root}' tidak ada. Gunakan --root untuk menunjuk folder standar.")
        return 2
    catalog = load_catalog(root)
    if catalog.findings:
        out = format_findings(tanpa_kepatuhan(catalog.findings), "text")  # notes: standar validate --kepatuhan
        sys.stderr.write((out + "\n" if out else "") + summary(catalog.findings, kepatuhan_ditampilkan=False) + "\n")
    if not catalog.ok:
        _galat("standar pelayanan masih memiliki galat (lihat di atas); perbaiki dulu, lalu cetak lagi.")
        return 1

    situs = catalog.instansi.situs if catalog.instansi else None
    site_url = args.url or (m.tautan_web(situs) if situs else None)
    if not site_url:
        _galat("alamat situs untuk kode QR belum ada. Isi situs: di _instansi.yaml atau gunakan "
               "--url https://alamat-situs/.")
        return 2
    if not re.match(r"^https?://[^\s/]+", site_url):
        _galat(f"--url '{site_url}' bukan alamat web; tulis lengkap, misalnya https://standar.contoh.go.id/.")
        return 2

    names = list(args.names or [])
    unknown = jobs.resolve_names(catalog, names)
    if unknown:
        semua = [u.id for u in catalog.all_units()] + [s.slug for s in catalog.services]
        for n in unknown:
            mirip = difflib.get_close_matches(n, semua, n=3)
            saran = f" Mungkin maksudnya: {', '.join(mirip)}." if mirip else ""
            _galat(f"'{n}' bukan nama unit (misalnya diskominfo atau dpmptsp/perizinan) maupun nama "
                   f"layanan (nama berkas tanpa .yaml).{saran}")
        return 2

    out = Path(args.out)
    try:
        laporan = jobs.run(catalog, out, site_url, names or None, jobs=args.jobs, force=args.force)
    except OSError as e:  # a read-only or full output folder: say which, no traceback
        _galat(f"tidak dapat menulis ke '{e.filename or out}': {e.strerror or e}. Periksa izin tulis dan "
               "ruang kosong folder tujuan (--out).")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(f"Dibatalkan. Berkas yang sudah selesai tetap ada di {out.as_posix()}/ dan tidak "
                         "dibuat ulang pada cetak berikutnya.\n")
        return 130
    for p in laporan.peringatan:
        sys.stderr.write(f"standar: {PERINGATAN}: {p}\n")
    # Print problems are findings at the service's file (a poster that does not fit: at the
    # line of the part that takes the most room), as standar validate --cetak prints them.
    if laporan.temuan:
        sys.stderr.write(format_findings(laporan.temuan, "text") + "\n")
    ringkas = (f"{len(laporan.dibuat)} berkas dibuat, {len(laporan.tetap)} tidak berubah"
               + (f", {len(laporan.dihapus)} dihapus" if laporan.dihapus else "")
               + (f", {len(laporan.gagal)} gagal" if laporan.gagal else "")
               + f" di {out.as_posix()}/ ({laporan.detik:.1f} detik).")
    print(ringkas)
    return 1 if laporan.temuan else 0
