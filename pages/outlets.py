"""Outlets side by side: attention, voices, topics, words and tone, each against the rest."""
import streamlit as st

from analysis.compare import THIN_ARTICLES, THIN_WORDS, outlet_volume, term_sentences
from analysis.evidence import co_mention_sentences, evidence_counts, evidence_sentences
from analysis.quotes import speaker_quotes
from analysis.topics import topic_sentences
from figures import charts, views
from ui import downloads, url_state as url
from ui.data import distinctive, on_demand, view
from ui.evidence import MAX_SHOWN, show_evidence, show_quotes

v = view()
corpus, analysed = v.corpus, v.analysed
st.title("Compare outlets")
available = v.selection.outlets
if len(available) < 2:
    st.info("Comparing needs at least two outlets: widen the outlets or dates in the sidebar.")
    st.stop()
picked = url.bound(st.multiselect, "Outlets to compare", "o_outlets", available, many=True,
                   default=available, help="Each outlet is compared with the other picked outlets pooled.")
if len(picked) < 2:
    st.info("Pick at least two outlets to compare.")
    st.stop()

sel = views.compared(v.selection, views.CompareSettings(outlets=tuple(picked)))
downloads.amend("compare", views.CompareSettings(), outlets=tuple(picked))
labels = corpus.labels

volume = outlet_volume(sel)
thin = volume.loc[volume["thin"], "outlet"].tolist()
if thin:
    st.warning(f"Little text behind: **{', '.join(thin)}** (fewer than {THIN_ARTICLES} articles "
               f"or {THIN_WORDS:,} words each). Differences below describe these particular "
               "articles, not the outlets' coverage in general.", icon=":material/warning:")
st.dataframe(volume.drop(columns="thin"), hide_index=True, width="stretch")

with st.expander("How this is computed"):
    st.markdown(
        "- **Attention**: an outlet's mentions of an actor as a share of all its resolved actor "
        "mentions (names, roles, metonyms; rules on the Mentions page), against the same share "
        "in the other picked outlets pooled; the difference is in percentage points.\n"
        "- **Who speaks**: quotations attributed to a speaker (direct, continued and partial; "
        "scare-quoted terms left out), by quoted words. Pronouns resolve to the previous "
        "speaker or the last person named; anonymous sources stay as described.\n"
        "- **Topics**: share of the outlet's sentences containing a term of the topic "
        "(topics.toml; a sentence can count for several topics).\n"
        "- **Distinctive words**: weighted log-odds ratio with an informative Dirichlet prior "
        "(Monroe, Colaresi & Quinn 2008), each outlet against the rest, the prior being the "
        "word counts of all picked outlets; z > 1.96 is distinctive at the 5% level. Stop words "
        "and, optionally, actor names are left out.\n"
        "- **Tone**: mean VADER tone of the clause around each mention of the actor in the "
        "outlet, minus the same in the rest, with a 95% bootstrap interval of the difference.\n"
        "- **Co-mentions**: sentences that name both actors.")

# Only the open tab runs (a switch reruns the page): six panels' work would not be instant.
TABS = ["Attention", "Who speaks", "Topics", "Distinctive words", "Tone", "Co-mentions"]
url.seed("o_tab", TABS)
tabs = st.tabs(TABS, key="o_tab", on_change="rerun")
url.mirror("o_tab", st.session_state.get("o_tab"), TABS[0])
freq, top_actors = views.compared_actors(sel)


def attention_panel() -> None:
    """Each outlet's share of its actor mentions, against the rest."""
    if freq.empty:
        st.info("No mention of any registry actor in the picked outlets.")
        return
    st.caption("Click a bar to read the sentences behind it.")
    shown, panels = views.attention_panels_view(sel, freq, top_actors)
    bar = charts.selected_series(downloads.chart(panels, selectable=True), panels.fig, "y")
    if bar and bar[0] in top_actors:
        st.session_state["o_att_actor"] = bar[0]
        if bar[1] in picked:
            st.session_state["o_focus"] = bar[1]
    focus = url.bound(st.selectbox, "Difference from the rest for", "o_focus", picked,
                      default=picked[0])
    downloads.amend("compare", views.CompareSettings(), focus=focus)
    difference = views.attention_difference_view(sel, shown, focus)
    if (bar := charts.selected_category(downloads.chart(difference, selectable=True), "y")) \
            in top_actors:
        st.session_state["o_att_actor"] = bar
    actor = url.bound(st.selectbox, "Sentences behind a bar: actor", "o_att_actor", top_actors,
                      default=top_actors[0])
    show_evidence(evidence_sentences(sel, actor, outlet=focus, limit=MAX_SHOWN), labels,
                  total=evidence_counts(sel, actor, outlet=focus)[1], key=f"o_att_page:{actor}:{focus}")


