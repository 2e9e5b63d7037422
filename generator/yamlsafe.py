"""Reading a YAML file safely, with positions, into plain Python.

libyaml (through PyYAML's C binding) only *composes* the node graph; we build the
Python values ourselves. That gives us, in one pass and without ever executing
anything:

* every plain scalar kept as the text the person wrote (pydantic turns it into
  the type the model expects), so `0541 123456` never loses its leading zero;
* positioned errors for the YAML 1.1 traps (`8:30` read as 510, `yes`/`no` read
  as booleans), duplicate keys, tags, runaway aliases, deep nesting;
* hidden characters (controls, bidirectional overrides, zero-width characters; see
  :data:`findings.HIDDEN`) refused at the exact line and column where they are written,
  raw or as an escape in double quotes, so none reaches a page, a PDF or a CSV cell;
* placeholders left by `standar new` reported as errors.

The node tree is not kept after loading: when a finding needs the position of a
deeper key, :func:`locate` re-reads the file (findings are rare, memory is not).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Optional

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .findings import GALAT, HIDDEN_CLASS, Finding, char_name, find_hidden

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

try:  # pragma: no cover - depends on the build of PyYAML
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Composes without YAML 1.1 implicit typing.

    We keep every plain scalar as text and type it with the model, so PyYAML's
    Python-level resolver (a regex per scalar, a quarter of the load time) is
    skipped. Explicit tags (`!!python/...`) are not resolved and stay visible.
    """

    def resolve(self, kind, value, implicit):  # noqa: D102 - see class docstring
        if kind is ScalarNode:
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


MAX_BYTES = 512 * 1024  # a service file is a few KB; 512 KB is far beyond any real one
MAX_DEPTH = 40  # real files nest < 10 levels
MAX_HIDDEN = 20  # hidden characters reported per file
MAX_NODES = 50_000  # after alias expansion
# Characters of all keys and scalars after alias expansion. Without aliases a file holds
# no more characters than bytes, so only aliases can reach this: an anchor of 100 KB
# repeated 4,000 times would otherwise become a 400 MB page.
MAX_CHARS = 2 * MAX_BYTES
PLACEHOLDER = "[ISI]"

_STD_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_NULL = {"", "~", "null", "Null", "NULL"}
_SEXAGESIMAL = re.compile(r"^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_BOOL_11 = {"yes", "no", "on", "off", "y", "n"}
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")


@dataclass
class Loaded:
    data: Any = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(f.severity == GALAT for f in self.findings)


class _Stop(Exception):
    def __init__(self, finding: Finding):
        self.finding = finding


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _fmt_path(path: tuple) -> str:
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out


# In a value, a carriage return is hidden too: raw ones are line breaks, so only "\r" makes one.
_HIDDEN_VALUE = re.compile(f"[{HIDDEN_CLASS}\r]")
# An escape in a double-quoted scalar, matched left to right so "\\" is one escape.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
            "L": "\u2028", "P": "\u2029"}


def _hidden_value(v: str) -> bool:
    return "\r" in v or next(find_hidden(v), None) is not None


def _line_col(text: str, i: int) -> tuple[int, int]:
    """1-based line and column of ``text[i]``, counting line breaks as libyaml does."""
    before = text[:i]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, i - max(before.rfind("\n"), before.rfind("\r"))


