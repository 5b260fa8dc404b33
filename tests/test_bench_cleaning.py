"""The cleaning bench (presslens.bench_cleaning): its scoring, and a run on a one-page dataset
written here."""
import gzip
import json

import pytest

from presslens.__main__ import main
from presslens.bench_cleaning import excerpt, match, run_bench_cleaning, scores, summarise, word_errors

BODY_1 = ("Dockworkers in the port of Valmora voted on Monday to end a nine-day strike, accepting "
          "a pay offer the port authority had twice rejected, union leaders said.")
BODY_2 = ("The port authority said work would resume on the night shift, and that clearing the "
          "backlog of container ships could take two weeks.")
PAGE = f"""<html><head><title>Harbour strike ends</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<h1>Harbour Strike Ends After Nine Days as Dockers Accept Pay Offer</h1>
<div><button>Share</button></div><p>By Ines Carvalho</p>
<p>{BODY_1}</p><div>Advertisement</div><p>{BODY_2}</p>
<aside><h3>Most Popular</h3><ul><li>Flood warnings issued for three river valleys</li>
<li>City council approves new tram line</li></ul></aside>
<footer>© 2025 Valmora Daily News. All rights reserved.</footer></body></html>"""


def test_match_scores_shingles_like_the_benchmark():
    assert match("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = match("a b c d e f", "a b c d")  # 3 true shingles, 1 predicted, 1 shared
    assert (tp, fp, fn) == pytest.approx((1 / 3, 0.0, 2 / 3))
    assert scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)]) == pytest.approx(
        {"precision": 0.75, "recall": 1.0, "f1": 2 * 0.75 / 1.75})


def test_word_errors_count_each_occurrence():
    assert word_errors("the port the strike", "the port") == (4, 2, 0)
    assert word_errors("the port", "the port menu") == (2, 0, 1)


def test_excerpt_keeps_the_article_and_a_margin_around_it():
    lines = [f"menu item {i}" for i in range(20)] + [BODY_1, BODY_2] + [f"foot {i}" for i in range(20)]
    got = excerpt("\n".join(lines), BODY_1 + "\n" + BODY_2, margin=2).split("\n")
    assert got == lines[18:24]


def test_bench_on_one_page(tmp_path, capsys):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps(
        {"p1": {"url": "https://valmora-daily.example.com/harbour", "articleBody":
                f"{BODY_1}\n{BODY_2}"}}))
    rows = run_bench_cleaning(tmp_path)
    text = rows[rows["path"] == "text"].iloc[0]
    assert text["recall"] == 1.0 and text["precision"] == 1.0
    assert text["headline"] == "Harbour Strike Ends After Nine Days as Dockers Accept Pay Offer"
    assert bool(text["headline_right"])
    floor = rows[rows["path"] == "all visible text"].iloc[0]
    assert floor["precision"] < 1.0
    table = summarise(rows).set_index("path")
    assert table.loc["article only", "words dropped %"] == 0.0
    assert main(["bench-cleaning", "--dataset", str(tmp_path), "--format", "csv"]) == 0
    assert "article only" in capsys.readouterr().out


def test_bench_without_the_dataset_says_where_it_should_be(tmp_path, capsys):
    assert main(["bench-cleaning", "--dataset", str(tmp_path)]) != 0
    assert "ground-truth.json" in capsys.readouterr().err
