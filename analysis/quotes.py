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

Without a registry actor the speaker is read from the text: the noun phrase that ends right
before the speech verb (“X, the ministry's spokesperson, said”: X; “Without a deal, the board
said”: the board; never a clause opener such as “That being said”), or the one right after it
(“said Avi Bell, a senior fellow”); a title before a name is dropped (“Foreign Ministry
spokesperson Mao Ning”: Mao Ning) and a surname used alone is the full name the article gave
before. Each quotation carries its source type: person (a named person), organization (an
organization or government: “the ministry said in a statement”) or anonymous (a description
kept as given: “a senior official”, “officers”).

Also read: broadcast transcripts, whose paragraphs open with a speaker label (“NAME, HOST:”,
“SURNAME:”), as quotations of the labelled person. Not quotations: URLs and embed codes inside
marks (dropped), titles of works (“the film titled “Blue Moon””: kind term), and “according to
X” without quoted words (kind according: sourcing, never counted as a quotation).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import pandas as pd

from analysis import schema
from analysis.actors import Registry
from analysis.inventory import FUNCTION, MONTHS, ORG_HEADS, TITLES, countries, world_bodies

SPEECH_VERBS = (
    "said|says|say|added|adds|told|tells|wrote|writes|noted|notes|argued|argues|stressed|"
    "stresses|warned|warns|explained|explains|asked|asks|replied|replies|acknowledged|"
    "acknowledges|cautioned|cautions|emphasized|emphasizes|insisted|insists|declared|declares|"
    "stated|states|remarked|continued|recalled|suggested|suggests|urged|urges|announced|"
    "observed|concluded|conceded|maintained|contended|complained|predicted|commented|"
    "asserted|asserts|indicated|indicates|signaled|signalled|signals|believes|believed|"
    "testified|testifies|tweeted|tweets|posted|chanted|quipped|joked|wondered|admitted|"
    "responded|answered|shouted|exclaimed|pleaded|demanded|countered|confirmed|denied|claimed|"
    "claims|alleged|reiterated|affirmed|boasted|mused|texted|begged|recounted|lamented|"
    "agreed|disclosed|revealed|reported|reports|weighed in|denies|admits|confirms|agrees|"
    "responds|answers|recalls|remembered|remembers|adds|testify|shouts|yelled|yells|screamed|"
    "screams|exclaims|pleads|jokes|quips|wonders|explained|assured|assures|related|relates"
)
PARTIAL_VERBS = SPEECH_VERBS + (
    "|called|calls|calling|described|describes|describing|accused|accuses|dismissed|labeled|"
    "labelled|termed|hailed|praised|criticized|criticised|vowed|pledged|promised|expressed|"
    "voiced|echoed|saying|telling|adding|warning|noting|arguing|insisting|cheered|rejected|"
    "slammed|assailed|decried|condemned|denounced|branded|dubbed|ruled|deemed|characterized|"
    "characterised|touted|lauded|blasted|declaring|pointed out|points out|introduced|"
    "introduces|describing"
)
# Reporting-verb participles and ordinary -ing/-ed words that are not the act of speaking
# when preceded by one of these (“has been said”, “being said”, “to say”).
_NOT_SPEECH_BEFORE = re.compile(r"\b(?:being|been|be|is|was|were|are|to|not|having)\s*$", re.I)
PRONOUNS = {"he": "person", "she": "person", "it": "organization", "they": "group"}
ANONYMOUS = re.compile(
    r"\b(officials?|spokesman|spokeswoman|spokesperson|sources?|people|diplomats?|aides?|"
    r"person|advisers?|advisors?|analysts?|experts?|observers?|scholars?|commentary)\b", re.I)
TERM_MAX_WORDS = 4
# The kinds that are someone's quoted words (Who speaks counts these; "according" rows are
# sourcing without quoted words, "term" rows scare quotes and titles).
QUOTATION_KINDS = ("direct", "continued", "partial")

# Quotation marks: “ and " open, ” and " close. Single marks (‘ ’) are not read as quotation
# marks: ’ is far more often an apostrophe.
_MARKS = re.compile("[“”\"]|’’|''")
_SP = (r"(?:[A-Z][\w.’'-]*|(?:the|a|an|one|another|two|some|he|she|it|they)\b|[a-z][a-z-]+s\b|police\b|"
       r"[a-z\d][\w’'-]*(?:\s+[\w.’'-]+){0,6}?\s+[A-Z][\w.’'-]*)"
       r"(?:\s+[\w.’'-]+){0,7}?(?:,\s[^“”\"]{3,200}?,)?")
_SP_AFTER_VERB = _SP.replace("[a-z][a-z-]+s\\b", "[a-z][a-z-]+\\b", 1)
# right after a quotation, a verb before its subject is speech even where it can be a noun
# elsewhere (“…,” comments Ann Lee in a statement)
_INVERTED_VERBS = SPEECH_VERBS + "|comments|continues|posts|writes"
_AFTER_VERB_FIRST = re.compile(rf"^\s*,?\s*(?P<verb>{_INVERTED_VERBS})\s+(?P<sp>{_SP_AFTER_VERB})(?=\s*[,.;:]|\s*$|\s+(?:in|on|at|during|after|when|while|last|this|to|of)\b)")
_AFTER_SP_FIRST = re.compile(rf"^\s*,?\s*(?P<sp>{_SP})\s+(?:also\s+)?(?P<verb>{SPEECH_VERBS})(?=\s*[,.;:]|\s*$|\s+\w)")
_BEFORE = re.compile(rf"(?:^|[,;]\s*|\b(?:and|but|then|while|whereas|as|when|although|though|because|after)\s+)(?P<sp>(?<![\w])(?:[A-Z]|(?:the|a|an|one|he|she|it|they)\b)[^,;“”\"]*?(?:,\s[^,“”\"]{{3,80}}?,)?)\s+(?:also\s+|then\s+|later\s+)?(?P<verb>{SPEECH_VERBS})(?:\s+(?:in|on|at|during)\s[^,:“”\"]{{0,60}}?)?\s*[:,]?\s*$")
_BEFORE_VERB_FIRST = re.compile(rf"(?:^|,)\s*(?P<verb>{SPEECH_VERBS})\s+(?P<sp>[^,“”\"]{{2,80}}?)\s*,\s*$")
_BROKEN = re.compile(rf"^\s*,?\s*(?:(?:{_SP})\s+(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(?:{_SP}))\s*[,:]\s*$")
# Verbs whose next noun phrase is the one spoken to (“told The Hill”), never the speaker
_OBJECT_FIRST = r"(?!(?:told|tells|asked|asks|urged|urges|warned|warns|begged|texted|answered)\b)"
_LATER = re.compile(rf",[”\"]?\s*(?:{_OBJECT_FIRST}(?P<verb>{SPEECH_VERBS})\s+(?P<sp>{_SP})|(?P<sp2>{_SP})\s+(?P<verb2>{SPEECH_VERBS}))"
                    r"(?=\s*[,.]|\s*$|\s+(?:in|on|at|during|after|before|to|last|this|via|from|when|while)\b)")
_TAIL = re.compile(rf"\s*(?:(?P<sp>[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){{0,3}}?)\s+(?P<verb>{SPEECH_VERBS})|"
                   rf"(?P<verb2>{SPEECH_VERBS})\s+(?P<sp2>[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){{0,3}}?))"
                   r"(?:\s+(?!that\b)(?:in|on|at|before|after|during|to|from|via|last|this|late|early|"
                   r"earlier|later|when|while)\b[^.“”\"]{0,60}?)?\s*\.(?:\s|$)")
