"""Search: the query language (hostile input included), each operator on named sample
sentences, and counts equal to a plain scan (property test)."""
import re
import types

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis import search as S
from analysis.corpus import Corpus
from analysis.search import QueryError, parse_query
from analysis.selection import Selection
from analysis.sentences import split_sentences

# Sample sentences written for these tests.
SAMPLES = {
    "balloon": "The spy balloon drifted over Montana on Thursday.",
    "weather": "Officials said it was a weather balloon, not a spy craft.",
    "talks": "Negotiators resumed the talks; negotiations may last weeks.",
    "accents": "The ÉMIGRÉ writer met a Pékin delegation.",
    "usa": "The U.S. envoy and the US embassy disagreed.",
    "possessive": "China's reply came late.",
    "break": "They flew a spy. Balloon prices rose.",
}


def _corpus(texts: dict[str, str], outlets: dict[str, str] | None = None,
            dates: dict[str, str] | None = None):
    articles, sentences = [], []
    for aid, text in texts.items():
        spans = split_sentences(text)
        articles.append({"article_id": aid, "outlet": (outlets or {}).get(aid, "Outlet A"),
                         "published": pd.Timestamp((dates or {}).get(aid, "2023-02-01")),
                         "words": len(text.split()), "label": aid})
        sentences += [{"article_id": aid, "sentence_id": j, "start": s, "end": e,
                       "text": text[s:e]} for j, (s, e) in enumerate(spans)]
    corpus = Corpus(name="t", path=None, content_hash=str(hash(tuple(texts.items()))),
                    articles=pd.DataFrame(articles), zones=pd.DataFrame(),
                    sentences=pd.DataFrame(sentences), problems=pd.DataFrame())
    mentions = pd.DataFrame({"article_id": ["balloon"], "sentence_id": [0], "actor": ["Montana"]})
    return Selection(types.SimpleNamespace(corpus=corpus, tables={"mentions": mentions}))


SEL = _corpus(SAMPLES)


def found(query: str, sel=SEL) -> list[tuple[str, str]]:
    m = S.search(sel, query)
    return list(zip(m["article_id"], m["match"]))


# ------------------------------------------------------------------------------ parsing
@pytest.mark.parametrize("text, message", [
    ("", "empty"), ("   ", "empty"), ('"; DROP TABLE s', "not closed"), ('"spy balloon', "not closed"),
    ("*", "needs at least one letter"), ("NOT", "NOT"), ("balloon NOT", "NOT"),
    ("-weather", "Nothing to find"), ("OR balloon", "OR goes between"), ("balloon OR", "OR needs"),
    ("a OR -b", "cannot join"), ("ab*c", "at the end of a word"), ("x" * 501, "characters long"),
    ('""', "empty phrase"), ("; -- ()", "Nothing to find"),
])
def test_bad_queries_say_what_is_wrong(text, message):
    with pytest.raises(QueryError, match=re.escape(message) if message != "empty" else "empty"):
        parse_query(text)


@pytest.mark.parametrize("text", ['"; DROP TABLE s; --"', "NEAR(spy balloon)", "col:term",
                                  "text:balloon", "spy AND balloon", "{s} : balloon", "^balloon",
                                  "balloon)) OR ((weather", "'; select 1; --"])
def test_hostile_text_becomes_quoted_terms_only(text):
    q = parse_query(text)
    assert re.fullmatch(r'(\(|\)|"[^\W_]+( [^\W_]+)*"\*?| AND | OR | NOT )+', q.fts), q.fts
    S.search(SEL, q)  # runs as a MATCH of quoted strings, never raises


def test_words_ending_in_punctuation_are_phrases():
    assert parse_query("U.S.").include == ((S.Term(("u", "s")),),)
    assert parse_query("China's").include == ((S.Term(("china", "s")),),)
    assert parse_query("col:term").fts == '("col" AND "term")'  # (order: checked on the text)


# ------------------------------------------------------------------------------ operators
def test_words_all_in_one_sentence():
    assert {a for a, _ in found("spy balloon")} == {"balloon", "weather"}


def test_a_phrase_keeps_its_order_and_never_crosses_a_sentence():
    assert found('"spy balloon"') == [("balloon", "spy balloon")]
    assert "break" not in {a for a, _ in found('"spy balloon"')}
    assert "break" not in {a for a, _ in found("spy balloon")}  # every word in one sentence


def test_a_phrase_is_its_words_in_order_not_its_words_anywhere():
    sel = _corpus({"order": "Trade war fears rose.", "reversed": "The war hurt trade.",
                   "apart": "A trade deal ended the war.", "both": "War, trade and a trade war."})
    assert found('"trade war"', sel) == [("order", "Trade war"), ("both", "trade war")]
    # an excluded phrase leaves out only the sentences holding it, words in order
    assert {a for a, _ in found('trade -"trade war"', sel)} == {"reversed", "apart"}
    # each group must hold in the sentence: "fears" with a phrase that is not there
    assert found('fears "war trade"', sel) == []


def test_or_not_and_minus():
    assert {a for a, _ in found("drifted OR weather")} == {"balloon", "weather"}
    assert {a for a, _ in found("balloon -weather")} == {"balloon", "break"}
    assert {a for a, _ in found("balloon NOT weather")} == {"balloon", "break"}


def test_prefix():
    assert found("negotiat*") == [("talks", "Negotiators"), ("talks", "negotiations")]
    assert found("negotiat") == []


