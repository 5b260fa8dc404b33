"""One corpus route and one identity: the command line and the dashboard's cache seam open a
corpus the same way; every edit that changes a number changes the identity exports carry; the
report draws what the pages draw."""
import argparse

import pandas as pd
import pytest

from analysis.corpus import SEEDS_DIR
from analysis.pipeline import open_corpus
from analysis.selection import Filters, Selection
from figures import views
from figures.export import Provenance
from presslens.__main__ import _opened
from tests.app import open_page


def _seam_analysis(app, path):
    """The analysis the dashboard's cache seam holds for `path` after a run."""
    from ui.data import _opened as held

    at = app.run()
    assert not at.exception
    found = [a for (p, _), a in held()["analyses"].items() if p == str(path)]
    assert found, "the dashboard did not open the corpus"
    return at, found[-1]


def test_the_command_line_and_the_dashboard_open_the_same_corpus(app, corpus_copy):
    at, seam = _seam_analysis(app, corpus_copy)
    cli = _opened(argparse.Namespace(dir=corpus_copy))
    assert cli.identity == seam.identity and len(cli.identity) == 16
    assert cli.corpus.content_hash == seam.corpus.content_hash
    assert list(cli.corpus.articles.columns) == list(seam.corpus.articles.columns)
    pd.testing.assert_frame_equal(cli.corpus.articles, seam.corpus.articles)
    caption = " ".join(c.value for c in at.sidebar.caption)
    assert f"identity `{seam.identity}`" in caption


def test_the_cli_report_stamps_the_identity_the_dashboard_shows(app, corpus_copy, tmp_path):
    from presslens.__main__ import main

    _, seam = _seam_analysis(app, corpus_copy)
    assert main(["report", str(corpus_copy), "--out", str(tmp_path / "r"), "--no-images"]) == 0
    first_line = (tmp_path / "r" / "mentions-ranked.csv").read_text().splitlines()[0]
    assert f"identity {seam.identity}:" in first_line


def test_every_input_of_a_number_changes_the_identity(corpus_copy):
    """The article files and sources.csv, actors.toml, topics.toml and the tone engine."""
    def identity() -> str:
        return open_corpus(corpus_copy)[0].identity

    seen = [identity()]
    assert identity() == seen[0]  # reopened unchanged: the same
    with (corpus_copy / "actors.toml").open("a") as fh:
        fh.write('\n[[actors]]\nname = "Yi Gang"\ntype = "person"\nshort = ["Yi"]\n')
    seen.append(identity())
    (corpus_copy / "topics.toml").write_text('[topics]\n"Trade" = ["tariff", "export"]\n')
    seen.append(identity())
    sources = corpus_copy / "sources.csv"
    assert "2023-10-05" in sources.read_text()
    sources.write_text(sources.read_text().replace("2023-10-05", "2023-10-06", 1))
    seen.append(identity())
    analysed = open_corpus(corpus_copy)[0]
    other = analysed.with_engine("vader-clause", analysed.scored)
    seen.append(other.identity)
    assert len(set(seen)) == len(seen), seen
    lines = [Provenance.of(Selection(a), "m").lines()[0] for a in (analysed, other)]
    assert lines[0] != lines[1] and "tone engine vader-clause" in lines[1]


def _drawn(monkeypatch):
    """Record every chart a page hands to ui.downloads.chart."""
    import ui.downloads

    drawn = {}
    real = ui.downloads.chart

    def record(c, **kw):
        drawn[c.name] = c
        return real(c, **kw)

    monkeypatch.setattr(ui.downloads, "chart", record)
    return drawn


def _same_data(page: dict, report: list) -> None:
    by_name = {c.name: c for c in report}
    assert page, "the page drew no chart"
    for name, chart in page.items():
        assert name in by_name, f"the report lacks {name}"
        pd.testing.assert_frame_equal(chart.data.reset_index(drop=True),
                                      by_name[name].data.reset_index(drop=True), obj=name)
        assert chart.method == by_name[name].method


def test_the_report_draws_what_the_pages_drew_with_the_users_picks(app, monkeypatch):
    from ui.data import _opened as held
    from ui.downloads import SAVED, report_settings

    drawn = _drawn(monkeypatch)
    final = {}  # the charts of each page's last run, as the user leaves it

    def last(element) -> None:
        drawn.clear()
        element.run()
        final.update(drawn)

    at = open_page(app, "mentions")
    at.radio(key="m_measure").set_value("per_1k_words").run()
    at.number_input(key="m_top").set_value(5).run()
    last(at.get("button_group")[0].set_value(["name", "role"]))
    at.switch_page("pages/sentiment.py").run()
    actors = at.multiselect(key="s_actors")
    last(actors.set_value(actors.options[:3]))
    at.switch_page("pages/outlets.py").run()
    picked = at.multiselect(key="o_outlets")
    picked.set_value(picked.options[:3]).run()
    last(at.selectbox(key="o_focus").set_value(picked.options[1]))
    at.switch_page("pages/search.py").run()
    last(at.text_area(key="q").set_value("China\nTaiwan OR Taipei"))
    assert not at.exception
    settings = report_settings(at.session_state[SAVED])
    assert settings.mentions.measure == "per_1k_words" and settings.mentions.top_n == 5
    seeds = next(a for (p, _), a in held()["analyses"].items() if p == str(SEEDS_DIR))
    charts, _ = views.report_charts(Selection(seeds, Filters()), settings)
    _same_data(final, charts)
    assert {"mentions-ranked", "mentions-heatmap", "tone-by-actor-and-outlet",
            "outlets-attention", "search-by-outlet", "search-over-time"} <= set(final)
    heatmap = next(c for c in charts if c.name == "mentions-heatmap")
    assert "per 1,000 words" in heatmap.fig.layout.title.text  # the page's measure, not a default
    assert len(next(c for c in charts if c.name == "mentions-ranked").data) == 5


def test_the_cli_report_draws_each_page_with_its_defaults(corpus_copy):
    analysed = open_corpus(corpus_copy)[0]
    sel = Selection(analysed, Filters())
    charts, _ = views.report_charts(sel)
    page = views.mentions_view(sel, views.MentionSettings())
    by_name = {c.name: c for c in charts}
    for chart in page.charts:
        pd.testing.assert_frame_equal(by_name[chart.name].data, chart.data)
