"""Find every mention of a registry actor in the article text (counting them is
analysis.counts; the sentences behind a count, analysis.evidence).

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
from dataclasses import dataclass
from datetime import date

import pandas as pd

from analysis import schema
from analysis.actors import Registry, Role

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
SENTENCE_START = re.compile(r"^[\s\"“‘'(\[—–-]*$")


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
                sentence_initial = bool(SENTENCE_START.match(sentence[:start]))
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
