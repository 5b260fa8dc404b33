"""Search: a query language for the counted text, matched sentence by sentence.

A query is words, "exact phrases", word* prefixes, OR between two of them, and NOT / -word
to exclude; case is folded and accents ignored (NFKD, combining marks dropped). Every part of a
query holds in one sentence: a phrase never crosses a sentence break, and `balloon -China`
finds the sentences that say balloon and not China.

Matching runs on SQLite's FTS5 (Python's standard sqlite3, nothing to start), over the full-text
tables of the corpus's sentences (analysis.fulltext: kept with the index, one per stored part),
tokenized by unicode61 with `remove_diacritics 2`. The user's text never reaches SQLite as
written: `parse_query` reads it into terms of letters and digits only, and `Query.fts` writes
each term as a quoted FTS5 string, passed as a bound parameter. The tables record which
sentences hold each token, not where (`detail=none`), so FTS5 answers the sentences that hold
every word of a query; the matches inside them (a phrase's words in order, for highlighting,
the counts and the concordance) are then found by a regular expression built from the same
terms on the case- and accent-folded sentence, mapped back to the sentence's own characters.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from analysis import schema
from analysis.fulltext import fulltext
from analysis.selection import Selection

MAX_QUERY_CHARS = 500  # longer than any query a person types; a pasted article is refused
MAX_TERMS = 20
MAX_QUERIES = 5  # compared side by side (one colour each)
TOKEN = re.compile(r"[^\W_]+")  # letters and digits: what unicode61 keeps as a token

MATCHES: schema.Schema = {
    "article_id": "str",
    "outlet": "str",
    "published": "datetime64[ns]",
    "sentence_id": "int64",
    "start": "int64",  # characters within the sentence
    "end": "int64",
    "match": "str",  # the sentence's text at [start, end)
}
COUNTS: schema.Schema = {
    "outlet": "str",
    "matches": "int64",
    "matching_articles": "int64",
    "outlet_articles": "int64",
    "outlet_words": "int64",
    "per_1k_words": "float64",
    "share_of_articles_pct": "float64",
}
BY_DATE: schema.Schema = {
    "period": "datetime64[ns]",  # start of the day, week or month
    "matches": "int64",
    "articles": "int64",  # articles of that period with a match
    "period_length": "str",
}
KWIC: schema.Schema = {
    "article_id": "str",
    "outlet": "str",
    "published": "datetime64[ns]",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "left": "str",
    "match": "str",
    "right": "str",
}


class QueryError(ValueError):
    """A query that cannot be read; the message says what is wrong and how to write it."""


def fold(text: str) -> str:
    """Lower-cased, accents dropped: "Émigré" -> "emigre". Lower-cased, not case-folded, as
    FTS5's unicode61 does: "ß" stays "ß" (`Straße` is not found by `strasse`)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_FOLDS: dict[int, str] = {ord(c): c.lower() for c in map(chr, range(128))}  # code point -> its
# fold, for str.translate: ASCII's is its lower case; the others are learnt as they are met
_IRREGULAR: set[str] = set()  # characters whose fold is not one character ("ß", "ﬁ", marks)
_LOWERED: set[str] = set()  # characters beyond ASCII whose fold is their str.lower() (most)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _learn_folds(text: str) -> set[str]:
    """Learn the fold of each character of `text` not met yet; returns the characters it
    holds beyond ASCII."""
    chars = set(_NON_ASCII.findall(text))
    for c in [c for c in chars if ord(c) not in _FOLDS]:
        f = fold(c)
        _FOLDS[ord(c)] = f
        if len(f) != 1:
            _IRREGULAR.add(c)
        if f == c.lower():
            _LOWERED.add(c)
    return chars


def _folded(text: str, chars: set[str]) -> str:
    """fold(text) for a text of one-character folds: str.lower where that is the same for
    each of its characters beyond ASCII (`chars`), as it mostly is, and many times faster
    than translate."""
    return text.lower() if chars <= _LOWERED else text.translate(_FOLDS)


