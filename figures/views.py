"""Every chart of the app, defined once: the data it shows, its figure, and its method.

Pages draw these with their downloads (ui.downloads.chart); the report (figures.report, and
`python -m presslens report`) renders the same definitions to files. Plotly only, no Streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.compare import (actor_words, attention, co_mention_matrix, distinctive_terms,
                              tone_differences)
from analysis.filters import Filters, apply_filters, in_articles
from analysis.mentions import (KINDS, MEASURES, count_mentions, frequency_matrix,
                               mentions_by_date, total_by_actor)
from analysis.overview import PER_ARTICLE_UP_TO, hygiene_table
from analysis.pipeline import Analysis
from analysis.quotes import speaker_counts, top_speakers
from analysis.sentiment import (ALL_OUTLETS, aggregate_tone, outlet_article_tone,
                                tone_shares_long)
from analysis.topics import topic_matrix, topic_shares
from figures import charts


@dataclass(frozen=True)
class Chart:
    name: str  # file name stem
    fig: go.Figure
    data: pd.DataFrame  # exactly the numbers the chart shows
    method: str  # how they were computed, for the provenance line

    @property
    def title(self) -> str:
        return self.fig.layout.title.text or self.name


def _wrap(n: int) -> int:
    return n if n <= 3 else 3


def words_per_article(analysis: Analysis, arts: pd.DataFrame) -> Chart:
    hyg = hygiene_table(arts, analysis.corpus.zones)
    per = "outlet" if len(arts) > PER_ARTICLE_UP_TO else "article"
    fig = charts.bar_chart(hyg, x="words", y="label", color="zone", orientation="h",
                           barmode="stack", title=f"Words per {per}: counted text vs set aside",
                           labels={"words": "words", "label": "", "zone": ""},
                           colors=charts.ZONE_COLORS, hover=["outlet"])
    return Chart("overview-words-per-article", fig, hyg,
                 "words of each zone as split by analysis.cleaning")


def _mention_method(measure: str, kinds: tuple[str, ...]) -> str:
    return (f"{MEASURES[measure]}; mention kinds: {', '.join(kinds)}; counting rules of "
            "analysis.mentions (registry actors.toml)")


def mentions_ranked(top: pd.DataFrame, measure: str, kinds: tuple[str, ...]) -> Chart:
    ranked = top.sort_values(measure, ascending=False)
    fig = charts.bar_chart(ranked, x=measure, y="actor", orientation="h",
                           title=f"Most-named actors · {MEASURES[measure]}",
                           labels={measure: MEASURES[measure], "actor": ""},
                           hover=["mentions", "articles_with_actor", "outlet_articles",
                                  "outlet_words"])
    return Chart("mentions-ranked", fig, ranked, _mention_method(measure, kinds))


def mentions_heatmap(freq: pd.DataFrame, actors: list[str], measure: str,
                     kinds: tuple[str, ...]) -> Chart:
    matrix = frequency_matrix(freq, actors, measure)
    fig = charts.heatmap(matrix, title=f"Actor × outlet · {MEASURES[measure]}",
                         value_label=MEASURES[measure],
                         text_format="d" if measure == "mentions" else ".1f")
    return Chart("mentions-heatmap", fig, matrix.reset_index(), _mention_method(measure, kinds))


def mentions_timeline(by_date: pd.DataFrame, kinds: tuple[str, ...]) -> Chart | None:
    """None where the selection covers fewer than two periods: no line to draw."""
    if by_date["period"].nunique() < 2:
        return None
    per = by_date["period_length"].iloc[0]
    fig = charts.timeline(by_date, x="period", y="mentions", color="actor",
                          title=f"Mentions per {per} of publication, all selected outlets",
                          hover=["articles"], labels={"period": per, "mentions": "mentions"})
    return Chart("mentions-over-time", fig, by_date, _mention_method("mentions", kinds))


def _tone_method(engine: str) -> str:
    scored_by = ("target-aware model (analysis.target_sentiment; P(pos) − P(neg))"
                 if engine == "target" else
                 f"VADER compound (Hutto & Gilbert 2014) of the {engine.removeprefix('vader-')} "
                 "around each mention; thresholds ±0.05 (VADER README)")
    return (f"tone scored by the {scored_by}; mean with 95% bootstrap interval (2,000 "
            "resamples; articles resampled where ≥5)")


def tone_by_actor(engine: str, shown: pd.DataFrame, actors: list[str],
                  colors: dict[str, str]) -> Chart:
    ordered = shown.assign(order=shown["actor"].map({a: i for i, a in enumerate(actors)}))
    ordered = ordered.sort_values(["order", "outlet"]).drop(columns="order")
    fig = charts.dot_interval_chart(
        ordered, x="tone_mean", y="actor", low="ci_low", high="ci_high", color="outlet",
        colors=colors, faded="low_n",
        title="Tone around each actor, by outlet (mean, 95% interval)",
        labels={"tone_mean": "tone (−1 … +1)", "actor": "", "outlet": ""},
        hover=["mentions", "articles", "negative_pct", "neutral_pct", "positive_pct", "low_n"],
        x_range=(-1, 1))
    return Chart("tone-by-actor-and-outlet", fig, ordered, _tone_method(engine))


def tone_shares(engine: str, overall: pd.DataFrame) -> Chart:
    shares = tone_shares_long(overall)
    fig = charts.bar_chart(shares, x="share_pct", y="actor", color="polarity", orientation="h",
                           barmode="stack", colors=charts.POLARITY_COLORS,
                           title="Negative, neutral and positive mentions, all selected outlets",
                           labels={"share_pct": "% of the actor's mentions", "actor": "",
                                   "polarity": ""}, hover=["mentions"])
    return Chart("tone-shares", fig, shares, _tone_method(engine))


def article_tone_by_outlet(analysis: Analysis, arts: pd.DataFrame,
                           colors: dict[str, str]) -> tuple[Chart, pd.DataFrame]:
    per_article = analysis.rows_of("article_tone", set(arts["article_id"]))
    per_outlet = outlet_article_tone(per_article)
    fig = charts.dot_interval_chart(
        per_outlet, x="tone_mean", y="outlet", low="ci_low", high="ci_high", color="outlet",
        colors=colors, faded="low_n", title="Mean article tone by outlet (95% interval over articles)",
        labels={"tone_mean": "mean sentence tone (VADER compound)", "outlet": ""},
        hover=["articles"], x_range=(-1, 1))
    return Chart("article-tone-by-outlet", fig, per_outlet,
                 "mean VADER compound of all article sentences, per article; mean over "
                 "articles with 95% bootstrap interval"), per_article


def attention_panels(shown: pd.DataFrame, colors: dict[str, str]) -> Chart:
    fig = charts.bar_chart(shown, x="share_pct", y="actor", color="outlet", colors=colors,
                           orientation="h", facet="outlet", facet_wrap=_wrap(shown["outlet"].nunique()),
                           title="Share of each outlet's actor mentions",
                           labels={"share_pct": "% of mentions", "actor": "", "outlet": ""},
                           hover=["mentions", "per_1k_words"])
    fig.update_layout(showlegend=False)
    return Chart("outlets-attention", fig, shown, "share of resolved actor mentions")


def attention_difference(diff: pd.DataFrame, focus: str, colors: dict[str, str]) -> Chart:
    fig = charts.bar_chart(diff, x="diff_pp", y="actor", orientation="h", color="outlet",
                           colors=colors, title=f"{focus} vs the other outlets: attention",
                           labels={"diff_pp": "percentage points more (+) or less (−) than the rest",
                                   "actor": ""}, hover=["share_pct", "rest_share_pct", "mentions"])
    return Chart(f"outlets-attention-difference-{focus}", fig, diff,
                 "share of mentions minus the rest's share, percentage points")


def who_speaks(top: pd.DataFrame, colors: dict[str, str]) -> Chart:
    fig = charts.bar_chart(top, x="quoted_words", y="speaker", color="outlet", colors=colors,
                           orientation="h", facet="outlet", facet_wrap=_wrap(top["outlet"].nunique()),
                           title="Who speaks: quoted words per speaker",
                           labels={"quoted_words": "quoted words", "speaker": ""},
                           hover=["quotes", "share_of_quoted_words_pct", "speaker_kind"])
    fig.update_layout(showlegend=False)
    return Chart("outlets-who-speaks", fig, top,
                 "quotations attributed by analysis.quotes; words inside the quotation marks")


def topics_heatmap(shares: pd.DataFrame) -> Chart:
    fig = charts.heatmap(topic_matrix(shares), title="Share of each outlet's sentences per topic (%)",
                         value_label="% of sentences", text_format=".0f")
    return Chart("outlets-topics", fig, shares,
                 "sentences containing a topic term (topics.toml) / outlet sentences")


def tone_difference(diffs: pd.DataFrame, colors: dict[str, str]) -> Chart:
    fig = charts.dot_interval_chart(
        diffs, x="diff", y="actor", low="ci_low", high="ci_high", color="outlet",
        colors=colors, faded="low_n", x_range=(-1, 1),
        title="Tone around each actor: outlet minus the rest (95% interval)",
        labels={"diff": "difference in mean tone (−2 … +2)", "actor": ""},
        hover=["mentions", "rest_mentions", "tone_mean", "rest_tone_mean"])
    return Chart("outlets-tone-difference", fig, diffs,
                 "mean tone (default engine) in the outlet minus the rest; bootstrap 95%")


def co_mentions_heatmap(pairs: pd.DataFrame, actors: list[str], label: str) -> Chart:
    matrix = co_mention_matrix(pairs, actors)
    fig = charts.heatmap(matrix, title=f"Sentences naming both actors · {label}",
                         value_label="sentences", text_format="d")
    return Chart("outlets-co-mentions", fig, matrix.reset_index(),
                 "sentences in which both actors are mentioned")


def all_charts(analysis: Analysis, filters: Filters) -> tuple[list[Chart], list[tuple[str, pd.DataFrame]]]:
    """Every page's charts with their default settings, and the further tables a report
    carries (distinctive terms): what `python -m presslens report` writes."""
    corpus = analysis.corpus
    arts = apply_filters(corpus.articles, filters)
    if arts.empty:
        return [], []
    colors = charts.corpus_colors(corpus)
    selected = analysis.restricted(set(arts["article_id"]))
    mentions, scored, quotes = selected.mentions, selected.scored, selected.quotes
    out = [words_per_article(analysis, arts)]
    tables: list[tuple[str, pd.DataFrame]] = []
    freq = count_mentions(mentions, arts)
    if not freq.empty:
        totals = total_by_actor(freq, arts)
        top = totals.head(15)
        out += [mentions_ranked(top, "mentions", KINDS),
                mentions_heatmap(freq, top["actor"].tolist(), "per_1k_words", KINDS)]
        timeline = mentions_timeline(mentions_by_date(mentions, top["actor"].tolist()[:4]), KINDS)
        out += [timeline] if timeline else []
    if not scored.empty:
        actors = scored["actor"].value_counts().index.astype(str)[:8].tolist()
        tone = aggregate_tone(scored[scored["actor"].isin(actors)])
        out += [tone_by_actor(analysis.engine, tone[tone["outlet"] != ALL_OUTLETS], actors, colors),
                tone_shares(analysis.engine, tone[tone["outlet"] == ALL_OUTLETS]
                            .sort_values("mentions", ascending=False))]
    out.append(article_tone_by_outlet(analysis, arts, colors)[0])
    if arts["outlet"].nunique() >= 2 and not freq.empty:
        top_actors = total_by_actor(freq, arts)["actor"].head(12).tolist()
        out.append(attention_panels(attention(freq, top_actors), colors))
        speakers = speaker_counts(quotes)
        if not speakers.empty:
            out.append(who_speaks(top_speakers(speakers, per_outlet=8), colors))
        shares = topic_shares(analysis.topic_tags, corpus.sentences, arts)
        if not shares.empty:
            out.append(topics_heatmap(shares))
        diffs = tone_differences(scored, top_actors[:8])
        if not diffs[diffs["rest_mentions"] > 0].empty:
            out.append(tone_difference(diffs[diffs["rest_mentions"] > 0], colors))
        pairs = analysis.pairs[in_articles(analysis.pairs, arts["article_id"])]
        out.append(co_mentions_heatmap(pairs, top_actors, "all outlets"))
        tables.append(("outlets-distinctive-terms", distinctive_terms(
            corpus.sentences_with_text(arts), arts,
            exclude_words=actor_words(analysis.registry))))
    return out, tables
