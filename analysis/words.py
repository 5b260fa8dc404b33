"""Word-level helpers shared by the comparison, the tone rules and the tone model: the stop
words and tokens of distinctive terms, and the stretches of a sentence around a mention that
tone is read from (its clause, a window of words)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

# Stop words: the English list of Glasgow IR / scikit-learn, abridged, plus news function words.
STOP_WORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also
although always am among amongst an and another any anyhow anyone anything anyway anywhere
are around as at back be became because become becomes been before beforehand behind being
below beside besides between beyond both but by can cannot could did do does doing done down
during each either else elsewhere enough even ever every everyone everything everywhere except
few for former formerly from further had has have having he her here hers herself him himself
his how however i if in into is it its itself just last latter least less made many may me
meanwhile might mine more moreover most mostly much must my myself neither never nevertheless
next no nobody none nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps rather re same says said say see
seem seemed seems several she should since so some somehow someone something sometime
sometimes somewhere still such than that the their theirs them themselves then thence there
thereafter thereby therefore therein these they this those though through throughout thus to
together too toward towards under until up upon us very via was we well were what whatever
when whence whenever where whereas wherever whether which while who whoever whole whom whose
why will with within without would yet you your yours yourself yourselves mr ms mrs s t
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# The words of a term (lower-cased text): letters, with inner apostrophes and hyphens.
TERM_TOKEN = re.compile(r"[a-z][a-z’'\-]*[a-z]|[a-z]")

# Where a clause ends: ; : dashes, ", " and contrast words.
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s|\b(?:but|while|although|whereas|however)\b", re.I)


@lru_cache(maxsize=4096)
def _clause_cuts(sentence: str) -> tuple[int, ...]:
    """Where the sentence's clauses break, in order (a sentence's mentions share them)."""
    return (0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence))


def clause_context(sentence: str, start: int, end: int) -> str:
    cuts = _clause_cuts(sentence)
    lo = cuts[bisect_right(cuts, start) - 1]  # the last break at or before the mention
    after = bisect_left(cuts, end)  # the first break at or after it, else the sentence's end
    return sentence[lo:cuts[after] if after < len(cuts) else len(sentence)]


def window_context(sentence: str, start: int, end: int, *, words: int) -> str:
    left, right = sentence[:start].split(), sentence[end:].split()
    return " ".join([*left[-words:], sentence[start:end], *right[:words]])