def _folded_with_offsets(text: str) -> tuple[str, np.ndarray]:
    """`fold(text)` and, for each of its characters, the index of the character of `text` it
    came from (a ligature or "ß" folds to several, a lone combining mark to none)."""
    chars = _learn_folds(text)
    if _IRREGULAR.isdisjoint(chars):  # one character each: the offsets are the positions
        return _folded(text, chars), np.arange(len(text), dtype=np.int64)
    out, where = [], []
    for i, c in enumerate(text):
        f = _FOLDS[ord(c)]
        out.append(f)
        where.extend([i] * len(f))
    return "".join(out), np.asarray(where, dtype=np.int64)


@dataclass(frozen=True)
class Term:
    """One thing to find: its folded tokens in order (a word is a one-token phrase); with
    `prefix`, the last token may go on ("negotiat*")."""

    tokens: tuple[str, ...]
    prefix: bool = False

    @property
    def fts(self) -> str:
        """The sentences that hold every token (their order is checked on the text: the
        full-text tables keep no positions)."""
        quoted = ['"' + t.replace('"', '""') + '"' for t in self.tokens]
        if self.prefix:
            quoted[-1] += "*"
        return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"

    @property
    def body(self) -> str:
        """A regular expression for the folded text, but for the boundary before it: the
        tokens, any non-token characters between them (as FTS5 reads a phrase), and no token
        character after it. It starts with a literal, which `re` looks for fast."""
        parts = [re.escape(t) for t in self.tokens]
        if self.prefix:
            parts[-1] += r"[^\W_]*"
        return r"(?:[^\w\x00]|_)+".join(parts) + r"(?![^\W_])"

    @property
    def pattern(self) -> str:
        """`body` with the boundary before it: the term's tokens whole."""
        return r"(?<![^\W_])" + self.body

    def __str__(self) -> str:
        text = " ".join(self.tokens)
        return (f'"{text}"' if len(self.tokens) > 1 else text) + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Query:
    """Sentences that hold, for every group of `include`, one of its terms, and none of
    `exclude`."""

    text: str  # as the user wrote it
    include: tuple[tuple[Term, ...], ...]  # AND of ORs
    exclude: tuple[Term, ...] = ()

    @property
    def fts(self) -> str:
        """The FTS5 MATCH expression: every term a quoted string, nothing of the user's raw."""
        groups = [g[0].fts if len(g) == 1 else "(" + " OR ".join(t.fts for t in g) + ")"
                  for g in self.include]
        expr = " AND ".join(groups)
        words = [t for t in self.exclude if len(t.tokens) == 1]  # (a phrase: checked on the text)
        if words:
            expr = f"({expr}) NOT (" + " OR ".join(t.fts for t in words) + ")"
        return expr

    @property
    def terms(self) -> list[Term]:
        """The terms whose occurrences are the matches (the excluded ones never occur)."""
        return [t for g in self.include for t in g]

    @cached_property
    def _ordered(self) -> list[int]:
        """The terms' indexes, longest first (where two overlap, the longer is the match)."""
        terms = self.terms
        return sorted(range(len(terms)), key=lambda i: -len(" ".join(terms[i].tokens)))

    @cached_property
    def regex(self) -> re.Pattern:
        """The terms as one alternation, longest first: what `occurrences` finds (the plain
        definition of it)."""
        return re.compile("|".join(f"(?:{self.terms[i].pattern})" for i in self._ordered))

    @cached_property
    def _bodies(self) -> list[re.Pattern]:
        return [re.compile(self.terms[i].body) for i in self._ordered]

    def occurrences(self, folded: str) -> list[tuple[int, int, int]]:
        """(start, end, term index) of each occurrence of the terms in a folded text, as
        `regex.finditer` finds them (from the left, none overlapping, the longest term where
        several start at one place), found a term at a time by its literal start with the
        boundary before it checked here (a token character is one str.isalnum holds), each
        start tried, then the earliest kept: many times faster than the alternation, whose
        lookbehind runs at every place of the text."""
        found = []
        for rank, body in enumerate(self._bodies):
            search, at = body.search, 0
            while (m := search(folded, at)) is not None:
                a = m.start()
                if a == 0 or not folded[a - 1].isalnum():
                    found.append((a, m.end(), rank))
                at = a + 1
        found.sort()
        out, end, order = [], 0, self._ordered
        for a, b, rank in found:
            if a >= end:
                out.append((a, b, order[rank]))
                end = b
        return out

    @cached_property
    def group_of(self) -> np.ndarray:
        """Per term, its group of `include` (every group must occur in a matching sentence)."""
        return np.asarray([g for g, group in enumerate(self.include) for _ in group],
                          dtype=np.int64)

    def excluded(self, *, words: bool) -> re.Pattern | None:
        """The excluded terms of several words (which FTS5 cannot leave out without positions),
        and with `words` the one-word ones too."""
        terms = [t for t in self.exclude if words or len(t.tokens) > 1]
        return re.compile("|".join(f"(?:{t.pattern})" for t in terms)) if terms else None

    def __str__(self) -> str:
        parts = [" OR ".join(str(t) for t in g) for g in self.include]
        return " ".join(parts + [f"-{t}" for t in self.exclude])


