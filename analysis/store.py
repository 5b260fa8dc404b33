"""The index's on-disk format: where it lives, the tables of each layer, how parts are written
and read, index.json, and what an opening of the index loads.

Two layers, each keyed by a hash of the article's raw text and metadata (its *key*,
`raw_key`): cleaning (articles, zones, sentences and the article's own problems) and analysis
(mentions, tone, quotes, topic tags and a near-duplicate sketch). Each chunk of work writes
its own Parquet part files, `parts/<part>-<layer>-<table>.parquet` with an article_key column;
the text of the articles and zones is also kept uncompressed as
`<part>-clean-<table>.arrow`, to be memory-mapped; many parts are merged into one Feather file
per table. Every file is written under a temporary name of its own and renamed into place, so
it appears whole or not at all. `index.json` lists the parts and is replaced last, atomically.

Where: `<corpus folder>/.presslens-index/` (`.presslens-index-<name>/` for a table), or under
$PRESSLENS_CACHE (default `~/.cache/presslens`) for a corpus that must not be written to (the
seeds).
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import repeat
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.feather as feather
import pyarrow.parquet as pq

from analysis import schema
from analysis.corpus import Texts, zones_start
from analysis.library import read_only
from analysis.identity import INDEX_VERSION

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
MAX_PARTS = 8  # beyond this many parts in a layer, they are merged into one
STALE_TEMP_S = 3600  # a temporary file this old was left by a write that was stopped


class UnusableIndex(Exception):
    """The stored index cannot be used (unreadable, another version, or inconsistent)."""


UNUSABLE = (OSError, ValueError, KeyError, ImportError, UnusableIndex, pa.ArrowException)


def index_dir(path: Path) -> Path:
    """Where the index of the corpus at `path` (a folder or a table) lives."""
    folder = path if path.is_dir() else path.parent
    name = ".presslens-index" if path.is_dir() else f".presslens-index-{path.stem}"
    if read_only(folder) or not os.access(folder, os.W_OK):
        base = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "presslens")
        return base / hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return folder / name


# ------------------------------------------------------------------------------ writing
def temp_path(path: Path) -> Path:
    """A temporary name for a write of `path`, of this write alone: two attempts at the same
    file (a task retried while its first attempt still runs) never write into one file."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def write_part(parts: Path, name: str, tables: dict[str, pd.DataFrame], key_of: dict | None
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
        final = parts / f"{name}-{table}.parquet"
        tmp = temp_path(final)
        out.to_parquet(tmp, index=False)
        tmp.replace(final)


def write_text(path: Path, table: pa.Table) -> None:
    """Text and article_key as an uncompressed Arrow file of one batch, to be memory-mapped."""
    tmp = temp_path(path)
    with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_batch(table.combine_chunks().to_batches()[0] if table.num_rows else
                           pa.record_batch([c.combine_chunks() for c in table.columns],
                                           schema=table.schema))
    tmp.replace(path)


def fulltext_path(parts: Path, part: str) -> Path:
    """Where a clean part keeps its full-text table (analysis.fulltext)."""
    return parts / f"{part}-clean-fulltext.sqlite"


def has_text(parts: Path, name: str) -> bool:
    return all((parts / f"{name}-{t}.arrow").exists() for t in TEXT_TABLES)


def merge_part(folder: Path, parts: dict[str, list[str]], layer: str, table: str,
               sch: dict, live: dict[str, int], name: str, trimmed: Iterable[str] = ()) -> None:
    """One table of many parts as one Feather (Arrow IPC, LZ4) file: what an opening reads,
    and reads about twice as fast as Parquet."""
    arrow = read_arrow(folder, parts, layer, table, list(sch), live, trimmed=trimmed)
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
    final = folder / "parts" / f"{name}-{table}.feather"
    tmp = temp_path(final)
    feather.write_feather(arrow, tmp, compression="lz4")
    tmp.replace(final)


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