_NAME_ONLY = re.compile(r"^\s*,?\s*(?P<sp>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s*(?:,|\.|$)")
_SAYER = re.compile(rf"\b(?P<verb>{SPEECH_VERBS})\b")
_VERB_WORDS = frozenset(v.split()[0] for v in SPEECH_VERBS.split("|"))  # (a cheap test first)
_LOWER_WORD = re.compile(r"[a-z]+")
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<sp>[^,.;“”\"—–()]+?)(?=\s*(?:[,.;“”\"—–()]|--|$))")
# Marks around something that is no one's words: a URL, an embed code's attribute values.
_NOT_WORDS = re.compile(r"https?://|www\.|pic\.twitter\.com|</?[a-z]+[\s>/]|\{\{|"
                        r"\.(?:com|org|net|html?)(?:/|\b$)|^[\w-]+=")
# Titles of works: a Title Case quotation right after the kind of work (“the film titled
# “Blue Moon””, “the song “Breathless””, “played “Hold On””).
_WORK_BEFORE = re.compile(
    r"(?:\b(?:film|movie|book|novel|memoir|song|single|album|show|series|sitcom|documentary|"
    r"report|article|essay|column|op-ed|play|musical|opera|poem|podcast|episode|exhibit|"
    r"exhibition|painting|headline|slogan|tagline|hashtag|campaign|programme|program)"
    r"(?:\s+(?:was\s+|is\s+)?(?:called|named|titled|entitled))?|\b(?:titled|entitled|played|sang|"
    r"performed|headlined|starred\s+in))\s*[,:]?\s*$", re.I)
_SMALL_WORDS = frozenset("a an the of in on and to for at by with or from is it".split())
# Broadcast transcripts: a paragraph that opens with its speaker's label in capitals.
_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
                    r"(?:, (?P<role>[A-Z][A-Z ,.'’-]{1,40}?))?: (?=\S)")
# “…?” Ann Lee asked. / “…!” Lee tearfully asked before leaving. : the question's attribution
_ASKED = re.compile(rf"^\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}(?:\s+[a-z]+ly)?\s+(?:{SPEECH_VERBS})\b"
                    r"(?:\s+(?!that\b)[^.“”\"]{0,60})?\s*[.,]")
_SO_CALLED = re.compile(r"\bso-called\s*$", re.I)

# ------------------------------------------------------------------ the speaker's noun phrase
# Titles that precede a name (the inventory's, and a few more of news text).
_TITLES = TITLES | frozenset(
    "Superintendent Coach Cmdr Cmdr. Commander Sheriff Rabbi Rev Rev. Reverend Father Bishop "
    "Archbishop Detective Justice Assemblyman Assemblywoman Councilman Councilwoman Trooper "
    "Sergeant Lieutenant Captain Maj Maj. Brig Brig. Cpl. Pvt. Agent Pastor Imam Cardinal Host "
    "Anchor Reporter Lt.Col. Secretary-General".split())
# Lowercase heads of a phrase that name an organization or government, not a person.
_ORG_NOUNS = frozenset(
    "ministry ministries department government administration military army navy police office "
    "agency company team club league council committee commission court board campaign party "
    "embassy firm bank union authority organization organisation group statement spokesperson's "
    "regime cabinet parliament senate congress prosecutors' service media".split())
_ORG_PROPER = frozenset("Pentagon Kremlin Elysee Élysée Vatican Downing".split())
_PRONOUN_WORDS = frozenset("he she it they we i you".split())
_DETERMINERS = frozenset("the a an one another some two three several many his her its their our my".split())
# Where the subject of a verb starts: after the last of these in the stretch before the verb.
_CLAUSE_BREAK = re.compile(
    r"(?:[;:()—–]|--|\s-\s|\b(?:that|and|but|while|when|whereas|as|with|because|after|before|"
    r"although|though|if|since|so|who|which|where|whom|until|once|than|despite|without|including|"
    r"like|whether|or|nor|how|why|what|said|says|told|added|saying|adding|telling|noting|arguing|"
    r"insisting|warning)\b)", re.I)
_RELATIVE = frozenset("who which that whom".split())
_OPENERS_NEVER = frozenset(
    "without when while after before although though despite during if because since unlike as "
    "that this these those there here what which who why how where but and or so yet then once "
    "until whether for from to of in on at by with into through over under among beyond "
    "being having".split())
_PREPOSITIONS = frozenset("in on at during after before since for from with by under over".split())
_NP_TAIL = re.compile(r"(?:\b(?:he|she|they|it|we)|(?<![\w’'-])(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)$")
_SUBORDINATE = re.compile(r"\b(?:when|while|whereas|with|because|as|after|before|although|though|but)\b|[;—–]")
_OPENERS_OK = _DETERMINERS | _PRONOUN_WORDS | frozenset("both many most other few all each".split())
_AUX_TAIL = re.compile(
    r"(?:\s+(?:also|later|then|has|had|have|once|further|again|previously|repeatedly|recently|"
    r"publicly|privately|reportedly|earlier|finally|simply|only|never|just|still|even|initially|"
    r"subsequently|separately|would|will|could|may|might|did|does|do|quickly|flatly|"
    r"immediately|angrily|bluntly|openly|first|sharply|widely|twice|already|long|always|often|instead|"
    r"usually|[a-z]+ly))+\s*$", re.I)
_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:last|this|next|late|early)\s+\w+|on\s+\w+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"meanwhile|however|afterwards?|also|now|yet|still|separately|instead|then|today|yesterday|"
    r"earlier|later|finally|indeed|so|thus|and|but|or|moreover|furthermore|similarly)\b[\s,]*", re.I)
_TOKEN_CAP = re.compile(r"^[A-Z][\w.’'-]*$|^(?:de|van|von|bin|al|da|di|du|le|la|der|den|ter)$")
# Heads of a description of a person or people (“officers”, “a Syrian refugee”, “one user”).
_PERSON_NOUN = re.compile(
    r"(?:er|or|ist|ian|ent|ant|man|men|woman|women|person|people|member|mother|father|wife|"
    r"husband|son|daughter|family|friend|staff|user|voter|fan|judge|police|crowd|official|"
    r"source|diplomat|aide|adviser|advisor|expert|observer|scholar|chief|head|envoy|agent|"
    r"student|child|children|victim|witness|neighbou?r|relative|colleague|insider|guard|"
    r"lawmaker|legislator|refugee|survivor|employee|critic|ally|allies)(?:s|es)?$")
_DOCUMENTS = frozenset("statement letter release report post memo filing complaint indictment "
                       "lawsuit notice announcement tweet email e-mail message".split())
_GENERIC_PEOPLE = frozenset("man men woman women person people officer officers official officials "
                             "source sources patient patients victim victims spokesperson "
                             "spokesman spokeswoman representative aide".split())
_AGED = re.compile(r"^\d{1,3}-year-old$")
_PARTICLES = frozenset("de van von bin al da di du le la der den ter".split())
_PREP_TAIL = re.compile(r"\s(?:of|at|from|in|for|with|on|to|inside|within|near|close to|familiar with|"
                       r"briefed on)\s", re.I)


