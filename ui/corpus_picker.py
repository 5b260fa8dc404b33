"""The sidebar's corpus switcher, mirrored in the URL (`?corpus=NAME`)."""
from __future__ import annotations

import streamlit as st

from ui.data import corpus_choices


def corpus_picker() -> None:
    """Draw the switcher before anything is loaded; a change reloads every page."""
    by_name = corpus_choices()
    choices = list(by_name)
    if "_switch_to" in st.session_state:  # a page asked for another corpus (created, deleted)
        st.session_state["corpus_choice"] = st.session_state.pop("_switch_to") or choices[0]
        _reset_filters()
    if "corpus_choice" not in st.session_state:
        wanted = st.query_params.get("corpus")
        # A link may name a corpus by its label or its folder ("seeds"), in any case.
        named = next((c for c in choices if wanted and wanted.casefold() in (
            c.casefold(), by_name[c].name.casefold())), None)
        st.session_state["corpus_choice"] = named or choices[0]
        if wanted and named is None:
            st.session_state["_url_notices"] = [f"Ignored corpus '{wanted}' from the link: it is "
                                                "not in this library."]
    if st.session_state["corpus_choice"] not in choices:  # deleted meanwhile
        st.session_state["corpus_choice"] = choices[0]
    st.sidebar.selectbox("Corpus", choices, key="corpus_choice", on_change=_reset_filters,
                         help="Create corpora and upload articles on the Corpus page.")
    if st.session_state["corpus_choice"] == choices[0]:
        st.query_params.pop("corpus", None)
    else:
        st.query_params["corpus"] = st.session_state["corpus_choice"]


def _reset_filters() -> None:
    for key in ("f_outlets", "f_dates", "f_known"):
        st.session_state.pop(key, None)
    for key in ("outlet", "from", "to"):
        st.query_params.pop(key, None)


def switch_corpus(name: str | None) -> None:
    """Ask for another corpus (None: the first choice) from a page; takes effect on rerun."""
    st.session_state["_switch_to"] = name
