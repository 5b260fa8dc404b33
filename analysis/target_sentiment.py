"""A target-aware tone model: logistic regression over features of the text around the target.

Features (all computed here, in pure Python; `scripts/train_target_sentiment.py` fits the
weights on NewsMTSC train with a fixed setup and writes `models/target_sentiment.npz`):
- words and word pairs of the sentence with the target replaced by <T>; the six words on each
  side of the target, by side and by position; the words of the target's clause;
- VADER's scores (neg/neu/pos/compound) of the whole sentence, the clause and a ±8-word window;
- VADER lexicon valences weighted by 1/(1 + distance to the target), by side and within 3, 6
  and 12 words, with negation ("not", "never", "n't" …) flipping and damping the valence
  (VADER's own factor, -0.74);
- cues: the target speaks ("X said"), is spoken about ("said X"), opens the sentence, sits
  inside a quotation, has a negation nearby.

The score the dashboard averages is P(positive) − P(negative), from −1 to 1, so that it reads
like VADER's compound; the class is the most probable one. Where the model is unsure (its top
probability below DEFER_BELOW), it defers to VADER on the target's clause: on NewsMTSC dev this
keeps dev_rw at 70.1 macro-F1 and lifts dev_mt from 65.6 to 66.6, and it settles contrast
sentences the bag of words splits evenly ("A is terrible, while B is wonderful").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np

from analysis.cleaning import WORD_RE
from analysis.vader import analyzer, polarity_of, vader_scores
from analysis.words import STOP_WORDS, clause_context, window_context

MODEL_PATH = Path(__file__).resolve().parent / "models" / "target_sentiment.npz"
FEATURES_VERSION = 1
CLASSES = ("negative", "neutral", "positive")

_TOK = re.compile(r"[A-Za-z']+|[^\sA-Za-z]")
_OPEN_QUOTE, _CLOSE_QUOTE = re.compile(r"[“\"]"), re.compile(r"[”\"]")
NEGATIONS = frozenset("not no never n't nothing nobody none neither nor without hardly cannot".split())
SPEECH = frozenset("said says told added wrote argued warned noted insisted claimed stated".split())
NEGATION_FACTOR = -0.74  # VADER's N_SCALAR (vaderSentiment.py)
DEFER_BELOW = 0.42  # chosen on NewsMTSC dev among 0.40, 0.42, 0.45, 0.50 (issue 9 note)


LEXICON_FEATURES = ("lex:L", "lex:R", "lex:all", "lex:d3", "lex:d6", "lex:d12", "lex:pos",
                    "lex:neg")
CUE_FEATURES = ("quoted", "says_after", "says_before", "first", "neg_near")


def _lexicon_features(toks: list[str], target: int, lexicon: dict[str, float]
                      ) -> dict[str, float]:
    """VADER lexicon valences around the target at toks[target]: weighted by 1/(1 + distance),
    by side and in all, unweighted within 3, 6 and 12 words, positive and negative apart; a
    negation among the three words before flips and damps a valence."""
    lex = dict.fromkeys(LEXICON_FEATURES, 0.0)
    for i, t in enumerate(toks):
        v = lexicon.get(t)
        if v is None:
            continue
        if any(x in NEGATIONS for x in toks[max(0, i - 3):i]):
            v *= NEGATION_FACTOR
        d = abs(i - target)
        weighted = v / (1 + d)
        lex["lex:L" if i < target else "lex:R"] += weighted
        lex["lex:all"] += weighted
        lex["lex:pos" if v > 0 else "lex:neg"] += weighted
        for k in (3, 6, 12):
            if d <= k:
                lex[f"lex:d{k}"] += v
    return lex


def _cue_features(sentence: str, start: int, end: int, left: list[str], right: list[str]
                  ) -> dict[str, float]:
    """Inside a quotation; speaks ("X said"); is spoken about ("said X"); opens the sentence;
    a negation nearby."""
    return {"quoted": 1.0 if _OPEN_QUOTE.search(sentence[:start]) and
            _CLOSE_QUOTE.search(sentence[end:]) else 0.0,
            "says_after": 1.0 if right[:1] and (right[0] in SPEECH or right[1:2] and
                                                 right[1] in SPEECH) else 0.0,
            "says_before": 1.0 if left[-1:] and left[-1] in SPEECH else 0.0,
            "first": 1.0 if len(left) <= 1 else 0.0,
            "neg_near": 1.0 if any(t in NEGATIONS for t in left[-4:] + right[:4]) else 0.0}


def featurize(sentence: str, start: int, end: int) -> dict[str, float]:
    """The model's features for the target at sentence[start:end]."""
    f: dict[str, float] = {}
    left = _TOK.findall(sentence[:start].lower())
    right = _TOK.findall(sentence[end:].lower())
    toks = [*left, "<T>", *right]
    for w in toks:
        f["w:" + w] = f.get("w:" + w, 0.0) + 1
    for x, y in zip(toks, toks[1:]):
        f[f"b:{x}_{y}"] = 1.0
    for i, w in enumerate(reversed(left[-6:])):
        f["L:" + w] = 1.0
        f[f"L{i}:{w}"] = 1.0
    for i, w in enumerate(right[:6]):
        f["R:" + w] = 1.0
        f[f"R{i}:{w}"] = 1.0
    clause = clause_context(sentence, start, end)
    window = window_context(sentence, start, end, words=8)
    for name, ctx in (("sent", sentence), ("clause", clause), ("w8", window)):
        for k, v in vader_scores(ctx):
            f[f"v:{name}:{k}"] = v
    for w in _TOK.findall(clause.lower()):
        f["c:" + w] = 1.0
    f.update(_lexicon_features(toks, len(left), analyzer().lexicon))
    f.update(_cue_features(sentence, start, end, left, right))
    return f


