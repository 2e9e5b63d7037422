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
from generator.export import sel_csv, catalog_csv
from generator.findings import Finding, format_findings
from generator import yamlsafe
from generator.yamlsafe import MAX_BYTES, MAX_NODES, load_bytes, load_file
from tests.conftest import SERVICE
from tests.test_loader import one as _one


def one(raw: bytes | str, code: str):
    """test_loader.one, and the file is refused as a whole."""
    f = _one(raw, code)
    loaded = load_bytes(raw.encode() if isinstance(raw, str) else raw, "x.yaml")
    assert loaded.data is None or not loaded.ok
    return f


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


# Raw characters no standard needs, each of which hides, reorders or forges text.
HIDDEN = ["\x1b", "\x07", "\x08", "\x0b", "\x0c", "\x7f", "\x85", "\x9b", "\u061c", "\u200b",
          "\u200d", "\u200e", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff",
          "\ufffe", "\uffff", "\U0001fffe", "\U000e0041"]


# -- hole 6: hidden characters rejected where they are (and hole 13: at their position) ------


@pytest.mark.parametrize("ch", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_hidden_character_in_a_value_is_a_positioned_galat(ch):
    f = one(f"nama: Layanan\nringkasan: Teks {ch}biasa\n", "karakter-tersembunyi")
    assert (f.line, f.column) == (2, 17)
    assert f"U+{ord(ch):04X}" in f.message
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", f.message)


@pytest.mark.parametrize("where", ["key", "comment", "block", "single-quoted", "flow"])
def test_hidden_character_anywhere_in_the_file(where):
    text = {
        "key": "nama: a\nring\u202ekasan: b\n",
        "comment": "nama: a\n# catatan \u202e tersembunyi\n",
        "block": "nama: a\nringkasan: |\n  baris satu\n  baris \u200bdua\n",
        "single-quoted": "nama: a\nringkasan: 'ab\u2066c'\n",
        "flow": "nama: a\npersyaratan: [KTP, K\x1bK]\n",
    }[where]
    f = one(text, "karakter-tersembunyi")
    line = next(i for i, ln in enumerate(text.split("\n"), 1) if re.search("[\u202e\u200b\u2066\x1b]", ln))
    col = re.search("[\u202e\u200b\u2066\x1b]", text.split("\n")[line - 1]).start() + 1
    assert (f.line, f.column) == (line, col)


@pytest.mark.parametrize(
    "escape",
    [r"\e[2J", r"\x1b", r"\x00", r"\0", r"\a", r"\r", r"\v", r"\N", r"\L", r"\u202E", r"\u200b",
     r"\uFEFF", r"\uFFFE", r"\U000E0041"],
)
def test_hidden_character_written_as_an_escape_is_positioned_at_the_escape(escape):
    # An escaped backslash first: YAML '\\e' is a backslash and an e, not an escape.
    line = f'ringkasan: "Teks \\\\e {escape} akhir"'
    f = one(f"nama: a\n{line}\n", "karakter-tersembunyi")
    assert (f.line, f.column) == (2, line.index(escape) + 1)


def test_escape_in_a_quoted_key_is_positioned():
    f = one('nama: a\n"ring\\u202ekasan": b\n', "karakter-tersembunyi")
    assert (f.line, f.column) == (2, 6)


def test_nul_in_a_text_file_is_positioned_but_a_binary_file_is_binary():
    f = one(b"nama: a\nkategori: b\nstatus: contoh\nringkasan: ab\x00cd\n", "karakter-tersembunyi")
    assert (f.line, f.column) == (4, 14)
    one("nama: Layanan\n".encode("utf-16-le"), "berkas-biner")
    one(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "berkas-biner")


def test_ordinary_whitespace_and_letters_are_fine():
    text = (
        "\ufeffnama: Layanan\u00a0Uji\n"  # BOM at the start, no-break space
        "ringkasan: \"tab\\there, baris\\nbaru, garis \\\\e bukan escape\"\n"
        "kategori: 'tab\tdi dalam kutip'\n"
        "catatan: |\n  baris satu\n\n  baris\ttiga\n"
        "jangka_waktu: 2×24 jam — ±1 hari, 🙂, ‘kutip’, العربية, 中文\r\n"
    )
    loaded = load_bytes(text.encode(), "x.yaml")
    assert loaded.findings == [], loaded.findings
    assert loaded.data["ringkasan"] == "tab\there, baris\nbaru, garis \\e bukan escape"
    assert loaded.data["catatan"] == "baris satu\n\nbaris\ttiga\n"


def test_a_control_character_is_reported_at_its_line_and_column():
    f = one("nama: a\nkategori: b\nstatus: contoh\nringkasan: ab\x1b[2Jcd\n", "karakter-tersembunyi")
    assert (f.line, f.column) == (4, 14)


def test_validate_paths_reports_hidden_characters_through_the_catalogue(tree):
    root = tree({"uji/a.yaml": SERVICE.replace("Layanan untuk menguji.", "Layanan \u202eujicoba")})
    findings = validate_paths([root / "uji" / "a.yaml"])
    (f,) = [f for f in findings if f.code == "karakter-tersembunyi"]
    assert (f.line, f.column) == (2, 20)


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_validate_never_echoes_control_characters(tree, capsys, fmt):
    evil = SERVICE.replace("Layanan untuk menguji.", '"Layanan \\e[2J\\e]0;x\\a \\u202e"')
    root = tree({"uji/a.yaml": evil, "uji/b\x1b[2J.yaml": SERVICE.replace("kategori", "kategory")})
    assert main(["validate", str(root), "--format", fmt]) == 1
    out, err = capsys.readouterr()
    assert "karakter-tersembunyi" in out
    assert not _RAW.search(out.replace("\n", "") + err.replace("\n", "")), ascii(out + err)


# -- hole 5: alias amplification (and hole 13: too many items is not an alias problem) -----


def test_alias_amplification_is_bounded_by_expanded_size_at_the_alias_that_crosses_it():
    # ~119 KB on disk, 400 MB once the 4,000 aliases are expanded: few nodes, many characters.
    long = "x" * 100_000
    text = f'a: &a "{long}"\nb:\n' + "  - *a\n" * 4_000
    assert len(text) < 130_000
    start = time.monotonic()
    f = one(text, "terlalu-besar")
    assert time.monotonic() - start < 5
    # Characters: key 'a', the string, key 'b', then one string per alias.
    first_over = next(i for i in range(4_000) if 2 + (i + 2) * len(long) > yamlsafe.MAX_CHARS)
    assert (f.line, f.column) == (3 + first_over, 5)  # the '*' of the alias that crosses the bound
    assert f.path == f"b[{first_over}]"
    assert "alias" in f.message and "karakter" in f.message


def test_aliases_within_the_bound_are_accepted():
    text = 'a: &a "' + "x" * 1_000 + '"\nb:\n' + "  - *a\n" * 100
    loaded = load_bytes(text.encode(), "x.yaml")
    assert loaded.findings == [] and len(loaded.data["b"]) == 100


def test_billion_laughs_is_positioned_at_the_alias_not_the_anchor():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    f = one("\n".join(lines) + "\n", "terlalu-besar")
    assert f.line > 1 and "alias" in f.message
    assert lines[f.line - 1][f.column - 1] == "*"


def test_many_items_without_aliases_are_too_many_items_not_blamed_on_aliases():
    text = "daftar:\n" + "- a\n" * 100_000
    assert len(text) <= MAX_BYTES
    f = one(text, "terlalu-banyak-butir")
    assert "alias" not in f.message
    assert f"{MAX_NODES:,}".replace(",", ".") in f.message
    assert f.line > MAX_NODES // 2 and f.column == 3  # the item that crosses the bound


# -- hole 13 (part): the real size of a file that is too large --------------------------


def test_a_huge_file_is_reported_with_its_real_size(tmp_path):
    big = tmp_path / "besar.yaml"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing read
    (f,) = load_file(big, "besar.yaml").findings
    assert f.code == "berkas-terlalu-besar"
    assert "50,0 MB" in f.message and "512 KB" in f.message


def test_a_file_just_over_the_limit_is_not_reported_as_the_limit(tmp_path):
    p = tmp_path / "besar.yaml"
    p.write_bytes(b"nama: " + b"x" * MAX_BYTES)
    (f,) = load_file(p, "besar.yaml").findings
    assert "512,1 KB" in f.message, f.message


# -- hole 7: CSV formula injection (OWASP) --------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "+62 812 0000 1111", "-2+3", "-", "@SUM(A1)", "\t=1", "\r=1", "  =1+1",
     "\u00a0+1", "\n-cmd", " @x"],
)
def test_csv_cell_that_a_spreadsheet_could_read_as_a_formula_is_prefixed(value):
    # OWASP: a cell starting with = + - @ tab or carriage return (here also after leading
    # whitespace) is prefixed with a single quote, phone numbers like +62 included.
    assert sel_csv(value) == "'" + value


@pytest.mark.parametrize("value", ["Gratis", "Rp50.000", "(0548) 000 1111", "1 hari kerja", "a=b", "", None, 0])
def test_csv_ordinary_cells_are_unchanged(value):
    assert sel_csv(value) == ("" if value is None else str(value))


def test_csv_export_neutralises_a_leading_plus_or_minus(tree):
    svc = SERVICE.replace("nama: Layanan Uji", 'nama: "+62 812 0000 1111"').replace(
        "kategori: Uji", 'kategori: "-1+cmd|\' /C calc\'!A0"')
    cat = load_catalog(tree({"uji/a.yaml": svc}))
    assert cat.ok, cat.findings
    (row,) = csv.DictReader(io.StringIO(catalog_csv(cat)))
    assert row["nama"] == "'+62 812 0000 1111"
    assert row["kategori"].startswith("'-1+cmd")
