"""Tone of the coverage around each actor, mention by mention.

What the number is: the tone of the text around the actor in the outlet's sentences, from −1
to 1. What it is not: the outlet's stance toward the actor — a quote the outlet reports, or
bad news about an actor, reads as negative tone.

Two engines (`ENGINES`), measured on NewsMTSC (`python -m presslens evaluate-sentiment FILE`):
- "target" (default): the target-aware linear model of analysis.target_sentiment; its score
  is P(positive) − P(negative), deferring to VADER on the clause where the model is unsure.
  Macro-F1 on NewsMTSC dev: dev_rw 70.1, dev_mt 66.6.
- "vader-<context>": VADER's compound score of a context around the mention.

For VADER the context is a choice, measured on NewsMTSC (human-labelled sentiment toward a person in
news sentences; `python -m presslens evaluate-sentiment FILE.jsonl`), macro-F1 / accuracy:

    rule        dev_rw (343 targets)   dev_mt (442 targets)
    sentence        50.8 / 51.6           52.8 / 53.2
    window ±5       48.7 / 51.9           49.9 / 56.8
    window ±8       52.2 / 53.4           53.1 / 56.8
    window ±15      50.6 / 51.0           54.3 / 55.4
    clause          53.3 / 54.2           54.8 / 57.7   <- default

"clause": the stretch of the sentence around the mention bounded by ; : dashes, ", " and
contrast words (but, while, although, whereas, however) — a sentence that praises one actor
and blames another is split between them.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis import schema
from analysis.corpus import SentenceText
from analysis.grouping import Groups
from analysis.schema import codes
from analysis.selection import Selection
from analysis.stats import LOW_N_MENTIONS, T_INTERVAL_FROM, Z95, mean_interval
from analysis.target_sentiment import default_model
from analysis.vader import LABELS, polarity_of, vader_compound
from analysis.words import clause_context, window_context


# ------------------------------------------------------------------------- context rules
CONTEXT_RULES: dict[str, Callable[[str, int, int], str]] = {
    "clause": clause_context,
    "sentence": lambda s, a, b: s,
    "window5": lambda s, a, b: window_context(s, a, b, words=5),
    "window8": lambda s, a, b: window_context(s, a, b, words=8),
    "window15": lambda s, a, b: window_context(s, a, b, words=15),
}


def target_polarity(sentence: str, start: int, end: int) -> str:
    """"negative", "neutral" or "positive" toward the target at sentence[start:end], scored
    as the dashboard scores it (the default engine)."""
    return ENGINES[DEFAULT_ENGINE](sentence, start, end)


# ----------------------------------------------------------------------------- scoring
KNOWN_TONE = ("article_id", "sentence_id", "start", "end", "tone", "polarity", "deferred")


def score_tone(mentions: pd.DataFrame, sentence_text: SentenceText, *,
               engine: str = "target", known: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every resolved mention with its tone (schema.SCORED_MENTIONS). `engine` is "target"
    (the trained model) or "vader-<context rule>"; `sentence_text` gives the sentences' text
    (Corpus.sentence_text, or corpus.sentence_lookup of a sentences table). `known`: the tones
    this engine gave before (KNOWN_TONE columns) to mentions of the same articles' text: a
    mention's tone depends on its sentence and its span only, so those are not scored again
    (an index re-analysing articles after a registry edit)."""
    m = mentions[mentions["actor"] != ""].copy()
    n = len(m)
    tone, deferred = np.full(n, np.nan), np.zeros(n, dtype=bool)
    polarity = np.empty(n, dtype=object)
    todo = np.arange(n)
    if known is not None and len(known) and n:
        at = ["article_id", "sentence_id", "start", "end"]
        old = known[list(KNOWN_TONE)].drop_duplicates(at)
        joined = m[at].astype({"article_id": str}).merge(
            old.astype({"article_id": str}), on=at, how="left")  # (left order kept)
        have = joined["tone"].notna().to_numpy()
        tone[have] = joined["tone"].to_numpy(float)[have]
        polarity[have] = joined["polarity"].astype(object).to_numpy()[have]
        deferred[have] = joined["deferred"].to_numpy(object)[have].astype(bool)
        todo = np.flatnonzero(~have)
    sub = m.iloc[todo]
    spans = list(zip(sentence_text(sub), sub["start"], sub["end"]))
    if engine == "target":
        for i, p in zip(todo, default_model().predict_many(spans)):
            tone[i], polarity[i], deferred[i] = p.score, p.label, p.deferred
    else:
        rule = CONTEXT_RULES[engine.removeprefix("vader-")]
        for i, (s, a, b) in zip(todo, spans):
            tone[i] = vader_compound(rule(s, a, b))
            polarity[i] = polarity_of(tone[i])
    m["tone"], m["polarity"], m["deferred"], m["engine"] = tone, polarity, deferred, engine
    return schema.conform(m, schema.SCORED_MENTIONS)


