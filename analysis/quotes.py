"""Who speaks: quotations in the article text and the speaker each is attributed to.

Kinds of quotation (each has named test texts in tests/resources.py):
- direct: a quotation with its attribution beside it — “…,” said X / “…,” X said /
  X said, “…” / X said: “…” — including broken quotes, “A,” he said, “B.” (one quote);
- continued: a paragraph that is all quotation, with no attribution, right after an
  attributed quotation: the same speaker goes on (news style for long quotes);
- partial: a quoted phrase inside the reporter's sentence whose subject speaks
  (X called it “a dictator”, X described the talks as “candid”);
- according: an indirect attribution, “according to X”, in a sentence with no quotation;
- term: quotation marks around a word or short phrase with no speaker (“floor”): kept apart,
  never attributed.

The speaker resolves to a registry actor where the attribution names one; a pronoun (“he
said”) to the previous quotation's speaker in the same or the previous paragraph, else to the
last person named outside quotations; “the official” to the anonymous source last described
(“a senior administration official”); otherwise the description is kept as given. A quotation
relayed through another outlet (“Reuters quoted a senior official as saying”) keeps both the
speaker and the relay.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis import schema
from analysis.actors import Registry

SPEECH_VERBS = (
    "said|says|say|added|adds|told|tells|wrote|writes|noted|notes|argued|argues|stressed|"
    "stresses|warned|warns|explained|explains|asked|asks|replied|replies|acknowledged|"
    "acknowledges|cautioned|cautions|emphasized|emphasizes|insisted|insists|declared|declares|"
    "stated|states|remarked|continued|recalled|suggested|suggests|urged|urges|announced|"
    "observed|concluded|conceded|maintained|contended|complained|predicted|commented|"
    "asserted|asserts|indicated|indicates|signaled|signalled|signals|believes|believed"
)
PARTIAL_VERBS = SPEECH_VERBS + (
    "|called|calls|calling|described|describes|describing|accused|accuses|dismissed|labeled|"
    "labelled|termed|hailed|praised|criticized|criticised|vowed|pledged|promised|expressed|"
    "voiced|echoed|saying"
)
PRONOUNS = {"he": "person", "she": "person", "it": "organization", "they": "group"}
ANONYMOUS = re.compile(
    r"\b(officials?|spokesman|spokeswoman|spokesperson|sources?|people|diplomats?|aides?|"
    r"person|advisers?|advisors?|analysts?|experts?|observers?|scholars?|commentary)\b", re.I)
TERM_MAX_WORDS = 4

# Quotation marks: “ and " open, ” and " close. Single marks (‘ ’) are not read as quotation
# marks: ’ is far more often an apostrophe.
_MARKS = re.compile("[“”\"]")
_SP = (r"(?:[A-Z][\w.’'-]*|(?:the|a|an|one|another|two|some|he|she|it|they)\b)"
       r"(?:\s+[\w.’'-]+){0,7}?(?:,\s[^,“”\"]{3,80}?,)?")
_AFTER_VERB_FIRST = re.compile(rf"^\s*,?\s*(?P<verb>{SPEECH_VERBS})\s+(?P<sp>{_SP})(?=\s*[,.;:]|\s*$|\s+(?:in|on|at|during|after|when|while|last|this|to|of)\b)")
_AFTER_SP_FIRST = re.compile(rf"^\s*,?\s*(?P<sp>{_SP})\s+(?:also\s+)?(?P<verb>{SPEECH_VERBS})(?=\s*[,.;:]|\s*$|\s+\w)")
_BEFORE = re.compile(rf"(?:^|[,;]\s*|\b(?:and|but|then)\s+)(?P<sp>(?<![\w])(?:[A-Z]|(?:the|a|an|one|he|she|it|they)\b)[^,;“”\"]*?(?:,\s[^,“”\"]{{3,80}}?,)?)\s+(?:also\s+|then\s+|later\s+)?(?P<verb>{SPEECH_VERBS})(?:\s+(?:in|on|at|during)\s[^,:“”\"]{{0,60}}?)?\s*[:,]?\s*$")
_BEFORE_VERB_FIRST = re.compile(rf"(?:^|,)\s*(?P<verb>{SPEECH_VERBS})\s+(?P<sp>[^,“”\"]{{2,80}}?)\s*,\s*$")
_BROKEN = re.compile(rf"^\s*,?\s*(?:(?:{_SP})\s+(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(?:{_SP}))\s*[,:]\s*$")
_LATER = re.compile(rf",\s*(?:(?P<verb>{SPEECH_VERBS})\s+(?P<sp>{_SP})|(?P<sp2>{_SP})\s+(?P<verb2>{SPEECH_VERBS}))(?=\s*[,.]|\s*$)")
_NAME_ONLY = re.compile(r"^\s*,?\s*(?P<sp>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s*(?:,|\.|$)")
_SAYER = re.compile(rf"\b(?P<verb>{SPEECH_VERBS})\b")
_ACCORDING = re.compile(r"\baccording to (?P<sp>[^,.;“”\"]+)")
_SO_CALLED = re.compile(r"\bso-called\s*$", re.I)


@dataclass
class _Quote:
    start: int  # offsets of the quoted text (inside the marks) in the article text
    end: int
    kind: str = "term"
    speaker: str = ""
    actor: str = ""
    speaker_kind: str = ""  # actor, pronoun, anonymous, description, continued, unknown
    relay: str = ""
    closed: bool = True


def _quoted_spans(text: str, offset: int) -> list[_Quote]:
    """Quoted stretches of one paragraph; straight and curly marks may be mixed. A quotation
    still open at the paragraph's end runs to it (news style for multi-paragraph quotes)."""
    spans, open_at = [], None
    for mark in _MARKS.finditer(text):  # (the marks only: nothing happens between them)
        i, ch = mark.start(), mark.group()
        if open_at is None and ch != "”" and (i == 0 or not text[i - 1].isalnum()):
            open_at = i + 1
        elif open_at is not None and ch != "“":
            if i > open_at:
                spans.append(_Quote(offset + open_at, offset + i))
            open_at = None
    if open_at is not None and len(text) - open_at > 1:
        spans.append(_Quote(offset + open_at, offset + len(text), closed=False))
    return spans