def _appositive(seg: str, before: str) -> bool:
    """A comma-delimited stretch that describes what comes before it (“the ministry's
    spokesperson”, “who will testify”, “however”) rather than being the subject: a relative
    clause or adverb anywhere, a description right after a name."""
    words = seg.split()
    if not words:
        return False
    first, last = words[0].lower(), words[-1].strip(".")
    if first in _RELATIVE or len(words) == 1 and (first.endswith("ly") or first in (
            "however", "though", "too", "meanwhile", "instead", "also", "then", "again")):
        return True
    name_before = before.rstrip()[-1:].isalnum() and before.split()[-1][:1].isupper() if before.split() else False
    return (name_before or first in ("a", "an")) and (
        first[:1].islower() or first in _DETERMINERS or last[:1].islower())


# “Dylan Nelson, a fellow at the institute in Munich, Germany, and co-author of the study,”
_NAME_THEN_APPOSITIVE = re.compile(
    r"\s*(?!(?:On|In|At|After|Before|During|Since|For|From|With|By|Under|Over|When|While|Last|This|"
    r"Next|Earlier|Later|Meanwhile|However|But|And)\b)"
    r"((?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]+),\s+(?:a|an|the|who|whose|one of|[a-z][\w-]*\s+(?:of|at|for|to)\b|"
    r"(?:[A-Z][\w.’'-]*\s+)*(?:[a-z][\w-]*\s+){0,3}(?:director|chief|head|chairman|chairwoman|president|"
    r"professor|spokes(?:man|woman|person)|secretary|minister|officer|manager|founder|author|editor|"
    r"analyst|economist|researcher|scientist|lawyer|attorney|adviser|advisor|fellow)\b)")


@lru_cache(maxsize=8192)
def _np_before(phrase: str) -> tuple[int, int] | None:
    """The (start, end) of the noun phrase that ends right before the verb, within `phrase`
    (the text from the clause's start to the verb): leading clause openers and adverbials,
    trailing auxiliaries and appositives left out. None where it is no subject."""
    if _NOT_SPEECH_BEFORE.search(phrase):
        return None
    if (m := _NAME_THEN_APPOSITIVE.match(phrase)) and phrase.rstrip().endswith(","):
        return m.span(1)  # a name, then what they are (commas and all): the name
    end = len(phrase.rstrip())
    if m := _AUX_TAIL.search(phrase[:end]):
        end = m.start()
    # “X, the ministry's spokesperson,” / “X, however,” / “X, a fellow at Y, the institute,”
    if phrase[:end].rstrip().endswith(","):
        end = comma = len(phrase[:end].rstrip()) - 1
        while (cut := phrase.rfind(",", 0, end)) >= 0 and _appositive(phrase[cut + 1:end], phrase[:cut]):
            end = cut
        if end == comma:
            cut = phrase.rfind(",", 0, end)
            seg = phrase[cut + 1:end].split()
            if not (cut >= 0 and seg and seg[-1][:1].isupper() and (seg[0].lower() in ("the", "a", "an") or all(
                    w[:1].isupper() or w in ("of", "the", "and", "for", "de") for w in seg))):
                return None  # “he asked about X, called …”: a second verb of the same subject
            # “China's spy agency, the Ministry of State Security,”: the name in apposition
    start = 0
    for br in _CLAUSE_BREAK.finditer(phrase, 0, end):
        if phrase[br.end():end].strip():
            start = br.end()
        elif br.group().lower() in _RELATIVE:  # “an officer who described …”: the officer
            return _np_before(phrase[:br.start()].rstrip().rstrip(","))  # (“Ann Lee, who …”)
        else:
            return None  # “… and said”: the subject is elided
    # commas that remain separate clauses (“After the talks, the board”)
    start = max(start, phrase.rfind(",", 0, end) + 1)
    while m := _LEAD_ADVERBIAL.match(phrase, start):
        if m.end() == start:
            break
        start = m.end()
    while start < end and phrase[start] in " ,'\"’“”":
        start += 1
    np_ = phrase[start:end].strip()
    words = np_.split()
    if not words or len(words) > 14:
        return None
    head = words[0].strip("“”\"'’")
    if head.lower() in _PREPOSITIONS and (tail := _NP_TAIL.search(np_)) and tail.start() > 0:
        # “In a post at the time she”, “In June Biden”: the subject after the adverbial
        return _np_before(phrase[:start + tail.start()] + ", " + phrase[start + tail.start():end]) \
            and (start + tail.start(), start + len(np_))
    if head.lower() in _OPENERS_NEVER or (
            head.capitalize() in FUNCTION and head.lower() not in _OPENERS_OK and head not in _TITLES
            and not (len(words) > 1 and words[1][:1].isupper())) or (
            head[:1].islower() and head.endswith("ed")):
        return None  # a clause opener (“That being”, “Without”) or a verb, not a subject
        # (a function word before a capitalised one may be a given name: “Will Moy”)
    if head[:1].islower() and head.lower() not in _OPENERS_OK and not (
            _PERSON_NOUN.search(words[-1].lower()) or ANONYMOUS.fullmatch(words[-1].lower())
            or words[-1].lower().strip("’'s") in _ORG_NOUNS or words[-1].lower() in ("police", "media")
            or words[-1][:1].isupper() and _person(np_)):
        return None  # “always stop by his office to exchange”: no one
    if len(words) > 1 and re.fullmatch(PARTIAL_VERBS, words[-1]):
        return _np_before(phrase[:start + len(np_) - len(words[-1])])  # “X testified, describing”
    return start, start + len(np_)


@lru_cache(maxsize=8192)
def _person(np_: str) -> str:
    """The person's name in a noun phrase (“Foreign Ministry spokesperson Mao Ning”: Mao Ning;
    “planetary geologist Rosaly Lopes of NASA”: Rosaly Lopes), else ""."""
    m = _PREP_TAIL.search(np_)
    while m and not (np_[:m.start()].split() or [""])[-1][:1].isupper():
        m = _PREP_TAIL.search(np_, m.end() - 1)
    head_part = np_[:m.start()] if m else np_
    words = head_part.split()
    if words and m and words[-1] in _TITLES and m.group().strip() == "of" and all(
            w[:1].isupper() for w in np_[m.end():].split()):  # “Secretary of State Mike Pompeo”
        head_part, words = np_, np_.split()
        m = None
    run: list[str] = []
    for w in reversed(words):
        if _TOKEN_CAP.match(w) and (w[:1].isupper() or run):
            run.insert(0, w)
        else:
            break
    while run and run[0] in _PARTICLES:
        run.pop(0)
    if not run:
        return ""
    before = words[:len(words) - len(run)]
    titled = [i for i, w in enumerate(run) if w in _TITLES or w.rstrip(".") in _TITLES]
    if titled:
        run = run[titled[-1] + 1:]
    elif " of " in np_ and any(w in _TITLES for w in np_.split()) and len(run) > 2:
        run = run[-2:]
    elif len(run) > 3:
        run = run[-3:]
    if not run:
        return ""
    name = " ".join(run).rstrip(",.")
    name = re.sub(r"['’]s$", "", name)
    toks = name.split()
    if any(t in ORG_HEADS or t in _ORG_PROPER for t in toks) or name in countries() \
            or name in world_bodies() or toks[0] in FUNCTION or toks[0] in MONTHS \
            or all(t.isupper() and len(t) > 1 for t in toks):
        return ""
    if len(toks) == 1 and before and before[-1].lower() in ("the", "a", "an"):
        return ""  # “the Taliban”, “a Reuters”: not a person
    if len(toks) == 1 and re.match(r"^[A-Z][a-z]+(?:ese|ian|ians|ish|an|ans|i|is)$", name) \
            and not before:
        return ""  # a demonym (“Israelis said”)
    return name


