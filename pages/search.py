"""Search: ask the corpus for words and phrases; matches per outlet, over time, in context."""
import pandas as pd
import streamlit as st

from analysis.pipeline import corpus_folder
from analysis.search import HELP, MAX_QUERIES, MAX_QUERY_CHARS, PERIODS, SORTS, sort_kwic
from analysis.topics import TopicError, save_query_topic
from figures import views
from ui import downloads, url_state as url
from ui.data import selection_or_stop, view
from ui.evidence import PAGE_SIZE
from ui.html import highlight_html, paragraphs_html

DEFAULTS = views.SearchSettings()

v = view()
corpus = v.corpus
st.title("Search")
st.caption("How often each outlet says a word or phrase, when, and in which sentences. Only "
           "article text is searched: headline, dek and body; every part of a query holds "
           "within one sentence.")
sel = selection_or_stop(v)

with st.popover("How to write a query", icon=":material/help:"):
    st.markdown(HELP)
text = url.bound(st.text_area, f"Queries (one per line, up to {MAX_QUERIES})", "q", default="",
                 text=MAX_QUERIES * (MAX_QUERY_CHARS + 1),
                 placeholder='balloon\n"spy balloon" OR surveillance\nnegotiat* -trade')
c1, c2, c3 = st.columns([2, 3, 2])
actors = sorted(sel.table("mentions")["actor"].unique().tolist())
actors = [a for a in actors if a]
actor = url.bound(c1.selectbox, "Only sentences naming", "q_actor", ["", *actors],
                  default="", format_func=lambda a: a or "Any sentence") or None
measure = url.bound(c2.radio, "Measure", "q_measure", list(views.SEARCH_MEASURES),
                    default=DEFAULTS.measure, format_func=views.SEARCH_MEASURES.get,
                    horizontal=True)
queries = [q for q in text.splitlines() if q.strip()]
if not queries:
    st.info("Type a query above: a word, a \"phrase\", or several joined by OR.")
    st.stop()
period = url.bound(c3.selectbox, "Over time, per", "q_period", ["", *PERIODS], default="",
                   format_func=lambda p: p or "day, week or month by the span") or None
settings = views.SearchSettings(actor=actor, measure=measure, period=period)
shown = views.search_view(sel, queries, settings)
downloads.remember("search", (queries, settings))
for query, problem in shown.problems:
    st.error(f"“{query}”: {problem}")
if not shown.queries:
    st.stop()
if not shown.matches:
    st.info("No sentence of the selected articles matches "
            f"{' or '.join(f'“{q}”' for q in shown.queries)}"
            f"{f' among those naming {actor}' if actor else ''}. Try fewer words, a prefix*, "
            "or widen the filters.")
    st.stop()

arts = sel.articles
st.markdown(f"**{shown.matches:,} matches** in {len(arts):,} selected articles "
            f"({int(arts['words'].sum()):,} words) of {arts['outlet'].nunique()} outlet(s).")
with st.popover("Save a query as a topic", icon=":material/bookmark_add:"):
    st.caption("The query joins the corpus's topics.toml as a topic: the Compare page's Topics "
               "tab then shows each outlet's share of sentences that match it (every article "
               "is analysed again once).")
    with st.form("q_topic", border=False):
        which = st.selectbox("Query", shown.queries, key="q_topic_query")
        name = st.text_input("Topic name", key="q_topic_name", max_chars=80)
        if st.form_submit_button("Save as topic"):
            try:
                save_query_topic(corpus_folder(corpus), name or which, which)
                st.session_state["q_saved"] = (f"Saved “{name or which}” to topics.toml: see "
                                               "Compare outlets → Topics.")
                st.rerun()
            except TopicError as exc:
                st.error(str(exc))
if saved := st.session_state.pop("q_saved", None):
    st.success(saved)
downloads.chart(shown.by_outlet)
with (box := st.expander("The numbers with their denominators (n per outlet)", key="q_numbers",
                         on_change="rerun")):
    if box.open:
        st.dataframe(shown.counts, hide_index=True, width="stretch")
if shown.over_time is None:
    st.info("The selection covers a single publication date (or none): no timeline to draw.")
else:
    downloads.chart(shown.over_time)

st.subheader("Concordance")
c1, c2 = st.columns(2)
sort = url.bound(c1.selectbox, "Sort by", "q_sort", list(SORTS), default="outlet",
                 format_func=SORTS.get)
pages = max(1, -(-shown.matches // PAGE_SIZE))
page = c2.number_input(f"Page (of {pages:,}, {PAGE_SIZE} matches each)", min_value=1,
                       max_value=pages, step=1, key=f"q_page:{sort}:{'|'.join(shown.queries)}")
rows = shown.concordance_page(sort, int(page), PAGE_SIZE)
labels = corpus.labels
st.dataframe(rows.assign(article=rows["article_id"].map(labels))[
                 ["left", "match", "right", "query", "outlet", "published", "article"]],
             hide_index=True, width="stretch",
             column_config={"left": st.column_config.TextColumn(width="medium", alignment="right"),
                            "match": st.column_config.TextColumn(alignment="center"),
                            "right": st.column_config.TextColumn(width="medium"),
                            "published": st.column_config.DateColumn(format="YYYY-MM-DD")})
prov = downloads.provenance(shown.by_outlet.method, sel)
st.download_button("Concordance (CSV)", lambda: downloads.export.table_csv(
                       sort_kwic(shown.concordance, sort), prov),
                   file_name="search-concordance.csv", mime="text/csv", on_click="ignore",
                   icon=":material/table:")
choices = list(range(len(rows)))
opened = st.selectbox("Open a match in its article", choices, key="q_open",
                      format_func=lambda i: f"{rows.iloc[i]['outlet']} · "
                                            f"{labels.get(rows.iloc[i]['article_id'], '')} · "
                                            f"{rows.iloc[i]['match']}")
if opened is not None and opened < len(rows):
    row = rows.iloc[opened]
    sentence = corpus.sentence_text(rows.iloc[[opened]])[0]
    st.html(f"<p>{highlight_html(sentence, [(int(row['start']), int(row['end']))])}</p>")
    at = shown.in_article(corpus, row["article_id"], row["query"])
    date = f" · {row['published']:%Y-%m-%d}" if pd.notna(row["published"]) else ""
    st.caption(f"The whole article: {labels.get(row['article_id'], '')} · {row['outlet']}{date}; "
               f"every match of “{row['query']}” in it is marked ({len(at)}).")
    with st.container(height=420):
        st.html(paragraphs_html(corpus.article_text(row["article_id"]), at))