_RANK = {"person": 0, "organization": 1, "country": 2}


class _Speakers:
    """Resolves speaker phrases against the article's mentions and what came before."""

    def __init__(self, registry: Registry, mentions: list[tuple[int, int, str]]):
        self.types = {a.name: a.type for a in registry.actors}
        self.mentions = mentions  # (start, end, actor) in article offsets, in order
        self.last: tuple[str, str, str, int] | None = None  # speaker, actor, kind, paragraph
        self.last_anonymous = ""

    def actor_in(self, start: int, end: int, *, nearest: str = "end") -> str:
        """The actor named in text[start:end]: people before organisations before countries;
        among equals, the one nearest the speech verb (`nearest` end or start of the span)."""
        found = [a for s, e, a in self.mentions if s >= start and e <= end]
        if nearest == "end":
            found.reverse()
        found.sort(key=lambda a: _RANK.get(self.types.get(a, ""), 3))
        return found[0] if found else ""

    def last_of_type(self, pos: int, kind: str, quotes: list[_Quote]) -> str:
        for s, e, a in reversed(self.mentions):
            if e <= pos and self.types.get(a) == kind and not any(q.start <= s < q.end for q in quotes):
                return a
        return ""

    def resolve(self, phrase: str, start: int, end: int, para: int, quotes: list[_Quote], *,
                nearest: str = "end") -> tuple[str, str, str]:
        """(speaker, actor, speaker_kind) for the speaker phrase at text[start:end]."""
        phrase = phrase.strip(" ,")
        words = phrase.split()
        edge = [w.lower().strip(",") for w in (words[-1:] + words[:2])]
        pronoun = next((w for w in edge if w in PRONOUNS), None)
        actor = self.actor_in(start, end, nearest=nearest)
        anonymous = ANONYMOUS.search(phrase)
        if pronoun and actor and self.types.get(actor) == "person" and edge[0] == pronoun \
                and pronoun in ("he", "she") and len(words) > 1:
            return actor, actor, "pronoun"  # "Mr. Biden said he replied": he is Biden
        if pronoun and (edge[0] == pronoun or len(words) <= 3 or not actor):
            return self._pronoun(pronoun, start, para, quotes)
        if actor and (self.types.get(actor) == "person" or not anonymous):
            return actor, actor, "actor"
        if anonymous:
            low = phrase.lower()
            if re.match(r"^the\s", low) and self.last_anonymous:
                return self.last_anonymous, "", "anonymous"
            m = re.search(rf"(?:\b[\w’'.-]+\s+){{0,4}}{re.escape(anonymous.group())}"
                          rf"(?:\s+(?:briefed|close|familiar)\s[^,]*)?", phrase)
            desc = (m.group() if m else phrase).strip()
            desc = re.sub(r"^(?:And|But|Moreover|Meanwhile|However|Still)\s+", "", desc)
            self.last_anonymous = desc
            return desc, "", "anonymous"
        return phrase, "", "description"

    def _pronoun(self, pronoun: str, pos: int, para: int, quotes: list[_Quote]) -> tuple[str, str, str]:
        """He/she: the last speaker if a person (or an anonymous source) in this or the previous
        paragraph, else the last person named outside quotations; it: the last organisation."""
        last = self.last
        if last and para - last[3] <= 1 and (
                pronoun == "they" or pronoun == "it" and self.types.get(last[1]) == "organization"
                or pronoun in ("he", "she") and (self.types.get(last[1]) == "person"
                                                 or last[2] == "anonymous")):
            return last[0], last[1], "pronoun"
        found = self.last_of_type(pos, PRONOUNS[pronoun], quotes)
        return (found, found, "pronoun") if found else ("", "", "")


