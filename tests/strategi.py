"""Hypothesis strategies that generate YAML-like data for any model class, read from
the model's own type annotations (so a new field or union branch is generated the
day it is added, with no list here to update).

Values are what staff write: mappings, lists, texts, numbers. Each field is checked
on its own against its annotation and left out when the random value does not
validate, so almost every generated service is valid while every optional part is
sometimes absent and every union branch is sometimes taken.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from functools import lru_cache
from typing import Any, Union

from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

# Texts staff write, with what must always be escaped, line breaks and wide characters.
CONTOH_TEKS = [
    "Kartu Keluarga", "3 hari kerja", "Paling lambat 14 (empat belas) hari.", "1x24 jam", "± 15 Menit",
    "30detik - 1 menit", "Gratis", "Tidak dipungut biaya (gratis)", "Sesuai tarif PNBP", "Rp. 5.000,-",
    "0812–3456–7890 / (0548) 21011", "www.lapor.go.id", "https://www.lapor.go.id", "http://contoh.go.id",
    "@dinas_contoh", "aduan@contoh.go.id", "<script>alert(1)</script> & \"kutip\"", "baris satu\nbaris dua",
    "-", "08.00", "Sesuai SLA sistem OSS", "Surat Keterangan Pindah (SKPWNI)",
]
_TEKS = st.one_of(
    st.sampled_from(CONTOH_TEKS),
    st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs"), exclude_characters="\x00"),
            min_size=1, max_size=40).filter(lambda s: s.strip()),
)
# Fields whose text has a fixed form: mostly well formed, sometimes not (the field is then dropped).
_KHUSUS = {
    "buka": st.sampled_from(["08:00", "07.30", "00:00"]),
    "tutup": st.sampled_from(["15:30", "24:00", "16.00"]),
    "istirahat_mulai": st.sampled_from(["12:00"]),
    "istirahat_selesai": st.sampled_from(["13:00"]),
    "url": st.sampled_from(["https://sippn.menpan.go.id/x", "contoh.go.id/standar"]),
    "layanan_daring": st.sampled_from(["https://layanan.contoh.go.id", "layanan.contoh.go.id"]),
    "situs": st.sampled_from(["https://standar.contoh.go.id/"]),
    "logo": st.none(),
}
_HAL = 3  # nesting depth beyond which optional parts are left out


def _unwrap(ann: Any) -> Any:
    while typing.get_origin(ann) is typing.Annotated:
        ann = typing.get_args(ann)[0]
    return ann


def strategi(ann: Any, nama: str = "", dalam: int = 0) -> st.SearchStrategy[Any]:
    """A strategy for YAML-like data of the annotation ``ann``."""
    if nama in _KHUSUS:
        return _KHUSUS[nama]
    ann = _unwrap(ann)
    origin = typing.get_origin(ann)
    if origin in (Union, types.UnionType):
        pilihan = [a for a in typing.get_args(ann) if a is not type(None)]
        return st.one_of(*[strategi(a, nama, dalam) for a in pilihan])
    if origin in (list, typing.List):
        (isi,) = typing.get_args(ann) or (Any,)
        batas = 1 if dalam >= _HAL else 3
        return st.lists(strategi(isi, nama, dalam + 1), min_size=1, max_size=batas)
    if origin is dict:
        return st.just({})
    if isinstance(ann, type):
        if issubclass(ann, BaseModel):
            return dari_model(ann, dalam)
        if issubclass(ann, enum.Enum):
            return st.sampled_from([e.value for e in ann])
        if issubclass(ann, bool):
            return st.sampled_from(["ya", "tidak"])
        if issubclass(ann, int):
            return st.integers(0, 2_000_000).map(str) | st.integers(1, 3)
        if issubclass(ann, float):
            return st.integers(0, 120).map(str)
        if issubclass(ann, dt.date):
            return st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)).map(dt.date.isoformat)
        if issubclass(ann, str):
            return _TEKS
    return _TEKS


@lru_cache(maxsize=None)
def _adapter(ann: Any) -> TypeAdapter:
    return TypeAdapter(ann)


def _sah(ann: Any, v: Any) -> bool:
    try:
        _adapter(ann).validate_python(v)
        return True
    except (ValidationError, TypeError, ValueError):
        return False


def dari_model(cls: type[BaseModel], dalam: int = 0) -> st.SearchStrategy[dict]:
    """A mapping for ``cls``: required fields always, each optional field sometimes."""

    @st.composite
    def buat(draw: Any) -> dict:
        out: dict[str, Any] = {}
        for nama, f in cls.model_fields.items():
            wajib = f.is_required()
            if not wajib and (dalam >= _HAL or not draw(st.booleans())):
                continue
            ann = f.annotation if not f.metadata else typing.Annotated[(f.annotation, *f.metadata)]
            v = draw(strategi(ann, nama, dalam + 1))
            if wajib or _sah(ann, v):
                out[nama] = v
        return out

    return buat()
