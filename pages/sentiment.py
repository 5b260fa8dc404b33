"""Sentiment: the tone of the sentences around each actor, per outlet, with n and intervals."""
import streamlit as st

from analysis.sentiment import ENGINE_LABELS, LOW_N_MENTIONS, tone_extremes
from analysis.selection import Selection
from figures import charts, views
from ui import downloads, url_state as url
from ui.data import selection_or_stop, view, with_engine
from ui.evidence import show_evidence

v = view()
corpus = v.corpus
st.title("Sentiment")
engine = url.bound(st.radio, "Engine", "s_engine", list(ENGINE_LABELS),
                   default=list(ENGINE_LABELS)[0], format_func=ENGINE_LABELS.get, horizontal=True,
                   help="The target-aware model reads the words around the "
                  "actor (macro-F1 70 on NewsMTSC dev_rw, against 51 for VADER on the sentence); "
                  "VADER is the lexicon baseline.")
st.info(
    "**What the number is:** the tone of the text around each mention of an actor, from −1 "
    "(negative) to +1 (positive), averaged over the mentions, with a 95% interval, scored "
    f"with: **{ENGINE_LABELS[engine]}**. **What it is not:** the outlet's stance "
    "toward the actor. Quoted criticism, bad news and diplomatic vocabulary all move the "
    "score; read the sentences before drawing conclusions.", icon=":material/info:")
for problem in v.analysed.registry_problems:
    st.error(f"{problem} — fix it on the Actor registry page.")

selection_or_stop(v)
sel = Selection(with_engine(v.analysed, engine), v.filters)  # scored by the chosen engine
by_mentions = views.tone_actors(sel)
if not by_mentions:
    st.info("No mention of any registry actor in the selected articles: there is no tone to "
            "show. Add actors on the Actor registry page, or widen the filters.")
    st.stop()
c1, c2 = st.columns([3, 1])
actors = url.bound(c1.multiselect, "Actors", "s_actors", by_mentions, many=True,
                   default=by_mentions[:views.TONE_ACTORS],
                   help="Ordered by number of mentions in the selection.")
hide_low = url.bound(c2.toggle, f"Hide figures with < {LOW_N_MENTIONS} mentions", "s_hide_low",
                     default=False, flag=True)
if not actors:
    st.info("Pick at least one actor.")
    st.stop()
settings = views.ToneSettings(actors=tuple(actors), hide_low=hide_low)
shown = views.tone_view(sel, settings)
downloads.remember("tone", settings)
downloads.remember("engine", engine)
if shown.by_actor is None:
    st.info(f"Every figure for these actors rests on fewer than {LOW_N_MENTIONS} mentions. "
            "Untick “Hide …” to see them, flagged.")
else:
    st.caption(f"Hollow, faded dots rest on fewer than {LOW_N_MENTIONS} mentions: read them as "
               "anecdotes, not measurements. A dot without a bar has a single mention. Click a "
               "dot to read its sentences.")
    dot = charts.selected_series(downloads.chart(shown.by_actor, selectable=True),
                                 shown.by_actor.fig, "y")
    if dot and dot[0] not in actors:  # (many outlets: a panel per actor, outlets on its axis)
        dot = dot[::-1]
    if dot and dot[0] in actors:  # (the dot of "all outlets" opens every outlet's sentences)
        st.session_state["s_actor"] = dot[0]
        st.session_state["s_outlet"] = dot[1] if dot[1] in sel.outlets else ""
downloads.chart(shown.shares)

with (box := st.expander("The numbers (n, interval, shares) for every actor and outlet",
                         key="s_numbers", on_change="rerun")):  # content runs only while open
    if box.open:
        st.dataframe(shown.tone, hide_index=True, width="stretch",
                     column_config={c: st.column_config.NumberColumn(format="%.2f")
                                    for c in ("tone_mean", "ci_low", "ci_high")})

st.subheader("The sentences behind the tone")
e1, e2 = st.columns(2)
actor = url.bound(e1.selectbox, "Actor", "s_actor", actors, default=actors[0])
outlet = url.bound(e2.selectbox, "Outlet", "s_outlet", ["", *sel.outlets], default="",
                   format_func=lambda o: o or "All selected outlets") or None
neg, pos = tone_extremes(sel, actor, outlet=outlet)
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
chart, per_article = views.article_tone_by_outlet(sel)
downloads.chart(chart)
with (box := st.expander("Per article", key="s_per_article", on_change="rerun")):
    if box.open:
        st.dataframe(per_article, hide_index=True, width="stretch")