HELP = """\
- **words**: `balloon spy` finds sentences with both words, anywhere in the sentence.
- **"exact phrase"**: `"spy balloon"`, the words in this order, inside one sentence.
- **OR**: `decoupling OR de-risking`, either one (write OR in capitals).
- **NOT** or **-**: `balloon -weather`, `balloon NOT weather` or `balloon -"weather balloon"`,
  leave out sentences with it.
- **prefix\\***: `negotiat*` finds negotiate, negotiations, negotiator.
- Case and accents are ignored: `beijing` finds Beijing, `emigre` finds émigré.
- Punctuation inside a word splits it: `U.S.` is the phrase "u s" (it does not find "US";
  ask for `U.S. OR US` to get both), `China's` is "china s".
- One query per line, up to five, compared in one colour each. "Save a query as a topic"
  adds it to the corpus's topics (Compare outlets → Topics).
"""


def _word(raw: str) -> Term | None:
    """A bare word of a query as a term; None where it holds no letter or digit."""
    prefix = raw.endswith("*")
    body = raw.rstrip("*")
    if "*" in body:
        raise QueryError(f"'{raw}': a * goes at the end of a word, as in negotiat*.")
    tokens = tuple(TOKEN.findall(fold(body)))
    if not tokens:
        if prefix:
            raise QueryError("A * needs at least one letter before it, as in negotiat*.")
        return None
    return Term(tokens, prefix)


_PIECE = re.compile(r'(-?)"([^"]*)"(\*?)|(\S+)')


def parse_query(text: str) -> Query:
    """Read a query (see HELP); raises QueryError saying what is wrong and how to write it."""
    if text is None or not text.strip():
        raise QueryError("The query is empty: type a word, or a \"phrase\" in double quotes.")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query is {len(text):,} characters long; keep it under "
                         f"{MAX_QUERY_CHARS} (a few words, phrases and ORs).")
    text = text.replace("“", '"').replace("”", '"').replace("„", '"')
    if text.count('"') % 2:
        raise QueryError('A double quote is not closed: write phrases as "spy balloon", '
                         'with a quote at each end.')
    include: list[list[Term]] = []
    exclude: list[Term] = []
    negate = join = False
    last_positive = False  # whether the previous item can take an OR
    for m in _PIECE.finditer(text):
        dash, phrase, star, bare = m.group(1), m.group(2), m.group(3), m.group(4)
        if bare == "OR":
            if not last_positive or join:
                raise QueryError("OR goes between two things to find, as in "
                                 "decoupling OR de-risking.")
            join = True
            continue
        if bare == "NOT":
            if negate or join:
                raise QueryError("NOT must be followed by a word or phrase to leave out, as in "
                                 "balloon NOT weather.")
            negate = True
            continue
        minus = bool(dash) or (bare is not None and bare.startswith("-") and len(bare) > 1)
        if minus:
            if join:
                raise QueryError("OR cannot join an excluded word: write a OR b -c.")
            negate, bare = True, bare[1:] if bare is not None else None
        if phrase is not None:
            tokens = tuple(TOKEN.findall(fold(phrase)))
            if not tokens:
                raise QueryError('An empty phrase "": put words between the quotes.')
            term: Term | None = Term(tokens, bool(star))
        else:
            term = _word(bare)
        if term is None:  # punctuation only: nothing to find
            if negate and minus:
                negate = False
            continue
        if negate:
            if join:
                raise QueryError("OR cannot join an excluded word: write a OR b -c.")
            exclude.append(term)
            negate, last_positive = False, False
        elif join:
            include[-1].append(term)
            join, last_positive = False, True
        else:
            include.append([term])
            last_positive = True
    if negate:
        raise QueryError("NOT (or -) must be followed by a word or phrase to leave out, as "
                         "in balloon NOT weather.")
    if join:
        raise QueryError("OR needs something after it, as in decoupling OR de-risking.")
    if not include:
        raise QueryError("Nothing to find: the query only leaves things out (NOT / -) or has "
                         "no letters. Add a word to find, as in balloon -weather.")
    if sum(len(g) for g in include) + len(exclude) > MAX_TERMS:
        raise QueryError(f"More than {MAX_TERMS} words and phrases: split the query in two.")
    return Query(text, tuple(tuple(g) for g in include), tuple(exclude))


