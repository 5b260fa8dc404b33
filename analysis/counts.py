"""Counting the mentions: per outlet and actor with their denominators, over all outlets, by
date, by surface form, and per registry actor; the measures a frequency table is shown in."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import schema
from analysis.actors import Registry
from analysis.grouping import Groups
from analysis.selection import Selection


def count_mentions(selection: Selection, *, kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Mentions per (outlet, actor) in the selection, with its denominators
    (schema.FREQUENCIES): the selected articles' counts and words per outlet, so an outlet
    with no mention of an actor still has its n. `kinds`: count only mentions of these kinds
    (None: every kind). Unresolved mentions are not counted for anyone.
    """
    mentions, articles = selection.table("mentions"), selection.articles
    keep = (mentions["actor"] != "").to_numpy() & selection.mask("mentions", kinds=kinds)
    m = mentions.loc[keep, ["outlet", "actor", "article_id"]]
    per_outlet = articles.groupby("outlet").agg(outlet_articles=("article_id", "size"),
                                                outlet_words=("words", "sum"))
    groups = Groups(m, ["outlet", "actor"])
    counts = groups.keys.assign(mentions=groups.size, articles_with_actor=groups.distinct(
        schema.codes(m["article_id"])[0]))
    out = counts.merge(per_outlet.reset_index(), on="outlet", how="left")
    out["per_1k_words"] = out["mentions"] / out["outlet_words"].clip(lower=1) * 1000
    out["share_of_articles_pct"] = out["articles_with_actor"] / out["outlet_articles"] * 100
    out = out.sort_values(["actor", "outlet"])
    return schema.conform(out, schema.FREQUENCIES)


