"""Topics: which sentences touch which subject, from an editable list of terms per topic.

The topics file (`topics.toml` in the corpus folder; the seeds' list where a corpus has none)
holds `[[topics]]` entries with a `name` and `terms`; a term matches case-insensitively on
word boundaries, and a sentence may belong to several topics. Transparent by design: every
share opens to the sentences and the terms that put them there.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.cleaning import fold_case, foldable
from analysis.corpus import SEEDS_DIR
from analysis.selection import Selection

TOPICS_FILE = "topics.toml"


@dataclass(frozen=True)
class Topic:
    name: str
    terms: tuple[str, ...]


def load_topics(folder: Path) -> tuple[list[Topic], str]:
    """The corpus's topics (or the seeds'), and a problem message ("" when fine)."""
    path = folder / TOPICS_FILE if (folder / TOPICS_FILE).exists() else SEEDS_DIR / TOPICS_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        topics = [Topic(str(t["name"]), tuple(str(x) for x in t["terms"] if str(x).strip()))
                  for t in data.get("topics", [])]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        return [], f"{path.name}: cannot be used ({exc}); each [[topics]] needs name and terms"
    return [t for t in topics if t.terms], ""


_WORD = re.compile(r"\w+")


def _first_words(topic: Topic) -> frozenset[str] | None:
    """The case-folded first word of each term. A term matches (on word boundaries, ignoring
    case) only where its first word is a whole word of the case-folded sentence: the set
    rules most sentences out before the pattern runs. None where a term does not allow it
    (one that starts with a sign, or has letters `fold_case` does not cover)."""
    firsts = [_WORD.match(fold_case(t)) if foldable(t) else None for t in topic.terms]
    return frozenset(m[0] for m in firsts) if all(firsts) else None


def tag_sentences(sentences: pd.DataFrame, topics: list[Topic]) -> pd.DataFrame:
    """One row per (sentence, topic) with the terms that matched (schema.TOPIC_TAGS)."""
    rows = []
    listed = list(zip(sentences["article_id"].tolist(), sentences["sentence_id"].tolist(),
                      sentences["text"].tolist()))  # read once, not once per topic
    words = [set(_WORD.findall(fold_case(text))) for _, _, text in listed]
    for topic in topics:
        findall = re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(t) for t in sorted(topic.terms, key=len, reverse=True)) + r")(?![\w-])",
            re.I).findall
        firsts = _first_words(topic)
        for (article_id, sentence_id, text), held in zip(listed, words):
            if firsts is not None and firsts.isdisjoint(held):
                continue  # no term can start in this sentence
            hits = findall(text)
            if hits:
                rows.append({"article_id": article_id, "sentence_id": sentence_id,
                             "topic": topic.name,
                             "terms": ", ".join(dict.fromkeys(h.lower() for h in hits))})
    out = pd.DataFrame(rows, columns=list(schema.TOPIC_TAGS))
    # Reading order: articles as they come, then sentences, then topics as the file lists them.
    article_order = {a: i for i, a in enumerate(dict.fromkeys(sentences["article_id"]))}
    topic_order = {t.name: i for i, t in enumerate(topics)}
    out = out.sort_values(["article_id", "sentence_id", "topic"], kind="stable",
                          key=lambda s: s.map(article_order) if s.name == "article_id"
                          else s.map(topic_order) if s.name == "topic" else s)
    return schema.conform(out, schema.TOPIC_TAGS)


def topic_shares(selection: Selection) -> pd.DataFrame:
    """Share of each outlet's sentences per topic in the selection (schema.TOPIC_SHARES)."""
    tags, articles = selection.table("topic_tags"), selection.articles
    sentences = selection.corpus.sentences
    outlet_of = articles.set_index("article_id")["outlet"]
    s = sentences[sentences["article_id"].isin(outlet_of.index)]
    n_sent = s["article_id"].map(outlet_of).value_counts()
    t = tags[tags["article_id"].isin(outlet_of.index)]
    t = t.assign(outlet=t["article_id"].map(outlet_of))
    out = t.groupby(["outlet", "topic"], as_index=False).agg(sentences=("sentence_id", "size"))
    full = pd.MultiIndex.from_product([sorted(n_sent.index), sorted(tags["topic"].unique())],
                                      names=["outlet", "topic"]).to_frame(index=False)
    out = full.merge(out, on=["outlet", "topic"], how="left").fillna({"sentences": 0})
    out["outlet_sentences"] = out["outlet"].map(n_sent)
    out["share_pct"] = out["sentences"] / out["outlet_sentences"] * 100
    return schema.conform(out, schema.TOPIC_SHARES)


def topic_sentences(selection: Selection, topic: str, outlet: str) -> pd.DataFrame:
    """The sentences of `outlet` in the selection tagged with `topic`, matched terms
    highlighted (schema.EVIDENCE); their text read for these sentences only."""
    tags, articles = selection.table("topic_tags"), selection.articles
    sentence_text = selection.corpus.sentence_text
    meta = articles.set_index("article_id")[["outlet", "published"]]
    t = tags[(tags["topic"] == topic) & tags["article_id"].isin(meta.index[meta["outlet"] == outlet])]
    rows = []
    for row, sentence in zip(t.itertuples(), sentence_text(t)):
        terms = row.terms.split(", ")
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, terms)) + r")(?![\w-])", re.I)
        spans = [(m.start(), m.end()) for m in pattern.finditer(sentence)]
        rows.append({"article_id": row.article_id, "outlet": outlet,
                     "published": meta.loc[row.article_id, "published"],
                     "sentence_id": row.sentence_id, "sentence": sentence,
                     "spans": ";".join(f"{a}-{b}" for a, b in spans), "kinds": topic,
                     "surfaces": row.terms, "mentions": len(spans)})
    return schema.conform(pd.DataFrame(rows, columns=list(schema.EVIDENCE)), schema.EVIDENCE)


def topic_matrix(shares: pd.DataFrame) -> pd.DataFrame:
    """Topic × outlet table of share_pct, for the heatmap."""
    return shares.pivot_table(index="topic", columns="outlet", values="share_pct", fill_value=0)
