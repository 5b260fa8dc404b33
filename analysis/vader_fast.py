"""VADER (vaderSentiment 3.3.2, MIT licence, Hutto & Gilbert 2014) with two of its steps made
cheaper and its scores unchanged (tests/analysis/test_sentiment.py compares the two on every
seed and NewsMTSC sentence):
- polarity_scores walks the text character by character to swap emojis for words; a text
  with no emoji skips the walk (the walk would return it stripped, nothing else);
- _negation_check lower-cases the whole sentence again for every sentiment word, then reads
  at most the three words before it; here only those are lower-cased.
The rest is VADER's own code, called as is.
"""
from __future__ import annotations

from vaderSentiment.vaderSentiment import (BOOSTER_DICT, N_SCALAR, SentimentIntensityAnalyzer,
                                           SentiText, negated)


class _Lowered:
    """words[k].lower(), computed for the indexes read."""

    __slots__ = ("words",)

    def __init__(self, words):
        self.words = words

    def __getitem__(self, k):
        return str(self.words[k]).lower()


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
        for i, item in enumerate(words_and_emoticons):
            valence = 0
            if item.lower() in BOOSTER_DICT:
                sentiments.append(valence)
                continue
            if (i < len(words_and_emoticons) - 1 and item.lower() == "kind" and
                    words_and_emoticons[i + 1].lower() == "of"):
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)

    @staticmethod
    def _negation_check(valence, words_and_emoticons, start_i, i):
        low = _Lowered(words_and_emoticons)  # VADER: the whole list, lower-cased
        if start_i == 0:
            if negated([low[i - (start_i + 1)]]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                valence = valence
            elif negated([low[i - (start_i + 1)]]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this") or \
                    (low[i - 1] == "so" or low[i - 1] == "this"):
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                valence = valence
            elif negated([low[i - (start_i + 1)]]):
                valence = valence * N_SCALAR
        return valence