@lru_cache(maxsize=8192)
def _source_type(np_: str, person: str) -> str:
    """person, organization or anonymous for a speaker phrase without a registry actor: by its
    head, the last word before any “of/for/at …” tail."""
    if person:
        return "person"
    m = _PREP_TAIL.search(np_)
    head_words = [w.strip(",.") for w in (np_[:m.start()] if m else np_).split()]
    if not head_words:
        return ""
    head = head_words[-1]
    low = head.lower()
    if low in _PRONOUN_WORDS:
        return "person" if low in ("he", "she", "i") else ""
    if m and re.match(r"spokes(?:man|woman|person)$|representatives?$", low):
        return "organization"  # “a spokesperson for the Foreign Office”
    if low in _ORG_NOUNS or re.sub(r"['’]s$", "", low) in _ORG_NOUNS:
        return "organization"
    if head[:1].isupper():
        return "organization"  # a capitalised name that is no person: “the Pentagon”, “Tottenham”
    if ANONYMOUS.fullmatch(low) or _PERSON_NOUN.search(low):
        return "anonymous"
    return ""  # “the deal”, “the report”: no source type


@lru_cache(maxsize=8192)
def _np_after(text: str) -> tuple[int, int] | None:
    """The speaker's noun phrase at the start of `text` (what follows “said”): up to the first
    clause break; where it is only a description, a name in the appositive after it
    (“said another witness, former adviser Fiona Hill”)."""
    stop = re.search(r"[;:“”\"\n]|--|\s[—–]\s|\.\s*$|\s(?:who|which|where|when|while|as|after|"
                     r"before|during|adding|saying|according|because)\b", text)
    stretch = text[:stop.start()] if stop else text
    segs, pos = [], 0
    for part in stretch.split(","):
        segs.append((pos, pos + len(part)))
        pos += len(part) + 1
    s0, e0 = segs[0]
    first = text[s0:e0]
    while (m := _LEAD_ADVERBIAL.match(first)) and m.end():
        s0 += m.end()
        first = text[s0:e0]
    if not first.strip():
        return None
    if not _person(first.strip()) and len(segs) > 1:
        s1, e1 = segs[1]
        if _person(text[s1:e1].strip()):
            return s1 + len(text[s1:e1]) - len(text[s1:e1].lstrip()), e1
    return s0 + len(first) - len(first.lstrip()), e0 - (len(first) - len(first.rstrip()))



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
    source: str = ""  # person, organization, anonymous ("" for terms and unknown speakers)
    mark: int = 1  # length of the closing mark (’’ is two characters)


def _quoted_spans(text: str, offset: int) -> list[_Quote]:
    """Quoted stretches of one paragraph; straight and curly marks may be mixed. A quotation
    still open at the paragraph's end runs to it (news style for multi-paragraph quotes)."""
    spans, open_at = [], None
    for mark in _MARKS.finditer(text):  # (the marks only: nothing happens between them)
        i, ch = mark.start(), mark.group()
        if len(ch) == 2:  # ’’ closes a quotation (typewriter style) and opens none
            if open_at is not None:
                if i > open_at:
                    spans.append(_Quote(offset + open_at, offset + i, mark=2))
                open_at = None
        elif open_at is None and ch != "”" and (i == 0 or not text[i - 1].isalnum()):
            open_at = i + 1
        elif open_at is not None and ch != "“":
            if i > open_at:
                spans.append(_Quote(offset + open_at, offset + i))
            open_at = None
    if open_at is not None and len(text) - open_at > 1:
        spans.append(_Quote(offset + open_at, offset + len(text), closed=False))
    return spans


_RANK = {"person": 0, "organization": 1, "country": 2}


_SOURCE_OF_TYPE = {"person": "person", "organization": "organization", "country": "organization"}
_NAME_RUN = re.compile(r"(?<![\w’'-])[A-Z][a-z][\w’'-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z][\w’'-]*){1,5}")
_NOT_A_PERSON_BEFORE = re.compile(r"\b(?:the|a|an|in|at|from|to|of)\s+$", re.I)
_TITLE_OF = re.compile(r"\b[A-Z][a-z]+\s+of\s+$")
_PLACE_BEFORE = re.compile(r"\b(?:the|in|at|from|to|of|near|into|visited|visit)\s+$", re.I)
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?]\s+|\n\s*|(?:Mr|Ms|Mrs|Dr)\.?\s+)$")
_GIVEN_BEFORE = re.compile(r"(?<![\w’'-])(?:[A-Z][a-z][\w’'-]*\s(?:[A-Z]\.\s)?){1,5}$")
_OPENING_NAME = re.compile(r"\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+)(?=[\s,])")


