"""The sentences behind a number: how many mentions and sentences of an actor a selection
holds, those sentences with every span of the actor in them, and the spans read back."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import schema
from analysis.selection import Selection


EVIDENCE_INPUT = ["article_id", "sentence_id", "outlet", "published", "start", "end", "kind",
                  "surface"]  # the mention columns evidence reads


Period = tuple[pd.Timestamp, pd.Timestamp]  # [start, end) of publication dates


def period_of(start, length: str) -> Period:
    """The day, week or month (`length`) that begins at `start`, as [start, end)."""
    start = pd.Timestamp(start).normalize()
    step = {"day": pd.Timedelta(days=1), "week": pd.Timedelta(days=7),
            "month": pd.DateOffset(months=1)}[length]
    return start, start + step


def _of_actor(selection: Selection, actor: str, outlet: str | None,
              kinds: tuple[str, ...] | None, period: Period | None = None) -> np.ndarray:
    """Which rows of the mention table mention `actor` in the selection (in `outlet`, of
    `kinds`, published in `period`), as a boolean mask."""
    mentions = selection.table("mentions")
    keep = (mentions["actor"] == actor).to_numpy() & selection.mask("mentions", kinds=kinds)
    if outlet:
        keep = keep & (mentions["outlet"] == outlet).to_numpy()
    if period is not None:
        published = mentions["published"]
        keep = keep & ((published >= period[0]) & (published < period[1])).to_numpy(bool)
    return keep


def evidence_counts(selection: Selection, actor: str, *, outlet: str | None = None,
                    kinds: tuple[str, ...] | None = None, period: Period | None = None
                    ) -> tuple[int, int]:
    """How many mentions of `actor` the selection holds (in `outlet`, of `kinds`, published in
    `period`, if given), and in how many sentences."""
    mentions = selection.table("mentions")
    m = mentions.loc[_of_actor(selection, actor, outlet, kinds, period),
                     ["article_id", "sentence_id"]]
    return len(m), len(m.drop_duplicates())


def _first_sentences(m: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The rows of the first `limit` sentences by date (then article and sentence), in that
    order. Only the rows up to a date cut-off are sorted: those of the earliest `k` rows' dates,
    `k` growing until they hold `limit` sentences (an actor can have a million mentions). A
    sentence's rows share its article's date, so a cut-off never splits a sentence."""
    dates = m["published"].to_numpy("datetime64[ns]").view(np.int64).copy()
    dates[m["published"].isna().to_numpy()] = np.iinfo(np.int64).max  # undated last
    k = limit
    while k < len(m):
        head = m[dates <= np.partition(dates, k - 1)[k - 1]]
        if len(head[["article_id", "sentence_id"]].drop_duplicates()) >= limit:
            m = head
            break
        k *= 4
    m = m.sort_values(["published", "article_id", "sentence_id"], kind="stable")
    first = ~m.duplicated(["article_id", "sentence_id"])
    return m[first.cumsum().to_numpy() <= limit]


def evidence_sentences(selection: Selection, actor: str, *, outlet: str | None = None,
                       limit: int | None = None, kinds: tuple[str, ...] | None = None,
                       period: Period | None = None) -> pd.DataFrame:
    """The sentences behind a number: one row per sentence of the selection naming `actor`
    (schema.EVIDENCE; in `outlet`, of `kinds`, published in `period`, if given), with every
    span of that actor in it; the first `limit` sentences by date, or all. Their text is read
    for these sentences only (Corpus.sentence_text)."""
    return _evidence(selection, _of_actor(selection, actor, outlet, kinds, period), limit)


def co_mention_sentences(selection: Selection, a: str, b: str, *, outlet: str | None = None,
                         limit: int | None = None) -> pd.DataFrame:
    """The sentences of the selection (of `outlet`, if given) that name both `a` and `b`, with
    the spans of both (schema.EVIDENCE): the sentences behind a co-mention count."""
    mentions = selection.table("mentions")
    of_a, of_b = (_of_actor(selection, x, outlet, None) for x in (a, b))

    def keys(mask: np.ndarray) -> pd.MultiIndex:
        return pd.MultiIndex.from_arrays([mentions["article_id"].astype(str).to_numpy()[mask],
                                          mentions["sentence_id"].to_numpy()[mask]])

    both = keys(of_a).intersection(keys(of_b))
    either = of_a | of_b
    keep = np.zeros(len(mentions), dtype=bool)
    keep[np.flatnonzero(either)[keys(either).isin(both)]] = True
    return _evidence(selection, keep, limit)


def _evidence(selection: Selection, keep: np.ndarray, limit: int | None) -> pd.DataFrame:
    """EVIDENCE of the mention rows `keep`: one row per sentence, every kept span in it."""
    mentions, sentence_text = selection.table("mentions"), selection.corpus.sentence_text
    if limit is None:
        m = mentions.loc[keep, EVIDENCE_INPUT]
    else:  # chosen on the three columns that order them, the rest read for those rows only
        first = _first_sentences(mentions.loc[keep, ["published", "article_id", "sentence_id"]],
                                 limit)
        m = mentions.loc[first.index, EVIDENCE_INPUT]
    if m.empty:
        return schema.empty(schema.EVIDENCE)
    flat = pd.DataFrame({
        "article_id": m["article_id"].astype(str), "sentence_id": m["sentence_id"],
        "outlet": m["outlet"].astype(str), "published": m["published"],
        "sentence": sentence_text(m),
        "span": m["start"].astype(str) + "-" + m["end"].astype(str),
        "kind": m["kind"].astype(str), "surface": m["surface"].astype(str), "start": m["start"]})
    flat = flat.sort_values(["article_id", "sentence_id", "start"])
    shared = flat.duplicated(["article_id", "sentence_id"], keep=False)  # a few sentences only

    def distinct(values: pd.Series) -> str:
        return ", ".join(pd.unique(values))

    grouped = flat[shared].groupby(["article_id", "sentence_id"], sort=False, as_index=False).agg(
        outlet=("outlet", "first"), published=("published", "first"),
        sentence=("sentence", "first"), spans=("span", ";".join), kinds=("kind", distinct),
        surfaces=("surface", distinct), mentions=("span", "size"))
    single = flat[~shared].rename(columns={"span": "spans", "kind": "kinds",
                                           "surface": "surfaces"}).assign(mentions=1)
    out = pd.concat([single[list(grouped.columns)], grouped], ignore_index=True)
    return schema.conform(out.sort_values(["published", "article_id", "sentence_id"]), schema.EVIDENCE)


def parse_spans(spans: str) -> list[tuple[int, int]]:
    return [tuple(map(int, s.split("-"))) for s in spans.split(";") if s]  # type: ignore[misc]
