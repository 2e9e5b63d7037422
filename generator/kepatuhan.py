"""`standar periksa`: a unit's compliance self-check, before the auditors come.

What the Ombudsman RI's yearly compliance assessment and KemenPANRB's evaluation look at,
computed from the data: each of the six public components present and published in both
forms (a page, and a poster), the eight internal components, a signed maklumat, services
for vulnerable groups, complaint channels with SP4N-LAPOR! and response times, a decree, a
review within its period, a Forum Konsultasi Publik record, a satisfaction survey (SKM)
result for the last period, and the vision, mission and motto. Each item says what is
missing, where (file and key) and how to write it, always "if your decree or practice has
it": the check never asks anyone to invent a fact.

The score (0–100) weighs the items as ``BOBOT`` says; it is our own self-check, not the
official Ombudsman score. An item that could not be checked (posters, unless asked for) is
left out of the score, and the output says how much weight was checked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from . import model as m
from . import tampilan
from .catalog import UNIT_FILE, Catalog, Service, UnitNode, jadwal_tinjau
from .findings import md_aman, visible

#: (key, title, weight): the weights add up to 100.
BOBOT: tuple[tuple[str, str, int], ...] = (
    ("komponen-publik", "Enam komponen yang diumumkan kepada warga ada di setiap layanan", 25),
    ("dua-bentuk", "Standar diterbitkan dalam dua bentuk: halaman web dan poster cetak", 10),
    ("komponen-internal", "Delapan komponen pengelolaan (internal) ada di setiap layanan", 10),
    ("maklumat", "Maklumat pelayanan dengan nama pejabat penanda tangan", 10),
    ("kelompok-rentan", "Pelayanan khusus bagi penyandang disabilitas, lansia, ibu hamil, dan anak", 10),
    ("pengaduan", "Pengaduan melalui SP4N-LAPOR! dengan waktu penyelesaiannya", 10),
    ("penetapan", "Standar ditetapkan dengan keputusan (nomor)", 5),
    ("peninjauan", "Standar ditinjau dalam periodenya", 5),
    ("fkp", "Catatan Forum Konsultasi Publik", 5),
    ("skm", "Hasil survei kepuasan masyarakat (SKM) periode terakhir", 5),
    ("visi-misi-moto", "Visi, misi, dan moto pelayanan", 5),
)
assert sum(b for _k, _j, b in BOBOT) == 100

#: Whole words that say a vulnerable group is served (in pelayanan_khusus text or facility tags).
KELOMPOK_RENTAN = {
    "penyandang disabilitas": re.compile(r"\b(disabilitas|difabel|berkebutuhan khusus|kursi roda|tuna ?(netra|rungu|"
                                         r"wicara|daksa|grahita))\b"),
    "lansia": re.compile(r"\b(lansia|lanjut usia)\b"),
    "ibu hamil": re.compile(r"\b(ibu hamil|hamil)\b"),
    "anak": re.compile(r"\b(anak(?! tangga)|balita|laktasi|menyusui|ruang bermain)\b"),
}


@dataclass
class Kekurangan:
    berkas: str  # the file to edit, as the command line names it
    kunci: str  # the key to write ("" for the file as a whole)
    pesan: str  # what is missing, and how to write it when the decree or practice has it
    relatif: str = ""  # the file within the standards folder (what the public page says)


@dataclass
class Butir:
    kunci: str
    judul: str
    bobot: int
    nilai: Optional[float]  # 0..1 fulfilled; None: not checked
    rincian: str  # "14 dari 15 layanan", "3 dari 4 kelompok"
    kurang: list[Kekurangan] = field(default_factory=list)

    @property
    def status(self) -> str:
        """"ya" (met), "kurang" (not fully met) or "tidak diperiksa"."""
        return "tidak diperiksa" if self.nilai is None else ("ya" if self.nilai >= 1 else "kurang")

    @property
    def label_status(self) -> str:
        """The status in words, for the public page."""
        return {"ya": "Terpenuhi", "kurang": "Belum lengkap", "tidak diperiksa": "Tidak diperiksa"}[self.status]


@dataclass
class HasilUnit:
    id: str
    nama: str
    url: str
    layanan: int
    butir: list[Butir]

    @property
    def bobot_diperiksa(self) -> int:
        return sum(b.bobot for b in self.butir if b.nilai is not None)

    @property
    def belum_lengkap(self) -> list[Butir]:
        return [b for b in self.butir if b.status == "kurang"]

    @property
    def skor(self) -> float:
        """0–100 over the items that were checked."""
        d = self.bobot_diperiksa
        return round(sum(b.bobot * b.nilai for b in self.butir if b.nilai is not None) / d * 100, 1) if d else 0.0


def _pecahan(ya: int, dari: int) -> Optional[float]:
    return ya / dari if dari else None


def _berkas_asal(s: Service, komp: str) -> str:
    """The file a service's component comes from: its own, or the unit it inherits it from."""
    asal = s.origin.get(komp)
    return next((u.file for u in s.unit.chain() if u.id == asal), s.file)