def find_quotes(articles: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame,
                registry: Registry) -> pd.DataFrame:
    """Every quotation of the corpus with its speaker (schema.QUOTES)."""
    sent_spans = {aid: list(zip(g["start"], g["end"], g["sentence_id"]))
                  for aid, g in sentences.groupby("article_id", sort=False)}
    starts = dict(zip(zip(sentences["article_id"], sentences["sentence_id"]), sentences["start"]))
    resolved = mentions[mentions["actor"] != ""]
    by_article: dict[str, list[tuple[int, int, str]]] = {}  # (start, end, actor) in the text
    for aid, sid, start, end, actor in zip(*(resolved[c].tolist() for c in (
            "article_id", "sentence_id", "start", "end", "actor"))):
        base = starts[(aid, sid)]
        by_article.setdefault(aid, []).append((base + start, base + end, actor))
    rows = []
    for art in articles.itertuples():
        ments = sorted(by_article.get(art.article_id, []))
        spans = sent_spans.get(art.article_id, [])
        for q in _article_quotes(art.text, spans, _Speakers(registry, ments)):
            sid = next((i for s, e, i in spans if s <= q.start < e), -1)
            rows.append({"article_id": art.article_id, "file": art.file, "outlet": art.outlet,
                         "published": art.published, "speaker": q.speaker, "actor": q.actor,
                         "speaker_kind": q.speaker_kind, "relay": q.relay, "kind": q.kind,
                         "quote": art.text[q.start:q.end].strip(), "sentence_id": sid,
                         "start": q.start, "end": q.end,
                         "words": len(art.text[q.start:q.end].split())})
    return schema.conform(pd.DataFrame(rows, columns=list(schema.QUOTES)), schema.QUOTES)


def _article_quotes(text: str, sentences: list[tuple[int, int, int]],
                    speakers: _Speakers) -> list[_Quote]:
    out: list[_Quote] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]

    def sentence_of(pos: int) -> tuple[int, int]:
        return next(((s, e) for s, e, _ in sentences if s <= pos < e), (pos, pos))

    prev_open = False
    for para, (p_start, p_end) in enumerate(paragraphs):
        quotes = _quoted_spans(text[p_start:p_end], p_start)
        pending = list(quotes)
        for s, e, _ in [x for x in sentences if p_start <= x[0] < p_end] or [(p_start, p_end, -1)]:
            here = [q for q in pending if q.start < e]
            pending = pending[len(here):]
            for q in here:
                i = quotes.index(q)
                prev = quotes[i - 1] if i else None
                nxt = quotes[i + 1].start - 1 if i + 1 < len(quotes) else p_end
                ctx = _Context(text, q, prev, max(sentence_of(q.start)[0], p_start), p_start,
                               nxt, sentence_of(q.end - 1 if q.end > q.start else q.start)[1], para)
                first = i == 0 and not text[p_start:q.start - 1].strip()
                _attribute(ctx, speakers, out, continues=first and (prev_open or (
                    speakers.last is not None and para - speakers.last[3] <= 1)))
                out.append(q)
            if not here and not any(q.start <= s < q.end for q in quotes):
                _note_sayer(text, s, e, para, speakers, out)
                for m in _ACCORDING.finditer(text, s, e):
                    sp, act, kind = speakers.resolve(m["sp"], m.start("sp"), m.end("sp"), para, out)
                    out.append(_Quote(m.start("sp"), m.end("sp"), "according", sp, act, kind))
        prev_open = bool(quotes) and not quotes[-1].closed
    return out


