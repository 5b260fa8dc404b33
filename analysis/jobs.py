"""Running the index's work: chunks of CHUNK articles (`Job`), each cleaned and/or analysed by
`run_job`, which writes the chunk's part files and returns only its keys. Chunks run in this
process, on worker processes, or on a Dask cluster (`executor="dask"`).

A Dask worker is sent where its articles are (their files, or their records' bytes in a
table: readers.Source), not their text, and reads them itself; an article that no longer
reads as it did when the work was planned (its file changed meanwhile) sends the chunk back,
to be done here from what was read then.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
import pyarrow as pa

from analysis.actors import Registry
from analysis.annotate import analyse_articles
from analysis.corpus import clean_raws
from analysis.readers import Raw, Source, read_source
from analysis.identity import raw_key
from analysis.fulltext import write_sentences
from analysis.store import (ANALYSIS_TABLES, CLEAN_TABLES, TEXT_TABLES, fulltext_path, has_text,
                            write_part, write_text)
from analysis.topics import Topic

CHUNK = 100  # articles per task handed to a worker
Progress = Callable[[int, int], None]  # (articles done, articles to do)


@dataclass(frozen=True)
class Job:
    """One chunk of articles: `articles` to clean and analyse (each read already, a Raw, or
    to be read where the job runs, a Source), or `cleaned` (articles and sentences read from
    the index) to analyse again after the registry or topics changed."""

    folder: str
    part: str
    keys: tuple[str, ...]
    articles: tuple[Raw | Source, ...] | None
    cleaned: dict[str, pd.DataFrame] | None
    registry: Registry
    topics: tuple[Topic, ...]
    engine: str
    tone: pd.DataFrame | None = None  # (with `cleaned`) the tones its mentions had before


def by_reference(job: Job) -> Job:
    """The job as a Dask worker is sent it: each article that says where it was read
    (Raw.source) as that Source, not its text."""
    if job.articles is None:
        return job
    return replace(job, articles=tuple((a.source or a) if isinstance(a, Raw) else a
                                       for a in job.articles))


def run_job(job: Job) -> dict:
    """Clean and/or analyse a chunk, write its part files, and return what it wrote (or, where
    an article no longer reads as it did, {"part", "changed"} and nothing written). The same
    function runs in this process, in worker processes and on Dask workers."""
    parts = Path(job.folder) / "parts"
    layers = {"clean": CLEAN_TABLES, "analysis": ANALYSIS_TABLES} if job.articles is not None \
        else {"analysis": ANALYSIS_TABLES}
    written = {"part": job.part, **{layer: list(job.keys) for layer in layers}}
    if all((parts / f"{job.part}-{layer}-{t}.parquet").exists()
           for layer, tables in layers.items() for t in tables) and (
            "clean" not in layers or has_text(parts, f"{job.part}-clean")):
        # written by an earlier run that was interrupted before it saved index.json (part
        # names hash the keys and the dependency; files appear whole or not at all)
        return written
    if job.articles is not None:
        raws = _read(job)
        if raws is None:
            return {"part": job.part, "changed": True}
        cleaned = clean_raws(raws)
        key_of = dict(zip((r.article_id for r in raws), job.keys))
        key_of.update(zip((r.file for r in raws), job.keys))  # problems name the file
        write_part(parts, f"{job.part}-clean", cleaned, key_of)
        for table in TEXT_TABLES:
            df = cleaned[table]
            write_text(parts / f"{job.part}-clean-{table}.arrow", pa.table({
                "text": pa.array(df["text"], pa.large_string()),
                "article_key": pa.array(df["article_id"].map(key_of).astype(str), pa.string())}))
        sentences = cleaned["sentences"]
        write_sentences(fulltext_path(parts, job.part), cleaned["articles"]["article_id"],
                        sentences["article_id"], sentences["sentence_id"], sentences["text"])
    else:
        cleaned = job.cleaned
        key_of = dict(zip(cleaned["articles"]["article_id"], cleaned["articles"]["article_key"]))
    known = None
    if job.tone is not None:  # stored by article key: here by article id
        known = job.tone.assign(article_id=job.tone["article_key"].map(
            dict(zip(cleaned["articles"]["article_key"], cleaned["articles"]["article_id"]))))
    tables = analyse_articles(cleaned["articles"], cleaned["sentences"], job.registry,
                              list(job.topics), job.engine, known_tone=known)
    write_part(parts, f"{job.part}-analysis", tables, key_of)
    return written


def _read(job: Job) -> list[Raw] | None:
    """The job's articles, those it has as a Source read here; None where one of them no
    longer reads as it did when the job was planned (its key differs)."""
    raws = []
    for article, key in zip(job.articles, job.keys):
        if isinstance(article, Source):
            article = read_source(article)
            if article is None or raw_key(article) != key:
                return None
        raws.append(article)
    return raws


def chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def execute(jobs: list[Job], *, executor: str, workers: int, scheduler: str | None,
            progress: Progress | None) -> list[dict]:
    """Every job run (here, on `workers` processes, or on Dask): what each wrote."""
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
    if executor == "dask" and jobs:  # (none: no cluster to start)
        job_of = {j.part: j for j in jobs}
        for result in _dask_map([by_reference(j) for j in jobs], workers=workers,
                                scheduler=scheduler):
            # an article changed on disk since it was read: the chunk is done here, from the
            # articles as read (the corpus's fingerprint, taken before, no longer matches)
            tick(run_job(job_of[result["part"]]) if result.get("changed") else result)
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
