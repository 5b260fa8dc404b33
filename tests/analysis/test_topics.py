"""Topics from a saved search query: tagged as the Search page reads the query, saved to the
corpus's topics.toml atomically, refused with a reason where the name or the query is wrong."""
import pandas as pd
import pytest

from analysis.corpus import SEEDS_DIR
from analysis.topics import Topic, TopicError, load_topics, save_query_topic, tag_sentences

# Sample sentences written for these tests.
SENTENCES = pd.DataFrame({
    "article_id": ["a", "a", "b", "b"],
    "sentence_id": [0, 1, 0, 1],
    "text": ["The spy balloon crossed Montana.", "Negotiators met in Geneva.",
             "A weather balloon, officials said.", "The balloon was a spy craft, not weather."],
})


def test_a_query_topic_tags_the_sentences_the_query_finds():
    tags = tag_sentences(SENTENCES, [Topic("Balloon", query="balloon -weather"),
                                     Topic("Talks", query="negotiat* OR summit")])
    assert tags[["article_id", "sentence_id", "topic", "terms"]].values.tolist() == [
        ["a", 0, "Balloon", "balloon"], ["a", 1, "Talks", "negotiators"]]


def test_terms_topics_are_tagged_as_before():
    tags = tag_sentences(SENTENCES, [Topic("Balloon", ("balloon",))])
    assert len(tags) == 3


def test_a_saved_query_joins_the_corpus_topics_and_keeps_the_file(tmp_path):
    (tmp_path / "topics.toml").write_text('# my topics\n[[topics]]\nname = "Talks"\n'
                                          'terms = ["talks"]\n', encoding="utf-8")
    save_query_topic(tmp_path, "Spy balloon", '"spy balloon" OR surveillance')
    topics, problem = load_topics(tmp_path)
    assert problem == ""
    assert topics == [Topic("Talks", ("talks",)),
                      Topic("Spy balloon", (), '"spy balloon" OR surveillance')]
    assert (tmp_path / "topics.toml").read_text(encoding="utf-8").startswith("# my topics")


def test_a_corpus_without_topics_starts_from_those_it_used(tmp_path):
    before, _ = load_topics(tmp_path)  # the seeds' list
    save_query_topic(tmp_path, "Balloon", "balloon")
    after, _ = load_topics(tmp_path)
    assert after == [*before, Topic("Balloon", (), "balloon")]


@pytest.mark.parametrize("name, query, message", [
    ("", "balloon", "name"), ("Talks", "balloon", "exists already"),
    ("talks", "balloon", "exists already"), ("New", '"open', "not closed"),
    ("New", "-weather", "Nothing to find"),
])
def test_a_topic_that_cannot_be_saved_says_why_and_leaves_the_file(tmp_path, name, query,
                                                                   message):
    text = '[[topics]]\nname = "Talks"\nterms = ["talks"]\n'
    (tmp_path / "topics.toml").write_text(text, encoding="utf-8")
    with pytest.raises(TopicError, match=message):
        save_query_topic(tmp_path, name, query)
    assert (tmp_path / "topics.toml").read_text(encoding="utf-8") == text


def test_the_seeds_are_read_only():
    with pytest.raises(TopicError, match="read-only"):
        save_query_topic(SEEDS_DIR, "Balloon", "balloon")


def test_a_query_edited_by_hand_into_nonsense_is_left_out_and_named(tmp_path):
    (tmp_path / "topics.toml").write_text('[[topics]]\nname = "Bad"\nquery = "OR"\n'
                                          '[[topics]]\nname = "Good"\nquery = "balloon"\n',
                                          encoding="utf-8")
    topics, problem = load_topics(tmp_path)
    assert [t.name for t in topics] == ["Good"]
    assert "“Bad”" in problem and "OR goes between" in problem
