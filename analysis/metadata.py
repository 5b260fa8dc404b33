"""What an article's own text says about its outlet and its date.

Pure: reads a raw article (as a reader gives it, before cleaning) and answers `Metadata`. The
corpus uses it where sources.csv (or the table) does not name an outlet or a date, and marks
what it found "detected".

Outlet, first found wins:
1. the article's URL (the `url` given, else a line that is only a URL, else a short line that
   holds a web address, e.g. "Source: www.example-news.com"): its registered domain (read with
   tldextract from the public-suffix snapshot bundled with it, never from the network) is
   looked up in OUTLET_DOMAINS; a domain not there is named by itself ("example-news.co.uk"):
   the one name that is certain and that two outlets never share;
2. an "This is an editorial from The X" / "This editorial first appeared in X" note: X;
3. a wire credit in a dateline at the start of a line ("CITY (Reuters) -", "(AP) —", "CITY,
   Nov. 14 (Xinhua) --"), or a credit line before the body ("(AFP)"): the agency.
An HTML page's own site name (its meta tags, readers.read_html) names the outlet where its URL's
domain is not in OUTLET_DOMAINS ("Connecticut Post", not "ctpost.com"), and its own date wins over
the dates its text shows. A site's URL wins over a wire credit or an editorial note: the site is the outlet that ran the
story (a local paper printing an AP story is still the local paper's coverage); with no URL, the
agency (or the paper of the editorial) is the outlet the text names.

Date (only a full day-month-year, never guessed; years 1990 to next year):
1. a labelled stamp line ("Published: Tuesday, 14 November 2023, 9:05 am", "Updated Nov. 14,
   2023", "Posted on 2023-11-14", a scraper's "date 2023-11-15"): a "Published"/"Posted" line
   before an "Updated" one;
2. a line that is a date and little else ("November 14, 2023 9:05 AM ET", "By Ann Lee | 14 Nov
   2023"), among the header lines (before the first body paragraph): the one nearest the body,
   as lists of other stories (with their own dates) come before it on a page, not after;
3. an agency dateline at the start of a paragraph ("CITY, Nov. 14 (Agency) --"), whose year is
   taken only where the rest of the text names a single year (a full date or a copyright year).
Never a date inside a quotation or a sentence: a candidate line must not hold quotation marks
nor end as a sentence does. Lines are found by cheap regexes; only a labelled stamp line whose
date those do not read goes to dateparser (strict: day, month and year required, English).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import MappingProxyType

# Outlets recognisable from an article's own URL (registered domain, or a host under it).
OUTLET_DOMAINS = {
    "wsj.com": "The Wall Street Journal",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "usip.org": "United States Institute of Peace",
    "english.nv.ua": "NV",
    "nv.ua": "NV",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "cnn.com": "CNN",
    "bloomberg.com": "Bloomberg",
    "scmp.com": "South China Morning Post",
    "globaltimes.cn": "Global Times",
    "yomiuri.co.jp": "The Japan News",
}

# Wire services and news agencies as their credits are written in datelines (world knowledge:
# the major international and national agencies), with the outlet name each stands for.
AGENCIES = {
    "Reuters": "Reuters", "AP": "Associated Press", "Associated Press": "Associated Press",
    "AFP": "Agence France-Presse", "Agence France-Presse": "Agence France-Presse",
    "Xinhua": "Xinhua", "Bloomberg": "Bloomberg", "dpa": "dpa", "DPA": "dpa",
    "Kyodo": "Kyodo News", "Kyodo News": "Kyodo News", "Yonhap": "Yonhap",
    "ANI": "ANI", "PTI": "Press Trust of India", "IANS": "IANS", "UPI": "UPI",
    "TASS": "TASS", "RIA Novosti": "RIA Novosti", "Interfax": "Interfax", "EFE": "EFE",
    "ANSA": "ANSA", "AA": "Anadolu Agency", "Anadolu": "Anadolu Agency",
    "Anadolu Agency": "Anadolu Agency", "CNA": "CNA", "Bernama": "Bernama", "Antara": "Antara",
    "AAP": "AAP", "CP": "The Canadian Press", "The Canadian Press": "The Canadian Press",
    "PA": "PA Media", "PA Media": "PA Media", "WAFA": "WAFA", "IRNA": "IRNA", "KCNA": "KCNA",
    "CNS": "China News Service", "Ukrinform": "Ukrinform", "APP": "Associated Press of Pakistan",
    "UNB": "UNB", "BSS": "BSS", "KUNA": "KUNA", "WAM": "WAM", "SPA": "SPA", "MENA": "MENA",
    "PNA": "Philippine News Agency", "Jiji": "Jiji Press", "Jiji Press": "Jiji Press",
    "NTB": "NTB", "TT": "TT", "Belga": "Belga", "ANP": "ANP", "APA": "APA", "CTK": "CTK",
    "PAP": "PAP", "Lusa": "Lusa", "Europa Press": "Europa Press", "Notimex": "Notimex",
}

_AGENCY_RE = "|".join(sorted(map(re.escape, AGENCIES), key=len, reverse=True))
_DASH = r"(?:--|[-–—])"
# "WASHINGTON (Reuters) -", "BEIJING, Nov. 14 (Xinhua) --", "(AP) —" at the start of a line.
_WIRE_DATELINE = re.compile(
    rf"^(?:[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*)*(?:,\s*[A-Z][\w.'’ -]*?)?,?\s*)?"
    rf"\(({_AGENCY_RE})\)\s*{_DASH}")
_WIRE_LINE = re.compile(rf"^\(?({_AGENCY_RE})\)?$")  # a credit line: "(AFP)"
_EDITORIAL = re.compile(
    r"\b(?:this is an editorial (?:from|by)|this editorial (?:first |originally )?"
    r"(?:appeared|ran|was (?:first |originally )?(?:published|printed)) (?:in|by|on))\s+"
    r"((?:the |The )?[A-Z][\w.&'’-]*(?:\s+(?:of |and |the |on |de )?[A-Z][\w.&'’-]*){0,6})",
    re.I)
_URL_LINE = re.compile(r"^(?:(?:url|source|link|original|permalink)\s*:\s*|(?:retrieved\s+)?from\s+)?"
                       r"<?((?:https?:)?//[^\s<>]+?)>?$", re.I)
_ADDRESS = re.compile(r"\b((?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)(?:/\S*)?",
                      re.I)
# A line whose address is the site's own: the address alone ("www.example.com", "AS -
# www.example.com"), or in a copyright or source line ("© 2019 Example (www.example.com)").
_ADDRESS_LINE = re.compile(
    r"^(?:[^\w\s]*\s*\w{0,4}\s*[-–—:|]?\s*)?(?:https?://)?www\.[a-z0-9.-]+\.[a-z]{2,}/?$|"
    r"(?:©|ⓒ|\(c\)|copyright|source\s*:|originally (?:published|appeared) (?:at|on))", re.I)
# Addresses that are never an article's outlet: link shorteners, social networks, share and
# podcast buttons, stores, CDNs (world knowledge: the services every page links to).
NOT_OUTLETS = frozenset({
    "t.co", "bit.ly", "amzn.to", "po.st", "goo.gl", "ow.ly", "buff.ly", "tinyurl.com",
    "trib.al", "dlvr.it", "ift.tt", "lnkd.in", "fb.me", "youtu.be", "wa.me", "t.me",
    "facebook.com", "twitter.com", "x.com", "instagram.com", "youtube.com", "linkedin.com",
    "pinterest.com", "reddit.com", "whatsapp.com", "telegram.me", "telegram.org", "tiktok.com",
    "snapchat.com", "tumblr.com", "flickr.com", "vimeo.com", "soundcloud.com", "spotify.com",
    "apple.com", "google.com", "amazon.com", "wikipedia.org", "gravatar.com", "disqus.com",
    "addthis.com", "sharethis.com", "doubleclick.net", "googleapis.com", "gstatic.com",
    "cloudfront.net", "akamaized.net", "imgur.com", "giphy.com", "feedburner.com",
    "mailchimp.com", "list-manage.com", "w3.org", "schema.org",
})
_FILE_URL = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|css|js|ico|mp3|mp4|pdf)(?:[?#]|$)|"
                       r"/(?:wp-content|assets|static|images?|uploads|media)/|"
                       r"^(?:https?://)?(?:static|cdn|img|images|media)\d*\.", re.I)

# ------------------------------------------------------------------------------------ dates
_MONTHS = {
    name: i + 1
    for i, names in enumerate([
        ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
        ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
        ("oct", "october"), ("nov", "november"), ("dec", "december")])
    for name in names
}
_MON = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
_DATE_FORMS = [  # (regex, order of its groups)
    (re.compile(rf"\b{_MON}\.?\s+{_DAY},?\s+{_YEAR}\b", re.I), "mdy"),  # Nov. 14, 2023
    (re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MON}\.?,?\s+{_YEAR}\b", re.I), "dmy"),  # 14 November 2023
    (re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:\b|T)"), "ymd"),  # 2023-11-14, ISO
    (re.compile(r"\b((?:19|20)\d\d)/(\d\d)/(\d\d)\b"), "ymd"),  # 2023/11/14
    (re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b"), "numeric"),
    (re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d\d)(?![\d/])"), "numeric"),  # 11/13/19
]
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday)?\.?"
_LABEL = re.compile(
    r"^(?:(?:first |last |originally )?(published|posted|updated|modified|date|dated)"
    r"(?:\s+(?:on|at))?\s*[:|-]?\s*)(.*)$", re.I)
# A dateline without a year: "BEIJING, Nov. 14 (Xinhua) --".
_DATELINE_NO_YEAR = re.compile(
    rf"^[A-Z][\w.'’ -]{{0,40}},\s+(?i:{_MON})\.?\s+{_DAY}\s*(?:\(({_AGENCY_RE})\)\s*)?{_DASH}")
_SCRAPER_STAMP = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\b")  # a scraper's "date 2023-11-15"
_HAS_YEAR = re.compile(r"(?:19|20)\d\d|\d/\d\d?/\d\d\b")
_FOUR_DIGIT_YEAR = re.compile(r"(?:19|20)\d\d")
_LABEL_INITIALS = frozenset("FLOPUMDfloupmd")  # first/last/originally, published, posted, ...
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*((?:19|20)\d\d)\b", re.I)
_QUOTES = re.compile("[\"“”«»]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_FILLER = re.compile(  # what a date line may hold besides its date
    rf"\b(?:{_WEEKDAY}|at|on|am|pm|a\.m\.|p\.m\.|[A-Z]{{2,4}}|GMT[+-]?\d*|UTC[+-]?\d*|"
    r"updated|published|posted|by|\d{1,2}[:.]\d\d(?::\d\d)?)\b", re.I)


@dataclass(frozen=True)
class Metadata:
    outlet: str = ""
    outlet_from: str = ""  # "url" | "url line" | "address" | "editorial note" | "wire credit"
    published: date | None = None
    published_from: str = ""  # the line the date was read from


@lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # No suffix-list download and no disk cache: the snapshot bundled with the package.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def registered_domain(url: str) -> str:
    """"https://news.example-news.co.uk/x" -> "example-news.co.uk" ("" for no domain)."""
    parts = _extractor()(url.strip().strip("<>()[]"))
    if not parts.domain or not parts.suffix:
        return ""
    return f"{parts.domain}.{parts.suffix}".lower()


def outlet_from_url(url: str) -> str:
    """The outlet an address belongs to: OUTLET_DOMAINS's name for its host (or a domain above
    it), else its registered domain; "" where it has none."""
    domain = registered_domain(url)
    if not domain:
        return ""
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    for known, outlet in OUTLET_DOMAINS.items():
        if host == known or host.endswith("." + known):
            return outlet
    return OUTLET_DOMAINS.get(domain, domain)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        found = date(y, m, d)
    except ValueError:
        return None
    return found if 1990 <= y <= date.today().year + 1 else None


def read_date(text: str) -> date | None:
    """The first full date written in `text` in a form that names day, month and year without
    doubt ("Nov. 14, 2023", "14th November 2023", "2023-11-14", "14/11/2023"; not "03/04/2023")."""
    best: tuple[int, date] | None = None
    for regex, order in _DATE_FORMS:
        for m in regex.finditer(text):
            if order == "mdy":
                found = _valid(int(m[3]), _MONTHS.get(m[1].lower(), 0), int(m[2]))
            elif order == "dmy":
                found = _valid(int(m[3]), _MONTHS.get(m[2].lower(), 0), int(m[1]))
            elif order == "ymd":
                found = _valid(int(m[1]), int(m[2]), int(m[3]))
            else:  # d/m/y or m/d/y: only where one of them cannot be a month
                a, b, year = int(m[1]), int(m[2]), int(m[3])
                year += 2000 if year < 100 else 0
                found = (_valid(year, b, a) if a > 12 >= b else
                         _valid(year, a, b) if b > 12 >= a else None)
            if found:
                if best is None or m.start() < best[0]:
                    best = (m.start(), found)
                break
    return best[1] if best else None


def _parse_strict(text: str) -> date | None:
    """dateparser on a stamp's text, day, month and year required, never a guess."""
    text = text.strip(" :|-–—,")
    if not text or len(text) > 80 or not re.search(r"(?:19|20)\d\d", text):
        return None
    nums = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})", text)
    if nums and int(nums[1]) <= 12 and int(nums[2]) <= 12 and nums[1] != nums[2]:
        return None  # 03/04/2023: the day and month could be either
    import dateparser

    found = dateparser.parse(text, languages=["en"], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    return _valid(found.year, found.month, found.day) if found else None


def _is_date_line(line: str) -> bool:
    """A line that is a date and little else (weekday, time, zone, a byline before a bar)."""
    if len(line) > 120 or line.endswith(":") or _QUOTES.search(line) or _SENTENCE_END.search(line) and not re.search(
            r"(?:a\.m|p\.m|[A-Z]{2,4})\.$", line):
        return False
    rest = line
    for regex, _ in _DATE_FORMS:
        rest = regex.sub(" ", rest)
    if rest == line:
        return False
    if "|" in rest or "·" in rest or "•" in rest:  # "By Ann Lee | Nov 14, 2023": the date's part
        rest = re.split(r"[|·•]", rest)[-1] if re.split(r"[|·•]", line)[-1].strip() else rest
    rest = _FILLER.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 2


def _is_body(line: str) -> bool:
    """A body paragraph: a sentence of some length (what ends the header lines)."""
    return line.count(" ") >= 19 and bool(_SENTENCE_END.search(line))  # (spaces: words - 1)


def _site_address(line: str, i: int, n: int, first_body: int) -> tuple[str, str] | None:
    """(outlet, "url line" | "address") where `line` (the i-th of n) gives the article's own
    site: a line that is a URL before the body or among the first or last two lines, or an
    address line (_ADDRESS_LINE) anywhere; never a shortener, social network or file."""
    if (m := _URL_LINE.match(line)) and (i < first_body or i < 2 or i >= n - 2
                                         or line.lower().startswith(("from", "retrieved"))):
        url, kind = ("https:" + m[1] if m[1].startswith("//") else m[1]), "url line"
    elif len(line) <= 120 and _ADDRESS_LINE.search(line) and (m := _ADDRESS.search(line)):
        url, kind = m[1], "address"
    else:
        return None
    if _FILE_URL.search(url) or registered_domain(url) in NOT_OUTLETS:
        return None
    outlet = outlet_from_url(url)
    return (outlet, kind) if outlet else None


def _body_start(lines: list[str]) -> int:
    """Where the article's body begins: the first line of the run of body paragraphs (gaps of
    up to three short lines allowed) that holds the most words; len(lines) where none is. A
    page's visible text has long lines elsewhere too (promotions, notices, comments), rarely
    several in a row with as many words."""
    best, best_words = len(lines), 0
    start, words, gap = -1, 0, 0
    for i, line in enumerate(lines + [""] * 4):
        if i < len(lines) and _is_body(line):
            if start < 0:
                start, words = i, 0
            words += line.count(" ") + 1
            gap = 0
        elif start >= 0:
            gap += 1
            if gap > 3:
                if words > best_words:
                    best, best_words = start, words
                start = -1
    return best


_SITE_PARTS = re.compile(r"\s+[|–—-]\s+|:\s+")


def _site_name(site: str, url: str) -> str:
    """A page's site name as an outlet: of a name with a tagline ("LinkNaija | Nigeria's news
    platform"), the part its domain spells, else the first; "" where none is short enough."""
    parts = [p.strip(" _.,;") for p in _SITE_PARTS.split(site.strip()) if p.strip(" _.,;")]
    if not parts:
        return ""
    domain = re.sub(r"[^a-z0-9]", "", registered_domain(url).lower()) if url else ""
    spelt = [p for p in parts if domain and re.sub(r"^the|[^a-z0-9]", "", p.lower()) in domain]
    name = (spelt or parts)[0]
    return name if len(name) <= 60 else ""


def read_metadata(raw: str, *, url: str = "", page: Mapping[str, str] = MappingProxyType({})
                  ) -> Metadata:
    """Outlet and date that `raw` (an article's text, before cleaning) shows; `url`: the
    article's address where it is known; `page`: what an HTML page's own metadata says
    (readers.read_html: its site name and date). See the module's docstring for the rules."""
    lines = [ln.replace("\u00a0", " ").strip() for ln in raw.replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    outlet, outlet_from = "", ""
    if url and registered_domain(url) not in NOT_OUTLETS:
        outlet, outlet_from = outlet_from_url(url), "url"
    site = _site_name(page.get("site", ""), url)
    if site and (not outlet or outlet == registered_domain(url)):
        outlet, outlet_from = site, "page metadata"  # its own name, where no table names it
    first_body = _body_start(lines)
    wire = editorial = ""
    addresses: list[tuple[int, int, str]] = []  # (after the body?, position, outlet)
    stamps: list[tuple[int, int, date, str]] = []  # (rank, position, date, line)
    header_dates: list[tuple[int, date, str]] = []
    dateline: tuple[int, int, str] | None = None  # (month, day, line)
    for i, line in enumerate(lines):
        if ("://" in line or "www." in line) and (found := _site_address(
                line, i, len(lines), first_body)):
            addresses.append((int(i > first_body), i, *found))
        if not editorial and ("editorial" in line or "Editorial" in line) and (
                m := _EDITORIAL.search(line)):
            editorial = m[1].rstrip(".,;:")
        if not wire and "(" in line[:80] and ")" in line[:100]:
            if m := _WIRE_DATELINE.match(line) or (i <= first_body and _WIRE_LINE.match(line)):
                wire = AGENCIES[m[1]]
        if line.startswith("date ") and (m := _SCRAPER_STAMP.match(line)) and (
                found := read_date(m[1])):
            stamps.append((0, i, found, m[0]))  # text may be glued after it
            continue
        if len(line) > 160 and i != first_body:
            continue
        if line[:1] in _LABEL_INITIALS and (label := _LABEL.match(line)) and len(line.split()) <= 16 and not _QUOTES.search(line):
            if not label[2] and i + 1 < len(lines) and len(lines[i + 1]) <= 80:
                text_after = lines[i + 1]  # "Updated" on a line of its own, its date below
            else:
                text_after = label[2]
            found = read_date(text_after) or _parse_strict(text_after)
            if found:
                rank = 1 if label[1].lower() in ("updated", "modified") else 0
                stamps.append((rank, i, found, line if label[2] else f"{line} {text_after}"))
                continue
        if len(line) <= 120 and _HAS_YEAR.search(line) and "(@" not in line and _is_date_line(line) \
                and (_FOUR_DIGIT_YEAR.search(line) or line.startswith(("By ", "On "))):
            # (a date with a two-digit year, "11/13/19", also dates teasers: only a byline's
            # or an "On ..." line is the article's)
            found = read_date(line)
            if found:
                header_dates.append((i, found, line))
                continue
        if dateline is None and i <= first_body + 2 and "," in line[:45] and (
                m := _DATELINE_NO_YEAR.match(line)):
            month = _MONTHS.get(m[1].lower().rstrip("."), 0)
            if month and not read_date(line[:m.end() + 6]):
                dateline = (month, int(m[2]), line[:m.end()])
            if m[3] and not wire:
                wire = AGENCIES[m[3]]
    if not outlet and addresses:  # before the body first; there, the site named most often
        first = [a for a in addresses if a[0] == min(a[0] for a in addresses)]
        named = [a[2] for a in first]
        _, _, outlet, outlet_from = min(first, key=lambda a: (-named.count(a[2]), a[1]))
    if not outlet and editorial:
        outlet, outlet_from = editorial, "editorial note"
    if not outlet and wire:
        outlet, outlet_from = wire, "wire credit"
    published, published_from = None, ""
    # A date line with another date line (of another day) within three lines is an item of a
    # list (other stories, comments), not the article's stamp.
    header_dates = [h for h in header_dates if not any(
        0 < abs(o[0] - h[0]) <= 3 and o[1] != h[1] for o in header_dates)]
    if stamps:
        _, _, published, published_from = min(stamps)
    elif header_dates:
        # The nearest before the body, else the first inside its opening, else (the body was
        # taken for a run of teasers) the first date line that a body paragraph follows.
        before = [h for h in header_dates if h[0] < first_body]
        opening = [h for h in header_dates if first_body <= h[0] <= first_body + 3]
        later = [h for h in header_dates if h[0] > first_body + 3 and sum(
            map(_is_body, lines[h[0] + 1:h[0] + 6])) >= 2]  # a teaser has one paragraph
        chosen = before[-1:] or opening[:1] or later[:1]
        if chosen:
            _, published, published_from = chosen[0]
    elif dateline:
        years = {int(y) for y in _COPYRIGHT_YEAR.findall(raw)}
        years |= {d.year for d in filter(None, (read_date(ln) for ln in lines
                                                if re.search(r"(?:19|20)\d\d", ln)))}
        if len(years) == 1:
            published = _valid(years.pop(), dateline[0], dateline[1])
            published_from = dateline[2] if published else ""
    if (m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", page.get("published", "").strip())) and (
            found := _valid(int(m[1]), int(m[2]), int(m[3]))):  # the publisher's own date
        published, published_from = found, "page metadata"
    return Metadata(outlet, outlet_from, published, published_from)
