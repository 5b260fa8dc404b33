"""How much of a real page's article the cleaner keeps, and how much of the page around it.

On the article-extraction benchmark (../shared/datasets/article-extraction: 181 real pages with
hand-marked article bodies, README there), each page goes through these paths:
- html: the page as an uploaded .html file becomes (readers.html_to_text, then clean_text);
- text: the page's visible text in order (bench_metadata.visible_text: what a copy-paste of the
  whole page or a naive scraper gives), then clean_text;
- excerpt: the visible lines from 8 before the article to 8 after it (a reader's copy of it);
- article only: the hand-marked body alone (what the cleaner must keep whole);
- all visible text: the floor, every visible word.
The body zones (the benchmark's bodies leave out headline and dek) are scored against
`articleBody` as the benchmark's authors score extractors: shingles of four word tokens (\\w+),
true and false positives and negatives counted per page and normalised by the page's total, so
every page weighs the same; precision and recall are means over pages, F1 their harmonic mean.
The same scoring is re-implemented here, not copied. Also per path: the article's words dropped
and the kept words that are not the article (token counts), and the headline found, checked
against the page's own titles (og:title, <title>, <h1>).

    python -m presslens bench-cleaning [--dataset DIR] [--list]
"""
from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.cleaning import clean_text
from analysis.readers import html_to_text
from presslens.bench_metadata import DATASET, pages, visible_text

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


def word_errors(true: str, pred: str) -> tuple[int, int, int]:
    """(words of `true`, of them missing from `pred`, words of `pred` not in `true`), each word
    token counted as often as it occurs."""
    t, p = Counter(_TOKEN.findall(true)), Counter(_TOKEN.findall(pred))
    return sum(t.values()), sum((t - p).values()), sum((p - t).values())


def excerpt(visible: str, truth: str, margin: int = 8) -> str:
    """The visible lines from `margin` lines before the article's first line to `margin` after
    its last: what a reader who selects the article on the page and copies it gets."""
    lines = visible.split("\n")
    inside = [i for i, ln in enumerate(lines) if len(ln) > 40 and ln[:40] in truth]
    if not inside:
        return visible
    return "\n".join(lines[max(0, inside[0] - margin):inside[-1] + margin + 1])


def run_bench_cleaning(dataset: Path = DATASET) -> pd.DataFrame:
    """One row per page and path: the page's tp/fp/fn shares, word errors and the seconds each
    step took. Paths: html (the page as an uploaded .html), text (all its visible text),
    excerpt (the visible text around the article, `excerpt`), article only (the hand-marked
    body alone: what the cleaner must keep whole), all visible text (the floor)."""
    rows = []
    for page_id, url, html, truth in pages(dataset):
        t0 = time.perf_counter()
        from_html = html_to_text(html)
        t1 = time.perf_counter()
        title = page_title(html)
        visible = visible_text(html)
        raws = {"html": (from_html, t1 - t0), "text": (visible, 0.0),
                "excerpt": (excerpt(visible, truth), 0.0), "article only": (truth, 0.0)}
        for path, (raw, read_s) in raws.items():
            t2 = time.perf_counter()
            cleaned = clean_text(raw, extracted=path == "html")
            clean_s = time.perf_counter() - t2
            body = "\n\n".join(b.text for b in cleaned.blocks if b.zone == "body")
            rows.append(_row(page_id, url, path, truth, body, read_s, clean_s)
                        | _headline(cleaned.headline, title))
        rows.append(_row(page_id, url, "all visible text", truth, visible, 0.0, 0.0))
    return pd.DataFrame(rows)


def page_title(html: str) -> str:
    """The page's own titles: its metadata's (og:title, <title>: trafilatura reads them) and
    the text of its <h1> elements (the headline as the page shows it), joined by " | "."""
    import lxml.html
    from trafilatura import extract_metadata

    meta = extract_metadata(html)
    titles = [meta.title] if meta and meta.title else []
    titles += [" ".join(h.text_content().split()) for h in lxml.html.fromstring(html).iter("h1")]
    return " | ".join(t for t in titles if t)


def _headline(found: str, title: str) -> dict:
    """Whether the headline found is the page's title: most of its words are the title's
    (a page title may carry the site's name, so only the found headline's words are checked)."""
    words = [w.lower() for w in _TOKEN.findall(found)]
    own = {w.lower() for w in _TOKEN.findall(title)}
    share = sum(w in own for w in words) / len(words) if words else 0.0
    return {"title": title, "headline": found, "headline_found": bool(words),
            "headline_right": bool(words) and share >= 0.6}


def _row(page_id, url, path, truth, body, read_s, clean_s) -> dict:
    tp, fp, fn = match(truth, body)
    words, dropped, extra = word_errors(truth, body)
    return {"id": page_id[:10], "url": url, "path": path, "tp": tp, "fp": fp, "fn": fn,
            "precision": _precision(tp, fp, fn), "recall": _recall(tp, fp, fn),
            "words": words, "dropped": dropped, "extra": extra,
            "body_words": len(_TOKEN.findall(body)), "read_s": read_s, "clean_s": clean_s}


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    """Per path: the benchmark's precision, recall and F1; the article's words dropped and the
    words kept that are not the article (furniture), as shares; time per page."""
    out = []
    for path, g in df.groupby("path", sort=False):
        s = scores(list(g[["tp", "fp", "fn"]].itertuples(index=False, name=None)))
        out.append({"path": path, "pages": len(g), "precision": round(s["precision"], 3),
                    "recall": round(s["recall"], 3), "f1": round(s["f1"], 3),
                    "words dropped %": round(100 * g["dropped"].sum() / max(1, g["words"].sum()), 2),
                    "furniture % of kept": round(100 * g["extra"].sum() / max(1, g["body_words"].sum()), 2),
                    "headline found": int(g["headline_found"].sum()) if "headline_found" in g else "",
                    "headline is the title": int(g["headline_right"].sum()) if "headline_right" in g else "",
                    "read ms/page": round(g["read_s"].mean() * 1000, 2),
                    "clean ms/page": round(g["clean_s"].mean() * 1000, 2)})
    return pd.DataFrame(out)
