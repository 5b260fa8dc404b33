"""Split a raw article into zones, and read what the text itself says about its metadata.

The article text every analysis reads is headline + dek + body. Everything else a scraped
page carries (photo captions and credits, bylines and datelines, subscription and copyright
notices, URL and contact lines, "contributed reporting" lines, author bios, print-edition
notes, editor's notes, related-content lists, scraped date stamps) is kept with its zone and
the reason, for the hygiene view, and never counted.

The rules are about kinds of text, not about particular files: each one names the pattern
it recognises, and tests/resources.py holds a sample text for each.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from analysis.words import STOP_WORDS

COUNTED_ZONES = ("headline", "dek", "body")

WORD_RE = re.compile(r"[^\W_]+(?:['’.\-]+[^\W_]+)*\.?")


def count_words(text: str) -> int:
    """Words as a careful reader counts them: "U.S.-China" is one, "Kong—who" two."""
    return len(WORD_RE.findall(text))


@dataclass(frozen=True)
class Block:
    zone: str
    reason: str
    text: str


@dataclass
class Cleaned:
    blocks: list[Block]
    url: str = ""
    published: date | None = None
    authors: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        return " ".join(b.text for b in self.blocks if b.zone == "headline")

    @property
    def text(self) -> str:
        """Article text: counted blocks, one paragraph each, in reading order."""
        return "\n\n".join(b.text for b in self.blocks if b.zone in COUNTED_ZONES)


# ---------------------------------------------------------------- markup that scrapers leave
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


_MD_MARKS = re.compile(r"[#\[*_]")


def _strip_markdown(line: str) -> tuple[str, bool]:
    """Remove markdown decoration; say whether the line was a heading."""
    if not _MD_MARKS.search(line):
        return line, False
    heading = bool(_MD_HEADING.match(line))
    line = _MD_HEADING.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    for _ in range(2):  # nested **_x_**
        line = _MD_EMPH.sub(r"\2", line)
    return line.strip(), heading


# ---------------------------------------------------------------------------- date reading
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def find_date(text: str) -> date | None:
    """The first calendar date written in `text` ("Sept. 28, 2023", "2023-11-15"), if valid."""
    for m in _DATE_ISO.finditer(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    for m in _DATE_MDY.finditer(text):
        try:
            return date(int(m[3]), _MONTHS[m[1].lower().rstrip(".")], int(m[2]))
        except (ValueError, KeyError):
            continue
    return None


# ------------------------------------------------------------------------- line patterns
# Under re.IGNORECASE, Python's re equates four non-ASCII letters with ASCII ones: "İ" and "ı"
# with "i", "ſ" with "s", the Kelvin sign with "k" (tests/analysis/test_cleaning.py scans every
# code point for others).
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_NOT_ASCII_LETTER = re.compile("[\u0130\u0131\u017f\u212a]")


def fold_case(text: str) -> str:
    """`text` lower-cased, with re.IGNORECASE's other ways to write an ASCII letter turned into
    it: a word of ASCII or uncased characters matches `text` case-insensitively only where
    fold_case(word) is a substring of fold_case(text)."""
    return (text.translate(_TO_ASCII) if _NOT_ASCII_LETTER.search(text) else text).lower()


def foldable(word: str) -> bool:
    """Whether `word` is made of ASCII or uncased characters (what `fold_case` answers for)."""
    return all(c.isascii() or c.lower() == c.upper() for c in word)


class _Cue:
    """A pattern tried only on lines that hold one of the literal words any match must hold:
    Python's re tries an alternation at every position of a line, and few lines hold any of
    them. With `ignore_case`, the words are looked for in the case-folded line (`fold_case`)."""

    def __init__(self, pattern: str, *needles: str, ignore_case: bool = False):
        if not all(map(foldable, needles)):
            raise ValueError(f"words fold_case cannot look for: {needles}")
        self.pattern = re.compile(pattern, re.I if ignore_case else 0)
        self.fold = ignore_case
        self.needles = tuple(map(fold_case, needles)) if ignore_case else needles

    def search(self, line: str, folded: str | None = None) -> re.Match | None:
        """The pattern's match in `line` (`folded`: fold_case(line), where the caller has it)."""
        held = (fold_case(line) if folded is None else folded) if self.fold else line
        return self.pattern.search(line) if any(map(held.__contains__, self.needles)) else None


