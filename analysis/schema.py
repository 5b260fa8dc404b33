"""Every table that crosses a module boundary, declared once.

Each public function in `analysis/` returns exactly one of these schemas (same columns, same
order, same dtypes); `conform` enforces it and the tests check it. "category" marks strings
that repeat (ids, outlets, actors, kinds): stored once each, as ordered categoricals whose
categories sort like the strings, which keeps 50,000 articles' tables within memory.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

Schema = dict[str, str]

# One row per article. `*_source` says where a metadata field came from:
# "given" (sources.csv or the table's own column), "detected" (read from the text) or "missing".
ARTICLES: Schema = {
    "article_id": "str",
    "file": "str",
    "outlet": "str",
    "outlet_source": "str",
    "published": "datetime64[ns]",
    "published_source": "str",
    "title": "str",
    "title_source": "str",
    "label": "str",  # title, or a label derived from the text where there is none
    "authors": "str",  # "; "-separated
    "authors_source": "str",
    "url": "str",
    "url_source": "str",
    "words": "int64",  # words of the article text (headline + dek + body)
    "removed_words": "int64",  # words the cleaner set aside (never counted)
    "text": "str",  # the article text every analysis reads
    "extra": "str",  # JSON of any further columns the source gave (kept, not analysed)
}

# One row per block (paragraph or line) of the raw file, with the zone the cleaner gave it.
ZONES: Schema = {
    "article_id": "category",
    "block": "int64",
    "zone": "category",  # headline, dek, body, byline, caption, boilerplate
    "reason": "category",  # why the cleaner put it there ("photo credit", "related list", ...)
    "counted": "bool",
    "words": "int64",
    "text": "str",
}

# One row per sentence of the article text; start/end are offsets into ARTICLES.text.
SENTENCES: Schema = {
    "article_id": "category",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "str",
}

# Words per article and zone for the hygiene chart ("article text" = every counted zone).
HYGIENE: Schema = {
    "article_id": "str",
    "label": "str",
    "outlet": "str",
    "zone": "str",
    "words": "int64",
}

# Problems met while loading; shown to the user, never raised at them.
PROBLEMS: Schema = {
    "file": "str",
    "field": "str",
    "severity": "str",  # "error" (file skipped) or "warning" (loaded, with a caveat)
    "message": "str",
    "hint": "str",
}

# One row per mention of an actor; start/end are offsets into the sentence's text (the
# SENTENCES row of article_id and sentence_id).
MENTIONS: Schema = {
    "article_id": "category",
    "file": "category",
    "outlet": "category",
    "published": "datetime64[ns]",
    "actor": "category",  # canonical name, or "" when unresolved
    "candidates": "category",  # "; "-separated actors an unresolved mention could be
    "surface": "category",
    "kind": "category",  # name, role, metonym
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
}

# Mention frequencies per (outlet, actor), with their denominators.
FREQUENCIES: Schema = {
    "outlet": "str",
    "actor": "str",
    "mentions": "int64",
    "articles_with_actor": "int64",
    "outlet_articles": "int64",
    "outlet_words": "int64",
    "per_1k_words": "float64",
    "share_of_articles_pct": "float64",
}

# Mentions per (period of publication, actor), for the timeline.
BY_DATE: Schema = {
    "period": "datetime64[ns]",  # start of the day, week or month
    "actor": "str",
    "mentions": "int64",
    "articles": "int64",  # articles of that period naming the actor
    "period_length": "str",  # day, week or month
}

# Surface forms merged into each actor.
SURFACES: Schema = {
    "actor": "str",
    "kind": "str",
    "surface": "str",
    "mentions": "int64",
}

# Capitalised names that no actor claims yet.
DISCOVERED: Schema = {
    "name": "str",
    "mentions": "int64",
    "articles": "int64",
    "example": "str",
}

# The sentences behind a number: one row per sentence, with the actor's spans in it.
EVIDENCE: Schema = {
    "article_id": "str",
    "outlet": "str",
    "published": "datetime64[ns]",
    "sentence_id": "int64",
    "sentence": "str",
    "spans": "str",  # "start-end;start-end" offsets into sentence
    "kinds": "str",
    "surfaces": "str",
    "mentions": "int64",
}

# The registry as a table, with mention counts.
REGISTRY_VIEW: Schema = {
    "actor": "str",
    "type": "str",
    "status": "str",  # discovered (found in the text, not yet confirmed) or confirmed
    "affiliation": "str",
    "aliases": "str",
    "short": "str",
    "roles": "str",
    "metonyms": "str",
    "mentions": "int64",
    "articles": "int64",  # articles with at least one mention
    "outlets": "int64",  # outlets with at least one mention
}

# Precision and recall of mentions against a hand annotation, per kind.
MENTION_SCORES: Schema = {
    "kind": "str",
    "gold": "int64",
    "found": "int64",
    "correct": "int64",
    "precision": "float64",
    "recall": "float64",
}

# One row per scored mention: the MENTIONS columns plus the tone of its context.
SCORED_MENTIONS: Schema = {
    **MENTIONS,
    "tone": "float64",  # -1..1: P(pos) - P(neg) for the model, VADER compound for VADER
    "polarity": "category",  # negative, neutral, positive
    "deferred": "bool",  # the model was unsure and VADER on the clause decided
    "engine": "category",
}

# Tone around each actor per outlet (outlet "All selected outlets": every outlet together).
TONE: Schema = {
    "actor": "str",
    "outlet": "str",
    "mentions": "int64",
    "articles": "int64",
    "tone_mean": "float64",  # mean VADER compound of the mentions' contexts, -1..1
    "ci_low": "float64",  # 95% interval (see analysis.sentiment.mean_interval)
    "ci_high": "float64",
    "negative_pct": "float64",
    "neutral_pct": "float64",
    "positive_pct": "float64",
    "low_n": "bool",  # too few mentions to rank with confidence
}

# Shares of negative / neutral / positive mentions, long form.
TONE_SHARES: Schema = {
    "actor": "str",
    "outlet": "str",
    "mentions": "int64",
    "polarity": "str",
    "share_pct": "float64",
}

# Tone of whole articles (all sentences of the article text), per article.
ARTICLE_TONE: Schema = {
    "article_id": "str",
    "outlet": "str",
    "label": "str",
    "sentences": "int64",
    "tone_mean": "float64",
}

# Mean article tone per outlet, with its interval over articles.
OUTLET_TONE: Schema = {
    "outlet": "str",
    "articles": "int64",
    "tone_mean": "float64",
    "ci_low": "float64",
    "ci_high": "float64",
    "low_n": "bool",
}

# The mentions behind a tone figure: EVIDENCE columns plus the score and its context.
TONE_EVIDENCE: Schema = {
    **EVIDENCE,
    "tone": "float64",
    "context": "str",
    "why": "str",
}

# Scores of a sentiment engine on labelled data, one row per (engine, class or "macro").
SENTIMENT_SCORES: Schema = {
    "engine": "str",
    "label": "str",  # negative, neutral, positive, macro, accuracy
    "precision": "float64",
    "recall": "float64",
    "f1": "float64",
    "support": "int64",
}


# One row per quotation; start/end are offsets into ARTICLES.text (the quoted words).
QUOTES: Schema = {
    "article_id": "category",
    "file": "category",
    "outlet": "category",
    "published": "datetime64[ns]",
    "speaker": "category",  # registry actor, or the description as given ("a senior official")
    "actor": "category",  # registry actor where the speaker resolves to one, else ""
    "speaker_kind": "category",  # actor, pronoun, anonymous, description, continued, unknown, ""
    "source_type": "category",  # person, organization (incl. governments), anonymous, "" (unknown)
    "relay": "category",  # outlet that relayed the quotation ("Reuters"), else ""
    "kind": "category",  # direct, continued, partial, according, term
    "quote": "str",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "words": "int64",
}

# Quote detection and attribution against a hand annotation, per article and "all".
QUOTE_SCORES: Schema = {
    "file": "str",
    "gold": "int64",
    "found": "int64",
    "extra": "int64",  # quotations the tool found that the annotation does not list
    "speaker_correct": "int64",
    "detection_recall": "float64",
    "attribution_accuracy": "float64",  # correct speakers / gold quotations
}

# Who speaks: quotations and quoted words per (outlet, speaker).
SPEAKERS: Schema = {
    "outlet": "str",
    "speaker": "str",
    "actor": "str",
    "speaker_kind": "str",
    "quotes": "int64",
    "quoted_words": "int64",
    "share_of_quoted_words_pct": "float64",
}


# Quoted words per (outlet, kind of source): who an outlet lets speak.
SOURCE_TYPES: Schema = {
    "outlet": "str",
    "source_type": "str",  # named person, organization or government, anonymous, unattributed
    "quotes": "int64",
    "quoted_words": "int64",
    "share_of_quoted_words_pct": "float64",  # of the outlet's quoted words
}

# Topic tags: one row per (sentence, topic), with the terms that matched.
TOPIC_TAGS: Schema = {
    "article_id": "category",
    "sentence_id": "int64",
    "topic": "category",
    "terms": "category",
}

# Share of each outlet's sentences that touch each topic.
TOPIC_SHARES: Schema = {
    "outlet": "str",
    "topic": "str",
    "sentences": "int64",
    "outlet_sentences": "int64",
    "share_pct": "float64",
}

# Attention: each outlet's share of actor mentions against the other selected outlets.
ATTENTION: Schema = {
    "outlet": "str",
    "actor": "str",
    "mentions": "int64",
    "share_pct": "float64",  # of the outlet's resolved mentions
    "rest_share_pct": "float64",  # of the other selected outlets' mentions, pooled
    "diff_pp": "float64",  # share_pct - rest_share_pct, percentage points
    "per_1k_words": "float64",
    "rest_per_1k_words": "float64",
}

# Tone around an actor in one outlet against the other selected outlets.
TONE_DIFF: Schema = {
    "outlet": "str",
    "actor": "str",
    "mentions": "int64",
    "rest_mentions": "int64",
    "tone_mean": "float64",
    "rest_tone_mean": "float64",
    "diff": "float64",
    "ci_low": "float64",  # 95% bootstrap interval of the difference
    "ci_high": "float64",
    "low_n": "bool",
}

# Distinctive terms: weighted log-odds with an informative Dirichlet prior, outlet vs rest.
DISTINCTIVE: Schema = {
    "outlet": "str",
    "term": "str",
    "ngram": "int64",
    "count": "int64",
    "rest_count": "int64",
    "log_odds": "float64",
    "z": "float64",
}

# Actors named together in one sentence, per outlet.
COMENTIONS: Schema = {  # one row per article and pair of actors named in one of its sentences
    "article_id": "category",
    "outlet": "category",
    "actor_a": "category",
    "actor_b": "category",
    "sentences": "int64",  # sentences of the article naming both
}

# Text volume per outlet, to say when a difference rests on too little text.
OUTLET_VOLUME: Schema = {
    "outlet": "str",
    "articles": "int64",
    "words": "int64",
    "mentions": "int64",
    "quotes": "int64",
    "thin": "bool",
}


# Near-duplicate articles (the same wire story in two outlets).
# A sample of each article's 5-word shingle hashes, to find near-duplicate candidates.
SKETCHES: Schema = {
    "article_id": "category",
    "shingle": "int64",
}

DUPLICATES: Schema = {
    "article_id": "str",
    "duplicate_of": "str",
    "outlet": "str",
    "other_outlet": "str",
    "similarity": "float64",  # Jaccard similarity of 5-word shingles
}


def empty(schema: Schema) -> pd.DataFrame:
    """An empty table with the schema's columns and dtypes."""
    return conform(pd.DataFrame({c: [] for c in schema}), schema)