def save(folder: Path, meta: dict, tables: dict[str, pd.DataFrame]) -> None:
    """The index's own tables and index.json, then the part files it no longer lists are
    removed (and temporary files left by stopped writes)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("read_problems", "duplicates"):
        tmp = temp_path(folder / f"{name}.parquet")
        tables[name].to_parquet(tmp, index=False)
        tmp.replace(folder / f"{name}.parquet")
    tmp = temp_path(folder / "index.json")
    tmp.write_text(json.dumps(meta))
    tmp.replace(folder / "index.json")  # readers see the old index or the new one, never half
    used = {f"{p}-{layer}-" for layer in ("clean", "analysis") for p in meta[layer]}
    for f in (folder / "parts").iterdir() if (folder / "parts").is_dir() else ():  # none: empty
        if f.name.startswith("."):  # a file being written
            continue
        if f.name[:f.name.index("-", f.name.index("-") + 1) + 1] not in used:
            f.unlink(missing_ok=True)
    for where in (folder, folder / "parts"):
        _drop_stale_temps(where)


def _drop_stale_temps(folder: Path) -> None:
    """Temporary files left by writes that were stopped (Ctrl-C, a killed worker)."""
    now = time.time()
    for f in folder.glob(".*.tmp") if folder.is_dir() else ():
        try:
            if now - f.stat().st_mtime > STALE_TEMP_S:
                f.unlink(missing_ok=True)
        except OSError:  # (renamed into place meanwhile)
            pass


# ----------------------------------------------------------------------------- reading
def read_meta(folder: Path) -> dict | None:
    try:
        meta = json.loads((folder / "index.json").read_text())
        return meta if meta.get("version") == INDEX_VERSION else None
    except (OSError, ValueError):
        return None


def read_arrow(folder: Path, parts: dict[str, list[str]], layer: str, table: str,
               columns: list[str], live: dict[str, int], *, key: bool = True,
               trimmed: Iterable[str] = ()) -> pa.Table | None:
    """One table of a layer from its parts as Arrow (`columns`, and article_key where `key` is
    true or rows had to be selected), rows of live keys only, in the corpus's order (parts are
    read in the order of their first article, so a fresh index needs no sort); None where it
    has no rows. `trimmed`: parts whose files hold rows of articles their key list no longer
    names (re-analysed elsewhere after a registry edit): of those, the listed keys' rows only."""
    ordered = list(parts) if len(parts) == 1 else sorted(parts, key={
        p: min(map(live.get, ks, repeat(len(live))), default=len(live)) for p, ks in parts.items()
    }.__getitem__)
    cut = set(trimmed).intersection(parts)
    # the parts hold the corpus as it is, in order: nothing to select or sort, and the rows'
    # keys (a string per row) need not be read unless asked for
    as_is = not cut and [k for part in ordered for k in parts[part]] == list(live)
    read = columns if as_is and not key else [*columns, "article_key"]
    pieces = [_read_file(folder / "parts" / f"{part}-{layer}-{table}", read) for part in ordered]
    if any(p.column_names != read for p in pieces):
        raise UnusableIndex(f"{table} has columns other than {read}")
    pieces = [p.filter(pc.is_in(p["article_key"], value_set=pa.array(parts[part], p["article_key"].type)))
              if part in cut else p for part, p in zip(ordered, pieces)]
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


def read_part(folder: Path, part: str, layer: str, table: str, columns: list[str]) -> pa.Table:
    """One stored part's table as it is on disk, every row (of live articles or not)."""
    return _read_file(folder / "parts" / f"{part}-{layer}-{table}", columns)


def _read_file(stem: Path, columns: list[str]) -> pa.Table:
    """A part's table: for a text table the memory-mapped `<stem>.arrow`, where there is one;
    else `<stem>.feather` (a merged part) or `<stem>.parquet`."""
    if stem.with_suffix(".arrow").exists() and columns == ["text", "article_key"]:
        with pa.ipc.open_file(pa.memory_map(str(stem.with_suffix(".arrow")))) as reader:
            return reader.read_all()
    if stem.with_suffix(".feather").exists():
        return feather.read_table(stem.with_suffix(".feather"), columns=columns)
    return pq.read_table(stem.with_suffix(".parquet"), columns=columns)


