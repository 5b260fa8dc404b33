"""Outlets side by side: attention, tone, distinctive words and co-mentions, each outlet
against the other selected outlets pooled ("the rest")."""
from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from analysis import schema
from analysis.grouping import distinct, pairs_within_runs, runs
from analysis.selection import Selection
from analysis.stats import BOOTSTRAP_SAMPLES, BOOTSTRAP_SEED, LOW_N_MENTIONS, T_INTERVAL_FROM
from analysis.words import STOP_WORDS, TERM_TOKEN

# An outlet with less text than this gets a warning that its differences mean little.
THIN_ARTICLES = 3
THIN_WORDS = 3000


def outlet_volume(selection: Selection) -> pd.DataFrame:
    """Articles, words, mentions and quotations per outlet of the selection, and whether that
    is thin."""
    out = selection.articles.groupby("outlet", as_index=False).agg(
        articles=("article_id", "size"), words=("words", "sum"))
    mentions, quotes = selection.table("mentions"), selection.table("quotes")
    m = mentions["outlet"][(mentions["actor"] != "").to_numpy() & selection.mask("mentions")]
    q = quotes["outlet"][quotes["kind"].isin(["direct", "partial", "continued"]).to_numpy()
                         & selection.mask("quotes")]
    out["mentions"] = out["outlet"].map(m.value_counts()).fillna(0)
    out["quotes"] = out["outlet"].map(q.value_counts()).fillna(0)
    out["thin"] = (out["articles"] < THIN_ARTICLES) | (out["words"] < THIN_WORDS)
    return schema.conform(out, schema.OUTLET_VOLUME)


def attention(freq: pd.DataFrame, actors: list[str] | None = None) -> pd.DataFrame:
    """Each outlet's share of its actor mentions per actor, against the rest (schema.ATTENTION),
    for `actors` in that order (default: all). `freq` is a FREQUENCIES table of the selection."""
    rows = []
    outlets = sorted(freq["outlet"].unique())
    words = freq.groupby("outlet")["outlet_words"].first()
    total = freq.groupby("outlet")["mentions"].sum()
    wide = freq.pivot_table(index="actor", columns="outlet", values="mentions", fill_value=0)
    if actors is not None:
        wide = wide.reindex([a for a in actors if a in wide.index])
    for outlet in outlets:
        rest = [o for o in outlets if o != outlet]
        rest_counts = wide[rest].sum(axis=1) if rest else pd.Series(0, index=wide.index)
        rest_total = float(total[rest].sum()) if rest else 0.0
        rest_words = float(words[rest].sum()) if rest else 0.0
        for actor, n in wide[outlet].items():
            share = n / total[outlet] * 100 if total[outlet] else 0.0
            rest_share = rest_counts[actor] / rest_total * 100 if rest_total else float("nan")
            rows.append({"outlet": outlet, "actor": actor, "mentions": int(n), "share_pct": share,
                         "rest_share_pct": rest_share, "diff_pp": share - rest_share,
                         "per_1k_words": n / max(words[outlet], 1) * 1000,
                         "rest_per_1k_words": rest_counts[actor] / rest_words * 1000
                         if rest_words else float("nan")})
    return schema.conform(pd.DataFrame(rows, columns=list(schema.ATTENTION)), schema.ATTENTION)


