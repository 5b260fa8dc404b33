"""Every panel of the app, defined once: a view function per panel takes the selection and
the panel's settings (the widget values, with the page's defaults) and returns its charts, each
with the data it shows and its method.

Pages call these with what the user picked and draw them with their downloads
(ui.downloads.chart); the report (figures.report: the dashboard's ZIP and `python -m presslens
report`) calls the same functions with the same settings, so it draws what the screen draws.
Plotly only, no Streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from analysis import schema
from analysis.compare import (actor_words, attention, co_mention_matrix, distinctive_terms,
                              tone_differences)
from analysis.counts import (MEASURES, count_mentions, frequency_matrix, mentions_by_date,
                             total_by_actor)
from analysis.mentions import KINDS
from analysis.overview import PER_ARTICLE_UP_TO, hygiene_table
from analysis.quotes import source_type_shares, speaker_counts, top_speakers
from analysis.selection import Selection
from analysis.sentiment import ALL_OUTLETS, aggregate_tone, outlet_article_tone, tone_shares_long
from analysis.topics import topic_matrix, topic_shares
from figures import charts


@dataclass(frozen=True)
class Chart:
    name: str  # file name stem
    fig: go.Figure
    data: pd.DataFrame  # exactly the numbers the chart shows
    method: str  # how they were computed, for the provenance line
    source: Selection | None = None  # what it was drawn from (set by the panel functions)

    def of(self, selection: Selection) -> "Chart":
        """This chart, marked as drawn from `selection` (its provenance)."""
        return replace(self, source=selection)

    @property
    def title(self) -> str:
        return self.fig.layout.title.text or self.name


def _wrap(n: int) -> int:
    return n if n <= 3 else 3


def words_per_article(selection: Selection) -> Chart:
    """Overview: the counted text against what the cleaner set aside."""
    hyg = hygiene_table(selection)
    per = "outlet" if len(selection.articles) > PER_ARTICLE_UP_TO else "article"
    fig = charts.bar_chart(hyg, x="words", y="label", color="zone", orientation="h",
                           barmode="stack", title=f"Words per {per}: counted text vs set aside",
                           labels={"words": "words", "label": "", "zone": ""},
                           colors=charts.ZONE_COLORS, hover=["outlet"])
    return Chart("overview-words-per-article", fig, hyg,
                 "words of each zone as split by analysis.cleaning", selection)


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
                          hover=["articles"], labels={"period": per, "mentions": "mentions"},
                          period=per)
    return Chart("mentions-over-time", fig, by_date, _mention_method("mentions", kinds))


def _tone_method(engine: str) -> str:
    scored_by = ("target-aware model (analysis.target_sentiment; P(pos) − P(neg))"
                 if engine == "target" else
                 f"VADER compound (Hutto & Gilbert 2014) of the {engine.removeprefix('vader-')} "
                 "around each mention; thresholds ±0.05 (VADER README)")
    return (f"tone scored by the {scored_by}; mean with 95% bootstrap interval (2,000 "
            "resamples; articles resampled where ≥5)")


TONE_OUTLETS_IN_ONE = 6  # beyond this many outlets, one panel per actor with the outlets
# named on its axis: colours alone stop telling outlets apart (the palette's 20 colours hold
# pairs closer than CIE76 15, measured)


def tone_by_actor(engine: str, shown: pd.DataFrame, actors: list[str],
                  colors: dict[str, str]) -> Chart:
    ordered = shown.assign(order=shown["actor"].map({a: i for i, a in enumerate(actors)}))
    ordered = ordered.sort_values(["order", "outlet"]).drop(columns="order")
    common = dict(x="tone_mean", low="ci_low", high="ci_high", colors=colors, faded="low_n",
                  title="Tone around each actor, by outlet (mean, 95% interval)",
                  labels={"tone_mean": "tone (−1 … +1)", "actor": "", "outlet": ""},
                  hover=["mentions", "articles", "negative_pct", "neutral_pct", "positive_pct",
                         "low_n"], x_range=(-1, 1))
    if ordered["outlet"].nunique() > TONE_OUTLETS_IN_ONE:
        fig = charts.dot_interval_panels(ordered, y="outlet", panel="actor", **common)
    else:
        fig = charts.dot_interval_chart(ordered, y="actor", color="outlet", **common)
    return Chart("tone-by-actor-and-outlet", fig, ordered, _tone_method(engine))


def tone_shares(engine: str, overall: pd.DataFrame) -> Chart:
    shares = tone_shares_long(overall)
    fig = charts.bar_chart(shares, x="share_pct", y="actor", color="polarity", orientation="h",
                           barmode="stack", colors=charts.POLARITY_COLORS,
                           title="Negative, neutral and positive mentions, all selected outlets",
                           labels={"share_pct": "% of the actor's mentions", "actor": "",
                                   "polarity": ""}, hover=["mentions"])
    return Chart("tone-shares", fig, shares, _tone_method(engine))


def article_tone_by_outlet(selection: Selection) -> tuple[Chart, pd.DataFrame]:
    """Sentiment: whole-article tone per outlet, and the per-article table behind it."""
    colors = charts.corpus_colors(selection.corpus)
    per_article = selection.rows("article_tone")
    per_outlet = outlet_article_tone(per_article)
    fig = charts.dot_interval_chart(
        per_outlet, x="tone_mean", y="outlet", low="ci_low", high="ci_high", color="outlet",
        colors=colors, faded="low_n", title="Mean article tone by outlet (95% interval over articles)",
        labels={"tone_mean": "mean sentence tone (VADER compound)", "outlet": ""},
        hover=["articles"], x_range=(-1, 1))
    return Chart("article-tone-by-outlet", fig, per_outlet,
                 "mean VADER compound of all article sentences, per article; mean over "
                 "articles with 95% bootstrap interval", selection), per_article


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


def source_types(shares: pd.DataFrame) -> Chart:
    fig = charts.bar_chart(shares, x="share_of_quoted_words_pct", y="outlet", color="source_type",
                           colors=charts.SOURCE_COLORS, orientation="h", barmode="stack",
                           title="Who is quoted: share of each outlet's quoted words by kind of source",
                           labels={"share_of_quoted_words_pct": "% of the outlet's quoted words",
                                   "outlet": "", "source_type": "source"},
                           hover=["quotes", "quoted_words"])
    return Chart("outlets-source-types", fig, shares,
                 "quotations by the kind of their speaker (analysis.quotes source_type); words "
                 "inside the quotation marks")


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


# ------------------------------------------------------------------------------ the panels
def _of(selection: Selection, chart: Chart | None) -> Chart | None:
    return chart.of(selection) if chart is not None else None


@dataclass(frozen=True)
class MentionSettings:
    """The Mentions page's widgets, with its defaults."""

    kinds: tuple[str, ...] = KINDS
    measure: str = "mentions"
    top_n: int = 15
    timeline_actors: tuple[str, ...] | None = None  # None: the first TIMELINE_ACTORS shown

    @property
    def counted_kinds(self) -> tuple[str, ...] | None:
        """The kinds to count, None for every kind (no mask to apply)."""
        return None if set(self.kinds) >= set(KINDS) else self.kinds


