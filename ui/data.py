"""Cache seam: the expensive per-corpus work runs once per corpus content hash."""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis.corpus import SEEDS_DIR, Corpus, corpus_hash, load_corpus
from analysis.library import library_dir, list_corpora
from analysis.filters import Filters, apply_filters
from analysis.pipeline import Analysis, analyse
from analysis.sentiment import score_mentions

CORPUS_ENV = "PRESSLENS_CORPUS"


@dataclass(frozen=True)
class View:
    """What every page draws from: the analysed corpus and the sidebar's filters."""

    analysis: Analysis
    filters: Filters

    @property
    def corpus(self) -> Corpus:
        return self.analysis.corpus


SEED_CHOICE = "Seed corpus (read-only)"


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--library", type=Path, default=None)
    return parser.parse_known_args(sys.argv[1:])[0]


def library() -> Path:
    """`-- --library DIR`, else $PRESSLENS_LIBRARY, else ~/.presslens/library."""
    return library_dir(_args().library)


def start_path() -> Path:
    """`streamlit run dashboard.py -- --corpus DIR`, else $PRESSLENS_CORPUS, else the seeds."""
    return _args().corpus or Path(os.environ.get(CORPUS_ENV) or SEEDS_DIR)


def corpus_choices() -> dict[str, Path]:
    """What the sidebar offers: the corpus the app was started on, the seeds, the library."""
    choices = {SEED_CHOICE: SEEDS_DIR}
    start = start_path()
    if start.resolve() != SEEDS_DIR.resolve():
        choices = {f"{start.name} (command line)": start, **choices}
    lib = library()
    choices.update({name: lib / name for name in list_corpora(lib)})
    return choices


def corpus_path() -> Path:
    """The corpus this session looks at: the sidebar's choice, else where the app started."""
    chosen = st.session_state.get("corpus_choice")
    return corpus_choices().get(chosen, start_path()) if chosen else start_path()


@st.cache_resource(show_spinner="Reading the corpus, and analysing articles not in its index yet "
                                "(for thousands, run `python -m analysis index DIR` first)…",
                   max_entries=4)
def _analyse(path: str, content_hash: str) -> Analysis:
    # content_hash is part of the cache key: edited files (articles, sources.csv,
    # actors.toml) give a fresh analysis; the on-disk index makes that cheap. Worker processes
    # cannot be spawned from inside the Streamlit server, so the app indexes in-process and
    # reads what `python -m analysis index --workers N` has built.
    return analyse(load_corpus(Path(path)), index=True)


def current_analysis() -> Analysis:
    path = corpus_path()
    return _analyse(str(path), corpus_hash(path) if path.exists() else "")


def set_view(view: View) -> None:
    st.session_state["_view"] = view


def view() -> View:
    return st.session_state["_view"]


@st.cache_resource(show_spinner="Scoring every mention with this engine…", max_entries=8)
def _rescored(path: str, content_hash: str, engine: str, _mentions):
    return score_mentions(_mentions, engine=engine)


def scored_with(analysis: Analysis, engine: str):
    """The analysis's mentions scored by `engine` (the pipeline's own engine costs nothing)."""
    if engine == analysis.engine:
        return analysis.scored
    return _rescored(str(analysis.corpus.path), analysis.corpus.content_hash, engine,
                     analysis.mentions)


def selected_articles(v: View):
    """The articles inside the sidebar's filters; where none are, say so and end the page."""
    arts = apply_filters(v.corpus.articles, v.filters)
    if arts.empty:
        st.info("No article matches the filters. Widen the outlets or dates in the sidebar.")
        st.stop()
    return arts
