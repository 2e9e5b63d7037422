"""Search: Indonesian stems and synonyms for the static (lunr) search index.

lunr has no Indonesian stemmer, and the search runs in the browser on a
prebuilt index. So the work is done here, at build time: every service gets a
hidden keyword field (``kata``) holding

- the service's own ``sinonim`` from YAML ("akta lahir", "ktp"),
- a few general synonyms of government vocabulary (``SINONIM_UMUM``: a citizen
  types "izin", the standard says "persetujuan"),
- the stems and affix-stripped forms of the words in the name, summary,
  synonyms, category and products ("kelahiran" -> "lahir", "pelayanan" ->
  "layanan", "layan"),
- everyday verbs for what the citizen wants to do (``KATA_KERJA``: "bikin",
  "urus", "ganti", "perpanjang", "lapor") and common misspellings ("akte",
  "ijin"), added where the official words they stand for are present;
- hyphenated short forms written together ("e-KTP" -> "ektp").

The browser search appends a wildcard to every typed term, so a query matches
any indexed word it is a prefix of; the forms above make the everyday word a
prefix of something indexed. The field is indexed but never displayed.

Material splits the indexed text and the typed query into words with one
separator (``SEPARATOR``); its default for Indonesian splits only on spaces and
hyphens, so an acronym in brackets ("(NIB)") or before a comma stayed glued to
its punctuation. :func:`gabung_indeks` replaces that default with one that
splits on punctuation too.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

# Field name of the hidden keywords, and its boost relative to text (1) and title (1000).
# A synonym the staff wrote ("website opd") is nearly as telling as a word of the name:
# at 60 one common title word ("Dinas") outweighed three keyword matches.
FIELD = "kata"
BOOST = 150.0
# Document boost (Material's per-entry ``boost``) of the complaints page: "lapor" and
# "mengadu" lead there first, not to a service whose synonyms say "lapor kebakaran".
BOOST_PENGADUAN = 2.0

# Everyday word(s) -> official vocabulary. Read as: a text containing any word
# on the right is also found by the words on the left.
SINONIM_UMUM: dict[str, tuple[str, ...]] = {
    "pelayanan": ("layanan",),
    "izin": ("persetujuan", "perizinan", "rekomendasi", "pengesahan"),
    "akte": ("akta",),
    "lahir": ("kelahiran",),
    "mati": ("kematian",),
    "nikah": ("perkawinan", "pernikahan"),
    "cerai": ("perceraian",),
    "pindah": ("kepindahan", "perpindahan"),
    "ktp": ("ktp-el", "e-ktp"),
    "kk": ("keluarga",),
    "imb": ("bangunan",),
    "rumah": ("bangunan", "hunian"),
    "usaha": ("berusaha", "perdagangan", "toko"),
    "sakit": ("kesehatan", "puskesmas", "rumah sakit"),
    "surat": ("keterangan",),
    "gratis": ("tidak dipungut biaya",),
    "online": ("daring",),
    "bayar": ("retribusi", "tarif", "biaya"),
    "sekolah": ("pendidikan",),
    "kerja": ("ketenagakerjaan", "tenaga kerja"),
    # Common misspellings and everyday names.
    "ijin": ("izin", "perizinan", "persetujuan"),
    "sertipikat": ("sertifikat",),
    "meninggal": ("kematian",),
    "email imel": ("e-mail", "surel"),
    "website": ("situs", "laman"),
}

# Everyday verbs: what a citizen types for what they want done -> the official
# words (nouns of the service name, summary, products or synonyms) that say it.
# A key may hold several everyday words.
KATA_KERJA: dict[str, tuple[str, ...]] = {
    "bikin buat urus": ("penerbitan", "pembuatan", "pendaftaran", "pencatatan", "perekaman"),
    "urus": ("persetujuan", "perizinan", "permohonan", "pengajuan", "pemakaian", "penayangan"),
    "ganti ubah": ("penggantian", "perubahan", "pembaruan", "hilang", "rusak", "berubah"),
    "perpanjang": ("perpanjangan", "diperpanjang", "pembaruan"),
    "daftar": ("pendaftaran", "perekaman", "registrasi"),
    "minta ajukan": ("permohonan", "permintaan", "pengajuan"),
    "pasang": ("penayangan", "pemasangan"),
    "sewa pinjam pakai": ("pemakaian", "peminjaman", "penyewaan"),
    "lapor laporan melapor mengadu adu komplain keluhan": ("pengaduan",),
}

# How Material splits text and queries into words: whitespace, hyphens, brackets and
# other punctuation; a dot only when no digit follows ("go.id" but "Rp10.000", "1.5");
# the character references of escaped text ("&amp;"). Written to mean the same in
# JavaScript (where the browser uses it) and Python (where the tests read it).
SEPARATOR = r"""[\s\-,;:!?=\[\](){}"'`/\\|]+|\.(?!\d)|&(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);"""
# Material's default for languages without their own (Indonesian among them).
SEPARATOR_BAWAAN = r"[\s\-]+"

STOP = frozenset(
    "dan atau yang di ke dari untuk dengan pada dalam oleh bagi serta agar ini itu tersebut "
    "sebagai atas bila jika akan telah sudah dapat harus tidak ada para per".split()
)

_KATA = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_PARTIKEL = ("lah", "kah", "tah", "pun")
_POSESIF = ("nya", "ku", "mu")
_SUFIKS = ("kan", "an", "i")
_MIN_AKAR = 4


def _akhiran(w: str) -> list[str]:
    """Forms of ``w`` with inflectional then derivational suffixes removed."""
    out = []
    for p in _PARTIKEL:
        if w.endswith(p) and len(w) - len(p) >= _MIN_AKAR:
            w = w[: -len(p)]
            out.append(w)
            break
    for p in _POSESIF:
        if w.endswith(p) and len(w) - len(p) >= _MIN_AKAR:
            w = w[: -len(p)]
            out.append(w)
            break
    for s in _SUFIKS:
        if w.endswith(s) and len(w) - len(s) >= _MIN_AKAR:
            # "-i" is too often part of the root ("kendali", "tani"): only strip it
            # after a consonant.
            if s == "i" and w[-2] in "aiueo":
                continue
            out.append(w[: -len(s)])
            # "-kan" may be a root ending in k plus "-an" ("kependudukan"): keep both.
            if s != "kan":
                break
    return out


def _awalan(w: str) -> list[str]:
    """Forms of ``w`` with one prefix removed, following Indonesian sound changes.

    Without a dictionary the right root is not always known ("penerbitan" may be
    pe-nerbit or pen-terbit), so every plausible candidate is returned.
    """
    out: list[str] = []
    v = "aiueo"

    def add(s: str) -> None:
        if len(s) >= _MIN_AKAR:
            out.append(s)

    if w.startswith(("di", "ke", "se")) and len(w) > 5:
        add(w[2:])
    if w.startswith(("ber", "per", "ter")):
        add(w[3:])
        if w[3:4] and w[3] in v:
            add("r" + w[3:])
    elif w.startswith(("be", "pe", "te")) and w[2:3] and w[2] not in v and w[2] not in "rmn":
        add(w[2:])
    if w.startswith(("meng", "peng")):
        rest = w[4:]
        if rest[:1] in v:
            add(rest)
            add("k" + rest)
        else:
            add(rest)
    elif w.startswith(("meny", "peny")):
        if w[4:5] in v:
            add("s" + w[4:])
    elif w.startswith(("mem", "pem")):
        rest = w[3:]
        if rest[:1] in v:
            add("p" + rest)
            add("m" + rest)
        elif rest[:1] in "bpf":
            add(rest)
    elif w.startswith(("men", "pen")):
        rest = w[3:]
        if rest[:1] in v:
            add("t" + rest)
            add("n" + rest)
        elif rest[:1] in "dcjtsz":
            add(rest)
    elif w.startswith(("me", "pe")) and w[2:3] and w[2] in "lwy":
        add(w[2:])
    return out


def bentuk_kata(word: str) -> set[str]:
    """The word plus its affix-stripped forms and stem candidates.

    >>> sorted(bentuk_kata("kelahiran"))
    ['kelahiran', 'kelahir', 'lahir', 'lahiran']
    """
    w = word.lower()
    out = {w}
    if len(w) <= _MIN_AKAR or not w.isalpha():
        return out
    for a in [w, *_akhiran(w)]:
        out.add(a)
        for b in _awalan(a):
            out.add(b)
            # A second prefix layer after di-/ke-/se-/memper-/diper- ("diperpanjang").
            for c in _awalan(b) if a[:2] in ("di", "ke", "se") or a.startswith("memper") else ():
                out.add(c)
    return {x for x in out if len(x) >= _MIN_AKAR or x == w}


def kata_dari(teks: str) -> list[str]:
    return [k for k in _KATA.findall(teks.lower()) if k not in STOP]


def kata_kunci(judul: str, teks_tampil: Iterable[str], sumber: Iterable[str], sinonim: Iterable[str]) -> str:
    """The hidden keyword field for one page.

    ``judul`` and ``teks_tampil`` are already indexed (title and text); only what
    they do not contain is added. ``sumber`` is text whose stems should be
    findable; ``sinonim`` is added verbatim. Synonyms and everyday words are
    added unless the title has them: a word only in the text weighs little.
    """
    di_judul: set[str] = set()
    for k in kata_dari(judul):
        di_judul.add(k)
        di_judul.update(k.split("-"))  # Material indexes the parts of "KTP-el"
    sudah = set(di_judul)
    for t in teks_tampil:
        for k in kata_dari(t):
            sudah.add(k)
            sudah.update(k.split("-"))
    tambah: list[str] = []
    seen: set[str] = set()

    def push(k: str, kuat: bool = False) -> None:
        if k not in seen and k not in STOP and k not in (di_judul if kuat else sudah):
            seen.add(k)
            tambah.append(k)

    for s in sinonim:
        for k in kata_dari(s):
            for part in k.split("-"):
                push(part, kuat=True)
    semua = []
    for t in [judul, *sumber, *sinonim]:
        semua.extend(kata_dari(t))
    for k in semua:
        parts = k.split("-")
        for part in parts:
            for b in sorted(bentuk_kata(part)):
                push(b)
        # A short form written together: "e-KTP" -> "ektp", "e-mail" -> "email".
        if len(parts) > 1 and min(len(p) for p in parts) <= 2:
            push("".join(parts), kuat=True)
    # General synonyms: if any official word (or its forms) is present, add the everyday one.
    hadir = sudah | seen | {b for k in semua for b in bentuk_kata(k)}
    gabung = " ".join([judul, *sumber, *sinonim]).lower()
    for umum, resmi in [*SINONIM_UMUM.items(), *KATA_KERJA.items()]:
        if any((r in hadir) if " " not in r else (r in gabung) for r in resmi):
            for u in umum.split():
                push(u, kuat=True)
    return " ".join(tambah)


def gabung_indeks(index_json: str, entri: list[dict[str, Any]], lokasi_diganti: Iterable[str] = ()) -> str:
    """Add ``entri`` to a lunr/Material search index (``search_index.json``).

    Entries whose location is in ``lokasi_diganti`` (or equal to one of the new
    entries' locations) are replaced, so repeated builds do not duplicate them.
    The hidden keyword field is declared in the index config, and Material's
    default separator is replaced by :data:`SEPARATOR` (a separator the site
    configured itself, ``plugins: - search: separator: …``, is kept).
    """
    data = json.loads(index_json)
    ganti = set(lokasi_diganti) | {e["location"] for e in entri}
    docs = [d for d in data.get("docs", []) if d.get("location", "").split("#")[0] not in ganti]
    data["docs"] = docs + entri
    fields = data.setdefault("config", {}).setdefault("fields", {})
    fields.setdefault("title", {"boost": 1000.0})
    fields.setdefault("text", {"boost": 1.0})
    fields[FIELD] = {"boost": BOOST}
    if data["config"].get("separator", SEPARATOR_BAWAAN) == SEPARATOR_BAWAAN:
        data["config"]["separator"] = SEPARATOR
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