TIMELINE_ACTORS = 4  # actors on the timeline until the user picks


@dataclass(frozen=True)
class MentionsView:
    freq: pd.DataFrame  # schema.FREQUENCIES per (outlet, actor)
    totals: pd.DataFrame  # schema.FREQUENCIES per actor, all selected outlets
    top: pd.DataFrame  # the first `top_n` rows of totals
    timeline_actors: list[str]
    ranked: Chart
    heatmap: Chart
    timeline: Chart | None  # None: fewer than two periods

    @property
    def charts(self) -> list[Chart]:
        return [self.ranked, self.heatmap] + ([self.timeline] if self.timeline else [])


def mentions_view(selection: Selection, settings: MentionSettings = MentionSettings()
                  ) -> MentionsView | None:
    """Mentions: the ranking, the actor × outlet heatmap and the timeline; None where the
    selection holds no resolved mention of the chosen kinds."""
    kinds = settings.counted_kinds
    freq = count_mentions(selection, kinds=kinds)
    if freq.empty:
        return None
    totals = total_by_actor(freq, selection)
    top = totals.head(settings.top_n)
    shown = top["actor"].tolist()
    timeline_actors = ([a for a in settings.timeline_actors if a in shown]
                       if settings.timeline_actors is not None else shown[:TIMELINE_ACTORS])
    return MentionsView(
        freq, totals, top, timeline_actors,
        mentions_ranked(top, settings.measure, settings.kinds).of(selection),
        mentions_heatmap(freq, shown, settings.measure, settings.kinds).of(selection),
        _of(selection, mentions_timeline(mentions_by_date(selection, timeline_actors, kinds=kinds),
                                         settings.kinds)))