_STAMP = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*")  # scraper's " date 2023-11-15" prefix
_URL_LINE = re.compile(r"^<?(https?://\S+?)>?$")
_NOTICE = _Cue(
    r"(for your personal, non-commercial use|subscriber agreement|all rights reserved|"
    r"^copyright\b|^©|reprints? at|to order (multiple )?copies|"
    r"^(this (article|story) (was|is) (originally )?(published|republished))|"
    r"\b(material|content|article)s?\b.{0,60}\bmay not be (reproduced|published|broadcast|republished|redistributed)|"
    r"\b(our|this site's|the site's)\b.{0,40}\b(user agreement|privacy policy|cookie policy|terms of (use|service))\b|"
    r"\bwe use cookies\b|"
    r"\b(utilizziamo|utilizamos|usamos|nous utilisons|wir verwenden) (i |des |los |as )?cookies?\b)",
    "for your personal", "subscriber agreement", "all rights reserved", "copyright", "©",
    "reprint", "to order", "published", "may not be", "user agreement", "privacy policy",
    "cookie", "terms of use", "terms of service", ignore_case=True,
)
_EDITORS_NOTE = re.compile(r"^editor['’]s note\b", re.I)
_CONTRIBUTED = _Cue(
    r"(contributed (reporting|to (this|the) (article|report|story))|^additional reporting by|"
    r"^\(?(reporting|writing|editing) by [A-Z][^.]{0,150}\b(editing|reporting|writing) by\b)",
    "contributed", "additional reporting", "reporting by", "editing by", "writing by",
    ignore_case=True,
)
_CONTACT = re.compile(r"^(write to|contact|email|follow)\b.*(@|\bat\b)", re.I)
_EMAIL = _Cue(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b", "@")
_PRINT = _Cue(r"(print edition|appears in print|appeared in print|a version of this article)",
              "print edition", "in print", "a version of this article", ignore_case=True)
_RELATED_HEAD = re.compile(
    r"^(related( publications| articles| content| stories| coverage| reading)?|read more|"
    r"more from [\w ]+|recommended( for you)?|see also|you may also like|more on this story|"
    r"view all publications|most (popular|read|viewed|shared)( in [\w ]+| stories)?|trending( now| news| stories)?|"
    r"don['’]t miss|more (in|on) [\w .&'’-]{2,40}|more [\w ]{2,30} stories|also on [\w.]+|"
    r"(you|we) (might|may) (also )?(like|enjoy)|top stories|latest (news|stories)|editor['’]s picks)\s*[:.…]*$",
    re.I,
)
_CAPTION_CUE = _Cue(
    r"(\bPHOTO:|^Photo:|\(pictured\)|\b(?:Pool |AP |AFP |Reuters )?[Pp]hoto(?:graph)?s? by "
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*\.?$|\b(Getty Images|Associated Press|REUTERS|AFP)\)?\.?$|"
    r"\([^()]*/[^()]*\)\.?$|\bCredit:|"
    # who stands where in the picture: "Ann Lee, left, and Tom Berg shake hands"
    r"\b[A-Z][\w.'’-]+,\s(?:left|right|center|centre|second (?:from )?(?:left|right)|front|rear|"
    r"top|bottom)(?: to (?:left|right))?,\s)",
    "PHOTO:", "hoto", "(pictured)", "Getty Images", "Associated Press", "REUTERS", "AFP", "/",
    "Credit:", ", left,", ", right,", ", center,", ", centre,", ", second", ", front,", ", rear,",
    ", top,", ", bottom,", " to left,", " to right,",
)
# A page's appeals to its readers: comment rules, membership and subscription offers.
_APPEAL = _Cue(
    r"(^if you (enjoyed|liked|value) this|^as you comment\b|please be respectful|"
    r"\bour goal with (article )?comments|for as little as|\bmembers get\b|"
    r"^(become|join us as) a (member|subscriber)|support (our|independent) journalism|"
    r"\b(subscribe to our|click to subscribe|unsubscribe at any time|no spam\b)|"
    r"\b(may|might|could) (earn|receive|get) (a |an )?(small )?(affiliate )?(commission|share of the sale)|"
    r"\baffiliate (links?|commissions?)\b)",
    "if you", "as you comment", "please be respectful", "our goal with", "for as little as",
    "members get", "become a", "join us as", "support our", "support independent",
    "subscribe", "no spam", "may earn", "might earn", "could earn", "may receive",
    "might receive", "could receive", "may get", "might get", "could get", "affiliate",
    ignore_case=True,
)
_CREDIT_LINE = re.compile(
    r"^[A-Z][\w.'’ -]{0,60}/(?:[\w.'’ -]*\b(?:via|Pool|REUTERS|Reuters|AP|AFP|Getty|EPA|Bloomberg|Images|Photo)\b[\w.'’ -]*)$"
)
_KICKER = re.compile(r"^[^a-z]{2,60}$")  # "◆ WSJ NEWS EXCLUSIVE | CHINA": no lowercase at all
_DATELINE = re.compile(
    rf"^(reporting from\b|(updated|published|posted)\b.{{0,40}}$|"
    rf"(updated |posted )?\d+ (min(ute)?s?|h(ou)?rs?|hours?|days?|weeks?|months?) ago$|"
    rf"[|/ ]*({r'(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day'},?\s+)?({_MONTH_RE}\.?\s+\d{{1,2}},?|"
    rf"\d{{1,2}}(st|nd|rd|th)?\s+{_MONTH_RE}\.?,?)\s+\d{{4}}\b.{{0,40}}$)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+(.+)$", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|la|le|bin|al-\w+)$")
_CLOSERS = "\"'”’)]」』"
_ENDS = frozenset(".!?:;…。！？")
_STOPS = frozenset(".!?…")


def _ends(text: str, marks: frozenset = _ENDS) -> bool:
    """Whether `text` ends with one of `marks` (a sentence's end: the default), closing quotes
    and brackets aside; a closing quote alone ends a line that is a quotation from its start
    (a title that ends on a quoted name does not end a sentence)."""
    bare = text.rstrip(_CLOSERS)
    return bool(bare) and bare[-1] in marks or marks is _ENDS and len(bare) < len(text) and \
        text[-1] in "\"”’」』" and text[:1] in "\"“‘「『"


def _byline_authors(line: str) -> list[str] | None:
    """Author names if `line` is a byline ("By A, B and C"), else None.

    A body sentence that starts with "By" ("By the end of the year, ...") is not a byline:
    every word of a byline is a capitalised name part or a joiner.
    """
    m = _BYLINE.match(line.split(" | ")[0])
    if not m or _ends(line.rstrip()) and not line.rstrip().endswith("."):
        return None
    rest = re.sub(r"\bFollow\b", "", m[1])
    parts = [p.strip(" ,") for p in re.split(r",|\band\b|&", rest)]
    parts = [p for p in parts if p]
    if not parts or len(parts) > 8:
        return None
    for p in parts:
        tokens = p.split()
        if not 1 <= len(tokens) <= 5 or not all(_NAME_TOKEN.match(t) for t in tokens):
            return None
    return [re.sub(r"\s+", " ", p) for p in parts]


