from tests.app import open_page


def test_sentiment_page_shows_tone_with_n_and_evidence(app):
    at = open_page(app, "sentiment")
    assert at.title[0].value == "Sentiment"
    assert "not" in at.info[0].value and "stance" in at.info[0].value
    at.selectbox(key="s_actor").set_value("Joe Biden").run()
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "tone +" in html or "tone -" in html
    assert "<mark>" in html


def test_sentiment_page_with_filters_that_leave_nothing(app):
    at = open_page(app, "sentiment")
    at.multiselect(key="f_outlets").set_value([]).run()
    assert not at.exception and "No article matches" in at.info[-1].value


def test_sentiment_page_with_no_actor_picked_and_low_n_hidden(app):
    at = open_page(app, "sentiment")
    at.toggle(key="s_hide_low").set_value(True).run()
    assert not at.exception
    at.multiselect(key="s_actors").set_value([]).run()
    assert not at.exception and "Pick at least one actor" in at.info[-1].value


def test_sentiment_page_for_one_outlet(app):
    app.query_params["outlet"] = "NV"
    at = open_page(app, "sentiment")
    assert not at.exception


def test_sentiment_tables_are_inside_their_expanders_once_opened(app):
    at = open_page(app, "sentiment")
    assert all(not e.dataframe for e in at.expander)
    at.session_state["s_numbers"] = at.session_state["s_per_article"] = True
    at.run()
    numbers, per_article = at.expander
    assert {"tone_mean", "ci_low", "ci_high", "mentions"} <= set(numbers.dataframe[0].value.columns)
    assert len(per_article.dataframe[0].value) == 5  # the seeds' five articles