# ------------------------------------------------------------------------------ matching
def spans(query: Query, sentence: str) -> list[tuple[int, int, int]]:
    """(start, end, term) of each occurrence of the query's terms in `sentence`: its characters
    and the term's index in query.terms."""
    folded, where = _folded_with_offsets(sentence)
    return [(int(where[a]), int(where[b - 1]) + 1, t) for a, b, t in query.occurrences(folded)]


def _find(query: Query, texts: list[str]) -> tuple[np.ndarray, ...]:
    """(which text, start, end, term) of every occurrence of the query's terms in `texts`: one
    pass of Query.occurrences over the texts joined by NUL (which no term crosses), or one text
    at a time where a character folds to more or fewer than one."""
    if not texts:
        return (np.zeros(0, dtype=np.int64),) * 4
    joined = "\x00".join(texts)
    chars = _learn_folds(joined)
    offsets = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]).astype(np.int64)
    if joined.count("\x00") != len(texts) - 1:  # a NUL of the text itself: a separator to us
        texts = [t.replace("\x00", " ") for t in texts]
        joined = "\x00".join(texts)
    odd = "".join(sorted(_IRREGULAR & chars))  # texts holding one are read one at a time
    at_odd = ([m.start() for m in re.finditer("[" + re.escape(odd) + "]", joined)] if odd else [])
    slow = np.unique(np.searchsorted(offsets, np.asarray(at_odd, dtype=np.int64), side="right") - 1)
    if len(slow):
        texts = list(texts)
        kept = {int(k): texts[k] for k in slow}
        for k in kept:
            texts[k] = " " * len(texts[k])  # (same length: the offsets still hold)
        joined = "\x00".join(texts)
    at = np.asarray(query.occurrences(_folded(joined, chars - _IRREGULAR)),
                    dtype=np.int64).reshape(-1, 3)
    which = np.searchsorted(offsets, at[:, 0], side="right") - 1
    starts, ends, terms = at[:, 0] - offsets[which], at[:, 1] - offsets[which], at[:, 2]
    if len(slow):
        more = [(k, *hit) for k, t in kept.items() for hit in spans(query, t)]
        if more:
            extra = np.asarray(more, dtype=np.int64)
            which, starts, ends, terms = (np.concatenate([x, extra[:, i]]) for i, x in
                                          enumerate((which, starts, ends, terms)))
            order = np.lexsort((starts, which))
            which, starts, ends, terms = which[order], starts[order], ends[order], terms[order]
    return which, starts, ends, terms


def _holding(query: Query, texts: list[str], which: np.ndarray, terms: np.ndarray, *,
             words_excluded: bool = True) -> np.ndarray:
    """Per occurrence, whether its sentence matches the whole query: one of each group's terms
    occurs in it (FTS5 found the sentences holding the words; this checks phrases' order) and
    no excluded phrase does (nor, unless FTS5 left them out already, `words_excluded`, an
    excluded word)."""
    held = np.zeros((len(texts), len(query.include)), dtype=bool)
    held[which, query.group_of[terms]] = True
    ok = held.all(axis=1)
    pattern = query.excluded(words=not words_excluded)
    if pattern is not None:
        for i in np.flatnonzero(ok).tolist():
            if pattern.search(_folded_with_offsets(texts[i])[0]):
                ok[i] = False
    return ok[which]