def _is_headline_like(line: str) -> bool:
    """Short, no full stop at the end, and mostly capitalised words: a title or subhead."""
    words = line.split()
    if not 1 <= len(words) <= 20 or re.search(r"[.!?]$", line) and not line.endswith("?"):
        return False
    content = [w for w in words if len(w) > 3]
    caps = sum(1 for w in content if w[0].isupper() or not w[0].isalpha())
    return not content or caps / len(content) >= 0.6


def _starts_lower(text: str) -> bool:
    first = text.lstrip("“\"'‘(")[:1]
    return first.islower()


# ------------------------------------------------------------------- page furniture
# Furniture a web page puts around (and inside) an article, by its shape, never by a site's
# wording: labels that stand alone on their line, lines made only of interface words, breadcrumb
# trails, player timers, sign-up and follow prompts.
_AD_LABEL = re.compile(
    r"^(advertisements?|advertising|ad|sponsored( content)?|paid (content|post)|"
    r"(story|article) continues below( this)?( advertisement| ad)?|continue reading( below)?( the main story)?|"
    r"scroll (down )?to continue( with content)?|skip (this )?ad(vert(isement)?)?)\s*[:.]?$", re.I)
# Words of a page's controls ("Share on Facebook", "Click to print (Opens in new window)",
# "Listen · 4:01", "Sign in", "Menu"): a short line made of nothing else is a control.
_UI_WORDS = frozenset("""
share shares shared sharing this article story page on via with to the a an in new window tab
opens open click tap here print email e-mail mail copy copied link url facebook twitter x
whatsapp linkedin reddit pinterest tumblr telegram messenger flipboard pocket sms stumbleupon
submit digg line wechat weibo vk more less menu search close toggle navigation skip content main
subscribe subscribed subscription unsubscribe sign log login logout register in up out account my
manage profile settings home back top next previous prev play pause stop resume replay mute unmute
volume listen listening audio video watch now live loading read reading minute minutes min mins
sec seconds hour hours ago comment comments reply replies view show hide all full screen
fullscreen expand collapse download embed transcript follow followed following us like likes
save saved bookmark gift donate support notifications alerts alert turn off enable disable get
app apps rss feed feeds newsletter newsletters cookie cookies accept privacy policy terms
feedback report error back-to-top image images photo photos gallery slideshow of caption hide
""".split())
_TIMER = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?$")
_UI_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d{1,2}:\d{2}(?::\d{2})?|\d+")
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s[>»›]\s[^.!?]{1,40}){1,6}$|"
                         r"^[^.!?]{1,40}(?:\s[/\\|]\s[^.!?]{1,40}){2,6}$")
_SIGNUP = _Cue(
    r"^(sign up|signup|subscribe|register|join|get (our|the|a|breaking|daily|the latest)|enter your|"
    r"receive|want (more|the latest)|never miss|don['’]t miss|stay (informed|up to date|in the know)|"
    r"like what you|love (this|our))\b.*(newsletter|inbox|email|e-mail|alerts?|updates|notifications)"
    r"|(newsletter|inbox)\b.*\b(you|your)\b|\b(you|your)\b.*\b(newsletter|inbox)\b",
    "newsletter", "inbox", "email", "e-mail", "alert", "updates", "notification",
    ignore_case=True,
)
_PROMPT = re.compile(
    r"^(follow|read|get|see|watch|listen to|click (here )?(for|to)|tap (here )?(for|to)|check out|"
    r"find out more|download)\s+(our|the|all|more|live|latest|full|this)\b.{0,60}$", re.I)


# A line that only stamps a time: "Published 11:11 PM EST Nov 19, 2019", "32M ago",
# "2019-11-13T23:06:00+01:00", "By Ann Lee - 11/18/19 11:04 PM EST". Its tokens are dates,
# times, zones and the words that introduce them; anything else, a byline's names aside, is
# at most one word ("Today 12:01 AM", "Monday 6:30PM").
_STAMP_TOKEN = re.compile(
    r"\d{1,4}(?:[-/.]\d{1,2}){1,2}(?:[-/.]\d{2,4})?(?:T[\d:.+-]+Z?)?|\d{1,2}:\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|"
    r"\d+(?:st|nd|rd|th|[mhd]|mins?|hrs?)?|[^\W\d_]+(?:\.(?:[^\W\d_]\.)?)?", re.I)
_STAMP_WORDS = frozenset("""
published publish date updated update posted post first last modified on at by the of time
today yesterday ago am pm a.m. p.m. a.m p.m et pt ct mt est edt cst cdt mst mdt pst pdt gmt utc
bst cet cest ist jst kst hkt sgt aest aedt msk wib minute minutes min mins hour hours hr hrs day
days week weeks month months
mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday
sunday jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
july august september october november december
""".split())
_UNITS = frozenset("m h d min mins minute minutes hr hrs hour hours day days".split())


