"""The mention finder against a hand annotation of two seed articles (see the fixture's
header for the conventions). Bars from the issue: names P ≥ 0.98, R ≥ 0.97; roles R ≥ 0.80,
P ≥ 0.95. Metonyms have no bar; they are checked not to get worse than measured."""
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.evaluation import load_gold, score_mention_matches
from analysis.pipeline import analyse

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "mentions_gold.toml"


@pytest.fixture(scope="module")
def scores():
    result = analyse(load_corpus())
    assert result.registry_problems == ()
    return score_mention_matches(result.mentions, result.corpus.sentences_with_text(),
                                 load_gold(GOLD)).set_index("kind")


def test_name_mentions(scores):
    assert scores.loc["name", "precision"] >= 0.98
    assert scores.loc["name", "recall"] >= 0.97


def test_role_mentions(scores):
    assert scores.loc["role", "precision"] >= 0.95
    assert scores.loc["role", "recall"] >= 0.80


def test_metonyms(scores):
    assert scores.loc["metonym", "precision"] >= 0.9
    assert scores.loc["metonym", "recall"] >= 0.9


def test_gold_fixture_covers_two_articles_fully():
    gold = load_gold(GOLD)
    assert len(gold) == 2 and sum(len(a["sentences"]) for a in gold) > 50


def test_cli_prints_the_mention_table():
    out = subprocess.run([sys.executable, "-m", "presslens", "mentions", "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    df = pd.read_csv(StringIO(out))
    assert {"file", "actor", "surface", "kind", "sentence"} <= set(df.columns)
    assert set(df["kind"]) == {"name", "role", "metonym"}
    xi = df[df["actor"] == "Xi Jinping"]
    assert xi["file"].nunique() == 5
