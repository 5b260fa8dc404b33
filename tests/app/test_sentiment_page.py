from tests.app.test_mentions_page import _to


def test_sentiment_page_shows_tone_with_n_and_evidence(app):
    at = _to(app, "sentiment")
    assert at.title[0].value == "Sentiment"
    assert "not" in at.info[0].value and "stance" in at.info[0].value
    at.selectbox(key="s_actor").set_value("Joe Biden").run()
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "tone +" in html or "tone -" in html
    assert "<mark>" in html


def test_sentiment_page_with_filters_that_leave_nothing(app):
    at = _to(app, "sentiment")
    at.multiselect(key="f_outlets").set_value([]).run()
    assert not at.exception and "No article matches" in at.info[-1].value


def test_sentiment_page_with_no_actor_picked_and_low_n_hidden(app):
    at = _to(app, "sentiment")
    at.toggle(key="s_hide_low").set_value(True).run()
    assert not at.exception
    at.multiselect(key="s_actors").set_value([]).run()
    assert not at.exception and "Pick at least one actor" in at.info[-1].value


def test_sentiment_page_for_one_outlet(app):
    app.query_params["outlet"] = "NV"
    at = _to(app, "sentiment")
    assert not at.exception
