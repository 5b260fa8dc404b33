"""Names the registry does not know yet: frequent capitalised names no actor claims, offered
as candidates for new actors."""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from analysis import schema
from analysis.actors import Registry
from analysis.mentions import SENTENCE_START, Matcher

_CAP_WORD = r"[A-Z][a-z’']+(?:-[A-Z]?[a-z’']+)*"
_CAP_SEQ = re.compile(rf"\b{_CAP_WORD}(?:\s+(?:[A-Z]\.\s+)?{_CAP_WORD})*")
_NOT_NAMES = frozenset(
    "The This That These Those There Their They Then When While After Before But And For "
    "With Without From Since Still Instead However Meanwhile Nonetheless Perhaps Both Some "
    "Many Most Other Another Last Next Former In On At As If It Its Our We He She His Her "
    "Mr Ms Mrs Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
    "March April May June July August September October November December Secretary President "
    "Minister Vice Premier General Speaker Rep Sen Gen Ambassador Advisor Adviser Treasury "
    "Commerce Defense State Foreign National Security Chinese American Americans Russian "
    "Ukrainian Asian Republican Democratic Democrats Republicans Group Summit Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Today Yesterday Officials Beyond Despite During Although".split()
)


def discover_names(sentences: pd.DataFrame, mentions: pd.DataFrame, registry: Registry, *,
                   min_count: int = 2, limit: int = 40) -> pd.DataFrame:
    """Frequent capitalised names that no actor claims yet (schema.DISCOVERED): not matched
    as a mention, not a registry form (so "Beijing" as a place is not offered), and not a
    lone capitalised word opening a sentence."""
    forms = set(Matcher(registry).forms)
    claimed = {(r.article_id, r.sentence_id, s) for r in mentions.itertuples()
               for s in range(r.start, r.end)}
    counts: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    example: dict[str, str] = {}
    for row in sentences.itertuples():
        for m in _CAP_SEQ.finditer(row.text):
            words = m.group().split()
            while words and words[0].rstrip(".") in _NOT_NAMES:
                words = words[1:]
            name = " ".join(words)
            pos = m.end() - len(name)
            if (not name or name in _NOT_NAMES or name in forms or len(name) < 3
                    or (len(words) == 1 and SENTENCE_START.match(row.text[:pos]))):
                continue
            if any((row.article_id, row.sentence_id, p) in claimed for p in range(pos, pos + len(name))):
                continue
            counts[name] += 1
            articles.setdefault(name, set()).add(row.article_id)
            example.setdefault(name, row.text)
    rows = [{"name": n, "mentions": c, "articles": len(articles[n]), "example": example[n]}
            for n, c in counts.most_common() if c >= min_count][:limit]
    return schema.conform(pd.DataFrame(rows, columns=list(schema.DISCOVERED)), schema.DISCOVERED)