@dataclass
class _Context:
    text: str
    q: _Quote
    prev: _Quote | None  # the previous quotation in the paragraph
    s_start: int  # start of the sentence holding the opening mark (within the paragraph)
    p_start: int
    next_start: int  # where the next quotation (or the paragraph) begins
    s_end: int  # end of the sentence holding the closing mark
    para: int

    @property
    def between(self) -> str:
        """Text from the previous quotation (or the paragraph start) to this one."""
        return self.text[(self.prev.end + 1) if self.prev else self.p_start:self.q.start - 1]

    @property
    def before_in_sentence(self) -> str:
        start = max(self.s_start, (self.prev.end + 1) if self.prev else self.s_start)
        return self.text[start:self.q.start - 1]

    @property
    def after(self) -> str:
        """Text after the closing mark up to the next quotation or the sentence's end."""
        if not self.q.closed:
            return ""
        return self.text[self.q.end + 1:min(self.next_start, max(self.s_end, self.q.end + 1))]


def _set(q: _Quote, who: tuple[str, str, str], kind: str, speakers: _Speakers, para: int) -> None:
    q.speaker, q.actor, q.speaker_kind = who
    q.kind = kind if q.speaker else ("direct" if kind != "partial" else "term")
    if not q.speaker and q.kind == "direct":
        q.speaker_kind = "unknown"
    if q.speaker:
        speakers.last = (q.speaker, q.actor, q.speaker_kind, para)


def _attribute(c: _Context, speakers: _Speakers, done: list[_Quote], *, continues: bool) -> None:
    """Set the quotation's kind and speaker from the text around it."""
    q, text = c.q, c.text
    quoted = text[q.start:q.end]
    words = len(quoted.split())
    sentence = text[c.s_start:max(c.s_end, q.end)]
    relay = re.search(r"\b(?P<relay>[A-Z][\w&.]*(?:\s[A-Z][\w&.]*)*)\s+quoted\s+(?P<sp>.+?)\s+as\s+"
                      r"(?:saying|telling|writing)\b", sentence)
    ends_sentence = quoted.rstrip().endswith(".")
    after = c.after if not ends_sentence else ""
    if quoted.rstrip().endswith(("?", "!")) and not after.strip()[:1].islower():
        after = ""

    def resolve(m: re.Match, group: str, base: int) -> tuple[str, str, str]:
        verb_first = m.start(group) > m.start("verb") if "verb" in m.groupdict() and m["verb"] else True
        return speakers.resolve(m[group], base + m.start(group), base + m.end(group), c.para, done,
                                nearest="start" if verb_first else "end")

    if relay:
        q.relay = relay["relay"]
        _set(q, resolve(relay, "sp", c.s_start), "direct", speakers, c.para)
        return
    base_after = q.end + 1
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SP_FIRST):
        if m := pattern.match(after):
            _set(q, resolve(m, "sp", base_after), "direct", speakers, c.para)
            return
    if (m := _NAME_ONLY.match(after)) and speakers.actor_in(base_after + m.start("sp"),
                                                            base_after + m.end("sp")):
        _set(q, resolve(m, "sp", base_after), "direct", speakers, c.para)  # “…,” Eswar Prasad.
        return
    between = c.between
    base_between = q.start - 1 - len(between)
    if c.prev and c.prev.speaker and _BROKEN.match(between) and \
            text[c.prev.start:c.prev.end].rstrip().endswith(","):
        _set(q, (c.prev.speaker, c.prev.actor, c.prev.speaker_kind), "direct", speakers, c.para)
        q.relay = c.prev.relay  # “A,” he said, “B.”
        return
    before = c.before_in_sentence
    base_before = q.start - 1 - len(before)
    for pattern in (_BEFORE, _BEFORE_VERB_FIRST):
        if (m := pattern.search(before)) and not _SO_CALLED.search(before):
            if pattern is _BEFORE_VERB_FIRST or before.rstrip().endswith((",", ":")) or \
                    m["verb"] in ("said", "says", "added", "wrote", "asked", "replied"):
                _set(q, resolve(m, "sp", base_before), "direct", speakers, c.para)
                return
    rest = text[q.end + 1:max(c.s_end, q.end + 1)] if q.closed else ""
    if (m := _LATER.search(rest)) and not ends_sentence:
        group = "sp" if m["sp"] else "sp2"
        _set(q, resolve(m, group, q.end + 1), "direct", speakers, c.para)
        return
    if continues and words > TERM_MAX_WORDS and speakers.last is not None:
        sp, act, _, _ = speakers.last
        q.speaker, q.actor, q.speaker_kind, q.kind = sp, act, "continued", "continued"
        speakers.last = (sp, act, "continued", c.para)
        return
    if c.prev and c.prev.speaker and c.prev.kind in ("direct", "continued") and words > TERM_MAX_WORDS \
            and speakers.actor_in(base_between, q.start, nearest="start") in ("", c.prev.actor):
        q.speaker, q.actor, q.speaker_kind, q.kind = c.prev.speaker, c.prev.actor, c.prev.speaker_kind, "direct"
        return
    sentence_before = text[c.s_start:q.start - 1]
    if not _SO_CALLED.search(sentence_before):
        # The first speech verb whose subject is someone; a bare description only as a last resort.
        fallback = None
        for verb in re.finditer(rf"\b({PARTIAL_VERBS})\b", sentence_before):
            subject = sentence_before[:verb.start()]
            who = speakers.resolve(subject, c.s_start, c.s_start + verb.start(), c.para, done)
            if who[0] and who[2] != "description":
                _set(q, who, "partial", speakers, c.para)
                return
            if who[0] and fallback is None and len(subject.split()) <= 4:
                fallback = who
        if fallback:
            _set(q, fallback, "partial", speakers, c.para)
            return
    q.kind = "term" if words <= TERM_MAX_WORDS or _SO_CALLED.search(sentence_before) else "direct"
    q.speaker_kind = "" if q.kind == "term" else "unknown"