class _Speakers:
    """Resolves speaker phrases against the article's mentions and what came before."""

    def __init__(self, registry: Registry, mentions: list[tuple[int, int, str]], text: str = ""):
        self.types = {a.name: a.type for a in registry.actors}
        self.mentions = mentions  # (start, end, actor) in article offsets, in order
        self._starts = [m[0] for m in mentions]  # (bisected: a lookup costs the span, not the article)
        self.text = text
        # speaker, actor, kind, source type, paragraph
        self.last: tuple[str, str, str, str, int] | None = None
        self.anonymous: list[str] = []  # descriptions of anonymous sources, in order
        self._people: tuple[dict[str, set[str]], list[tuple[int, int, str]]] | None = None
        self._named: list[tuple[int, str]] | None = None
        self._full: dict[str, str] = {}
        self._paras: list[int] | None = None

    def para_start(self, para: int) -> int:
        if self._paras is None:
            self._paras = [m.start() for m in re.finditer(r"[^\n]+", self.text)]
        return self._paras[max(0, min(para, len(self._paras) - 1))] if self._paras else 0

    def people(self) -> tuple[dict[str, set[str]], list[tuple[int, str]]]:
        """Full names of people the article gives (titles dropped) by surname, and where it
        names each (full name or surname alone), in order: computed once, when first needed
        (the places only where a pronoun needs them)."""
        if self._people is None:
            by_surname: dict[str, set[str]] = {}
            where: list[tuple[int, str]] = []
            text = self.text
            for m in _NAME_RUN.finditer(text):
                lead = text[max(0, m.start() - 16):m.start()]
                if _NOT_A_PERSON_BEFORE.search(lead):
                    if not _TITLE_OF.search(lead):
                        continue  # “the Gush Etzion bloc”, “the Six-Day War”
                    name = _person(lead.split("\n")[-1] + m.group())  # “Secretary of State Mike Pompeo”
                else:
                    name = _person(m.group())
                if name.count(" ") >= 1:
                    by_surname.setdefault(name.rsplit(" ", 1)[-1], set()).add(name)
                    where.append((m.start(), m.end(), name))
            self._people = (by_surname, where)
        return self._people

    def named(self) -> list[tuple[int, str]]:
        """(where, full name) for each naming of a person of `people`, full or by surname alone,
        in order; not where a place or thing is meant (“the Cook Islands”, “in Washington”)."""
        if self._named is None:
            by_surname, runs = self.people()
            where = [(s, n) for s, _, n in runs]
            unique = [w for w, names in by_surname.items() if len(names) == 1]
            if unique:
                k = 0
                for m in re.finditer(r"(?<![\w’'-])(?:%s)(?![\w-])" % "|".join(map(re.escape, unique)), self.text):
                    while k < len(runs) and runs[k][1] <= m.start():
                        k += 1
                    if k < len(runs) and runs[k][0] <= m.start():
                        continue  # inside a full name
                    where.append((m.start(), next(iter(by_surname[m.group()]))))
                where.sort()
            self._named = [(p, n) for p, n in where if not _PLACE_BEFORE.search(self.text, max(0, p - 12), p)]
        return self._named

    def full_name(self, name: str) -> str:
        """A surname used alone is the full name the article gave (where only one has it)."""
        if " " in name:
            return name
        if name not in self._full:  # one scan for this surname, not for every name of the text
            names = set()
            if self._people is not None:
                names = self._people[0].get(name, set())
            else:
                text, at = self.text, self.text.find(name)
                while at >= 0:  # each naming of the surname, with the capitalised words before it
                    m = _GIVEN_BEFORE.search(text, max(0, at - 60), at)
                    if m and not text[at + len(name):at + len(name) + 1].isalnum():
                        lead = text[max(0, m.start() - 16):m.start()]
                        if not _NOT_A_PERSON_BEFORE.search(lead) or _TITLE_OF.search(lead):
                            full = _person((lead.split("\n")[-1] if _TITLE_OF.search(lead) else "")
                                           + m.group() + name)
                            if " " in full and full.endswith(name):
                                names.add(full)
                    at = text.find(name, at + len(name))
            self._full[name] = next(iter(names)) if len(names) == 1 else name
        return self._full[name]

    def reporter(self, para: int, pos: int, quotes: list[_Quote], pronoun: str
                 ) -> tuple[str, str, str, str] | None:
        """The actor who, earlier in this paragraph and after its last quotation, is said to
        speak without quotation marks (“Early says there is a chance”): the one a following
        “he says” refers to (a person), or “they said”, “it said” (an organization; also in the
        paragraph before, where no quotation came since: “The company, X, denies it. / “…,”
        they said.”)."""
        kind = "person" if pronoun in ("he", "she") else "organization"
        back = 0 if kind == "person" else 1
        since = max([self.para_start(para - back), *(q.end for q in quotes if q.end <= pos)])
        for s, e, a in self._of_kind(pos, kind, since):
            if _REPORTS.match(self.text, e):
                return a, a, "pronoun", kind
        return None

    def opener(self, para: int, pos: int, quotes: list[_Quote]) -> tuple[str, str, str, str] | None:
        """The person a paragraph opens on (its first words name them), before `pos`."""
        p_start = self.para_start(para)
        if pos - p_start < 3 or self.text[p_start] in "“\"":
            return None
        who = self.subject_at(p_start, para, quotes, before=pos)
        return who if who[0] else None

    def subject_at(self, s_start: int, para: int, quotes: list[_Quote], *,
                   before: int | None = None) -> tuple[str, str, str, str]:
        """The person named at the very start of the sentence at `s_start` (after a title):
        the main clause's subject."""
        limit = min(s_start + 40, before if before is not None else s_start + 40)
        if before is None and (m := re.match(r"\s*(He|She|They|It)\b", self.text[s_start:s_start + 5])):
            return self._pronoun(m.group(1).lower(), s_start, para, quotes)
        for s, e, a in self.mentions:
            if s >= limit:
                break
            if s >= s_start and self.types.get(a) == "person" and \
                    not re.search(r"[,.;:]|\b(?:the|a|an|of|in|to)\b", self.text[s_start:s].lower()):
                return a, a, "actor", "person"
        if not self.types and (m := _OPENING_NAME.match(self.text, s_start, limit + 20)) and \
                m.start(1) < limit and (name := _person(m.group(1))):
            name = self.full_name(name)
            if " " in name:  # a person the article names in full
                return name, "", "description", "person"
        return "", "", "", ""

    def actor_in(self, start: int, end: int, *, nearest: str = "end") -> str:
        """The actor named in text[start:end]: people before organisations before countries;
        among equals, the one nearest the speech verb (`nearest` end or start of the span)."""
        ments, found = self.mentions, []
        for i in range(bisect_left(self._starts, start), bisect_left(self._starts, end)):
            if ments[i][1] <= end:
                found.append(ments[i][2])
        if nearest == "end":
            found.reverse()
        found.sort(key=lambda a: _RANK.get(self.types.get(a, ""), 3))
        return found[0] if found else ""

    def _of_kind(self, pos: int, kind: str, since: int) -> Iterator[tuple[int, int, str]]:
        """The mentions of actors of `kind` that lie in text[since:pos], the nearest first
        (found by bisection: the cost is theirs, not the article's)."""
        ments = self.mentions
        for i in range(bisect_left(self._starts, pos) - 1, -1, -1):
            s, e, a = ments[i]
            if s < since:
                break
            if e <= pos and self.types.get(a) == kind:
                yield s, e, a

    def last_of_type(self, pos: int, kind: str, quotes: list[_Quote], since: int = 0) -> str:
        return next((a for s, _, a in self._of_kind(pos, kind, since)
                     if not any(q.start <= s < q.end for q in quotes)), "")

    def resolve(self, phrase: str, start: int, end: int, para: int, quotes: list[_Quote], *,
                nearest: str = "end") -> tuple[str, str, str, str]:
        """(speaker, actor, speaker_kind, source type) for the speaker phrase at
        text[start:end]: the noun phrase ending right before the verb (`nearest` "end"), or
        starting right after it ("start")."""
        span = _np_before(phrase) if nearest == "end" else _np_after(phrase)
        if span is None:
            return "", "", "", ""
        start, end = start + span[0], start + span[1]
        phrase = phrase[span[0]:span[1]].strip(" ,")
        words = phrase.split()
        if not words:
            return "", "", "", ""
        low = [w.lower().strip(",") for w in words]
        if low[0] in PRONOUNS and (len(words) == 1 or low[1] in ("also", "then", "later")):
            return self._pronoun(low[0], start, para, quotes)
        actor = self.actor_in(start, end, nearest=nearest)
        person = _person(phrase)
        source = _source_type(phrase, person)
        if actor and (self.types.get(actor) == "person" or source != "anonymous" and not person):
            return actor, actor, "actor", _SOURCE_OF_TYPE.get(self.types.get(actor, ""), source)
        if person:  # “U.S. Attorney Ann Lee”: the person, not the office the registry holds
            return self.full_name(person), "", "description", "person"
        if low[-1] in _DOCUMENTS and len(words) <= 3 and self.last and para - self.last[4] <= 1:
            return self.last[0], self.last[1], "continued", self.last[3]  # “the statement said”
        if low[0] == "the" and len(words) <= 4 and (_PERSON_NOUN.search(low[-1]) or _AGED.match(low[-1])) \
                and low[-1] not in _GENERIC_PEOPLE and not re.search(r"['’]s?\b", phrase) \
                and not any(low[-1].rstrip("s") in d.lower() for d in self.anonymous):
            who = self._pronoun("he", start, para, quotes)  # “the 56-year-old”, “the actor”: the
            if who[0]:                                      # person the story is about
                return who[0], who[1], "pronoun", who[3]
        if low[0] == "the" and len(words) <= 3 and low[-1] in _ORG_NOUNS and (
                org := self.last_of_type(start, "organization", quotes, self.para_start(para - 1))):
            return org, org, "pronoun", "organization"  # “CBP announced … the agency said”
        if source == "anonymous" or source == "" and _PERSON_NOUN.search(low[-1]):
            head = re.sub(r"(?:e?s)$", "", low[-1])
            if low[0] == "the" and len(words) <= 3:  # “the official”: the one described before
                for desc in reversed(self.anonymous):
                    if head and head in desc.lower():
                        return desc, "", "anonymous", "anonymous"
            self.anonymous.append(phrase)
            return phrase, "", "anonymous", "anonymous"
        if source == "organization" and low[0] == "the" and words[-1][:1].isupper():
            phrase = " ".join(words[1:])  # “The Arab League”: Arab League
        elif low[0] == "the":
            phrase = "the " + " ".join(words[1:])
        return phrase, "", "description", source

    def _pronoun(self, pronoun: str, pos: int, para: int, quotes: list[_Quote]) -> tuple[str, str, str, str]:
        """He/she: the last speaker if a person (or an anonymous source) in this or the previous
        paragraph, else the last person named there outside quotations; it: the last
        organisation that spoke; they: the last speaker. Never further back (a change of topic)."""
        last = self.last
        opener = self.opener(para, pos, quotes)
        if opener and (not last or last[4] < para) and opener[0] != (last[0] if last else ""):
            return opener  # “Morrison was the third witness … He said …”
        if (told := self.reporter(para, pos, quotes, pronoun)):
            return told  # “…, Early says there is a chance. “…,” he says.”
        if pronoun in ("he", "she") and para > 0 and not opener and not (last and last[4] >= para - 1):
            begin, end = self.para_start(para - 1), self.para_start(para)
            if begin < end and not any(begin <= q.start < end for q in quotes) and \
                    (before := self.opener(para - 1, end - 1, quotes)) and before[3] == "person" \
                    and before[0] != (last[0] if last else ""):
                return before[0], before[1], "pronoun", "person"  # “Ann Lee, who …, could see it. / “…,” she said.”
        if last and para - last[4] <= 1 and (
                pronoun == "they" or pronoun == "it" and last[3] == "organization"
                or pronoun in ("he", "she") and last[3] in ("person", "anonymous")):
            return last[0], last[1], "pronoun", last[3]
        if pronoun not in ("he", "she"):
            return "", "", "", ""
        since = self.para_start(para - 1)
        found = self.last_of_type(pos, "person", quotes, since)
        if found:
            return found, found, "pronoun", "person"
        if not self.types:
            named = [(s, name) for s, name in self.named() if since <= s < pos
                     and not any(q.start <= s < q.end for q in quotes)]
            opening = [x for x in named if _SENTENCE_OPEN.search(self.text, max(0, x[0] - 6), x[0])]
            if named:  # “Taylor Swift's albums … owned by Scooter Braun. … she”: Swift
                return (opening or named)[-1][1], "", "pronoun", "person"
        return "", "", "", ""


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
        span_starts = [s for s, _, _ in spans]
        for q in _article_quotes(art.text, spans, _Speakers(registry, ments, art.text)):
            k = bisect_right(span_starts, q.start) - 1  # (sentences never overlap)
            sid = spans[k][2] if k >= 0 and q.start < spans[k][1] else -1
            rows.append({"article_id": art.article_id, "file": art.file, "outlet": art.outlet,
                         "published": art.published, "speaker": q.speaker, "actor": q.actor,
                         "speaker_kind": q.speaker_kind, "source_type": q.source,
                         "relay": q.relay, "kind": q.kind,
                         "quote": art.text[q.start:q.end].strip(), "sentence_id": sid,
                         "start": q.start, "end": q.end,
                         # an "according to X" row is sourcing: it quotes no words
                         "words": 0 if q.kind == "according" else len(art.text[q.start:q.end].split())})
    return schema.conform(pd.DataFrame(rows, columns=list(schema.QUOTES)), schema.QUOTES)