def conform(df: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """Return `df` with exactly the schema's columns, in order, cast to its dtypes.

    Raises KeyError naming any missing column: a missing column is a bug, not data.
    """
    missing = [c for c in schema if c not in df.columns]
    if missing:
        raise KeyError(f"table lacks columns {missing}")
    out = df.loc[:, list(schema)]  # copy-on-write (pandas 3): columns are copied only if changed
    for col, dtype in schema.items():
        if dtype == "category":
            out[col] = _category(out[col])
        elif dtype == "str":
            out[col] = out[col].fillna("").astype(str)
        elif dtype.startswith("datetime64"):
            out[col] = pd.to_datetime(out[col], errors="coerce").astype(dtype)
        else:
            out[col] = out[col].astype(dtype)
    return out.reset_index(drop=True)


def codes(col: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes of a column and the values they stand for, in sorted order (a "category"
    column of these schemas has them already): grouping and counting on integers is quick."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        if col.cat.categories.is_monotonic_increasing and not col.isna().any():
            return col.cat.codes.to_numpy(), col.cat.categories
        col = col.astype(str)
    return pd.factorize(col, sort=True, use_na_sentinel=False)


def _category(col: pd.Series) -> pd.Series:
    """Strings that repeat (ids, outlets, actors, kinds) stored once, with lexically sorted
    (ordered) categories and none unused, so that sorting and comparing behave as with strings.
    Unused categories are dropped and the rest sorted by remapping the integer codes (pandas'
    remove_categories hashes every value: a second for the tables of 50,000 articles)."""
    if not isinstance(col.dtype, pd.CategoricalDtype):
        col = col.fillna("").astype(str).astype("category")
    cats = col.cat.categories
    as_is = col.cat.ordered and cats.dtype == "str"
    cats = cats if cats.dtype == "str" else cats.astype(str)
    codes = col.cat.codes.to_numpy()
    if (codes < 0).any():  # missing values read as ""
        as_is = False
        if "" not in cats:
            cats = cats.append(pd.Index([""], dtype=cats.dtype))
        codes = np.where(codes < 0, cats.get_loc(""), codes)
    used = np.bincount(codes, minlength=len(cats)) > 0
    order = (np.arange(len(cats)) if cats.is_monotonic_increasing
             else np.argsort(cats.to_numpy(), kind="stable"))
    order = order[used[order]]  # the used categories in sorted order
    if as_is and len(order) == len(cats) and (order == np.arange(len(cats))).all():
        return col
    remap = np.full(len(cats), -1, dtype=np.intp)
    remap[order] = np.arange(len(order))
    return pd.Series(pd.Categorical.from_codes(remap[codes], cats[order], ordered=True),
                     index=col.index, name=col.name)
