"""JSON Schema for editors, generated from the model (never written by hand).

Three schemas, one per kind of file; example files point at them with a
``# yaml-language-server: $schema=…`` line.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from . import model as m

SCHEMAS = {
    "layanan.schema.json": (m.Layanan, "Standar pelayanan (satu layanan)"),
    "unit.schema.json": (m.Unit, "Profil unit (_unit.yaml)"),
    "instansi.schema.json": (m.Instansi, "Identitas pemerintah daerah (_instansi.yaml)"),
}


@functools.lru_cache(maxsize=None)
def _schema_json(cls: type) -> str:
    return json.dumps(cls.model_json_schema(mode="validation"))


def json_schema(cls: type) -> dict:
    """``cls.model_json_schema(mode="validation")``, generated once per process (it took a
    quarter of a second per model on every rebuild of mkdocs serve); a fresh copy each call."""
    return json.loads(_schema_json(cls))


@functools.lru_cache(maxsize=None)
def schema_text(cls: type, title: str) -> str:
    s = json_schema(cls)
    s = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **s}
    return json.dumps(s, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(out: Path, check: bool = False) -> list[str]:
    """Write the schemas; returns the names that changed (or would change with check)."""
    changed = []
    for name, (cls, title) in SCHEMAS.items():
        target = out / name
        text = schema_text(cls, title)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old != text:
            changed.append(str(target))
            if not check:
                out.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return changed