def _note_sayer(text: str, s: int, e: int, para: int, speakers: _Speakers,
                done: list[_Quote]) -> None:
    """Reported speech without quotation marks ("Shi said that …", "…, said Danny Russel")
    makes its subject the one a later "he said" refers to."""
    sent = text[s:e]
    m = _LATER.search(sent) or _AFTER_SP_FIRST.match(sent)
    if m:
        group = "sp" if m.groupdict().get("sp") else "sp2"
        who = speakers.resolve(m[group], s + m.start(group), s + m.end(group), para, done)
    elif v := _SAYER.search(sent):
        who = speakers.resolve(sent[:v.start()], s, s + v.start(), para, done)
    else:
        return
    if who[0] and who[2] in ("actor", "anonymous"):
        speakers.last = (*who, para)


def speaker_counts(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotations and quoted words per (outlet, speaker), terms left out (schema.SPEAKERS)."""
    q = quotes[(quotes["kind"] != "term") & (quotes["speaker"] != "")]
    out = q.groupby(["outlet", "speaker"], as_index=False).agg(
        quotes=("quote", "size"), quoted_words=("words", "sum"),
        actor=("actor", "first"), speaker_kind=("speaker_kind", "first"))
    totals = out.groupby("outlet")["quoted_words"].transform("sum")
    out["share_of_quoted_words_pct"] = out["quoted_words"] / totals.clip(lower=1) * 100
    out = out.sort_values(["outlet", "quoted_words"], ascending=[True, False])
    return schema.conform(out, schema.SPEAKERS)


def speaker_quotes(quotes: pd.DataFrame, speaker: str, *, outlet: str | None = None) -> pd.DataFrame:
    """The quotations of one speaker (terms left out), in reading order."""
    q = quotes[(quotes["speaker"] == speaker) & (quotes["kind"] != "term")]
    if outlet:
        q = q[q["outlet"] == outlet]
    return q.sort_values(["published", "article_id", "start"])


def top_speakers(speakers: pd.DataFrame, *, per_outlet: int) -> pd.DataFrame:
    """The `per_outlet` speakers with most quoted words in each outlet (schema.SPEAKERS)."""
    return speakers.sort_values(["outlet", "quoted_words"], ascending=[True, False]).groupby(
        "outlet").head(per_outlet)
