"""VADER (vaderSentiment 3.3.2, MIT licence, Hutto & Gilbert 2014): its scores, cached, and the
labels its README gives them; every caller of VADER reads it through here.

FasterVader is VADER with its scores unchanged and less work per sentence
(tests/analysis/test_vader.py compares the two on every seed, synthetic and NewsMTSC sentence):
- polarity_scores walks the text character by character to swap emojis for words; a text
  with no emoji skips the walk (the walk would return it stripped, nothing else). A text with
  an emoji is scored by VADER's own code;
- VADER lower-cases the whole sentence again for every sentiment word (in its negation and
  idiom checks) and each word several times over; here each word is lower-cased once;
- a word outside the lexicon gets its 0 without a call;
- the 'but' rule runs only on a sentence that has a 'but'.
The rest follows SentimentIntensityAnalyzer.polarity_scores and sentiment_valence line by line;
the 'but' rule and the final scoring are VADER's own functions.
"""
from __future__ import annotations

import string
from functools import lru_cache

from vaderSentiment.vaderSentiment import (BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE,
                                           SPECIAL_CASES, SentimentIntensityAnalyzer)

# VADER's README: compound >= 0.05 positive, <= -0.05 negative, else neutral.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
LABELS = ("negative", "neutral", "positive")  # what polarity_of gives

_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation


def _negated(word: str) -> bool:
    """VADER's negated([word]) for one lower-case word."""
    return word in _NEGATE or "n't" in word


class FasterVader(SentimentIntensityAnalyzer):
    def __init__(self):
        super().__init__()
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def polarity_scores(self, text):
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        text = text.strip()
        # SentiText: whitespace words, punctuation stripped unless that leaves two characters
        words = [w if len(s := w.strip(_PUNCTUATION)) <= 2 else s for w in text.split()]
        lows = [w.lower() for w in words]
        caps = sum(1 for w in words if w.isupper())
        is_cap_diff = 0 < len(words) - caps < len(words)  # some words all caps, not all
        lexicon = self.lexicon
        last = len(words) - 1
        sentiments = []
        for i, low in enumerate(lows):
            if (low in BOOSTER_DICT or low not in lexicon
                    or (i < last and low == "kind" and lows[i + 1] == "of")):
                sentiments.append(0)
            else:
                sentiments.append(self._valence(words, lows, i, is_cap_diff))
        if "but" in lows:
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    def _valence(self, words, lows, i, is_cap_diff):
        """sentiment_valence for the lexicon word at i, reading the lower-cased `lows`."""
        lexicon = self.lexicon
        valence = lexicon[lows[i]]
        if lows[i] == "no" and i != len(words) - 1 and lows[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no") or (
                i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor")):
            valence = lexicon[lows[i]] * N_SCALAR
        if words[i].isupper() and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            j = i - (start_i + 1)
            if i > start_i and lows[j] not in lexicon:
                s = 0.0  # scalar_inc_dec
                if lows[j] in BOOSTER_DICT:
                    s = BOOSTER_DICT[lows[j]]
                    if valence < 0:
                        s *= -1
                    if words[j].isupper() and is_cap_diff:
                        s = s + C_INCR if valence > 0 else s - C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lows, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lows, i)
        # _least_check
        if i > 1 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
            if lows[i - 2] != "at" and lows[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence


def _negation_check(valence, low, start_i, i):
    """VADER's _negation_check on the lower-cased words."""
    if start_i == 0:
        if _negated(low[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
            valence = valence * 1.25
        elif low[i - 2] == "without" and low[i - 1] == "doubt":
            valence = valence
        elif _negated(low[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this") or \
                (low[i - 1] == "so" or low[i - 1] == "this"):
            valence = valence * 1.25
        elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
            valence = valence
        elif _negated(low[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence, low, i):
    """VADER's _special_idioms_check on the lower-cased words."""
    onezero = f"{low[i - 1]} {low[i]}"
    twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    twoone = f"{low[i - 2]} {low[i - 1]}"
    threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    threetwo = f"{low[i - 3]} {low[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(low) - 1 > i:
        zeroone = f"{low[i]} {low[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(low) - 1 > i + 1:
        zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):  # booster bi-grams such as "sort of"
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


@lru_cache(maxsize=1)
def analyzer() -> FasterVader:
    """VADER, with the same scores for less work (FasterVader)."""
    return FasterVader()


@lru_cache(maxsize=100_000)
def vader_scores(text: str) -> tuple[tuple[str, float], ...]:
    """VADER's neg/neu/pos/compound of `text`, cached: the tone model reads a sentence's
    scores for each of its mentions, and article tone reads them again."""
    return tuple(analyzer().polarity_scores(text).items())


def vader_compound(text: str) -> float:
    return float(dict(vader_scores(text))["compound"])


def polarity_of(compound: float) -> str:
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"