def tone_differences(scored: pd.DataFrame, actors: list[str]) -> pd.DataFrame:
    """Mean tone around each actor in each outlet minus the rest's, with a 95% interval of the
    difference: percentile bootstrap (mentions resampled within each side), or Welch's normal
    interval where both sides have T_INTERVAL_FROM mentions or more."""
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    rows = []
    for actor in actors:
        a = scored[scored["actor"] == actor]
        for outlet in sorted(a["outlet"].unique()):
            mine = a.loc[a["outlet"] == outlet, "tone"].to_numpy(float)
            rest = a.loc[a["outlet"] != outlet, "tone"].to_numpy(float)
            diff = mine.mean() - rest.mean() if len(rest) else float("nan")
            lo = hi = float("nan")
            if min(len(mine), len(rest)) >= T_INTERVAL_FROM:  # large samples: Welch normal interval
                half = 1.959964 * np.sqrt(mine.var(ddof=1) / len(mine) + rest.var(ddof=1) / len(rest))
                lo, hi = diff - half, diff + half
            elif len(mine) > 1 and len(rest) > 1:
                boot = (mine[rng.integers(0, len(mine), (BOOTSTRAP_SAMPLES, len(mine)))].mean(1)
                        - rest[rng.integers(0, len(rest), (BOOTSTRAP_SAMPLES, len(rest)))].mean(1))
                lo, hi = np.percentile(boot, [2.5, 97.5])
            rows.append({"outlet": outlet, "actor": actor, "mentions": len(mine),
                         "rest_mentions": len(rest), "tone_mean": mine.mean(),
                         "rest_tone_mean": rest.mean() if len(rest) else float("nan"),
                         "diff": diff, "ci_low": lo, "ci_high": hi,
                         "low_n": len(mine) < LOW_N_MENTIONS or len(rest) < LOW_N_MENTIONS})
    return schema.conform(pd.DataFrame(rows, columns=list(schema.TONE_DIFF)), schema.TONE_DIFF)


def _terms(text: str, drop: frozenset[str]) -> list[str]:
    """Unigrams and bigrams of one sentence, stop words and `drop` words left out; a bigram
    never spans a stop word."""
    tokens = [t.replace("’", "'").removesuffix("'s") for t in TERM_TOKEN.findall(text.lower())]
    keep = [t if t not in STOP_WORDS and t not in drop and len(t) > 1 else None for t in tokens]
    grams = [t for t in keep if t]
    grams += [f"{a} {b}" for a, b in zip(keep, keep[1:]) if a and b]
    return grams


def distinctive_terms(selection: Selection, *, exclude_words: frozenset[str] = frozenset(),
                      top: int = 25, min_count: int = 2) -> pd.DataFrame:
    """Terms distinctive of each outlet of the selection against the rest: the weighted
    log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, §3.5),
    the prior being the counts of all selected text; z-scores rank them. Works for any number
    of outlets ≥ 2."""
    articles = selection.articles
    outlet_of = articles.set_index("article_id")["outlet"]
    s = selection.corpus.sentences_with_text(articles)
    counts: dict[str, Counter] = {}
    for aid, text in zip(s["article_id"], s["text"]):
        counts.setdefault(outlet_of[aid], Counter()).update(_terms(text, exclude_words))
    if len(counts) < 2:
        return schema.empty(schema.DISTINCTIVE)
    vocab = sorted(set().union(*counts.values()))
    index = {w: i for i, w in enumerate(vocab)}
    matrix = np.zeros((len(counts), len(vocab)))
    outlets = sorted(counts)
    for r, o in enumerate(outlets):
        for w, c in counts[o].items():
            matrix[r, index[w]] = c
    prior = matrix.sum(axis=0)  # α_w: counts of the whole selection
    a0 = prior.sum()
    ngram = np.array([2 if " " in w else 1 for w in vocab])
    rows = []
    for r, o in enumerate(outlets):
        y_i = matrix[r]
        y_j = matrix.sum(axis=0) - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = (np.log((y_i + prior) / (n_i + a0 - y_i - prior))
                 - np.log((y_j + prior) / (n_j + a0 - y_j - prior)))
        z = delta / np.sqrt(1 / (y_i + prior) + 1 / (y_j + prior))
        ok = y_i >= min_count
        for i in np.argsort(-z):
            if not ok[i]:
                continue
            rows.append({"outlet": o, "term": vocab[i], "ngram": int(ngram[i]),
                         "count": int(y_i[i]), "rest_count": int(y_j[i]),
                         "log_odds": float(delta[i]), "z": float(z[i])})
            if sum(1 for row in rows if row["outlet"] == o) >= top:
                break
    return schema.conform(pd.DataFrame(rows, columns=list(schema.DISTINCTIVE)), schema.DISTINCTIVE)


