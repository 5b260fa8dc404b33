"""VADER as the project reads it: the fast analyzer against vaderSentiment, and the labels."""
from pathlib import Path

from analysis.vader import analyzer, polarity_of

NEWSMTSC = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "newsmtsc"


def test_vader_thresholds_from_its_readme():
    assert [polarity_of(x) for x in (0.05, 0.049, -0.049, -0.05)] == \
        ["positive", "neutral", "neutral", "negative"]


def test_faster_vader_gives_vaders_scores(tmp_path):
    """FasterVader skips work, not meaning: every score equals vaderSentiment's."""
    import json

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from presslens.bench import synthetic_corpus
    from analysis.corpus import load_corpus

    varied = load_corpus(synthetic_corpus(40, tmp_path / "c")).sentences["text"]
    texts = list(load_corpus().sentences["text"]) + list(varied) + [
        "I am not happy 😞 at all!!", "It was never so good.", "Without doubt, a fine deal.",
        "It is kind of bad, but the outcome was GREAT.", "No good news; nor any hope.",
        "  Hardly a success :(  ", "He isn't sure it wasn't a disaster?", "", "🙂",
        "No good deal, no or nor bad.", "At least good; the very least good; least good.",
        "It was sort of bad and kind of GOOD, but GREAT GREAT great.", "THE GOOD AND BAD",
        "Good good but bad bad but fine!!!??", "He never so much as smiled; never this good.",
        "The deal is the bomb, without doubt fine.", "Not bad at all... really? Really??",
        "He is extremely not happy, hardly nice, barely decent."]
    for split in ("dev_rw", "dev_mt"):
        path = NEWSMTSC / f"{split}.jsonl"
        if path.exists():
            texts += [json.loads(line)["sentence_normalized"] for line in path.open()]
    stock, fast = SentimentIntensityAnalyzer(), analyzer()
    assert len(texts) > 1000
    assert [fast.polarity_scores(t) for t in texts] == [stock.polarity_scores(t) for t in texts]
