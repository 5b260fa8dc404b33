"""Mentions: which actors each outlet names, how often, and the sentences behind each number."""
import numpy as np
import streamlit as st

from analysis.counts import MEASURES, surface_forms
from analysis.evidence import evidence_counts, evidence_sentences, period_of
from analysis.mentions import KINDS
from figures import charts, views
from ui import downloads, url_state as url
from ui.data import selection_or_stop, view
from ui.evidence import MAX_SHOWN, show_evidence

MAX_UNRESOLVED = 1000  # rows of the unresolved table shown (each reads its sentence)
DEFAULTS = views.MentionSettings()

v = view()
corpus, analysed = v.corpus, v.analysed
st.title("Mentions")
st.caption("How often each outlet names each actor of the registry: by name, by a role that "
           "stands for them (\"the Chinese leader\"), or by a capital acting for its government "
           "(\"Beijing is seeking\"). Only article text counts: headline, dek and body.")
for problem in analysed.registry_problems:
    st.error(f"{problem} — fix it on the Actor registry page; no actor is counted until then.")

sel = selection_or_stop(v)
arts = sel.articles

c1, c2, c3 = st.columns([2, 2, 1])
kinds = url.bound(c1.pills, "Count mentions by", "m_kinds", KINDS, many=True,
                  default=list(DEFAULTS.kinds), selection_mode="multi", help="name: “Xi”, “Xi Jinping”; role: “the Chinese leader”; "
                 "metonym: “Beijing” where it acts for China's government")
measure = url.bound(c2.radio, "Measure", "m_measure", list(MEASURES), default=DEFAULTS.measure,
                    format_func=MEASURES.get, horizontal=False)
top_n = url.bound(c3.number_input, "Actors shown", "m_top", default=DEFAULTS.top_n, number=(3, 60))
if not kinds:
    st.info("Pick at least one kind of mention to count.")
    st.stop()
url.seed("m_timeline", many=True, options=list(sel.table("mentions")["actor"].unique()))
settings = views.MentionSettings(kinds=tuple(kinds), measure=measure, top_n=int(top_n),
                                 timeline_actors=st.session_state.get("m_timeline"))
shown = views.mentions_view(sel, settings)
downloads.remember("mentions", settings)
if shown is None:
    st.info("No mention of any registry actor in the selected articles. Add actors on the Actor "
            "registry page, or widen the filters.")
    st.stop()
freq, totals, top = shown.freq, shown.totals, shown.top
n_words = int(arts["words"].sum())
st.markdown(f"**n = {len(arts):,} articles, {n_words:,} words, "
            f"{int(freq['mentions'].sum()):,} resolved mentions** of "
            f"{totals['actor'].nunique()} actors in {arts['outlet'].nunique()} outlet(s). "
            "Rates always come with these denominators.")

st.caption("Click a bar, or a cell of the actor × outlet grid, to read the sentences behind it.")
event = downloads.chart(shown.ranked, selectable=True)
clicked, clicked_outlet, point = charts.selected_category(event, "y"), None, None
if cell := charts.selected_cell(downloads.chart(shown.heatmap, selectable=True)):
    clicked_outlet, clicked = cell

# Expanders run their content only while open (on_change="rerun"): a closed one costs nothing.
with (box := st.expander("The numbers with their denominators (n per outlet)", key="m_numbers",
                         on_change="rerun")):
    if box.open:
        st.dataframe(freq[freq["actor"].isin(top["actor"])], hide_index=True, width="stretch",
                     column_config={"per_1k_words": st.column_config.NumberColumn(format="%.2f"),
                                    "share_of_articles_pct": st.column_config.NumberColumn(format="%.0f%%")})

# (the timeline was drawn with the widget's value, read above from the session)
st.session_state["m_timeline"] = shown.timeline_actors  # (those of the shown actors)
url.bound(st.multiselect, "Over publication date", "m_timeline", top["actor"].tolist(), many=True,
          default=top["actor"].tolist()[:views.TIMELINE_ACTORS])
