"""The actors a corpus names, found in its text when it has no registry of its own: people,
countries and organizations, typed, with their name variants merged into one registry entry
each, for the literal matcher (analysis.mentions) to count.

One pass of regular expressions over each article (linear in the text):
- candidate names are runs of capitalised tokens ("Sam Altman", "Ministry of Foreign Affairs":
  "of", "for", "on", "the" join only after an organization word), camel-case and apostrophe
  names (OpenAI, D'Angelo), acronyms (NATO, U.S.); possessives are dropped ("Altman's");
  a title splits a run ("Microsoft CEO Satya Nadella": Microsoft, then a titled person);
- world knowledge that belongs to no story: countries from pycountry (names, common and
  official names, the few codes news writes as such: US, USA, U.S., UK, PRC) and a short list
  of major international bodies. Never another corpus's actors;
- typing: a run with an organization word, an acronym or a camel-case name is an
  organization; a run of two or more names is a person where the text treats it as one (a
  title before it, "said" after it, its surname or given name used alone in the same article);
  a run never treated as a person's, seen twice and mid-sentence, is an organization ("Blue
  Origin"); runs mostly after "in", "to", "from" (places: "Hong Kong", "Silicon Valley"),
  states and provinces (pycountry's subdivisions), party camps ("House Democrats"), model
  numbers ("A350") and common abbreviations ("TV", "CEO") are not actors;
- roles learned from the corpus: a title written before a person's name ("Transport Minister
  Lena Varga", "Gov. Ann Lee") becomes that person's role ("the transport minister"), which the
  matcher counts only where exactly one person holding it is named in the article; never a
  role that names another actor ("White House press secretary");
- aliases: a person's surname (or given name, "Xi" of "Xi Jinping") used alone in an article
  that names the full name becomes a short form; two people sharing it keep it as a shared
  short form, which the matcher resolves by who the article named, never merged. "Full Name
  (ACR)" makes the acronym an alias of the name;
- a discovered name is kept where seen in 2 articles or twice in one (countries and bodies of
  the world list: once). A single capitalised word never seen mid-sentence ("Officials",
  "Despite"), or seen there less than twice while the corpus also writes it in lower case,
  is not a name.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from analysis.actors import Actor, Registry, Role, dump_registry

MIN_ARTICLES = 2  # a discovered name seen in this many articles is kept ...
MIN_MENTIONS = 2  # ... or this many times in one (measured: see the module's tests and note)

# The few country codes written as such in news text (pycountry's codes are otherwise
# ordinary words or other things: "AI" is Anguilla's, "IT" Italy's, "CA" California).
COUNTRY_FORMS = {
    "United States": ("U.S.", "US", "USA", "U.S.A.", "United States of America", "America"),
    "United Kingdom": ("U.K.", "UK", "Britain", "Great Britain"),
    "China": ("PRC", "People's Republic of China", "People’s Republic of China"),
    "Russia": ("Russian Federation",),
    "South Korea": ("Republic of Korea", "ROK"),
    "North Korea": ("DPRK",),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "Democratic Republic of the Congo": ("DRC",),
    "Czech Republic": ("Czechia",),
    "Turkey": ("Türkiye",),
    "Ivory Coast": ("Côte d'Ivoire",),
    "Palestine": ("Palestinian territories",),
}
_CANONICAL = {"Russian Federation": "Russia", "Czechia": "Czech Republic", "Türkiye": "Turkey",
              "Côte d'Ivoire": "Ivory Coast", "Congo, The Democratic Republic of the":
              "Democratic Republic of the Congo", "Holy See (Vatican City State)": "Vatican City"}
# Major international bodies: world knowledge, not any story's actors.
WORLD_BODIES = {
    "United Nations": ("UN", "U.N."),
    "NATO": ("North Atlantic Treaty Organization",),
    "European Union": ("EU", "E.U."),
    "World Health Organization": ("WHO",),
    "International Monetary Fund": ("IMF",),
    "World Bank": (),
    "World Trade Organization": ("WTO",),
    "Asia-Pacific Economic Cooperation": ("APEC",),
    "Association of Southeast Asian Nations": ("ASEAN",),
    "Group of Seven": ("G7", "G-7"),
    "Group of 20": ("G20", "G-20", "Group of Twenty"),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "African Union": (),
    "International Atomic Energy Agency": ("IAEA",),
    "International Criminal Court": ("ICC",),
    "White House": (),
    "Kremlin": (),
    "Pentagon": (),
    # news agencies, cited as sources in every story
    "Reuters": (),
    "Associated Press": (),
    "Agence France-Presse": ("AFP",),
    "Xinhua": ("Xinhua News Agency",),
}
# Single words that name one body wherever capitalised mid-sentence ("the Senate voted").
INSTITUTIONS = frozenset("Senate Congress Parliament Knesset Duma Bundestag Politburo".split())
# Words for members of a party or camp ("House Democrats", "Democratic"): a group, not an actor.
GROUP_WORDS = frozenset(
    "Democrat Democrats Democratic Republican Republicans Conservative Conservatives Liberal "
    "Liberals Socialist Socialists Communist Communists Tory Tories Loyalist Loyalists "
    "Progressive Progressives Independent Independents".split())
# Capitalised abbreviations of English that name no actor.
COMMON_ACRONYMS = frozenset(
    "TV CEO CFO CTO COO GDP AI DNA RNA PhD MBA AM PM OK ID IPO ETF USB PC HIV AIDS COVID "
    "LGBT LGBTQ FAQ PR HR VR AR EV EVs SUV SUVs MVP NFT API CD DVD GPS UFO ATM PDF URL FM "
    "ET EST EDT PST PDT GMT UTC BC AD Jr Sr RSS VIP".split())

ORG_HEADS = frozenset(
    "Ministry Department Agency Bank Party Union Council Committee Inc Inc. Corp Corp. Corporation "
    "Co. Ltd Ltd. LLC PLC Group Holdings University College Institute Association Federation "
    "Commission Army Navy Force Forces Court Company Organization Organisation Authority Board "
    "Bureau Office Administration Fund Foundation Society League Alliance Coalition Front "
    "Movement Service Services Parliament Congress Senate Assembly Cabinet Government "
    "Police Guard Corps Command Academy Center Centre Trust Network Systems Technologies "
    "Labs Airlines Motors Times Post Journal News Press Reuters Exchange Reserve Secretariat "
    "Tribunal Chamber Federal Guardian Herald Tribune Agency "
    # clubs, labels, studios and firms ("Manchester United", "Dick Clark Productions"), and the
    # editions of a product ("Stadia Pro"): never the last word of a person's name
    "United FC Rovers Athletic Wanderers Hotspur Records Productions Studios Entertainment "
    "Pictures Games Software Pharmaceuticals Airways Brands Partners Ventures Industries "
    "Pro Max Plus Ultra".split())
TITLES = frozenset(
    "President Minister Secretary Premier Chancellor Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sen Sen. "
    "Senator Rep Rep. Representative Gov Gov. Governor Gen Gen. Adm Adm. Admiral Ambassador "
    "Chairman Chairwoman Chair CEO Director Spokesman Spokeswoman Spokesperson Judge King "
    "Queen Prince Princess Pope Mayor Commissioner Lt Lt. Col Col. Colonel Capt Capt. Sgt "
    "Sgt. Professor Prof Prof. Speaker Leader Envoy Sheikh Lord Sir Dame Founder Cofounder "
    "Co-founder Officer Chief Executive Vice Deputy Prime President-elect Attorney "
    "Adviser Advisor Counsel Lawyer Analyst Economist Correspondent Editor Administrator "
    "Surgeon Inspector".split())
# Core titles: a run holding one is split there (the name follows it).
_SPLIT_TITLES = TITLES - frozenset("Chief Executive Vice Deputy Prime Attorney".split())
JOINERS = frozenset("of for on the and de".split())
FUNCTION = frozenset(
    "The A An This That These Those There Their They Then When While After Before But And Or "
    "For With Without From Since Still Instead However Meanwhile Nonetheless Perhaps Both Some "
    "Many Most Other Another Last Next In On At As If It Its Our We He She His Her I You Your "
    "My Me Us Who What Why How Where Which Yes No Not So Yet Also Even Only Just Now Here "
    "Today Yesterday Tomorrow Although Though Despite During Beyond Under Over Into Through "
    "By To Of Is Was Are Were Be Been Has Have Had Do Does Did Can Could Will Would Should "
    "May Might Must Each Every All Any Few Such More Less Once Because Unlike Like Among "
    "Mr Mrs Ms Dr Sir Madam Read More See Related Photo Watch Listen Subscribe Sign Follow "
    "According Asked Said Says Earlier Later Several Two Three One Four Five Top".split())
MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday".split())
REGIONS = frozenset(
    "Europe Asia Africa America Americas Oceania Antarctica Arctic Middle East West Western "
    "Eastern Asia-Pacific Indo-Pacific Pacific Atlantic Mediterranean Caribbean Balkans "
    "Scandinavia Latin North South Central Northern Southern Gulf".split())
# Demonyms the regular forms of a country's name do not give (those are made in `demonyms`).
IRREGULAR_DEMONYMS = frozenset(
    "French British Dutch Swiss Greek Thai Filipino Turkish Spanish Polish Swedish Danish Finnish "
    "Irish Scottish Welsh English Afghan Arab Arabic Kurdish Saudi Norwegian Portuguese Argentine "
    "Peruvian Lebanese Icelandic Belarusian Emirati Bahraini Kuwaiti Czech Slovak Slovenian "
    "Flemish Basque Catalan Tibetan Uyghur Uighur Palestinian Persian Pashtun Maori Inuit "
    "Congolese Ivorian Malagasy Burmese Lao Laotian Kiwi Yankee European African Asian Latino "
    "Hispanic Caribbean Scandinavian Nordic Baltic Balkan Soviet Ottoman Western Eastern "
    "Northern Southern Korean Bosnian Cypriot Maltese Monegasque Luxembourgish Andorran".split())
SPEECH = re.compile(r"^\s*(?:,[^,.;]{1,80},\s*)?(?:said|says|told|added|wrote|argued|noted|"
                    r"asked|explained|announced|insisted|warned|stated|tweeted|posted|"
                    r"replied|responded|acknowledged|testified)\b")
SPEECH_BEFORE = re.compile(r"(?:according to|said|says|told|by)\s+$")
PLACE_PREP = re.compile(r"\b(?:in|to|from|at|near|across|around|into|outside|inside|visit|"
                        r"visited|toward|towards)\s+(?:the\s+)?$")

_TOKEN = (r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?=\s[A-Z])|[A-Z]-?\d{1,2}\b|"
          r"(?:[A-Z]['’](?=[A-Z]))?[A-Z][A-Za-z0-9]*(?:[-‐][A-Z][A-Za-z0-9]*)*)")
_RUN = re.compile(rf"(?<![\w'’.-]){_TOKEN}(?:[ ](?:(?:of|for|on|the|and|de)[ ])*{_TOKEN})*")
_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"”’)]*\s+|\n\s*|[\"“‘(—–]\s*)$")
_ACRONYM_DEF = re.compile(r"\s*\(\s*((?:[A-Z][A-Za-z]*){1,2}[A-Z]|(?:[A-Z]\.){2,})\s*\)")
_INITIAL = re.compile(r"^[A-Z]\.$")
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][a-z]*\.?$")
_DIGIT = re.compile(r"\d")
_GROUP_OF = re.compile(r"^G-?\d{1,2}$")  # G7, G-20: bodies, not model numbers


def _is_model(token: str) -> bool:
    """A model number ("A350", "737", "F-35"): a product, not part of a name."""
    return bool(_DIGIT.search(token)) and not _GROUP_OF.match(token)
_POSSESSIVE = re.compile(r"^['’]s\b")


@cache
def countries() -> dict[str, str]:
    """Every form of a country's name that counts as the country -> its canonical name."""
    import pycountry

    forms: dict[str, str] = {}
    firsts = Counter(c.name.split(",")[0] for c in pycountry.countries if "," in c.name)
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        name = _CANONICAL.get(c.name) or common or c.name
        if "," in name:  # "Virgin Islands, British": no short form in news text
            first = name.split(",")[0]
            if firsts[first] > 1:
                continue
            name = first
        name = re.sub(r"\s*\(.*\)$", "", name)
        for form in (name, c.name, getattr(c, "official_name", None), common):
            if form and "," not in form and "(" not in form:
                forms.setdefault(form, name)
    for name, extra in COUNTRY_FORMS.items():
        for form in (name, *extra):
            forms[form] = name
    return forms


