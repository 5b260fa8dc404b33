from tests.app import open_page


TABS = ["Attention", "Who speaks", "Topics", "Distinctive words", "Tone", "Co-mentions"]


def test_outlets_page_all_tabs_render(app):
    at = open_page(app, "outlets")
    assert at.title[0].value == "Compare outlets"
    assert "Little text behind" in at.warning[0].value
    assert [t.label for t in at.tabs] == TABS
    drawn = []
    for label in TABS:  # only the open tab runs: open each in turn
        at.session_state["o_tab"] = label
        at.run()
        assert not at.exception, label
        # charts, or tables besides the outlets' volume table above the tabs
        drawn.append(len(at.get("plotly_chart")) + len(at.dataframe) - 1)
    assert all(drawn), dict(zip(TABS, drawn))


def test_two_outlets_side_by_side_with_evidence(app):
    at = open_page(app, "outlets")
    at.multiselect(key="o_outlets").set_value(["The New York Times", "The Wall Street Journal"]).run()
    assert not at.exception
    at.session_state["o_tab"] = "Distinctive words"
    at.run()
    at.selectbox(key="o_term_outlet").set_value("The Wall Street Journal").run()
    assert not at.exception
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "<mark>" in html


def test_one_outlet_is_not_a_comparison(app):
    at = open_page(app, "outlets")
    at.multiselect(key="o_outlets").set_value(["NV"]).run()
    assert not at.exception and "at least two outlets" in at.info[0].value
    at.multiselect(key="f_outlets").set_value(["NV"]).run()
    assert not at.exception and "at least two outlets" in at.info[0].value


def test_who_speaks_shows_kinds_of_source_and_the_anonymous_share(app):
    at = open_page(app, "outlets")
    at.session_state["o_tab"] = "Who speaks"
    at.run()
    assert not at.exception
    titles = [c.proto.spec for c in at.get("plotly_chart")]
    assert any("kind of source" in t for t in titles)
    assert any(c.value.startswith("Anonymous sources:") for c in at.caption)
