"""SQLite FTS5 against tantivy for the search index, on the same sentences, in one run.

    python scripts/compare_fulltext_engines.py ARTICLES.jsonl [--out DIR]

ARTICLES.jsonl: a corpus table with a "text" field per line (`presslens.bench.synthetic_corpus`
writes one). Its texts are split into sentences at . ! ? followed by a space (close enough to
the product's splitter for sizes and times). Builds, for the same sentences:
- SQLite FTS5 contentless tables (unicode61 remove_diacritics 2) with detail=full and
  detail=none, as analysis.fulltext would;
- a tantivy index (if the `tantivy` package is importable: it is not a dependency of the
  product, so run this with a Python that has it, e.g. a scratch venv with `pip install
  tantivy==0.27.0`), one document per sentence, the text indexed and not stored.
and prints build time, size on disk and, for each query, the matching sentences and the median
time of five asks (ids only, as analysis.search asks).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

# (word queries as each engine writes them: FTS5, tantivy)
QUERIES = [
    ("balloon", '"balloon"', "balloon"),
    ("export controls (both words)", '"export" AND "controls"', "+export +controls"),
    ('"human rights" (phrase)', '"human rights"', '"human rights"'),
    ("climate OR emissions", '"climate" OR "emissions"', "climate OR emissions"),
    ("china -taiwan", '"china" NOT "taiwan"', "+china -taiwan"),
    ("negotiat* (prefix)", '"negotiat"*', None),  # (tantivy's parser has no word prefix)
]


def sentences(path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            out += [s for s in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"]) if s]
    return out


def _size(path: Path) -> float:
    files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files) / 1e6


def _timed(ask) -> tuple[int, float]:
    times, n = [], 0
    for _ in range(5):
        t0 = time.perf_counter()
        n = ask()
        times.append(time.perf_counter() - t0)
    return n, statistics.median(times)


def fts5(texts: list[str], out: Path, detail: str) -> dict:
    path = out / f"fts5-{detail}.sqlite"
    t0 = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute("pragma journal_mode=off")
    db.execute(f"create virtual table s using fts5(text, content='', columnsize=0, "
               f"detail={detail}, tokenize='unicode61 remove_diacritics 2')")
    db.executemany("insert into s(rowid, text) values (?, ?)", enumerate(texts))
    db.execute("insert into s(s) values ('optimize')")
    db.commit()
    db.execute("vacuum")
    built = time.perf_counter() - t0
    row = {"engine": f"SQLite FTS5 detail={detail}", "build_s": round(built, 2),
           "size_mb": round(_size(path), 1)}
    for name, query, _ in QUERIES:
        if detail != "full" and " " in query.strip('"') and " AND " not in query \
                and " OR " not in query and " NOT " not in query:
            query = " AND ".join(f'"{w}"' for w in query.strip('"').split())  # (order: on the text)
        n, t = _timed(lambda q=query: len(db.execute(
            "select rowid from s where s match ?", (q,)).fetchall()))
        row[name] = f"{n} in {t * 1000:.0f} ms"
    return row


def tantivy_index(texts: list[str], out: Path) -> dict | None:
    try:
        import tantivy
    except ImportError:
        return None
    folder = out / "tantivy"
    folder.mkdir()
    t0 = time.perf_counter()
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("text", stored=False)
    schema = builder.build()
    index = tantivy.Index(schema, path=str(folder))
    writer = index.writer(heap_size=200_000_000, num_threads=2)
    for i, text in enumerate(texts):
        writer.add_document(tantivy.Document(id=i, text=text))
    writer.commit()
    writer.wait_merging_threads()
    built = time.perf_counter() - t0
    index.reload()
    searcher = index.searcher()
    row = {"engine": "tantivy 0.27 (default tokenizer)", "build_s": round(built, 2),
           "size_mb": round(_size(folder), 1)}
    for name, _, query in QUERIES:
        if query is None:
            row[name] = "(not in its query language)"
            continue
        parsed = index.parse_query(query, ["text"])
        n, t = _timed(lambda p=parsed: len(searcher.search(p, limit=len(texts)).hits))
        row[name] = f"{n} in {t * 1000:.0f} ms"
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    args = ap.parse_args()
    texts = sentences(args.articles)
    chars = sum(map(len, texts))
    print(f"{len(texts):,} sentences, {chars / 1e6:.1f} M characters")
    out = Path(tempfile.mkdtemp(prefix="fulltext-engines-"))
    try:
        rows = [fts5(texts, out, "full"), fts5(texts, out, "none")]
        other = tantivy_index(texts, out)
        rows += [other] if other else []
        if other is None:
            print("(tantivy is not importable here: only SQLite measured)")
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    finally:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
