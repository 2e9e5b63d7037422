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
    alpha=st.floats(1.3, 2.4),
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
    make, measure, calls = model(0.87 / 16 ** 2.3, 2.3)  # grows faster than predicted
    hasil = render.fit(make, PTS, PTS.index(16), measure=measure)
    assert hasil.pt == 16 and calls == [16, 17]  # 17 predicted at 0.97: tried, does not fit

    make, measure, calls = model(0.95 / 16 ** render.ALPHA, render.ALPHA)
    hasil = render.fit(make, PTS, PTS.index(16), measure=measure)
    assert hasil.pt == 16 and calls == [16]  # 17 is predicted to overflow clearly: not tried


@pytest.mark.parametrize("full14, expected", [
    (0.5, render.Tingkat(18)), (0.8, render.Tingkat(15)), (0.95, render.Tingkat(14)),
    (1.1, render.Tingkat(14, True)), (1.4, render.Tingkat(14, True)),
])
def test_start_from_guess(full14, expected):
    assert render.POSTER_TINGKAT[render._mulai(full14, render.POSTER_TINGKAT)] == expected


def test_compact_level_is_tried_after_the_smallest_size():
    """The ladder ends with the compact summary, which fills about PADAT as much."""
    ladder = render.POSTER_TINGKAT
    calls = []

    def make(lv):
        calls.append(lv)
        return 1.1 * (lv.pt / 14) ** render.ALPHA * (render.PADAT if lv.padat else 1.0)

    hasil = render.fit(make, ladder, ladder.index(render.Tingkat(14)),
                       measure=lambda h: render.Ukur(h <= 1.0, h, 0.0))
    assert hasil.pt == render.Tingkat(14, True) and calls == [render.Tingkat(14), render.Tingkat(14, True)]
