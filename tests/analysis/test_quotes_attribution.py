"""Speaker attribution without a registry (a new corpus): the speaker, the kind and the source
type read from the text, on named invented texts (tests/resources.py)."""
import pandas as pd
import pytest

from analysis.actors import Registry
from analysis.quotes import QUOTATION_KINDS, find_quotes, speaker_counts
from analysis.sentences import split_sentences
from tests.resources import QUOTE_CASES_NO_REGISTRY

NO_MENTIONS = pd.DataFrame({c: pd.Series(dtype=t) for c, t in (
    ("article_id", "str"), ("sentence_id", "int64"), ("start", "int64"), ("end", "int64"),
    ("actor", "str"))})


def _quotes(text: str) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": ["a"], "file": ["a.txt"], "outlet": ["O"],
                             "published": [pd.Timestamp("2024-03-01")], "text": [text]})
    spans = split_sentences(text)
    sentences = pd.DataFrame({"article_id": "a", "sentence_id": range(len(spans)),
                              "start": [s for s, _ in spans], "end": [e for _, e in spans],
                              "text": [text[s:e] for s, e in spans]})
    return find_quotes(articles, NO_MENTIONS, sentences, Registry())


@pytest.mark.parametrize("name", QUOTE_CASES_NO_REGISTRY)
def test_named_quotation_without_registry(name):
    text, expected = QUOTE_CASES_NO_REGISTRY[name]
    q = _quotes(text)
    rows = q[["quote", "speaker", "kind", "source_type"]].to_dict("records")
    assert len(q) == len(expected), rows
    got = [(r["quote"][:len(start)], r["speaker"], r["kind"], r["source_type"])
           for r, (start, *_) in zip(rows, expected)]
    assert got == expected


def test_according_rows_quote_no_words_and_are_not_counted_as_quotations():
    text = ("The talks will resume, according to two diplomats. “We are close,” said Lena Ortiz.")
    q = _quotes(text)
    assert q["kind"].tolist() == ["according", "direct"]
    assert q.loc[q["kind"] == "according", "words"].tolist() == [0]
    counts = speaker_counts(q)
    assert counts["speaker"].tolist() == ["Lena Ortiz"]
    assert set(q.loc[q["speaker"] == "two diplomats", "kind"]) - set(QUOTATION_KINDS) == {"according"}


def test_one_label_alone_is_a_heading_not_a_transcript():
    q = _quotes("UPDATE: The vote has been moved to Friday.\n\n“We need more time,” said Lena Ortiz.")
    assert q[["speaker", "kind"]].values.tolist() == [["Lena Ortiz", "direct"]]


def test_source_type_shares_per_outlet():
    import pandas as pd

    from analysis.quotes import source_type_shares

    quotes = pd.DataFrame({
        "outlet": ["A", "A", "A", "B", "B"],
        "kind": ["direct", "partial", "term", "direct", "direct"],
        "source_type": ["person", "anonymous", "", "organization", ""],
        "quote": ["q1", "q2", "t", "q3", "q4"], "words": [30, 10, 2, 5, 15]})
    out = source_type_shares(quotes).set_index(["outlet", "source_type"])
    assert out.loc[("A", "named person"), "share_of_quoted_words_pct"] == 75.0
    assert out.loc[("A", "anonymous source"), "quotes"] == 1
    assert out.loc[("A", "organization or government"), "quoted_words"] == 0  # zeros kept
    assert out.loc[("B", "unattributed"), "share_of_quoted_words_pct"] == 75.0
    assert len(out) == 8  # every kind for every outlet; the quoted term left out


# Texts written for these tests, in the shapes real reports take; read as a new corpus (its
# actors discovered), as the Who speaks page reads one.
DISCOVERED_CASES = {
    "a second quotation after an attribution whose appositive names places": (
        "Marta Kowalski studies galaxies.\n\n“Models like ours pay off when you get out more "
        "than you put in,” Marta Kowalski, a fellow at the Lund Observatory in Lund, Sweden, "
        "and a co-author of the study, said in a statement. “We see patterns nobody wrote into "
        "the code at all.”\n\nKowalski will present the work in March.",
        "We see patterns nobody", "Marta Kowalski"),
    "he says after a reported-speech sentence names a new speaker": (
        "Jonas Whitfield runs the studio. “We build for everyone,” Whitfield said.\n\n"
        "Priya Raman leads the other team. While the launch list is short, Raman says more "
        "titles could follow next year. “We want the best game in front of as many people as "
        "we can reach,” he says.",
        "We want the best game", "Priya Raman"),
    "the agency said refers to the organization named before": (
        "In May, the Harbor Transit Authority said it would cut routes. At the time, the agency "
        "said in a statement that the cuts were “temporary and regrettable” for riders.",
        "temporary and regrettable", "Harbor Transit Authority"),
    "in the words of the patient": (
        "The man came back in winter, short of breath.\n\nHere is how it went, in the words of "
        "the patient: “I could not climb the stairs without stopping twice on the way up.”",
        "I could not climb", "the patient"),
    "according to a survey by a named researcher": (
        "According to a 2021 survey by Helena Brandt of the Tallinn Press Institute, the chain "
        "tends to “merge the copy desks” within a year of buying a paper.",
        "merge the copy desks", "Helena Brandt"),
    "they said after a paragraph naming the company": (
        "The studio that runs the awards, Northgate Productions, denies any deal was reached.\n\n"
        "“Any agreement must be made with the artist's own team, and we have nothing more to "
        "add today,” they said.",
        "Any agreement must be made", "Northgate Productions"),
}


@pytest.mark.parametrize("name", DISCOVERED_CASES)
def test_named_quotation_in_a_new_corpus(name, tmp_path):
    from analysis.corpus import load_corpus
    from analysis.pipeline import analyse

    text, start, speaker = DISCOVERED_CASES[name]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    quotes = analyse(load_corpus(tmp_path)).quotes
    row = quotes[quotes["quote"].str.startswith(start)]
    assert len(row) == 1, quotes[["quote", "speaker"]].to_dict("records")
    assert row["speaker"].iloc[0] == speaker