def test_case_and_accents_are_ignored_and_spans_are_the_texts_own():
    assert found("emigre") == [("accents", "ÉMIGRÉ")]
    assert found("PEKIN") == [("accents", "Pékin")]


def test_us_and_u_s_are_found_only_as_asked():
    assert found("U.S.") == [("usa", "U.S")]
    assert found("US") == [("usa", "US")]
    assert [m for _, m in found("U.S. OR US")] == ["U.S", "US"]
    assert found("China's") == [("possessive", "China's")]


def test_actor_restriction():
    m = S.search(SEL, "balloon", actor="Montana")
    assert m["article_id"].tolist() == ["balloon"]


def test_counts_by_date_and_kwic():
    sel = _corpus({"a": "Balloon here. Balloon there, balloon.", "b": "No match.", "c": "A balloon."},
                  outlets={"a": "A", "b": "B", "c": "A"},
                  dates={"a": "2023-01-02", "b": "2023-01-04", "c": "2023-01-04"})
    m = S.search(sel, "balloon")
    counts = S.count_matches(sel, m).set_index("outlet")
    assert counts.loc["A", "matches"] == 4 and counts.loc["A", "matching_articles"] == 2
    assert counts.loc["B", "matches"] == 0 and counts.loc["B", "outlet_articles"] == 1
    assert counts.loc["A", "share_of_articles_pct"] == 100.0
    by_date = S.matches_by_date(sel, m)
    assert by_date["matches"].tolist() == [3, 0, 1]  # the empty day drawn as zero
    k = S.kwic(m, sel.corpus.sentence_text(m), width=5)
    assert k.iloc[2][["left", "match", "right"]].tolist() == ["…ere, ", "balloon", "."]
    assert S.sort_kwic(k, "left")["left"].tolist()[0] == ""
    assert list(k.columns) == list(S.KWIC)


# ------------------------------------------------------------------------------ property
WORDS = ["alpha", "beta", "gamma", "délta", "Alpha", "BETA"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
                         min_size=1, max_size=3), min_size=1, max_size=5),
       st.sampled_from(["alpha", "delta", "alpha beta", '"alpha beta"', "gam*",
                        "alpha OR gamma", "beta -gamma"]))
def test_counts_equal_a_plain_scan(articles, query):
    texts = {f"a{i}": " ".join(" ".join(s).capitalize() + "." for s in sents)
             for i, sents in enumerate(articles)}
    sel = _corpus(texts, outlets={k: ("A" if int(k[1:]) % 2 else "B") for k in texts})
    q = parse_query(query)
    expected = 0
    for text in texts.values():
        for s, e in split_sentences(text):
            words = [S.fold(w) for w in re.findall(r"\w+", text[s:e])]
            ok = all(any(_has(words, t) for t in g) for g in q.include) and not any(
                _has(words, t) for t in q.exclude)
            if ok:
                expected += sum(_count(words, t) for t in q.terms)
    got = S.count_matches(sel, S.search(sel, q))["matches"].sum()
    assert got == expected


def _at(words, i, t):
    n = len(t.tokens)
    if i + n > len(words) or words[i:i + n - 1] != list(t.tokens[:-1]):
        return False
    last = words[i + n - 1]
    return last.startswith(t.tokens[-1]) if t.prefix else last == t.tokens[-1]


def _has(words, t):
    return any(_at(words, i, t) for i in range(len(words)))


def _count(words, t):
    return sum(_at(words, i, t) for i in range(len(words)))


def test_characters_that_fold_to_several_keep_their_spans():
    """"ß" is lower-cased as FTS5 does, so only `straße` finds it, spans the text's own; the
    ligature "ﬁ" is one token character to FTS5, so `fine` does not find "ﬁne"."""
    sel = _corpus({"de": "Die Straße war leer. Strasse und STRASSE.", "fi": "A ﬁne day. A fine day."})
    assert S.search(sel, "strasse")["match"].tolist() == ["Strasse", "STRASSE"]
    assert S.search(sel, "STRAßE")["match"].tolist() == ["Straße"]
    assert S.search(sel, "fine")["match"].tolist() == ["fine"]  # (unicode61 keeps "ﬁ" whole)


def test_sentences_read_one_at_a_time_and_together_agree():
    """"…" folds to three characters (NFKD): its sentence is read on its own, the others in one
    pass; the matches come back in corpus order either way."""
    sel = _corpus({"a": "Wait… a spy balloon. Spy balloon there.", "b": "A spy balloon, again."})
    m = S.search(sel, '"spy balloon"')
    assert list(zip(m["article_id"], m["sentence_id"], m["start"], m["end"])) == [
        ("a", 0, 8, 19), ("a", 1, 0, 11), ("b", 0, 2, 13)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab _-.\x00éÉ1", max_size=40),
       st.sampled_from(["a", "ab", "a a", '"a a"', '"ab a" OR a', "a* OR b", '"a b a" OR "b a"',
                        "é", "1 OR a1", '"a_b"']))
def test_the_fast_scan_finds_what_the_alternation_finds(text, query):
    """Query.occurrences (a term at a time, by its literal start) against the plain
    definition: the alternation of the terms with the boundary before each, from the left."""
    q = parse_query(query)
    folded = S.fold(text)
    assert [(a, b) for a, b, _ in q.occurrences(folded)] == [
        m.span() for m in q.regex.finditer(folded)]
