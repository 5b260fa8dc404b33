"""Cache seam: the expensive per-corpus work runs once per corpus state (its fingerprint),
through the same route as the command line (pipeline.open_corpus); what depends on the
selection is cached by the analysis's identity and the selection's articles."""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis.corpus import SEEDS_DIR, Corpus
from analysis.identity import fingerprint
from analysis.library import library_dir, list_corpora
from analysis.discovery import discover_names
from analysis.pipeline import Analysis, open_corpus
from analysis.selection import Filters, Selection
from analysis.sentiment import score_tone
from figures.views import distinctive_view

CORPUS_ENV = "PRESSLENS_CORPUS"


@dataclass(frozen=True)
class View:
    """What every page draws from: the analysed corpus and the sidebar's filters."""

    analysed: Analysis
    filters: Filters

    @property
    def corpus(self) -> Corpus:
        return self.analysed.corpus

    @cached_property
    def selection(self) -> Selection:
        """The sidebar's selection, its tables' masks worked out once per run."""
        return Selection(self.analysed, self.filters)


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


@st.cache_resource
def _opened() -> dict:
    """Analyses held by the server, shared by every session: (path, fingerprint) -> Analysis,
    the four most recent, and a lock per key so that two sessions do not index the same corpus
    twice (and nobody waits on a corpus they did not ask for)."""
    return {"lock": threading.Lock(), "locks": {}, "analyses": {}}


def current_analysis() -> Analysis:
    """The analysed of the session's corpus, from its index. The fingerprint (names, sizes and
    modification times of the corpus files, actors.toml and topics.toml) is part of the key:
    an edited corpus is reopened, and the index reprocesses only what changed, with a progress
    bar. Worker processes cannot be spawned from inside the Streamlit server, so the app
    indexes in-process; `python -m presslens index DIR` indexes a large corpus in parallel."""
    path = corpus_path()
    key = (str(path), fingerprint(path) if path.exists() else "")
    held = _opened()
    with held["lock"]:
        lock = held["locks"].setdefault(key, threading.Lock())
    with lock:
        analysed = held["analyses"].get(key)
        if analysed is None:
            bar = st.progress(0.0, text=f"Opening {path.name}…")

            def progress(done: int, total: int) -> None:
                bar.progress(done / total if total else 1.0,
                             text=f"Analysing articles not in the index yet: {done:,} of {total:,}")

            analysed = open_corpus(path, progress=progress)[0]
            bar.empty()
            with held["lock"]:
                held["analyses"][key] = analysed
                for old in list(held["analyses"])[:-4]:
                    del held["analyses"][old]
        return analysed


def set_view(view: View) -> None:
    st.session_state["_view"] = view


def view() -> View:
    return st.session_state["_view"]


@st.cache_resource(show_spinner="Scoring every mention with this engine…", max_entries=8)
def _rescored(identity: str, engine: str, _analysed: Analysis) -> pd.DataFrame:
    return score_tone(_analysed.mentions, _analysed.corpus.sentence_text, engine=engine)


def with_engine(analysed: Analysis, engine: str) -> Analysis:
    """The analysis with its mentions scored by `engine` (its own engine costs nothing)."""
    if engine == analysed.engine:
        return analysed
    return analysed.with_engine(engine, _rescored(analysed.identity, engine, analysed))


def selection_or_stop(v: View, selection: Selection | None = None) -> Selection:
    """The sidebar's selection (or `selection`); where it holds no article, say so and end
    the page."""
    selection = selection or v.selection
    if selection.empty:
        st.info("No article matches the filters. Widen the outlets or dates in the sidebar.")
        st.stop()
    return selection


# Above this many articles, scans over every sentence (distinctive words, unclaimed names)
# wait for a click, so that the page itself stays instant; their results are cached.
LARGE_SELECTION = 500


def on_demand(what: str, articles: pd.DataFrame, key: str) -> bool:
    """Whether a scan of the selection's sentences should run: at once for a small selection,
    after a click for a large one (remembered for this selection during the session)."""
    if len(articles) <= LARGE_SELECTION:
        return True
    wanted = st.session_state.setdefault("_on_demand", set())
    token = (key, selection_key(articles))
    slot = st.empty()
    if token not in wanted and slot.button(f"Compute {what} for {len(articles):,} articles",
                                           key=f"demand_{key}", help="Reads every sentence of "
                                           "the selection; the result is kept for later visits."):
        wanted.add(token)
        slot.empty()
    return token in wanted


def selection_key(articles: pd.DataFrame) -> str:
    return hashlib.sha256("\n".join(sorted(articles["article_id"])).encode()).hexdigest()[:16]


@st.cache_data(show_spinner="Counting the words of every outlet…", max_entries=16)
def _distinctive(identity: str, articles: str, drop_names: bool, _selection: Selection
                 ) -> pd.DataFrame:
    return distinctive_view(_selection, drop_names)


def distinctive(selection: Selection, drop_names: bool) -> pd.DataFrame:
    """Distinctive words of the selection, kept for later visits."""
    return _distinctive(selection.analysed.identity, selection_key(selection.articles),
                        drop_names, selection)


@st.cache_data(show_spinner="Looking for names no actor claims…", max_entries=4)
def _unclaimed(identity: str, _analysed: Analysis) -> pd.DataFrame:
    return discover_names(_analysed.corpus.sentences_with_text(), _analysed.mentions,
                          _analysed.registry)


def unclaimed_names(analysed: Analysis) -> pd.DataFrame:
    """Capitalised names of the corpus that no actor claims, kept per identity."""
    return _unclaimed(analysed.identity, analysed)