def _labels(text: str, paragraphs: list[tuple[int, int]]) -> dict[int, tuple[str, str, int]]:
    """Broadcast transcripts: paragraph -> (speaker, source type, where the words start) for
    each paragraph opening with a speaker label, where the article has at least three such
    paragraphs from at least two labels (one label alone is a heading: “UPDATE:”)."""
    found = {}
    for para, (p_start, p_end) in enumerate(paragraphs):
        if text[p_start].isupper() and (m := _LABEL.match(text, p_start, p_end)) and \
                len(m["label"].replace(".", "")) > 2:
            found[para] = m
    if len(found) < 3 or len({m["label"] for m in found.values()}) < 2:
        return {}
    full: dict[str, str] = {}
    out = {}
    for para, m in found.items():
        name = " ".join(w.capitalize() if not re.match(r"^(?:[A-Z]\.)+$", w) else w
                        for w in m["label"].split())
        if len(name.split()) > 1:
            full.setdefault(name.split()[-1], name)
        elif name in full:
            name = full[name]
        source = "anonymous" if re.match(r"(?i)unidentified|crowd|group|voices?\b", name) else "person"
        out[para] = (name.lower() if source == "anonymous" else name, source, m.end())
    return out


def _article_quotes(text: str, sentences: list[tuple[int, int, int]],
                    speakers: _Speakers) -> list[_Quote]:
    out: list[_Quote] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    labelled = _labels(text, paragraphs) if ": " in text else {}

    starts = [s for s, _, _ in sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        k = bisect_right(starts, pos) - 1  # (sentences never overlap)
        return (sentences[k][0], sentences[k][1]) if k >= 0 and pos < sentences[k][1] else (pos, pos)

    prev_open = False
    for para, (p_start, p_end) in enumerate(paragraphs):
        if para in labelled:  # the whole paragraph is the labelled person's (quotes inside too)
            speaker, source, begin = labelled[para]
            if text[begin:p_end].strip():
                q = _Quote(begin, p_end, "direct", speaker, "", "anonymous" if source == "anonymous"
                           else "description", source=source)
                out.append(q)
                speakers.last = (speaker, "", q.speaker_kind, source, para)
            prev_open = False
            continue
        quotes = [q for q in _quoted_spans(text[p_start:p_end], p_start)
                  if not _NOT_WORDS.search(text[q.start:q.end]) and text[q.start - 2:q.start - 1] != "="]
        q_starts = [q.start for q in quotes]  # (in order)
        reach = list(accumulate((q.end for q in quotes), max))  # the furthest end so far
        done_upto = 0  # quotations attributed so far, in order
        for s, e, _ in sentences[bisect_left(starts, p_start):bisect_left(starts, p_end)] or [
                (p_start, p_end, -1)]:
            upto = max(done_upto, bisect_left(q_starts, e))  # those that start in this sentence
            here, done_upto = range(done_upto, upto), upto
            for i in here:
                q = quotes[i]
                prev = quotes[i - 1] if i else None
                nxt = quotes[i + 1].start - 1 if i + 1 < len(quotes) else p_end
                ctx = _Context(text, q, prev, max(sentence_of(q.start)[0], p_start), p_start,
                               nxt, sentence_of(q.end - 1 if q.end > q.start else q.start)[1], para)
                first = i == 0 and not text[p_start:q.start - 1].strip()
                _attribute(ctx, speakers, out, continues=first and (prev_open or (
                    speakers.last is not None and para - speakers.last[4] <= 1)))
                out.append(q)
            if not here and not ((k := bisect_right(q_starts, s) - 1) >= 0 and reach[k] > s):
                # (no quotation holds the sentence's start)
                _note_sayer(text, s, e, para, speakers, out)
                for m in _ACCORDING.finditer(text, s, e):
                    sp, act, kind, source = speakers.resolve(m["sp"], m.start("sp"), m.end("sp"), para,
                                                             out, nearest="start")
                    if sp:
                        out.append(_Quote(m.start("sp"), m.end("sp"), "according", sp, act, kind,
                                          source=source))
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
        return self.text[(self.prev.end + self.prev.mark) if self.prev else self.p_start:self.q.start - 1]

    @property
    def before_in_sentence(self) -> str:
        start = max(self.s_start, (self.prev.end + self.prev.mark) if self.prev else self.s_start)
        return self.text[start:self.q.start - 1]

    @property
    def after(self) -> str:
        """Text after the closing mark up to the next quotation or the sentence's end."""
        if not self.q.closed:
            return ""
        return self.text[self.q.end + self.q.mark:min(self.next_start, max(self.s_end, self.q.end + 1))]


def _set(q: _Quote, who: tuple[str, str, str, str], kind: str, speakers: _Speakers, para: int) -> None:
    q.speaker, q.actor, q.speaker_kind, q.source = who
    q.kind = kind if q.speaker else ("direct" if kind != "partial" else "term")
    if not q.speaker and q.kind == "direct":
        q.speaker_kind = "unknown"
    if q.speaker:
        speakers.last = (q.speaker, q.actor, q.speaker_kind, q.source, para)


def _is_title(quoted: str, before: str) -> bool:
    """A title of a work: Title Case words right after the kind of work (“the song “Hold On””)."""
    words = [w for w in re.findall(r"[\w’'-]+", quoted)]
    if not words or len(words) > 12 or not _WORK_BEFORE.search(before[-60:]):
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and sum(w[:1].isupper() or w[:1].isdigit() for w in big) >= 0.75 * len(big)


def _attribution_of(between: str, speaker: str) -> bool:
    """Whether the text between two quotations is the first one's attribution alone: it names
    that speaker and ends no other sentence (“…,” X, a fellow at the Y Institute in Z, said.
    “…”, whatever actors the appositive names)."""
    named = speaker in between or (len(speaker.split()) > 1 and re.search(
        rf"(?<!\w){re.escape(speaker.split()[-1])}(?!\w)", between) is not None)  # (the surname)
    return named and len(_SENTENCE_STOP.findall(between)) <= 1


_IN_THE_WORDS = re.compile(r"\bin the (?:own )?words of (?P<sp>[^,:“”\"]{2,80}?)\s*[:,]\s*$")
_WORK_BY = re.compile(r"(?:an?|the)\s+(?:\d{4}\s+)?(?:new\s+)?(?:survey|study|report|poll|analysis|"
                      r"review|paper|book|census|audit)\s+(?:by|from)\s+(?P<by>.+)", re.I)
_REPORTS = re.compile(rf",?\s+(?:also\s+|later\s+)?(?:{SPEECH_VERBS})\b")
_SENTENCE_STOP = re.compile(r"[.!?][\"”’']?\s")


def _attribute(c: _Context, speakers: _Speakers, done: list[_Quote], *, continues: bool) -> None:
    """Set the quotation's kind and speaker from the text around it."""
    q, text = c.q, c.text
    quoted = text[q.start:q.end]
    words = len(quoted.split())
    sentence = text[c.s_start:max(c.s_end, q.end)]
    sentence_before = text[c.s_start:q.start - 1]
    if _is_title(quoted, sentence_before):
        q.kind, q.speaker_kind = "term", ""
        return
    relay = re.search(r"\b(?P<relay>[A-Z][\w&.]*(?:\s[A-Z][\w&.]*)*)\s+quoted\s+(?P<sp>.+?)\s+as\s+"
                      r"(?:saying|telling|writing)\b", sentence)
    ends_sentence = quoted.rstrip().endswith(".")
    after = c.after if not ends_sentence else ""
    if quoted.rstrip().endswith(("?", "!")) and not after.strip()[:1].islower() and not _ASKED.match(after):
        after = ""  # a new sentence, unless it is only “Schiff asked.” (“Lee asked before leaving.”)
    limit = min(c.next_start, max(c.s_end, q.end + 1))

    def resolve(m: re.Match, group: str, base: int) -> tuple[str, str, str, str]:
        verb_first = m.start(group) > m.start("verb") if "verb" in m.groupdict() and m["verb"] else True
        start = base + m.start(group)
        if verb_first:  # what follows the verb, to the sentence's end: “said X, a former adviser”
            end = max(limit, base + m.end(group))
            return speakers.resolve(text[start:end], start, end, c.para, done, nearest="start")
        return speakers.resolve(m[group], start, base + m.end(group), c.para, done, nearest="end")

    if relay:
        q.relay = relay["relay"]
        _set(q, resolve(relay, "sp", c.s_start), "direct", speakers, c.para)
        return
    base_after = q.end + q.mark
    # “…,” X said / “…?” X asked / “…” , X said: the quotation hands over to its attribution
    # (“as “another measure” the legal footing … said” does not).
    hands_over = quoted.rstrip().rstrip("’'").endswith((",", "?", "!", "—", "–", "-", "…")) or after.lstrip().startswith(",")
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SP_FIRST):
        if hands_over and (m := pattern.match(after)) and (who := resolve(m, "sp", base_after))[0]:
            _set(q, who, "direct", speakers, c.para)
            return
    if q.closed and (m := _TAIL.match(text, base_after, c.next_start)) and (
            not after.strip() or after.strip() == text[base_after:m.end()].strip()):
        group = "sp" if m["sp"] else "sp2"  # “…?” Schiff asked. (an attribution of its own)
        who = speakers.resolve(m[group], m.start(group), m.end(group), c.para, done,
                               nearest="end" if group == "sp" else "start")
        if who[0]:
            _set(q, who, "direct", speakers, c.para)
            return
    if (m := _NAME_ONLY.match(after)) and speakers.actor_in(base_after + m.start("sp"),
                                                            base_after + m.end("sp")):
        _set(q, resolve(m, "sp", base_after), "direct", speakers, c.para)  # “…,” Eswar Prasad.
        return
    between = c.between
    base_between = q.start - 1 - len(between)
    if c.prev and c.prev.speaker and _BROKEN.match(between) and \
            text[c.prev.start:c.prev.end].rstrip().endswith(","):
        _set(q, (c.prev.speaker, c.prev.actor, c.prev.speaker_kind, c.prev.source), "direct",
             speakers, c.para)
        q.relay = c.prev.relay  # “A,” he said, “B.”
        return
    before = c.before_in_sentence
    base_before = q.start - 1 - len(before)
    if (m := _IN_THE_WORDS.search(before)) and (who := resolve(m, "sp", base_before))[0]:
        _set(q, who, "direct", speakers, c.para)  # “in the words of the patient: “…””
        return
    for pattern in (_BEFORE, _BEFORE_VERB_FIRST):
        if (m := pattern.search(before)) and not _SO_CALLED.search(before):
            if pattern is _BEFORE_VERB_FIRST or before.rstrip().endswith((",", ":")) or \
                    m["verb"] in ("said", "says", "added", "wrote", "asked", "replied"):
                if (who := resolve(m, "sp", base_before))[0]:
                    _set(q, who, "direct", speakers, c.para)
                    return
    rest = text[q.end + q.mark:max(c.s_end, q.end + 1)] if q.closed else ""
    if (m := _LATER.search(rest)) and not ends_sentence:
        group = "sp" if m["sp"] else "sp2"
        if m["sp2"]:  # the subject ends right before its verb
            who = speakers.resolve(m["sp2"], q.end + q.mark + m.start("sp2"), q.end + q.mark + m.end("sp2"),
                                   c.para, done, nearest="end")
        else:
            who = resolve(m, group, q.end + q.mark)
        if who[0]:
            _set(q, who, "direct", speakers, c.para)
            return
    if continues and words > TERM_MAX_WORDS and speakers.last is not None:
        sp, act, _, source, _ = speakers.last
        q.speaker, q.actor, q.speaker_kind, q.kind, q.source = sp, act, "continued", "continued", source
        speakers.last = (sp, act, "continued", source, c.para)
        return
    if c.prev and c.prev.speaker and c.prev.kind in ("direct", "continued") and words > TERM_MAX_WORDS \
            and (speakers.actor_in(base_between, q.start, nearest="start") in (
                "", c.prev.actor, c.prev.speaker) or _attribution_of(between, c.prev.speaker)):
        q.speaker, q.actor, q.speaker_kind, q.kind, q.source = (
            c.prev.speaker, c.prev.actor, c.prev.speaker_kind, "direct", c.prev.source)
        return
    if not _SO_CALLED.search(sentence_before):
        # The first speech verb whose subject is someone; a bare description only as a last resort.
        # The verb of the clause holding the quotation: the nearest, unless it is reported
        # speech of an earlier one (“X said that Y had concluded “…””: X; “He testified … when
        # Sondland told them to “deliver””: Sondland). A participle after a comma (“…, adding”)
        # has the main clause's subject.
        fallback, skipped = None, False
        verbs = list(re.finditer(rf"\b({PARTIAL_VERBS})\b", sentence_before))
        k = len(verbs) - 1
        while k > 0:
            between = sentence_before[verbs[k - 1].end():verbs[k].start()]
            if _SUBORDINATE.search(between) and not re.match(r"\s*that\b", between):
                break
            k -= 1
        for verb in verbs[k:k + 1] + verbs[:k] + verbs[k + 1:]:
            subject = sentence_before[:verb.start()]
            if verb.group().endswith("ing") and subject.rstrip().endswith(","):
                skipped = True
                continue
            who = speakers.resolve(subject, c.s_start, c.s_start + verb.start(), c.para, done)
            if not who[0] and re.search(r"\b(?:and|but)\s*$", subject):
                skipped = True  # “She did not …, but said …”: the sentence's subject
            if who[0] and who[2] != "description" or who[3] == "person":
                _set(q, who, "partial", speakers, c.para)
                return
            if who[0] and fallback is None:
                fallback = who
        if fallback:
            _set(q, fallback, "partial", speakers, c.para)
            return
        if skipped and (who := speakers.subject_at(c.s_start, c.para, done))[0]:
            _set(q, who, "partial", speakers, c.para)  # “Boudreau gave a talk, telling them “…””
            return
        if (m := _ACCORDING.search(sentence)) and not (q.start <= c.s_start + m.start() < q.end):
            start, phrase = c.s_start + m.start("sp"), m["sp"]
            if by := _WORK_BY.match(phrase):  # “according to a 2018 survey by X”: X
                start, phrase = start + by.start("by"), by["by"]
            who = speakers.resolve(phrase, start, start + len(phrase), c.para, done, nearest="start")
            if who[0]:
                _set(q, who, "partial", speakers, c.para)  # “according to X, … “a quick exam””
                return
    q.kind = "term" if words <= TERM_MAX_WORDS or _SO_CALLED.search(sentence_before) else "direct"
    q.speaker_kind = "" if q.kind == "term" else "unknown"