def read_layer(folder: Path, parts: dict[str, list[str]], layer: str,
               tables: dict[str, dict], live: dict[str, int], *, keyed: tuple[str, ...] = (),
               trimmed: Iterable[str] = ()) -> dict[str, pd.DataFrame]:
    """The layer's tables (read_arrow) as pandas, conformed to their schemas; the `keyed`
    ones with each row's article_key."""
    out = {}
    for table, sch in tables.items():
        keep_key = table in keyed
        arrow = read_arrow(folder, parts, layer, table, list(sch), live, key=keep_key,
                           trimmed=trimmed)
        if arrow is None:
            df = schema.empty(sch)
            out[table] = df.assign(article_key=pd.Series(dtype="str")) if keep_key else df
            continue
        df = schema.conform(arrow.select(list(sch)).to_pandas(), sch)
        out[table] = df.assign(article_key=arrow["article_key"].to_numpy()) if keep_key else df
    return out


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
        except UNUSABLE as exc:
            raise UnusableIndex(f"the index's {name} table could not be read ({exc}); run "
                                "`python -m presslens index` on the corpus to rebuild it") from exc

    def __iter__(self) -> Iterator[str]:
        return iter(self._readers)

    def __len__(self) -> int:
        return len(self._readers)


def load_index(folder: Path, meta: dict) -> dict:
    """What the dashboard holds: the SHOWN tables, the text memory-mapped (`texts`) and, in
    `analysis`, the analysis layer (`Deferred`: read in the background). Every file is checked
    to be there, whole, with its columns before anything is deferred."""
    live = {k: i for i, k in enumerate(meta["keys"])}
    tables = read_layer(folder, meta["clean"], "clean", SHOWN["clean"], live)
    for table, sch in SHOWN["analysis"].items():
        for part in meta["analysis"]:
            names = _schema_of(folder / "parts" / f"{part}-analysis-{table}").names
            if not {*sch, "article_key"} <= set(names):
                raise UnusableIndex(f"{part}-analysis-{table} lacks columns of {list(sch)}")
    tables["analysis"] = Deferred({
        table: lambda t=table: read_layer(folder, meta["analysis"], "analysis",
                                          {t: SHOWN["analysis"][t]}, live,
                                          trimmed=meta.get("trimmed", ()))[t]
        for table in SHOWN["analysis"]})
    for name, sch in (("read_problems", schema.PROBLEMS), ("duplicates", schema.DUPLICATES)):
        tables[name] = schema.conform(pd.read_parquet(folder / f"{name}.parquet"), sch)
    return {**tables, "texts": read_texts(folder, meta)}


def _schema_of(stem: Path) -> pa.Schema:
    """The columns of a part's table, from its file's footer (a truncated file fails here)."""
    if stem.with_suffix(".feather").exists():
        with pa.memory_map(str(stem.with_suffix(".feather"))) as source:
            return pa.ipc.open_file(source).schema
    return pq.read_schema(stem.with_suffix(".parquet"))


def read_texts(folder: Path, meta: dict) -> Texts:
    """The text of the corpus's articles and zones, memory-mapped from the clean parts'
    Arrow files, by article position (the order of meta["keys"])."""
    articles, zones, found = [], [], []
    for i, part in enumerate(meta["clean"]):
        stem = folder / "parts" / f"{part}-clean"
        for t in TEXT_TABLES:  # (an index written before the text files existed)
            if not Path(f"{stem}-{t}.arrow").exists():
                table = _read_file(Path(f"{stem}-{t}"), ["text", "article_key"])
                write_text(Path(f"{stem}-{t}.arrow"), table.set_column(
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
    return Texts(tuple(articles), tuple(zones), where[:, 0], where[:, 1], where[:, 2],
                 tuple(str(fulltext_path(folder / "parts", p)) for p in meta["clean"]))
