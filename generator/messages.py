"""Turning pydantic's validation errors into Indonesian findings.

Each message says what is wrong, what is expected, and gives an example taken
from the model's own ``examples`` (so the model stays the single source).
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from typing import Any, Optional

import typing

from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from . import model as m
from .findings import GALAT, Finding
from .yamlsafe import _fmt_path, locate


def _models_in(annotation: Any) -> set[str]:
    """Names of the models an annotation refers to (through lists, unions, Annotated)."""
    out: set[str] = set()
    if isinstance(annotation, type) and issubclass(annotation, m.Dasar):
        out.add(annotation.__name__)
    for arg in typing.get_args(annotation):
        out |= _models_in(arg)
    return out


@lru_cache(maxsize=1)
def _children() -> dict[str, set[str]]:
    """Field name -> models that field holds (e.g. 'biaya' -> {'Biaya'})."""
    out: dict[str, set[str]] = {}
    for name in _registry()[0]:
        cls = getattr(m, name, None)
        if cls is None:
            continue
        for fname, info in cls.model_fields.items():
            out.setdefault(fname, set()).update(_models_in(info.annotation))
    return out


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, set[str]], dict[tuple[str, str], Any], dict[tuple[str, str], str]]:
    """Field names of every model, and an example + description per (model, field)."""
    fields: dict[str, set[str]] = {}
    examples: dict[tuple[str, str], Any] = {}
    descriptions: dict[tuple[str, str], str] = {}

    def walk(cls: type) -> None:
        for sub in cls.__subclasses__():
            walk(sub)
        if cls is m.Dasar or not issubclass(cls, BaseModel):
            return
        fields[cls.__name__] = set(cls.model_fields)
        for name, info in cls.model_fields.items():
            if info.examples:
                examples[(cls.__name__, name)] = info.examples[0]
            if info.description:
                descriptions[(cls.__name__, name)] = info.description

    walk(m.Dasar)
    return fields, examples, descriptions


def _model_for(keys: set[str], parent_key: Optional[str] = None) -> Optional[str]:
    """Name of the model meant: among those the parent key holds, the one whose
    fields best cover the keys present in the mapping."""
    fields = _registry()[0]
    cands = [n for n in _children().get(parent_key or "", ()) if n in fields] or list(fields)
    best = max(cands, key=lambda n: (len(keys & fields[n]), -len(fields[n])))
    return best if keys & fields[best] or len(cands) == 1 else None


def _lookup(table: dict, key: str, siblings: set[str], parent_key: Optional[str] = None) -> Any:
    owner = _model_for(siblings | {key}, parent_key)
    if owner and (owner, key) in table:
        return table[(owner, key)]
    return next((v for (cls, k), v in table.items() if k == key), None)


def _contoh(key: Optional[str], siblings: set[str] = frozenset(), parent_key: Optional[str] = None) -> str:
    if not key:
        return ""
    ex = _lookup(_registry()[1], key, set(siblings), parent_key)
    if ex is None:
        return ""
    if isinstance(ex, str):
        shown = json.dumps(ex, ensure_ascii=False) if (":" in ex or ex[:1] in "0123456789") else ex
    else:
        shown = json.dumps(ex, ensure_ascii=False)
    return f" Contoh: {key}: {shown}"


def _follow(data: Any, loc: tuple) -> Any:
    """The value at ``loc`` in the plain data, skipping union tags."""
    cur = data
    for part in loc:
        if isinstance(cur, dict) and isinstance(part, str):
            if part in cur:
                cur = cur[part]
        elif isinstance(cur, list) and isinstance(part, int) and part < len(cur):
            cur = cur[part]
    return cur


def _suggest_key(bad: str, siblings: dict, parent_key: Optional[str]) -> str:
    fields = _registry()[0]
    owner = _model_for(set(siblings) - {bad}, parent_key) if parent_key or siblings else "Layanan"
    best = fields[owner] if owner else set().union(*fields.values())
    close = difflib.get_close_matches(bad.lower(), sorted(best), n=1, cutoff=0.5)
    if close:
        return f" Mungkin maksud Anda '{close[0]}'?"
    return " Kunci yang sah di sini: " + ", ".join(sorted(best)) + "."


def _jenis(v: Any) -> str:
    if isinstance(v, dict):
        return "pasangan kunci dan nilai"
    if isinstance(v, list):
        return "daftar"
    if v is None:
        return "kosong"
    return f"'{v}'"


def _message(err: dict, data: Any) -> tuple[str, str]:
    """(code, Indonesian message) for one pydantic error."""
    typ = err["type"]
    loc = err["loc"]
    keys = [p for p in loc if isinstance(p, str)]
    key = keys[-1] if keys else None
    val = err.get("input")
    ctx = err.get("ctx") or {}
    # Keys present beside the failing one tell which model it belongs to.
    parent = _follow(data, loc[: max(i for i, p in enumerate(loc) if p == key)] if key else ())
    siblings = set(parent) if isinstance(parent, dict) else set()
    pkey = keys[-2] if len(keys) > 1 else None
    ex = _contoh(key, siblings, pkey)

    if typ == "missing":
        here = _follow(data, loc[:-1])
        sib = set(here) if isinstance(here, dict) else set()
        pk = key if key != loc[-1] else pkey
        desc = _lookup(_registry()[2], str(loc[-1]), sib, pk) or ""
        return "kunci-wajib", (
            f"Kunci '{loc[-1]}' wajib diisi tetapi tidak ada." + (f" ({desc})" if desc else "")
            + _contoh(str(loc[-1]), sib, pk)
        )
    if typ == "extra_forbidden":
        parent = _follow(data, loc[:-1])
        sib = parent if isinstance(parent, dict) else {}
        bad = str(loc[-1])
        return "kunci-tidak-dikenal", f"Kunci '{bad}' tidak dikenal di sini." + _suggest_key(bad, sib, pkey)
    if typ in ("string_type",):
        return "harus-teks", f"Harus berupa teks, bukan {_jenis(val)}." + ex
    if typ in ("int_parsing", "int_type", "int_from_float"):
        if isinstance(val, str) and ("rp" in val.lower() or "." in val):
            return "harus-angka", (
                f"'{val}' harus ditulis sebagai angka saja, tanpa 'Rp', titik, atau spasi." + (ex or " Contoh: 50000")
            )
        return "harus-angka", f"Harus berupa bilangan bulat, bukan {_jenis(val)}." + ex
    if typ in ("float_parsing", "float_type"):
        return "harus-angka", f"Harus berupa angka, bukan {_jenis(val)}." + ex
    if typ in ("bool_parsing", "bool_type"):
        return "harus-ya-tidak", f"Harus 'ya' atau 'tidak', bukan {_jenis(val)}."
    if typ.startswith("date") or typ.startswith("datetime"):
        return "harus-tanggal", (
            f"{_jenis(val)} bukan tanggal yang sah. Tulis tanggal dengan format TTTT-BB-HH." + (ex or " Contoh: 2026-01-15")
        )
    if typ == "enum":
        pilihan = str(ctx.get("expected", "")).replace(" or ", ", ")
        close = difflib.get_close_matches(str(val).lower(), _enum_values(pilihan), n=1, cutoff=0.4)
        saran = f" Mungkin maksud Anda '{close[0]}'?" if close else ""
        if key == "satuan" and str(val).strip().lower() == "hari":
            saran = " Tulis 'hari kerja' atau 'hari kalender': keduanya berbeda bagi pemohon."
        return "pilihan-tidak-sah", f"Nilai {_jenis(val)} tidak dikenal. Pilihan yang sah: {pilihan}.{saran}"
    if typ in ("greater_than_equal", "greater_than"):
        return "angka-terlalu-kecil", f"Nilai {_jenis(val)} terlalu kecil; paling sedikit {ctx.get('ge', ctx.get('gt'))}." + ex
    if typ in ("less_than_equal", "less_than"):
        return "angka-terlalu-besar", f"Nilai {_jenis(val)} terlalu besar; paling banyak {ctx.get('le', ctx.get('lt'))}." + ex
    if typ == "too_short":
        return "daftar-kosong", "Daftar ini tidak boleh kosong; isi paling sedikit satu butir (diawali '- ')." + ex
    if typ == "list_type":
        return "harus-daftar", (
            f"Harus berupa daftar (setiap butir di baris sendiri diawali '- '), bukan {_jenis(val)}." + ex
        )
    if typ in ("model_type", "dict_type", "model_attributes_type"):
        if val is None:
            return "nilai-kosong", "Bagian ini kosong. Isi dengan rinciannya atau hapus kuncinya." + ex
        return "harus-pemetaan", (
            f"Harus berupa rincian dengan kunci dan nilai (di baris berikutnya, menjorok), bukan {_jenis(val)}." + ex
        )
    if typ == "string_too_short":
        return "teks-kosong", "Teks ini kosong." + ex
    if typ == "string_pattern_mismatch":
        if ctx.get("pattern") == m.TEKS_ISI:
            return "teks-kosong", "Teks ini kosong. Isi teksnya, atau hapus kuncinya bila standar tidak memuatnya." + ex
        return "format-tidak-sah", f"Format {_jenis(val)} tidak sah." + ex
    if typ in ("value_error", "assertion_error"):
        return "nilai-tidak-sah", str(err.get("msg", "")).removeprefix("Value error, ")
    if typ not in _BUILTIN_TYPES:
        # Our own PydanticCustomError: the message is already Indonesian.
        return typ.replace("_", "-"), err["msg"]
    return "nilai-tidak-sah", f"Nilai tidak sah ({err.get('msg')})." + ex


_BUILTIN_TYPES = set(typing.get_args(ErrorType))


def _enum_values(expected: str) -> list[str]:
    return [p.strip().strip("'") for p in expected.replace(" or ", ",").split(",") if p.strip()]


# Union tags used in the model's discriminated unions: not keys, never shown.
_TAGS = {"teks", "rinci", "kelompok", "daftar", "langkah", "varian"}


def clean_path(loc: tuple, data: Any) -> str:
    """Key path of ``loc`` without union tags, checked against the data."""
    out: list = []
    cur = data
    for part in loc:
        if isinstance(part, int) and isinstance(cur, list) and part < len(cur):
            out.append(part)
            cur = cur[part]
        elif isinstance(part, str) and isinstance(cur, dict) and part in cur:
            out.append(part)
            cur = cur[part]
        elif isinstance(part, str) and part not in _TAGS:
            out.append(part)  # a missing key
    return _fmt_path(tuple(out))


#: Findings reported per file: each one locates its line by reading the file, and a
#: hostile file can have tens of thousands of errors. The rest are counted in one finding.
TEMUAN_MAKS = 100


def findings_for(exc: ValidationError, data: Any, raw: bytes, name: str) -> list[Finding]:
    """Findings with paths that follow the data (tags like 'kelompok' may be keys too)."""
    out = []
    errors = exc.errors(include_url=False)
    if len(errors) > TEMUAN_MAKS:
        out.append(Finding(name, 1, 1, "", GALAT, "terlalu-banyak-galat",
                           f"Berkas ini memiliki {len(errors)} galat; {TEMUAN_MAKS} yang pertama ditampilkan. "
                           "Perbaiki yang ditampilkan, lalu periksa lagi."))
        errors = errors[:TEMUAN_MAKS]
    for err in errors:
        code, msg = _message(err, data)
        loc = tuple(err["loc"])
        line, col, _followed, key_node = locate(raw, loc)
        if err["type"] == "extra_forbidden" and key_node is not None:
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
        out.append(Finding(name, line, col, clean_path(loc, data), GALAT, code, msg))
    return out
