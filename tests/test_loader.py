"""Hostile and broken input: a positioned Indonesian error, never a traceback,
never execution, bounded time and memory."""

from __future__ import annotations

import resource
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalog import validate_paths
from generator.yamlsafe import MAX_BYTES, load_bytes


def codes(loaded):
    return [f.code for f in loaded.findings]


def one(raw: bytes | str, code: str):
    if isinstance(raw, str):
        raw = raw.encode()
    loaded = load_bytes(raw, "x.yaml")
    hits = [f for f in loaded.findings if f.code == code]
    assert hits, f"expected {code}, got {loaded.findings}"
    assert all(f.severity == "galat" for f in hits)
    return hits[0]


def test_syntax_error_is_positioned():
    f = one("nama: a\nringkasan: [tidak ditutup\n", "yaml-sintaks")
    assert f.line >= 2 and f.file == "x.yaml"


def test_tab_indentation_explained():
    f = one("nama: a\npersyaratan:\n\t- KTP\n", "yaml-tab")
    assert f.line == 3
    assert "spasi" in f.message


def test_duplicate_key_error_at_second_occurrence():
    f = one("nama: pertama\nkategori: x\nnama: kedua\n", "kunci-ganda")
    assert (f.line, f.column) == (3, 1)
    assert "baris 1" in f.message


def test_sexagesimal_time_trap_explained():
    f = one('buka: 8:30\n', "yaml-angka-jam")
    assert (f.line, f.column) == (1, 7)
    assert "510" in f.message and '"8:30"' in f.message


def test_yes_no_trap_explained():
    f = one("wajib: no\n", "yaml-ya-tidak")
    assert "ya atau tidak" in f.message


def test_leading_zero_number_trap():
    f = one("nilai: 0548123456\n", "yaml-nol-depan")
    assert '"0548123456"' in f.message


def test_quoted_values_are_kept_verbatim():
    loaded = load_bytes(b'buka: "8:30"\nnilai: "0548123456"\nx: "no"\nn: 0012\n', "x.yaml")
    assert loaded.data["buka"] == "8:30"
    assert loaded.data["nilai"] == "0548123456"
    assert loaded.data["x"] == "no"


def test_plain_scalars_stay_text_for_the_model_to_type():
    loaded = load_bytes(b"a: 12\nb: 2026-01-05\nc: true\nd: ~\n", "x.yaml")
    assert loaded.data == {"a": "12", "b": "2026-01-05", "c": "true", "d": None}
    assert loaded.findings == []


def test_billion_laughs_is_bounded():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.monotonic()
    f = one("\n".join(lines) + "\n", "terlalu-besar")
    assert time.monotonic() - start < 5
    assert "alias" in f.message


@pytest.mark.parametrize("text", ["a: &x\n  b: *x\n", "a: &x [1, *x]\n"])
def test_recursive_alias_is_refused(text):
    # libyaml composes a node that contains itself; the builder must not loop.
    f = one(text, "alias-melingkar")
    assert f.line == 1


def test_non_utf8_is_positioned():
    f = one("nama: Layanan\nringkasan: caf".encode() + b"\xe9\n", "bukan-utf8")
    assert f.line == 2
    assert "UTF-8" in f.message


def test_utf8_bom_is_accepted():
    loaded = load_bytes("\ufeffnama: Layanan\n".encode(), "x.yaml")
    assert loaded.data == {"nama": "Layanan"}


def test_binary_content():
    one(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "berkas-biner")


@pytest.mark.parametrize("text", ["", "   \n\n", "# hanya komentar\n"])
def test_empty_file(text):
    one(text, "berkas-kosong")


def test_list_where_mapping_belongs():
    f = one("- nama: a\n- nama: b\n", "bukan-pemetaan")
    assert "pasangan kunci dan nilai" in f.message


def test_scalar_document():
    one("hanya teks\n", "bukan-pemetaan")


def test_multi_document_file():
    f = one("nama: a\n---\nnama: b\n", "yaml-multi-dokumen")
    assert f.line == 2


