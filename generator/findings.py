"""Findings are values: one record per problem, printed the same way everywhere.

The CLI text output, ``--format json``, GitHub annotations and a failed
``mkdocs build`` all print the same list of :class:`Finding`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable

GALAT = "galat"
PERINGATAN = "peringatan"


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    column: int
    path: str  # key path, e.g. "biaya.tarif[0].jumlah" ("" for the whole file)
    severity: str  # galat | peringatan
    code: str  # stable identifier, e.g. "kunci-tidak-dikenal"
    message: str  # Indonesian: what is wrong, what is expected, an example

    def text(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        key = f" {self.path}:" if self.path else ""
        return f"{where}: {self.severity}:{key} {self.message} [{self.code}]"

    def github(self) -> str:
        level = "error" if self.severity == GALAT else "warning"
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


def summary(findings: list[Finding]) -> str:
    g = sum(1 for f in findings if f.severity == GALAT)
    p = len(findings) - g
    if not findings:
        return "Tidak ada masalah."
    return f"{g} galat, {p} peringatan."