ALL_OUTLETS = "All selected outlets"


def _tone_rows(scored: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Tone per group of `by`: n, articles, mean, 95% interval (t interval from
    T_INTERVAL_FROM mentions, vectorised; `mean_interval`'s bootstrap below) and class shares."""
    groups = Groups(scored, by)  # integer codes: quick to count and resample
    article = codes(scored["article_id"])[0]
    tone = scored["tone"].to_numpy(float)
    n = groups.size
    mean = groups.sum(tone) / n
    sd = np.sqrt(np.maximum(groups.sum(tone**2) - n * mean**2, 0) / np.maximum(n - 1, 1))
    half = np.where(n > 1, Z95 * sd / np.sqrt(n), np.nan)
    out = groups.keys.assign(mentions=n, articles=groups.distinct(article), tone_mean=mean,
                             ci_low=mean - half, ci_high=mean + half)
    small = np.flatnonzero(n < T_INTERVAL_FROM)
    if len(small):
        rows = groups.rows()
        intervals = np.array([mean_interval(tone[rows[i]], article[rows[i]])[1:] for i in small])
        out.loc[small, "ci_low"], out.loc[small, "ci_high"] = intervals[:, 0], intervals[:, 1]
    polarity, labels = codes(scored["polarity"])
    label = np.array([LABELS.index(p) for p in labels] or [0], dtype=np.int64)  # code -> LABELS
    counts = groups.counts(label[polarity], len(LABELS))
    for i, lab in enumerate(LABELS):
        out[f"{lab}_pct"] = counts[:, i] / n * 100
    out["low_n"] = out["mentions"] < LOW_N_MENTIONS
    return out


TONE_INPUT = ["article_id", "outlet", "actor", "tone", "polarity"]  # what aggregate_tone reads


def aggregate_tone(scored: pd.DataFrame) -> pd.DataFrame:
    """Tone per (actor, outlet) and per actor over all outlets (outlet = ALL_OUTLETS),
    with n, a 95% interval and the shares by class (schema.TONE)."""
    if scored.empty:
        return schema.conform(pd.DataFrame(columns=list(schema.TONE)), schema.TONE)
    per_outlet = _tone_rows(scored, ["actor", "outlet"])
    overall = _tone_rows(scored, ["actor"]).assign(outlet=ALL_OUTLETS)
    out = pd.concat([per_outlet, overall], ignore_index=True)[list(schema.TONE)]
    return schema.conform(out.sort_values(["actor", "outlet"]), schema.TONE)


def article_tone(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Whole-article tone: the mean VADER compound of the article's sentences
    (schema.ARTICLE_TONE). Not tone toward anyone: the register of the piece."""
    s = sentences[sentences["article_id"].isin(articles["article_id"])]
    tone = s.assign(tone=[vader_compound(t) for t in s["text"]]).groupby("article_id").agg(
        sentences=("tone", "size"), tone_mean=("tone", "mean"))
    out = articles[["article_id", "outlet", "label"]].merge(tone.reset_index(), on="article_id")
    return schema.conform(out, schema.ARTICLE_TONE)


def outlet_article_tone(per_article: pd.DataFrame) -> pd.DataFrame:
    """Mean article tone per outlet with its interval over articles (schema.OUTLET_TONE)."""
    rows = []
    for outlet, g in per_article.groupby("outlet"):
        mean, lo, hi = mean_interval(g["tone_mean"].to_numpy(float))
        rows.append({"outlet": outlet, "articles": len(g), "tone_mean": mean, "ci_low": lo,
                     "ci_high": hi, "low_n": len(g) < 3})
    return schema.conform(pd.DataFrame(rows, columns=list(schema.OUTLET_TONE)), schema.OUTLET_TONE)


def tone_shares_long(tone: pd.DataFrame) -> pd.DataFrame:
    """The class shares of a TONE table in long form, for a stacked bar (schema.TONE_SHARES)."""
    out = tone.melt(id_vars=["actor", "outlet", "mentions"],
                    value_vars=[f"{lab}_pct" for lab in LABELS], var_name="polarity",
                    value_name="share_pct")
    out["polarity"] = out["polarity"].str.removesuffix("_pct")
    return schema.conform(out, schema.TONE_SHARES)


def tone_extremes(selection: Selection, actor: str, *, n: int = 5, outlet: str | None = None
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `n` most negative and most positive mentions of `actor` in the selection (in
    `outlet`, if given), with their sentence, the context that was scored and what pushed the
    score (schema.TONE_EVIDENCE). Ranked on the tone column alone: only the 2 × `n` rows shown
    are copied out of the table."""
    scored, sentence_text = selection.table("scored"), selection.corpus.sentence_text
    keep = (scored["actor"] == actor).to_numpy() & selection.mask("scored")
    if outlet:
        keep = keep & (scored["outlet"] == outlet).to_numpy()
    tone = scored["tone"].to_numpy(float)

    article_ids, sentence_ids = scored["article_id"].to_numpy(), scored["sentence_id"].to_numpy()

    def most(key: np.ndarray) -> pd.DataFrame:  # rows with key < 0, lowest key first
        idx = np.flatnonzero(keep & (key < 0))
        take = 4 * n  # enough rows to leave n sentences once a sentence's repeats are dropped
        while True:  # the lowest, without sorting an actor's million mentions
            part = idx if len(idx) <= take else idx[np.argpartition(key[idx], take - 1)[:take]]
            part = part[np.argsort(key[part], kind="stable")]
            repeat = pd.Series(zip(article_ids[part], sentence_ids[part])).duplicated()
            part = part[~repeat.to_numpy()][:n]  # a sentence naming the actor twice: once
            if len(part) == n or len(idx) <= take:
                break
            take *= 4
        return _tone_evidence(scored.iloc[part], sentence_text)

    return most(tone), most(-tone)


def _tone_evidence(rows: pd.DataFrame, sentence_text: SentenceText) -> pd.DataFrame:
    rows = rows.assign(sentence=sentence_text(rows))
    context = [CONTEXT_RULES["clause" if e == "target" else e.removeprefix("vader-")](s, a, b)
               for e, s, a, b in zip(rows["engine"], rows["sentence"], rows["start"], rows["end"])]
    out = rows.assign(spans=[f"{a}-{b}" for a, b in zip(rows["start"], rows["end"])],
                      kinds=rows["kind"], surfaces=rows["surface"], mentions=1, context=context)
    return schema.conform(out.assign(why=_why(out)), schema.TONE_EVIDENCE)


def _why(scored: pd.DataFrame) -> list[str]:
    """What pushed each score: the model's strongest words, worked out for the few mentions
    shown (not stored for every mention)."""
    out = []
    for r in scored.itertuples():
        if r.engine != "target":
            out.append("")
        elif r.deferred:
            out.append("(model unsure: VADER on the clause decided)")
        else:
            words = default_model().explain(r.sentence, r.start, r.end, r.polarity)
            out.append(", ".join(w for w, _ in words))
    return out


def _vader_engine(context: str) -> Callable[[str, int, int], str]:
    rule = CONTEXT_RULES[context]
    return lambda s, a, b: polarity_of(vader_compound(rule(s, a, b)))


def _target_engine(sentence: str, start: int, end: int) -> str:
    return default_model().predict(sentence, start, end).label


# Engines that `evaluate-sentiment` compares and the Sentiment page offers.
ENGINES: dict[str, Callable[[str, int, int], str]] = {
    "target": _target_engine,
    **{f"vader-{name}": _vader_engine(name) for name in CONTEXT_RULES},
}
DEFAULT_ENGINE = "target"
ENGINE_LABELS = {
    "target": "Target-aware model (trained on NewsMTSC)",
    "vader-clause": "VADER on the clause around the mention",
    "vader-sentence": "VADER on the whole sentence",
}