@cache
def demonyms() -> frozenset[str]:
    """Words naming a country's people or things ("Chinese", "Pakistani", "Brazilian"): the
    regular forms of every country's name (pycountry) and the irregular ones. Never a rule on
    the word's ending alone: "Rui", "Ryan" and "Jordan" end as demonyms do."""
    forms = set(IRREGULAR_DEMONYMS)
    for name in set(countries().values()) | set(countries()):
        word = name.split()[-1]
        if not word.isalpha():
            continue
        if word.endswith("a"):  # Russia, India, Syria, Kenya; China, Malta
            forms |= {word + "n", word[:-1] + "ese", word[:-1] + "an", word[:-1] + "ian"}
        elif word.endswith(("o", "e")):  # Mexico, Morocco; Chile, Ukraine
            forms |= {word[:-1] + "an", word + "an", word[:-1] + "ian"}
        elif word.endswith("y"):  # Italy, Germany, Hungary
            forms |= {word[:-1] + "ian", word[:-1] + "an", word[:-1]}  # (German)
        else:  # Pakistan, Israel, Iraq; Brazil, Egypt; Japan, Vietnam, Nepal
            forms |= {word + "i", word + "ian", word + "ese", word + "an"}
    return frozenset(forms | {f + "s" for f in forms if not f.endswith(("s", "ese", "sh", "ch"))})


