"""PressLens: how different news outlets cover the same story.

Run: `make run` or `python -m presslens.serve [-- --corpus DIR]` (presslens/serve.py says why not a
bare `streamlit run dashboard.py`).
"""
from pathlib import Path

import streamlit as st

from ui.corpus_picker import corpus_picker
from ui.data import View, current_analysis, set_view
from ui.downloads import report_button
from ui.filters import sidebar_filters

HERE = Path(__file__).resolve().parent

# A local icon: a material or emoji icon makes the browser ask fonts.gstatic.com, which fails
# offline.
st.set_page_config(page_title="PressLens", page_icon=str(HERE / "assets" / "favicon.png"),
                   layout="wide")

# Each url_path differs from its file's name on purpose: a URL equal to a file name in pages/
# makes Streamlit's legacy pages/ discovery run that file alone, without this frame.
page = st.navigation(
    [
        st.Page(HERE / "pages" / "overview.py", title="Overview", icon=":material/dashboard:",
                url_path="home", default=True),
        st.Page(HERE / "pages" / "mentions.py", title="Mentions", icon=":material/groups:",
                url_path="actors"),
        st.Page(HERE / "pages" / "outlets.py", title="Compare outlets",
                icon=":material/compare_arrows:", url_path="compare"),
        st.Page(HERE / "pages" / "search.py", title="Search", icon=":material/search:",
                url_path="find"),
        st.Page(HERE / "pages" / "sentiment.py", title="Sentiment",
                icon=":material/sentiment_satisfied:", url_path="tone"),
        st.Page(HERE / "pages" / "registry.py", title="Actor registry",
                icon=":material/badge:", url_path="edit-actors"),
        st.Page(HERE / "pages" / "corpus.py", title="Corpus", icon=":material/folder_open:",
                url_path="library"),
    ]
)

# The pages' menu comes first, so that it is in place while a new corpus is being indexed.
corpus_picker()
analysed = current_analysis()
corpus = analysed.corpus
set_view(View(analysed=analysed, filters=sidebar_filters(corpus)))
report_button()
st.sidebar.caption(f"Corpus **{corpus.name}** · {len(corpus.articles):,} articles · "
                   f"identity `{analysed.identity}`",
                   help="Names the articles, sources.csv, actors.toml, topics.toml and the tone "
                        "engine: every export carries it, and any edit changes it.")

try:
    page.run()
finally:  # the index's other tables, read in the background once this page is drawn
    analysed.start_reading()
