"""`standar validate`, `standar schema`, `standar new` as staff and CI use them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.schema import write_schemas
from tests.conftest import SERVICE

REPO = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>galat|peringatan):( (?P<path>[^ ]+):)? (?P<msg>.+)$")

BROKEN = SERVICE.replace("kategori: Uji", "kategori: Uji\nkategory: lagi").replace(
    "biaya: Gratis", "biaya:\n  jumlah: 25000"
)


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_clean_tree_exits_zero(tree, capsys, service_text):
    root = tree({"uji/baik.yaml": service_text})
    code, out, err = run(["validate", str(root)], capsys)
    assert code == 0 and out == ""
    assert "Tidak ada masalah" in err


def test_errors_print_file_line_col_sorted_and_exit_one(tree, capsys):
    root = tree({"uji/rusak.yaml": BROKEN, "uji/a-rusak.yaml": BROKEN})
    code, out, _ = run(["validate", str(root)], capsys)
    assert code == 1
    lines = out.strip().splitlines()
    parsed = [LINE.match(ln) for ln in lines]
    assert all(parsed), lines
    keys = [(p["file"], int(p["line"]), int(p["col"])) for p in parsed]
    assert keys == sorted(keys)  # sorted by file, then position
    first = parsed[0]
    assert first["file"].endswith("uji/a-rusak.yaml") and first["line"] == "4"
    assert first["path"] == "kategory" and "Mungkin maksud Anda 'kategori'" in first["msg"]
    assert any(p["path"] == "biaya" and "dasar_hukum" in p["msg"] for p in parsed)


def test_json_format_is_the_same_findings(tree, capsys):
    root = tree({"uji/rusak.yaml": BROKEN})
    _, text, _ = run(["validate", str(root)], capsys)
    code, out, _ = run(["validate", "--format", "json", str(root)], capsys)
    data = json.loads(out)
    assert code == 1 and len([d for d in data if d["severity"] != "catatan"]) == len(text.strip().splitlines())
    assert set(data[0]) == {"file", "line", "column", "path", "severity", "code", "message"}
    assert {d["code"] for d in data} >= {"kunci-tidak-dikenal", "biaya-tanpa-dasar-hukum"}


def test_github_annotations(tree, capsys):
    root = tree({"uji/rusak.yaml": BROKEN})
    code, out, _ = run(["validate", "--format", "github", str(root)], capsys)
    assert code == 1
    first = out.splitlines()[0]
    assert re.match(r"^::error file=[^,]+rusak\.yaml,line=4,col=1,title=kunci-tidak-dikenal::kategory: ", first)


def test_warnings_pass_unless_strict(tree, capsys, service_text):
    root = tree({"uji/lama.yaml": service_text + "peninjauan:\n  berikutnya: 2020-01-01\n"})
    code, out, _ = run(["validate", str(root)], capsys)
    assert code == 0 and "peringatan" in out
    code, _, _ = run(["validate", "--strict", str(root)], capsys)
    assert code == 1


def test_compliance_notes_are_counted_listed_on_request_and_never_fail(tree, capsys, service_text):
    # A real standard often lacks internal components: notes, not errors.
    from tests.conftest import UNIT

    root = tree({"uji/polos.yaml": service_text}, unit=UNIT.split("bawaan:")[0])
    code, out, err = run(["validate", "--strict", str(root)], capsys)
    assert code == 0 and out == ""  # nothing but notes: quiet, and --strict does not fail on them
    assert re.search(r"0 galat, 0 peringatan, \d+ catatan kepatuhan \(tampilkan dengan --kepatuhan\)", err)
    code, out, err = run(["validate", "--kepatuhan", str(root)], capsys)
    notes = [ln for ln in out.splitlines() if ": catatan:" in ln]
    assert code == 0 and notes and all("komponen" in ln or "SP4N" in ln or "keputusan" in ln for ln in notes)
    assert any("[komponen-internal-tidak-ada]" in ln for ln in notes)
    code, out, _ = run(["validate", "--format", "github", "--kepatuhan", str(root)], capsys)
    assert out.startswith("::notice ")


def test_usage_errors_exit_two(capsys):
    with pytest.raises(SystemExit) as e:
        main(["validate", "--format", "xml"])
    assert e.value.code == 2
    assert "galat" in capsys.readouterr().err


def test_missing_path(capsys):
    code, out, _ = run(["validate", "tidak/ada.yaml"], capsys)
    assert code == 1 and "tidak ada" in out


def test_real_command_end_to_end(tree):
    root = tree({"uji/rusak.yaml": BROKEN})
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(root)],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "galat" in proc.stdout


# -- standar new ---------------------------------------------------------------------------


def test_new_writes_a_complete_file_whose_placeholders_are_errors(tree, capsys):
    root = tree()
    code, out, _ = run(["new", "uji", "surat-keterangan", "--root", str(root)], capsys)
    assert code == 0
    path = root / "uji" / "surat-keterangan.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    for comp in ["persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan", "dasar_hukum",
                 "sarana_prasarana", "kompetensi_pelaksana", "pengawasan_internal", "jumlah_pelaksana",
                 "jaminan_pelayanan", "jaminan_keamanan", "evaluasi_kinerja"]:
        assert f"\n{comp}:" in text
    code, out, _ = run(["validate", str(path)], capsys)
    assert code == 1
    assert out.count("isian-belum-diisi") >= 10


def test_new_filled_in_validates(tree, capsys):
    root = tree()
    run(["new", "uji", "isi", "--root", str(root)], capsys)
    path = root / "uji" / "isi.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('"[ISI] nomor telepon seperti tertulis"', '"0548 123456"')
    text = text.replace('"[ISI] jangka waktu seperti tertulis"', '"Paling lambat 3 (tiga) hari kerja"')
    text = re.sub(r'"\[ISI\][^"]*"', '"Isi yang sebenarnya"', text)
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(["validate", str(path)], capsys)
    assert code == 0, out


def test_new_never_overwrites(tree, capsys, service_text):
    root = tree({"uji/ada.yaml": service_text})
    before = (root / "uji" / "ada.yaml").read_bytes()
    code, _, err = run(["new", "uji", "ada", "--root", str(root)], capsys)
    assert code == 2 and "sudah ada" in err
    assert (root / "uji" / "ada.yaml").read_bytes() == before


@pytest.mark.parametrize("unit, slug, words", [("uji", "Bukan Slug", "huruf kecil"), ("tidak-ada", "x", "belum ada")])
def test_new_rejects_bad_names(tree, capsys, unit, slug, words):
    root = tree()
    code, _, err = run(["new", unit, slug, "--root", str(root)], capsys)
    assert code == 2 and words in err


# -- schema --------------------------------------------------------------------------------


def test_committed_schema_is_up_to_date():
    stale = write_schemas(REPO / "schema", check=True)
    assert stale == [], "run 'standar schema' and commit schema/"


def test_schema_carries_indonesian_descriptions():
    data = json.loads((REPO / "schema" / "layanan.schema.json").read_text(encoding="utf-8"))
    props = data["properties"]
    assert "Nama layanan" in props["nama"]["description"]
    assert set(props) >= {"persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan"}
    assert data["additionalProperties"] is False


def test_schema_check_command(tmp_path, capsys):
    code, _, err = run(["schema", "--out", str(tmp_path), "--check"], capsys)
    assert code == 1 and "tidak mutakhir" in err
    code, out, _ = run(["schema", "--out", str(tmp_path)], capsys)
    assert code == 0 and out.count("ditulis") == 3
    code, _, _ = run(["schema", "--out", str(tmp_path), "--check"], capsys)
    assert code == 0


def test_every_field_has_an_indonesian_description():
    from generator import model as m

    missing = []
    for cls in (m.Layanan, m.Unit, m.Instansi):
        schema = cls.model_json_schema()
        for name, sch in [(cls.__name__, schema), *schema.get("$defs", {}).items()]:
            for key, prop in sch.get("properties", {}).items():
                if not prop.get("description"):
                    missing.append(f"{name}.{key}")
    assert missing == []
