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


def _strip_markdown(line: str) -> tuple[str, bool]:
    """Remove markdown decoration; say whether the line was a heading."""
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
        return self.pattern.search(line) if any(n in held for n in self.needles) else None


_STAMP = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*")  # scraper's " date 2023-11-15" prefix
_URL_LINE = re.compile(r"^<?(https?://\S+?)>?$")
_NOTICE = _Cue(
    r"(for your personal, non-commercial use|subscriber agreement|all rights reserved|"
    r"^copyright\b|^©|reprints? at|to order (multiple )?copies|"
    r"^(this (article|story) (was|is) (originally )?(published|republished)))",
    "for your personal", "subscriber agreement", "all rights reserved", "copyright", "©",
    "reprint", "to order", "published", ignore_case=True,
)
_EDITORS_NOTE = re.compile(r"^editor['’]s note\b", re.I)
_CONTRIBUTED = _Cue(
    r"(contributed (reporting|to (this|the) (article|report|story))|^additional reporting by)",
    "contributed", "additional reporting", ignore_case=True,
)
_CONTACT = re.compile(r"^(write to|contact|email|follow)\b.*(@|\bat\b)", re.I)
_EMAIL = _Cue(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b", "@")
_PRINT = _Cue(r"(print edition|appears in print|appeared in print|a version of this article)",
              "print edition", "in print", "a version of this article", ignore_case=True)
_RELATED_HEAD = re.compile(
    r"^(related( publications| articles| content| stories| coverage| reading)?|read more|"
    r"more from [\w ]+|recommended( for you)?|see also|you may also like|more on this story|"
    r"view all publications|most popular)\s*:?$",
    re.I,
)
_CAPTION_CUE = _Cue(
    r"(\bPHOTO:|^Photo:|\(pictured\)|\b(?:Pool |AP |AFP |Reuters )?[Pp]hoto(?:graph)?s? by "
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*\.?$|\b(Getty Images|Associated Press|REUTERS|AFP)\)?\.?$|"
    r"\([^()]*/[^()]*\)\.?$|\bCredit:)",
    "PHOTO:", "hoto", "(pictured)", "Getty Images", "Associated Press", "REUTERS", "AFP", "/",
    "Credit:",
)
_CREDIT_LINE = re.compile(
    r"^[A-Z][\w.'’ -]{0,60}/(?:[\w.'’ -]*\b(?:via|Pool|REUTERS|Reuters|AP|AFP|Getty|EPA|Bloomberg|Images|Photo)\b[\w.'’ -]*)$"
)
_KICKER = re.compile(r"^[^a-z]{2,60}$")  # "◆ WSJ NEWS EXCLUSIVE | CHINA": no lowercase at all
_DATELINE = re.compile(
    rf"^(reporting from\b|(updated|published|posted)\b.{{0,40}}$|"
    rf"({r'(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day'},\s+)?{_MONTH_RE}\.?\s+\d{{1,2}},\s+\d{{4}}\b.{{0,40}}$)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+(.+)$", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|la|le|bin|al-\w+)$")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*$|[\"”’]$")


def _byline_authors(line: str) -> list[str] | None:
    """Author names if `line` is a byline ("By A, B and C"), else None.

    A body sentence that starts with "By" ("By the end of the year, ...") is not a byline:
    every word of a byline is a capitalised name part or a joiner.
    """
    m = _BYLINE.match(line)
    if not m or _TERMINAL.search(line.rstrip()) and not line.rstrip().endswith("."):
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


