"""The expensive middle, run once per corpus content: registry → mentions → tone, quotes,
topics, co-mentions; and the one route by which the command line and the dashboard open a
corpus (`open_corpus`, through its index).

Filtering and aggregation are cheap and run on every interaction (analysis.selection); an
Analysis is named by its identity (analysis.identity: the articles, the registry, the topics,
the tone engine and model), which every export carries.
"""
from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis.actors import Registry, RegistryError, load_registry, parse_registry
from analysis.annotate import analyse_articles
from analysis.corpus import Corpus, corpus_name
from analysis.compare import co_mentions
from analysis.identity import analysis_identity, fingerprint
from analysis.index import build_index
from analysis.inventory import discover_articles, discover_registry, registry_toml
from analysis.library import near_duplicates
from analysis.readers import ACTORS_FILE, read_raws
from analysis.store import Deferred, index_dir
from analysis.sentiment import DEFAULT_ENGINE
from analysis.topics import Topic, load_topics


def _table(name: str, doc: str) -> property:
    """Analysis.<name>: the table of that name in Analysis.tables."""
    return property(lambda self: self.tables[name], doc=doc)


@dataclass(frozen=True)
class Analysis:
    corpus: Corpus
    registry: Registry
    registry_problems: tuple[str, ...]
    tables: Mapping[str, pd.DataFrame]  # the per-article tables below, by name; opened from an
    # index, they are read in the background (store.Deferred, `start_reading`) or when asked
    engine: str  # the sentiment engine the tone was scored with
    topic_problem: str  # why the topics file could not be used, or ""
    duplicates: pd.DataFrame  # schema.DUPLICATES: near-duplicate article pairs
    topics: tuple[Topic, ...] = ()  # the topics the sentences were tagged with

    mentions = _table("mentions", "schema.MENTIONS")
    scored = _table("scored", "schema.SCORED_MENTIONS: resolved mentions with their tone")
    quotes = _table("quotes", "schema.QUOTES")
    topic_tags = _table("topic_tags", "schema.TOPIC_TAGS")
    article_tone = _table("article_tone", "schema.ARTICLE_TONE: the register of each article")

    def start_reading(self) -> None:
        """Start reading the per-article tables still on disk (an index's, see store.Deferred)
        in the background; nothing to do for tables already in memory."""
        if isinstance(self.tables, Deferred):
            self.tables.start()

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """schema.COMENTIONS of every article (worked out when a page first asks for it)."""
        return co_mentions(self.mentions)

    @cached_property
    def identity(self) -> str:
        """What names every number drawn from this analysis: the articles' content, the
        registry, the topics, the tone engine and its model (analysis.identity)."""
        return analysis_identity(self.corpus.content_hash, self.registry, list(self.topics),
                                 self.engine)

    def with_engine(self, engine: str, scored: pd.DataFrame) -> "Analysis":
        """The same analysis with its mentions' tone `scored` by `engine` (sentiment.score_tone
        of its mentions): the tables still on disk stay there."""
        if engine == self.engine:
            return self
        return replace(self, tables=ChainMap({"scored": scored}, self.tables), engine=engine)


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


DISCOVERED_FILE = "discovered-actors.toml"  # in the index folder: the last discovery's result


def corpus_registry(path: Path, *, workers: int = 1) -> tuple[Registry, tuple[str, ...]]:
    """The registry of the corpus at `path`: its actors.toml where it has one, else the actors
    discovered from its articles (analysis.inventory, over `workers` processes), kept beside
    the index for an unchanged corpus so that opening it again does not read the articles."""
    if registry_path(path).exists():
        return load_corpus_registry(path)
    stamp = f"# fingerprint {fingerprint(path)}\n"
    cached = index_dir(path) / DISCOVERED_FILE
    try:
        text = cached.read_text(encoding="utf-8")
        if text.startswith(stamp):
            return parse_registry(text[len(stamp):]), ()
    except (OSError, RegistryError):
        pass
    raws, _ = read_raws(path)
    registry = discover_articles([(r.text, r.extracted) for r in raws], workers=workers)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(stamp + registry_toml(registry), encoding="utf-8")
    except OSError:
        pass  # a read-only disk: discovered again next time
    return registry, ()


def analyse(corpus: Corpus, registry: Registry | None = None, *,
            engine: str = DEFAULT_ENGINE) -> Analysis:
    """Everything the pages draw from, computed in this process for a corpus loaded in memory
    (tests, small tables). Users' corpora open through `open_corpus`, which gives the same
    tables and the same identity."""
    problems: tuple[str, ...] = ()
    if registry is None and corpus.path and not registry_path(corpus).exists():
        # the same counted texts as corpus_registry reads: one registry, one identity
        registry = discover_registry(corpus.articles["text"])
    if registry is None:
        registry, problems = load_corpus_registry(corpus)
    topics, topic_problem = load_topics(corpus_folder(corpus))
    tables = analyse_articles(corpus.articles, corpus.sentences, registry, topics, engine)
    return _assemble(corpus, registry, problems, engine, tables, topic_problem,
                     near_duplicates(corpus.articles, tables["sketches"]), topics)


def open_corpus(path: Path | str, *, engine: str = DEFAULT_ENGINE, workers: int = 1,
                 executor: str = "processes", scheduler: str | None = None,
                 progress=None) -> tuple[Analysis, dict]:
    """The analysis of the corpus at `path` through its on-disk index (analysis.index), as the
    command line and the dashboard open it:
    read where current, computed for new or changed articles only, over `workers` processes
    or a Dask cluster. Returns the analysis and what the index did."""
    path = Path(path)
    registry, problems = corpus_registry(path, workers=workers if executor == "processes" else 1)
    topics, topic_problem = load_topics(corpus_folder(path))
    tables, info = build_index(path, registry, topics, engine=engine, workers=workers,
                               executor=executor, scheduler=scheduler, progress=progress)
    corpus = Corpus(name=corpus_name(path), path=path, content_hash=info["content_hash"],
                    articles=tables["articles"], zones=tables["zones"],
                    sentences=tables["sentences"],
                    problems=pd.concat([tables["read_problems"], tables["problems"]],
                                       ignore_index=True), texts=tables["texts"])
    return _assemble(corpus, registry, problems, engine, tables["analysis"], topic_problem,
                     tables["duplicates"], topics), info


def update_index(path: Path | str, *, engine: str = DEFAULT_ENGINE, workers: int = 1,
                 executor: str = "processes", scheduler: str | None = None,
                 progress=None) -> tuple[dict, dict, tuple[str, ...]]:
    """Bring the index of the corpus at `path` up to date without loading its tables (what
    `python -m presslens index` does). Returns the few tables read (read_problems among them),
    what the index did, and the registry's problems."""
    path = Path(path)
    registry, problems = corpus_registry(path, workers=workers if executor == "processes" else 1)
    topics, _ = load_topics(corpus_folder(path))
    tables, info = build_index(path, registry, topics, engine=engine, workers=workers,
                               executor=executor, scheduler=scheduler, progress=progress,
                               load=False)
    return tables, info, problems


def _assemble(corpus, registry, problems, engine, tables, topic_problem, duplicates,
              topics) -> Analysis:
    return Analysis(corpus=corpus, registry=registry, registry_problems=problems,
                    tables=tables, engine=engine, topic_problem=topic_problem,
                    duplicates=duplicates, topics=tuple(topics))