def _hard_stamp(tokens: list[str]) -> bool:
    """Whether the tokens (`_STAMP_TOKEN`s, lower case, full stops cut) hold a time ("11:04"),
    a date of numbers ("11/19/2019", "2019-11-13t23:06"), a month beside a day ("nov 19",
    "19 november") or an age ("32m ago", "2 hours ago")."""
    for i, t in enumerate(tokens):
        if t[:1].isdigit():
            if ":" in t or sum(map(t.count, "-/.")) >= 2:
                return True
            near = tokens[max(0, i - 1):i] + tokens[i + 1:i + 2]
            if any(n in _MONTHS for n in near) or "ago" in tokens[i + 1:i + 3] and (
                    t.lstrip("0123456789") in _UNITS or tokens[i + 1:i + 2][0] in _UNITS):
                return True
    return False


def _stamp_line(text: str, words: int) -> bool:
    """Whether a short line does nothing but stamp a date or time (see `_STAMP_WORDS`)."""
    if words > 16 or not _DIGIT.search(text) or _QUOTE_MARK.search(text):
        return False
    tokens = _STAMP_TOKEN.findall(text)
    if not _hard_stamp([t.lower().rstrip(".") for t in tokens]):
        return False
    byline = _BYLINE.match(text) or text.lower().startswith("posted by ")
    other = [t for t in tokens
             if not t[0].isdigit() and t.lower().rstrip(".") not in _STAMP_WORDS
             and t.lower() not in _STAMP_WORDS]
    if byline:
        return len(other) <= 6 and all(t[:1].isupper() for t in other)
    return len(other) <= 1 and not (_ends(text, _STOPS) and len(other) and not
                                    text.lower().endswith(("a.m.", "p.m.")))


_DIGIT = re.compile(r"\d")
_STAMP_RULE = ("boilerplate", "date or time stamp")  # (in an article's header: its dateline)
# "Tags:", "Author:", "By", "Published": a page's field label alone on its line (not "She added:")
_LABEL = re.compile(r"^(by|published|updated|posted|((filed )?under|tags?|topics?|sources?|authors?|"
                    r"writers?|by|published|updated|posted|publish(ed)? (date|on)|date|categor(y|ies)|"
                    r"sections?|keywords?|credits?|photos?|images?|more|related|share|comments?|"
                    r"search( for)?|read more|see also|filed under)\s*:)$", re.I)
# "China furious at Macron over protests [INSIGHT]": a teaser tagged by the kind of story
_TEASER_TAG = re.compile(r"\[[A-Z][A-Z &-]{2,15}\]\s*\|?$")
# "Read more: …", "Related: …", "SEE MORE: …": a link to another story
_LINK_PREFIX = re.compile(r"^(related( post| story| article| content| coverage)?|read (more|also|next)|"
                          r"see (more|also)|also read|more|watch|listen|recommended)\s*:\s*\S", re.I)
_TAG_LIST = re.compile(r"^[^,.!?]{2,40}(?:,[^\s,][^,.!?]{1,40}){3,}$")  # "Retiring,Early retirement,…"
# A credit at a caption's end: "… (Image: Lund Press)", "…Credit: EPA", "… / AP file",
# "… Submitted photo"; or a credit line of its own ("Getty Images", "Ann Lee, AP").
_CREDIT_PAREN = re.compile(r"\((?:Image|Photo|Picture|Foto|Credit|Source|Illustration)s?\b[^()]{0,60}\)$")
_CREDIT_COLON = re.compile(r"(?:Credit|Photograph|Photo|Image|Picture|Illustration)s?(?: credit)?:\s*[^.!?]{1,60}$")
_CREDIT_SLASH = re.compile(r"/ ?(?:AP|AFP|Reuters|REUTERS|Getty Images|Getty|EPA|Bloomberg|Xinhua|Pool)"
                           r"(?: (?:file|photo|images?))?$")
_CREDIT_KIND = re.compile(r"\b(?:Submitted|File|Courtesy|Handout|Contributed|Supplied) (?:photo|image|picture)s?$")
_CREDIT_ALONE = re.compile(
    r"^(?:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}, (?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Bloomberg|Xinhua)|"
    r"(?:Image|Photo|Picture)s? (?:copyright|credit)\b.*|Getty(?: Images)?)\.?\s*$")
CREDIT_TAIL = 110  # characters at a line's end a credit is looked for in
_CREDIT_WORDS = ("redit", "hoto", "mage", "icture", "llustration")


def _credit_tail(text: str) -> bool:
    """Whether the line ends on a photo credit (each kind tried only where its mark is)."""
    tail = text[-CREDIT_TAIL:].rstrip(" .")
    if tail.endswith(")"):
        return bool(_CREDIT_PAREN.search(tail))
    if ":" in tail and any(map(tail.__contains__, _CREDIT_WORDS)) and _CREDIT_COLON.search(tail):
        return True
    if "/" in tail[-40:] and _CREDIT_SLASH.search(tail[-40:]):
        return True
    return tail.endswith(("photo", "photos", "image", "images", "picture", "pictures")) and \
        bool(_CREDIT_KIND.search(tail))


def _ui_line(text: str) -> bool:
    """A short line made only of interface words, counts and times (a page's controls)."""
    tokens = _UI_TOKEN.findall(text)
    if not tokens or len(tokens) > 9:
        return False
    return all(t.isdigit() or ":" in t or t.lower() in _UI_WORDS for t in tokens)


