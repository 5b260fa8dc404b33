"""An index on disk: the per-article work, done once per article content, kept as Parquet.

For every article the expensive middle (mentions, tone, quotes, topic tags) is keyed by a hash
of what it depends on: the article's text and metadata, the actor registry, the topics file
and the tone model. Re-indexing keeps every article whose key is unchanged and computes only
the new or changed ones, so adding ten articles to ten thousand processes ten, and editing
actors.toml recomputes what depends on it. Work is spread over worker processes.

Where: `<corpus folder>/.presslens-index/`, or under $PRESSLENS_CACHE (default
`~/.cache/presslens`) for a corpus that must not be written to (the seeds). An index that
cannot be read, or was written by another version, is rebuilt, never trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.actors import Registry, dump_registry
from analysis.corpus import Corpus, corpus_hash
from analysis.mentions import find_mentions
from analysis.quotes import find_quotes
from analysis.sentiment import score_mentions
from analysis.target_sentiment import FEATURES_VERSION, MODEL_PATH
from analysis.topics import Topic, tag_sentences

INDEX_VERSION = 1
TABLES = {"mentions": schema.MENTIONS, "scored": schema.SCORED_MENTIONS,
          "quotes": schema.QUOTES, "topic_tags": schema.TOPIC_TAGS}
CACHE_ENV = "PRESSLENS_CACHE"
CHUNK = 100  # articles per task handed to a worker


def index_dir(corpus: Corpus) -> Path:
    from analysis.library import read_only

    folder = corpus.path if corpus.path.is_dir() else corpus.path.parent
    if read_only(folder) or not os.access(folder, os.W_OK):
        base = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "presslens")
        return base / hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return folder / ".presslens-index"


def _dependency_hash(registry: Registry, topics: list[Topic], engine: str) -> str:
    h = hashlib.sha256()
    h.update(dump_registry(registry).encode())
    h.update(json.dumps([(t.name, t.terms) for t in topics]).encode())
    h.update(f"{engine}|{FEATURES_VERSION}|{INDEX_VERSION}".encode())
    h.update(str(MODEL_PATH.stat().st_size).encode())
    return h.hexdigest()[:16]


def article_keys(articles: pd.DataFrame, dependency: str) -> pd.Series:
    """One key per article: its text and metadata, and everything the analysis depends on."""
    cols = ["article_id", "outlet", "published", "text"]
    return pd.Series([hashlib.sha256(f"{dependency}|{r[0]}|{r[1]}|{r[2]}|{r[3]}".encode())
                      .hexdigest()[:20] for r in articles[cols].astype(str).itertuples(index=False)],
                     index=articles.index)


def process_articles(articles: pd.DataFrame, sentences: pd.DataFrame, registry: Registry,
                     topics: list[Topic], engine: str) -> dict[str, pd.DataFrame]:
    """The per-article work for some articles: every table in TABLES."""
    s = sentences[sentences["article_id"].isin(articles["article_id"])]
    mentions = find_mentions(articles, s, registry)
    return {"mentions": mentions, "scored": score_mentions(mentions, engine=engine),
            "quotes": find_quotes(articles, mentions, s, registry),
            "topic_tags": tag_sentences(s, topics)}


def _task(args) -> dict[str, pd.DataFrame]:
    return process_articles(*args)


def _read(folder: Path, dependency: str) -> tuple[dict[str, pd.DataFrame], set[str]] | None:
    """The stored tables and the keys they cover, or None where there is nothing usable."""
    try:
        meta = json.loads((folder / "index.json").read_text())
        if meta.get("version") != INDEX_VERSION or meta.get("dependency") != dependency:
            return None
        tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
        if any(list(tables[n].columns) != ["article_key", *sch] for n, sch in TABLES.items()):
            return None
        return tables, set(meta["keys"])
    except (OSError, ValueError, KeyError, json.JSONDecodeError, ImportError):
        return None


def _write(folder: Path, tables: dict[str, pd.DataFrame], keys: list[str], dependency: str) -> None:
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, table in tables.items():
        table.to_parquet(tmp / f"{name}.parquet", index=False)
    (tmp / "index.json").write_text(json.dumps({"version": INDEX_VERSION,
                                                "dependency": dependency, "keys": keys}))
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)  # the swap: readers see the old index or the new one, never half
    shutil.rmtree(old, ignore_errors=True)


def build_index(corpus: Corpus, registry: Registry, topics: list[Topic], *, engine: str,
                workers: int = 1, progress: Callable[[int, int], None] | None = None
                ) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every table for the corpus, from the index where keys match and computed where not.
    Returns the tables (without the key column) and what was done."""
    t0 = time.perf_counter()
    folder = index_dir(corpus)
    dependency = _dependency_hash(registry, topics, engine)
    arts = corpus.articles.assign(article_key=article_keys(corpus.articles, dependency))
    stored = _read(folder, dependency)
    have = stored[1] if stored else set()
    todo = arts[~arts["article_key"].isin(have)]
    chunks = [todo.iloc[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
    jobs = [(c.drop(columns="article_key"), corpus.sentences, registry, topics, engine) for c in chunks]
    results: list[dict[str, pd.DataFrame]] = []
    if workers > 1 and len(jobs) > 1:
        # spawn, not fork: the dashboard's server process has threads
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            for done, result in enumerate(pool.map(_task, jobs), start=1):
                results.append(result)
                if progress:
                    progress(done, len(jobs))
    else:
        for done, job in enumerate(jobs, start=1):
            results.append(_task(job))
            if progress:
                progress(done, len(jobs))
    key_of = dict(zip(arts["article_id"], arts["article_key"]))
    keep = set(arts["article_key"])
    tables = {}
    for name, sch in TABLES.items():
        parts = [stored[0][name][stored[0][name]["article_key"].isin(keep)]] if stored else []
        for r in results:
            parts.append(r[name].assign(article_key=r[name]["article_id"].map(key_of))[
                ["article_key", *sch]])
        table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["article_key", *sch])
        tables[name] = table[["article_key", *sch]]
    if todo.shape[0] or not stored or len(have - keep):
        try:
            _write(folder, tables, sorted(keep), dependency)
        except OSError as exc:  # a read-only disk: the analysis still works, unsaved
            print(f"warning: index not saved to {folder} ({exc})", file=sys.stderr)
    order = {aid: i for i, aid in enumerate(arts["article_id"])}
    out = {}
    for name, sch in TABLES.items():
        t = tables[name].drop(columns="article_key")
        t = t.sort_values("article_id", key=lambda s: s.map(order), kind="stable")
        out[name] = schema.conform(t, sch)
    info = {"articles": len(arts), "processed": len(todo), "reused": len(arts) - len(todo),
            "seconds": time.perf_counter() - t0, "index": str(folder),
            "corpus_hash": corpus.content_hash or corpus_hash(corpus.path)}
    return out, info
