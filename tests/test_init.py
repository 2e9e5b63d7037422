"""`standar init DIR`: a unit's own repository, from flags that are untrusted text; and the
command line's help and errors in Bahasa Indonesia."""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.catalog import load_catalog
from generator.cli import _parser, main
from generator.findings import GALAT
from generator.repo_baru import q
from generator.schema import SCHEMAS, schema_text

REPO = Path(__file__).resolve().parents[1]

SITUS = "https://standar.uji.contoh.go.id/"


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def init(capsys, folder, **flags):
    opsi = {"instansi": "Pemerintah Kota Uji", "unit": "Dinas Uji", "layanan": "Surat Keterangan", "situs": SITUS}
    opsi.update(flags)
    args = ["init", str(folder)]
    for k, v in opsi.items():
        if v is not None:
            args += [f"--{k.replace('_', '-')}", v]
    return run(args, capsys)


# -- the repository --------------------------------------------------------------------------


def test_init_writes_a_repository_whose_standards_validate(tmp_path, capsys):
    repo = tmp_path / "baru"
    code, out, err = init(capsys, repo, singkatan="Disuji", layanan="Surat Keterangan Domisili")
    assert code == 0, err
    for f in ["standards/_instansi.yaml", "standards/disuji/_unit.yaml", "standards/disuji/surat-keterangan-domisili.yaml",
              "mkdocs.yml", "requirements.txt", ".github/workflows/standar.yml", ".vscode/settings.json",
              ".pre-commit-config.yaml", ".gitignore", "README.md", *(f"schema/{s}" for s in SCHEMAS)]:
        assert (repo / f).is_file(), f
        assert f in out
    cat = load_catalog(repo / "standards")
    assert not [f for f in cat.findings if f.severity == GALAT]
    svc = cat.service("surat-keterangan-domisili")
    assert svc is not None and svc.data.nama == "Surat Keterangan Domisili"
    assert cat.instansi.nama == "Pemerintah Kota Uji"
    code, out, err = run(["validate", str(repo / "standards")], capsys)
    assert code == 0 and "0 galat" in err
    # The schemas written are the model's, and each file points at its own.
    for name, (cls, title) in SCHEMAS.items():
        assert (repo / "schema" / name).read_text(encoding="utf-8") == schema_text(cls, title)
    assert (repo / "standards/disuji/_unit.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/unit.schema.json\n")
    assert (repo / "standards/disuji/surat-keterangan-domisili.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/layanan.schema.json\n")
    vscode = json.loads((repo / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert {p.rsplit("/", 1)[1] for p in vscode} == set(SCHEMAS)
    assert all((repo / p).is_file() for p in vscode)
    # standar new in the new repository finds its schemas too.
    code, _, err = run(["new", "disuji", "izin-lain", "--root", str(repo / "standards")], capsys)
    assert code == 0, err
    assert (repo / "standards/disuji/izin-lain.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/layanan.schema.json\n")


def test_init_mkdocs_config_uses_the_plugin_without_a_theme_folder(tmp_path, capsys):
    repo = tmp_path / "baru"
    assert init(capsys, repo)[0] == 0
    cfg = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    assert cfg["theme"] == {"name": "material", "language": "id", "font": False}
    assert "custom_dir" not in cfg["theme"]
    assert cfg["site_url"] == SITUS
    std = next(p["standar"] for p in cfg["plugins"] if isinstance(p, dict) and "standar" in p)
    assert std["standar"] == "standards" and std["layanan_utama"] == ["surat-keterangan"]
    assert (repo / cfg["docs_dir"]).is_dir()
    from generator import __version__
    assert f"standar-pelayanan=={__version__}\n" in (repo / "requirements.txt").read_text(encoding="utf-8")
    gi = (repo / ".gitignore").read_text(encoding="utf-8").split()
    assert "/site/" in gi and ".cache/" in gi


def test_init_pins_every_run_time_dependency_as_tested(tmp_path, capsys):
    """A unit's CI gets the tool and every library it needs at the versions this release
    was tested with, never the newest release of a dependency."""
    from generator import dependensi

    repo = tmp_path / "baru"
    assert init(capsys, repo)[0] == 0
    pins = {}
    for line in (repo / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, line  # every line is an exact pin
            pins[dependensi._kunci(name)] = version
    lock = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, _, version = line.partition("==")
            lock[dependensi._kunci(name)] = version.strip()
    assert pins.pop("standar-pelayanan")
    assert {"weasyprint", "mkdocs", "mkdocs-material", "pydantic", "jinja2", "pyyaml"} <= set(pins)
    # The shipped pins are what the lock says, and nothing the tool needs is missing.
    assert pins == {n: lock[n] for n in pins}
    assert pins == dependensi.tertutup()
    assert not {"pytest", "playwright", "hypothesis"} & set(pins)  # test tools stay out


def test_init_workflow_validates_builds_and_publishes_from_main_only(tmp_path, capsys):
    repo = tmp_path / "baru"
    assert init(capsys, repo)[0] == 0
    text = (repo / ".github/workflows/standar.yml").read_text(encoding="utf-8")
    assert not [l for l in text.splitlines() if "pull_request_target" in l and not l.lstrip().startswith("#")]
    wf = yaml.safe_load(text)
    on = wf[True]  # YAML 1.1 reads the key `on` as true
    assert set(on) == {"pull_request", "push"} and on["push"] == {"branches": ["main"]}
    assert wf["permissions"] == {"contents": "read"}
    bangun, terbit = wf["jobs"]["bangun"], wf["jobs"]["terbitkan"]
    runs = [s.get("run", "") for s in bangun["steps"]]
    assert "pip install -r requirements.txt" in runs
    # Print problems (a poster that does not fit) are annotations on the pull request too.
    assert any(r.startswith("standar validate --cetak --format github") for r in runs)
    assert "mkdocs build --strict" in runs
    upload = next(s for s in bangun["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["if"] == terbit["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert terbit["permissions"] == {"pages": "write", "id-token": "write"}
    assert terbit["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert "permissions" not in bangun  # the read-only default
    # Pull requests: what the change does to citizens in the job summary (the whole history is
    # fetched so the target branch is there to compare with), and the built site to preview.
    assert bangun["steps"][0]["with"]["fetch-depth"] == 0
    ringkas = next(s for s in bangun["steps"] if "standar diff" in s.get("run", ""))
    assert ringkas["if"] == "github.event_name == 'pull_request'"
    assert ringkas["run"] == 'standar diff "origin/$TUJUAN" --format markdown >> "$GITHUB_STEP_SUMMARY"'
    assert ringkas["env"] == {"TUJUAN": "${{ github.base_ref }}"}  # never ${{ }} inside the shell line
    pratinjau = next(s for s in bangun["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert pratinjau["if"] == "github.event_name == 'pull_request'" and pratinjau["with"]["path"] == "site"
    assert runs.index(ringkas["run"]) < runs.index("mkdocs build --strict") < bangun["steps"].index(pratinjau)


NAMA_SULIT = 'Dinas "Uji": #1 \\ baris\nkedua: - [x] {y} & <b>'


def test_init_writes_untrusted_names_as_escaped_yaml(tmp_path, capsys):
    repo = tmp_path / "baru"
    code, _, err = init(capsys, repo, instansi=NAMA_SULIT, unit=NAMA_SULIT, singkatan="#S: 'x'",
                        wilayah="a: b # c", layanan=NAMA_SULIT, unit_id="dinas-uji", slug="layanan-uji")
    assert code == 0, err
    cat = load_catalog(repo / "standards")
    assert not [f for f in cat.findings if f.severity == GALAT]
    assert cat.instansi.nama == NAMA_SULIT and cat.instansi.wilayah == "a: b # c"
    unit = yaml.safe_load((repo / "standards/dinas-uji/_unit.yaml").read_text(encoding="utf-8"))
    assert unit == {"nama": NAMA_SULIT, "singkatan": "#S: 'x'"}
    assert cat.service("layanan-uji").data.nama == NAMA_SULIT
    cfg = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    assert cfg["site_name"] == f"Standar Pelayanan {NAMA_SULIT}"
    # A name never lands in a comment: every line holding it is one key with one quoted value.
    for f in (repo / "standards").rglob("*.yaml"):
        for line in f.read_text(encoding="utf-8").splitlines():
            assert "kedua" not in line or line.startswith(("nama: \"", "site_name: \""))


@pytest.mark.parametrize("teks", ["biasa", 'a"b', "a: b", "# x", "x\ny", "- x", "'", "\\", "yes", "~", "Rp 1.000,-"])
def test_q_round_trips(teks):
    assert "\n" not in q(teks)
    assert yaml.safe_load(f"k: {q(teks)}  # komentar") == {"k": teks}


@pytest.mark.parametrize("flags, kata", [
    ({"unit_id": "Bukan Slug"}, "--unit-id 'Bukan Slug' tidak sah"),
    ({"slug": "a--b"}, "--slug 'a--b' tidak sah"),
    ({"slug": "index"}, "dipakai situs sendiri"),
    ({"slug": "maklumat"}, "dipakai situs sendiri"),
    ({"unit_id": "index"}, "dipakai situs sendiri"),
    ({"unit": "###"}, "--unit-id"),
    ({"situs": "javascript:alert(1)"}, "--situs"),
    ({"situs": "https://a.b/?x=1"}, "--situs"),
    ({"layanan": "Surat\u202eKeterangan", "slug": "surat"}, "U+202E"),
    ({"instansi": "Pemkot\x00Uji"}, "U+0000"),
    ({"instansi": "   "}, "--instansi kosong"),
])
def test_init_refuses_bad_values_without_writing(tmp_path, capsys, flags, kata):
    repo = tmp_path / "baru"
    code, out, err = init(capsys, repo, **flags)
    assert code == 2
    assert kata in err and "Traceback" not in err
    assert not repo.exists()
    assert list(tmp_path.iterdir()) == []  # no half-written folder beside it either


def test_init_refuses_a_non_empty_folder_and_changes_nothing(tmp_path, capsys):
    repo = tmp_path / "ada"
    repo.mkdir()
    (repo / "catatan.txt").write_text("milik orang", encoding="utf-8")
    code, out, err = init(capsys, repo)
    assert code == 2 and "sudah berisi berkas" in err and "Traceback" not in err
    assert [p.name for p in repo.iterdir()] == ["catatan.txt"]
    assert (repo / "catatan.txt").read_text(encoding="utf-8") == "milik orang"
    berkas = tmp_path / "berkas"
    berkas.write_text("x", encoding="utf-8")
    code, _, err = init(capsys, berkas)
    assert code == 2 and "bukan folder" in err


def test_init_fills_an_empty_folder(tmp_path, capsys):
    repo = tmp_path / "kosong"
    repo.mkdir()
    code, _, err = init(capsys, repo)
    assert code == 0, err
    assert (repo / "standards/dinas-uji/surat-keterangan.yaml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["kosong"]


# -- help and usage errors in Bahasa Indonesia ----------------------------------------------

# argparse's own English words (Python 3.11-3.13): none may reach a user of `standar`.
INGGRIS = ["usage:", "positional arguments", "options:", "optional arguments", "show this help",
           "the following arguments are required", "invalid choice", "unrecognized arguments", "error:",
           "expected one argument", "invalid int value", "choose from", "subcommands", "argument "]


def _subperintah():
    p = _parser()
    sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_every_help_is_indonesian(capsys):
    names = _subperintah()
    assert {"validate", "schema", "new", "cetak", "init"} <= set(names)
    for args in [["--help"], *([n, "--help"] for n in names)]:
        with pytest.raises(SystemExit) as e:
            main(args)
        assert e.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("penggunaan: standar"), args
        assert "opsi:" in out and "tampilkan bantuan ini lalu keluar" in out
        for w in INGGRIS:
            assert w not in out, (args, w)


@pytest.mark.parametrize("args, kata", [
    (["init"], "argumen berikut wajib diisi: FOLDER, --instansi, --situs, --unit, --layanan"),
    (["validate", "--format", "xml"], "pilihan tidak sah: 'xml'"),
    (["validate", "--bogus"], "argumen tidak dikenal: --bogus"),
    (["tidak-ada"], "pilihan tidak sah: 'tidak-ada'"),
    (["cetak", "--jobs", "banyak"], "nilai tidak sah (bilangan bulat): 'banyak'"),
    (["cetak", "--out"], "memerlukan satu nilai"),
])
def test_usage_errors_are_indonesian_and_exit_two(capsys, args, kata):
    with pytest.raises(SystemExit) as e:
        main(args)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert kata in err
    assert err.startswith("penggunaan: standar")
    assert "standar: galat:" in err
    for w in INGGRIS:
        assert w not in err, (args, w)


def test_translation_is_scoped_to_our_parser(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    capsys.readouterr()
    other = argparse.ArgumentParser(prog="lain")
    assert other.format_help().startswith("usage: lain")
    assert "show this help message and exit" in other.format_help()
    assert re.search(r"^options:|^optional arguments:", other.format_help(), re.M)


def test_init_dot_fills_the_current_empty_folder(tmp_path, capsys, monkeypatch):
    repo = tmp_path / "di-sini"
    repo.mkdir()
    monkeypatch.chdir(repo)
    code, _, err = init(capsys, ".")
    assert code == 0, err
    assert (repo / "standards/_instansi.yaml").is_file() and (repo / "mkdocs.yml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["di-sini"]
    assert repo.is_dir() and Path(".").resolve() == repo.resolve()


# -- the plugin brings its theme override ---------------------------------------------------


def _theme(**kw):
    from mkdocs.theme import Theme

    return Theme(name="material", **kw)


def test_plugin_puts_its_theme_override_after_the_units_own_custom_dir(tmp_path):
    from mkdocs.exceptions import PluginError

    from generator.mkdocs_plugin import _tema_mkdocs
    from generator.tema import MKDOCS

    t = _theme()
    material = list(t.dirs)
    _tema_mkdocs(t)
    assert t.dirs == [str(MKDOCS), *material]
    assert (MKDOCS / "main.html").is_file() and (MKDOCS / "assets/stylesheets/standar.css").is_file()

    sendiri = tmp_path / "tema-unit"
    sendiri.mkdir()
    t = _theme(custom_dir=str(sendiri))
    _tema_mkdocs(t)
    assert t.dirs[:2] == [str(sendiri), str(MKDOCS)] and t.dirs[2:] == material

    t = _theme(custom_dir=str(MKDOCS))  # an older mkdocs.yml naming it: not twice
    _tema_mkdocs(t)
    assert t.dirs == [str(MKDOCS), *material]

    from mkdocs.theme import Theme
    with pytest.raises(PluginError, match="material"):
        _tema_mkdocs(Theme(name="mkdocs"))


# -- pre-commit -------------------------------------------------------------------------------


def test_pre_commit_hooks_check_the_changed_standards_files(tmp_path, capsys):
    """The hook this project offers (.pre-commit-hooks.yaml) and the local one `standar init`
    writes run `standar validate` on the standards files a commit changes, as pre-commit runs
    them: the entry with the file names its `files` pattern selects, from the repository's root."""
    repo = tmp_path / "baru"
    code, _out, err = init(capsys, repo, singkatan="Disuji")
    assert code == 0, err
    ours = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    theirs = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert theirs["repos"][0]["repo"] == "local"
    standar = Path(sys.executable).parent / "standar"
    service = repo / "standards" / "disuji" / "surat-keterangan.yaml"
    clean = service.read_text(encoding="utf-8")
    for hook in (ours[0], theirs["repos"][0]["hooks"][0]):
        assert hook["id"] == "standar-validate" and hook["language"] in ("python", "system")
        pola = re.compile(hook["files"])
        files = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file())
        chosen = [f for f in files if pola.search(f)]
        assert chosen == ["standards/_instansi.yaml", "standards/disuji/_unit.yaml",
                          "standards/disuji/surat-keterangan.yaml"]
        cmd = [str(standar), *shlex.split(hook["entry"])[1:]]

        def commit(*names: str) -> subprocess.CompletedProcess:
            return subprocess.run([*cmd, *names], cwd=repo, capture_output=True, text=True, timeout=120)

        service.write_text(clean, encoding="utf-8")
        r = commit(*chosen)
        assert r.returncode == 0, r.stdout + r.stderr
        # A galat in a changed file stops the commit, naming the file and line.
        service.write_text(clean + "biaya: [Gratis\n", encoding="utf-8")
        r = commit("standards/disuji/surat-keterangan.yaml")
        assert r.returncode == 1
        assert re.search(r"standards/disuji/surat-keterangan\.yaml:\d+:\d+: galat", r.stdout + r.stderr), r.stdout + r.stderr
        # Only the files given are reported: a commit touching the unit file alone passes.
        assert commit("standards/disuji/_unit.yaml").returncode == 0
    service.write_text(clean, encoding="utf-8")
