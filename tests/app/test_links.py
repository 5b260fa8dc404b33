"""A copied link is the whole view: every widget that changes what a page shows is in the
URL, and a fresh session opened on that URL draws the same widgets with the same values."""
import pytest
from streamlit.testing.v1 import AppTest

from figures.views import MentionSettings
from tests.app import DASHBOARD, open_page

DEFAULTS = MentionSettings()


def _session(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return open_page(at, page)


def _link(at: AppTest) -> dict:
    return {k: v for k, v in at.query_params.items()}


def _values(at: AppTest, keys) -> dict:
    found = {}
    for kind in ("selectbox", "multiselect", "radio", "number_input", "toggle", "button_group",
                 "text_area"):
        for w in at.get(kind):
            if w.key in keys:
                found[w.key] = w.value
    return found


CHANGES = {
    "mentions": [("radio", "m_measure", "per_1k_words"), ("number_input", "m_top", 7),
                 ("selectbox", "m_actor", "Wang Yi"), ("selectbox", "m_outlet", "NV")],
    "sentiment": [("radio", "s_engine", "vader-clause"), ("toggle", "s_hide_low", True),
                  ("selectbox", "s_actor", None), ("selectbox", "s_outlet", "NV")],
    "outlets": [("multiselect", "o_outlets", None), ("selectbox", "o_focus", None)],
    "outlets:Who speaks": [("selectbox", "o_sp_outlet", None), ("selectbox", "o_speaker", None)],
    "outlets:Topics": [("selectbox", "o_topic", None), ("selectbox", "o_topic_outlet", None)],
    "outlets:Distinctive words": [("toggle", "o_drop_names", False),
                                  ("selectbox", "o_term_outlet", None),
                                  ("selectbox", "o_term", None)],
    "outlets:Co-mentions": [("selectbox", "o_cm_outlet", None)],
    "overview": [("selectbox", "article", None)],
    "search": [("text_area", "q", "China\ntalks OR summit*"), ("radio", "q_measure", "per_1k_words"),
               ("selectbox", "q_period", "month"), ("selectbox", "q_sort", "left"),
               ("selectbox", "q_actor", "Xi Jinping")],
}


@pytest.mark.parametrize("view", sorted(CHANGES))
def test_a_copied_link_reopens_the_same_view(view):
    """`view`: a page, or a page and the tab of it whose widgets are set (page:tab)."""
    page, _, tab = view.partition(":")
    at = _session(page, {"o_tab": tab} if tab else None)
    keys = [key for _, key, _ in CHANGES[view]]
    for kind, key, value in CHANGES[view]:
        widget = next(w for w in at.get(kind) if w.key == key)
        if value is None:  # a value other than the current one
            options = [o for o in widget.options if str(o) != str(widget.value)]
            value = ([o for o in widget.options][:2] if kind == "multiselect"
                     else options[-1])
        widget.set_value(value).run()
        assert not at.exception, key
    link, drawn = _link(at), _values(at, keys)
    assert set(keys) <= set(link), link
    fresh = _session(page, link)
    assert _values(fresh, keys) == drawn
    assert _link(fresh) == link


def test_the_timeline_actors_travel_in_the_link():
    at = _session("mentions")
    picked = at.multiselect(key="m_timeline").options[4:6]
    at.multiselect(key="m_timeline").set_value(picked).run()
    link = _link(at)
    assert link["m_timeline"] == picked
    fresh = _session("mentions", link)
    assert fresh.multiselect(key="m_timeline").value == picked


def test_a_value_the_view_does_not_offer_is_ignored_with_a_notice():
    at = _session("mentions", {"m_measure": "loudness", "m_top": "9000"})
    assert at.radio(key="m_measure").value == DEFAULTS.measure
    assert at.number_input(key="m_top").value == DEFAULTS.top_n
    notices = " ".join(i.value for i in at.info)
    assert "m_measure=loudness" in notices and "m_top=9000" in notices


def test_the_open_tab_of_compare_comes_from_the_link():
    at = _session("outlets", {"o_tab": "Topics"})
    assert at.session_state["o_tab"] == "Topics" and at.query_params["o_tab"] == "Topics"