if shown.timeline is None:
    st.info("The selection covers a single publication date (or none): no timeline to draw. "
            "Pick actors, or widen the dates in the sidebar.")
else:
    st.caption("Click a point to read that actor's sentences of that period.")
    point = charts.selected_series(downloads.chart(shown.timeline, selectable=True),
                                   shown.timeline.fig, "x")
    if point and point[1] in totals["actor"].tolist():
        clicked, clicked_outlet = point[1], None
        st.session_state["m_period"] = (point[0][:10], shown.timeline.data["period_length"].iloc[0])

st.subheader("The sentences behind the numbers")
actor_options = totals["actor"].tolist()
if clicked in actor_options:
    st.session_state["m_actor"] = clicked
    st.session_state["m_outlet"] = clicked_outlet if clicked_outlet in sel.outlets else ""
    if not point:  # a bar or a cell: every date again
        st.session_state.pop("m_period", None)
e1, e2 = st.columns(2)
actor = url.bound(e1.selectbox, "Actor", "m_actor", actor_options, default=actor_options[0])
ev_outlet = url.bound(e2.selectbox, "Outlet", "m_outlet", ["", *sel.outlets], default="",
                      format_func=lambda o: o or "All selected outlets") or None
counted = settings.counted_kinds
period, when = None, ""
if picked_period := st.session_state.get("m_period"):
    period = period_of(*picked_period)
    when = f" published in the {picked_period[1]} from {picked_period[0]}"
    st.button("Every date", key="m_every_date", icon=":material/close:",
              on_click=lambda: st.session_state.pop("m_period", None))
n_mentions, n_sentences = evidence_counts(sel, actor, outlet=ev_outlet, kinds=counted,
                                          period=period)
st.caption(f"{n_mentions:,} mention(s) of **{actor}** in {n_sentences:,} sentence(s){when}.")
show_evidence(evidence_sentences(sel, actor, outlet=ev_outlet, limit=MAX_SHOWN, kinds=counted,
                                 period=period),
              corpus.labels, total=n_sentences, key=f"m_page:{actor}:{ev_outlet}:{when}")
prov = downloads.provenance(f"mentions of {actor}{when}; kinds: {', '.join(kinds)}")
st.download_button("Sentences (CSV)", lambda: downloads.export.table_csv(  # made on click
                       evidence_sentences(sel, actor, outlet=ev_outlet, kinds=counted,
                                          period=period), prov),
                   file_name="mention-sentences.csv", mime="text/csv", on_click="ignore")

mentions, inside = sel.table("mentions"), sel.mask("mentions")
with (box := st.expander(f"Surface forms merged into {actor}", key="m_surfaces",
                         on_change="rerun")):
    if box.open:
        of_actor = mentions.loc[inside & (mentions["actor"] == actor).to_numpy(),
                                ["actor", "kind", "surface"]]
        st.dataframe(surface_forms(of_actor), hide_index=True, width="stretch")
is_unresolved = inside & (mentions["actor"] == "").to_numpy()
n_unresolved = int(is_unresolved.sum())
with (box := st.expander(f"Unresolved mentions ({n_unresolved:,}): never guessed, never counted",
                         key="m_unresolved", on_change="rerun")):
    if box.open and not n_unresolved:
        st.caption("Every mention in the selection resolved to one actor.")
    elif box.open:
        rows = mentions.iloc[np.flatnonzero(is_unresolved)[:MAX_UNRESOLVED]]
        if n_unresolved > MAX_UNRESOLVED:
            st.caption(f"The first {MAX_UNRESOLVED:,} of {n_unresolved:,}.")
        st.dataframe(rows[["outlet", "surface", "kind", "candidates"]].assign(
                         sentence=corpus.sentence_text(rows)), hide_index=True, width="stretch")