def _note_sayer(text: str, s: int, e: int, para: int, speakers: _Speakers,
                done: list[_Quote]) -> None:
    """Reported speech without quotation marks ("Shi said that …", "…, said Danny Russel")
    makes its subject the one a later "he said" refers to."""
    sent = text[s:e]
    if _VERB_WORDS.isdisjoint(_LOWER_WORD.findall(sent)):
        return  # (every pattern below needs a speech verb: most sentences have none)
    m = _LATER.search(sent) or _AFTER_SP_FIRST.match(sent)
    if m:
        group = "sp" if m.groupdict().get("sp") else "sp2"
        verb_first = group == "sp" and "verb" in m.groupdict() and m["verb"] and m.start("sp") > m.start("verb")
        if verb_first:
            who = speakers.resolve(sent[m.start(group):], s + m.start(group), e, para, done,
                                   nearest="start")
        else:
            who = speakers.resolve(m[group], s + m.start(group), s + m.end(group), para, done)
    elif v := _SAYER.search(sent):
        who = speakers.resolve(sent[:v.start()], s, s + v.start(), para, done)
    else:
        return
    if who[0] and (who[2] in ("actor", "anonymous") or who[3] in ("person", "organization")):
        speakers.last = (*who, para)


def speaker_counts(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotations and quoted words per (outlet, speaker), terms left out (schema.SPEAKERS)."""
    q = quotes[quotes["kind"].isin(QUOTATION_KINDS) & (quotes["speaker"] != "")]
    out = q.groupby(["outlet", "speaker"], as_index=False).agg(
        quotes=("quote", "size"), quoted_words=("words", "sum"),
        actor=("actor", "first"), speaker_kind=("speaker_kind", "first"))
    totals = out.groupby("outlet")["quoted_words"].transform("sum")
    out["share_of_quoted_words_pct"] = out["quoted_words"] / totals.clip(lower=1) * 100
    out = out.sort_values(["outlet", "quoted_words"], ascending=[True, False])
    return schema.conform(out, schema.SPEAKERS)


SOURCE_LABELS = {"person": "named person", "organization": "organization or government",
                 "anonymous": "anonymous source", "": "unattributed"}


def source_type_shares(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotations and quoted words per (outlet, kind of source), with each kind's share of the
    outlet's quoted words (schema.SOURCE_TYPES); terms left out, every kind present for every
    outlet (zeros where none)."""
    q = quotes[quotes["kind"].isin(QUOTATION_KINDS)]
    if q.empty:
        return schema.conform(pd.DataFrame(columns=list(schema.SOURCE_TYPES)), schema.SOURCE_TYPES)
    q = q.assign(source_type=q["source_type"].astype(str).map(SOURCE_LABELS).fillna("unattributed"),
                 outlet=q["outlet"].astype(str))
    grid = pd.MultiIndex.from_product([sorted(q["outlet"].unique()), list(SOURCE_LABELS.values())],
                                      names=["outlet", "source_type"])
    out = q.groupby(["outlet", "source_type"]).agg(quotes=("quote", "size"),
                                                  quoted_words=("words", "sum"))
    out = out.reindex(grid, fill_value=0).reset_index()
    totals = out.groupby("outlet")["quoted_words"].transform("sum")
    out["share_of_quoted_words_pct"] = out["quoted_words"] / totals.clip(lower=1) * 100
    return schema.conform(out, schema.SOURCE_TYPES)


def speaker_quotes(quotes: pd.DataFrame, speaker: str, *, outlet: str | None = None) -> pd.DataFrame:
    """The quotations of one speaker (terms left out), in reading order."""
    q = quotes[(quotes["speaker"] == speaker) & quotes["kind"].isin(QUOTATION_KINDS)]
    if outlet:
        q = q[q["outlet"] == outlet]
    return q.sort_values(["published", "article_id", "start"])


def top_speakers(speakers: pd.DataFrame, *, per_outlet: int) -> pd.DataFrame:
    """The `per_outlet` speakers with most quoted words in each outlet (schema.SPEAKERS)."""
    return speakers.sort_values(["outlet", "quoted_words"], ascending=[True, False]).groupby(
        "outlet").head(per_outlet)
