"""Who speaks on real news: the quotes found and their speakers, against a careful reader's.

Real news articles from the article-extraction benchmark (../shared/datasets/article-extraction,
README there) were annotated by hand by character offsets into their hand-marked bodies
(`bench-data/quote-annotations/<page id>.json`: each quotation's words, direct or partial, its
speaker as the article names it and the kind of source; no article text). Each body becomes a
plain-text article in a fresh corpus folder with no actors.toml, as a user who brings a new story
has; the corpus is analysed as the app analyses it, and each quotation found is matched to the
annotated quotation its words overlap (after collapsing whitespace, as the cleaner rejoins lines).

- found: annotated direct (or partial) quotations overlapped by a quotation found / annotated;
- speaker right: of the annotated quotations found, those whose found speaker is the annotated
  one (`same_speaker`: a person by a name part they share, "Lopez" for "Maria Lopez"; an
  organization by a content word or its initials, "UK" for "United Kingdom"; an anonymous
  source as anonymous; an unknown speaker as none);
- real quotations: rows `python -m analysis quotes` prints (direct, continued, partial) that
  overlap an annotated quotation or a span the annotator marked doubtful / those rows.

    python -m presslens bench-quotes [--annotations DIR] [--dataset DIR] [--list]
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from presslens.bench_annotated import Aligned, analyse_bodies, load_annotated, page_file
from presslens.bench_metadata import DATASET

ANNOTATIONS = Path(__file__).resolve().parent.parent / "bench-data" / "quote-annotations"
QUOTE_KINDS = ("direct", "continued", "partial")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SMALL = frozenset("the a an of and for in on at to s".split())


def load_annotations(folder: Path = ANNOTATIONS, dataset: Path = DATASET) -> dict[str, dict]:
    """page id -> {"body", "quotes", "doubtful"}, every span checked against its body."""
    pages = load_annotated(folder, "quotes", dataset)
    for page in pages.values():
        page["doubtful"] = [tuple(d) for d in page.get("doubtful", [])]
    return pages


def _words(label: str) -> set[str]:
    """A label's words, lower-cased, possessives cut ("Russia's" is "russia"), with the
    initials of a name of several words ("United Kingdom" is also "uk")."""
    words = [re.sub(r"['’]s$", "", w) for w in _WORD.findall(label or "")]
    out = {w.lower() for w in words} - _SMALL
    caps = [w for w in words if w[:1].isupper() and w.lower() not in _SMALL]
    if len(caps) > 1:
        out.add("".join(w[0] for w in caps).lower())
    return out


def same_speaker(gold: dict, speaker: str, source: str) -> bool:
    """Whether a found speaker (`speaker`, of source type `source`) is the annotated one."""
    if gold["source"] == "unknown" or not gold["speaker"]:
        return not speaker
    if gold["source"] == "anonymous":
        return source == "anonymous" or bool(_words(speaker) & _words(gold["speaker"]))
    return bool(_words(speaker) & _words(gold["speaker"]))


def run_bench_quotes(annotations: Path = ANNOTATIONS, dataset: Path = DATASET) -> pd.DataFrame:
    """One row per annotated quotation and per quotation found: page, kind, speakers, and
    whether it was matched (and to the right speaker)."""
    pages = load_annotations(annotations, dataset)
    corpus, result = analyse_bodies(pages)
    texts = dict(zip(corpus.articles["file"], corpus.articles["text"]))
    quotes = result.quotes
    rows = []
    for page_id, page in pages.items():
        file = page_file(page_id)
        at = Aligned(page["body"], texts.get(file, ""))
        gold = [(at.body(q["start"]), at.body(q["end"]), q) for q in page["quotes"]]
        doubtful = [(at.body(s), at.body(e)) for s, e in page["doubtful"]]
        mine = quotes[(quotes["file"] == file) & quotes["kind"].isin(QUOTE_KINDS)]
        matched: dict[int, tuple] = {}
        for r in mine.itertuples(index=False):
            ps, pe = at.text(r.start), at.text(r.end)
            hits = [gi for gi, (gs, ge, _) in enumerate(gold) if ps < ge and gs < pe]
            for gi in hits:
                matched.setdefault(gi, (str(r.speaker), str(r.source_type)))
            real = bool(hits) or any(ps < de and ds < pe for ds, de in doubtful)
            rows.append({"page": page_id[:12], "side": "found", "kind": str(r.kind),
                         "speaker": str(r.speaker), "gold_speaker": "", "source": str(r.source_type),
                         "gold_source": "", "matched": real, "speaker_right": False,
                         "start": int(r.start), "quote_words": int(r.words)})
        for gi, (gs, ge, q) in enumerate(gold):
            speaker, source = matched.get(gi, ("", ""))
            rows.append({"page": page_id[:12], "side": "annotated", "kind": q["kind"],
                         "speaker": speaker, "gold_speaker": q["speaker"], "source": source,
                         "gold_source": q["source"], "matched": gi in matched,
                         "speaker_right": gi in matched and same_speaker(q, speaker, source),
                         "start": q["start"], "quote_words": len(page["body"][q["start"]:q["end"]].split())})
    return pd.DataFrame(rows)


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    gold = df[df["side"] == "annotated"]
    found = df[df["side"] == "found"]
    out = [("articles", df["page"].nunique(), "")]
    for kind in ("direct", "partial"):
        g = gold[gold["kind"] == kind]
        out.append((f"{kind} quotations found", round(g["matched"].mean(), 3) if len(g) else 0.0,
                    f"of {len(g)}"))
    hit = gold[gold["matched"]]
    out.append(("speaker right, of those found", round(hit["speaker_right"].mean(), 3)
                if len(hit) else 0.0, f"of {len(hit)}"))
    for source in ("person", "organization", "anonymous", "unknown"):
        h = hit[hit["gold_source"] == source]
        out.append((f"  speaker right, {source}", round(h["speaker_right"].mean(), 3)
                    if len(h) else 0.0, f"of {len(h)}"))
    out.append(("rows printed that are real quotations",
                round(found["matched"].mean(), 3) if len(found) else 0.0, f"of {len(found)}"))
    return pd.DataFrame(out, columns=["metric", "value", "n"])


def wrong(df: pd.DataFrame) -> pd.DataFrame:
    """The annotated quotations found with the wrong speaker, and the rows that are no
    quotation, for reading (`start`: the offset of the quoted words, in the hand-marked body
    for annotated rows, in the article's counted text for found ones)."""
    gold = df[(df["side"] == "annotated") & df["matched"] & ~df["speaker_right"]]
    extra = df[(df["side"] == "found") & ~df["matched"]]
    return pd.concat([gold, extra])[["page", "side", "start", "kind", "gold_speaker", "speaker",
                                     "gold_source", "source"]]