def _rantai(unit: UnitNode, ambil: Any) -> Optional[UnitNode]:
    return next((u for u in unit.chain() if ambil(u.data)), None)


def periksa_unit(unit: UnitNode, today: dt.date, poster: Optional[dict[str, bool]] = None) -> HasilUnit:
    """The checklist of one unit and its services (its bidang included). ``poster``: for each
    service slug, whether its poster could be printed; None when posters were not checked."""
    layanan = unit.all_services()
    n = len(layanan)
    butir: dict[str, Butir] = {k: Butir(k, j, b, None, "") for k, j, b in BOBOT}

    # 1. The six public components, and 3. the eight internal ones (inherited ones count).
    for kunci, daftar in (("komponen-publik", m.KOMPONEN_PUBLIK), ("komponen-internal", m.KOMPONEN_INTERNAL)):
        ada, kurang = 0, []
        for s in layanan:
            hilang = [k for k in daftar if getattr(s.data, k) is None]
            ada += len(daftar) - len(hilang)
            if hilang:
                kurang.append(Kekurangan(s.file, ", ".join(f"{k}:" for k in hilang),
                                         f"{s.data.nama}: tidak ada {m.daftar_kalimat([m.LABEL_KOMPONEN[k].lower() for k in hilang], 'dan')}. "
                                         "Bila keputusan standar Anda memuatnya, tulis di berkas layanan (atau di bawaan: "
                                         "_unit.yaml bila berlaku untuk semua layanan unit)."))
        lengkap = sum(1 for s in layanan if all(getattr(s.data, k) is not None for k in daftar))
        butir[kunci].nilai = _pecahan(ada, len(daftar) * n)
        butir[kunci].rincian = f"{lengkap} dari {n} layanan lengkap"
        butir[kunci].kurang = kurang

    # 2. Both forms: every service has a page; its poster is checked only when asked.
    b = butir["dua-bentuk"]
    if poster is None:
        b.rincian = "halaman web: semua layanan; poster tidak diperiksa (jalankan standar periksa --cetak)"
    else:
        tercetak = [s for s in layanan if poster.get(s.slug, True)]
        b.nilai = _pecahan(len(tercetak), n)
        b.rincian = f"{len(tercetak)} dari {n} layanan memiliki halaman web dan poster"
        b.kurang = [Kekurangan(s.file, "", f"{s.data.nama}: posternya tidak muat satu halaman, sehingga standar ini hanya "
                               "terbit di halaman web dan buku. Ringkas isinya atau tulis ringkas_poster: pada langkah dan "
                               "persyaratan yang panjang (lihat standar validate --cetak).")
                    for s in layanan if not poster.get(s.slug, True)]

    # 4. A maklumat signed by a named official (the nearest unit of the chain that has one).
    b = butir["maklumat"]
    mu = _rantai(unit, lambda d: d.maklumat)
    if mu is None:
        b.nilai, b.rincian = 0.0, "tidak ada maklumat"
        b.kurang = [Kekurangan(unit.top.file, "maklumat:", "Bila kepala unit sudah menandatangani maklumat pelayanan, "
                               "tulis isinya (teks, tempat, tanggal, penandatangan: jabatan dan nama) seperti tertulis; "
                               "bila belum, maklumat perlu disusun dan ditandatangani lebih dulu.")]
    elif not (mu.data.maklumat.penandatangan and mu.data.maklumat.penandatangan.nama):
        b.nilai, b.rincian = 0.5, "maklumat tanpa nama penanda tangan"
        b.kurang = [Kekurangan(mu.file, "maklumat.penandatangan.nama:", "Tulis nama pejabat yang menandatangani "
                               "maklumat, seperti tercantum pada maklumat yang ditandatangani.")]
    else:
        b.nilai, b.rincian = 1.0, f"ditandatangani {mu.data.maklumat.penandatangan.nama}"

    # 5. Services for vulnerable groups: in pelayanan_khusus, or facilities tagged for them.
    b = butir["kelompok-rentan"]
    teks = []
    for u in unit.chain():
        teks += list(u.data.pelayanan_khusus or [])
    sarana = m.bawaan_unit([u.data for u in unit.chain()], "sarana_prasarana")[0]
    for daftar in [sarana] + [s.data.sarana_prasarana for s in layanan]:
        teks += tampilan.sarana_rentan(daftar)
    gabung = " ".join(teks).lower()
    ada_kel = [k for k, pola in KELOMPOK_RENTAN.items() if pola.search(gabung)]
    hilang_kel = [k for k in KELOMPOK_RENTAN if k not in ada_kel]
    b.nilai = len(ada_kel) / len(KELOMPOK_RENTAN)
    b.rincian = f"{len(ada_kel)} dari {len(KELOMPOK_RENTAN)} kelompok" + (f" ({', '.join(ada_kel)})" if ada_kel else "")
    if hilang_kel:
        b.kurang = [Kekurangan(unit.file, "pelayanan_khusus:", f"Tidak disebut pelayanan khusus bagi "
                               f"{m.daftar_kalimat(hilang_kel, 'dan')}. Bila unit menyediakannya (loket prioritas, kursi "
                               "roda, ruang laktasi, ruang bermain anak), tulis di pelayanan_khusus: atau tandai sarananya "
                               "dengan kelompok_rentan:.")]

    # 6. Complaints: SP4N-LAPOR! among the channels, and the time to resolve a complaint.
    b = butir["pengaduan"]
    skor_p, kurang = 0, []
    for s in layanan:
        p = s.data.pengaduan
        lapor = bool(p and p.punya_lapor())
        waktu = bool(p and p.waktu_penyelesaian)
        skor_p += lapor + waktu
        hilang = ([] if lapor else ["saluran SP4N-LAPOR!"]) + ([] if waktu else ["waktu penyelesaian pengaduan"])
        if hilang:
            kurang.append(Kekurangan(_berkas_asal(s, "pengaduan"), "pengaduan:", f"{s.data.nama}: tidak ada {' dan '.join(hilang)}. Bila unit terhubung "
                                     "ke SP4N-LAPOR!, tambahkan saluran jenis: sp4n_lapor; bila standar menyebut waktu "
                                     "penyelesaian pengaduan, tulis waktu_penyelesaian:."))
    b.nilai = _pecahan(skor_p, 2 * n)
    b.rincian = f"{sum(1 for s in layanan if s.data.pengaduan and s.data.pengaduan.punya_lapor())} dari {n} layanan " \
                "dengan SP4N-LAPOR!"
    b.kurang = kurang

    # Drafts (not adopted yet) and revoked standards have no decree, FKP or review to show.
    berlaku = [s for s in layanan if s.data.status not in (m.Status.rancangan, m.Status.dicabut)]

    # 7. A decree with its number.
    b = butir["penetapan"]
    ok = [s for s in berlaku if s.data.penetapan and s.data.penetapan.nomor]
    b.nilai, b.rincian = _pecahan(len(ok), len(berlaku)), f"{len(ok)} dari {len(berlaku)} layanan yang berlaku"
    b.kurang = [Kekurangan(s.file, "penetapan:", f"{s.data.nama}: nomor keputusan penetapan tidak ada. Tulis nomor "
                           "keputusan yang menetapkan standar ini (penetapan: nomor:), bila sudah ditetapkan.")
                for s in berlaku if s not in ok]

    # 8. A review within its period (from the dates written: none, nothing to count on).
    b = butir["peninjauan"]
    tepat, kurang = 0, []
    for s in berlaku:
        j = jadwal_tinjau(s.data, s.unit)
        if j is not None and j.jatuh >= today:
            tepat += 1
        elif j is None:
            kurang.append(Kekurangan(s.file, "peninjauan:", f"{s.data.nama}: tidak ada tanggal penetapan atau peninjauan, "
                                     "sehingga jadwal peninjauannya tidak dapat dihitung. Bila standar sudah ditinjau, "
                                     "tulis peninjauan: terakhir: dengan tanggalnya."))
        else:
            kurang.append(Kekurangan(s.file, "peninjauan:", f"{s.data.nama}: peninjauan jatuh tempo {m.tanggal_id(j.jatuh)}. "
                                     "Setelah standar ditinjau, tulis peninjauan: terakhir: dengan tanggalnya."))
    b.nilai, b.rincian, b.kurang = _pecahan(tepat, len(berlaku)), f"{tepat} dari {len(berlaku)} layanan", kurang

    # 9. Forum Konsultasi Publik.
    b = butir["fkp"]
    ok = [s for s in berlaku if s.data.fkp]
    b.nilai, b.rincian = _pecahan(len(ok), len(berlaku)), f"{len(ok)} dari {len(berlaku)} layanan yang berlaku"
    b.kurang = [Kekurangan(s.file, "fkp:", f"{s.data.nama}: tidak ada catatan Forum Konsultasi Publik. Bila standar "
                           "dibahas dalam FKP, tulis fkp: dengan tanggal dan nomor berita acaranya (di _unit.yaml bila "
                           "satu forum membahas semua layanan unit).") for s in berlaku if s not in ok]

    # 10. SKM: a result for last year or this one.
    b = butir["skm"]
    # The unit's survey, or its services' own (a unit may survey service by service).
    su = _rantai(unit, lambda d: d.skm and d.skm.hasil)
    semua_hasil = list(su.data.skm.hasil) if su else []
    semua_hasil += [h for s in layanan if s.data.skm for h in s.data.skm.hasil]
    tahun = max((h.tahun for h in semua_hasil), default=0)
    if tahun >= today.year - 1:
        b.nilai, b.rincian = 1.0, f"hasil SKM {tahun}"
    else:
        b.nilai = 0.0
        b.rincian = f"hasil terakhir {tahun}" if tahun else "tidak ada hasil SKM"
        b.kurang = [Kekurangan(unit.top.file, "skm:", f"Tidak ada hasil SKM tahun {today.year - 1} atau "
                               f"{today.year}. Bila unit sudah melaksanakan survei, tulis hasilnya dari laporan SKM "
                               "(skm: hasil: tahun, responden, unsur U1–U9). Permenpan RB 14/2017 meminta survei "
                               "sekurang-kurangnya sekali setahun.")]

    # 11. Vision, mission and motto.
    b = butir["visi-misi-moto"]
    ada = {k: _rantai(unit, lambda d, k=k: getattr(d, k)) is not None for k in ("visi", "misi", "moto")}
    b.nilai, b.rincian = sum(ada.values()) / 3, ", ".join(k for k, v in ada.items() if v) or "tidak ada"
    hilang = [k for k, v in ada.items() if not v]
    if hilang:
        b.kurang = [Kekurangan(unit.top.file, ", ".join(f"{k}:" for k in hilang),
                               f"Tidak ada {m.daftar_kalimat(hilang, 'dan')} pelayanan. Bila unit menetapkannya, tulis di "
                               "_unit.yaml.")]
    # The public page names files within the standards folder, not as the command line sees them.
    peta = {s.file: s.rel_path for s in layanan}
    for u in {u for s in layanan for u in s.unit.chain()} | set(unit.chain()):
        peta[u.file] = f"{u.id}/{UNIT_FILE}"
    for b in butir.values():
        for k in b.kurang:
            k.relatif = peta.get(k.berkas, k.berkas)
    if not n:  # a unit without services of its own: only its own items count
        for k in ("komponen-publik", "komponen-internal", "dua-bentuk", "pengaduan", "penetapan", "peninjauan", "fkp"):
            butir[k].nilai, butir[k].rincian, butir[k].kurang = None, "tidak ada layanan", []
    return HasilUnit(unit.id, unit.data.nama, unit.url, n, list(butir.values()))


