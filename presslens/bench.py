"""`python -m presslens bench --articles N`: how fast and how big, measured side by side.

Builds a synthetic corpus of N articles from the seed sentences (20 outlets, dates over 2023,
600–1,000 words each, two words of every sentence varied so that no sentence repeats), then
measures in one run, each part in a fresh process so that its peak memory is its own:
- the index built from scratch over two worker processes (`python -m presslens index`): time,
  words/s, ms per article, peak memory of the main process and of a worker;
- the plain approach a user would write instead: VADER's polarity_scores over every sentence,
  one process, plus a regex count of the actors' names — and the ratio of the two;
- opening the index as the dashboard does (until the first page can draw, and until the
  analysis tables read in the background are in too), then re-indexing after adding 10
  articles (in a process of their own, with its peak memory);
- with the index warm, the server time of each page's script under AppTest, first run and
  after filter changes (median and max of 5), and the dashboard's peak memory.
Results are appended to a CSV (default bench-results/bench.csv) so runs can be compared.
"""
from __future__ import annotations

import csv
import json
import multiprocessing as mp
import platform
import random
import re
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from analysis.corpus import SEEDS_DIR, load_corpus
from presslens.memory import ChildrenPeak, peak_mb

OUTLETS = [f"Outlet {i:02d}" for i in range(1, 21)]


def _varied(sentence: str, vocabulary: list[str], rng: random.Random) -> str:
    """The sentence with two of its lower-case words swapped for others from the seeds, so that
    no two sentences of the corpus are alike and nothing is saved by caching a repeated one."""
    words = sentence.split(" ")
    spots = [i for i, w in enumerate(words) if w.isalpha() and w.islower() and len(w) > 3]
    for i in rng.sample(spots, min(2, len(spots))):
        words[i] = rng.choice(vocabulary)
    return " ".join(words)


