"""Find every mention of a registry actor in the article text, and count them.

Rules (each has named test texts in tests/resources.py):
- Literal, case-sensitive matches on word boundaries: "Xi" never inside a word, "Bidenomics"
  is not Biden; possessives ("Xi's") and hyphenated compounds ("Xi-Biden", "U.S.-China") count.
- Longest match wins and a span is counted once ("President Joe Biden" is one mention: the
  title is dropped where a name follows it).
- Names longer than an alias that contain it are not the actor: the registry's `exclude` list
  ("South China Sea") and, generically, a country followed by a place or institution noun
  ("Taiwan Strait", "China Center", "U.S. Institute of Peace") or preceded by a compass word
  ("Latin America").
- Short forms (surnames) resolve to the person the article named most recently; shared ones
  ("Li", "Burns") with nobody named yet stay unresolved, never guessed. A short form that is
  also an English word ("He", "Sun") counts only mid-sentence, after the full name.
- Roles ("the foreign minister") count only when definite ("the …", "China's …"), not as a
  title before a name nor in apposition to the name; they resolve where valid on the
  article's date and either marked unambiguous or exactly one fitting person is named in the
  article. A demonym or possessive country before the role must match the affiliation.
- Metonyms (capitals) count where they act, not as places ("flew to Beijing", "officials in
  Beijing", "Washington visits", "Washington Post").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from analysis import schema
from analysis.actors import Registry, Role
from analysis.corpus import SentenceText
from analysis.filters import in_articles
from analysis.grouping import Groups

KINDS = ("name", "role", "metonym")

# Short forms that are also English words: counted only mid-sentence after the full name.
WORDLIKE = frozenset(
    "he she it we us may will sun long young rice page bush price hope little king brown green "
    "black white gray grey rose mark wing law chance power best love".split()
)
# Words before a capital that make it a place, not a government.
PLACE_BEFORE = frozenset(
    "in to from at into near across around outside inside through toward towards via "
    "visit visits visited visiting reach reached left arrive arrived arrives flew fly".split()
)
# Lower-case words after a capital that make it a place ("Washington visits").
PLACE_AFTER = frozenset(
    "visit visits trip trips bureau correspondent correspondents residents airport "
    "embassy consulate office offices-based".split()
)
# Capitalised words after a country that make a longer proper name ("Taiwan Strait").
NAME_HEADS = frozenset(
    "Sea Strait Straits Ocean Gulf Bay River Center Centre Institute University College "
    "Daily Times Post News Airlines Airways Bank Studies Program Programme Society Council "
    "Foundation Review Journal Herald Tribune Channel Mountains Basin Peninsula".split()
)
COMPASS = frozenset("North South East West Latin Central Northern Southern Eastern Western".split())
_SUFFIX = r"(?:,? (?:Jr\.|Sr\.|II|III|IV))?"
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\W*$")
_WORD_AFTER = re.compile(r"^([\s-]*)([\w’'.-]+)")
_DEFINITE = re.compile(r"(?:\b[Tt]he|['’]s)\s+(?:[\w.’'-]+\s+){0,2}$")
_APPOSITION = re.compile(r"^\s*,\s*(?:the\s+)?(?:[\w.’'-]+\s+){0,2}$")
_TITLE_AFTER = re.compile(r"^,?\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+")
_SENTENCE_START = re.compile(r"^[\s\"“‘'(\[—–-]*$")


@dataclass(frozen=True)
class _Form:
    kind: str  # name, short, role, metonym, exclude
    actors: tuple[str, ...]
    roles: tuple[tuple[str, Role], ...] = ()


class Matcher:
    """The registry compiled once: one regular expression over every surface form."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.actors = registry.by_name()
        forms: dict[str, _Form] = {}
        role_forms: dict[str, list[tuple[str, Role]]] = {}
        for a in registry.actors:
            for alias in a.all_aliases:
                forms[alias] = _Form("name", (a.name,))
            for m in a.metonyms:
                forms[m] = _Form("metonym", (a.name,))
            for ex in a.exclude:
                forms[ex] = _Form("exclude", ())
            for r in a.roles:
                role_forms.setdefault(r.text.lower(), []).append((a.name, r))
        shorts: dict[str, list[str]] = {}
        for a in registry.actors:
            for s in a.short:
                if s not in forms:
                    shorts.setdefault(s, []).append(a.name)
        for s, owners in shorts.items():
            forms[s] = _Form("short", tuple(owners))
        self.forms = forms
        self.role_forms = {k: _Form("role", tuple(dict.fromkeys(n for n, _ in v)), tuple(v))
                           for k, v in role_forms.items()}
        self.qualifiers: dict[str, str] = {}  # "Chinese", "China", "U.S." -> country
        for a in registry.actors:
            if a.type == "country":
                for q in (*a.all_aliases, *a.demonyms):
                    self.qualifiers[q] = a.name
        pats = []
        for text, form in sorted(forms.items(), key=lambda kv: -len(kv[0])):
            pats.append(self._pattern(text, form))
        for text in sorted(self.role_forms, key=len, reverse=True):
            pats.append("(?i:" + re.escape(text).replace(r"\ ", r"\s+") + ")")
        body = "|".join(sorted(pats, key=len, reverse=True))
        self.regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])") if pats else None

    def _pattern(self, text: str, form: _Form) -> str:
        esc = re.escape(text)
        actor = self.actors.get(form.actors[0]) if form.actors else None
        if form.kind == "name" and actor and actor.type == "person" and " " in text:
            first, _, last = text.rpartition(" ")
            # "Janet L. Yellen", "Lloyd J. Austin III"
            return rf"{re.escape(first)}(?:\s[A-Z]\.)?\s{re.escape(last)}{_SUFFIX}"
        return esc.replace(r"\ ", r"\s+")

    def lookup(self, surface: str) -> _Form | None:
        norm = re.sub(r"\s+", " ", surface)
        if norm in self.forms:
            return self.forms[norm]
        if norm.lower() in self.role_forms:
            return self.role_forms[norm.lower()]
        stripped = re.sub(r"\s[A-Z]\.(?=\s)", "", norm)
        stripped = re.sub(r",?\s(?:Jr\.|Sr\.|II|III|IV)$", "", stripped)
        return self.forms.get(stripped)

    def qualifier(self, before: str) -> str | None:
        """The country named right before a role ("the Chinese", "China's"), if any."""
        m = re.search(r"([\w.’'-]+(?:\s[\w.’'-]+)?)\s*$", before)
        if not m:
            return None
        words = m[1].split()
        for cand in (" ".join(words[-2:]), words[-1]):
            cand = re.sub(r"['’]s$", "", cand)
            if cand in self.qualifiers:
                return self.qualifiers[cand]
        return None


