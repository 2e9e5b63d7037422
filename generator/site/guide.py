"""The staff guide's field reference, generated from the model's JSON Schema.

Every key, whether it is required, what it holds, its choices and its example
come from the pydantic model (``model_json_schema``): when a field changes in
``generator/model/``, the guide changes with it. Nothing here restates a field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Optional

import yaml

from .. import model as m
from ..schema import json_schema

BERKAS = (
    ("layanan", m.Layanan, "Berkas layanan", "standards/<unit>/<nama-layanan>.yaml",
     "Satu berkas untuk setiap layanan. Nama berkas menjadi alamat halamannya: huruf kecil, angka, dan tanda "
     "hubung saja (bukan index atau maklumat)."),
    ("unit", m.Unit, "Profil unit", "standards/<unit>/_unit.yaml",
     "Satu berkas untuk setiap unit (OPD) atau bidang. Isi di bawah bawaan: diwarisi semua layanan unit itu. "
     "Nama folder unit menjadi alamat halamannya: huruf kecil, angka, dan tanda hubung saja (bukan index)."),
    ("instansi", m.Instansi, "Identitas pemerintah daerah", "standards/_instansi.yaml",
     "Satu berkas untuk seluruh situs."),
)


class _Dumper(yaml.SafeDumper):
    """Quotes every string YAML 1.1 could misread (times, dates, numbers, yes/no)."""


_RAGU = re.compile(r"^([-+0-9.:, ]+|y|n|yes|no|on|off|true|false|null|~)$", re.IGNORECASE)


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = '"' if _RAGU.match(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)

# Display names of nested objects whose class name is an acronym.
_NAMA_KHUSUS = {"Fkp": "FKP (Forum Konsultasi Publik)"}


@dataclass
class Kolom:
    kunci: str
    wajib: bool
    jenis: str
    uraian: str
    contoh: Optional[str] = None
    bawaan: Optional[str] = None
    pilihan: list[str] = field(default_factory=list)
    rujukan: list[tuple[str, str]] = field(default_factory=list)  # (judul, anchor)
    # For the 14 components: they may be written in the service file or inherited from
    # the unit's bawaan:, so the schema marks them optional; the catalog requires them.
    warisan: Optional[str] = None  # "wajib" (public) | "perlu" (internal) | None


@dataclass
class Bagian:
    ident: str
    judul: str
    berkas: Optional[str]
    pengantar: Optional[str]
    kolom: list[Kolom]
    sama_dengan: Optional[tuple[str, str]] = None  # (judul, anchor) of a section with the same keys


def _nama_def(name: str) -> str:
    """'ItemPersyaratan' -> 'Item persyaratan'."""
    if name in _NAMA_KHUSUS:
        return _NAMA_KHUSUS[name]
    kata = re.findall(r"[A-Z][a-z]*|[a-z]+", name.lstrip("_"))
    s = " ".join(kata).lower()
    return s[:1].upper() + s[1:]


def _anchor(name: str) -> str:
    return "rincian-" + re.sub(r"[^a-z0-9]+", "-", _nama_def(name).lower()).strip("-")


class _Pembaca:
    def __init__(self, schema: dict[str, Any]):
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.dipakai: dict[str, str] = {}  # object defs referenced, name -> first field that uses it

    def ref(self, r: str) -> tuple[str, dict[str, Any]]:
        name = r.rsplit("/", 1)[-1]
        return name, self.defs[name]

    def is_enum(self, s: dict[str, Any]) -> bool:
        return "enum" in s and s.get("type") in ("string", None)

    def jenis(self, s: dict[str, Any], kunci: str, out: Kolom) -> str:
        """Human description of a schema's type; records enums and nested objects on ``out``."""
        if "$ref" in s:
            name, d = self.ref(s["$ref"])
            if self.is_enum(d):
                out.pilihan.extend(str(v) for v in d["enum"])
                return "salah satu pilihan"
            self.dipakai.setdefault(name, kunci)
            out.rujukan.append((_nama_def(name), _anchor(name)))
            return f"rincian {_nama_def(name).lower()}"
        for key in ("anyOf", "oneOf"):
            if key in s:
                parts = [p for p in s[key] if p.get("type") != "null"]
                # ya/tidak: boolean or the words.
                if any(p.get("enum") == ["ya", "tidak"] for p in parts):
                    return "ya/tidak"
                kinds = []
                for p in parts:
                    k = self.jenis(p, kunci, out)
                    if k not in kinds:
                        kinds.append(k)
                return " atau ".join(kinds)
        if self.is_enum(s):
            out.pilihan.extend(str(v) for v in s["enum"])
            return "salah satu pilihan"
        t = s.get("type")
        if t == "array":
            inner = self.jenis(s.get("items", {}), kunci, out)
            return f"daftar ({inner})" if " atau " in inner else f"daftar {inner}"
        if t == "string":
            if s.get("format") == "date":
                return "tanggal (TTTT-BB-HH)"
            if s.get("format") == "uri":
                return "alamat web (https://…)"
            if s.get("pattern") == r"^\d{2}:\d{2}$":
                return "jam (\"JJ:MM\", dalam tanda kutip)"
            return "teks"
        if t == "integer":
            return "bilangan bulat"
        if t == "number":
            return "angka"
        if t == "boolean":
            return "ya/tidak"
        if t == "object":
            return "rincian"
        return "teks"

    def uraian(self, s: dict[str, Any]) -> str:
        if s.get("description"):
            return s["description"]
        for key in ("anyOf", "oneOf"):
            for p in s.get(key, []):
                if p.get("description"):
                    return p["description"]
        return ""

    def contoh(self, kunci: str, s: dict[str, Any], tanggal: bool = False) -> Optional[str]:
        ex = s.get("examples")
        if not ex:
            for key in ("anyOf", "oneOf"):
                for p in s.get(key, []):
                    if p.get("examples"):
                        ex = p["examples"]
                        break
        if not ex:
            return None
        nilai = ex[0]
        if tanggal and isinstance(nilai, str):
            nilai = dt.date.fromisoformat(nilai)  # shown as staff write it: unquoted
        return yaml.dump(
            {kunci: nilai}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=88
        ).rstrip()

    def kolom(self, obj: dict[str, Any]) -> list[Kolom]:
        wajib = set(obj.get("required", []))
        out = []
        for kunci, s in obj.get("properties", {}).items():
            k = Kolom(kunci=kunci, wajib=kunci in wajib, jenis="", uraian=self.uraian(s))
            k.jenis = self.jenis(s, kunci, k)
            k.contoh = self.contoh(kunci, s, tanggal=k.jenis.startswith("tanggal"))
            if "default" in s and s["default"] not in (None, [], {}) and kunci not in wajib:
                d = s["default"]
                k.bawaan = ("ya" if d else "tidak") if isinstance(d, bool) else str(d)
            out.append(k)
        return out


