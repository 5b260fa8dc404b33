"""Overview: the corpus, one row per article, and what the cleaner set aside."""
import streamlit as st

from analysis.overview import corpus_summary
from figures import views
from ui import downloads, url_state as url
from ui.data import selection_or_stop, view
from ui.html import paragraphs_html, set_aside_html

v = view()
corpus = v.corpus
st.title("Overview")

if len(corpus.problems):
    with st.expander(f"⚠️ {len(corpus.problems)} problem(s) while loading this corpus — "
                     "everything else was loaded", expanded=True):
        st.dataframe(corpus.problems, hide_index=True, width="stretch")

sel = selection_or_stop(v)
arts = sel.articles

s = corpus_summary(arts)
c = st.columns(5)
c[0].metric("Articles", f"{s['articles']:,}")
c[1].metric("Outlets", f"{s['outlets']:,}")
c[2].metric("First published", s["first"])
c[3].metric("Last published", s["last"])
c[4].metric("Words of article text", f"{s['words']:,}",
            help="Headline, dek and body only. Captions, bylines, notices and page furniture "
                 f"({s['removed_words']:,} words) are set aside and never counted.")

st.subheader("Articles")
table = arts[["label", "outlet", "published", "authors", "words", "removed_words", "file",
              "title_source", "published_source"]]
st.dataframe(
    table, hide_index=True, width="stretch",
    column_config={
        "label": st.column_config.TextColumn("Title", help="Quoted text in “…” is a label "
                                             "derived from the first sentence: the text has no headline."),
        "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
        "words": st.column_config.NumberColumn("Words", help="Article text: headline, dek, body"),
        "removed_words": st.column_config.NumberColumn("Set aside (words)"),
        "outlet": "Outlet", "authors": "Authors", "file": "File",
        "title_source": "Title from", "published_source": "Date from",
    },
)

downloads.chart(views.words_per_article(sel))

st.subheader("Read an article")
label = url.bound(st.selectbox, "Article", "article", arts["label"].tolist(),
                  default=arts["label"].iloc[0])
row = arts[arts["label"] == label].iloc[0]
left, right = st.columns([3, 2])
with left:
    st.markdown(f"**Article text** — {row.words:,} words, as every analysis reads it")
    with st.container(height=520):
        st.html(paragraphs_html(corpus.article_text(row.article_id)))
with right:
    removed = corpus.zones[(corpus.zones.article_id == row.article_id) & ~corpus.zones.counted]
    st.markdown(f"**Set aside** — {len(removed)} block(s), {int(removed.words.sum()):,} words, "
                "never counted")
    if removed.empty:
        st.caption("Nothing was set aside.")
    else:
        with st.container(height=520):
            st.html(set_aside_html(removed, corpus.zone_text(removed)))
