"""The search for the largest text size that fits (no WeasyPrint: a model page)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.printing import render
from generator.printing.templates import levels

PTS = levels(18, 14, 1)


def model(c: float, alpha: float):
    """A page whose content height is c * pt**alpha (1.0 = exactly full)."""
    calls: list[float] = []

    def make(pt: float) -> float:
        calls.append(pt)
        return c * pt ** alpha

    def measure(h: float) -> render.Ukur:
        return render.Ukur(h <= 1.0, h, 0.0)

    return make, measure, calls


def test_levels():
    assert levels(18, 14, 1) == [18, 17, 16, 15, 14]
    assert levels(18, 14, 1.5) == [18, 16.5, 15, 14]


@settings(max_examples=300, deadline=None)
@given(
    full14=st.floats(0.3, 1.6),
    alpha=st.floats(render.ALPHA - 0.5, render.ALPHA + 1.0),  # measured: 1.9-3.5 on A3
    start=st.integers(0, len(PTS) - 1),
)
def test_fit_finds_a_size_that_fits_and_never_one_that_does_not(full14, alpha, start):
    c = full14 / 14 ** alpha
    make, measure, calls = model(c, alpha)
    hasil = render.fit(make, PTS, start, measure=measure)
    fitting = [p for p in PTS if c * p ** alpha <= 1.0]
    if not fitting:
        assert hasil is None
        return
    assert hasil is not None
    assert c * hasil.pt ** alpha <= 1.0  # it fits
    best = max(fitting)
    # At most one size below the best, and never more layouts than sizes.
    assert PTS.index(hasil.pt) - PTS.index(best) <= 1
    assert len(calls) == len(set(calls)) <= len(PTS)


@settings(max_examples=200, deadline=None)
@given(full14=st.floats(0.3, 1.0), start=st.integers(0, len(PTS) - 1))
def test_fit_is_exact_when_the_model_holds(full14, start):
    a = render.ALPHA
    c = full14 / 14 ** a
    make, measure, calls = model(c, a)
    hasil = render.fit(make, PTS, start, measure=measure)
    best = max(p for p in PTS if c * p ** a <= 1.0)
    # The largest size that fits, unless it fills the page so nearly (> NAIK) that
    # the search did not try it after the size below fitted.
    assert hasil.pt == best or (PTS.index(hasil.pt) == PTS.index(best) + 1 and c * best ** a > render.NAIK)


def test_fit_with_a_good_guess_needs_one_layout():
    make, measure, calls = model(0.84 / 16 ** 3.0, 3.0)  # grows faster than predicted
    hasil = render.fit(make, PTS, PTS.index(16), measure=measure)
    assert hasil.pt == 16 and calls == [16, 17]  # 17 predicted at 0.97: tried, does not fit (1.01)

    make, measure, calls = model(0.95 / 16 ** render.ALPHA, render.ALPHA)
    hasil = render.fit(make, PTS, PTS.index(16), measure=measure)
    assert hasil.pt == 16 and calls == [16]  # 17 is predicted to overflow clearly: not tried


@pytest.mark.parametrize("full14, expected", [
    (0.3, render.Tingkat(20)), (0.5, render.Tingkat(18)), (0.8, render.Tingkat(15)), (0.95, render.Tingkat(14)),
    (1.1, render.Tingkat(15, True)), (1.4, render.Tingkat(14, True)),
])
def test_start_from_guess(full14, expected):
    assert render.POSTER_TINGKAT[render._mulai(full14, render.POSTER_TINGKAT)] == expected


def _halaman(full14: float, padat: float):
    """A model page along the poster ladder: the summary fills full14 at 14 pt, the
    compact summary ``padat`` of that."""
    calls: list = []

    def make(lv):
        calls.append(lv)
        return full14 * (lv.pt / 14) ** render.ALPHA * (padat if lv.padat else 1.0)

    return make, (lambda h: render.Ukur(h <= 1.0, h, 0.0)), calls


def test_compact_summary_at_the_largest_size_that_fits_after_the_smallest_summary():
    """When the summary does not fit even at 14 pt, the compact summary is printed as
    large as it fits (15 pt here), not at the minimum."""
    ladder = render.POSTER_TINGKAT
    make, measure, calls = _halaman(1.1, render.PADAT)
    hasil = render.fit(make, ladder, ladder.index(render.Tingkat(14)), measure=measure)
    assert hasil.pt == render.Tingkat(15, True)
    assert calls == [render.Tingkat(14), render.Tingkat(15, True)]


def test_the_summary_is_tried_above_a_compact_level_that_did_not_fit():
    """The ladder is in order of preference, not of fullness: the compact summary at
    16 pt can be fuller than the whole summary at 14 pt. Started at 15 pt compact (a
    guess), the search still finds that the summary fits at 14."""
    ladder = render.POSTER_TINGKAT
    make, measure, calls = _halaman(0.95, 0.85)  # 14: 0.95, 16 compact: 1.03, 15 compact: 0.91
    hasil = render.fit(make, ladder, ladder.index(render.Tingkat(15, True)), measure=measure, padat=0.85)
    assert hasil.pt == render.Tingkat(14)
    assert render.Tingkat(15) not in calls  # the summary at 15 is predicted (1.07) not to fit


@settings(max_examples=300, deadline=None)
@given(full14=st.floats(0.2, 1.6), padat=st.floats(0.6, 0.95), guess=st.floats(0.8, 1.25),
       start=st.integers(0, len(render.POSTER_TINGKAT) - 1))
def test_the_ladder_search_never_returns_a_level_that_does_not_fit(full14, padat, guess, start):
    """Whatever the start and however wrong the compact summary's guessed savings, the
    answer fits, is at most one size below the best level of its kind, and no level is
    laid out twice."""
    ladder = render.POSTER_TINGKAT
    make, measure, calls = _halaman(full14, padat)
    hasil = render.fit(make, ladder, start, measure=measure, padat=min(0.99, padat * guess))
    made = list(calls)
    fitting = [lv for lv in ladder if make(lv) <= 1.0]
    if not fitting:
        assert hasil is None
        return
    assert make(hasil.pt) <= 1.0
    assert len(made) == len(set(made))
    best = fitting[0]
    if best.padat == hasil.pt.padat:
        assert ladder.index(hasil.pt) - ladder.index(best) <= 1
