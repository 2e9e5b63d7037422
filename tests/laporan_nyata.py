"""How each real standard in tests/nyata/ went in: per component, with structure or
as the published wording. Prints the Markdown table kept in the README (a test
checks that the README has the current one):

    python -m tests.laporan_nyata
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import model as m
from generator.catalog import load_catalog

NYATA = Path(__file__).resolve().parent / "nyata"
SINGKAT = {
    "persyaratan": "syarat", "prosedur": "prosedur", "jangka_waktu": "waktu", "biaya": "biaya", "produk": "produk",
    "pengaduan": "aduan", "dasar_hukum": "hukum", "sarana_prasarana": "sarana", "kompetensi_pelaksana": "kompet.",
    "pengawasan_internal": "awas", "jumlah_pelaksana": "jumlah", "jaminan_pelayanan": "jaminan",
    "jaminan_keamanan": "aman", "evaluasi_kinerja": "evaluasi",
}


def cara(komp: str, v: Any) -> str:
    """'S' structure the editor added, 'T' published wording kept as text (read for
    numbers where it has them: 'T+'), '–' not in the source."""
    if v is None:
        return "–"
    if isinstance(v, m.Durasi):
        if v.bagian or v.pilihan or (v.punya_angka() and not v.teks):
            return "S"
        return "T+" if v.punya_angka() else "T"
    if isinstance(v, m.Biaya):
        return "S" if (v.tarif or v.jumlah is not None or v.rumus) else "T"
    if isinstance(v, m.Pengaduan):
        return "S" if v.saluran else "T"
    if isinstance(v, m.BaseModel):
        return "S"
    if isinstance(v, list):
        return "S" if any(not isinstance(x, str) for x in v) or komp in ("persyaratan", "prosedur") and len(v) > 1 \
            else "T"
    return "T"


def baris() -> list[tuple[str, str, list[str]]]:
    out = []
    for root in sorted(p for p in NYATA.iterdir() if (p / "_instansi.yaml").is_file()):
        cat = load_catalog(root)
        s = cat.services[0]
        out.append((root.name, s.unit.data.nama, [cara(k, getattr(s.data, k)) for k in m.KOMPONEN]))
    return out


def tabel() -> str:
    kepala = ["standar", "unit"] + [SINGKAT[k] for k in m.KOMPONEN]
    rows = ["| " + " | ".join(kepala) + " |", "|" + "---|" * len(kepala)]
    jumlah = {"S": 0, "T": 0, "T+": 0, "–": 0}
    for slug, unit, cs in baris():
        rows.append("| " + " | ".join([f"`{slug}`", unit, *cs]) + " |")
        for c in cs:
            jumlah[c] += 1
    ada = jumlah["S"] + jumlah["T"] + jumlah["T+"]
    rows.append("")
    rows.append(
        f"Of {ada} components present: {jumlah['S']} with structure ({round(100 * jumlah['S'] / ada)}%), "
        f"{jumlah['T'] + jumlah['T+']} as the published wording ({round(100 * (jumlah['T'] + jumlah['T+']) / ada)}%; "
        f"{jumlah['T+']} of them durations read for their numbers); {jumlah['–']} components absent from the sources."
    )
    return "\n".join(rows)


if __name__ == "__main__":  # pragma: no cover
    print(tabel())