def periksa(cat: Catalog, unit_ids: Optional[list[str]] = None,
            poster: Optional[dict[str, bool]] = None) -> list[HasilUnit]:
    """Every unit (or those named) in the catalogue's order."""
    units = cat.all_units()
    if unit_ids:
        units = [u for u in units if u.id in unit_ids]
    return [periksa_unit(u, cat.today, poster) for u in units]


# -- output -------------------------------------------------------------------------------

KETERANGAN = ("Skor ini pemeriksaan mandiri dari data standar pelayanan, dengan bobot yang disebut untuk setiap "
              "butir; bukan nilai resmi Ombudsman RI atau KemenPANRB.")


def fmt_skor(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def teks(hasil: list[HasilUnit], today: dt.date) -> str:
    out = []
    for h in hasil:
        out.append(visible(f"Kepatuhan standar pelayanan: {h.nama} ({h.layanan} layanan), dihitung {m.tanggal_id(today)}"))
        out.append(f"Skor {fmt_skor(h.skor)} dari 100" + (f" (dari butir berbobot {h.bobot_diperiksa} yang diperiksa)"
                                                         if h.bobot_diperiksa < 100 else ""))
        for b in h.butir:
            out.append(visible(f"  [{b.status}] {b.judul} (bobot {b.bobot}): {b.rincian}"))
            for k in b.kurang:
                out.append(visible(f"      - {k.berkas}" + (f" ({k.kunci})" if k.kunci else "") + f": {k.pesan}"))
        out.append("")
    out.append(KETERANGAN)
    return "\n".join(out) + "\n"


def json_teks(hasil: list[HasilUnit], today: dt.date) -> str:
    return json.dumps({
        "dihitung": today.isoformat(),
        "keterangan": KETERANGAN,
        "bobot": [{"kunci": k, "judul": j, "bobot": b} for k, j, b in BOBOT],
        "unit": [{**{k: v for k, v in asdict(h).items()}, "skor": h.skor, "bobot_diperiksa": h.bobot_diperiksa}
                 for h in hasil],
    }, ensure_ascii=True, indent=2) + "\n"


def markdown(hasil: list[HasilUnit], today: dt.date) -> str:
    out = [f"## Kepatuhan standar pelayanan (dihitung {m.tanggal_id(today)})", ""]
    for h in hasil:
        out += [f"### {md_aman(h.nama)}: {fmt_skor(h.skor)} dari 100", "", "| Butir | Bobot | Hasil |", "|---|---:|---|"]
        for b in h.butir:
            out.append(f"| {md_aman(b.judul)} | {b.bobot} | {b.status}: {md_aman(b.rincian)} |")
        kurang = [k for b in h.butir for k in b.kurang]
        if kurang:
            out += ["", "Yang perlu dilengkapi:", ""]
            out += [f"- {md_aman(k.berkas)}" + (f" ({md_aman(k.kunci)})" if k.kunci else "") + f": {md_aman(k.pesan)}"
                    for k in kurang]
        out.append("")
    out.append(md_aman(KETERANGAN))
    return "\n".join(out) + "\n"
