import pytest
from hypothesis import given, strategies as st

from analysis.sentences import split_sentences
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