@dataclass
class _Hit:
    start: int
    end: int
    surface: str
    kind: str  # name, role, metonym
    actor: str
    candidates: tuple[str, ...]
    form_kind: str


def _published_day(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _word_before(text: str, tail: int = 40) -> re.Match | None:
    """_WORD_BEFORE.search(text): the last word and what follows it. Searched in the last
    `tail` characters first (a search from the start tries every position of a long
    sentence); that match is the one a full search finds where it starts after the cut and
    holds a word character (else the last word could begin before the cut)."""
    cut = len(text) - tail
    if cut > 0:
        m = _WORD_BEFORE.search(text, cut)
        if m and m.start() > cut and m[1].strip("’'.-"):
            return m
    return _WORD_BEFORE.search(text)


def _is_place(sentence: str, start: int, end: int) -> bool:
    before = _word_before(sentence[:start])
    after = _WORD_AFTER.match(sentence[end:])
    if before and before[1].lower() in PLACE_BEFORE:
        # "according to Washington", "people close to Beijing": the government acts.
        return not re.search(r"\b(?:according|close|loyal|ties)\s+to\s+$", sentence[:start], re.I)
    if after:
        gap, word = after[1], after[2].rstrip(".")
        if gap == "-" and word.lower().startswith("based"):
            return True
        if gap.strip() == "" and gap and (word in NAME_HEADS or word.lower() in PLACE_AFTER):
            return True
        if gap == " " and word[:1].isupper() and word not in ("And", "The"):
            return True  # part of a longer name: "Washington Post", "Beijing Olympics"
    return False


def _in_longer_name(sentence: str, start: int, end: int) -> bool:
    before = _word_before(sentence[:start])
    after = _WORD_AFTER.match(sentence[end:])
    if before and before[1] in COMPASS and sentence[:start].endswith(before[1] + " "):
        return True
    return bool(after and after[1] == " " and after[2] in NAME_HEADS)


def find_mentions_in_article(matcher: Matcher, sentences: list[tuple[int, str]],
                             published: date | None) -> list[tuple[int, _Hit]]:
    """(sentence_id, hit) for every mention in one article's sentences, in order."""
    if matcher.regex is None:
        return []
    # Each sentence's matches with their form, found once for the two passes below.
    found = [[(m, f) for m in matcher.regex.finditer(s)
              if (f := matcher.lookup(m.group())) is not None and f.kind != "exclude"]
             for _, s in sentences]
    # Who the article names in full, anywhere: the pool that roles resolve against.
    named = {f.actors[0] for matches in found for m, f in matches
             if f.kind == "name" or (
                 f.kind == "short" and len(f.actors) == 1 and m.group().lower() not in WORDLIKE)}
    introduced: dict[str, int] = {}  # actor -> order of the latest full-name mention
    order = 0
    out: list[tuple[int, _Hit]] = []
    for (sid, sentence), matches in zip(sentences, found):
        hits: list[_Hit] = []
        for m, form in matches:
            start, end, surface = m.start(), m.end(), m.group()
            order += 1
            if form.kind == "name":
                actor = matcher.actors[form.actors[0]]
                if actor.type == "country" and _in_longer_name(sentence, start, end):
                    continue
                introduced[actor.name] = order
                hits.append(_Hit(start, end, surface, "name", actor.name, (), "name"))
            elif form.kind == "metonym":
                if _is_place(sentence, start, end):
                    continue
                hits.append(_Hit(start, end, surface, "metonym", form.actors[0], (), "metonym"))
            elif form.kind == "short":
                sentence_initial = bool(_SENTENCE_START.match(sentence[:start]))
                known = sorted((a for a in form.actors if a in introduced),
                               key=lambda a: -introduced[a])
                if surface.lower() in WORDLIKE and (sentence_initial or not known):
                    continue
                if len(form.actors) == 1:
                    actor_name = form.actors[0]
                elif known:
                    actor_name = known[0]
                else:
                    hits.append(_Hit(start, end, surface, "name", "", form.actors, "short"))
                    continue
                introduced.setdefault(actor_name, order)
                hits.append(_Hit(start, end, surface, "name", actor_name, (), "short"))
            else:
                hits.append(_role_hit(matcher, form, sentence, start, end, published, named))
        out.extend((sid, h) for h in _drop_titles_and_appositions(sentence, hits) if h)
    return out


def _role_hit(matcher: Matcher, form: _Form, sentence: str, start: int, end: int,
              published: date | None, named: set[str]) -> _Hit | None:
    before = sentence[:start]
    if not _DEFINITE.search(before):
        return None  # "a vice premier", "now vice president for …": not a reference
    qual = matcher.qualifier(before)
    fits = [(n, r) for n, r in form.roles if r.valid_on(published)
            and (qual is None or matcher.actors[n].affiliation == qual)]
    names = tuple(dict.fromkeys(n for n, _ in fits))
    if not names:
        return None
    the = re.search(r"\b[Tt]he\s+(?:[\w.’'-]+\s+){0,2}$", before)
    surface_start = the.start() if the else start  # "the Chinese president", "China's premier"
    unambiguous = [n for n, r in fits if r.unambiguous]
    if len(names) == 1 and unambiguous:
        actor = names[0]
    else:
        in_article = [n for n in names if n in named]
        actor = in_article[0] if len(in_article) == 1 else ""
    return _Hit(surface_start, end, sentence[surface_start:end], "role", actor,
                () if actor else names, "role")


def _drop_titles_and_appositions(sentence: str, hits: list[_Hit | None]) -> list[_Hit]:
    """A role right before a name is a title ("Foreign Minister Wang Yi"); a role right after
    the same person's name is an apposition ("Wang, the foreign minister,"): one reference."""
    hits = [h for h in hits if h]
    keep = []
    for i, h in enumerate(hits):
        if h.kind == "role":
            if _TITLE_AFTER.match(sentence[h.end:]):
                continue
            people = (h.actor, *h.candidates)
            if any(p.kind == "name" and p.actor in people
                   and _APPOSITION.match(sentence[p.end:h.start]) for p in hits[max(0, i - 3):i]):
                continue
        keep.append(h)
    return keep


def find_mentions(articles: pd.DataFrame, sentences: pd.DataFrame,
                  registry: Registry) -> pd.DataFrame:
    """The mention table (schema.MENTIONS) of a corpus."""
    matcher = Matcher(registry)
    rows = []
    by_article: dict[str, list[tuple[int, str]]] = {}
    for aid, sid, text in zip(*(sentences[c].tolist() for c in ("article_id", "sentence_id", "text"))):
        by_article.setdefault(aid, []).append((sid, text))
    for art in articles.itertuples():
        sents = by_article.get(art.article_id, [])
        for sid, h in find_mentions_in_article(matcher, sents, _published_day(art.published)):
            rows.append({
                "article_id": art.article_id, "file": art.file, "outlet": art.outlet,
                "published": art.published, "actor": h.actor,
                "candidates": "; ".join(h.candidates), "surface": h.surface, "kind": h.kind,
                "sentence_id": sid, "start": h.start, "end": h.end,
            })
    return schema.conform(pd.DataFrame(rows, columns=list(schema.MENTIONS)), schema.MENTIONS)


# ---------------------------------------------------------------------------- counting
def count_mentions(mentions: pd.DataFrame, articles: pd.DataFrame, *,
                   kinds: tuple[str, ...] = KINDS, rows: np.ndarray | None = None
                   ) -> pd.DataFrame:
    """Mentions per (outlet, actor) with their denominators (schema.FREQUENCIES).

    `articles` is the selection the mentions come from: its outlets' article and word
    counts are the denominators, so an outlet with no mention of an actor still has its n.
    `rows`, where the caller has it, is `in_articles(mentions, articles["article_id"])`.
    Unresolved mentions are not counted for anyone.
    """
    if rows is None:
        rows = in_articles(mentions, articles["article_id"])
    keep = (mentions["actor"] != "").to_numpy() & rows
    if set(kinds) != set(KINDS):
        keep &= mentions["kind"].isin(kinds).to_numpy()
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


def total_by_actor(freq: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """All selected outlets together, one row per actor (schema.FREQUENCIES, outlet "All")."""
    n_articles, n_words = len(articles), int(articles["words"].sum())
    out = freq.groupby("actor", as_index=False).agg(
        mentions=("mentions", "sum"), articles_with_actor=("articles_with_actor", "sum"))
    out["outlet"] = "All selected outlets"
    out["outlet_articles"], out["outlet_words"] = n_articles, n_words
    out["per_1k_words"] = out["mentions"] / max(n_words, 1) * 1000
    out["share_of_articles_pct"] = out["articles_with_actor"] / max(n_articles, 1) * 100
    out = out.sort_values(["mentions", "actor"], ascending=[False, True])
    return schema.conform(out, schema.FREQUENCIES)


def mentions_by_date(mentions: pd.DataFrame, actors: list[str], *,
                     rows: np.ndarray | None = None) -> pd.DataFrame:
    """Mentions per (period, actor) for the timeline (schema.BY_DATE), of the `rows` (a
    boolean mask) if given. The period is a day, a week or a month, whichever keeps the
    selection's date span readable."""
    keep = (mentions["actor"].isin(actors) & mentions["published"].notna()).to_numpy()
    m = mentions.loc[keep if rows is None else keep & rows, ["published", "actor", "article_id"]]
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
    out["period_length"] = length
    return schema.conform(out, schema.BY_DATE)


def surface_forms(mentions: pd.DataFrame) -> pd.DataFrame:
    """Which surface forms were merged into each actor, with counts (schema.SURFACES)."""
    m = mentions[mentions["actor"] != ""]
    out = m.groupby(["actor", "kind", "surface"], as_index=False).agg(mentions=("surface", "size"))
    out = out.sort_values(["actor", "mentions"], ascending=[True, False])
    return schema.conform(out, schema.SURFACES)


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
                    or (len(words) == 1 and _SENTENCE_START.match(row.text[:pos]))):
                continue
            if any((row.article_id, row.sentence_id, p) in claimed for p in range(pos, pos + len(name))):
                continue
            counts[name] += 1
            articles.setdefault(name, set()).add(row.article_id)
            example.setdefault(name, row.text)
    rows = [{"name": n, "mentions": c, "articles": len(articles[n]), "example": example[n]}
            for n, c in counts.most_common() if c >= min_count][:limit]
    return schema.conform(pd.DataFrame(rows, columns=list(schema.DISCOVERED)), schema.DISCOVERED)


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


EVIDENCE_INPUT = ["article_id", "sentence_id", "outlet", "published", "start", "end", "kind",
                  "surface"]  # the mention columns evidence reads


def _of_actor(mentions: pd.DataFrame, actor: str, outlet: str | None,
              rows: np.ndarray | None) -> np.ndarray:
    """Which rows mention `actor` (in `outlet`, among `rows`), as a boolean mask."""
    keep = (mentions["actor"] == actor).to_numpy()
    if outlet:
        keep = keep & (mentions["outlet"] == outlet).to_numpy()
    return keep if rows is None else keep & rows


def evidence_counts(mentions: pd.DataFrame, actor: str, *, outlet: str | None = None,
                    rows: np.ndarray | None = None) -> tuple[int, int]:
    """How many mentions of `actor` there are (among `rows`, a boolean mask, if given), and
    in how many sentences."""
    m = mentions.loc[_of_actor(mentions, actor, outlet, rows), ["article_id", "sentence_id"]]
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


def evidence_sentences(mentions: pd.DataFrame, actor: str, sentence_text: SentenceText, *,
                       outlet: str | None = None, limit: int | None = None,
                       rows: np.ndarray | None = None) -> pd.DataFrame:
    """The sentences behind a number: one row per sentence naming `actor` (schema.EVIDENCE)
    among `rows` (a boolean mask) if given, with every span of that actor in it; the first
    `limit` sentences by date, or all. Their text comes from `sentence_text`
    (Corpus.sentence_text), for these sentences only."""
    keep = _of_actor(mentions, actor, outlet, rows)
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


def registry_table(registry: Registry, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per registry actor with what it matches and how often (schema.REGISTRY_VIEW)."""
    counts = mentions[mentions["actor"] != ""]["actor"].value_counts()
    rows = [{"actor": a.name, "type": a.type, "affiliation": a.affiliation,
             "aliases": ", ".join(a.aliases), "short": ", ".join(a.short),
             "roles": ", ".join(r.text for r in a.roles), "metonyms": ", ".join(a.metonyms),
             "mentions": int(counts.get(a.name, 0))} for a in registry.actors]
    return schema.conform(pd.DataFrame(rows, columns=list(schema.REGISTRY_VIEW)),
                          schema.REGISTRY_VIEW)