@dataclass(frozen=True)
class ToneSettings:
    """The Sentiment page's widgets (the engine is the selection's analysis's)."""

    actors: tuple[str, ...] | None = None  # None: the TONE_ACTORS most mentioned
    hide_low: bool = False


TONE_ACTORS = 8


@dataclass(frozen=True)
class ToneView:
    actors: list[str]  # those shown
    tone: pd.DataFrame  # schema.TONE of the shown actors, per outlet and over all
    by_actor: Chart | None  # None: every figure hidden as resting on too few mentions
    shares: Chart

    @property
    def charts(self) -> list[Chart]:
        return ([self.by_actor] if self.by_actor else []) + [self.shares]


def tone_actors(selection: Selection) -> list[str]:
    """Every actor with a scored mention in the selection, most mentioned first."""
    actor = selection.table("scored")["actor"][selection.mask("scored")]
    return actor.value_counts().index.astype(str).tolist()


def tone_view(selection: Selection, settings: ToneSettings = ToneSettings()) -> ToneView | None:
    """Sentiment: tone around each actor by outlet and the class shares, scored by the engine
    of the selection's analysis; None where no chosen actor has a scored mention there."""
    by_mentions = tone_actors(selection)
    actors = ([a for a in settings.actors if a in by_mentions] if settings.actors is not None
              else by_mentions[:TONE_ACTORS])
    if not actors:
        return None
    scored = selection.rows("scored", ["article_id", "outlet", "actor", "tone", "polarity"])
    tone = aggregate_tone(scored[scored["actor"].isin(actors)])  # intervals of those shown only
    overall = tone[tone["outlet"] == ALL_OUTLETS].sort_values("mentions", ascending=False)
    shown = tone[tone["outlet"] != ALL_OUTLETS]
    if settings.hide_low:
        shown = shown[~shown["low_n"]]
    engine = selection.analysed.engine
    colors = charts.corpus_colors(selection.corpus)
    return ToneView(actors, tone,
                    tone_by_actor(engine, shown, actors, colors).of(selection)
                    if not shown.empty else None,
                    tone_shares(engine, overall).of(selection))


@dataclass(frozen=True)
class CompareSettings:
    """The Compare outlets page's widgets, with its defaults."""

    outlets: tuple[str, ...] | None = None  # the outlets compared; None: every selected one
    focus: str | None = None  # attention difference of this outlet; else the first compared
    co_mention_outlet: str | None = None  # None: every compared outlet
    drop_names: bool = True  # distinctive words without the actors' names


TOP_ACTORS = 12  # actors compared on attention and co-mentions
TONE_ACTORS_COMPARED = 8
SPEAKERS_PER_OUTLET = 8


def compared(selection: Selection, settings: CompareSettings) -> Selection:
    """The selection cut down to the compared outlets."""
    return selection if settings.outlets is None else selection.narrowed(settings.outlets)


