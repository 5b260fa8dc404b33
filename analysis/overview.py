"""Corpus-level summaries for the Overview page."""
from __future__ import annotations

import pandas as pd

from analysis.schema import HYGIENE, conform


def corpus_summary(articles: pd.DataFrame) -> dict:
    dated = articles["published"].dropna()
    return {
        "articles": len(articles),
        "outlets": articles["outlet"].nunique(),
        "first": f"{dated.min():%Y-%m-%d}" if len(dated) else "—",
        "last": f"{dated.max():%Y-%m-%d}" if len(dated) else "—",
        "words": int(articles["words"].sum()),
        "removed_words": int(articles["removed_words"].sum()),
    }


PER_ARTICLE_UP_TO = 40  # more articles than this: the hygiene view sums them per outlet


def hygiene_table(articles: pd.DataFrame, zones: pd.DataFrame) -> pd.DataFrame:
    """Words per article and zone ("article text" for counted zones), long format; for more
    than PER_ARTICLE_UP_TO articles, per outlet (the label is then the outlet)."""
    z = zones[zones["article_id"].isin(articles["article_id"])].copy()
    z["zone"] = z["zone"].astype(str).where(~z["counted"], "article text")
    if len(articles) > PER_ARTICLE_UP_TO:
        z = z.merge(articles[["article_id", "outlet"]], on="article_id")
        out = z.groupby(["outlet", "zone"], as_index=False)["words"].sum()
        out = out.assign(article_id="", label=out["outlet"])
        return conform(out.sort_values(["outlet", "zone"]), HYGIENE)
    out = z.groupby(["article_id", "zone"], as_index=False)["words"].sum()
    out = out.merge(articles[["article_id", "label", "outlet"]], on="article_id")
    order = {a: i for i, a in enumerate(articles["article_id"])}
    out = out.sort_values(["article_id", "zone"], key=lambda s: s.map(order) if s.name == "article_id" else s)
    return conform(out, HYGIENE)
