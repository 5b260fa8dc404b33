"""Cache seam: the expensive per-corpus work runs once per corpus content hash."""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis.corpus import SEEDS_DIR, Corpus, corpus_hash, load_corpus
from analysis.filters import Filters


@dataclass(frozen=True)
class View:
    """What every page draws from: the loaded corpus and the sidebar's filters."""

    corpus: Corpus
    filters: Filters


def corpus_path() -> Path:
    """`streamlit run dashboard.py -- --corpus DIR` opens DIR; the seeds otherwise."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus", type=Path, default=SEEDS_DIR)
    args, _ = parser.parse_known_args(sys.argv[1:])
    return args.corpus


@st.cache_resource(show_spinner="Reading and cleaning the corpus…", max_entries=4)
def _load(path: str, content_hash: str) -> Corpus:
    # content_hash is part of the cache key: edited files give a fresh load.
    return load_corpus(Path(path))


def current_corpus() -> Corpus:
    path = corpus_path()
    return _load(str(path), corpus_hash(path) if path.exists() else "")


def set_view(view: View) -> None:
    st.session_state["_view"] = view


def view() -> View:
    return st.session_state["_view"]
