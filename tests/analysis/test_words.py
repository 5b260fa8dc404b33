from hypothesis import given, settings, strategies as st

from analysis.words import _CLAUSE_BREAK, clause_context


def test_clause_context_splits_contrast():
    s = "Xi praised the talks, but Biden attacked the tariffs."
    assert clause_context(s, 0, 2) == "Xi praised the talks"
    assert clause_context(s, s.index("Biden"), s.index("Biden") + 5).strip() == \
        "but Biden attacked the tariffs."


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab ,;:—–", max_size=30).flatmap(
    lambda s: st.tuples(st.just(s), st.integers(0, len(s)), st.integers(0, len(s)))))
def test_clause_context_is_the_stretch_between_the_nearest_breaks(case):
    """The clause rule as first written (a scan of every break), against the bisect version."""
    sentence, a, b = case
    start, end = min(a, b), max(a, b)
    cuts = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    lo = max(c for c in cuts if c <= start)
    hi = min((c for c in cuts if c >= end), default=len(sentence))
    assert clause_context(sentence, start, end) == sentence[lo:hi]
