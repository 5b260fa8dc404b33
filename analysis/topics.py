"""Topics: which sentences touch which subject, from an editable list of terms per topic.

The topics file (`topics.toml` in the corpus folder; the seeds' list where a corpus has none)
holds `[[topics]]` entries with a `name` and either `terms` (each matches case-insensitively on
word boundaries) or a `query` in the Search page's language (analysis.search: words,
"phrases", OR, NOT, prefix*; saved from that page by `save_query_topic`). A sentence may
belong to several topics. Transparent by design: every share opens to the sentences and the
words that put them there.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import tomli_w

from analysis import schema
from analysis.cleaning import fold_case, foldable
from analysis.actors import write_atomic
from analysis.corpus import SEEDS_DIR
from analysis.library import read_only
from analysis.search import QueryError, parse_query, sentence_hits
from analysis.selection import Selection

TOPICS_FILE = "topics.toml"


@dataclass(frozen=True)
class Topic:
    name: str
    terms: tuple[str, ...] = ()
    query: str = ""  # a search query (analysis.search) in place of terms


class TopicError(ValueError):
    """A topic that cannot be saved; the message says why and what to do."""


def _topics_path(folder: Path) -> Path:
    return folder / TOPICS_FILE if (folder / TOPICS_FILE).exists() else SEEDS_DIR / TOPICS_FILE


def load_topics(folder: Path) -> tuple[list[Topic], str]:
    """The corpus's topics (or the seeds'), and a problem message ("" when fine); a topic
    whose query cannot be read is left out, and named in the message."""
    path = _topics_path(folder)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        topics = [Topic(str(t["name"]), tuple(str(x) for x in t.get("terms", []) if str(x).strip()),
                        str(t.get("query", "")).strip())
                  for t in data.get("topics", [])]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as exc:
        return [], (f"{path.name}: cannot be used ({exc}); each [[topics]] needs a name and "
                    "terms (or a query)")
    problems = []
    for t in [t for t in topics if t.query]:
        try:
            parse_query(t.query)
        except QueryError as exc:
            problems.append(f"{path.name}: topic “{t.name}” is left out, its query cannot be "
                            f"read: {exc}")
            topics.remove(t)
    return [t for t in topics if t.terms or t.query], "; ".join(problems)


def save_query_topic(folder: Path, name: str, query: str) -> Topic:
    """Add a topic defined by a search query to the corpus's topics.toml, written atomically
    (a corpus that had none starts from the topics it was using). Raises TopicError, leaving
    the file as it was, where the name is empty or taken, or the query cannot be read."""
    name, query = name.strip(), query.strip()
    if not name:
        raise TopicError("Give the topic a name.")
    try:
        parse_query(query)
    except QueryError as exc:
        raise TopicError(f"The query cannot be saved: {exc}") from None
    if read_only(folder):
        raise TopicError("This corpus is read-only (the seeds): create a corpus on the Corpus "
                         "page to keep topics of your own.")
    topics, problem = load_topics(folder)
    if problem and not topics:
        raise TopicError(f"{problem}. Fix the file first, then save the topic.")
    if name.casefold() in {t.name.casefold() for t in topics}:
        raise TopicError(f"A topic called “{name}” exists already: choose another name.")
    text = _topics_path(folder).read_text(encoding="utf-8")
    entry = "[[topics]]\n" + tomli_w.dumps({"name": name, "query": query})
    write_atomic(folder / TOPICS_FILE, text.rstrip("\n") + "\n\n# saved from the Search page\n"
                 + entry)
    return Topic(name, (), query)


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
        if topic.query:
            hits = sentence_hits(parse_query(topic.query), [text for _, _, text in listed])
            rows += [{"article_id": a, "sentence_id": s, "topic": topic.name,
                      "terms": ", ".join(dict.fromkeys(h.lower() for h in found))}
                     for (a, s, _), found in zip(listed, hits) if found]
            continue
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