def _furniture(text: str, words: int) -> tuple[str, str] | None:
    """The zone and reason of a line (of `words` words) that is furniture wherever it stands,
    else None."""
    folded = fold_case(text)  # for the case-insensitive cues
    if _URL_LINE.match(text):
        return "boilerplate", "URL line"
    if _EDITORS_NOTE.match(text):
        return "boilerplate", "editor's note"
    if _NOTICE.search(text, folded):
        return "boilerplate", "subscription or copyright notice"
    if words < 60 and _PRINT.search(text, folded):
        return "boilerplate", "print-edition note"
    if words < 25 and _CONTRIBUTED.search(text, folded):
        return "boilerplate", "contributed-reporting line"
    if words < 60 and (_CONTACT.match(text) or _EMAIL.search(text)):
        return "boilerplate", "contact line"
    if words <= 12 and _AD_LABEL.match(text):
        return "boilerplate", "advertisement label"
    if _TIMER.match(text) or words <= 9 and _ui_line(text):
        return "boilerplate", "page controls"
    if words <= 30 and _SIGNUP.search(text, folded) and not _QUOTE_MARK.search(text):
        return "boilerplate", "sign-up prompt"
    if words <= 80 and _APPEAL.search(text, folded) and not _QUOTE_MARK.search(text):
        return "boilerplate", "appeal to readers"
    if words <= 14 and _PROMPT.match(text) and not _ends(text, _STOPS):
        return "boilerplate", "follow or read-more prompt"
    if words <= 16 and _BREADCRUMB.match(text) and not _QUOTE_MARK.search(text):
        return "boilerplate", "breadcrumb or link row"
    if _CREDIT_LINE.match(text):
        return "caption", "photo credit"
    if words < 80 and (_credit_tail(text) or words <= 8 and _CREDIT_ALONE.match(text)):
        return "caption", "photo caption"
    if _stamp_line(text, words):
        return _STAMP_RULE
    if words <= 3 and _LABEL.match(text):
        return "boilerplate", "label"
    if words <= 25 and (_TEASER_TAG.search(text) or _LINK_PREFIX.match(text) and not _ends(text, _STOPS)):
        return "boilerplate", "related-content list"
    if text.count(",") >= 3 and _TAG_LIST.match(text):
        return "boilerplate", "tag list"
    if words < 80 and _CAPTION_CUE.search(text):
        return "caption", "photo caption"
    return None


_QUOTE_MARK = re.compile("[\"“”]")


# ------------------------------------------------------------------ where the article is
_LIST_ITEM = re.compile(r"\d|\S\s[–—@|:;/·•-]\s|,")


_RUNS_ON = frozenset("the a an of and or to in on at for with by from that who which is was were "
                     "are has had have as but its his her their our this".split())


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _length(text: str, words: int) -> int:
    """Words in `text` (`words`: its count of space-separated words); for Chinese, Japanese
    or Korean, half its characters."""
    return len(text) // 2 if not text.isascii() and _CJK.search(text) else words


def _runs_on(line: str, words: int, next_line: str) -> bool:
    """Whether a hard-wrapped `line` (of `words` words) goes on in `next_line`: it ends without
    punctuation, and the next starts in lower case or the line ends on a comma or a word no
    title ends on."""
    return (words >= 6 and not _ends(line)
            and (_starts_lower(next_line) or line.endswith(",")
                 or line.rsplit(None, 1)[-1].lower() in _RUNS_ON))


# The head of a comment section: "34 Comments", "12 responses to ...", "Leave a Reply".
_COMMENTS_HEAD = re.compile(
    r"^([1-9]\d*\s+)?((top|most|best|latest|recent|all|readers?['’]?)\s+)?((rated|voted|popular)\s+)?"
    r"(comments?|responses?|replies|reactions?)\b(?![.!?]$)|^(leave|post|add|write) "
    r"(a|your) (comment|reply|response)|^join the (discussion|conversation)|^(show|view|load|see) "
    r"(all )?(\d+ )?comments|^comments? \(\d+\)|^[\w.-]{2,30} (says|said|writes|wrote):$", re.I)


RULE_WEIGHT = -3.0
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.S.": a section's name, not a sentence
ISOLATED = 0.25  # a lone paragraph's share of its weight


def _titled(paragraphs: list[list], k: int, step: int, rules: list) -> bool:
    """Whether the nearest paragraph from `k` on (by `step`) that is not furniture is a
    title-like line (short, no ending) or the page's edge."""
    while 0 <= k < len(paragraphs) and rules[paragraphs[k][0]] is not None:
        k += step
    return not 0 <= k < len(paragraphs) or paragraphs[k][2] <= 0


