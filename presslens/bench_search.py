"""`python -m presslens bench-search --articles N`: how fast a query answers on a large corpus.

Builds the synthetic corpus of presslens.bench (N articles from the seed sentences, 20 outlets
over 2023), indexes it over two worker processes as `python -m presslens index` does, and
reports the index's size on disk with the full-text tables' share of it. Then, with the corpus
opened as the dashboard opens it, times the Search page's server work for each query (the
view's counts per outlet, the time chart and the concordance, sorted, and its first page):
the first ask of each query and the median of three more. A query's first ask after opening
also opens the full-text tables; that is timed on its own beforehand.

The corpus and its index are kept in `--workdir` (default bench-results/search-N), so a second
run reuses them; the index time is then that of the first run and is not reported again.
"""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pandas as pd

QUERIES = (  # 1–3 words each; one with OR, one phrase, one prefix, one exclusion
    "balloon", "Taiwan", "fentanyl", "export controls", '"human rights"', "climate OR emissions",
    "negotiat*", "Blinken Beijing", "military channels", "Xi -Biden")
ROUNDS = 3


def _size_mb(folder: Path, pattern: str = "*") -> float:
    return sum(f.stat().st_size for f in folder.rglob(pattern) if f.is_file()) / 1e6


def run_bench_search(n: int, workdir: Path, queries=QUERIES) -> tuple[dict, pd.DataFrame]:
    from analysis.pipeline import open_corpus, update_index
    from analysis.selection import Selection
    from analysis.store import index_dir
    from analysis import fulltext
    from figures import views
    from presslens.bench import synthetic_corpus
    from ui.evidence import PAGE_SIZE

    corpus = workdir / "articles.jsonl"
    info: dict = {"articles": n}
    if not corpus.exists():
        synthetic_corpus(n, workdir)
        t0 = time.perf_counter()
        update_index(corpus, workers=2)
        info["index_s"] = round(time.perf_counter() - t0, 1)
    folder = index_dir(corpus)
    info["index_mb"] = round(_size_mb(folder), 1)
    info["fulltext_mb"] = round(_size_mb(folder, "*fulltext.sqlite"), 1)
    info["fulltext_share_of_rest_pct"] = round(
        100 * info["fulltext_mb"] / max(info["index_mb"] - info["fulltext_mb"], 1e-9), 1)
    t0 = time.perf_counter()
    analysed, _ = open_corpus(corpus)
    info["open_s"] = round(time.perf_counter() - t0, 2)
    sel = Selection(analysed)
    sel.table("mentions")  # (the background reads in, as on a page that has been open a while)
    t0 = time.perf_counter()
    fulltext.fulltext(analysed.corpus)
    info["open_fulltext_s"] = round(time.perf_counter() - t0, 3)
    info["sentences"] = len(analysed.corpus.sentences)

    def ask(query: str) -> tuple[float, int]:
        t0 = time.perf_counter()
        shown = views.search_view(sel, [query])
        shown.concordance_page("outlet", 1, PAGE_SIZE)  # (what the page shows first)
        return time.perf_counter() - t0, shown.matches

    rows = []
    for query in queries:
        first, matches = ask(query)
        again = [ask(query)[0] for _ in range(ROUNDS)]
        rows.append({"query": query, "matches": matches, "first_s": round(first, 3),
                     "median_s": round(statistics.median(again), 3)})
    table = pd.DataFrame(rows)
    info["median_of_queries_first_s"] = round(float(table["first_s"].median()), 3)
    info["median_of_queries_s"] = round(float(table["median_s"].median()), 3)
    return info, table


def report(info: dict, table: pd.DataFrame) -> str:
    return json.dumps(info, indent=1) + "\n" + table.to_string(index=False)
