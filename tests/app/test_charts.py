"""The chart builders write plotly.js dicts without plotly's validation (for speed): here
plotly validates every figure they make, and the charts show what their data says."""
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.corpus import load_corpus
from analysis.selection import Filters, Selection
from analysis.pipeline import analyse
from figures import charts, views
from figures.views import report_charts

ODD = "<b>Outlet & \"Co\"</b>"  # a user-supplied name with markup in it


def _validated(fig: go.Figure) -> go.Figure:
    return go.Figure(fig.to_dict())  # raises ValueError on any unknown or ill-typed property


@pytest.fixture(scope="module")
def seed_charts():
    return report_charts(Selection(analyse(load_corpus()), Filters()))[0]


def test_every_chart_of_the_seeds_is_a_valid_plotly_figure(seed_charts):
    assert len(seed_charts) >= 10
    for chart in seed_charts:
        _validated(chart.fig)
        assert chart.fig.layout.title.text and chart.fig.data, chart.name


def _table():
    return pd.DataFrame({"actor": ["China", "China", "Xi Jinping", "Xi Jinping"],
                         "outlet": ["NV", ODD, "NV", ODD], "mentions": [10, 3, 4, 1],
                         "share": [50.0, 30.0, 20.0, 10.0], "low": [40.0, 20.0, 10.0, 0.0],
                         "high": [60.0, 40.0, 30.0, 20.0], "few": [False, True, False, True]})


def test_bars_have_one_trace_per_colour_with_its_colour_and_the_actor_order():
    colors = {"NV": "#111111", ODD: "#222222"}
    fig = _validated(charts.bar_chart(_table(), x="share", y="actor", color="outlet",
                                      colors=colors, orientation="h", title="t",
                                      hover=["mentions"], error_low="low", error_high="high"))
    assert [(t.name, t.marker.color) for t in fig.data] == [("NV", "#111111"), (ODD, "#222222")]
    assert list(fig.data[1].x) == [30.0, 10.0] and list(fig.data[1].error_x.arrayminus) == [10, 10]
    assert list(fig.layout.yaxis.categoryarray) == ["Xi Jinping", "China"]  # first at the top
    assert all(ODD not in t.hovertemplate for t in fig.data)  # names are data, not template


def test_facets_make_one_panel_per_value_with_its_title():
    fig = _validated(charts.bar_chart(_table(), x="share", y="actor", color="outlet",
                                      orientation="h", facet="outlet", facet_wrap=3, title="t"))
    assert [a.text for a in fig.layout.annotations] == ["NV", ODD]
    assert {t.xaxis for t in fig.data} == {"x", "x2"}
    assert fig.layout.xaxis.domain[1] < fig.layout.xaxis2.domain[0]  # side by side


def test_dots_are_hollow_where_the_data_is_thin():
    fig = charts.dot_interval_chart(_table(), x="share", y="actor", low="low", high="high",
                                    color="outlet", faded="few", title="t",
                                    hover=["mentions", "few", "outlet"])
    _validated(fig)
    assert list(fig.data[0].marker.symbol) == ["circle", "circle"]
    assert list(fig.data[1].marker.symbol) == ["circle-open", "circle-open"]
    number, flag, name = fig.data[1].customdata[0]  # each hover column keeps its own type
    assert (number, name) == (3, ODD) and flag is True and type(number) is int


def test_dot_rows_are_as_tall_as_the_colours_they_share():
    """Twenty outlets as colours on each actor's row need room; twenty outlets each on its
    own row (colour = row) do not."""
    outlets = [f"Outlet {i:02d}" for i in range(20)]
    shared = pd.DataFrame({"actor": ["China"] * 20 + ["Xi"] * 20, "outlet": outlets * 2,
                           "x": 0.1, "lo": 0.0, "hi": 0.2})
    own = shared.head(20)

    def height(df, y):
        return charts.dot_interval_chart(df, x="x", y=y, low="lo", high="hi", color="outlet",
                                         title="t").layout.height

    assert height(shared, "actor") == 160 * 2 + 160  # 8 px for each of 20 dots, 2 rows
    assert height(own, "outlet") == 30 * 20 + 160