def _weights(texts: list[str], rules: list, words: list[int]) -> tuple[list[float], set[int]]:
    """How much each line speaks for being article text. Lines are weighed as paragraphs: a
    line that runs on into the next (hard-wrapped text) is weighed with it. A sentence-ended
    paragraph counts its words; a short line without an ending (a menu item, a teaser, a
    subhead) a little against; a row of a list or table (digits, separators) neither way; a
    line of furniture more against. Also returned: the lines of lone paragraphs (one between
    titles, as a teaser's blurb stands), weighed at a quarter."""
    paragraphs: list[list] = []  # [first line, last line, weight]
    i = 0
    prose, comments = 0.0, False
    seen: set[str] = set()
    while i < len(texts):
        if rules[i] is not None or comments:
            paragraphs.append([i, i, RULE_WEIGHT])
            i += 1
            continue
        if prose >= 100 and len(texts[i]) <= 60 and _COMMENTS_HEAD.match(texts[i]):
            comments = True  # readers' comments after an article: the rest of the page
            continue
        j = i  # the paragraph runs on while a long line ends without punctuation
        while j + 1 < len(texts) and rules[j + 1] is None and _runs_on(texts[j], words[j], texts[j + 1]):
            j += 1
        n = sum(map(_length, texts[i:j + 1], words[i:j + 1]))
        if n >= 8 and i == j and texts[i] in seen:
            w = RULE_WEIGHT  # a paragraph the page repeats: a teaser of it, or a second copy
        elif _ends(texts[j]):
            w = float(n) if n >= 5 else 1.0 if n > 1 or not _ABBREVIATION_END.search(texts[j]) else -2.0
        elif n >= 25:
            w = n / 2
        elif n >= 4 and _LIST_ITEM.search(texts[j]):
            w = 0.0
        else:
            w = -3.0 if n <= 3 else -2.0
        paragraphs.append([i, j, w])
        if i == j and n >= 8:
            seen.add(texts[i])
        prose += max(w, 0.0)
        i = j + 1
    out = [0.0] * len(texts)
    lone: set[int] = set()
    blurbs: list[int] = []  # paragraphs (k) alone between titles, short as a teaser's blurb
    for k, (i, j, w) in enumerate(paragraphs):
        if w > 1 and _titled(paragraphs, k - 1, -1, rules) and _titled(paragraphs, k + 1, 1, rules):
            w = max(1.0, w * ISOLATED)  # a paragraph alone between titles: a teaser's blurb
            lone.add(i)
            if sum(words[i:j + 1]) <= TEASER_WORDS:
                blurbs.append(k)
        out[i] = w if w <= 0 else w - 0.5 * (j - i)
        for m in range(i + 1, j + 1):
            out[m] = 0.5 if w > 0 else 0.0
    for run in _teaser_runs(blurbs, paragraphs, texts):
        for k in run:  # title, blurb, title, blurb...: a list of other stories, not the article
            out[paragraphs[k][0]] = TEASER_WEIGHT
    return out, lone


TEASER_WORDS, TEASER_RUN, TEASER_WEIGHT = 45, 4, -1.0


def _teaser_runs(blurbs: list[int], paragraphs: list[list], texts: list[str]) -> list[list[int]]:
    """Runs of at least TEASER_RUN blurbs with only titles, labels or furniture between them,
    a title among them each time (a line that starts with a letter: a listicle's numbered items
    and a review's "– Ann L." are the article's)."""
    runs: list[list[int]] = []
    for k in blurbs:
        between = paragraphs[runs[-1][-1] + 1:k] if runs else []
        titled = [p for p in between if p[2] <= 0 and texts[p[0]][:1].isalpha()]  # (not "– Ann")
        if runs and between and all(p[2] <= 0 for p in between) and titled:
            runs[-1].append(k)
        else:
            runs.append([k])
    return [r for r in runs if len(r) >= TEASER_RUN]


PAGE_LINES = 0.15  # measured: under this share of short or furniture lines, an article alone


def _pasted(rules: list, words: list[int]) -> bool:
    """Whether the text is an article alone, not a page: hardly any line is furniture or a
    menu's few words (on the benchmark's pages: a median share of 0.67 and 0.31 at the 5th
    percentile; their hand-marked articles alone: 0 at the median, 0.2 at the 90th)."""
    short = sum(1 for r, n in zip(rules, words) if r is not None or n <= 3)
    return short < PAGE_LINES * len(words)


def _article_span(weighed: tuple[list[float], set[int]], rules: list) -> tuple[int, int]:
    """[start, end) of the run of lines with the largest total weight (Kadane's maximum
    subarray: the page's densest stretch of prose, furniture inside it allowed), then
    extended over the rows of a list or table that follow it (weight 0) and their headings,
    and past furniture to a first or last paragraph that is not a lone blurb."""
    weights, lone = weighed
    best, best_span = 0.0, (0, 0)
    run, start = 0.0, 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, start = 0.0, i
        run += w
        if run > best:
            best, best_span = run, (start, i + 1)
    start, end = best_span

    def prose_past_furniture(k: int, step: int) -> int | None:
        while 0 <= k < len(weights) and rules[k]:
            k += step
        return k if 0 <= k < len(weights) and weights[k] >= 1.0 and k not in lone else None

    while start > 0 and (k := prose_past_furniture(start - 1, -1)) is not None:
        start = k  # a first paragraph above a caption, an advertisement, controls
    while end < len(weights):
        if weights[end] == 0.0:
            end += 1
        elif (k := prose_past_furniture(end, 1)) is not None:
            end = k + 1  # a last sentence, or one below an advertisement or a caption
        elif not rules[end] and weights[end + 1:end + 3] == [0.0, 0.0]:
            end += 1  # the heading of a list ("Tour dates")
        else:
            break
    return start, end


def _list_before(lines: list[str], words: list[int], start: int) -> int:
    """Where a related-content list that ends just before the article starts: the index of its
    heading ("Most Popular"), when every line between it and the article is a short teaser;
    else `start`."""
    for j in range(start - 1, max(-1, start - 40), -1):
        text = lines[j]
        if _RELATED_HEAD.match(text):
            return j
        if _ends(text, _STOPS) or words[j] > 25:
            break
    return start


HEADLINE_SHARE, HEADLINE_SHARED = 0.4, 2
OPENING = 3000  # characters of the article's opening a headline's words are looked for in
_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _content_words(text: str) -> set[str]:
    """The words of `text` that carry its content, cut to five letters (a cheap stem: "ends"
    and "ended", "strike" and "strikes" meet)."""
    return {w[:5] for w in map(str.lower, _CONTENT.findall(text)) if w not in STOP_WORDS}


