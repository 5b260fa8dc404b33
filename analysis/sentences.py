"""Sentence splitting that survives news prose.

"U.S.", "Mr. Xi", "Sept. 28", "Janet L. Yellen", "C.I.A." do not end sentences; a closing
quotation mark stays with the sentence it closes; paragraphs (blank lines) always end one.
A rule-based splitter is used on purpose: it is deterministic, fast (the scale issue indexes
millions of sentences) and its every rule has a test in tests/analysis/test_sentences.py.
"""
from __future__ import annotations

import re

# Words that end with a period without ending the sentence (news style guides: AP, NYT).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col sgt capt adm cmdr maj st jr sr rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    no nos vol vs etc inc corp co ltd bros dept univ ave blvd fig approx est calif d-calif
    r-calif mass conn fla ga ill ky md mich minn mo nev pa tenn tex va wash wis ariz colo
    ala ark del ind kan la miss mont neb okla ore vt wyo""".split()
)
# Sentence openers: after an acronym like "U.S." one of these means a new sentence began.
_OPENERS = frozenset(
    """the a an he she it they we i this that these those but and or so yet in on at for
    after before when while if as there here his her its their our my what who why how
    still however meanwhile instead then now also last next both neither some many most""".split()
)

_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]*([\w’'.-]+)")


_TOKEN_AT_END = re.compile(r"[\w.'’-]+$")


def _last_token(text: str, stop: int) -> str:
    """The run of word characters, periods, apostrophes and hyphens that ends at `stop`, read
    from a window before it that grows until it holds the run's start: the cost stays with the
    word, not with all the text before it (a paragraph of a megabyte has thousands of stops)."""
    size = 64
    while True:
        lo = max(0, stop - size)
        m = _TOKEN_AT_END.search(text, lo, stop)
        if m is None:
            return ""
        if m.start() > lo or lo == 0:
            return m.group()
        size *= 4


def _is_boundary(text: str, end: int, match_text: str) -> bool:
    """Is the punctuation ending at `end` a sentence end?"""
    nxt = _NEXT_WORD.match(text, end)
    if not nxt:
        return True
    next_word = nxt[1]
    if not (next_word[0].isupper() or next_word[0].isdigit() or text[nxt.start(1) - 1] in "\"“‘'("):
        return False  # a lower-case continuation: "Sept. 28", "U.S. officials said"
    if not match_text.startswith("."):
        return True  # ! ? … end sentences before a capital
    token = _last_token(text, end - len(match_text))
    bare = token.lower().rstrip(".")
    if bare in ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isupper():
        return False  # middle initial: "Janet L. Yellen", "R. Nicholas Burns"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        # "U.S." "C.I.A." "U.N.": a sentence ends here only if a sentence opener follows
        return next_word.lower() in _OPENERS
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        p_start, p_text = para.start(), para.group()
        start = 0
        for m in _CANDIDATE.finditer(p_text):
            if _is_boundary(p_text, m.end(), m.group()):
                spans.append((p_start + start, p_start + m.end()))
                start = m.end()
        spans.append((p_start + start, p_start + len(p_text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out