def compared_actors(selection: Selection) -> tuple[pd.DataFrame, list[str]]:
    """The compared selection's frequencies and its TOP_ACTORS most named actors."""
    freq = count_mentions(selection)
    return freq, total_by_actor(freq, selection)["actor"].head(TOP_ACTORS).tolist()


def attention_view(selection: Selection, freq: pd.DataFrame, actors: list[str],
                   focus: str | None) -> list[Chart]:
    """Compare → Attention: each outlet's share of its mentions, and one outlet's difference
    from the rest."""
    shown, panels = attention_panels_view(selection, freq, actors)
    return [panels, attention_difference_view(selection, shown, focus)]


def attention_panels_view(selection: Selection, freq: pd.DataFrame, actors: list[str]
                          ) -> tuple[pd.DataFrame, Chart]:
    """Compare → Attention, its first chart: each outlet's share of its mentions, and the
    attention table (compare.attention) the difference chart is drawn from."""
    shown = attention(freq, actors)
    return shown, attention_panels(shown, charts.corpus_colors(selection.corpus)).of(selection)


def attention_difference_view(selection: Selection, shown: pd.DataFrame, focus: str | None
                              ) -> Chart:
    """Compare → Attention, its second chart: one outlet's difference from the rest (`shown`:
    attention_panels_view's table)."""
    focus = focus if focus in selection.outlets else selection.outlets[0]
    return attention_difference(shown[shown["outlet"] == focus], focus,
                                charts.corpus_colors(selection.corpus)).of(selection)


def speakers_view(selection: Selection) -> tuple[pd.DataFrame, Chart | None]:
    """Compare → Who speaks: quoted words per speaker (None: no attributed quotation)."""
    speakers = speaker_counts(selection.rows("quotes"))
    if speakers.empty:
        return speakers, None
    return speakers, who_speaks(top_speakers(speakers, per_outlet=SPEAKERS_PER_OUTLET),
                                charts.corpus_colors(selection.corpus)).of(selection)


def source_types_view(selection: Selection) -> tuple[pd.DataFrame, Chart | None]:
    """Compare → Who speaks: each outlet's quoted words by kind of source (None: no quotation)."""
    shares = source_type_shares(selection.rows("quotes"))
    if shares.empty:
        return shares, None
    return shares, source_types(shares).of(selection)


def topics_view(selection: Selection) -> tuple[pd.DataFrame, Chart | None]:
    """Compare → Topics: share of each outlet's sentences per topic (None: no topic term)."""
    shares = topic_shares(selection)
    return shares, (topics_heatmap(shares).of(selection) if not shares.empty else None)


def tone_difference_view(selection: Selection, actors: list[str]) -> Chart | None:
    """Compare → Tone: each outlet minus the rest (None: no actor named by two outlets)."""
    diffs = tone_differences(selection.rows("scored"), actors[:TONE_ACTORS_COMPARED])
    diffs = diffs[diffs["rest_mentions"] > 0]
    return (tone_difference(diffs, charts.corpus_colors(selection.corpus)).of(selection)
            if not diffs.empty else None)


def co_mentions_view(selection: Selection, actors: list[str], outlet: str | None) -> Chart:
    """Compare → Co-mentions: sentences naming both actors, in one outlet or all compared."""
    chosen = selection if outlet is None else selection.narrowed([outlet])
    return co_mentions_heatmap(chosen.rows("pairs"), actors,
                               outlet or "all picked outlets").of(chosen)


def distinctive_view(selection: Selection, drop_names: bool) -> pd.DataFrame:
    """Compare → Distinctive words: the table (schema.DISTINCTIVE)."""
    exclude = actor_words(selection.analysed.registry) if drop_names else frozenset()
    return distinctive_terms(selection, exclude_words=exclude)


@dataclass(frozen=True)
class ReportSettings:
    """What the report draws each page with: the user's picks on that page, or its defaults."""

    mentions: MentionSettings = field(default_factory=MentionSettings)
    tone: ToneSettings = field(default_factory=ToneSettings)
    compare: CompareSettings = field(default_factory=CompareSettings)
    search: tuple[list[str], SearchSettings] | None = None  # the Search page's queries, if any


