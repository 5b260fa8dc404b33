"""An index on disk: the per-article work, done once per article content, kept as Parquet.

Two layers, each keyed by a hash of the article's raw text and metadata (its *key*):
- cleaning: articles, zones, sentences and the article's own problems;
- analysis: mentions, tone, quotes, topic tags and a near-duplicate sketch. This layer also
  depends on the actor registry, the topics file, the tone engine and its model (the
  *dependency* hash): editing actors.toml re-runs the analysis from the stored cleaning.

Work goes out in chunks of CHUNK articles: to one process, to worker processes, or to a Dask
cluster (`executor="dask"`). Each chunk writes its own Parquet part files (so adding ten
articles writes one small part, not the whole index) and returns only its keys; `index.json`
lists the parts and is replaced last, atomically. Opening an unchanged corpus compares file
names, sizes and modification times with the stored fingerprint and reads the tables without
reading the articles. An index that cannot be read, or was written by another version, is
removed and rebuilt, never trusted.

Where: `<corpus folder>/.presslens-index/` (`.presslens-index-<name>/` for a table), or under
$PRESSLENS_CACHE (default `~/.cache/presslens`) for a corpus that must not be written to (the
seeds).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.feather as feather
import pyarrow.parquet as pq

from analysis import schema
from analysis.actors import Registry, dump_registry
from analysis.corpus import (Texts, _Raw, clean_raws, fingerprint, problems_table, read_raws,
                             sentence_lookup, zones_start)
from analysis.library import article_sketches, near_duplicates, read_only
from analysis.mentions import find_mentions
from analysis.quotes import find_quotes
from analysis.sentiment import article_tone, score_mentions
from analysis.target_sentiment import FEATURES_VERSION, MODEL_PATH
from analysis.topics import Topic, tag_sentences

INDEX_VERSION = 3
CLEAN_TABLES = {"articles": schema.ARTICLES, "zones": schema.ZONES,
                "sentences": schema.SENTENCES, "problems": schema.PROBLEMS}
ANALYSIS_TABLES = {"mentions": schema.MENTIONS, "scored": schema.SCORED_MENTIONS,
                   "quotes": schema.QUOTES, "topic_tags": schema.TOPIC_TAGS,
                   "article_tone": schema.ARTICLE_TONE, "sketches": schema.SKETCHES}
# What the dashboard loads: the tables without their text (Corpus.texts holds it, mapped from
# disk; a sentence's text is a slice of its article's) and without the near-duplicate sketches.
SHOWN = {"clean": {name: {c: t for c, t in sch.items() if c != "text"}
                   for name, sch in CLEAN_TABLES.items()},
         "analysis": {name: sch for name, sch in ANALYSIS_TABLES.items() if name != "sketches"}}
TEXT_TABLES = ("articles", "zones")  # also kept as `<part>-clean-<table>.arrow`: Corpus.texts
CACHE_ENV = "PRESSLENS_CACHE"
CHUNK = 100  # articles per task handed to a worker
MAX_PARTS = 8  # beyond this many parts in a layer, they are merged into one
DUPLICATE_INPUT = ("article_id", "outlet", "words")  # article columns an update reads (no text)
Progress = Callable[[int, int], None]  # (articles done, articles to do)


class UnusableIndex(Exception):
    """The stored index cannot be used (unreadable, another version, or inconsistent)."""


_UNUSABLE = (OSError, ValueError, KeyError, ImportError, UnusableIndex, pa.ArrowException)


def index_dir(path: Path) -> Path:
    """Where the index of the corpus at `path` (a folder or a table) lives."""
    folder = path if path.is_dir() else path.parent
    name = ".presslens-index" if path.is_dir() else f".presslens-index-{path.stem}"
    if read_only(folder) or not os.access(folder, os.W_OK):
        base = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "presslens")
        return base / hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return folder / name


def dependency_hash(registry: Registry, topics: list[Topic], engine: str) -> str:
    h = hashlib.sha256()
    h.update(dump_registry(registry).encode())
    h.update(json.dumps([(t.name, t.terms) for t in topics]).encode())
    h.update(f"{engine}|{FEATURES_VERSION}|{INDEX_VERSION}".encode())
    h.update(str(MODEL_PATH.stat().st_size).encode())
    return h.hexdigest()[:16]


def raw_key(raw: _Raw) -> str:
    """The article's key: its id, file, text and metadata, and the index version (which covers
    the cleaning code)."""
    h = hashlib.sha256(f"{INDEX_VERSION}\x1f{raw.article_id}\x1f{raw.file}\x1f".encode())
    h.update(repr((sorted(raw.given.items()), sorted(raw.extra.items()))).encode())
    h.update(raw.text.encode())
    return h.hexdigest()[:20]


def analyse_articles(articles: pd.DataFrame, sentences: pd.DataFrame, registry: Registry,
                     topics: list[Topic], engine: str) -> dict[str, pd.DataFrame]:
    """The per-article analysis for some cleaned articles: every table in ANALYSIS_TABLES."""
    s = sentences[sentences["article_id"].isin(articles["article_id"])]
    mentions = find_mentions(articles, s, registry)
    return {"mentions": mentions,
            "scored": score_mentions(mentions, sentence_lookup(s), engine=engine),
            "quotes": find_quotes(articles, mentions, s, registry),
            "topic_tags": tag_sentences(s, topics), "article_tone": article_tone(articles, s),
            "sketches": article_sketches(articles)}


# ------------------------------------------------------------------------------ the work
@dataclass(frozen=True)
class Job:
    """One chunk of articles: `raws` to clean and analyse, or `cleaned` (articles and
    sentences read from the index) to analyse again after the registry or topics changed."""

    folder: str
    part: str
    keys: tuple[str, ...]
    raws: tuple[_Raw, ...] | None
    cleaned: dict[str, pd.DataFrame] | None
    registry: Registry
    topics: tuple[Topic, ...]
    engine: str


def run_job(job: Job) -> dict:
    """Clean and/or analyse a chunk, write its part files, and return what it wrote. The same
    function runs in this process, in worker processes and on Dask workers."""
    parts = Path(job.folder) / "parts"
    layers = {"clean": CLEAN_TABLES, "analysis": ANALYSIS_TABLES} if job.raws is not None else {
        "analysis": ANALYSIS_TABLES}
    written = {"part": job.part, **{layer: list(job.keys) for layer in layers}}
    if all((parts / f"{job.part}-{layer}-{t}.parquet").exists()
           for layer, tables in layers.items() for t in tables) and (
            "clean" not in layers or _has_text(parts, f"{job.part}-clean")):
        # written by an earlier run that was interrupted before it saved index.json (part
        # names hash the keys and the dependency; files appear whole or not at all)
        return written
    if job.raws is not None:
        cleaned = clean_raws(list(job.raws))
        key_of = dict(zip((r.article_id for r in job.raws), job.keys))
        key_of.update(zip((r.file for r in job.raws), job.keys))  # problems name the file
        _write_part(parts, f"{job.part}-clean", cleaned, key_of)
        for table in TEXT_TABLES:
            df = cleaned[table]
            _write_text(parts / f"{job.part}-clean-{table}.arrow", pa.table({
                "text": pa.array(df["text"], pa.large_string()),
                "article_key": pa.array(df["article_id"].map(key_of).astype(str), pa.string())}))
    else:
        cleaned = job.cleaned
        key_of = dict(zip(cleaned["articles"]["article_id"], cleaned["articles"]["article_key"]))
    tables = analyse_articles(cleaned["articles"], cleaned["sentences"], job.registry,
                              list(job.topics), job.engine)
    _write_part(parts, f"{job.part}-analysis", tables, key_of)
    return written


def _write_part(parts: Path, name: str, tables: dict[str, pd.DataFrame], key_of: dict | None
                ) -> None:
    """Each table as `<name>-<table>.parquet` with its article_key column (from `key_of`, by
    article id or file name, unless the table has it already)."""
    parts.mkdir(parents=True, exist_ok=True)
    for table, df in tables.items():
        if key_of is None:
            out = df
        else:
            df = df.drop(columns="article_key", errors="ignore")
            by = df["article_id"] if "article_id" in df.columns else df["file"]
            out = df.assign(article_key=by.map(key_of).astype("str"))
        tmp = parts / f".{name}-{table}.parquet.tmp"
        out.to_parquet(tmp, index=False)
        tmp.replace(parts / f"{name}-{table}.parquet")


def _write_text(path: Path, table: pa.Table) -> None:
    """Text and article_key as an uncompressed Arrow file of one batch, to be memory-mapped."""
    tmp = path.with_name(f".{path.name}.tmp")
    with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_batch(table.combine_chunks().to_batches()[0] if table.num_rows else
                           pa.record_batch([c.combine_chunks() for c in table.columns],
                                           schema=table.schema))
    tmp.replace(path)


def _has_text(parts: Path, name: str) -> bool:
    return all((parts / f"{name}-{t}.arrow").exists() for t in TEXT_TABLES)


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _execute(jobs: list[Job], *, executor: str, workers: int, scheduler: str | None,
             progress: Progress | None) -> list[dict]:
    total = sum(len(j.keys) for j in jobs)
    done, results = 0, []

    def tick(result: dict) -> None:
        nonlocal done
        results.append(result)
        done += len(result["analysis"])
        if progress:
            progress(done, total)

    if progress:
        progress(0, total)
    if executor == "dask":
        for result in _dask_map(jobs, workers=workers, scheduler=scheduler):
            tick(result)
    elif workers > 1 and len(jobs) > 1:
        # spawn, not fork: the dashboard's server process has threads
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            for future in as_completed([pool.submit(run_job, j) for j in jobs]):
                tick(future.result())
    else:
        for job in jobs:
            tick(run_job(job))
    return results


def _dask_map(jobs: list[Job], *, workers: int, scheduler: str | None) -> Iterable[dict]:
    """run_job mapped over a Dask cluster with dask.bag: the scheduler at `scheduler`
    (tcp://host:8786), or a local cluster of `workers` processes. Yields as chunks finish."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster, as_completed as dask_completed

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        bag = db.from_sequence(jobs, npartitions=len(jobs)).map(run_job)
        futures = client.compute(bag.to_delayed())
        for future in dask_completed(futures):
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ----------------------------------------------------------------------------- reading
def _read_meta(folder: Path) -> dict | None:
    try:
        meta = json.loads((folder / "index.json").read_text())
        return meta if meta.get("version") == INDEX_VERSION else None
    except (OSError, ValueError):
        return None


def _read_arrow(folder: Path, parts: dict[str, list[str]], layer: str, table: str,
                columns: list[str], live: dict[str, int], *, key: bool = True
                ) -> pa.Table | None:
    """One table of a layer from its parts as Arrow (`columns`, and article_key where `key` is
    true or rows had to be selected), rows of live keys only, in the corpus's order (parts are
    read in the order of their first article, so a fresh index needs no sort); None where it
    has no rows."""
    ordered = list(parts) if len(parts) == 1 else sorted(parts, key={
        p: min(map(live.get, ks, repeat(len(live))), default=len(live)) for p, ks in parts.items()
    }.__getitem__)
    # the parts hold the corpus as it is, in order: nothing to select or sort, and the rows'
    # keys (a string per row) need not be read unless asked for
    as_is = [k for part in ordered for k in parts[part]] == list(live)
    read = columns if as_is and not key else [*columns, "article_key"]
    pieces = [_read_file(folder / "parts" / f"{part}-{layer}-{table}", read) for part in ordered]
    if any(p.column_names != read for p in pieces):
        raise UnusableIndex(f"{table} has columns other than {read}")
    pieces = [p for p in pieces if p.num_rows]
    if not pieces:
        return None
    arrow = pa.concat_tables(pieces, promote_options="permissive")
    if as_is:
        return arrow
    wanted = pa.array(list(live), type=arrow["article_key"].type)
    position = pc.index_in(arrow["article_key"], value_set=wanted)
    arrow = arrow.filter(pc.is_valid(position))  # rows of articles no longer in the corpus go
    order = position.drop_null().to_numpy()
    if len(order) and not (np.diff(order) >= 0).all():
        arrow = arrow.take(np.argsort(order, kind="stable"))
    return arrow


def _read_file(stem: Path, columns: list[str]) -> pa.Table:
    """A part's table: for a text table the memory-mapped `<stem>.arrow`, where there is one;
    else `<stem>.feather` (a merged part) or `<stem>.parquet`."""
    if stem.with_suffix(".arrow").exists() and columns == ["text", "article_key"]:
        with pa.ipc.open_file(pa.memory_map(str(stem.with_suffix(".arrow")))) as reader:
            return reader.read_all()
    if stem.with_suffix(".feather").exists():
        return feather.read_table(stem.with_suffix(".feather"), columns=columns)
    return pq.read_table(stem.with_suffix(".parquet"), columns=columns)


def _read_layer(folder: Path, parts: dict[str, list[str]], layer: str,
                tables: dict[str, dict], live: dict[str, int], *, keyed: tuple[str, ...] = ()
                ) -> dict[str, pd.DataFrame]:
    """The layer's tables (_read_arrow) as pandas, conformed to their schemas; the `keyed`
    ones with each row's article_key."""
    out = {}
    for table, sch in tables.items():
        keep_key = table in keyed
        arrow = _read_arrow(folder, parts, layer, table, list(sch), live, key=keep_key)
        if arrow is None:
            df = schema.empty(sch)
            out[table] = df.assign(article_key=pd.Series(dtype="str")) if keep_key else df
            continue
        df = schema.conform(arrow.select(list(sch)).to_pandas(), sch)
        out[table] = df.assign(article_key=arrow["article_key"].to_numpy()) if keep_key else df
    return out


# ------------------------------------------------------------------------------ building
def build_index(path: Path, registry: Registry, topics: list[Topic], *, engine: str,
                workers: int = 1, executor: str = "processes", scheduler: str | None = None,
                progress: Progress | None = None, load: bool = True
                ) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every table of the corpus at `path`: read from the index where it is current, computed
    where not. Returns the tables (the SHOWN clean tables, "analysis": a mapping of the SHOWN
    analysis tables, "texts", "read_problems", "duplicates") and what was done; without `load`,
    only brings the index up to date (and returns just the tables that took)."""
    t0 = time.perf_counter()
    path = Path(path)
    folder = index_dir(path)
    dependency = dependency_hash(registry, topics, engine)
    meta = _read_meta(folder)
    stamp = fingerprint(path)
    if meta and (meta["fingerprint"], meta["dependency"], meta.get("read_errors", True)) == (
            stamp, dependency, False):  # a file that could not be read is tried again
        try:
            return (_load(folder, meta) if load else {}), _info(meta, 0, t0, folder)
        except _UNUSABLE as exc:
            meta = _distrust(folder, exc)
    args = (path, folder, stamp, registry, topics, engine, dependency)
    kw = {"workers": workers, "executor": executor, "scheduler": scheduler, "progress": progress,
          "load": load}
    try:
        return _update(*args, meta, t0=t0, **kw)
    except _UNUSABLE as exc:
        if not (folder / "parts").exists():
            raise
        return _update(*args, _distrust(folder, exc), t0=t0, **kw)


def _merge_part(folder: Path, parts: dict[str, list[str]], layer: str, table: str,
                sch: dict, live: dict[str, int], name: str) -> None:
    """One table of many parts as one Feather (Arrow IPC, LZ4) file: what an opening reads,
    and reads about twice as fast as Parquet."""
    arrow = _read_arrow(folder, parts, layer, table, list(sch), live)
    if arrow is None:
        arrow = pa.Table.from_pandas(schema.empty(sch).assign(article_key=pd.Series(dtype="str")),
                                     preserve_index=False)
    for i, field in enumerate(arrow.schema):  # categoricals: one dictionary, wide enough
        if pa.types.is_dictionary(field.type):
            arrow = arrow.set_column(i, field.name, arrow[field.name].cast(
                pa.dictionary(pa.int32(), field.type.value_type, field.type.ordered)))
    arrow = arrow.unify_dictionaries()
    for i, field in enumerate(arrow.schema):  # ... in sorted order, as the schema's categories
        if pa.types.is_dictionary(field.type):
            arrow = arrow.set_column(i, field.name, _sorted_dictionary(arrow[field.name]))
    tmp = folder / "parts" / f".{name}-{table}.feather.tmp"
    feather.write_feather(arrow, tmp, compression="lz4")
    tmp.replace(folder / "parts" / f"{name}-{table}.feather")


def _sorted_dictionary(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A dictionary column (one dictionary for all chunks) with its dictionary sorted, so that
    loading it needs no reordering of categories (schema.conform)."""
    if not column.num_chunks:
        return column
    dictionary = column.chunk(0).dictionary
    order = pc.sort_indices(dictionary).to_numpy()
    new_code = np.empty(len(order), dtype=np.int32)
    new_code[order] = np.arange(len(order), dtype=np.int32)
    lookup, sorted_values = pa.array(new_code), dictionary.take(pa.array(order))
    return pa.chunked_array([pa.DictionaryArray.from_arrays(
        pc.take(lookup, chunk.indices), sorted_values, ordered=chunk.type.ordered)
        for chunk in column.chunks], type=column.type)


def _distrust(folder: Path, exc: Exception) -> None:
    print(f"warning: index {folder} unreadable ({exc}); rebuilding it", file=sys.stderr)
    shutil.rmtree(folder / "parts", ignore_errors=True)


def _update(path, folder, stamp, registry, topics, engine, dependency, meta, *, workers,
            executor, scheduler, progress, load, t0) -> tuple[dict[str, pd.DataFrame], dict]:
    if meta is None:  # parts left by an interrupted run are picked up by run_job
        meta = {"clean": {}, "analysis": {}}
    if meta.get("dependency") != dependency:
        meta["analysis"] = {}
    raws, read_problems = read_raws(path)
    keys = [raw_key(r) for r in raws]
    live = {k: i for i, k in enumerate(keys)}
    cleaned_keys = {k for ks in meta["clean"].values() for k in ks}
    analysed_keys = {k for ks in meta["analysis"].values() for k in ks}
    to_clean = [(k, r) for k, r in zip(keys, raws) if k not in cleaned_keys]
    to_analyse = [k for k in keys if k in cleaned_keys and k not in analysed_keys]
    jobs = _jobs(folder, to_clean, to_analyse, meta, live, registry, topics, engine, dependency)
    for result in _execute(jobs, executor=executor, workers=workers, scheduler=scheduler,
                           progress=progress):
        for layer in ("clean", "analysis"):
            if layer in result:
                meta[layer][result["part"]] = result[layer]
    processed = len(to_clean) + len(to_analyse)
    del raws, to_clean, jobs  # the articles' text, no longer needed: memory for the merge
    for layer in ("clean", "analysis"):  # parts with no live article left are dropped
        meta[layer] = {p: ks for p, ks in meta[layer].items() if any(k in live for k in ks)}
    meta.update(version=INDEX_VERSION, dependency=dependency, fingerprint=stamp,
                keys=keys, content_hash=hashlib.sha256("".join(keys).encode()).hexdigest()[:16])
    tables = {}
    for layer, schemas in (("clean", CLEAN_TABLES), ("analysis", ANALYSIS_TABLES)):
        if len(meta[layer]) > MAX_PARTS:  # many small parts: one per table reads faster
            part = "c" + hashlib.sha256((dependency + layer + meta["content_hash"])
                                        .encode()).hexdigest()[:15]
            for name, sch in schemas.items():  # a table at a time, in Arrow (no pandas copy)
                _merge_part(folder, meta[layer], layer, name, sch, live, f"{part}-{layer}")
            for name in TEXT_TABLES if layer == "clean" else ():
                arrow = _read_arrow(folder, meta[layer], layer, name, ["text"], live)
                _write_text(folder / "parts" / f"{part}-{layer}-{name}.arrow", arrow if arrow
                            is not None else pa.table({"text": pa.array([], pa.large_string()),
                                                       "article_key": pa.array([], pa.string())}))
            meta[layer] = {part: keys}
        if load:
            schemas = {**SHOWN[layer], "sketches": schema.SKETCHES} if layer == "analysis" else \
                SHOWN[layer]
        else:  # what near-duplicates need, no more
            schemas = {"clean": {"articles": {c: schema.ARTICLES[c] for c in DUPLICATE_INPUT}},
                       "analysis": {"sketches": schema.SKETCHES}}[layer]
        tables.update(_read_layer(folder, meta[layer], layer, schemas, live, keyed=("articles",)))
    had_duplicates = (folder / "duplicates.parquet").exists() and bool(cleaned_keys)
    tables["read_problems"] = problems_table(read_problems)
    meta["read_errors"] = bool((tables["read_problems"]["severity"] == "error").any())
    meta["words"] = int(tables["articles"]["words"].sum())
    texts = cache(lambda: _texts(folder, meta))  # read where candidates or the dashboard need it
    tables["duplicates"] = _duplicates(folder, tables, texts, new={
        a for a, k in zip(tables["articles"]["article_id"], tables["articles"]["article_key"])
        if k not in cleaned_keys} if had_duplicates else None)
    tables = {name: df.drop(columns="article_key", errors="ignore") for name, df in tables.items()}
    try:
        _save(folder, meta, tables)
    except OSError as exc:  # a read-only disk: the analysis still works, unsaved
        print(f"warning: index not saved to {folder} ({exc})", file=sys.stderr)
    if load:
        tables.update(texts=texts(), analysis={t: tables[t] for t in SHOWN["analysis"]})
    return tables, _info(meta, processed, t0, folder)


def _duplicates(folder: Path, tables: dict, texts: Callable[[], Texts],
                new: set[str] | None) -> pd.DataFrame:
    """Near-duplicate pairs: the stored ones between articles still there and unchanged,
    plus those involving `new` articles (all pairs anew where `new` is None). Texts are read
    from the index for the few candidate articles only."""
    articles = tables["articles"]
    position = {a: i for i, a in enumerate(articles["article_id"])}
    found = near_duplicates(articles, tables["sketches"], new=new,
                            texts=lambda ids: {a: texts().article(position[a]) for a in ids})
    if new is None:
        return found
    known = set(articles["article_id"]) - new
    old = pd.read_parquet(folder / "duplicates.parquet")
    old = old[old["article_id"].isin(known) & old["duplicate_of"].isin(known)]
    both = pd.concat([old, found], ignore_index=True).sort_values(["article_id", "duplicate_of"])
    return schema.conform(both, schema.DUPLICATES)


def _jobs(folder, to_clean, to_analyse, meta, live, registry, topics, engine,
          dependency) -> list[Job]:
    def part(ks: list[str]) -> str:
        return hashlib.sha256((dependency + "".join(ks)).encode()).hexdigest()[:16]

    common = {"folder": str(folder), "registry": registry, "topics": tuple(topics),
              "engine": engine}
    jobs = [Job(part=part([k for k, _ in c]), keys=tuple(k for k, _ in c),
                raws=tuple(r for _, r in c), cleaned=None, **common)
            for c in _chunks(to_clean, CHUNK)]
    if to_analyse:  # the cleaning is stored: analyse it again, part by stored part
        want = set(to_analyse)
        stored = _read_layer(folder, {p: ks for p, ks in meta["clean"].items()
                                      if want.intersection(ks)}, "clean",
                             {"articles": schema.ARTICLES, "sentences": schema.SENTENCES},
                             {k: i for k, i in live.items() if k in want}, keyed=("articles",))
        arts = stored["articles"]
        for ids in _chunks(list(arts["article_id"]), CHUNK):
            chunk = arts[arts["article_id"].isin(ids)]
            sents = stored["sentences"][stored["sentences"]["article_id"].isin(ids)]
            # the cleaning stays in its own part; this part holds the analysis only
            jobs.append(Job(part=part(list(chunk["article_key"])), keys=tuple(chunk["article_key"]),
                            raws=None, cleaned={"articles": chunk, "sentences": sents}, **common))
    return jobs


class Deferred(Mapping):
    """Tables read one after another on a background thread once `start` is called (the
    dashboard calls it when its first page is drawn, which the reads would slow down) or one
    of them is asked for; a page that asks for one still on its way waits for it (the same
    table object for every page)."""

    def __init__(self, readers: dict[str, Callable[[], pd.DataFrame]]):
        self._readers = readers
        self._futures: dict[str, Future] = {}
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if not self._futures:
                pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslens-read")
                self._futures = {name: pool.submit(read) for name, read in self._readers.items()}
                pool.shutdown(wait=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        self.start()
        try:
            return self._futures[name].result()
        except _UNUSABLE as exc:
            raise UnusableIndex(f"the index's {name} table could not be read ({exc}); run "
                                "`python -m presslens index` on the corpus to rebuild it") from exc

    def __iter__(self) -> Iterator[str]:
        return iter(self._readers)

    def __len__(self) -> int:
        return len(self._readers)


def _load(folder: Path, meta: dict) -> dict:
    """What the dashboard holds: the SHOWN tables, the text memory-mapped (`texts`) and, in
    `analysis`, the analysis layer (`Deferred`: read in the background). Every file is checked
    to be there, whole, with its columns before anything is deferred."""
    live = {k: i for i, k in enumerate(meta["keys"])}
    tables = _read_layer(folder, meta["clean"], "clean", SHOWN["clean"], live)
    for table, sch in SHOWN["analysis"].items():
        for part in meta["analysis"]:
            names = _schema_of(folder / "parts" / f"{part}-analysis-{table}").names
            if not {*sch, "article_key"} <= set(names):
                raise UnusableIndex(f"{part}-analysis-{table} lacks columns of {list(sch)}")
    tables["analysis"] = Deferred({
        table: lambda t=table: _read_layer(folder, meta["analysis"], "analysis",
                                           {t: SHOWN["analysis"][t]}, live)[t]
        for table in SHOWN["analysis"]})
    for name, sch in (("read_problems", schema.PROBLEMS), ("duplicates", schema.DUPLICATES)):
        tables[name] = schema.conform(pd.read_parquet(folder / f"{name}.parquet"), sch)
    return {**tables, "texts": _texts(folder, meta)}


def _schema_of(stem: Path) -> pa.Schema:
    """The columns of a part's table, from its file's footer (a truncated file fails here)."""
    if stem.with_suffix(".feather").exists():
        with pa.memory_map(str(stem.with_suffix(".feather"))) as source:
            return pa.ipc.open_file(source).schema
    return pq.read_schema(stem.with_suffix(".parquet"))


def _texts(folder: Path, meta: dict) -> Texts:
    """The text of the corpus's articles and zones, memory-mapped from the clean parts'
    Arrow files, by article position (the order of meta["keys"])."""
    articles, zones, found = [], [], []
    for i, part in enumerate(meta["clean"]):
        stem = folder / "parts" / f"{part}-clean"
        for t in TEXT_TABLES:  # (an index written before the text files existed)
            if not Path(f"{stem}-{t}.arrow").exists():
                table = _read_file(Path(f"{stem}-{t}"), ["text", "article_key"])
                _write_text(Path(f"{stem}-{t}.arrow"), table.set_column(
                    0, "text", table["text"].cast(pa.large_string())))
        arts, zs = (_read_file(Path(f"{stem}-{t}"), ["text", "article_key"]) for t in TEXT_TABLES)
        articles.append(arts["text"].chunk(0) if arts.num_rows else pa.array([], pa.large_string()))
        zones.append(zs["text"].chunk(0) if zs.num_rows else pa.array([], pa.large_string()))
        keys = arts["article_key"].to_pandas()
        found.append(pd.DataFrame({"part": i, "row": np.arange(len(keys)),
                                   "first": zones_start(keys, zs["article_key"].to_pandas())},
                                  index=keys))
    at = pd.concat(found) if found else pd.DataFrame(columns=["part", "row", "first"], dtype=int)
    where = at[~at.index.duplicated(keep="last")].loc[meta["keys"]].to_numpy(np.int64)
    return Texts(tuple(articles), tuple(zones), where[:, 0], where[:, 1], where[:, 2])


def _save(folder: Path, meta: dict, tables: dict[str, pd.DataFrame]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("read_problems", "duplicates"):
        tables[name].to_parquet(folder / f".{name}.tmp", index=False)
        (folder / f".{name}.tmp").replace(folder / f"{name}.parquet")
    tmp = folder / ".index.json.tmp"
    tmp.write_text(json.dumps(meta))
    tmp.replace(folder / "index.json")  # readers see the old index or the new one, never half
    used = {f"{p}-{layer}-" for layer in ("clean", "analysis") for p in meta[layer]}
    for f in (folder / "parts").iterdir() if (folder / "parts").is_dir() else ():  # none: empty
        if f.name.startswith("."):  # a file being written
            continue
        if f.name[:f.name.index("-", f.name.index("-") + 1) + 1] not in used:
            f.unlink(missing_ok=True)


def _info(meta: dict, processed: int, t0: float, folder: Path) -> dict:
    return {"articles": len(meta["keys"]), "words": meta.get("words", 0), "processed": processed,
            "reused": len(meta["keys"]) - processed, "seconds": time.perf_counter() - t0,
            "index": str(folder), "content_hash": meta["content_hash"],
            "parts": len(meta["analysis"])}