def sentence_hits(query: Query, texts: list[str]) -> list[list[str]]:
    """For each text (a sentence), the words of it that match `query`, or [] where it does
    not match: the same reading as `search`, without the full-text tables (topics.toml's
    saved queries, tagged as each article is analysed)."""
    which, starts, ends, terms = _find(query, texts)
    keep = _holding(query, texts, which, terms, words_excluded=False)
    out: list[list[str]] = [[] for _ in texts]
    for i, a, b in zip(which[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()):
        out[i].append(texts[i][a:b])
    return out


def _as_query(query: Query | str) -> Query:
    return query if isinstance(query, Query) else parse_query(query)


def search(selection: Selection, query: Query | str, *, actor: str | None = None,
           with_sentence: bool = False) -> pd.DataFrame:
    """Every occurrence of the query's terms in the selected articles' sentences that match it
    (MATCHES, in corpus order); with `actor`, in sentences that name that actor only; with
    `with_sentence`, each row's sentence text too (a `sentence` column: read once, here)."""
    query = _as_query(query)
    corpus = selection.corpus
    rows = fulltext(corpus).rows(query.fts)
    if not selection.everything and len(rows):
        rows = rows[selection.mask("sentences")[rows]]
    s = corpus.sentences
    if actor is not None and len(rows):
        mentions = selection.table("mentions")
        named = mentions.loc[(mentions["actor"] == actor).to_numpy(), ["article_id", "sentence_id"]]
        keys = pd.MultiIndex.from_arrays([named["article_id"].astype(str), named["sentence_id"]])
        mine = s.iloc[rows]
        rows = rows[pd.MultiIndex.from_arrays([mine["article_id"].astype(str),
                                               mine["sentence_id"]]).isin(keys)]
    sch = {**MATCHES, "sentence": "str"} if with_sentence else MATCHES
    if not len(rows):
        return schema.empty(sch)
    texts = corpus.sentence_text_at(rows)
    which, starts, ends, terms = _find(query, texts)
    keep = _holding(query, texts, which, terms)
    which, starts, ends = which[keep], starts[keep], ends[keep]
    listed = which.tolist()
    at = rows[which]
    position = corpus.sentence_position[at]
    articles = corpus.articles
    found = pd.DataFrame({
        "article_id": articles["article_id"].astype(str).to_numpy()[position],
        "outlet": articles["outlet"].to_numpy()[position],
        "published": articles["published"].to_numpy()[position],
        "sentence_id": s["sentence_id"].to_numpy()[at], "start": starts, "end": ends,
        "match": [texts[i][a:b] for i, a, b in zip(listed, starts.tolist(), ends.tolist())]})
    if with_sentence:
        found["sentence"] = [texts[i] for i in listed]
    return schema.conform(found, sch)


def in_article(corpus, matches: pd.DataFrame, article_id: str) -> list[tuple[int, int]]:
    """The `matches` (MATCHES or KWIC rows) of one article as (start, end) of its text."""
    mine = matches[matches["article_id"].astype(str) == article_id]
    s = corpus.sentences
    starts = s.loc[(s["article_id"] == article_id).to_numpy()].set_index("sentence_id")["start"]
    offset = starts.reindex(mine["sentence_id"]).to_numpy()
    return list(zip((offset + mine["start"].to_numpy()).tolist(),
                    (offset + mine["end"].to_numpy()).tolist()))


def count_matches(selection: Selection, matches: pd.DataFrame) -> pd.DataFrame:
    """Matches per selected outlet with the denominators (COUNTS): every selected outlet has a
    row, zeros included."""
    per_outlet = selection.articles.groupby("outlet", observed=True).agg(
        outlet_articles=("article_id", "size"), outlet_words=("words", "sum"))
    found = matches.groupby("outlet").agg(matches=("article_id", "size"),
                                          matching_articles=("article_id", "nunique"))
    out = per_outlet.join(found, how="left").fillna({"matches": 0, "matching_articles": 0})
    out = out.reset_index()
    out["per_1k_words"] = out["matches"] / out["outlet_words"].clip(lower=1) * 1000
    out["share_of_articles_pct"] = out["matching_articles"] / out["outlet_articles"] * 100
    return schema.conform(out.sort_values("outlet"), COUNTS)


def period_length(selection: Selection) -> str:
    """day, week or month: whichever keeps the selection's date span readable (as
    counts.mentions_by_date)."""
    dated = selection.articles["published"].dropna()
    span = (dated.max() - dated.min()).days if len(dated) else 0
    return "day" if span <= 90 else "week" if span <= 730 else "month"


def _periods(published: pd.Series, length: str) -> np.ndarray:
    days = published.to_numpy().astype("datetime64[D]")
    if length == "week":  # from Monday (1970-01-01 was a Thursday)
        return days - (days.astype(np.int64) + 3) % 7
    if length == "month":
        return days.astype("datetime64[M]").astype("datetime64[D]")
    return days


PERIODS = ("day", "week", "month")


def matches_by_date(selection: Selection, matches: pd.DataFrame, *,
                    length: str | None = None) -> pd.DataFrame:
    """Matches per period (`length`: day, week or month; default: `period_length`) over the
    selection's whole date span, periods without a match as zeros (BY_DATE); undated articles
    are left out."""
    dated = selection.articles["published"].dropna()
    if dated.empty:
        return schema.empty(BY_DATE)
    if length is not None and length not in PERIODS:
        raise ValueError(f"period: one of {', '.join(PERIODS)}")
    length = length or period_length(selection)
    step = {"day": "D", "week": "7D", "month": "MS"}[length]
    bounds = _periods(pd.Series([dated.min(), dated.max()]), length).astype("datetime64[ns]")
    periods = pd.date_range(bounds[0], bounds[1], freq=step)
    m = matches[matches["published"].notna()]
    coded = pd.DataFrame({"period": _periods(m["published"], length).astype("datetime64[ns]"),
                          "article_id": m["article_id"].to_numpy()})
    got = coded.groupby("period").agg(matches=("article_id", "size"),
                                      articles=("article_id", "nunique"))
    out = got.reindex(periods, fill_value=0).rename_axis("period").reset_index()
    out["period_length"] = length
    return schema.conform(out, BY_DATE)


def kwic(matches: pd.DataFrame, sentences: list[str], *, width: int = 60) -> pd.DataFrame:
    """Keyword in context (KWIC): each match with up to `width` characters of its sentence on
    each side; `sentences` holds each match's sentence text, row for row."""
    if matches.empty:
        return schema.empty(KWIC)
    left, right = [], []
    for text, start, end in zip(sentences, matches["start"], matches["end"]):
        lo = text[max(0, start - width):start]
        left.append(("…" if start > width else "") + lo)
        right.append(text[end:end + width] + ("…" if len(text) > end + width else ""))
    out = matches.assign(left=left, right=right)
    return schema.conform(out, KWIC)


SORTS = {"outlet": "outlet, then date", "date": "date", "left": "words to the left",
         "right": "words to the right"}


def sort_kwic(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """The concordance sorted as concordancers do: `left` by the word just before the match,
    then the one before it; `right` by the words just after; or by outlet or date."""
    if by not in SORTS:
        raise ValueError(f"sort by one of {', '.join(SORTS)}")
    if by == "outlet":
        return table.sort_values(["outlet", "published", "article_id"], kind="stable")
    if by == "date":
        return table.sort_values(["published", "outlet", "article_id"], kind="stable")
    if by == "left":
        key = [" ".join(reversed(TOKEN.findall(fold(t)))) for t in table["left"]]
    else:
        key = [" ".join(TOKEN.findall(fold(t))) for t in table["right"]]
    order = sorted(range(len(key)), key=lambda i: (key[i], i))
    return table.iloc[order]