def test_heatmap_puts_the_first_row_on_top_and_prints_values():
    matrix = pd.DataFrame([[1, 2], [3, 4]], index=pd.Index(["a", "b"], name="actor"),
                          columns=pd.Index(["NV", ODD], name="outlet"))
    fig = _validated(charts.heatmap(matrix, title="t", value_label="n", text_format="d"))
    assert [list(r) for r in fig.data[0].z] == [[1, 2], [3, 4]] and fig.layout.yaxis.autorange == "reversed"
    assert list(fig.data[0].x) == ["NV", ODD] and fig.data[0].texttemplate == "%{z:d}"


def test_timeline_sorts_by_date():
    df = pd.DataFrame({"period": pd.to_datetime(["2023-02-01", "2023-01-01"]),
                       "mentions": [2, 1], "actor": ["China", "China"]})
    fig = _validated(charts.timeline(df, x="period", y="mentions", color="actor", title="t"))
    assert list(fig.data[0].x) == ["2023-01-01T00:00:00", "2023-02-01T00:00:00"]


@pytest.mark.parametrize("panels", range(1, 13))
def test_facet_grids_of_any_size_stay_inside_the_page(panels):
    df = pd.DataFrame({"outlet": [f"Outlet {i}" for i in range(panels)], "share": 1.0,
                       "actor": "China"})
    fig = charts.bar_chart(df, x="share", y="actor", color="outlet", orientation="h",
                           facet="outlet", facet_wrap=3, title="t")
    _validated(fig).update_layout(showlegend=False)
    assert len(fig.layout.annotations) == panels


def test_twenty_outlets_get_twenty_colours_whatever_order_they_come_in():
    outlets = [f"Outlet {i:02d}" for i in range(20, 0, -1)]
    colors = charts.outlet_colors(outlets)
    assert len(set(colors.values())) == 20
    assert colors == charts.outlet_colors(sorted(outlets))


@pytest.mark.parametrize("period,days,dtick", [("day", 5, charts.DAY_MS), ("day", 60, 6 * charts.DAY_MS),
                                               ("week", 63, 7 * charts.DAY_MS)])
def test_timeline_ticks_are_whole_periods_apart(period, days, dtick):
    """A few days on a date axis get plotly's hourly ticks (00:00, 06:00…) unless told."""
    start = pd.Timestamp("2023-06-01")
    df = pd.DataFrame({"period": [start, start + pd.Timedelta(days=days)], "mentions": [1, 2]})
    axis = charts.timeline(df, x="period", y="mentions", title="t", period=period).layout.xaxis
    assert axis.dtick == dtick and axis.tickformat == "%d %b %Y"
    monthly = charts.timeline(df.assign(period=[start, start + pd.Timedelta(days=400)]),
                              x="period", y="mentions", title="t", period="month").layout.xaxis
    assert monthly.dtick == "M2" and monthly.tickformat == "%b %Y"


def test_tone_dots_of_many_outlets_are_small_multiples_with_the_outlets_named():
    outlets = [f"Outlet {i:02d}" for i in range(1, 21)]
    rows = pd.DataFrame([{"actor": a, "outlet": o, "tone_mean": 0.1, "ci_low": 0.0,
                          "ci_high": 0.2, "low_n": False, "mentions": 12, "articles": 3,
                          "negative_pct": 20.0, "neutral_pct": 50.0, "positive_pct": 30.0}
                         for a in ("China", "Russia", "Ukraine") for o in outlets])
    fig = _validated(charts.dot_interval_panels(
        rows, x="tone_mean", y="outlet", panel="actor", low="ci_low", high="ci_high",
        title="t", faded="low_n", hover=["mentions"], x_range=(-1, 1)))
    assert [t.name for t in fig.data] == ["China", "Russia", "Ukraine"]  # one panel each
    assert all(list(t.y) == outlets for t in fig.data)  # every outlet named on its axis
    assert [a.text for a in fig.layout.annotations] == ["China", "Russia", "Ukraine"]
    assert fig.layout.xaxis2.matches == "x" and list(fig.layout.xaxis.range) == [-1, 1]
    few = views.tone_by_actor("target", rows[rows["outlet"].isin(outlets[:5])], ["China"], {})
    many = views.tone_by_actor("target", rows, ["China", "Russia", "Ukraine"], {})
    assert len(few.fig.data) == 5 and len(many.fig.data) == 3  # a colour each, or a panel each
