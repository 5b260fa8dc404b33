"""The Search page under AppTest: nothing typed, a query that finds nothing, one that draws
charts and a concordance, and one the parser refuses, none raising."""
from tests.app import open_page


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


def test_a_bad_query_shows_the_parsers_message(app):
    at = _search(app, '"; DROP TABLE s')
    assert not at.exception
    assert "double quote is not closed" in at.error[0].value


def test_the_query_comes_from_the_link(app):
    app.query_params["q"] = "balloon"
    at = _search(app)
    assert at.text_area(key="q").value == "balloon"
    assert "matches" in " ".join(m.value for m in at.markdown)
