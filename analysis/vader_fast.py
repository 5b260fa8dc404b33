"""VADER (vaderSentiment 3.3.2, MIT licence, Hutto & Gilbert 2014) with five of its steps made
cheaper and its scores unchanged (tests/analysis/test_sentiment.py compares the two on every
seed and NewsMTSC sentence):
- polarity_scores walks the text character by character to swap emojis for words; a text
  with no emoji skips the walk (the walk would return it stripped, nothing else);
- _negation_check lower-cases the whole sentence again for every sentiment word, then reads
  at most the three words before it; here only those are lower-cased;
- _special_idioms_check does the same (lower-cases the sentence for each sentiment word to
  read the words around it); here only the words read are lower-cased;
- negated() tests one word against its NEGATE list word by word; here against a set (one
  lower-case word is negated if it is in NEGATE or contains "n't", as in VADER);
- every word goes through sentiment_valence, which does nothing for a word outside the
  lexicon but append 0; here such words append 0 without the call.
The rest is VADER's own code, called as is.
"""
from __future__ import annotations

from vaderSentiment.vaderSentiment import (BOOSTER_DICT, N_SCALAR, NEGATE, SPECIAL_CASES,
                                           SentimentIntensityAnalyzer, SentiText)

_NEGATE = frozenset(NEGATE)


def _negated(word: str) -> bool:
    """VADER's negated([word]) for one lower-case word."""
    return word in _NEGATE or "n't" in word


class _Lowered:
    """words[k].lower(), computed for the indexes read."""

    __slots__ = ("words",)

    def __init__(self, words):
        self.words = words

    def __getitem__(self, k):
        return str(self.words[k]).lower()

    def __len__(self):
        return len(self.words)


class FasterVader(SentimentIntensityAnalyzer):
    def __init__(self):
        super().__init__()
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def polarity_scores(self, text):
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        text = text.strip()
        # from here on, SentimentIntensityAnalyzer.polarity_scores as published
        sentitext = SentiText(text)
        sentiments = []
        words_and_emoticons = sentitext.words_and_emoticons
        lexicon = self.lexicon
        for i, item in enumerate(words_and_emoticons):
            valence = 0
            low = item.lower()
            if low in BOOSTER_DICT:
                sentiments.append(valence)
                continue
            if (i < len(words_and_emoticons) - 1 and low == "kind" and
                    words_and_emoticons[i + 1].lower() == "of"):
                sentiments.append(valence)
                continue
            if low not in lexicon:  # (VADER: sentiment_valence appends the 0 it was given)
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)

    @staticmethod
    def _negation_check(valence, words_and_emoticons, start_i, i):
        low = _Lowered(words_and_emoticons)  # VADER: the whole list, lower-cased
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

    @staticmethod
    def _special_idioms_check(valence, words_and_emoticons, i):
        low = _Lowered(words_and_emoticons)  # VADER: the whole list, lower-cased
        onezero = "{0} {1}".format(low[i - 1], low[i])
        twoonezero = "{0} {1} {2}".format(low[i - 2], low[i - 1], low[i])
        twoone = "{0} {1}".format(low[i - 2], low[i - 1])
        threetwoone = "{0} {1} {2}".format(low[i - 3], low[i - 2], low[i - 1])
        threetwo = "{0} {1}".format(low[i - 3], low[i - 2])
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(low) - 1 > i:
            zeroone = "{0} {1}".format(low[i], low[i + 1])
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(low) - 1 > i + 1:
            zeroonetwo = "{0} {1} {2}".format(low[i], low[i + 1], low[i + 2])
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):  # booster bi-grams such as "sort of"
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence
