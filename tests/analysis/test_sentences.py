import re

import pytest
from hypothesis import given, settings, strategies as st

from analysis.sentences import _last_token, split_sentences
from tests.resources import SENTENCES


@pytest.mark.parametrize("name", SENTENCES)
def test_named_sentences(name):
    text, expected = SENTENCES[name]
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_paragraph_break_always_ends_a_sentence():
    text = "A headline without a stop\n\nThe first paragraph."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "A headline without a stop", "The first paragraph."]


@given(st.lists(st.sampled_from(["Mr. Xi spoke.", "The U.S. agreed.", "“Yes,” he said.",
                                 "Talks ended", "\n\n", " ", "Is it? No!"]), max_size=12))
def test_spans_cover_text_in_order_without_overlap(parts):
    text = " ".join(parts)
    spans = split_sentences(text)
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == text.replace(" ", "").replace("\n", "")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.'’- \n1", max_size=400), st.data())
def test_the_last_token_read_from_a_window_is_the_plain_one(text, data):
    """sentences._last_token (a growing window) against the plain definition: the trailing
    run of the text before `stop`."""
    stop = data.draw(st.integers(0, len(text)))
    plain = re.search(r"([\w.'’-]+)$", text[:stop])
    assert _last_token(text, stop) == (plain[1] if plain else "")

