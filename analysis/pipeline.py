"""The expensive middle, run once per corpus content: registry → mentions → tone, quotes,
topics, co-mentions.

Filtering and aggregation are cheap and run on every interaction; this is what gets cached
by the corpus hash (files + sources.csv + actors.toml).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis.actors import Registry, RegistryError, load_registry
from analysis.corpus import ACTORS_FILE, Corpus, corpus_name
from analysis.compare import co_mentions
from analysis.filters import in_articles
from analysis.index import Deferred, analyse_articles, build_index
from analysis.library import near_duplicates
from analysis.sentiment import DEFAULT_ENGINE
from analysis.topics import load_topics


ARTICLE_TABLES = ("mentions", "scored", "quotes", "article_tone")  # restricted by article


def _table(name: str, doc: str) -> property:
    """Analysis.<name>: the table of that name in Analysis.tables."""
    return property(lambda self: self.tables[name], doc=doc)


@dataclass(frozen=True)
class Analysis:
    corpus: Corpus
    registry: Registry
    registry_problems: tuple[str, ...]
    tables: Mapping[str, pd.DataFrame]  # the per-article tables below, by name; opened from an
    # index, they are read in the background (index.Deferred, `start_reading`) or when asked
    engine: str  # the sentiment engine the tone was scored with
    topic_problem: str  # why the topics file could not be used, or ""
    duplicates: pd.DataFrame  # schema.DUPLICATES: near-duplicate article pairs

    mentions = _table("mentions", "schema.MENTIONS")
    scored = _table("scored", "schema.SCORED_MENTIONS: resolved mentions with their tone")
    quotes = _table("quotes", "schema.QUOTES")
    topic_tags = _table("topic_tags", "schema.TOPIC_TAGS")
    article_tone = _table("article_tone", "schema.ARTICLE_TONE: the register of each article")

    def start_reading(self) -> None:
        """Start reading the per-article tables still on disk (an index's, see index.Deferred)
        in the background; nothing to do for tables already in memory."""
        if isinstance(self.tables, Deferred):
            self.tables.start()

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """schema.COMENTIONS of every article (worked out when a page first asks for it)."""
        return co_mentions(self.mentions)

    def restricted(self, article_ids: set[str]) -> "Analysis":
        """The same analysis with mentions, tone and quotes of these articles only."""
        if len(article_ids) == len(self.corpus.articles):
            return self
        return replace(self, tables={**self.tables, **{
            name: self.rows_of(name, article_ids) for name in ARTICLE_TABLES}})

    def rows_of(self, name: str, article_ids: set[str]) -> pd.DataFrame:
        """The rows of one per-article table ("mentions", "scored", "quotes", "article_tone")
        that belong to these articles (selected on the categorical codes: filters.in_articles):
        a page restricts only the tables it draws."""
        table = getattr(self, name)
        if len(article_ids) == len(self.corpus.articles):
            return table
        return table[in_articles(table, list(article_ids))]


def corpus_folder(corpus: Corpus | Path) -> Path:
    path = corpus.path if isinstance(corpus, Corpus) else Path(corpus)
    return path if path.is_dir() else path.parent


def registry_path(corpus: Corpus | Path) -> Path:
    return corpus_folder(corpus) / ACTORS_FILE


def load_corpus_registry(corpus: Corpus | Path) -> tuple[Registry, tuple[str, ...]]:
    """The corpus's registry, or an empty one with the reasons it could not be used."""
    try:
        return load_registry(registry_path(corpus)), ()
    except RegistryError as exc:
        return Registry(), tuple(f"{ACTORS_FILE}: {p}" for p in exc.problems)
    except OSError as exc:
        return Registry(), (f"{ACTORS_FILE}: cannot be read ({exc})",)


def analyse(corpus: Corpus, registry: Registry | None = None, *,
            engine: str = DEFAULT_ENGINE) -> Analysis:
    """Everything the pages draw from, computed in this process for a loaded corpus (see
    `open_indexed` for large corpora)."""
    problems: tuple[str, ...] = ()
    if registry is None:
        registry, problems = load_corpus_registry(corpus)
    topics, topic_problem = load_topics(corpus_folder(corpus))
    tables = analyse_articles(corpus.articles, corpus.sentences, registry, topics, engine)
    return _assemble(corpus, registry, problems, engine, tables, topic_problem,
                     near_duplicates(corpus.articles, tables["sketches"]))


def open_indexed(path: Path | str, *, engine: str = DEFAULT_ENGINE, workers: int = 1,
                 executor: str = "processes", scheduler: str | None = None,
                 progress=None) -> tuple[Analysis, dict]:
    """The analysis of the corpus at `path` through its on-disk index (analysis.index):
    read where current, computed for new or changed articles only, over `workers` processes
    or a Dask cluster. Returns the analysis and what the index did."""
    path = Path(path)
    registry, problems = load_corpus_registry(path)
    topics, topic_problem = load_topics(corpus_folder(path))
    tables, info = build_index(path, registry, topics, engine=engine, workers=workers,
                               executor=executor, scheduler=scheduler, progress=progress)
    corpus = Corpus(name=corpus_name(path), path=path, content_hash=info["content_hash"],
                    articles=tables["articles"], zones=tables["zones"],
                    sentences=tables["sentences"],
                    problems=pd.concat([tables["read_problems"], tables["problems"]],
                                       ignore_index=True), texts=tables["texts"])
    return _assemble(corpus, registry, problems, engine, tables["analysis"], topic_problem,
                     tables["duplicates"]), info


def update_index(path: Path | str, *, engine: str = DEFAULT_ENGINE, workers: int = 1,
                 executor: str = "processes", scheduler: str | None = None,
                 progress=None) -> tuple[dict, dict, tuple[str, ...]]:
    """Bring the index of the corpus at `path` up to date without loading its tables (what
    `python -m presslens index` does). Returns the few tables read (read_problems among them),
    what the index did, and the registry's problems."""
    path = Path(path)
    registry, problems = load_corpus_registry(path)
    topics, _ = load_topics(corpus_folder(path))
    tables, info = build_index(path, registry, topics, engine=engine, workers=workers,
                               executor=executor, scheduler=scheduler, progress=progress,
                               load=False)
    return tables, info, problems


def _assemble(corpus, registry, problems, engine, tables, topic_problem, duplicates) -> Analysis:
    return Analysis(corpus=corpus, registry=registry, registry_problems=problems,
                    tables=tables, engine=engine, topic_problem=topic_problem,
                    duplicates=duplicates)
