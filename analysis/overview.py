"""Corpus-level summaries for the Overview page."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.grouping import Groups
from analysis.schema import HYGIENE, codes, conform
from analysis.selection import Selection


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


def hygiene_table(selection: Selection) -> pd.DataFrame:
    """Words per selected article and zone ("article text" for counted zones), long format;
    for more than PER_ARTICLE_UP_TO articles, per outlet (the label is then the outlet)."""
    articles, z = selection.articles, selection.rows("zones")
    if len(articles) > PER_ARTICLE_UP_TO:  # on integer codes: zones of 50,000 articles add up
        zone, zones_named = codes(z["zone"])
        article, ids = codes(z["article_id"])
        outlet, outlets = pd.factorize(articles.set_index("article_id")["outlet"].reindex(ids)
                                       .fillna("").astype(str), sort=True)
        names = pd.Index([*zones_named, "article text"])  # codes of sorted categories
        rank = np.argsort(np.argsort(names.to_numpy(str), kind="stable"))  # group on integers
        coded = pd.DataFrame({"outlet": pd.Categorical.from_codes(outlet[article], outlets),
                              "zone": pd.Categorical.from_codes(
                                  rank[np.where(z["counted"], len(zones_named), zone)],
                                  names.sort_values())})
        groups = Groups(coded, ["outlet", "zone"])
        out = groups.keys.assign(words=groups.sum(z["words"].to_numpy(float)).astype(np.int64))
        out = out.assign(article_id="", label=out["outlet"])
        return conform(out.sort_values(["outlet", "zone"]), HYGIENE)
    z = z.assign(zone=z["zone"].astype(str).where(~z["counted"], "article text"))
    out = z.groupby(["article_id", "zone"], as_index=False)["words"].sum()
    out = out.merge(articles[["article_id", "label", "outlet"]], on="article_id")
    order = {a: i for i, a in enumerate(articles["article_id"])}
    out = out.sort_values(["article_id", "zone"], key=lambda s: s.map(order) if s.name == "article_id" else s)
    return conform(out, HYGIENE)