def _headline_at(lines: list[tuple[str, bool]], rules: list, start: int, end: int) -> int | None:
    """The headline's line, looking back from the article's first line (`start`) over bylines,
    datelines, captions and controls: of the lines shaped like a title, the one that shares
    most of its words with the article's opening (a headline names what the lede tells), the
    nearer on a tie; where none shares enough, a title-shaped line just above the article."""
    asks = start + 1 < end and len(lines[start][0].split()) <= 20 and \
        lines[start][0].rstrip(_CLOSERS).endswith(("?", "!"))  # "Is the rally over?" opens the run
    opening = _content_words(" ".join(t for t, _ in lines[start + asks:min(end, start + 12)])[:OPENING])
    best, best_score, near = None, 0.0, None
    top = next((i for i, rule in enumerate(rules) if rule is None), 0)  # the first line not furniture
    for j in range(start - 1 + asks, max(-1, start - 120), -1):
        text, heading = lines[j]
        words = len(text.split())
        if words > 25:
            break
        if not _title_shaped(text, heading, rules[j]):
            continue
        content = _content_words(text)
        if near is None and j < start and (heading or j == top and words >= 2 and not
                                           _CREDIT_NAME.match(text) and (
                start - j <= 2 or start - j <= 8 and content & opening)):
            near = j  # a markdown heading, or the first line of a pasted article
        if len(content) < 3:  # (a section's name, an author's)
            continue
        shared = len(content & opening)
        score = shared / len(content) + (0.25 if heading else 0.0) - 0.002 * (start - j)
        if shared >= HEADLINE_SHARED and score > best_score:
            best, best_score = j, score
    found = best if best is not None and best_score >= HEADLINE_SHARE else near
    if found:  # (not the first line) a sentence-case line under a title-case one: the dek
        above, heading = lines[found - 1]
        content = _content_words(above)
        if not _is_headline_like(lines[found][0]) and _is_headline_like(above) and \
                len(content) >= 3 and content & opening and \
                _title_shaped(above, heading, rules[found - 1]):
            return found - 1
    return found