def _is_demonym(word: str) -> bool:
    return word in demonyms()


@cache
def regions() -> frozenset[str]:
    """Names of states, provinces and regions within countries (pycountry's subdivisions):
    places, which a story names far more often as where than as who."""
    import pycountry

    kinds = {"State", "Province", "Region", "Prefecture", "Governorate", "Territory",
             "Autonomous region", "Federal district", "Outlying area", "Country", "Nation"}
    names = {re.sub(r"\s*\(.*\)$", "", s.name) for s in pycountry.subdivisions if s.type in kinds}
    # as news text writes them, without their marks ("Lōgar" is "Logar")
    names |= {unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode() for n in names}
    return frozenset(names - {""}) - frozenset(countries())


@cache
def world_bodies() -> dict[str, str]:
    return {form: name for name, extra in WORLD_BODIES.items() for form in (name, *extra)}


@dataclass
class _Seen:
    articles: set = field(default_factory=set)
    count: int = 0
    per_article: Counter = field(default_factory=Counter)
    titled: int = 0
    speech: int = 0
    place: int = 0
    mid: int = 0  # occurrences not at a sentence start
    shorts: Counter = field(default_factory=Counter)  # short form -> articles using it
    acronyms: Counter = field(default_factory=Counter)
    credit: int = 0  # occurrences alone in parentheses: "(AP)", a credit
    roles: Counter = field(default_factory=Counter)  # "transport minister" from a title before it


