"""Findings are values: one record per problem, printed the same way everywhere.

The CLI text output, ``--format json``, GitHub annotations and a failed
``mkdocs build`` all print the same list of :class:`Finding`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable

GALAT = "galat"  # the output would be wrong or unsafe: blocks validate and the build
PERINGATAN = "peringatan"  # probably a mistake
CATATAN = "catatan"  # catatan kepatuhan: what Permenpan RB 15/2014 asks for and the standard lacks


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    column: int
    path: str  # key path, e.g. "biaya.tarif[0].jumlah" ("" for the whole file)
    severity: str  # galat | peringatan | catatan
    code: str  # stable identifier, e.g. "kunci-tidak-dikenal"
    message: str  # Indonesian: what is wrong, what is expected, an example

    def text(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        key = f" {self.path}:" if self.path else ""
        return f"{where}: {self.severity}:{key} {self.message} [{self.code}]"

    def github(self) -> str:
        level = {GALAT: "error", PERINGATAN: "warning"}.get(self.severity, "notice")
        msg = (f"{self.path}: " if self.path else "") + self.message
        # Escape per the workflow-command rules (%, CR, LF; and , : in properties).
        msg = msg.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        f = self.file.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{level} file={f},line={self.line},col={self.column},title={self.code}::{msg}"


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(set(findings), key=lambda f: (f.file, f.line, f.column, f.path, f.code, f.message))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == GALAT for f in findings)


def format_findings(findings: list[Finding], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(f.github() for f in findings)
    return "\n".join(f.text() for f in findings)


def summary(findings: list[Finding], kepatuhan_ditampilkan: bool = True) -> str:
    """One line: '0 galat, 2 peringatan, 14 catatan kepatuhan.'"""
    g = sum(1 for f in findings if f.severity == GALAT)
    p = sum(1 for f in findings if f.severity == PERINGATAN)
    c = sum(1 for f in findings if f.severity == CATATAN)
    if not findings:
        return "Tidak ada masalah."
    teks = f"{g} galat, {p} peringatan, {c} catatan kepatuhan"
    if c and not kepatuhan_ditampilkan:
        teks += " (tampilkan dengan --kepatuhan)"
    return teks + "."


def tanpa_kepatuhan(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity != CATATAN]
