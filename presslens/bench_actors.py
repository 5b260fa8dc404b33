"""How well a corpus with no registry counts its actors, against a careful reader's counts.

Real news articles from the article-extraction benchmark (../shared/datasets/article-extraction,
README there) were annotated by hand by character offsets into their hand-marked bodies
(`bench-data/actor-annotations/<page id>.json`: offsets, the actor each mention is of, its type
and kind; no article text). Each body becomes a plain-text article in a fresh corpus folder with
no actors.toml, as a user who brings a new story has; the corpus is analysed as the app analyses
it (the registry discovered from the text), and each mention found is matched to the
annotated mention it overlaps (after collapsing whitespace, as the cleaner rejoins lines).

Scored over people, countries and organizations, names and metonyms (role phrases are
annotated but reported apart, as the rules count them only where the registry has the role):
- precision: found mentions that overlap an annotated mention of the actor they were
  attributed to (each found actor is aligned with the annotated actor most of its mentions
  overlap) / found mentions;
- recall: annotated mentions so found / annotated mentions; also per type.

    python -m presslens bench-actors [--annotations DIR] [--dataset DIR] [--list]
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from presslens.bench_annotated import Aligned, analyse_bodies, load_annotated, page_file
from presslens.bench_metadata import DATASET

ANNOTATIONS = Path(__file__).resolve().parent.parent / "bench-data" / "actor-annotations"
COUNTED_KINDS = ("name", "metonym")


def load_annotations(folder: Path = ANNOTATIONS, dataset: Path = DATASET) -> dict[str, dict]:
    """page id -> {"body": its hand-marked body, "mentions": [...]}, offsets checked."""
    return load_annotated(folder, "mentions", dataset)


def run_bench_actors(annotations: Path = ANNOTATIONS, dataset: Path = DATASET) -> pd.DataFrame:
    """One row per annotated mention and per found mention: article, actor(s), type, kind,
    and whether it was matched."""
    pages = load_annotations(annotations, dataset)
    corpus, result = analyse_bodies(pages)
    sentences = corpus.sentences[["article_id", "sentence_id", "start"]].rename(
        columns={"start": "sentence_start"})
    found = result.mentions.merge(sentences, on=["article_id", "sentence_id"], how="left")
    found["start"] += found["sentence_start"]  # (a mention's span is its sentence's)
    found["end"] += found["sentence_start"]
    texts = dict(zip(corpus.articles["file"], corpus.articles["text"]))
    ids = dict(zip(corpus.articles["article_id"], corpus.articles["file"]))
    types = {a.name: a.type for a in result.registry.actors}
    rows = []
    for page_id, page in pages.items():
        file = page_file(page_id)
        at = Aligned(page["body"], texts.get(file, ""))
        gold = [(at.body(m["start"]), at.body(m["end"]), m) for m in page["mentions"]]
        mine = found[found["article_id"].map(ids) == file]
        pred = [(at.text(r.start), at.text(r.end), r) for r in mine.itertuples(index=False)]
        overlap = {}
        for pi, (ps, pe, _) in enumerate(pred):
            for gi, (gs, ge, _) in enumerate(gold):
                if ps < ge and gs < pe:
                    overlap.setdefault(pi, []).append(gi)
        # align each found actor with the annotated actor its mentions overlap most
        votes: dict[str, Counter] = {}
        for pi, gis in overlap.items():
            for gi in gis:
                votes.setdefault(pred[pi][2].actor, Counter())[gold[gi][2]["actor"]] += 1
        aligned = {a: c.most_common(1)[0][0] for a, c in votes.items()}
        matched_gold: set[int] = set()
        for pi, (_, _, r) in enumerate(pred):
            hit = [gi for gi in overlap.get(pi, []) if r.actor and
                   aligned.get(r.actor) == gold[gi][2]["actor"] and gi not in matched_gold]
            if hit:
                matched_gold.add(hit[0])
            rows.append({"page": page_id[:12], "side": "found", "actor": str(r.actor),
                         "gold_actor": gold[hit[0]][2]["actor"] if hit else "",
                         "type": gold[hit[0]][2]["type"] if hit else types.get(r.actor, ""),
                         "kind": str(r.kind), "surface": str(r.surface), "matched": bool(hit)})
        for gi, (_, _, m) in enumerate(gold):
            rows.append({"page": page_id[:12], "side": "annotated", "actor": "",
                         "gold_actor": m["actor"], "type": m["type"], "kind": m["kind"],
                         "surface": page["body"][m["start"]:m["end"]],
                         "matched": gi in matched_gold})
    return pd.DataFrame(rows)


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    found = df[(df["side"] == "found") & df["kind"].isin(COUNTED_KINDS)]
    gold = df[(df["side"] == "annotated") & df["kind"].isin(COUNTED_KINDS)]
    out = [("articles", df["page"].nunique(), ""),
           ("annotated mentions (names and metonyms)", len(gold), ""),
           ("found mentions (names and metonyms)", len(found), ""),
           ("precision", round(found["matched"].mean(), 3) if len(found) else 0.0, ""),
           ("recall", round(gold["matched"].mean(), 3) if len(gold) else 0.0, "")]
    for kind, label in (("person", "people"), ("country", "countries"),
                        ("organization", "organizations")):
        g = gold[gold["type"] == kind]
        out.append((f"  recall, {label}", round(g["matched"].mean(), 3) if len(g) else 0.0,
                    f"n={len(g)}"))
    roles = df[(df["side"] == "annotated") & (df["kind"] == "role")]
    out.append(("role phrases annotated (not scored above); found", int(roles["matched"].sum()),
                f"of {len(roles)}"))
    return pd.DataFrame(out, columns=["metric", "value", "n"])


def misses(df: pd.DataFrame, top: int = 30) -> pd.DataFrame:
    """The most frequent misses and false finds, for reading."""
    gold = df[(df["side"] == "annotated") & ~df["matched"] & df["kind"].isin(COUNTED_KINDS)]
    found = df[(df["side"] == "found") & ~df["matched"] & df["kind"].isin(COUNTED_KINDS)]
    a = gold.groupby(["gold_actor", "type"]).size().rename("missed").reset_index()
    b = found.groupby(["actor", "surface"]).size().rename("false").reset_index()
    return a.sort_values("missed", ascending=False).head(top), \
        b.sort_values("false", ascending=False).head(top)