def _is_acronym(tok: str) -> bool:
    bare = tok.replace(".", "").replace("-", "")
    return len(bare) >= 2 and (bare.isupper() or bool(re.fullmatch(r"G\d+", bare)))


def _is_camel(tok: str) -> bool:
    return bool(re.search(r"[a-z][A-Z]", tok)) and not re.match(r"^(?:Mc|Mac|O['’]|D['’])", tok)


def _split_run(tokens: list[str]) -> list[tuple[list[str], bool]]:
    """A run's names: (tokens, titled). Split before function words and months, at titles
    (the name follows them) and at joiners not preceded by an organization word."""
    parts: list[tuple[list[str], bool]] = []
    cur: list[str] = []
    titled = False

    def flush():
        nonlocal cur, titled
        while cur and cur[-1] in JOINERS:
            cur.pop()
        while cur and (cur[0] in JOINERS or cur[0] in FUNCTION or cur[0] in MONTHS):
            cur.pop(0)
        while len(cur) > 2 and (cur[0] in TITLES or cur[0] == "General"):
            cur.pop(0)  # "Attorney General Letitia James"
            titled = True
        cut = max((k for k, c in enumerate(cur[:-2]) if c in TITLES or c == "General"), default=-1)
        if cut >= 0 and not any(c in ORG_HEADS for c in cur):
            cur = cur[cut + 1:]  # "U.S. Attorney Mira Kell": the name after the title
            titled = True
        if cur:
            parts.append((cur, titled))
        cur, titled = [], False

    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in FUNCTION and t not in JOINERS or t in MONTHS or _is_model(t):
            flush()  # (a model number, "A350", "737": a product, not part of a name)
        elif t in JOINERS:
            if cur and any(c in ORG_HEADS for c in cur) or cur and cur[0] in WORLD_BODIES:
                cur.append(t)
            elif cur and cur[-1] in _SPLIT_TITLES:  # "Secretary of State": part of the title
                i += 2
                flush()
                titled = True
                continue
            else:
                flush()
        elif t == "General" and cur and cur[-1] in TITLES:  # "Attorney General Letitia …"
            cur.append(t)
        elif t in _SPLIT_TITLES or t in ("Vice", "Deputy", "Prime", "Chief", "Executive"):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if t in _SPLIT_TITLES and nxt == "of" and i + 2 < len(tokens):
                cur = [c for c in cur if c not in TITLES]  # "Secretary of Commerce Laura …"
                flush()
                i += 3
                titled = True
                continue
            if t in _SPLIT_TITLES and nxt and nxt not in TITLES and nxt not in JOINERS:
                cur = [c for c in cur if c not in TITLES]
                flush()
                titled = True
            elif not nxt:
                cur = [c for c in cur if c not in TITLES]
                flush()
            else:  # a title word before another: drop, keep what came before as its own
                cur = [c for c in cur if c not in TITLES]
                flush()
        else:
            cur.append(t)
        i += 1
    flush()
    return parts


