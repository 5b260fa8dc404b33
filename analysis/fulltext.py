"""The full-text index: which sentences hold which words, for search (analysis.search).

One SQLite FTS5 table (Python's standard sqlite3, embedded) per clean part of the index
(`store.fulltext_path` names its file), written with the part's other files when its articles
are cleaned, so that adding articles indexes only theirs; a merged part, or a part of an index
written before these tables existed, gets its table when the index is next updated. A corpus
held in memory, or a part whose file is missing, gets its table built in memory on its first
search.

The tables are contentless (the text is in the part's Arrow files) and `detail=none`: they
record which sentences hold a token, not where it stands, which takes about a third of the
space of a positional table (9.7 MB against 27.0 MB for 421,432 synthetic sentences). A phrase
is therefore asked as the sentences holding all of its words, and analysis.search checks the
words' order on the sentence's text, which it reads anyway for the spans. Row ids: the
article's row among its part's articles << SHIFT | the sentence's sentence_id.
"""
from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import store

TOKENIZER = "unicode61 remove_diacritics 2"  # (SQLite FTS5 docs: remove_diacritics 2 also
# folds the diacritics of code points that 1 leaves, e.g. decomposed ones)
SHIFT = 24  # sentence_id bits of a row id: 16.7 million sentences an article
_CREATE = ("create virtual table s using fts5(text, content='', columnsize=0, detail=none, "
           f"tokenize='{TOKENIZER}')")


def _fill(db: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    db.execute(_CREATE)
    db.executemany("insert into s(rowid, text) values (?, ?)", rows)
    db.execute("insert into s(s) values ('optimize')")  # one b-tree: smaller, faster to ask
    db.commit()


def write_fulltext(path: Path, rows: Iterable[tuple[int, str]]) -> None:
    """The table of `rows` (row id, text) as the file `path`, written under a temporary name
    and renamed into place: it appears whole or not at all."""
    tmp = store.temp_path(path)
    db = sqlite3.connect(tmp)
    try:
        db.execute("pragma journal_mode=off")  # a new file: nothing to roll back to
        db.execute("pragma synchronous=off")  # (renamed into place only once it is complete)
        _fill(db, rows)
        db.execute("vacuum")  # (the pages left free by the merge into one b-tree)
    finally:
        db.close()
    tmp.replace(path)


def write_sentences(path: Path, article_order: Sequence[str], sentence_article: Sequence[str],
                    sentence_id: Sequence[int], text: Iterable[str]) -> None:
    """The table of one stored part: `article_order` its articles' ids (or keys) in row order;
    each sentence's article id (or key), sentence_id and text."""
    row = pd.Index(article_order).get_indexer(pd.Index(sentence_article))
    write_fulltext(path, (((r << SHIFT) | s, t) for r, s, t in
                          zip(row.tolist(), list(sentence_id), text) if r >= 0))


# ------------------------------------------------------------------------------ asking
class FullText:
    """A corpus's full-text tables, asked together: `rows` answers rows of corpus.sentences."""

    def __init__(self, sources: list[tuple[sqlite3.Connection, np.ndarray]],
                 first_sentence: np.ndarray):
        self._sources = sources  # (table, article position of each of its article rows; -1: gone)
        self._first = first_sentence  # per article position: its first row in corpus.sentences
        self._lock = threading.Lock()

    def rows(self, expression: str) -> np.ndarray:
        """The rows of corpus.sentences that match the FTS5 `expression`, ascending."""
        found = []
        with self._lock:
            for db, positions in self._sources:
                got = db.execute("select rowid from s where s match ?", (expression,)).fetchall()
                ids = np.fromiter((r[0] for r in got), dtype=np.int64, count=len(got))
                position = positions[ids >> SHIFT]
                keep = position >= 0
                found.append(self._first[position[keep]] + (ids[keep] & ((1 << SHIFT) - 1)))
        return np.sort(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


def _in_memory(rows: Iterable[tuple[int, str]]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(db, rows)
    return db


def _first_rows(corpus) -> np.ndarray:
    """Per article position, the row of its first sentence in corpus.sentences (which lists
    them article after article)."""
    counts = np.bincount(corpus.sentence_position, minlength=len(corpus.articles))
    return np.r_[0, np.cumsum(counts)[:-1]].astype(np.int64)


def _table_of(corpus, rows: np.ndarray, article_row: np.ndarray) -> sqlite3.Connection:
    """An in-memory table of these rows of corpus.sentences; `article_row`: per article
    position, the row its row ids give it."""
    ids = (article_row[corpus.sentence_position[rows]] << SHIFT) | \
        corpus.sentences["sentence_id"].to_numpy()[rows]
    return _in_memory(zip(ids.tolist(), corpus.sentence_text_at(rows)))


def _build(corpus) -> FullText:
    texts = corpus.texts
    first = _first_rows(corpus)
    everyone = np.arange(len(first), dtype=np.int64)
    if texts is None:  # held in memory: one table, article positions as rows
        db = _table_of(corpus, np.arange(len(corpus.sentences)), everyone)
        return FullText([(db, everyone)], first)
    sources = []
    for part, arts in enumerate(texts.articles):
        mine = np.flatnonzero(texts.part == part)
        positions = np.full(len(arts), -1, dtype=np.int64)
        positions[texts.row[mine]] = mine
        path = Path(texts.fulltext[part]) if part < len(texts.fulltext) else None
        db = _opened(path) if path is not None and path.exists() else None
        if db is None:  # not written (yet), or damaged: this part's live sentences, in memory
            rows = np.flatnonzero(np.isin(corpus.sentence_position, mine))
            db = _table_of(corpus, rows, texts.row.astype(np.int64))
        sources.append((db, positions))
    return FullText(sources, first)


def _opened(path: Path) -> sqlite3.Connection | None:
    """A stored table, read-only, once it answers a query; None where it does not (a file that
    is not a whole table is never trusted; writes rename whole files into place, so this is a
    file damaged since, or not ours)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    try:
        db.execute("select rowid from s where s match ? limit 1", ('"a"',)).fetchall()
        return db
    except sqlite3.DatabaseError:
        db.close()
        return None


_OPEN: OrderedDict = OrderedDict()
_OPEN_LOCK = threading.Lock()
KEEP_OPEN = 4  # corpora whose tables stay open (the most recently searched)


def fulltext(corpus) -> FullText:
    """The full-text tables of `corpus`, opened (or built in memory) on first use and kept per
    content."""
    key = (corpus.content_hash, len(corpus.sentences), str(corpus.path),
           corpus.texts.fulltext if corpus.texts is not None else None)
    with _OPEN_LOCK:
        if key in _OPEN:
            _OPEN.move_to_end(key)
            return _OPEN[key]
    opened = _build(corpus)
    with _OPEN_LOCK:
        _OPEN[key] = opened
        while len(_OPEN) > KEEP_OPEN:
            _OPEN.popitem(last=False)
    return opened