# For each component: one wording seen in a real published standard (the corpus in
# tests/nyata/, with its source), and how to write it. The snippets are checked by
# tests against the model, so the guide never shows a form the validator refuses.
CONTOH_NYATA: dict[str, tuple[str, str, str]] = {
    "persyaratan": (
        "BPJS: FC KK, FC KTP, FC Kartu BPJS, Kartu Berobat; UMUM: FC KTP, FC KK, Kartu berobat",
        "RSUD Ciamis, Pelayanan IGD Triage",
        "persyaratan:\n  - kelompok: BPJS\n    daftar: [FC KK, FC KTP, FC Kartu BPJS, Kartu Berobat]\n"
        "  - kelompok: UMUM\n    daftar: [FC KTP, FC KK, Kartu berobat]",
    ),
    "prosedur": (
        "Pemohon informasi dapat menyampaikan permohonan informasi ...; Melakukan registrasi berkas permohonan "
        "informasi publik",
        "Pemerintah Kota Pematangsiantar (SIPPN), Permohonan Informasi Publik",
        "prosedur:\n  - pelaksana: Pemohon informasi\n    uraian: dapat menyampaikan permohonan informasi ...\n"
        "  - Melakukan registrasi berkas permohonan informasi publik   # tanpa pelaksana: kalimatnya saja",
    ),
    "jangka_waktu": (
        "3 (tiga) hari",
        "Dinas Sosial Kabupaten Indragiri Hilir",
        "jangka_waktu: 3 (tiga) hari   # seperti tertulis; 'hari' tanpa kerja/kalender diterima (peringatan)",
    ),
    "biaya": (
        "Retribusi dipungut Berdasarkan Peraturan Daerah",
        "Pemerintah Kota Metro (SIPPN), Persetujuan Bangunan Gedung",
        "biaya: Retribusi dipungut Berdasarkan Peraturan Daerah   # tanpa angka pun boleh",
    ),
    "produk": (
        "Pembuatan Kartu Anggota Perpustakaan; Perpanjangan Kartu Anggota",
        "Pemerintah Kabupaten Agam (SIPPN), Keanggotaan Perpustakaan",
        "produk:\n  - Pembuatan Kartu Anggota Perpustakaan\n  - Perpanjangan Kartu Anggota",
    ),
    "pengaduan": (
        "Instagram: dkipbulungan; SPAN Lapor: lapor.go.id",
        "Diskominfo Kabupaten Bulungan, Pengelolaan Sistem Informasi",
        "pengaduan:\n  saluran:\n    - jenis: media_sosial\n      platform: Instagram\n      nilai: dkipbulungan\n"
        "    - jenis: sp4n_lapor\n      label: SPAN Lapor\n      nilai: lapor.go.id\n"
        "    - jenis: kotak_saran   # tanpa nilai bila standar tidak menyebut letaknya",
    ),
    "dasar_hukum": (
        "Undang-undang No. 25 Tahun 2009 tentang Pelayanan Publik.",
        "Diskominfo Kabupaten Bulungan",
        "dasar_hukum:\n  - Undang-undang No. 25 Tahun 2009 tentang Pelayanan Publik.",
    ),
    "sarana_prasarana": (
        "Instalasi Gawat Darurat ... memiliki fasilitas yang terdiri dari : 1 Ruang Triage ...",
        "RSUD Ciamis, Pelayanan IGD Triage",
        "sarana_prasarana:\n  - nama: \"Instalasi Gawat Darurat ... memiliki fasilitas yang terdiri dari :\"\n"
        "    rincian:\n      - 1 Ruang Triage",
    ),
    "kompetensi_pelaksana": (
        "Memiliki pengetahuan di bidang pengelolaan server dan jaringan internet",
        "Diskominfo Kabupaten Bulungan",
        "kompetensi_pelaksana:\n  - Memiliki pengetahuan di bidang pengelolaan server dan jaringan internet",
    ),
    "pengawasan_internal": (
        "Kegiatan Audit Mutu Internal ISO 9001:2015",
        "Diskominfo Kabupaten Bulungan",
        "pengawasan_internal:\n  - \"Kegiatan Audit Mutu Internal ISO 9001:2015\"   # tanda kutip: ada titik dua",
    ),
    "jumlah_pelaksana": (
        "... dilakukan 2 orang perawat dan 1 orang dokter . 2 orang petugas administrasi ...",
        "RSUD Ciamis, Pelayanan IGD Triage",
        "jumlah_pelaksana: \"... dilakukan 2 orang perawat dan 1 orang dokter . 2 orang petugas administrasi ...\"\n"
        "# jangan menjumlahkan sendiri; rincian per jabatan boleh ditambahkan bila standar memuatnya",
    ),
    "jaminan_pelayanan": (
        "Adanya SPM; Adanya SPO; Sarana dan Prasarana Pendukung",
        "RSUD Ciamis, Pelayanan IGD Triage",
        "jaminan_pelayanan:\n  - Adanya SPM\n  - Adanya SPO\n  - Sarana dan Prasarana Pendukung",
    ),
    "jaminan_keamanan": (
        "CCTV di area publik.",
        "BBPPMPV Seni dan Budaya (Kemendikbudristek), Penyewaan Fasilitas",
        "jaminan_keamanan:\n  - CCTV di area publik.",
    ),
    "evaluasi_kinerja": (
        "Evaluasi kinerja pelaksana dilaksanakan secara berkala berdasarkan evaluasi internal,hasil IKM, dan kotak "
        "kepuasan pasien.",
        "RSUD Ciamis, Pelayanan IGD Triage",
        "evaluasi_kinerja: Evaluasi kinerja pelaksana dilaksanakan secara berkala berdasarkan evaluasi internal,hasil "
        "IKM, dan kotak kepuasan pasien.",
    ),
}


