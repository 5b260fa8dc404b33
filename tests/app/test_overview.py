import re

from tests.app import PAGES


def test_overview_shows_the_seed_corpus(app):
    at = app.run()
    assert not at.exception
    assert [m.value for m in at.metric][:4] == ["5", "5", "2023-02-02", "2023-11-15"]
    assert len(at.dataframe[0].value) == 5
    assert at.selectbox(key="article").options[0].startswith("White House Planning")


def test_overview_with_filters_that_leave_nothing(app):
    app.query_params["outlet"] = "NV"
    at = app.run()
    assert at.metric[0].value == "1"
    first_day = at.date_input(key="f_dates").value[0]
    at.date_input(key="f_dates").set_value((first_day, first_day)).run()
    assert not at.exception
    assert "No article matches" in at.info[0].value
    at.multiselect(key="f_outlets").set_value([]).run()
    assert not at.exception
    assert "No article matches" in at.info[0].value


def test_unknown_outlet_in_link_is_ignored_with_a_notice(app):
    app.query_params["outlet"] = "No Such Paper"
    app.query_params["from"] = "yesterday"
    at = app.run()
    assert not at.exception
    notices = " ".join(i.value for i in at.sidebar.info)
    assert "No Such Paper" in notices and "from=yesterday" in notices
    assert at.metric[0].value == "5"


def test_an_empty_outlet_in_a_link_means_every_outlet_without_a_notice(app):
    app.query_params["outlet"] = ""
    at = app.run()
    assert not at.exception and not at.sidebar.info
    assert at.metric[0].value == "5"


def test_a_link_may_name_the_seeds_by_their_folder(app):
    app.query_params["corpus"] = "Seeds"
    at = app.run()
    assert not at.exception and not at.sidebar.info
    assert at.metric[0].value == "5"


def test_every_page_file_is_registered_under_a_url_unlike_its_name():
    src = (PAGES.parent / "dashboard.py").read_text()
    pages = re.findall(r'"pages" / "(\w+)\.py".*?url_path="([\w-]+)"', src, re.S)
    assert sorted(f"{stem}.py" for stem, _ in pages) == sorted(p.name for p in PAGES.glob("*.py"))
    for stem, url in pages:
        assert stem != url, f"url_path {url!r} equals the file name: legacy discovery would win"


def test_a_rerun_keeps_the_frame(app):
    at = app.run()
    at.multiselect(key="f_outlets").set_value(["NV"]).run()
    assert not at.exception
    assert at.metric[0].value == "1"
    assert at.query_params["outlet"] in ("NV", ["NV"])