# "Ann Lee, Daily Courier": a writer's name and outlet on a line of their own
_CREDIT_NAME = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:,| \|) [A-Z][\w&.'’ -]{2,40}$")


def _title_shaped(text: str, heading: bool, rule) -> bool:
    """A line that can be a headline: up to 25 words, no full stop at the end, and none of
    furniture, byline, dateline or kicker."""
    words = len(text.split())
    return 0 < words <= 25 and rule is None and not (
        _DATELINE.match(text) or _BYLINE.match(text) or _byline_authors(text) is not None
        or _KICKER.match(text) and not heading
        or _ends(text, _STOPS) and not text.endswith(("?", "!", "?”", "!”")))


# --------------------------------------------------------------------------------- clean
def clean_text(raw: str, *, extracted: bool = False) -> Cleaned:
    """Zone every block of `raw` and rejoin paragraphs broken mid-sentence.

    The article is the page's densest stretch of sentence-ended lines (`_article_span`), with
    its headline, dek, byline and dateline just before it; what lies outside is the page around
    the article. Text with hardly any furniture or menu lines is an article alone (`_pasted`):
    all of it from the first paragraph on is the article. Inside, each line is zoned by what it is (caption, notice, related list...).
    `extracted`: the text is what an extractor kept of an HTML page (the page around it is
    already gone), so all of it is read as the article, its written-out links and repeated
    paragraphs too."""
    out = Cleaned(blocks=[])
    lines: list[tuple[str, bool]] = []
    for raw_line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.replace("\u00a0", " ").replace("\ufeff", "").strip()
        if not line:
            continue
        m = _STAMP.match(line)
        if m:  # a scraper's stamp; whatever it glued after it is read as a line of its own
            out.blocks.append(Block("boilerplate", "scraped date stamp", m[0].strip()))
            out.published = out.published or find_date(m[1])
            line = line[m.end():].strip()
            if not line:
                continue
        lines.append(_strip_markdown(line))

    texts = [t for t, _ in lines]
    words = [len(t.split()) for t in texts]  # (the rules' thresholds are loose)
    rules = [_furniture(t, n) for t, n in zip(texts, words)]
    for (text, _), rule in zip(lines, rules):
        if rule == ("boilerplate", "URL line"):
            out.url = out.url or _URL_LINE.match(text)[1]
            break
    if extracted:  # a link the article writes out, not the page's address line
        rules = [None if r == ("boilerplate", "URL line") else r for r in rules]
    pasted = False
    if extracted:
        start, end = 0, len(lines)
    else:
        weights = _weights(texts, rules, words)
        start, end = _article_span(weights, rules)
        if pasted := _pasted(rules, words):  # an article alone: its first paragraph to its end
            start = min(start, next((i for i, w in enumerate(weights[0]) if w >= 1.0), start))
            # (or to a list of other stories pasted with it: its first title)
            end = next((i - 1 for i in range(end, len(lines)) if i in weights[1]
                        and weights[0][i] == TEASER_WEIGHT), len(lines))
    if start == end:  # no sentence anywhere: read it all as it stands
        start, end = 0, len(lines)
    listed = _list_before(texts, words, start)
    if extracted and lines and lines[0][1]:  # the extractor's title, as a markdown heading
        listed = start = 1
        head: int | None = 0
    else:
        head = _headline_at(lines, rules, listed, end)
    first = head if head is not None else listed
    if head is None and start > 0 and listed == start:  # a title-less paste: keep what precedes
        first = next((j for j in range(start - 1, max(-1, start - 8), -1)
                      if words[j] > 25), -1) + 1

    zones = [[*(rules[i] or ("boilerplate", "page around the article")), texts[i]]
             for i in range(first)]
    zones += _zone_article(lines[first:end], rules[first:end], words[first:end], out,
                           repeats=not (extracted or pasted),
                           headline=head is not None, listed=(listed - first, start - first))
    zones += [[*(rules[i] or ("boilerplate", "page around the article")), texts[i]]
              for i in range(end, len(lines))]
    if out.published is None:  # a stamp just above the headline ("Published 7:42 AM Feb 11, 2025")
        out.published = next((d for i in range(max(0, first - 8), first) if rules[i] == _STAMP_RULE
                              and (d := find_date(texts[i]))), None)
    out.blocks.extend(Block(z, r, t) for z, r, t in _rejoin(zones))
    return out


def _prose(text: str, words: int) -> bool:
    return words >= 12 and bool(_ends(text, _STOPS))


def _zone_article(lines: list[tuple[str, bool]], rules: list, counts: list[int], out: Cleaned, *,
                  headline: bool, repeats: bool,
                  listed: tuple[int, int]) -> list[list[str]]:
    """Zones of the article's lines, headline first where `headline`; `listed`: where a related
    list that stands between the header and the first paragraph starts, and where the first
    paragraph does (above it, only headline, dek, byline, dateline and captions)."""
    zones: list[list[str]] = []  # [zone, reason, text], mutable while we look around
    seen_body = False
    related = False
    after_credit = False
    header_open = True  # before the first body paragraph
    byline_at = -1
    authors: list[str] = []
    bio: re.Pattern | None = None  # "Ann Lee is a correspondent ...": a byline's author's bio
    seen: set[str] = set()
    prev_text = ""
    for i, (text, heading) in enumerate(lines):
        zone, reason = "", ""
        rule, words = rules[i], counts[i]
        if i == 0 and headline:
            zone, reason = "headline", "headline"
        elif listed[0] <= i < listed[1]:
            zone, reason = "boilerplate", "related-content list"
        elif related and not (_prose(text, words) and i + 1 < len(lines) and
                             _prose(lines[i + 1][0], counts[i + 1])):
            # (a list ends where the article goes on: two paragraphs in a row, not a teaser)
            zone, reason = "boilerplate", "related-content list"
        elif _RELATED_HEAD.match(text) and seen_body:
            related = True
            zone, reason = "boilerplate", "related-content list"
        elif text == prev_text:
            zone, reason = "boilerplate", "repeated line"
            if zones and zones[-1][0] == "caption":
                zone, reason = "caption", "repeated caption"
        elif rule == _STAMP_RULE and header_open:
            zone, reason = "byline", "dateline"
            out.published = out.published or find_date(text)
            byline_at = len(zones)
        elif rule is not None and rule[1] != "photo credit" and (
                rule[0] != "caption" or not _ends(text, _STOPS) or header_open or
                words < 40):
            zone, reason = rule
        elif repeats and words >= 8 and text in seen:  # (an extractor's text: the article's own)
            zone, reason = "boilerplate", "repeated paragraph"
        elif bio and bio.match(text):
            zone, reason = "boilerplate", "author bio"
        elif (names := _byline_authors(text)) is not None and header_open:
            zone, reason = "byline", "byline"
            if not authors:
                authors = names
                bio = re.compile(rf"^({'|'.join(map(re.escape, authors))})\b.{{0,20}}\b"
                                 r"(is|was|covers|writes)\b")
            byline_at = len(zones)
        elif header_open and _DATELINE.match(text) and words <= 16:
            zone, reason = "byline", "dateline"
            out.published = out.published or find_date(text)
            byline_at = len(zones)
        elif rule is not None:
            zone, reason = rule
            after_credit = reason == "photo credit"
        elif after_credit and header_open and words < 60:
            zone, reason = "caption", "caption after a photo credit"
        elif header_open and _KICKER.match(text) and not heading and not seen_body and (
            "|" in text or not text[:1].isalnum()
        ):
            zone, reason = "boilerplate", "kicker"
        elif header_open and byline_at < 0 and words <= 60 and next(
                (z[0] for z in reversed(zones) if z[0] in ("headline", "dek?", "body")), ""
        ) == "headline":  # the line after the headline, before any byline
            zone, reason = "dek?", "text between headline and byline"
        elif i < listed[1]:  # above the article's first paragraph: not the article
            zone, reason = "boilerplate", "page around the article"
        else:
            zone, reason = "body", "article text"
        if reason != "photo credit":
            after_credit = False
        if zone == "body":
            seen_body = True
            header_open = False
            if related:
                related = False
        if zone in COUNTED_ZONES:
            seen.add(text)
        zones.append([zone, reason, text])
        prev_text = text

    # A dek exists only where a byline or dateline follows the headline; otherwise the block
    # after a headline is the first paragraph.
    for z in zones:
        if z[0] == "dek?":
            z[0], z[1] = ("dek", "dek") if byline_at >= 0 else ("body", "article text")
    out.authors = authors
    return zones


def _rejoin(zones: list[list[str]]) -> list[tuple[str, str, str]]:
    """Join a body block that ends mid-sentence to the next body block that starts in lower
    case, even where a caption or blank lines were dropped between them."""
    result: list[list[str]] = []
    last_body: list[str] | None = None
    for zone, reason, text in zones:
        if (
            zone == "body"
            and last_body is not None
            and not _ends(last_body[2])
            and _starts_lower(text)
        ):
            last_body[2] = f"{last_body[2]} {text}"
            last_body[1] = "article text (rejoined)"
            continue
        row = [zone, reason, text]
        result.append(row)
        if zone == "body":
            last_body = row
    return [tuple(r) for r in result]  # type: ignore[misc]
