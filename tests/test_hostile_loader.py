"""A careless or hostile contributor (issue 8, holes 5, 6, 7 and part of 13): alias
amplification, hidden control and bidirectional characters, spreadsheet formulas in
standar.csv, and messages that say what is really wrong, where."""

from __future__ import annotations

import csv
import io
import json
import re
import time

import pytest

from generator.catalog import load_catalog, validate_paths
from generator.cli import main
from generator.export import _cell, catalog_csv
from generator.findings import Finding, format_findings
from generator import yamlsafe
from generator.yamlsafe import MAX_BYTES, MAX_NODES, load_bytes, load_file
from tests.conftest import SERVICE


def one(raw: bytes | str, code: str):
    if isinstance(raw, str):
        raw = raw.encode()
    loaded = load_bytes(raw, "x.yaml")
    hits = [f for f in loaded.findings if f.code == code]
    assert hits, f"expected {code}, got {loaded.findings}"
    assert all(f.severity == "galat" for f in hits)
    assert loaded.data is None or not loaded.ok
    return hits[0]


# -- hole 6: no raw control character in any output format ---------------------------------

# A file name that is not UTF-8 reaches Python as a lone surrogate: printable only escaped.
NASTY = Finding(
    "uji/a\x1b[2J\udce9.yaml", 3, 7, "nama\u202e", "galat", "kunci-tidak-dikenal",
    "Kunci 'x\x1b]0;judul\x07' tidak dikenal.\n::error file=palsu.yaml,line=1::dipalsukan\r\x9b31m\u2028\u202e\ufeff%",
)
_RAW = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ud800-\udfff\ufeff\ufffe\uffff]")


def test_text_output_shows_control_characters_as_visible_escapes():
    out = format_findings([NASTY], "text")
    assert not _RAW.search(out), ascii(out)
    out.encode("utf-8")  # printable: no lone surrogate
    assert "\\x1b[2J" in out and "\\n::error" in out and "U+202E" in out


def test_github_output_is_one_command_line_without_raw_controls():
    out = format_findings([NASTY], "github")
    assert not _RAW.search(out), ascii(out)
    assert out.startswith("::error file=uji/a\\x1b[2J<U+DCE9>.yaml,line=3,col=7,title=kunci-tidak-dikenal::")
    # The forged command is data on the same line, after the command's own '::'.
    assert "\n" not in out and "\r" not in out and "%0A::error file=palsu.yaml" in out
    assert out.endswith("%25")


def test_json_output_escapes_hidden_characters_and_round_trips():
    out = format_findings([NASTY], "json")
    assert not _RAW.search(out.replace("\n", "")), ascii(out)
    (back,) = json.loads(out)
    assert back["message"] == NASTY.message and back["file"] == NASTY.file and back["path"] == NASTY.path