def synthetic_corpus(n: int, out: Path, *, seed: int = 0) -> Path:
    """A corpus folder of `n` articles (one articles.jsonl table) made of seed sentences, each
    varied by two words (`_varied`)."""
    rng = random.Random(seed)
    seeds = load_corpus(SEEDS_DIR)
    sentences = [s for s in seeds.sentences_with_text()["text"] if len(s.split()) >= 6]
    vocabulary = sorted({w for s in sentences for w in s.split(" ")
                         if w.isalpha() and w.islower() and len(w) > 3})
    out.mkdir(parents=True, exist_ok=True)
    start = date(2023, 1, 1)
    with open(out / "articles.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            target = rng.randint(600, 1000)
            paragraphs, words = [], 0
            while words < target:
                para = [_varied(s, vocabulary, rng) for s in rng.sample(sentences, rng.randint(1, 3))]
                words += sum(len(s.split()) for s in para)
                paragraphs.append(" ".join(para))
            fh.write(json.dumps({
                "text": _varied(rng.choice(sentences), vocabulary, rng) + "\n\n" + "\n\n".join(paragraphs),
                "outlet": rng.choice(OUTLETS),
                "published": (start + timedelta(days=rng.randint(0, 364))).isoformat(),
                "title": "", "id": i}) + "\n")
    for name in ("actors.toml", "topics.toml"):
        (out / name).write_bytes((SEEDS_DIR / name).read_bytes())
    return out / "articles.jsonl"


def _index(corpus: Path) -> tuple[float, dict]:
    import os

    from analysis.pipeline import update_index

    t0 = time.perf_counter()
    _, info, _ = update_index(corpus, workers=min(os.cpu_count() or 1, 2))
    return time.perf_counter() - t0, info


def _indexed(path: str, queue) -> None:
    """Index from scratch over two worker processes (as `python -m presslens index`)."""
    with ChildrenPeak() as workers:
        fresh, info = _index(Path(path))
    queue.put({"fresh_s": fresh, "words": info["words"], "peak_mb": peak_mb(),
               "workers_peak_mb": workers.mb})


def _reopened(path: str, queue) -> None:
    """Open the index as the dashboard does, then index again after adding 10 articles."""
    from analysis.pipeline import open_corpus

    corpus = Path(path)
    t0 = time.perf_counter()
    analysis, _ = open_corpus(corpus)
    reopen = time.perf_counter() - t0  # the first page can draw: corpus tables are in
    tables = {name: analysis.tables[name] for name in analysis.tables}  # the rest, read meanwhile
    all_tables = time.perf_counter() - t0
    lines = corpus.read_text(encoding="utf-8").splitlines()
    added = [json.dumps({**json.loads(line), "id": 10**9 + i,
                         "text": f"Late addition {i}. " + json.loads(line)["text"]})
             for i, line in enumerate(lines[:10])]
    corpus.write_text("\n".join(lines + added) + "\n", encoding="utf-8")
    add10, _ = _index(corpus)
    queue.put({"reopen_s": reopen, "all_tables_s": all_tables, "add10_s": add10,
               "mentions": len(tables["mentions"]), "peak_mb": peak_mb()})


# Registry edits as a reviewer makes them on the Actor registry page (the synthetic corpus's
# registry is the seeds'): (what, the text replaced, its replacement; None: the entry dropped)
REGISTRY_EDITS = (
    ("alias_added", 'aliases = ["Joseph R. Biden"]', 'aliases = ["Joseph R. Biden", "Joe R. Biden"]'),
    ("merged", '[[actors]]\nname = "Chinese Embassy"', None),  # ... into the foreign ministry:
    ("merged", 'aliases = ["China\'s Foreign Ministry"', 'aliases = ["Chinese Embassy", "China\'s Foreign Ministry"'),
    ("dropped", '[[actors]]\nname = "Wu Xinbo"', None),
)


def _drop_entry(text: str, start: str) -> str:
    """A registry file's text without the [[actors]] entry that begins at `start`."""
    at = text.index(start)
    end = text.find("\n[[actors]]", at + 1)
    return text[:at] + (text[end + 1:] if end >= 0 else "")


def _registry_edits(path: str, queue) -> None:
    """Each edit of REGISTRY_EDITS saved to actors.toml, then the corpus opened as the app
    opens it (one process): seconds until the new counts are there, and articles analysed."""
    from analysis.pipeline import open_corpus

    corpus = Path(path)
    actors = corpus.parent / "actors.toml"
    open_corpus(corpus)
    out: dict[str, float] = {}
    edits = list(REGISTRY_EDITS)
    while edits:
        what = edits[0][0]
        text = actors.read_text(encoding="utf-8")
        while edits and edits[0][0] == what:  # (a merge is two changes saved at once)
            _, old, new = edits.pop(0)
            text = _drop_entry(text, old) if new is None else text.replace(old, new, 1)
        actors.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        _, info = open_corpus(corpus)
        out[f"{what}_s"] = time.perf_counter() - t0
        out[f"{what}_articles"] = info["processed"]
    queue.put(out)


def _plain_approach(path: str, queue) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.actors import load_registry

    t0 = time.perf_counter()
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    registry = load_registry(Path(path).parent / "actors.toml")
    names = sorted({n for a in registry.actors for n in (*a.all_aliases, *a.short)}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    analyzer = SentimentIntensityAnalyzer()
    counts: dict[str, int] = {}
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            analyzer.polarity_scores(sentence)
        for m in pattern.finditer(text):
            counts[m.group()] = counts.get(m.group(), 0) + 1
    queue.put({"total_s": time.perf_counter() - t0, "peak_mb": peak_mb()})


def _in_process(target, path: Path) -> dict:
    queue = mp.get_context("spawn").Queue()
    proc = mp.get_context("spawn").Process(target=target, args=(str(path), queue))
    proc.start()
    while True:
        try:
            result = queue.get(timeout=5)
            break
        except Exception:  # noqa: BLE001 - queue.Empty: still working, unless it died
            if not proc.is_alive():
                raise RuntimeError(f"{target.__name__} died (exit code {proc.exitcode}); "
                                   "its traceback is above") from None
    proc.join()
    return result


def run_bench(n: int, *, workdir: Path, results: Path, pages: bool = True) -> list[dict]:
    path = synthetic_corpus(n, workdir / f"bench-{n}")
    rows = []
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def record(metric: str, value: float, unit: str) -> None:
        rows.append({"when": stamp, "articles": n, "metric": metric, "value": round(value, 3),
                     "unit": unit, "machine": f"{platform.node()} {mp.cpu_count()} cpu"})

    plain = _in_process(_plain_approach, path)
    indexed = _in_process(_indexed, path)
    # the same articles with no actors.toml: the registry discovered from the text first
    bare = workdir / f"bench-{n}-discovered"
    bare.mkdir(parents=True, exist_ok=True)
    for name in ("articles.jsonl", "topics.toml"):
        (bare / name).write_bytes((path.parent / name).read_bytes())
    discovered = _in_process(_indexed, bare / "articles.jsonl")
    reopened = _in_process(_reopened, path)
    record("words", indexed["words"], "words")
    record("mentions", reopened["mentions"], "mentions")
    record("index_2_workers", indexed["fresh_s"], "s")
    record("index_words_per_s", indexed["words"] / indexed["fresh_s"], "words/s")
    record("index_ms_per_article", 1000 * indexed["fresh_s"] / n, "ms")
    record("index_2_workers_discovered", discovered["fresh_s"], "s")
    record("discovered_over_registry", discovered["fresh_s"] / indexed["fresh_s"], "ratio")
    record("plain_vader_and_regex", plain["total_s"], "s")
    record("index_over_plain", indexed["fresh_s"] / plain["total_s"], "ratio")
    record("open_index_as_dashboard", reopened["reopen_s"], "s")
    record("open_index_all_tables", reopened["all_tables_s"], "s")
    record("reindex_after_adding_10", reopened["add10_s"], "s")
    record("index_peak_memory_main", indexed["peak_mb"], "MB")
    record("index_peak_memory_worker", indexed["workers_peak_mb"], "MB")
    record("open_and_reindex_peak_memory", reopened["peak_mb"], "MB")
    record("plain_peak_memory", plain["peak_mb"], "MB")
    if pages:
        from presslens.bench_pages import page_times  # the one part that runs Streamlit (AppTest)

        timing = _in_process(page_times, path)
        for key, value in timing.items():
            if key.endswith("_error"):
                print(f"page error: {key}: {value}")
            else:
                record(f"page_{key}" if key != "peak_mb" else "dashboard_peak_memory", value,
                       "MB" if key == "peak_mb" else "s")
    edits = _in_process(_registry_edits, path)  # (after the others: it changes actors.toml)
    for what in dict.fromkeys(e[0] for e in REGISTRY_EDITS):
        record(f"registry_edit_{what}", edits[f"{what}_s"], "s")
        record(f"registry_edit_{what}_articles_analysed", edits[f"{what}_articles"], "articles")
    results.parent.mkdir(parents=True, exist_ok=True)
    new = not results.exists()
    with open(results, "a", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        if new:
            writer.writeheader()
        writer.writerows(rows)
    return rows