def report_charts(selection: Selection, settings: ReportSettings = ReportSettings(), *,
                  tone_selection: Selection | None = None
                  ) -> tuple[list[Chart], list[tuple[str, pd.DataFrame]]]:
    """Every page's charts, drawn by the same view functions the pages call with `settings`,
    and the further tables a report carries (distinctive terms). `tone_selection`: the same
    selection scored by the engine picked on the Sentiment page (default: `selection`)."""
    if selection.empty:
        return [], []
    out = [words_per_article(selection)]
    tables: list[tuple[str, pd.DataFrame]] = []
    mentions = mentions_view(selection, settings.mentions)
    out += mentions.charts if mentions else []
    tone_sel = tone_selection or selection
    tone = tone_view(tone_sel, settings.tone)
    out += tone.charts if tone else []
    out.append(article_tone_by_outlet(tone_sel)[0])
    cmp = compared(selection, settings.compare)
    if len(cmp.outlets) >= 2:
        freq, actors = compared_actors(cmp)
        if not freq.empty:
            out += attention_view(cmp, freq, actors, settings.compare.focus)
        extra = [speakers_view(cmp)[1], source_types_view(cmp)[1], topics_view(cmp)[1],
                 tone_difference_view(cmp, actors)]
        out += [c for c in extra if c is not None]
        out.append(co_mentions_view(cmp, actors, settings.compare.co_mention_outlet))
        tables.append(("outlets-distinctive-terms",
                       distinctive_view(cmp, settings.compare.drop_names)))
    if settings.search is not None:
        shown = search_view(selection, *settings.search)
        out += shown.charts
        if shown.matches:
            tables.append(("search-concordance", shown.concordance))
    return out, tables


# ------------------------------------------------------------------------------ search
# (the Search page: analysis.search's matches per outlet, over time and in context)
from analysis.search import (COUNTS as SEARCH_COUNTS, MATCHES as SEARCH_MATCHES,  # noqa: E402
                             MAX_QUERIES, QueryError, count_matches, in_article, kwic,
                             matches_by_date, parse_query, search, sort_kwic)

SEARCH_MEASURES = {
    "matches": "Matches (raw count)",
    "per_1k_words": "Matches per 1,000 words",
    "share_of_articles_pct": "% of the outlet's articles with a match",
}


@dataclass(frozen=True)
class SearchSettings:
    """The Search page's widgets, with its defaults."""

    actor: str | None = None  # only sentences naming this actor
    measure: str = "matches"
    width: int = 60  # characters of context on each side in the concordance
    period: str | None = None  # day, week or month over time (None: by the date span)


@dataclass(frozen=True)
class SearchView:
    queries: list[str]  # those that parsed, in order (the colour order)
    problems: list[tuple[str, str]]  # (query, what is wrong with it)
    counts: pd.DataFrame  # COUNTS per (query, outlet)
    by_date: pd.DataFrame  # BY_DATE per (query, period)
    found: pd.DataFrame  # MATCHES of every query, with its `query` and `sentence`
    width: int  # characters of context on each side in the concordance
    by_outlet: Chart | None  # None: nothing matched
    over_time: Chart | None  # None: fewer than two periods, or nothing matched

    @property
    def charts(self) -> list[Chart]:
        return [c for c in (self.by_outlet, self.over_time) if c is not None]

    @property
    def matches(self) -> int:
        return int(self.counts["matches"].sum()) if len(self.counts) else 0

    def _kwic(self, rows: pd.DataFrame) -> pd.DataFrame:
        return kwic(rows, rows["sentence"].tolist(), width=self.width).assign(
            query=rows["query"].to_numpy())

    @cached_property
    def concordance(self) -> pd.DataFrame:
        """KWIC of every match, with its query (the CSV and the report carry it whole)."""
        return self._kwic(self.found)

    def concordance_page(self, by: str, page: int, size: int) -> pd.DataFrame:
        """One page of the concordance sorted `by` (search.SORTS): the contexts of that page
        only, unless the sort needs every row's (left or right words)."""
        cut = slice((page - 1) * size, page * size)
        if by in ("left", "right"):
            return sort_kwic(self.concordance, by).iloc[cut]
        return self._kwic(sort_kwic(self.found, by).iloc[cut])

    def in_article(self, corpus, article_id: str, query: str) -> list[tuple[int, int]]:
        """Every match of `query` in one article, as (start, end) of the article's text."""
        found = self.found
        return in_article(corpus, found[(found["query"] == query).to_numpy()], article_id)