def _kind(ch: str) -> str:
    cp = ord(ch)
    if cp < 0xA0:
        return "karakter kendali"
    if cp in (0x061C, 0x200E, 0x200F) or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
        return "pengatur arah teks"
    if cp in (0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
        return "karakter lebar nol"
    if cp in (0x2028, 0x2029):
        return "pemisah baris Unicode"
    if 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE:
        return "bukan karakter Unicode"
    return "karakter format tak terlihat"


def _hidden_message(ch: str, escape: str = "") -> str:
    what = f"{char_name(ch)} ({_kind(ch)})"
    where = (f"Urutan '{escape}' di dalam tanda kutip menghasilkan karakter tersembunyi {what}"
             if escape else f"Ada karakter tersembunyi {what} di sini")
    return (f"{where}. Karakter seperti ini tidak terlihat, tetapi dapat membalik, menyembunyikan "
            "atau memalsukan teks di situs, PDF, spreadsheet dan terminal. Hapus "
            + ("urutan itu." if escape else "karakter itu (biasanya terbawa saat menyalin dari dokumen lain)."))


def _hidden_in_text(text: str, name: str) -> list[Finding]:
    """Every hidden character written in the file (the first MAX_HIDDEN), where it is."""
    out = []
    for m in find_hidden(text):
        out.append(Finding(name, *_line_col(text, m.start()), "", GALAT, "karakter-tersembunyi",
                           _hidden_message(m.group())))
        if len(out) == MAX_HIDDEN:
            break
    return out


class _Builder:
    def __init__(self, name: str, text: str = ""):
        self.name = name
        self.text = text
        self.count = 0
        self.chars = 0  # characters of keys and scalars (counted by _AliasBuilder)
        self.findings: list[Finding] = []
        self.active: set[int] = set()

    def err(self, node: Node, path: tuple, code: str, msg: str, sev: str = GALAT) -> Finding:
        line, col = _pos(node)
        f = Finding(self.name, line, col, _fmt_path(path), sev, code, msg)
        self.findings.append(f)
        return f

    def hidden_escape(self, node: ScalarNode, path: tuple) -> None:
        """A double-quoted scalar whose escape makes a hidden character: galat at the escape.

        The file itself holds none (compose() refused it), so an escape made it.
        """
        for m in _ESCAPE.finditer(self.text, node.start_mark.index + 1, node.end_mark.index):
            ch = _ESCAPES.get(m.group(1)) or (chr(int(m.group(1)[1:], 16)) if len(m.group(1)) > 1 else "")
            if ch and _HIDDEN_VALUE.match(ch):
                self.findings.append(Finding(self.name, *_line_col(self.text, m.start()), _fmt_path(path),
                                             GALAT, "karakter-tersembunyi", _hidden_message(ch, m.group())))
                return
        ch = _HIDDEN_VALUE.search(node.value).group()  # not found in the source: at the scalar
        self.err(node, path, "karakter-tersembunyi", _hidden_message(ch))

    def too_big(self, node: Node, path: tuple) -> _Stop:
        """Past MAX_NODES or MAX_CHARS: a galat at the alias (or item) where the bound was passed."""
        hit = _where_bound_passed(self.text)
        if hit is None:  # cannot happen: the event count is never below the builder's
            line, col = _pos(node)
            alias, chars, aliased = False, self.chars > MAX_CHARS, "*" in self.text
        else:
            (line, col), path, alias, chars, aliased = hit
        limit = f"{ribuan(MAX_CHARS)} karakter" if chars else f"{ribuan(MAX_NODES)} butir (kunci dan nilai)"
        if alias:
            code, msg = "terlalu-besar", (
                f"Isi berkas menjadi lebih dari {limit} setelah alias (*) diuraikan; alias ini melampaui "
                "batas itu. Jangan memakai anchor (&) dan alias (*) berulang-ulang; tulis isinya langsung.")
        else:
            code = "terlalu-besar" if chars else "terlalu-banyak-butir"
            msg = (f"Berkas berisi lebih dari {limit}"
                   + (", termasuk isi alias (*) yang diuraikan" if aliased else "")
                   + "; di sini batas itu terlampaui. Satu berkas hanya untuk satu layanan; pecah bila "
                   "berisi beberapa layanan.")
        return _Stop(Finding(self.name, line, col, _fmt_path(path), GALAT, code, msg))

    def build(self, node: Node, path: tuple, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.too_big(node, path)
        if depth > MAX_DEPTH:
            line, col = _pos(node)
            raise _Stop(
                Finding(
                    self.name, line, col, _fmt_path(path), GALAT, "terlalu-dalam",
                    _deep_message(bool(getattr(node, "flow_style", False))),
                )
            )
        tag = node.tag
        if tag not in _STD_TAGS:
            self.err(
                node, path, "tag-tidak-diizinkan",
                f"Tanda '{tag}' tidak diizinkan dalam standar pelayanan. Hapus tanda yang diawali '!' "
                "dan tulis nilainya sebagai teks biasa.",
            )
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        key = id(node)
        if key in self.active:
            raise _Stop(
                Finding(
                    self.name, *_pos(node), _fmt_path(path), GALAT, "alias-melingkar",
                    "Alias (*) merujuk pada dirinya sendiri sehingga isinya tak berujung. Hapus alias itu.",
                )
            )
        self.active.add(key)
        try:
            if isinstance(node, SequenceNode):
                return [self.build(n, path + (i,), depth + 1) for i, n in enumerate(node.value)]
            return self.mapping(node, path, depth)
        finally:
            self.active.discard(key)

    def mapping(self, node: MappingNode, path: tuple, depth: int) -> dict:
        out: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        for knode, vnode in node.value:
            if knode.tag == "tag:yaml.org,2002:merge" or (knode.value == "<<" and not knode.style):
                self.err(
                    knode, path, "merge-tidak-didukung",
                    "Kunci gabungan '<<' tidak didukung. Tulis isinya langsung; bagian yang sama untuk "
                    "semua layanan tulis di _unit.yaml di bawah bawaan:.",
                )
                continue
            if not isinstance(knode, ScalarNode):
                self.err(knode, path, "kunci-tidak-sah", "Nama kunci harus berupa teks sederhana.")
                continue
            k = knode.value
            if knode.style == '"' and _hidden_value(k):
                self.hidden_escape(knode, path + (k,))
            if k in seen:
                first = seen[k].start_mark.line + 1
                self.err(
                    knode, path + (k,), "kunci-ganda",
                    f"Kunci '{k}' ditulis dua kali (pertama di baris {first}). Nilai pertama akan "
                    "tertimpa; gabungkan keduanya menjadi satu.",
                )
                continue
            seen[k] = knode
            out[k] = self.build(vnode, path + (k,), depth + 1)
        return out

    def scalar(self, node: ScalarNode, path: tuple) -> Any:
        v = node.value
        if node.style == '"' and _hidden_value(v):
            self.hidden_escape(node, path)
        if not node.style:  # plain (unquoted) scalar ('' from libyaml, None from pure Python)
            if v in _NULL:
                return None
            if _SEXAGESIMAL.match(v):
                self.err(
                    node, path, "yaml-angka-jam",
                    f"Nilai {v} tanpa tanda kutip dibaca YAML sebagai angka berbasis 60 "
                    f"({_sexagesimal(v)}), bukan jam. Tulis dengan tanda kutip: \"{v}\".",
                )
                return v
            if v.lower() in _BOOL_11:
                self.err(
                    node, path, "yaml-ya-tidak",
                    f"Nilai {v} tanpa tanda kutip dibaca YAML sebagai benar/salah, bukan teks. "
                    f"Untuk pilihan ya/tidak tulis ya atau tidak; untuk teks tulis dengan tanda kutip: \"{v}\".",
                )
                return v
            if _LEADING_ZERO.match(v) and len(v) > 2:
                self.err(
                    node, path, "yaml-nol-depan",
                    f"Angka {v} tanpa tanda kutip kehilangan angka 0 di depannya bila dibaca alat lain "
                    f"(misalnya nomor telepon). Tulis dengan tanda kutip: \"{v}\".",
                )
                return v
        if v.startswith(PLACEHOLDER):
            self.err(
                node, path, "isian-belum-diisi",
                f"Bagian ini masih berisi petunjuk isian dari 'standar new': {v[:80]!r}. "
                "Ganti dengan isi yang sebenarnya.",
            )
        return v


class _AliasBuilder(_Builder):
    """For a text that may hold aliases ('*'): also bounds the characters after expansion."""

    def mapping(self, node: MappingNode, path: tuple, depth: int) -> dict:
        self.chars += sum(len(k.value) for k, _ in node.value if isinstance(k, ScalarNode))
        if self.chars > MAX_CHARS:
            raise self.too_big(node, path)
        return super().mapping(node, path, depth)

    def scalar(self, node: ScalarNode, path: tuple) -> Any:
        self.chars += len(node.value)
        if self.chars > MAX_CHARS:
            raise self.too_big(node, path)
        return super().scalar(node, path)


def ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _where_bound_passed(text: str) -> Optional[tuple[tuple[int, int], tuple, bool, bool, bool]]:
    """Where reading the document in order first passes MAX_NODES or MAX_CHARS.

    Counts from the parser's events as the builder counts (every value a node, the
    characters of every key and scalar), an alias counting all its anchor holds, so the
    answer is the alias itself, not its anchor. The builder never counts more than this
    by the same point, so the bound is passed here at or before where the builder stopped. Returns ((line, column), key path,
    whether it is an alias, whether characters rather than nodes passed the bound, whether
    any alias came before), or None. Called only once the builder has passed a bound.
    """
    size: dict[str, tuple[int, int]] = {}
    frames: list[list] = []  # [mapping?, key or index, next is a key?, anchor, nodes and chars at start]
    nodes = chars = 0
    aliased = False
    try:
        for ev in yaml.parse(text, Loader=_Loader):
            if isinstance(ev, yaml.CollectionEndEvent):
                f = frames.pop()
                if f[3] is not None:
                    size[f[3]] = (nodes - f[4], chars - f[5])
                continue
            if not isinstance(ev, yaml.NodeEvent):
                continue
            key = False
            if frames:
                top = frames[-1]
                if not top[0]:
                    top[1] += 1
                elif top[2]:
                    top[1] = ev.value if isinstance(ev, yaml.ScalarEvent) else "?"
                    key = True
                top[2] = top[0] and not top[2]
            start = (nodes, chars)
            if isinstance(ev, yaml.AliasEvent):
                n, c = size.get(ev.anchor, (0, 0))
            else:
                n, c = 0 if key else 1, len(ev.value) if isinstance(ev, yaml.ScalarEvent) else 0
            nodes, chars = nodes + n, chars + c
            alias = isinstance(ev, yaml.AliasEvent)
            if nodes > MAX_NODES or chars > MAX_CHARS:
                mark = ev.start_mark
                return ((mark.line + 1, mark.column + 1), tuple(f[1] for f in frames), alias,
                        chars > MAX_CHARS, aliased)
            aliased = aliased or alias
            if isinstance(ev, yaml.CollectionStartEvent):
                frames.append([isinstance(ev, yaml.MappingStartEvent), -1, True, ev.anchor, *start])
            elif isinstance(ev, yaml.ScalarEvent) and ev.anchor is not None:
                size[ev.anchor] = (1, c)  # a node wherever its alias stands
    except yaml.YAMLError:
        pass
    return None


def _sexagesimal(v: str) -> int | float:
    sign = -1 if v.startswith("-") else 1
    total = 0.0
    for part in v.lstrip("+-").replace("_", "").split(":"):
        total = total * 60 + float(part)
    total *= sign
    return int(total) if total.is_integer() else total


def _decode(raw: bytes, name: str) -> tuple[Optional[str], Optional[Finding]]:
    # Binary: NUL bytes in what is not UTF-8, or in every other byte (UTF-16). A stray NUL
    # in a text file is a hidden character, reported where it is.
    binary = Finding(
        name, 1, 1, "", GALAT, "berkas-biner",
        "Berkas ini bukan teks (berisi data biner). Simpan standar sebagai teks YAML biasa (UTF-8).",
    )
    nul = raw.count(b"\x00")
    if nul * 4 >= len(raw) > 0:
        return None, binary
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if nul:
            return None, binary
        line = raw[: e.start].count(b"\n") + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return None, Finding(
            name, line, col, "", GALAT, "bukan-utf8",
            "Berkas tidak tersimpan dalam UTF-8 (ada huruf yang tidak dapat dibaca di sini). "
            "Simpan ulang berkas dengan pengodean UTF-8 di penyunting teks Anda.",
        )
    return text, None


_SCANNER_MSG = [
    ("found character '\\t'", "yaml-tab",
     "Ada karakter tab. YAML hanya menerima spasi untuk indentasi; ganti tab dengan spasi."),
    ("mapping values are not allowed here", "yaml-sintaks",
     "Tanda titik dua ':' tidak boleh di sini. Bila teks mengandung ': ', apit seluruh teks dengan tanda kutip."),
    ("found undefined alias", "yaml-alias",
     "Alias (*) merujuk pada anchor (&) yang tidak ada."),
    ("did not find expected key", "yaml-indentasi",
     "Indentasi tidak rata. Pastikan kunci yang setingkat diawali jumlah spasi yang sama."),
    ("could not find expected ':'", "yaml-sintaks",
     "Kunci tanpa tanda ':'. Tulis kunci diikuti titik dua, misalnya nama: Penerbitan KTP-el."),
    ("found unexpected end of stream", "yaml-sintaks",
     "Berkas berakhir sebelum waktunya, misalnya tanda kutip yang belum ditutup."),
    ("found a tab character", "yaml-tab",
     "Ada karakter tab. YAML hanya menerima spasi untuk indentasi; ganti tab dengan spasi."),
    ("expected a single document", "yaml-multi-dokumen",
     "Berkas berisi lebih dari satu dokumen (ada baris '---' di tengah). Satu berkas hanya untuk satu layanan."),
    ("did not find expected '-' indicator", "yaml-indentasi",
     "Indentasi daftar tidak rata. Pastikan setiap butir '- ' sejajar."),
    ("did not find expected node content", "yaml-sintaks",
     "Ada nilai yang kosong atau tidak lengkap di sini."),
    ("found unknown escape character", "yaml-sintaks",
     "Garis miring terbalik '\\' di dalam tanda kutip ganda. Pakai tanda kutip tunggal atau tulis '\\\\'."),
]


def _yaml_error(e: yaml.YAMLError, name: str, text: str) -> Finding:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    raw = f"{getattr(e, 'context', '') or ''} {getattr(e, 'problem', '') or ''}".strip() or str(e)
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in here[: col]:
        return Finding(name, line, col, "", GALAT, "yaml-tab",
                       "Ada karakter tab. YAML hanya menerima spasi untuk indentasi; ganti tab dengan spasi.")
    for needle, code, msg in _SCANNER_MSG:
        if needle in raw:
            return Finding(name, line, col, "", GALAT, code, msg)
    return Finding(
        name, line, col, "", GALAT, "yaml-sintaks",
        "Penulisan YAML tidak sah di sini. Periksa tanda kutip yang belum ditutup, titik dua setelah "
        "kunci, dan indentasi (jumlah spasi di awal baris).",
    )


def _deep_message(flow: bool) -> str:
    hint = "kurung [ ] dan { }" if flow else "indentasi (jumlah spasi di awal baris)"
    return f"Susunan berkas bertingkat lebih dari {MAX_DEPTH} lapis mulai di sini. Periksa {hint}."


def _deep_finding(name: str, line: int, col: int, flow: bool) -> Finding:
    return Finding(name, line, col, "", GALAT, "terlalu-dalam", _deep_message(flow))


def _deeper_than_max(text: str, loader: type = _Loader) -> Optional[tuple[int, int, bool]]:
    """Where the nesting first goes deeper than MAX_DEPTH: (line, column, flow style), or None.

    Counts collection events, which libyaml produces without recursion, and stops
    at the first syntax error. libyaml 0.2.6 (PyYAML 6.0.4) refuses nesting
    beyond its own limit (1000 levels) with a scanner error, and in flow style
    ('[[[[…') it does so before it has emitted MAX_DEPTH events, because it reads
    up to 1024 characters ahead to find out whether a '[' starts a key. So after
    a syntax error we count again with PyYAML's pure-Python parser, which has no
    nesting limit: the answer does not depend on the libyaml version, nor on the
    wording of its messages.
    """
    depth = 0
    try:
        for ev in yaml.parse(text, Loader=loader):
            if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = ev.start_mark
                    return mark.line + 1, mark.column + 1, bool(ev.flow_style)
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        if loader is not yaml.SafeLoader:
            return _deeper_than_max(text, yaml.SafeLoader)
    return None


def _too_deep(text: str) -> Optional[tuple[int, int, bool]]:
    """libyaml composes recursively and crashes on absurd nesting: bound it first.

    Cheap test first (bracket count and line length bound the nesting depth);
    only suspicious files pay for an event scan. Files that pass the cheap test
    nest fewer than 2000 levels, which libyaml composes without crashing; the
    builder reports anything deeper than MAX_DEPTH, and compose() a parser's
    own nesting limit.
    """
    brackets = text.count("[") + text.count("{")
    longest = max(map(len, text.splitlines()), default=0)
    if brackets + 2 * longest < 2000:
        return None
    return _deeper_than_max(text)


def compose(raw: bytes, name: str) -> tuple[Optional[Node], list[Finding]]:
    node, findings, _ = _compose(raw, name)
    return node, findings


def _ukuran(n: int) -> str:
    """'512,1 KB', '50,0 MB': rounded up, so a file just over the limit never reads as the limit."""
    kb = -(-n * 10 // 1024) / 10
    if kb < 1024:
        return f"{kb:.1f} KB".replace(".", ",")
    return f"{-(-n * 10 // 1024 ** 2) / 10:.1f} MB".replace(".", ",")


def _too_large(name: str, size: Optional[int]) -> Finding:
    """``size`` None: more than the limit was read from something whose size is not known."""
    ukuran = f"berukuran {_ukuran(size)}, " if size is not None else ""
    return Finding(
        name, 1, 1, "", GALAT, "berkas-terlalu-besar",
        f"Berkas {ukuran}melebihi batas {MAX_BYTES // 1024} KB. "
        "Satu berkas hanya untuk satu layanan; pecah bila berisi beberapa layanan.",
    )


def _compose(raw: bytes, name: str) -> tuple[Optional[Node], list[Finding], str]:
    """The node tree, the findings that stop loading, and the text the marks index."""
    if len(raw) > MAX_BYTES:
        return None, [_too_large(name, len(raw))], ""
    text, bad = _decode(raw, name)
    if bad:
        return None, [bad], ""
    hidden = _hidden_in_text(text, name)
    if hidden:  # refused before libyaml, which would report some of them at 1:1
        return None, hidden, ""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [
            Finding(name, 1, 1, "", GALAT, "berkas-kosong",
                    "Berkas kosong. Isi dengan standar pelayanan, atau buat dengan 'standar new'.")
        ], ""
    deep = _too_deep(text)
    if deep:
        return None, [_deep_finding(name, *deep)], ""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError) as e:
        # A parser's own nesting limit (libyaml >= 0.2.6), or Python's recursion
        # limit in the pure-Python composer, surfaces here as a generic error.
        deep = _deeper_than_max(text, yaml.SafeLoader)
        if deep:
            return None, [_deep_finding(name, *deep)], ""
        if isinstance(e, yaml.YAMLError):
            return None, [_yaml_error(e, name, text)], ""
        return None, [
            Finding(name, 1, 1, "", GALAT, "yaml-sintaks", "Berkas tidak dapat dibaca sebagai YAML.")
        ], ""
    except (MemoryError, ValueError):
        return None, [
            Finding(name, 1, 1, "", GALAT, "yaml-sintaks", "Berkas tidak dapat dibaca sebagai YAML.")
        ], ""
    return node, [], text


def load_bytes(raw: bytes, name: str) -> Loaded:
    node, findings, text = _compose(raw, name)
    if node is None:
        return Loaded(None, findings)
    b = (_AliasBuilder if "*" in text else _Builder)(name, text)
    try:
        data = b.build(node, (), 0)
    except _Stop as s:
        return Loaded(None, b.findings + [s.finding])
    if not isinstance(node, MappingNode):
        kind = "daftar" if isinstance(node, SequenceNode) else "satu nilai"
        b.err(
            node, (), "bukan-pemetaan",
            f"Isi berkas berupa {kind}, padahal harus berupa pasangan kunci dan nilai, misalnya "
            "'nama: Penerbitan KTP-el' di awal baris.",
        )
        return Loaded(None, b.findings)
    return Loaded(data, b.findings)


def load_file(path, name: str) -> Loaded:
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_BYTES:  # told with its real size, without reading it
                return Loaded(None, [_too_large(name, size)])
            raw = fh.read(MAX_BYTES + 1)
    except OSError as e:
        return Loaded(None, [Finding(name, 1, 1, "", GALAT, "berkas-tidak-terbaca",
                                     f"Berkas tidak dapat dibuka ({e.strerror}).")])
    if len(raw) > MAX_BYTES:  # not a regular file, or it grew: the size is not known
        return Loaded(None, [_too_large(name, None)])
    return load_bytes(raw, name)


# The findings of one file are located one after another: its node tree is composed
# once for all of them (one slot, so memory stays one file's worth).
_TERAKHIR: list = [None, None]


def _tersusun(raw: bytes) -> Optional[Node]:
    if _TERAKHIR[0] is not raw and _TERAKHIR[0] != raw:
        _TERAKHIR[:] = [raw, compose(raw, "")[0]]
    return _TERAKHIR[1]


def locate(raw: bytes, loc: tuple) -> tuple[int, int, tuple, Optional[Node]]:
    """Position of the deepest node along ``loc`` (a pydantic error location).

    Union tags and other non-path parts of ``loc`` are skipped. Returns
    (line, col, path actually followed, node).
    """
    node = _tersusun(raw)
    if node is None:
        return 1, 1, (), None
    followed: tuple = ()
    key_node: Optional[Node] = None
    for part in loc:
        key_node = None
        if isinstance(node, MappingNode) and isinstance(part, str):
            nxt = None
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == part:
                    nxt, key_node = v, k
            if nxt is None:
                continue  # a union tag or a missing key
            node = nxt
            followed += (part,)
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            followed += (part,)
        else:
            continue
    # A block value (mapping or list) is best shown at its key's line.
    if key_node is not None and isinstance(node, (MappingNode, SequenceNode)):
        line, col = _pos(key_node)
    else:
        line, col = _pos(node)
    return line, col, followed, key_node