class _Rows(dict):
    """feature name -> weight row (-1: a feature the model never saw), for the names made by
    `key(word)`, each looked up once."""

    def __init__(self, row: dict[str, int], key):
        super().__init__()
        self.row, self.key = row, key

    def __missing__(self, word) -> int:
        self[word] = found = self.row.get(self.key(word), -1)
        return found


class _Encoder:
    """`featurize`, written to the model's weight rows instead of a dict of names: the same
    features and values (tests/analysis/test_sentiment.py compares the two), without making
    and hashing a name for each of the ~70 features of every mention. Word features are
    summed where featurize counts them (w:) and listed once where it sets them to 1."""

    def __init__(self, row: dict[str, int]):
        get = row.get
        self.w = _Rows(row, lambda w: "w:" + w)
        self.b = _Rows(row, lambda pair: f"b:{pair[0]}_{pair[1]}")
        self.c = _Rows(row, lambda w: "c:" + w)
        self.left, self.right = _Rows(row, lambda w: "L:" + w), _Rows(row, lambda w: "R:" + w)
        self.left_at = [_Rows(row, lambda w, i=i: f"L{i}:{w}") for i in range(6)]
        self.right_at = [_Rows(row, lambda w, i=i: f"R{i}:{w}") for i in range(6)]
        self.vader = {name: [get(f"v:{name}:{k}", -1) for k in ("neg", "neu", "pos", "compound")]
                      for name in ("sent", "clause", "w8")}
        self.fixed = {name: get(name, -1) for name in (*LEXICON_FEATURES, *CUE_FEATURES)}
        self.lexicon = analyzer().lexicon

    def encode(self, sentence: str, start: int, end: int, rows: list[int],
               values: list[float]) -> int:
        """Append the rows and values of the target at sentence[start:end]; return how many."""
        n0 = len(rows)
        left = _TOK.findall(sentence[:start].lower())
        right = _TOK.findall(sentence[end:].lower())
        toks = [*left, "<T>", *right]
        w = self.w
        rows.extend([w[t] for t in toks])
        ones = {self.b[pair] for pair in zip(toks, toks[1:])}
        near_left, near_right = left[-6:][::-1], right[:6]
        ones.update([self.left[t] for t in near_left])
        ones.update([self.right[t] for t in near_right])
        rows.extend([self.left_at[i][t] for i, t in enumerate(near_left)])
        rows.extend([self.right_at[i][t] for i, t in enumerate(near_right)])
        clause = clause_context(sentence, start, end)
        ones.update([self.c[t] for t in _TOK.findall(clause.lower())])
        rows.extend(ones)
        values.extend(repeat(1.0, len(rows) - n0))
        window = window_context(sentence, start, end, words=8)
        for name, ctx in (("sent", sentence), ("clause", clause), ("w8", window)):
            rows.extend(self.vader[name])
            values.extend([v for _, v in vader_scores(ctx)])
        scalars = {**_lexicon_features(toks, len(left), self.lexicon),
                   **_cue_features(sentence, start, end, left, right)}
        rows.extend([self.fixed[k] for k in scalars])
        values.extend(scalars.values())
        return len(rows) - n0


@dataclass(frozen=True)
class Prediction:
    label: str
    probabilities: tuple[float, float, float]  # CLASSES order
    score: float  # P(positive) - P(negative), or VADER's compound where deferred
    contributions: tuple[tuple[str, float], ...]  # (word feature, push toward the label)
    deferred: bool = False  # the model was unsure and VADER on the clause decided