def contoh_nyata() -> list[dict[str, str]]:
    """The table of the guide's 'copy a published standard' section, in legal order."""
    return [
        {"kunci": k, "label": m.LABEL_KOMPONEN[k], "tertulis": t, "sumber": src, "yaml": y}
        for k in m.KOMPONEN
        for (t, src, y) in [CONTOH_NYATA[k]]
    ]


def panduan() -> list[Bagian]:
    """Sections: the three kinds of file, then every nested object they use."""
    bagian: list[Bagian] = []
    semua_defs: dict[str, Any] = {}
    pembaca_all = []
    for ident, cls, judul, berkas, pengantar in BERKAS:
        schema = json_schema(cls)
        p = _Pembaca(schema)
        kolom = p.kolom(schema)
        if cls is m.Layanan:
            # What the service is first, then the 14 components in their legal order.
            kolom = [k for k in kolom if k.kunci not in m.KOMPONEN] + sorted(
                (k for k in kolom if k.kunci in m.KOMPONEN), key=lambda k: m.KOMPONEN.index(k.kunci)
            )
            for k in kolom:
                if k.kunci in m.KOMPONEN_PUBLIK:
                    k.warisan = "wajib"
                elif k.kunci in m.KOMPONEN_INTERNAL:
                    k.warisan = "perlu"
        bagian.append(Bagian(f"berkas-{ident}", judul, berkas, pengantar, kolom))
        pembaca_all.append(p)
        semua_defs.update(p.defs)
    # Nested objects, breadth-first in order of first use, each once.
    p = _Pembaca({"$defs": semua_defs})
    antre = []
    for q in pembaca_all:
        for name in q.dipakai:
            if name not in antre:
                antre.append(name)
    i = 0
    while i < len(antre):
        name = antre[i]
        i += 1
        d = semua_defs[name]
        if d.get("type") != "object" and "properties" not in d:
            continue
        kunci = set(d.get("properties", {}))
        # A set of keys already explained (unit defaults = the service components;
        # an extension period = a duration) is referred to, not repeated.
        induk = next((b for b in bagian if kunci and kunci <= {k.kunci for k in b.kolom}), None)
        if induk is not None:
            bagian.append(Bagian(_anchor(name), _nama_def(name), None, None, [], (induk.judul, induk.ident)))
            continue
        kol = p.kolom(d)
        for baru in list(p.dipakai):
            if baru not in antre:
                antre.append(baru)
        bagian.append(Bagian(_anchor(name), _nama_def(name), None, None, kol))
    return bagian