def total_by_actor(freq: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """All selected outlets together, one row per actor (schema.FREQUENCIES, outlet "All"):
    `freq` is `count_mentions` of the same selection."""
    articles = selection.articles
    n_articles, n_words = len(articles), int(articles["words"].sum())
    out = freq.groupby("actor", as_index=False).agg(
        mentions=("mentions", "sum"), articles_with_actor=("articles_with_actor", "sum"))
    out["outlet"] = "All selected outlets"
    out["outlet_articles"], out["outlet_words"] = n_articles, n_words
    out["per_1k_words"] = out["mentions"] / max(n_words, 1) * 1000
    out["share_of_articles_pct"] = out["articles_with_actor"] / max(n_articles, 1) * 100
    out = out.sort_values(["mentions", "actor"], ascending=[False, True])
    return schema.conform(out, schema.FREQUENCIES)


def mentions_by_date(selection: Selection, actors: list[str], *,
                     kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Mentions per (period, actor) in the selection for the timeline (schema.BY_DATE), of
    `kinds` only if given. The period is a day, a week or a month, whichever keeps the
    selection's date span readable."""
    mentions = selection.table("mentions")
    keep = (mentions["actor"].isin(actors) & mentions["published"].notna()).to_numpy()
    m = mentions.loc[keep & selection.mask("mentions", kinds=kinds),
                     ["published", "actor", "article_id"]]
    if m.empty:
        return schema.empty(schema.BY_DATE)
    span = (m["published"].max() - m["published"].min()).days
    days = m["published"].to_numpy().astype("datetime64[D]")
    if span <= 90:
        period, length = days, "day"
    elif span <= 730:  # weeks from Monday (1970-01-01 was a Thursday)
        period, length = days - (days.astype(np.int64) + 3) % 7, "week"
    else:
        period, length = days.astype("datetime64[M]").astype("datetime64[D]"), "month"
    coded = pd.DataFrame({"period": period.astype("datetime64[ns]"), "actor": m["actor"]})
    groups = Groups(coded, ["period", "actor"])
    out = groups.keys.assign(mentions=groups.size,
                             articles=groups.distinct(schema.codes(m["article_id"])[0]))
    # Every period of the span for every actor named in it, zeros included: a line that
    # skipped its empty weeks would join two mentions months apart as if steady.
    step = {"day": "D", "week": "7D", "month": "MS"}[length]
    periods = pd.date_range(out["period"].min(), out["period"].max(), freq=step)
    named = [a for a in actors if a in set(out["actor"])]
    full = pd.MultiIndex.from_product([periods, named], names=["period", "actor"])
    out = (out.set_index(["period", "actor"]).reindex(full, fill_value=0).reset_index())
    out["period_length"] = length
    return schema.conform(out, schema.BY_DATE)


def surface_forms(mentions: pd.DataFrame) -> pd.DataFrame:
    """Which surface forms were merged into each actor, with counts (schema.SURFACES)."""
    m = mentions[mentions["actor"] != ""]
    out = m.groupby(["actor", "kind", "surface"], as_index=False).agg(mentions=("surface", "size"))
    out = out.sort_values(["actor", "mentions"], ascending=[True, False])
    return schema.conform(out, schema.SURFACES)


MEASURES = {
    "mentions": "Mentions (raw count)",
    "per_1k_words": "Mentions per 1,000 words",
    "share_of_articles_pct": "% of the outlet's articles naming the actor",
}


def frequency_matrix(freq: pd.DataFrame, actors: list[str], measure: str) -> pd.DataFrame:
    """Actor × outlet table of one measure, actors in the given order, zeros where none."""
    wide = freq[freq["actor"].isin(actors)].pivot_table(
        index="actor", columns="outlet", values=measure, aggfunc="sum", fill_value=0)
    return wide.reindex(actors).fillna(0)


def registry_table(registry: Registry, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per registry actor with what it matches and how often (schema.REGISTRY_VIEW)."""
    resolved = mentions[mentions["actor"] != ""]
    counts = resolved["actor"].value_counts()
    articles = resolved.groupby("actor", observed=True)["article_id"].nunique()
    outlets = resolved.groupby("actor", observed=True)["outlet"].nunique()
    rows = [{"actor": a.name, "type": a.type,
             "status": "discovered" if a.discovered else "confirmed",
             "affiliation": a.affiliation,
             "aliases": ", ".join(a.aliases), "short": ", ".join(a.short),
             "roles": ", ".join(r.text for r in a.roles), "metonyms": ", ".join(a.metonyms),
             "mentions": int(counts.get(a.name, 0)), "articles": int(articles.get(a.name, 0)),
             "outlets": int(outlets.get(a.name, 0))} for a in registry.actors]
    return schema.conform(pd.DataFrame(rows, columns=list(schema.REGISTRY_VIEW)),
                          schema.REGISTRY_VIEW)


def review_table(registry: Registry, mentions: pd.DataFrame, sentence_text) -> pd.DataFrame:
    """registry_table with what a review needs: a tick column, an empty "rename" column, and a
    sentence that mentions each actor (its first); most-mentioned first."""
    table = registry_table(registry, mentions)
    resolved = mentions[mentions["actor"] != ""]
    first = resolved.drop_duplicates("actor")
    examples = dict(zip(first["actor"].astype(str), sentence_text(first))) if len(first) else {}
    table.insert(0, "select", False)
    table.insert(2, "rename", "")
    table["example"] = table["actor"].map(examples).fillna("")
    return table.sort_values(["mentions", "actor"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def changed_rows(before: pd.DataFrame, after: pd.DataFrame) -> list[dict]:
    """The review table's rows whose name, type, aliases or short forms were edited, as
    edit_actors takes them."""
    cols = ["rename", "type", "aliases", "short"]
    old = before.set_index("actor")[cols]
    new = after.set_index("actor")[cols]
    out = []
    for actor in new.index:
        if actor in old.index and not new.loc[actor].equals(old.loc[actor]):
            row = new.loc[actor]
            out.append({"actor": actor, "name": row["rename"].strip() or actor,
                        "type": row["type"], "aliases": row["aliases"], "short": row["short"]})
    return out
