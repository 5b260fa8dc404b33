"""An index on disk: the per-article work, done once per article content, kept as Parquet
(the format: analysis.store; the running of the work: analysis.jobs).

Two layers, each keyed by a hash of the article's raw text and metadata (its *key*):
- cleaning: articles, zones, sentences and the article's own problems;
- analysis: mentions, tone, quotes, topic tags and a near-duplicate sketch. This layer also
  depends on the actor registry, the topics file, the tone engine and its model (the
  *dependency* hash): editing actors.toml re-runs the analysis from the stored cleaning.

Here is the planning: what of a corpus is new or changed, in which chunks it goes out, and
how the results and the stored tables make the index anew. Each chunk writes its own part
files (so adding ten articles writes one small part, not the whole index) and `index.json`
lists the parts and is replaced last. Opening an unchanged corpus compares file names, sizes
and modification times with the stored fingerprint and reads the tables without reading the
articles. An index that cannot be read, or was written by another version, is removed and
rebuilt, never trusted.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from itertools import chain
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis import jobs, schema
from analysis.actors import Registry
from analysis.corpus import Texts, problems_table
from analysis.fulltext import write_sentences
from analysis.identity import (INDEX_VERSION, content_hash, dependency_hash, fingerprint, raw_key,
                               registry_entries, changed_forms, rest_hash)
from analysis.jobs import Job, Progress
from analysis.library import near_duplicates
from analysis.readers import Raw, read_raws
from analysis.store import (ANALYSIS_TABLES, CLEAN_TABLES, MAX_PARTS, SHOWN, TEXT_TABLES,
                            UNUSABLE, fulltext_path, index_dir, load_index, merge_part, read_arrow,
                            read_layer, read_meta, read_part, read_texts, save, write_text)
from analysis.sentiment import KNOWN_TONE
from analysis.topics import Topic

DUPLICATE_INPUT = ("article_id", "outlet", "words")  # article columns an update reads (no text)


@dataclass(frozen=True)
class Plan:
    """What an update of the index works from: the corpus at `path`, its index `folder`, its
    fingerprint now (`stamp`), what the analysis depends on, and how to run the work."""

    path: Path
    folder: Path
    stamp: str
    registry: Registry
    topics: tuple[Topic, ...]
    engine: str
    dependency: str
    workers: int
    executor: str
    scheduler: str | None
    progress: Progress | None
    load: bool
    t0: float


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
    meta = read_meta(folder)
    stamp = fingerprint(path)
    if meta and (meta["fingerprint"], meta["dependency"], meta.get("read_errors", True)) == (
            stamp, dependency, False):  # a file that could not be read is tried again
        try:
            return (load_index(folder, meta) if load else {}), _info(meta, 0, t0, folder)
        except UNUSABLE as exc:
            meta = _distrust(folder, exc)
    plan = Plan(path=path, folder=folder, stamp=stamp, registry=registry, topics=tuple(topics),
                engine=engine, dependency=dependency, workers=workers, executor=executor,
                scheduler=scheduler, progress=progress, load=load, t0=t0)
    try:
        return _update(plan, meta)
    except UNUSABLE as exc:
        if not (folder / "parts").exists():
            raise
        return _update(plan, _distrust(folder, exc))


def _distrust(folder: Path, exc: Exception) -> None:
    print(f"warning: index {folder} unreadable ({exc}); rebuilding it", file=sys.stderr)
    shutil.rmtree(folder / "parts", ignore_errors=True)


def _update(plan: Plan, meta: dict | None) -> tuple[dict[str, pd.DataFrame], dict]:
    folder, dependency = plan.folder, plan.dependency
    if meta is None:  # parts left by an interrupted run are picked up by run_job
        meta = {"clean": {}, "analysis": {}}
    tone = None
    # (a Dask worker reads its articles itself: each raw says where it was read)
    raws, read_problems = read_raws(plan.path, locate=plan.executor == "dask")
    keys = [raw_key(r) for r in raws]
    live = {k: i for i, k in enumerate(keys)}
    if meta.get("dependency") != dependency:
        edited = _edited(plan, meta, live)
        if edited is None:  # topics, engine or model changed: every article again
            meta["analysis"], meta["trimmed"] = {}, []
        else:  # a registry edit: only the articles it touches again, their tones kept
            tone = _stored_tone(plan, meta, [k for k in keys if k in edited])
            trimmed = set(meta.get("trimmed", []))
            for part, ks in list(meta["analysis"].items()):
                kept = [k for k in ks if k not in edited]
                if len(kept) < len(ks):
                    meta["analysis"][part] = kept
                    trimmed.add(part)
            meta["trimmed"] = sorted(trimmed)
    cleaned_keys = {k for ks in meta["clean"].values() for k in ks}
    analysed_keys = {k for ks in meta["analysis"].values() for k in ks}
    to_clean = [(k, r) for k, r in zip(keys, raws) if k not in cleaned_keys]
    to_analyse = [k for k in keys if k in cleaned_keys and k not in analysed_keys]
    todo = _jobs(plan, to_clean, to_analyse, meta, live, tone)
    for result in jobs.execute(todo, executor=plan.executor, workers=plan.workers,
                               scheduler=plan.scheduler, progress=plan.progress):
        for layer in ("clean", "analysis"):
            if layer in result:
                meta[layer][result["part"]] = result[layer]
    processed = len(to_clean) + len(to_analyse)
    del raws, to_clean, todo  # the articles' text, no longer needed: memory for the merge
    for layer in ("clean", "analysis"):  # parts with no live article left are dropped
        meta[layer] = {p: ks for p, ks in meta[layer].items() if any(k in live for k in ks)}
    meta["trimmed"] = [p for p in meta.get("trimmed", []) if p in meta["analysis"]]
    meta.update(version=INDEX_VERSION, dependency=dependency, fingerprint=plan.stamp,
                keys=keys, content_hash=content_hash(keys), rest=rest_hash(plan.topics, plan.engine),
                registry=registry_entries(plan.registry))
    tables = {}
    for layer, schemas in (("clean", CLEAN_TABLES), ("analysis", ANALYSIS_TABLES)):
        if len(meta[layer]) > MAX_PARTS:  # many small parts: one per table reads faster
            part = "c" + hashlib.sha256((dependency + layer + meta["content_hash"])
                                        .encode()).hexdigest()[:15]
            cut = meta["trimmed"] if layer == "analysis" else ()
            for name, sch in schemas.items():  # a table at a time, in Arrow (no pandas copy)
                merge_part(folder, meta[layer], layer, name, sch, live, f"{part}-{layer}", cut)
            for name in TEXT_TABLES if layer == "clean" else ():
                arrow = read_arrow(folder, meta[layer], layer, name, ["text"], live)
                write_text(folder / "parts" / f"{part}-{layer}-{name}.arrow", arrow if arrow
                           is not None else pa.table({"text": pa.array([], pa.large_string()),
                                                      "article_key": pa.array([], pa.string())}))
            meta[layer] = {part: keys}
            if layer == "analysis":
                meta["trimmed"] = []
        if plan.load:
            schemas = {**SHOWN[layer], "sketches": schema.SKETCHES} if layer == "analysis" else \
                SHOWN[layer]
        else:  # what near-duplicates need, no more
            schemas = {"clean": {"articles": {c: schema.ARTICLES[c] for c in DUPLICATE_INPUT}},
                       "analysis": {"sketches": schema.SKETCHES}}[layer]
        tables.update(read_layer(folder, meta[layer], layer, schemas, live, keyed=("articles",),
                                 trimmed=meta["trimmed"] if layer == "analysis" else ()))
    _write_fulltext(folder, meta["clean"])
    had_duplicates = (folder / "duplicates.parquet").exists() and bool(cleaned_keys)
    tables["read_problems"] = problems_table(read_problems)
    meta["read_errors"] = bool((tables["read_problems"]["severity"] == "error").any())
    meta["words"] = int(tables["articles"]["words"].sum())
    texts = cache(lambda: read_texts(folder, meta))  # read where candidates or the dashboard
    # need it
    tables["duplicates"] = _duplicates(folder, tables, texts, new={
        a for a, k in zip(tables["articles"]["article_id"], tables["articles"]["article_key"])
        if k not in cleaned_keys} if had_duplicates else None)
    tables = {name: df.drop(columns="article_key", errors="ignore") for name, df in tables.items()}
    try:
        save(folder, meta, tables)
    except OSError as exc:  # a read-only disk: the analysis still works, unsaved
        print(f"warning: index not saved to {folder} ({exc})", file=sys.stderr)
    if plan.load:
        tables.update(texts=texts(), analysis={t: tables[t] for t in SHOWN["analysis"]})
    return tables, _info(meta, processed, plan.t0, folder)


def _write_fulltext(folder: Path, parts: dict[str, list[str]]) -> None:
    """The full-text table of each clean part that has none: a merged part, or a part of an
    index written before these tables (a part's own job writes it with the part)."""
    for part in parts:
        path = fulltext_path(folder / "parts", part)
        if path.exists():
            continue
        order = read_part(folder, part, "clean", "articles", ["text", "article_key"])
        s = read_part(folder, part, "clean", "sentences", ["sentence_id", "text", "article_key"])
        try:
            write_sentences(path, order["article_key"].to_pylist(), s["article_key"].to_pylist(),
                            s["sentence_id"].to_pylist(),
                            chain.from_iterable(c.to_pylist() for c in s["text"].chunks))
        except (OSError, sqlite3.Error) as exc:  # (searches build it in memory meanwhile)
            print(f"warning: full-text table {path} not written ({exc})", file=sys.stderr)


def _edited(plan: Plan, meta: dict, live: dict[str, int]) -> set[str] | None:
    """The keys of the articles a registry edit touches: those whose text holds a word whose
    counting the edit can change (identity.changed_forms: a form added or removed, or every
    form of an actor added, removed, renamed or retyped since the index was written; case
    aside, a superset of what the matcher reads). None where more than the registry changed
    (topics, engine, model), where either registry is empty, or where the index does not say
    what it was built with."""
    old = meta.get("registry")
    if old is None or meta.get("rest") != rest_hash(plan.topics, plan.engine) or not meta["clean"]:
        return None
    new = registry_entries(plan.registry)
    if not old or not new:  # (quotes read the text differently with no registry at all)
        return None
    forms = set()
    for name in old.keys() | new.keys():
        if old.get(name) != new.get(name):
            forms |= changed_forms(old.get(name), new.get(name))
    if not forms:
        return set()
    arrow = read_arrow(plan.folder, meta["clean"], "clean", "articles", ["text"], live)
    if arrow is None:
        return set()
    # as the matcher reads a form: any run of space between its words, and a middle initial
    # within a person's name ("Antony J. Blinken")
    pattern = "|".join(r"\s+(?:\w\.\s+)?".join(map(re.escape, f.split()))
                       for f in sorted(forms, key=len, reverse=True))
    hit = pc.match_substring_regex(arrow["text"], pattern, ignore_case=True)
    return set(pc.filter(arrow["article_key"], hit).to_pylist())


def _stored_tone(plan: Plan, meta: dict, keys: list[str]) -> pd.DataFrame | None:
    """The tones the index holds for the mentions of the articles `keys` (KNOWN_TONE, by
    article_key), read before a registry edit cuts them from their parts."""
    if not keys or not meta["analysis"]:
        return None
    columns = [c for c in KNOWN_TONE if c != "article_id"]
    arrow = read_arrow(plan.folder, meta["analysis"], "analysis", "scored", columns,
                       {k: i for i, k in enumerate(keys)}, trimmed=meta.get("trimmed", ()))
    if arrow is None:
        return None
    return arrow.to_pandas().astype({"polarity": str})


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


def _jobs(plan: Plan, to_clean: list[tuple[str, Raw]], to_analyse: list[str], meta: dict,
          live: dict[str, int], tone: pd.DataFrame | None = None) -> list[Job]:
    """The work, in chunks of jobs.CHUNK articles: those `to_clean` (key and article), then
    those cleaned already and `to_analyse` again, from their stored cleaning (with the tones
    their mentions had, `tone`, where a registry edit sent them)."""
    folder = plan.folder

    def part(ks: list[str]) -> str:
        return hashlib.sha256((plan.dependency + "".join(ks)).encode()).hexdigest()[:16]

    common = {"folder": str(folder), "registry": plan.registry, "topics": plan.topics,
              "engine": plan.engine}
    todo = [Job(part=part([k for k, _ in c]), keys=tuple(k for k, _ in c),
                articles=tuple(r for _, r in c), cleaned=None, **common)
            for c in jobs.chunks(to_clean, jobs.CHUNK)]
    if to_analyse:  # the cleaning is stored: analyse it again, part by stored part
        want = set(to_analyse)
        stored = read_layer(folder, {p: ks for p, ks in meta["clean"].items()
                                     if want.intersection(ks)}, "clean",
                            {"articles": schema.ARTICLES, "sentences": schema.SENTENCES},
                            {k: i for k, i in live.items() if k in want}, keyed=("articles",))
        arts = stored["articles"]
        for ids in jobs.chunks(list(arts["article_id"]), jobs.CHUNK):
            chunk = arts[arts["article_id"].isin(ids)]
            sents = stored["sentences"][stored["sentences"]["article_id"].isin(ids)]
            # the cleaning stays in its own part; this part holds the analysis only
            known = None if tone is None else tone[tone["article_key"].isin(chunk["article_key"])]
            todo.append(Job(part=part(list(chunk["article_key"])), keys=tuple(chunk["article_key"]),
                            articles=None, cleaned={"articles": chunk, "sentences": sents},
                            tone=known, **common))
    return todo


def _info(meta: dict, processed: int, t0: float, folder: Path) -> dict:
    return {"articles": len(meta["keys"]), "words": meta.get("words", 0), "processed": processed,
            "reused": len(meta["keys"]) - processed, "seconds": time.perf_counter() - t0,
            "index": str(folder), "content_hash": meta["content_hash"],
            "parts": len(meta["analysis"])}
