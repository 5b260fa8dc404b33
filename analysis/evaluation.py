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


def load_gold(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["article"]


def score_mentions(mentions: pd.DataFrame, sentences: pd.DataFrame, gold: list[dict]) -> pd.DataFrame:
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
