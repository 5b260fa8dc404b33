"""The Search page under AppTest: nothing typed, a query that finds nothing, one that draws
charts and a concordance, and one the parser refuses, none raising."""
from functools import cache

import pandas as pd
import pytest

from analysis.corpus import SEEDS_DIR, load_corpus
from analysis.pipeline import analyse
from analysis.search import SORTS, sort_kwic
from analysis.selection import Selection
from figures import views
from tests.app import open_page


@cache
def load_seeds():
    return analyse(load_corpus(SEEDS_DIR))


def _search(app, text=None):
    at = open_page(app, "search")
    if text is not None:
        at.text_area(key="q").set_value(text).run()
        assert not at.exception
    return at


def test_no_query_asks_for_one(app):
    at = _search(app)
    assert at.title[0].value == "Search"
    assert "Type a query" in at.info[0].value


def test_a_query_that_matches_nothing_says_so(app):
    at = _search(app, "zzyzxquux")
    assert "No sentence of the selected articles matches" in at.info[0].value
    assert not at.get("plotly_chart")


def test_a_query_draws_charts_and_a_concordance(app):
    at = _search(app, "China\n\"trade war\" OR tariff*")
    assert len(at.get("plotly_chart")) >= 1
    conc = at.dataframe[-1].value
    assert {"left", "match", "right", "outlet"} <= set(conc.columns)
    assert conc["match"].str.lower().str.contains("china|trade war|tariff").all()
    assert at.query_params["q"] == "China\n\"trade war\" OR tariff*"
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "<mark>" in html
    at.selectbox(key="q_sort").set_value("left").run()
    assert not at.exception
    # "any sentence" and "by the span" are choices shown as such, not an empty placeholder
    assert at.selectbox(key="q_actor").value == "" and at.selectbox(key="q_period").value == ""


def test_a_bad_query_shows_the_parsers_message(app):
    at = _search(app, '"; DROP TABLE s')
    assert not at.exception
    assert "double quote is not closed" in at.error[0].value


def test_the_query_comes_from_the_link(app):
    app.query_params["q"] = "balloon"
    at = _search(app)
    assert at.text_area(key="q").value == "balloon"
    assert "matches" in " ".join(m.value for m in at.markdown)


def test_a_match_opens_its_whole_article_with_every_match_marked(app):
    at = _search(app, "China")
    at.selectbox(key="q_open").set_value(1).run()
    assert not at.exception
    caption = next(c.value for c in at.caption if c.value.startswith("The whole article"))
    marked = int(caption.rsplit("(", 1)[1].rstrip(")."))
    article = max((h.proto.body for h in at.get("html")), key=len)
    assert article.count("<mark>") == marked >= 1
    assert article.count("<p>") > 3  # the article, not the sentence alone


def test_a_query_saved_as_a_topic_reaches_the_compare_page(app, corpus_copy):
    at = _search(app, '"spy balloon" OR surveillance')
    at.text_input(key="q_topic_name").set_value("Balloon watch")
    next(b for b in at.get("form_submit_button")
         if "Save as topic" in b.proto.label).click().run()
    assert not at.exception
    assert "Saved “Balloon watch”" in at.success[0].value
    assert 'query = "\\"spy balloon\\" OR surveillance"' in (corpus_copy / "topics.toml").read_text()
    at.query_params["o_tab"] = "Topics"
    at.switch_page("pages/outlets.py").run()
    assert not at.exception
    assert any("Balloon watch" in c.proto.spec for c in at.get("plotly_chart"))


def test_a_topic_name_taken_is_refused_with_the_reason(app, corpus_copy):
    at = _search(app, "balloon")
    at.text_input(key="q_topic_name").set_value("Taiwan")
    next(b for b in at.get("form_submit_button")
         if "Save as topic" in b.proto.label).click().run()
    assert "exists already" in at.error[0].value


def test_the_period_of_the_time_chart_is_the_users_and_in_the_link(app):
    at = _search(app, "China")
    at.selectbox(key="q_period").set_value("month").run()
    assert not at.exception and at.query_params["q_period"] == "month"
    chart = next(c for c in at.get("plotly_chart") if "per month" in c.proto.spec)
    assert chart


@pytest.mark.parametrize("by", SORTS)
def test_a_concordance_page_is_that_page_of_the_whole_sorted_concordance(by):
    shown = views.search_view(Selection(load_seeds()), ["China", "talks OR summit*"])
    whole = sort_kwic(shown.concordance, by)
    for page in (1, 2, 3):
        pd.testing.assert_frame_equal(
            shown.concordance_page(by, page, 7).reset_index(drop=True),
            whole.iloc[(page - 1) * 7:page * 7].reset_index(drop=True))
