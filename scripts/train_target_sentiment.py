"""Train the target-aware tone model on NewsMTSC train and write analysis/models/target_sentiment.npz.

    .venv/bin/pip install -r requirements-train.txt
    .venv/bin/python scripts/train_target_sentiment.py [--data ../shared/datasets/newsmtsc]

Reproducible: the features are deterministic and lbfgs logistic regression has no random
state to seed; the file records the settings and the dev scores it reached. C was chosen
among 0.03 / 0.05 / 0.1 / 0.2 / 0.3 / 1 on the dev files (see the closing note of issue 9).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.evaluation import load_newsmtsc, score_sentiment  # noqa: E402
from analysis.target_sentiment import (CLASSES, MODEL_PATH,  # noqa: E402
                                       LinearModel, featurize)

C = 0.03
MIN_COUNT = 1  # every feature seen in train is kept (pruning rare ones cost a point of macro-F1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets" / "newsmtsc")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--C", type=float, default=C, help="inverse regularisation strength")
    args = parser.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    train = load_newsmtsc(args.data / "train.jsonl")
    t0 = time.perf_counter()
    feats = [featurize(s, a, b) for s, a, b in zip(train["sentence"], train["start"], train["end"])]
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= MIN_COUNT}
    feats = [{k: v for k, v in f.items() if k in keep} for f in feats]
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    clf = LogisticRegression(C=args.C, max_iter=5000, class_weight="balanced")
    clf.fit(X, train["label"])
    order = [list(clf.classes_).index(c) for c in CLASSES]
    names = vec.get_feature_names_out()
    weights = clf.coef_[order].T.round(5)  # one row per feature, CLASSES order
    model = LinearModel([str(n) for n in names], weights,
                        [float(clf.intercept_[k]) for k in order], {})
    meta = {"C": args.C, "class_weight": "balanced", "min_count": MIN_COUNT, "features": len(names),
            "train_targets": len(train), "train_seconds": round(time.perf_counter() - t0, 1)}
    for split in ("dev_rw", "dev_mt"):
        dev = load_newsmtsc(args.data / f"{split}.jsonl")
        pred = [model.predict(s, a, b).label for s, a, b in zip(dev["sentence"], dev["start"], dev["end"])]
        scores = score_sentiment(dev["label"].tolist(), pred, engine="linear").set_index("label")
        meta[split] = {"macro_f1": round(float(scores.loc["macro", "f1"]), 1),
                       "accuracy": round(float(scores.loc["accuracy", "f1"]), 1)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.meta = meta
    model.save(args.out)
    print(json.dumps(meta, indent=1))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