class LinearModel:
    """Weights per feature and class held as one matrix, so that many mentions are scored in
    one numpy step."""

    def __init__(self, names: list[str], matrix: np.ndarray, intercept: list[float], meta: dict):
        self.intercept = np.asarray(intercept, dtype=float)
        self.meta = meta
        self._row = {name: i for i, name in enumerate(names)}
        self._matrix = np.asarray(matrix, dtype=float).reshape(-1, 3)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "LinearModel":
        with np.load(path) as data:
            header = json.loads(data["header"].tobytes().decode())
            if header.get("features_version") != FEATURES_VERSION:
                raise ValueError(f"{path.name} was trained on features version "
                                 f"{header.get('features_version')}, this code makes "
                                 f"{FEATURES_VERSION}: run scripts/train_target_sentiment.py")
            names = data["names"].tobytes().decode().split("\n")
            return cls(names, data["weights"], header["intercept"], header.get("meta", {}))

    def save(self, path: Path) -> None:
        """The weights as .npz: feature names (newline-joined UTF-8), the weight matrix, and a
        JSON header (features version, classes, intercept, training notes)."""
        header = {"features_version": FEATURES_VERSION, "classes": list(CLASSES),
                  "intercept": self.intercept.tolist(), "meta": self.meta}
        with open(path, "wb") as fh:
            np.savez_compressed(
                fh, names=np.frombuffer("\n".join(self._row).encode(), dtype=np.uint8),
                weights=self._matrix, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8))

    def weight(self, name: str) -> np.ndarray | None:
        i = self._row.get(name)
        return None if i is None else self._matrix[i]

    def probabilities(self, spans: list[tuple[str, int, int]]) -> np.ndarray:
        """P(class) for each (sentence, start, end), one row per span in CLASSES order."""
        encoder = _Encoder(self._row)
        rows: list[int] = []
        values: list[float] = []
        owner: list[int] = []
        for n, (sentence, start, end) in enumerate(spans):
            added = encoder.encode(sentence, start, end, rows, values)
            owner.extend(repeat(n, added))
        rows, weights = np.asarray(rows, dtype=np.int64), np.asarray(values, dtype=float)
        known = rows >= 0
        rows, weights = rows[known], weights[known]
        owners = np.asarray(owner, dtype=np.int64)[known]
        logits = np.tile(self.intercept, (len(spans), 1))
        for k in range(3):
            logits[:, k] += np.bincount(owners, weights=self._matrix[rows, k] * weights,
                                        minlength=len(spans))
        logits -= logits.max(axis=1, keepdims=True)
        exps = np.exp(logits)
        return exps / exps.sum(axis=1, keepdims=True)

    def predict_many(self, spans: list[tuple[str, int, int]]) -> list[Prediction]:
        """Predictions without explanations: what the index stores for every mention."""
        out = []
        for (sentence, start, end), probs in zip(spans, self.probabilities(spans)):
            best = int(probs.argmax())
            p = (float(probs[0]), float(probs[1]), float(probs[2]))
            if p[best] < DEFER_BELOW:
                compound = dict(vader_scores(clause_context(sentence, start, end)))["compound"]
                out.append(Prediction(polarity_of(compound), p, compound, (), deferred=True))
            else:
                out.append(Prediction(CLASSES[best], p, p[2] - p[0], ()))
        return out

    def predict(self, sentence: str, start: int, end: int, *, explain: int = 0) -> Prediction:
        """One prediction; with `explain`, the words that pushed it most (see `explain`)."""
        pred = self.predict_many([(sentence, start, end)])[0]
        if explain and not pred.deferred:
            pred = replace(pred, contributions=self.explain(sentence, start, end, pred.label, explain))
        return pred

    def explain(self, sentence: str, start: int, end: int, label: str, n: int = 3
                ) -> tuple[tuple[str, float], ...]:
        """The `n` words that pushed the score toward `label` most, read from the weights."""
        best = CLASSES.index(label)
        pushes = []
        for name, value in featurize(sentence, start, end).items():
            w = self.weight(name)
            if w is None or not name.startswith(("w:", "c:", "L:", "R:", "b:")):
                continue
            others = (w.sum() - w[best]) / 2
            pushes.append((name, (w[best] - others) * value))
        pushes.sort(key=lambda p: -p[1])
        return tuple(_readable(pushes, sentence)[:n])


def _whole_word(token: str, sentence: str) -> str:
    """The sentence's word that holds the model's `token` ("u" -> "U.S."), as written."""
    for word in WORD_RE.findall(sentence):
        if token in re.findall(r"[a-z']+", word.lower()):  # as _TOK splits it
            return word.rstrip(".") if word.count(".") == 1 else word
    return token


def _readable(pushes: list[tuple[str, float]], sentence: str) -> list[tuple[str, float]]:
    """Feature names as the sentence's own words: "w:warned" -> "warned", "w:u" -> "U.S.",
    "b:<T>_said" -> "<target> said"; function words and punctuation left out (they move
    scores but explain nothing)."""
    out = []
    for name, push in pushes:
        parts = name.split(":", 1)[1].split("_")
        if all(p in STOP_WORDS or p == "<T>" or not p.isalpha() for p in parts):
            continue
        word = " ".join(p if p == "<T>" else _whole_word(p, sentence) for p in parts
                        ).replace("<T>", "<target>")
        if push > 0 and word not in (w for w, _ in out):
            out.append((word, round(push, 3)))
    return out


@lru_cache(maxsize=1)
def default_model() -> LinearModel:
    return LinearModel.load()