def _search_method(queries: list[str], settings: SearchSettings) -> str:
    actor = f"; sentences naming {settings.actor}" if settings.actor else ""
    return (f"queries: {' | '.join(queries)}{actor}; matched per sentence by analysis.search "
            "(SQLite FTS5, unicode61 remove_diacritics 2; case and accents ignored)")


def query_colors(queries: list[str]) -> dict[str, str]:
    return {q: charts.PALETTE[i % len(charts.PALETTE)] for i, q in enumerate(queries)}


def search_view(selection: Selection, queries: list[str],
                settings: SearchSettings = SearchSettings()) -> SearchView:
    """Search: for each query (up to MAX_QUERIES; blank lines skipped), its matches per outlet,
    over time and in context. Queries that cannot be read are returned in `problems` with the
    parser's message, and the others drawn."""
    wanted = [q.strip() for q in queries if q.strip()]
    problems = [(q, f"Only {MAX_QUERIES} queries are compared at once; this one is left out.")
                for q in wanted[MAX_QUERIES:]]
    good, counts, dates, found = [], [], [], []
    for text in wanted[:MAX_QUERIES]:
        try:
            query = parse_query(text)
        except QueryError as exc:
            problems.append((text, str(exc)))
            continue
        if text in good:
            continue
        good.append(text)
        matched = search(selection, query, actor=settings.actor, with_sentence=True)
        counts.append(count_matches(selection, matched).assign(query=text))
        dates.append(matches_by_date(selection, matched, length=settings.period).assign(query=text))
        found.append(matched.assign(query=text))
    counts_df = (pd.concat(counts, ignore_index=True) if counts
                 else pd.DataFrame(columns=["query", *SEARCH_COUNTS]))
    by_date = pd.concat(dates, ignore_index=True) if dates else pd.DataFrame()
    found_df = (pd.concat(found, ignore_index=True) if found else
                schema.empty({**SEARCH_MATCHES, "sentence": "str"}).assign(query=pd.Series(dtype="str")))
    method = _search_method(good, settings)
    colors = query_colors(good)
    by_outlet = over_time = None
    if len(counts_df) and counts_df["matches"].sum() > 0:
        m = settings.measure
        fig = charts.bar_chart(counts_df, x=m, y="outlet", color="query", colors=colors,
                               orientation="h", title=f"Matches per outlet · {SEARCH_MEASURES[m]}",
                               labels={m: SEARCH_MEASURES[m], "outlet": "", "query": ""},
                               hover=["matches", "matching_articles", "outlet_articles",
                                      "outlet_words"])
        by_outlet = Chart("search-by-outlet", fig, counts_df, method, selection)
        if by_date["period"].nunique() >= 2:
            per = by_date["period_length"].iloc[0]
            fig = charts.timeline(by_date, x="period", y="matches", color="query", colors=colors,
                                  title=f"Matches per {per} of publication, all selected outlets",
                                  hover=["articles"], labels={"period": per, "matches": "matches"},
                                  period=per)
            over_time = Chart("search-over-time", fig, by_date, method, selection)
    return SearchView(good, problems, counts_df, by_date, found_df, settings.width, by_outlet,
                      over_time)
