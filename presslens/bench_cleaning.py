"""How much of a real page's article the cleaner keeps, and how much of the page around it.

On the article-extraction benchmark (../shared/datasets/article-extraction: 181 real pages with
hand-marked article bodies, README there), each page goes through two paths:
- html: the page as an uploaded .html file becomes (readers.html_to_text, then clean_text);
- text: the page's visible text in order (bench_metadata.visible_text: what a copy-paste or a
  naive scraper gives), then clean_text.
The body zones (the benchmark's bodies leave out headline and dek) are scored against
`articleBody` as the benchmark's authors score extractors: shingles of four word tokens (\\w+),
true and false positives and negatives counted per page and normalised by the page's total, so
every page weighs the same; precision and recall are means over pages, F1 their harmonic mean.
The same scoring is re-implemented here, not copied.

    python -m presslens bench-cleaning [--dataset DIR] [--list]
"""
from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.cleaning import clean_text
from analysis.readers import html_to_text
from presslens.bench_metadata import DATASET, visible_text

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def match(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of `pred` against `true`."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall as means over pages, F1 of the two means (the benchmark's way)."""
    p = [_precision(*r) for r in rows if r[0] + r[1] > 0]
    r = [_recall(*x) for x in rows if x[0] + x[2] > 0]
    precision = sum(p) / len(p) if p else 0.0
    recall = sum(r) / len(r) if r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def body_text(raw: str) -> str:
    return "\n\n".join(b.text for b in clean_text(raw).blocks if b.zone == "body")


def pages(dataset: Path = DATASET):
    """(id, url, html, articleBody) for each page of the benchmark."""
    truth = json.loads((dataset / "ground-truth.json").read_text())
    for page_id, entry in sorted(truth.items()):
        html = gzip.decompress((dataset / "html" / f"{page_id}.html.gz").read_bytes()).decode(
            "utf-8", "replace")
        yield page_id, entry.get("url", ""), html, entry.get("articleBody", "")


def run_bench_cleaning(dataset: Path = DATASET) -> pd.DataFrame:
    """One row per page and path: the page's tp/fp/fn shares and the seconds each step took."""
    rows = []
    for page_id, url, html, truth in pages(dataset):
        t0 = time.perf_counter()
        from_html = html_to_text(html)
        t1 = time.perf_counter()
        visible = visible_text(html)
        for path, raw, read_s in (("html", from_html, t1 - t0), ("text", visible, 0.0)):
            t2 = time.perf_counter()
            body = body_text(raw)
            clean_s = time.perf_counter() - t2
            tp, fp, fn = match(truth, body)
            rows.append({"id": page_id[:10], "url": url, "path": path, "tp": tp, "fp": fp,
                         "fn": fn, "precision": _precision(tp, fp, fn),
                         "recall": _recall(tp, fp, fn), "read_s": read_s, "clean_s": clean_s,
                         "input_words": len(raw.split()), "body_words": len(body.split())})
        tp, fp, fn = match(truth, visible)  # the floor: every visible word
        rows.append({"id": page_id[:10], "url": url, "path": "all visible text", "tp": tp,
                     "fp": fp, "fn": fn, "precision": _precision(tp, fp, fn),
                     "recall": _recall(tp, fp, fn), "read_s": 0.0, "clean_s": 0.0,
                     "input_words": len(visible.split()), "body_words": len(visible.split())})
    return pd.DataFrame(rows)


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    out = []
    for path, g in df.groupby("path", sort=False):
        s = scores(list(g[["tp", "fp", "fn"]].itertuples(index=False, name=None)))
        out.append({"path": path, "pages": len(g), "precision": round(s["precision"], 3),
                    "recall": round(s["recall"], 3), "f1": round(s["f1"], 3),
                    "read ms/page": round(g["read_s"].mean() * 1000, 2),
                    "clean ms/page": round(g["clean_s"].mean() * 1000, 2)})
    return pd.DataFrame(out)