# --------------------------------------------------------------------------------- clean
def clean_text(raw: str) -> Cleaned:
    """Zone every block of `raw` and rejoin paragraphs broken mid-sentence."""
    out = Cleaned(blocks=[])
    lines: list[tuple[str, bool]] = []
    for raw_line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.replace("\u00a0", " ").replace("\ufeff", "").strip()
        if not line:
            continue
        m = _STAMP.match(line)
        if m:
            out.blocks.append(Block("boilerplate", "scraped date stamp", m[0].strip()))
            out.published = out.published or find_date(m[1])
            line = line[m.end():].strip()
            if not line:
                continue
            # Whatever a scraper glued to its stamp is page furniture, usually a caption.
            out.blocks.append(Block("caption", "text glued to a date stamp", line))
            continue
        lines.append(_strip_markdown(line))

    zones: list[list[str]] = []  # [zone, reason, text], mutable while we look around
    seen_body = False
    related = False
    after_credit = False
    header_open = True  # before the first body paragraph
    byline_at = -1
    authors: list[str] = []
    prev_text = ""
    for text, heading in lines:
        zone, reason = "", ""
        folded = fold_case(text)  # for the case-insensitive cues
        url = _URL_LINE.match(text)
        if related:
            zone, reason = "boilerplate", "related-content list"
        elif _RELATED_HEAD.match(text) and seen_body:
            related = True
            zone, reason = "boilerplate", "related-content list"
        elif url:
            zone, reason = "boilerplate", "URL line"
            out.url = out.url or url[1]
        elif text == prev_text:
            zone, reason = "boilerplate", "repeated line"
            if zones and zones[-1][0] == "caption":
                zone, reason = "caption", "repeated caption"
        elif _EDITORS_NOTE.match(text):
            zone, reason = "boilerplate", "editor's note"
        elif _NOTICE.search(text, folded):
            zone, reason = "boilerplate", "subscription or copyright notice"
        elif _PRINT.search(text, folded) and count_words(text) < 60:
            zone, reason = "boilerplate", "print-edition note"
        elif _CONTRIBUTED.search(text, folded) and count_words(text) < 25:
            zone, reason = "boilerplate", "contributed-reporting line"
        elif (_CONTACT.match(text) or _EMAIL.search(text)) and count_words(text) < 60:
            zone, reason = "boilerplate", "contact line"
        elif authors and re.match(
            rf"^({'|'.join(map(re.escape, authors))})\b.{{0,20}}\b(is|was|covers|writes)\b", text
        ):
            zone, reason = "boilerplate", "author bio"
        elif (names := _byline_authors(text)) is not None and header_open:
            zone, reason = "byline", "byline"
            authors = authors or names
            byline_at = len(zones)
        elif header_open and _DATELINE.match(text) and count_words(text) <= 16:
            zone, reason = "byline", "dateline"
            out.published = out.published or find_date(text)
            byline_at = len(zones)
        elif _CREDIT_LINE.match(text):
            zone, reason = "caption", "photo credit"
            after_credit = True
        elif _CAPTION_CUE.search(text) and count_words(text) < 80:
            zone, reason = "caption", "photo caption"
        elif after_credit and header_open and count_words(text) < 60:
            zone, reason = "caption", "caption after a photo credit"
        elif header_open and _KICKER.match(text) and not heading and not seen_body and (
            "|" in text or not text[:1].isalnum()
        ):
            zone, reason = "boilerplate", "kicker"
        elif header_open and not any(z[0] == "headline" for z in zones) and (
            heading or _is_headline_like(text)
        ):
            zone, reason = "headline", "headline"
        elif header_open and any(z[0] == "headline" for z in zones) and byline_at < 0 and (
            count_words(text) <= 60
        ):
            zone, reason = "dek?", "text between headline and byline"
        else:
            zone, reason = "body", "article text"
        if reason != "photo credit":
            after_credit = False
        if zone == "body":
            seen_body = True
            header_open = False
        zones.append([zone, reason, text])
        prev_text = text

    # A dek exists only where a byline or dateline follows the headline; otherwise the block
    # after a headline is the first paragraph.
    for z in zones:
        if z[0] == "dek?":
            z[0], z[1] = ("dek", "dek") if byline_at >= 0 else ("body", "article text")
    out.blocks.extend(Block(z, r, t) for z, r, t in _rejoin(zones))
    out.authors = authors
    return out


def _rejoin(zones: list[list[str]]) -> list[tuple[str, str, str]]:
    """Join a body block that ends mid-sentence to the next body block that starts in lower
    case, even where a caption or blank lines were dropped between them."""
    result: list[list[str]] = []
    last_body: list[str] | None = None
    for zone, reason, text in zones:
        if (
            zone == "body"
            and last_body is not None
            and not _TERMINAL.search(last_body[2])
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
