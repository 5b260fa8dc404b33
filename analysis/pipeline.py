"""The expensive middle, run once per corpus content: registry → mentions → tone.

Filtering and aggregation are cheap and run on every interaction; this is what gets cached
by the corpus hash (files + sources.csv + actors.toml).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.actors import Registry, RegistryError, load_registry
from analysis.corpus import ACTORS_FILE, Corpus
from analysis.mentions import find_mentions
from analysis.sentiment import DEFAULT_CONTEXT, score_mentions


@dataclass(frozen=True)
class Analysis:
    corpus: Corpus
    registry: Registry
    registry_problems: tuple[str, ...]
    mentions: pd.DataFrame  # schema.MENTIONS
    scored: pd.DataFrame  # schema.SCORED_MENTIONS: resolved mentions with their tone
    context: str  # the context rule the tone was scored on


def registry_path(corpus: Corpus) -> Path:
    folder = corpus.path if corpus.path.is_dir() else corpus.path.parent
    return folder / ACTORS_FILE


def load_corpus_registry(corpus: Corpus) -> tuple[Registry, tuple[str, ...]]:
    """The corpus's registry, or an empty one with the reasons it could not be used."""
    try:
        return load_registry(registry_path(corpus)), ()
    except RegistryError as exc:
        return Registry(), tuple(f"{ACTORS_FILE}: {p}" for p in exc.problems)
    except OSError as exc:
        return Registry(), (f"{ACTORS_FILE}: cannot be read ({exc})",)


def analyse(corpus: Corpus, registry: Registry | None = None, *,
            context: str = DEFAULT_CONTEXT) -> Analysis:
    problems: tuple[str, ...] = ()
    if registry is None:
        registry, problems = load_corpus_registry(corpus)
    mentions = find_mentions(corpus.articles, corpus.sentences, registry)
    return Analysis(corpus=corpus, registry=registry, registry_problems=problems,
                    mentions=schema.conform(mentions, schema.MENTIONS),
                    scored=score_mentions(mentions, context=context), context=context)