def _canonical_run(tokens: list[str]) -> str:
    if len(tokens) > 1 and _is_demonym(tokens[0]) and tokens[-1] not in ORG_HEADS and \
            " ".join(tokens) not in countries():  # (not "Saudi Arabia")
        tokens = tokens[1:]  # "Australian Timothy Weeks"; not "Chinese Communist Party"
    return " ".join(t for t in tokens if not _INITIAL.match(t) or len(tokens) == 1)


def _type_of(tokens: list[str]) -> str:
    if any(t in ORG_HEADS for t in tokens[1:]) or (len(tokens) > 1 and tokens[-1] in ORG_HEADS):
        return "organization"
    if len(tokens) == 1:
        t = tokens[0]
        return "organization" if _is_acronym(t) or _is_camel(t) else "single"
    if any(_is_acronym(t) or _is_camel(t) for t in tokens) or any(t in JOINERS for t in tokens):
        return "organization"
    return "name"


def _article_names(text: str):
    """(name, start, end, titled, sentence_start) for every candidate name in one text."""
    for m in _RUN.finditer(text):
        raw = m.group()
        tokens = raw.split(" ")
        pos = m.start()
        offsets = []
        for t in tokens:
            offsets.append(pos)
            pos += len(t) + 1
        parts = _split_run(tokens)
        # place each part back in the text, in order
        search_from = 0
        for toks, titled in parts:
            joined = " ".join(toks)
            k = raw.find(joined, search_from)
            if k < 0:
                continue
            search_from = k + len(joined)
            start = m.start() + k
            yield toks, start, start + len(joined), titled


def discover_registry(texts: Iterable[str]) -> Registry:
    """The actors that `texts` (each one article's counted text) name, as a registry whose
    every actor is marked `discovered`."""
    return _finish(_scan(enumerate(texts)))


