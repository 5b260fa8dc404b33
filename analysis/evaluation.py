"""Precision and recall of the mention finder against a hand annotation (TOML, see
tests/fixtures/mentions_gold.toml): per kind, comparing per sentence the multiset of
(actor, kind). Unresolved mentions claim no actor, so they are misses, not false hits."""
from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.mentions import KINDS
from analysis.vader import LABELS


def load_gold(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["article"]


def score_mention_matches(mentions: pd.DataFrame, sentences: pd.DataFrame,
                          gold: list[dict]) -> pd.DataFrame:
    """One row per kind (and "all"): gold, found, correct, precision, recall (schema.MENTION_SCORES).
    Raises ValueError when a gold sentence cannot be found: the fixture and corpus disagree."""
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    resolved = mentions[mentions["actor"] != ""]
    for art in gold:
        sents = sentences[sentences["article_id"] == art["file"]]
        found = {sid: Counter(zip(g["actor"], g["kind"]))
                 for sid, g in resolved[resolved["article_id"] == art["file"]].groupby("sentence_id")}
        expected: dict[int, Counter] = {}
        for start, *labels in art["sentences"]:
            ids = sents.loc[sents["text"].str.startswith(start), "sentence_id"].tolist()
            if len(ids) != 1:
                raise ValueError(f"{art['file']}: {len(ids)} sentences start with {start!r}")
            expected[ids[0]] = Counter(tuple(label.split("|")) for label in labels)
        for sid in set(found) | set(expected):
            f, e = found.get(sid, Counter()), expected.get(sid, Counter())
            for (actor, kind), n in e.items():
                n_gold[kind] += n
                tp[kind] += min(n, f[(actor, kind)])
            for (actor, kind), n in f.items():
                n_pred[kind] += n
    rows = []
    for kind in (*KINDS, "all"):
        keys = KINDS if kind == "all" else (kind,)
        g, p, t = (sum(c[k] for k in keys) for c in (n_gold, n_pred, tp))
        rows.append({"kind": kind, "gold": g, "found": p, "correct": t,
                     "precision": t / p if p else float("nan"),
                     "recall": t / g if g else float("nan")})
    return schema.conform(pd.DataFrame(rows), schema.MENTION_SCORES)


# ------------------------------------------------------------------------ sentiment
POLARITY_CODES = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}  # NewsMTSC's README


def load_newsmtsc(path: Path) -> pd.DataFrame:
    """One row per target: sentence, start, end, label (NewsMTSC jsonl, `from`/`to` offsets)."""
    import json

    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            for t in item["targets"]:
                rows.append({"sentence": item["sentence_normalized"], "start": int(t["from"]),
                             "end": int(t["to"]), "label": POLARITY_CODES[float(t["polarity"])]})
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path.name} line {n}: not a NewsMTSC item ({exc})") from None
    return pd.DataFrame(rows, columns=["sentence", "start", "end", "label"])


def score_sentiment(gold: list[str], predicted: list[str], *, engine: str) -> pd.DataFrame:
    """Per-class precision/recall/F1, macro F1 and accuracy, in percent (schema.SENTIMENT_SCORES)."""
    rows = []
    for lab in LABELS:
        tp = sum(g == p == lab for g, p in zip(gold, predicted))
        n_pred = sum(p == lab for p in predicted)
        n_gold = sum(g == lab for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append({"engine": engine, "label": lab, "precision": 100 * prec,
                     "recall": 100 * rec, "f1": 100 * f1, "support": n_gold})
    macro = {k: sum(r[k] for r in rows) / len(rows) for k in ("precision", "recall", "f1")}
    rows.append({"engine": engine, "label": "macro", **macro, "support": len(gold)})
    acc = 100 * sum(g == p for g, p in zip(gold, predicted)) / max(len(gold), 1)
    rows.append({"engine": engine, "label": "accuracy", "precision": acc, "recall": acc,
                 "f1": acc, "support": len(gold)})
    return schema.conform(pd.DataFrame(rows), schema.SENTIMENT_SCORES)


def confusion(gold: list[str], predicted: list[str]) -> pd.DataFrame:
    """Rows: gold label; columns: predicted label."""
    table = pd.crosstab(pd.Series(gold, name="gold"), pd.Series(predicted, name="predicted"))
    return table.reindex(index=list(LABELS), columns=list(LABELS), fill_value=0)


# --------------------------------------------------------------------------- quotes
def score_quotes(quotes: pd.DataFrame, gold: list[dict]) -> pd.DataFrame:
    """Quote detection and speaker attribution against a hand annotation (TOML: per article,
    [quote start, speaker]; speaker a registry actor or "anonymous"). One row per article
    and a total (schema.QUOTE_SCORES)."""
    rows = []
    for art in gold:
        q = quotes[(quotes["article_id"] == art["file"])
                   & quotes["kind"].isin(["direct", "partial", "continued"])]
        found = correct = 0
        for start, speaker in art["quotes"]:
            hit = q[q["quote"].str.startswith(start)]
            if hit.empty:
                continue
            found += 1
            row = hit.iloc[0]
            correct += (row["actor"] == speaker) if speaker != "anonymous" else (
                row["speaker_kind"] in ("anonymous", "continued", "pronoun") and row["actor"] == "")
        extra = len(q) - found
        rows.append({"file": art["file"], "gold": len(art["quotes"]), "found": found,
                     "extra": extra, "speaker_correct": correct})
    out = pd.DataFrame(rows, columns=["file", "gold", "found", "extra", "speaker_correct"])
    total = out[["gold", "found", "extra", "speaker_correct"]].sum()
    out = pd.concat([out, pd.DataFrame([{"file": "all", **total}])], ignore_index=True)
    out["detection_recall"] = out["found"] / out["gold"].clip(lower=1)
    out["attribution_accuracy"] = out["speaker_correct"] / out["gold"].clip(lower=1)
    return schema.conform(out, schema.QUOTE_SCORES)