def test_very_deep_nesting_does_not_crash():
    # libyaml composes recursively and segfaults on ~100k levels: we refuse first.
    deep = "a: " + "[" * 200_000 + "]" * 200_000 + "\n"
    f = one(deep, "terlalu-dalam")
    assert f.severity == "galat"
    assert (f.line, f.column) == (1, 43)  # the bracket that opens level 41
    assert "kurung" in f.message


@pytest.mark.parametrize(
    "text",
    [
        # Past the cheap pre-scan test (short lines, few brackets) and past libyaml 0.2.6's
        # own limit of 1000 levels, which it reports as a syntax error.
        "a:\n" + " [\n" * 1_200 + " x\n" + " ]\n" * 1_200,
        "- " * 2_000 + "x\n",
        "a: " + "{b: " * 1_500 + "1" + "}" * 1_500 + "\n",
    ],
    ids=["flow-over-lines", "block-sequence", "flow-mapping"],
)
def test_nesting_beyond_the_parser_limit_is_too_deep_not_a_syntax_error(text):
    loaded = load_bytes(text.encode(), "x.yaml")
    assert codes(loaded) == ["terlalu-dalam"]
    assert loaded.findings[0].line > 1 or loaded.findings[0].column > 1


def test_moderately_deep_block_nesting():
    text = "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 60)) + "  " * 60 + "c: 1\n"
    one(text, "terlalu-dalam")


def test_file_over_size_limit(tree, tmp_path):
    root = tree({"uji/besar.yaml": "nama: " + "x" * (MAX_BYTES + 10) + "\n"})
    findings = validate_paths([root / "uji/besar.yaml"])
    assert [f.code for f in findings] == ["berkas-terlalu-besar"]


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system ['touch /tmp/pwned']", "!!python/name:os.system", "!custom x"],
)
def test_python_and_custom_tags_never_execute(tag, tmp_path):
    marker = tmp_path / "pwned"
    text = f"nama: {tag.replace('/tmp/pwned', str(marker))}\n"
    f = one(text, "tag-tidak-diizinkan")
    assert f.line == 1
    assert not marker.exists()


def test_merge_key_is_explained():
    one("a: &a {x: 1}\nb:\n  <<: *a\n", "merge-tidak-didukung")


def test_placeholder_left_by_new_is_an_error():
    f = one('nama: "[ISI] nama layanan"\n', "isian-belum-diisi")
    assert f.line == 1 and f.column == 7


def test_time_and_memory_are_bounded_for_a_large_valid_file():
    # 400 KB of ordinary content: loads well within a second and a few MB.
    body = "daftar:\n" + "".join(f"  - butir nomor {i} dengan teks yang cukup panjang\n" for i in range(8000))
    assert len(body) < MAX_BYTES
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    loaded = load_bytes(body.encode(), "x.yaml")
    assert time.monotonic() - start < 5  # a bound against hangs, not a benchmark
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB
    assert len(loaded.data["daftar"]) == 8000


# -- property-based: arbitrary YAML text and bytes give findings or a model ---------------

yaml_like = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(raw):
    loaded = load_bytes(raw, "x.yaml")
    assert loaded.data is not None or loaded.findings


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!#'\"\n\t|>%@`?,.01")), max_size=120))
def test_arbitrary_yaml_punctuation_never_raises(text):
    loaded = load_bytes(text.encode(), "x.yaml")
    assert loaded.data is not None or loaded.findings


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=yaml_like)
def test_arbitrary_structures_through_the_whole_pipeline(tmp_path_factory, data):
    import yaml

    from tests.conftest import INSTANSI, UNIT, write

    root = tmp_path_factory.mktemp("prop") / "standards"
    write(root, "_instansi.yaml", INSTANSI)
    write(root, "uji/_unit.yaml", UNIT)
    write(root, "uji/acak.yaml", yaml.safe_dump(data, allow_unicode=True))
    findings = validate_paths([root])  # must not raise
    for f in findings:
        assert f.line >= 1 and f.column >= 1 and f.message
