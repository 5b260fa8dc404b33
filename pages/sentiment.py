"""Sentiment: the tone of the sentences around each actor, per outlet, with n and intervals."""
import streamlit as st

from analysis.filters import filter_mask
from analysis.sentiment import (ALL_OUTLETS, ENGINE_LABELS, LOW_N_MENTIONS, TONE_INPUT,
                                aggregate_tone, tone_extremes)
from figures import charts, views
from ui import downloads
from ui.data import scored_with, selected_articles, view
from ui.evidence import show_evidence

v = view()
corpus, analysis = v.corpus, v.analysis
st.title("Sentiment")
engine = st.radio("Engine", list(ENGINE_LABELS), format_func=ENGINE_LABELS.get, horizontal=True,
                  key="s_engine", help="The target-aware model reads the words around the "
                  "actor (macro-F1 70 on NewsMTSC dev_rw, against 51 for VADER on the sentence); "
                  "VADER is the lexicon baseline.")
st.info(
    "**What the number is:** the tone of the text around each mention of an actor, from −1 "
    "(negative) to +1 (positive), averaged over the mentions, with a 95% interval, scored "
    f"with: **{ENGINE_LABELS[engine]}**. **What it is not:** the outlet's stance "
    "toward the actor. Quoted criticism, bad news and diplomatic vocabulary all move the "
    "score; read the sentences before drawing conclusions.", icon=":material/info:")
for problem in analysis.registry_problems:
    st.error(f"{problem} — fix it on the Actor registry page.")

arts = selected_articles(v)
table = scored_with(analysis, engine)
inside = filter_mask(table, v.filters)
scored = table.loc[inside, TONE_INPUT]  # (the few rows shown as evidence are read from `table`)
if scored.empty:
    st.info("No mention of any registry actor in the selected articles: there is no tone to "
            "show. Add actors on the Actor registry page, or widen the filters.")
    st.stop()

by_mentions = scored["actor"].value_counts().index.astype(str).tolist()
c1, c2 = st.columns([3, 1])
actors = c1.multiselect("Actors", by_mentions, default=by_mentions[:8], key="s_actors",
                        help="Ordered by number of mentions in the selection.")
hide_low = c2.toggle(f"Hide figures with < {LOW_N_MENTIONS} mentions", key="s_hide_low")
if not actors:
    st.info("Pick at least one actor.")
    st.stop()

tone = aggregate_tone(scored[scored["actor"].isin(actors)])  # intervals for the shown actors only
overall = tone[tone["outlet"] == ALL_OUTLETS].sort_values("mentions", ascending=False)
shown = tone[tone["outlet"] != ALL_OUTLETS]
if hide_low:
    shown = shown[~shown["low_n"]]
colors = charts.corpus_colors(corpus)
if shown.empty:
    st.info(f"Every figure for these actors rests on fewer than {LOW_N_MENTIONS} mentions. "
            "Untick “Hide …” to see them, flagged.")
else:
    st.caption(f"Hollow, faded dots rest on fewer than {LOW_N_MENTIONS} mentions: read them as "
               "anecdotes, not measurements. A dot without a bar has a single mention.")
    downloads.chart(views.tone_by_actor(engine, shown, actors, colors))
downloads.chart(views.tone_shares(engine, overall))

with (box := st.expander("The numbers (n, interval, shares) for every actor and outlet",
                         key="s_numbers", on_change="rerun")):  # content runs only while open
    if box.open:
        st.dataframe(tone, hide_index=True, width="stretch",
                     column_config={c: st.column_config.NumberColumn(format="%.2f")
                                    for c in ("tone_mean", "ci_low", "ci_high")})

st.subheader("The sentences behind the tone")
e1, e2 = st.columns(2)
actor = e1.selectbox("Actor", actors, key="s_actor")
outlet = e2.selectbox("Outlet", [ALL_OUTLETS, *sorted(scored["outlet"].unique())], key="s_outlet")
neg, pos = tone_extremes(table, corpus.sentence_text, actor, rows=inside,
                         outlet=None if outlet == ALL_OUTLETS else outlet)
labels = corpus.labels
left, right = st.columns(2)
with left:
    st.markdown(f"**Most negative** ({len(neg)})")
    show_evidence(neg, labels, extra="tone")
with right:
    st.markdown(f"**Most positive** ({len(pos)})")
    show_evidence(pos, labels, extra="tone")

st.subheader("Whole-article tone, per outlet")
st.caption("A different measure: the mean tone of every sentence of each article, whoever it is "
           "about — the register of the coverage, not tone toward any actor.")
chart, per_article = views.article_tone_by_outlet(analysis, arts, colors)
downloads.chart(chart)
with (box := st.expander("Per article", key="s_per_article", on_change="rerun")):
    if box.open:
        st.dataframe(per_article, hide_index=True, width="stretch")
