"""Findings are values: one record per problem, printed the same way everywhere.

The CLI text output, ``--format json``, GitHub annotations and a failed
``mkdocs build`` all print the same list of :class:`Finding`.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Iterable, Iterator

GALAT = "galat"  # the output would be wrong or unsafe: blocks validate and the build
PERINGATAN = "peringatan"  # probably a mistake
CATATAN = "catatan"  # catatan kepatuhan: what Permenpan RB 15/2014 asks for and the standard lacks

# Characters no standard needs, each of which can hide, reorder or forge text on a page,
# in a spreadsheet or in a terminal: C0 and C1 controls and DEL (tab and line breaks
# excepted), bidirectional marks, embeddings, overrides and isolates, zero-width and other
# invisible format characters, the line and paragraph separators, tag characters,
# surrogates and Unicode noncharacters. The loader refuses them wherever they appear;
# every output of findings shows them as visible escapes.
_HIDDEN_BMP_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ud800-\udfff\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe\uffff"
)
HIDDEN_CLASS = _HIDDEN_BMP_CLASS + "\U000e0000-\U000e007f" + "".join(
    f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17)
)
HIDDEN = re.compile(f"[{HIDDEN_CLASS}]")
_SHOWN = re.compile(f"[{HIDDEN_CLASS}\r\n]")  # in a one-line output, line breaks too
# One pass: the class without the few characters beyond U+FFFF is a bitmap, and one range
# of every such character costs little more; those found are checked one by one.
_CANDIDATE = re.compile(f"[{_HIDDEN_BMP_CLASS}\U00010000-\U0010ffff]")


def find_hidden(text: str) -> Iterator[re.Match]:
    """Every hidden character in ``text``, in order (HIDDEN.finditer, four times faster)."""
    for m in _CANDIDATE.finditer(text):
        if m.group() < "\U00010000" or HIDDEN.match(m.group()):
            yield m


def char_name(ch: str) -> str:
    """'U+202E', the notation editors show for a character."""
    return f"U+{ord(ch):04X}"


def _escape(m: re.Match) -> str:
    ch = m.group()
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"<{char_name(ch)}>"


def visible(s: str) -> str:
    """``s`` on one line with every hidden character shown: ``\\x1b``, ``\\n``, ``<U+202E>``;
    and no ``##[`` (the Actions runner reads it as a command anywhere in a line)."""
    return _SHOWN.sub(_escape, s).replace("##[", "#\\#[")


def _json_escape(m: re.Match) -> str:
    cp = ord(m.group())
    if cp > 0xFFFF:  # as a surrogate pair, as JSON writes it
        cp -= 0x10000
        return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
    return f"\\u{cp:04x}"


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
        """One line; file names and messages quoting a value never carry a raw control."""
        where = f"{self.file}:{self.line}:{self.column}"
        key = f" {self.path}:" if self.path else ""
        return visible(f"{where}: {self.severity}:{key} {self.message} [{self.code}]")

    def github(self) -> str:
        level = {GALAT: "error", PERINGATAN: "warning"}.get(self.severity, "notice")
        msg = (f"{self.path}: " if self.path else "") + self.message
        # Escape per the workflow-command rules (%, CR, LF; and , : in properties), then show
        # any other hidden character: the annotation stays one line, so nothing in a message
        # or a file name can start a command of its own.
        msg = visible(msg.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
        f = visible(self.file.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
                    .replace(",", "%2C").replace(":", "%3A"))
        return f"::{level} file={f},line={self.line},col={self.column},title={self.code}::{msg}"


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(set(findings), key=lambda f: (f.file, f.line, f.column, f.path, f.code, f.message))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == GALAT for f in findings)


def format_findings(findings: list[Finding], fmt: str = "text") -> str:
    if fmt == "json":
        # json escapes C0 controls itself; the rest of the hidden characters as \\uXXXX too.
        return HIDDEN.sub(_json_escape, json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2))
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


def md_aman(s: str) -> str:
    """Markdown text that renders as written (GitHub job summary, PR comment)."""
    s = visible(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_{}[]()#+-.!|~":
        s = s.replace(ch, "\\" + ch)
    return s