def speakers_panel() -> None:
    """Who the picked outlets quote, by quoted words."""
    shares, kinds = views.source_types_view(sel)
    if kinds is not None:
        downloads.chart(kinds)
        anonymous = shares[shares["source_type"] == "anonymous source"]
        some = anonymous[anonymous["quotes"] > 0]
        rest = len(anonymous) - len(some)
        st.caption("Anonymous sources: " + ("; ".join(
            f"{r.outlet} {r.share_of_quoted_words_pct:.0f}% of its quoted words ({r.quotes:,} "
            f"quotation{'s' if r.quotes != 1 else ''})" for r in some.itertuples()) or "none")
            + (f"; none in the other {rest} outlet{'s' if rest != 1 else ''}." if len(some) and rest
               else "."))
    speakers, chart = views.speakers_view(sel)
    if chart is None:
        st.info("No attributed quotation in the picked outlets.")
    else:
        downloads.chart(chart)
        c1, c2 = st.columns(2)
        sp_outlet = url.bound(c1.selectbox, "Outlet", "o_sp_outlet", picked, default=picked[0])
        names = speakers.loc[speakers["outlet"] == sp_outlet, "speaker"].tolist()
        if names:
            who = url.bound(c2.selectbox, "Speaker", "o_speaker", names, default=names[0])
            show_quotes(speaker_quotes(sel.rows("quotes"), who, outlet=sp_outlet), labels)
        else:
            st.caption(f"No attributed quotation in {sp_outlet}.")


def topics_panel() -> None:
    """Share of each outlet's sentences per topic."""
    if analysed.topic_problem:
        st.error(analysed.topic_problem)
    shares, chart = views.topics_view(sel)
    if chart is None:
        st.info("No topic term occurs in the picked outlets.")
    else:
        st.caption("Click a cell to read its sentences.")
        cell = charts.selected_cell(downloads.chart(chart, selectable=True))
        if cell and cell[0] in picked and cell[1] in set(shares["topic"]):
            st.session_state["o_topic_outlet"], st.session_state["o_topic"] = cell
        c1, c2 = st.columns(2)
        topics = sorted(shares["topic"].unique())
        topic = url.bound(c1.selectbox, "Topic", "o_topic", topics, default=topics[0])
        t_outlet = url.bound(c2.selectbox, "Outlet", "o_topic_outlet", picked, default=picked[0])
        show_evidence(topic_sentences(sel, topic, t_outlet), labels,
                      key=f"o_topic_page:{topic}:{t_outlet}")


def words_panel() -> None:
    """Terms distinctive of each outlet (on a click for large selections)."""
    drop_names = url.bound(st.toggle, "Leave actors' names out", "o_drop_names", default=True,
                           flag=True)
    downloads.amend("compare", views.CompareSettings(), drop_names=drop_names)
    terms = (distinctive(sel, drop_names)
             if on_demand("distinctive words", sel.articles, "distinctive") else None)
    if terms is None:
        st.caption("Distinctive words read every sentence of the selection.")
    elif terms.empty:
        st.info("Too little text for distinctive terms (each term must occur at least twice).")
    else:
        cols = st.columns(min(len(picked), 3))
        for i, outlet in enumerate(picked):
            with cols[i % len(cols)]:
                st.markdown(f"**{outlet}**")
                st.dataframe(terms.loc[terms["outlet"] == outlet, ["term", "count", "rest_count", "z"]]
                             .head(15), hide_index=True, width="stretch",
                             column_config={"z": st.column_config.NumberColumn(format="%.1f")})
        st.download_button("Distinctive terms (CSV)",
                           downloads.export.table_csv(terms, downloads.provenance(
                               "weighted log-odds, informative Dirichlet prior (Monroe et al. 2008)",
                               sel)),
                           file_name="outlets-distinctive-terms.csv", mime="text/csv",
                           on_click="ignore")
        c1, c2 = st.columns(2)
        term_outlet = url.bound(c1.selectbox, "Outlet", "o_term_outlet", picked,
                                default=picked[0])
        listed = terms.loc[terms["outlet"] == term_outlet, "term"].tolist()
        term = url.bound(c2.selectbox, "Term", "o_term", listed, default=listed[0] if listed
                         else None)
        if term:
            show_evidence(term_sentences(sel, term, term_outlet), labels,
                          key=f"o_term_page:{term}:{term_outlet}")


def tone_panel() -> None:
    """Tone around the top actors in each outlet minus the rest."""
    chart = views.tone_difference_view(sel, top_actors)
    if chart is None:
        st.info("No actor is named by two or more picked outlets: no tone to compare.")
    else:
        st.caption("Hollow dots: fewer than 10 mentions on one side. The tone of coverage "
                   "around an actor, not the outlet's stance.")
        downloads.chart(chart)


def co_mentions_panel() -> None:
    """Actors named in the same sentence."""
    c1, c2 = st.columns(2)
    cm_outlet = url.bound(c1.selectbox, "Outlet", "o_cm_outlet", ["", *picked], default="",
                          format_func=lambda o: o or "All picked outlets") or None
    st.caption("Click a cell to read the sentences that name both actors.")
    cell = charts.selected_cell(downloads.chart(views.co_mentions_view(sel, top_actors, cm_outlet),
                                                selectable=True))
    downloads.amend("compare", views.CompareSettings(), co_mention_outlet=cm_outlet)
    if cell and cell[0] != cell[1]:  # (kept: the click is reported on its own run only)
        st.session_state["o_cm_pair"] = cell
    pair = st.session_state.get("o_cm_pair")
    if pair and set(pair) <= set(top_actors):
        b, a = pair
        st.markdown(f"**Sentences naming both {a} and {b}** "
                    f"({cm_outlet or 'all picked outlets'})")
        show_evidence(co_mention_sentences(sel, a, b, outlet=cm_outlet), labels,
                      key=f"o_cm_page:{a}:{b}:{cm_outlet}")


for tab, panel in zip(tabs, (attention_panel, speakers_panel, topics_panel, words_panel,
                             tone_panel, co_mentions_panel)):
    if tab.open is not False:  # (None: a Streamlit that runs every tab)
        with tab:
            panel()
