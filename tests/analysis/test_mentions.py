from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from analysis.actors import parse_registry
from analysis.mentions import _WORD_BEFORE, Matcher, _word_before, find_mentions_in_article
from analysis.sentences import split_sentences
from tests.resources import MENTION_CASES, MENTION_REGISTRY

MATCHER = Matcher(parse_registry(MENTION_REGISTRY))


def _mentions(text: str, published: str):
    sents = [(i, text[s:e]) for i, (s, e) in enumerate(split_sentences(text))]
    hits = find_mentions_in_article(MATCHER, sents, date.fromisoformat(published))
    return [(h.surface, h.actor, h.kind) for _, h in hits]


@pytest.mark.parametrize("name", MENTION_CASES)
def test_named_rule(name):
    text, published, expected = MENTION_CASES[name]
    assert _mentions(text, published) == expected


def test_spans_point_at_the_surface():
    text = "Li Qiang met Biden. Later Mr. Li left."
    sents = [(i, text[s:e]) for i, (s, e) in enumerate(split_sentences(text))]
    for sid, h in find_mentions_in_article(MATCHER, sents, date(2023, 6, 1)):
        assert sents[sid][1][h.start:h.end] == h.surface


NAMES = ["Joe Biden", "Biden", "Xi", "China", "Beijing", "U.S."]
FILLER = ["the talks", "officials said", "on Monday", "and", "in Geneva", "Bidenomics",
          "Xiaomi", "South China Sea"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NAMES + FILLER), min_size=1, max_size=15))
def test_mentions_never_overlap_and_never_sit_inside_words(words):
    text = " ".join(words) + "."
    sents = [(0, text)]
    hits = [h for _, h in find_mentions_in_article(MATCHER, sents, date(2023, 6, 1))]
    for a, b in zip(hits, hits[1:]):
        assert a.end <= b.start
    for h in hits:
        assert h.start == 0 or not text[h.start - 1].isalnum()
        assert h.end == len(text) or not text[h.end].isalnum()
    # Adding unrelated words around the text never changes what is found in it.
    padded = [(0, "Officials said " + text)]
    shifted = [(h.surface, h.actor) for _, h in find_mentions_in_article(MATCHER, padded, date(2023, 6, 1))]
    assert shifted == [(h.surface, h.actor) for h in hits]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1 ’'.-,;“é\n", max_size=60), st.integers(1, 12))
def test_last_word_read_from_the_tail_is_the_full_searchs(text, tail):
    """_word_before reads the end of a long prefix only; it must find what searching the
    whole prefix finds (short tails make the cut fall everywhere)."""
    fast, full = _word_before(text, tail), _WORD_BEFORE.search(text)
    assert (fast and (fast.span(), fast[1])) == (full and (full.span(), full[1]))