def discover_articles(articles: list[tuple[str, bool]], *, workers: int = 1) -> Registry:
    """discover_registry over articles as read ((text, extracted) pairs, cleaned here), the
    reading and cleaning spread over `workers` processes for a large corpus. The same result
    whatever the number of workers: each article's pass is its own, merged in article order."""
    items = [(aid, text, extracted) for aid, (text, extracted) in enumerate(articles)]
    if workers <= 1 or len(items) < PARALLEL_FROM:
        return _finish(_scan_articles(items))
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    size = -(-len(items) // (workers * 4))
    chunks = [items[k:k + size] for k in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        return _finish(_merge(list(pool.map(_scan_articles, chunks))))


PARALLEL_FROM = 400  # articles: below this, starting processes costs more than it saves


@dataclass
class _Scan:
    """What one pass over some articles saw, names in the order first seen."""
    seen: dict
    types: dict
    lower: set
    singles_by_article: list


def _scan_articles(items: list[tuple[int, str, bool]]) -> _Scan:
    from analysis.cleaning import clean_text

    return _scan((aid, clean_text(text, extracted=extracted).text)
                 for aid, text, extracted in items)


def _merge(parts: list[_Scan]) -> _Scan:
    """Passes over consecutive runs of articles, as one pass over them all."""
    out = _Scan(defaultdict(_Seen), {}, set(), [])
    for part in parts:
        for name, s in part.seen.items():
            t = out.seen[name]
            t.articles |= s.articles
            t.per_article += s.per_article
            t.acronyms += s.acronyms
            t.roles += s.roles
            for attr in ("count", "titled", "speech", "place", "mid", "credit"):
                setattr(t, attr, getattr(t, attr) + getattr(s, attr))
        for name, type_ in part.types.items():
            out.types.setdefault(name, type_)
        out.lower |= part.lower
        out.singles_by_article += part.singles_by_article
    return out


def _scan(texts: Iterable[tuple[int, str]]) -> _Scan:
    """Every candidate name of each (article number, counted text), with what its context
    says (titles, speech, places, acronyms, roles)."""
    seen: dict[str, _Seen] = defaultdict(_Seen)
    types: dict[str, str] = {}
    lower: set[str] = set()
    singles_by_article: list[tuple[int, Counter, list[list[str]]]] = []
    for aid, text in texts:
        own_lower = set(_LOWER.findall(text))
        lower |= own_lower
        singles: Counter = Counter()
        multis: list[list[str]] = []
        for toks, start, end, titled in _article_names(text):
            initial = start == 0 or bool(_SENTENCE_START.search(text[max(0, start - 6):start]))
            if initial and len(toks) > 1 and _plain_word(toks[0], own_lower):
                start += len(toks[0]) + 1  # "Getting Disney to ...": a capital of the sentence
                toks = toks[1:]
                initial = False
            name = _canonical_run(toks)
            if not name:
                continue
            before = text[max(0, start - 40):start]
            after = text[end:end + 120]
            if _POSSESSIVE.match(after):
                after = after[2:]
            if _PARTY_TAG.match(name):
                continue  # "(D-Minn.)": a legislator's party and state
            s = seen[name]
            s.articles.add(aid)
            s.credit += text[start - 1:start] == "(" and text[end:end + 1] == ")"
            s.count += 1
            s.per_article[aid] += 1
            s.titled += titled
            s.mid += not initial
            if SPEECH.match(after) or SPEECH_BEFORE.search(before):
                s.speech += 1
            if len(toks) > 1 and _ends_in_title(before) and (role := _role_before(before)):
                s.roles[role] += 1
                s.titled += not titled  # ("Gov. Ann Lee": the title is not in the run)
            if PLACE_PREP.search(before):
                s.place += 1
            acr = _ACRONYM_DEF.match(after)
            if acr and len(toks) > 1 and _abbreviates(acr[1], toks):
                s.acronyms[acr[1]] += 1
            if name not in types:
                types[name] = _type_of(name.split(" "))
            if len(toks) == 1:
                singles[name] += 1
            elif types[name] == "name":
                multis.append(name.split(" "))
        singles_by_article.append((aid, singles, multis))
    return _Scan(seen, types, lower, singles_by_article)


def _finish(scan: _Scan) -> Registry:
    seen, types, lower = scan.seen, scan.types, scan.lower
    gaz_c, gaz_o = countries(), world_bodies()
    # short forms: a surname or given name used alone in an article naming the full name
    short_owner: dict[str, set[str]] = defaultdict(set)
    for aid, singles, multis in scan.singles_by_article:
        for toks in {tuple(t) for t in multis}:
            full = " ".join(toks)
            for short in {toks[-1], toks[0]}:
                if short in singles and short not in FUNCTION:
                    seen[full].shorts[short] += singles[short]
                    short_owner[short].add(full)
    return _registry(seen, types, lower, short_owner, gaz_c, gaz_o)


# A title written before a name ("Transport Minister Lena Varga", "Gov. Ann Lee"): its words,
# the abbreviations written out, as the role the text can later use alone ("the governor").
_TITLE_BEFORE = re.compile(
    r"(?:^|[^\w.'’-])((?:(?:[A-Z][a-z]+|of|for|the|and)\s){0,3}?(?:[A-Z][a-z]+\.?))\s$")
_ABBREVIATED = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                "lt": "lieutenant", "col": "colonel", "adm": "admiral", "capt": "captain",
                "sgt": "sergeant", "prof": "professor", "pres": "president", "sec": "secretary"}
_NOT_ROLES = frozenset("mr mrs ms dr sir dame lord madam".split())


def _ends_in_title(before: str) -> bool:
    """Whether the word just before a name is a title's (a quick look before _role_before)."""
    last = before[-16:].rsplit(None, 1)[-1].rstrip(".") if before.strip() else ""
    return last in TITLES or last == "General"


def _role_before(before: str) -> str:
    """The role a title just before a name gives ("Commerce Secretary" -> "commerce
    secretary"), or "" where the words before are not a title."""
    m = _TITLE_BEFORE.search(before)
    if not m:
        return ""
    words = m[1].split()
    while words and words[0].rstrip(".") not in TITLES and words[0] in JOINERS:
        words.pop(0)
    if not any(w.rstrip(".") in TITLES or w == "General" for w in words) or \
            words[-1].rstrip(".").lower() in _NOT_ROLES:
        return ""
    words = [_ABBREVIATED.get(w.rstrip(".").lower(), w.rstrip(".").lower()) for w in words]
    while words and (words[0] in ("the", "of", "for", "and") or _is_demonym(words[0].title())
                     or words[0].title() in countries()):
        words.pop(0)  # "U.S." or "Chinese" before the title belong to the affiliation
    return " ".join(words)


def _plain_word(token: str, lower: set[str]) -> bool:
    """A sentence's first word capitalised only for being first: the text writes it in lower
    case too, or it is a verb's -ing form ("Getting", "Speaking")."""
    word = token.lower()
    return word in lower or len(word) > 5 and word.endswith("ing") and token not in countries()


def _abbreviates(acr: str, toks: list[str]) -> bool:
    letters = acr.replace(".", "").upper()
    words = [t for t in toks if t not in JOINERS]
    if not words or letters[0] != words[0][0].upper():
        return False
    full = "".join(toks).upper()
    i = 0
    for ch in letters:
        i = full.find(ch, i)
        if i < 0:
            return False
        i += 1
    return True


def _kept(s: _Seen) -> bool:
    return len(s.articles) >= MIN_ARTICLES or max(s.per_article.values(), default=0) >= MIN_MENTIONS


def _registry(seen, types, lower, short_owner, gaz_c, gaz_o) -> Registry:
    actors: dict[str, dict] = {}
    claimed: set[str] = set()

    def add(name: str, type_: str, aliases=(), short=()):
        if name in claimed and name not in actors:
            return
        a = actors.setdefault(name, {"type": type_, "aliases": [], "short": [], "roles": []})
        claimed.add(name)
        for al in aliases:
            if al not in claimed and al != name:
                a["aliases"].append(al)
                claimed.add(al)
        for sh in short:
            if sh not in a["short"]:
                a["short"].append(sh)

    # world knowledge: any form seen once brings the country or body with all its forms
    for gaz, type_ in ((gaz_c, "country"), (gaz_o, "organization")):
        present = sorted({gaz[n] for n in seen if n in gaz})
        for canon in present:
            add(canon, type_, [f for f, c in gaz.items() if c == canon])
    acronym_of: dict[str, str] = {}
    for name, s in seen.items():
        acr_count = sum(seen[a].count for a in s.acronyms if a in seen)
        t = types[name]
        if name in claimed:
            continue
        words = name.split()
        if any(w in GROUP_WORDS for w in words) or name in COMMON_ACRONYMS or name in regions() \
                or s.credit == s.count or len(words) > 1 and words[-1] in TITLES:
            continue  # "House Democrats", "TV", "New Jersey", "(AP)", "U.S. Attorney" (a title)
        named_body = len(words) > 1 and any(w in ORG_HEADS for w in words[1:])
        if t != "name" and not (_kept_total(s) or s.count + acr_count >= MIN_MENTIONS
                                or named_body):
            continue
        if t == "organization" or (t == "name" and any(w in ORG_HEADS for w in name.split())):
            acr = [a for a, _ in s.acronyms.most_common() if a not in claimed]
            add(name, "organization", acr[:1])
            if acr:
                acronym_of[acr[0]] = name
        elif t == "name":
            if words[0] in regions() or words[0] in gaz_c:
                continue  # "Indiana Statehouse", "Kentucky Democrats": a place's something
            surname = name.split(" ")[-1]
            if not _kept_total(s) and s.count + (seen[surname].count if surname in seen
                                                 else 0) < MIN_MENTIONS and not (
                    s.titled or s.speech):  # (once, but with a title or as a speaker)
                continue
            # the surname used alone is evidence; a given name alone ("Xi") only beside
            # other evidence ("Apple" alone does not make "Apple Pay" a person)
            evidence = s.titled + s.speech + s.shorts[surname]
            if s.place * 2 > s.count:
                continue
            if not evidence:  # two names, never a person's: a company's ("Blue Origin")
                if _kept(s) and s.mid and len(words) <= 3:
                    add(name, "organization")
                continue
            surname = name.split(" ")[-1]  # the surname always; a given name where used
            shorts = [sh for sh in dict.fromkeys((surname, *s.shorts)) if sh not in claimed]
            add(name, "person", (), shorts)
            actors[name]["roles"] = [r for r, _ in s.roles.most_common(3)]
    person_shorts = {sh for a in actors.values() for sh in a["short"]}
    for name, s in seen.items():  # single words: organizations ("Microsoft", "Hamas")
        if (name in claimed or name in person_shorts or types[name] != "single"
                or not _kept(s) or s.mid == 0
                or name in REGIONS or name in MONTHS or name in TITLES or name in FUNCTION
                or _is_demonym(name) or s.place * 2 > s.count or len(name) < 3
                or name in ORG_HEADS and name not in INSTITUTIONS or name in GROUP_WORDS
                or name in COMMON_ACRONYMS or name in regions()):
            continue
        if name.lower() in lower and name not in INSTITUTIONS and not (
                _is_acronym(name) or _is_camel(name)):
            continue  # "the Legislature": a noun the corpus also writes in lower case
        add(name, "organization")
    # a learned role that names another actor ("White House press secretary") would take that
    # actor's mentions: kept only where it names none
    named = {f" {form.lower()} " for n, a in actors.items() if a["type"] != "person"
             for form in (n, *a["aliases"])}
    for a in actors.values():
        a["roles"] = [r for r in a.get("roles", []) if len(r.split()) <= 3
                      and not any(form in f" {r} " for form in named)]
    out = []
    for name, a in actors.items():
        out.append(Actor(name=name, type=a["type"], aliases=tuple(a["aliases"]),
                         short=tuple(a["short"]), discovered=True,
                         roles=tuple(Role(text=r) for r in a["roles"])))
    out.sort(key=lambda a: (("country", "organization", "person").index(a.type), a.name))
    return Registry(actors=tuple(out),
                    notes="# Actors discovered from this corpus's text (analysis.inventory);\n"
                          "# review them, then remove `discovered = true` from those you confirm.\n")


def _kept_total(s: _Seen) -> bool:
    """Kept counting the short forms too ("Sam Altman" once, "Altman" three times)."""
    if _kept(s):
        return True
    return s.count + sum(s.shorts.values()) >= MIN_MENTIONS


def registry_toml(registry: Registry) -> str:
    """The registry as an actors.toml a user can save and review (`discovered = true` on
    each actor found, not confirmed)."""
    return dump_registry(registry)