def actor_words(registry) -> frozenset[str]:
    """Lower-case words of every actor's names, to leave them out of distinctive terms."""
    words = set()
    for a in registry.actors:
        for form in (*a.all_aliases, *a.short, *a.metonyms, *a.demonyms):
            words.update(t.replace("’", "'") for t in TERM_TOKEN.findall(form.lower()))
    return frozenset(words)


def term_sentences(selection: Selection, term: str, outlet: str) -> pd.DataFrame:
    """Sentences of `outlet` in the selection containing `term`, as EVIDENCE rows with the
    term highlighted."""
    articles = selection.articles[selection.articles["outlet"] == outlet]
    sentences = selection.corpus.sentences_with_text(articles)
    outlet_of = articles.set_index("article_id")["outlet"]
    published = articles.set_index("article_id")["published"]
    words = [re.escape(w) for w in term.split()]
    pattern = re.compile(r"(?<![\w])" + r"\W+".join(words) + r"(?![\w])", re.I)
    rows = []
    for row in sentences[sentences["article_id"].map(outlet_of) == outlet].itertuples():
        spans = [(m.start(), m.end()) for m in pattern.finditer(row.text.replace("’", "'"))]
        if spans:
            rows.append({"article_id": row.article_id, "outlet": outlet,
                         "published": published[row.article_id], "sentence_id": row.sentence_id,
                         "sentence": row.text, "spans": ";".join(f"{a}-{b}" for a, b in spans),
                         "kinds": "term", "surfaces": term, "mentions": len(spans)})
    return schema.conform(pd.DataFrame(rows, columns=list(schema.EVIDENCE)), schema.EVIDENCE)


def co_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence, counted once per sentence, per article
    (schema.COMENTIONS): any selection of articles (outlets, dates) sums its own rows.
    Worked out on integer codes with numpy (a sentence is its article's code and sentence_id):
    millions of mentions take a second or two, not a pandas self-join's several."""
    m = mentions.loc[mentions["actor"] != "", ["outlet", "article_id", "sentence_id", "actor"]]
    (article, articles), (outlet, outlets), (actor, actors) = (
        schema.codes(m[c]) for c in ("article_id", "outlet", "actor"))
    n_actors = max(len(actors), 1)
    span = int(m["sentence_id"].max() if len(m) else 0) + 1
    named, _ = distinct((article.astype(np.int64) * span + m["sentence_id"].to_numpy(np.int64))
                        * n_actors + actor)  # each (sentence, actor) once, by sentence, actor
    sentence, who = named // n_actors, named % n_actors
    i, j = pairs_within_runs(*runs(sentence))  # actors are sorted within a sentence: i's < j's
    pair, count = distinct(((sentence[i] // span) * n_actors + who[i]) * n_actors + who[j])
    pair_article, rest = pair // (n_actors * n_actors), pair % (n_actors * n_actors)
    outlet_of = np.zeros(len(articles), dtype=np.int64)
    outlet_of[article] = outlet

    def coded(values, labels) -> pd.Categorical:
        return pd.Categorical.from_codes(values, pd.Index(labels).astype(str))

    out = pd.DataFrame({"article_id": coded(pair_article, articles),
                        "outlet": coded(outlet_of[pair_article], outlets),
                        "actor_a": coded(rest // n_actors, actors),
                        "actor_b": coded(rest % n_actors, actors), "sentences": count})
    return schema.conform(out, schema.COMENTIONS)


def co_mention_matrix(pairs: pd.DataFrame, actors: list[str]) -> pd.DataFrame:
    """Symmetric actor × actor matrix of sentences shared, summed over the rows of `pairs`
    (schema.COMENTIONS of the selected articles)."""
    keep = pairs["actor_a"].isin(actors) & pairs["actor_b"].isin(actors)
    sub = pairs.loc[keep, ["actor_a", "actor_b", "sentences"]].astype(
        {"actor_a": str, "actor_b": str})
    both = pd.concat([sub, sub.rename(columns={"actor_a": "actor_b", "actor_b": "actor_a"})])
    wide = both.pivot_table(index="actor_a", columns="actor_b", values="sentences",
                            aggfunc="sum", fill_value=0)
    return wide.reindex(index=actors, columns=actors).fillna(0).astype(int)
