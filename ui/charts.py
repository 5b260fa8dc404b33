"""One builder per chart kind, shared by every page (plotly only, no Streamlit).

Outlet colours come from `outlet_colors`, built from the corpus's full outlet list, so an
outlet keeps its colour on every page whatever the filters.
"""
from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

# Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), then Plotly's "Safe" set.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"] + px.colors.qualitative.Safe
ZONE_COLORS = {"article text": "#0072B2", "caption": "#E69F00", "byline": "#009E73",
               "boilerplate": "#999999"}
POLARITY_COLORS = {"negative": "#D55E00", "neutral": "#BBBBBB", "positive": "#009E73"}
FONT = "DejaVu Sans, Arial, sans-serif"


def outlet_colors(outlets: list[str]) -> dict[str, str]:
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(sorted(outlets))}


def corpus_colors(corpus) -> dict[str, str]:
    """One colour per outlet of the whole corpus, whatever the filters select."""
    return outlet_colors(list(corpus.articles["outlet"].unique()))


def _style(fig: go.Figure, title: str, height: int | None = None) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        font={"family": FONT, "size": 13},
        template="plotly_white",
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"title": None},
        height=height,
    )
    return fig


def bar_chart(df: pd.DataFrame, *, x: str, y: str, title: str, color: str | None = None,
              colors: dict[str, str] | None = None, orientation: str = "v",
              labels: dict[str, str] | None = None, hover: list[str] | None = None,
              barmode: str = "group", error_low: str | None = None,
              error_high: str | None = None, facet: str | None = None,
              facet_wrap: int = 3) -> go.Figure:
    """Bars, grouped or stacked by `color`; optional asymmetric error bars; with `facet`,
    small multiples (one panel per value, shared axis) for side-by-side comparison."""
    kwargs = {}
    if error_low and error_high:
        value = x if orientation == "h" else y
        plus = df[error_high] - df[value]
        minus = df[value] - df[error_low]
        key = "error_x" if orientation == "h" else "error_y"
        kwargs = {key: plus, f"{key}_minus": minus}
    if facet:
        kwargs.update(facet_col=facet, facet_col_wrap=facet_wrap, facet_col_spacing=0.08)
        barmode = "relative"  # one bar per category and panel
    fig = px.bar(df, x=x, y=y, color=color, orientation=orientation, barmode=barmode,
                 color_discrete_map=colors or {}, color_discrete_sequence=PALETTE,
                 labels=labels or {}, hover_data=hover, **kwargs)
    n = df[y if orientation == "h" else x].nunique()
    if orientation == "h":
        fig.update_yaxes(categoryorder="array", categoryarray=list(dict.fromkeys(df[y]))[::-1])
    rows = -(-df[facet].nunique() // facet_wrap) if facet else 1
    if facet:
        fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1]))
        fig.update_yaxes(showticklabels=True, matches=None)
    height = (max(320, 28 * n + 140) if orientation == "h" else 420) * rows
    return _style(fig, title, height=height if rows == 1 else int(height * 0.8))


def heatmap(matrix: pd.DataFrame, *, title: str, value_label: str,
            text_format: str = ".1f") -> go.Figure:
    """Rows × columns matrix with values printed in the cells."""
    fig = px.imshow(matrix, text_auto=text_format, aspect="auto",
                    color_continuous_scale="Blues", labels={"color": value_label})
    fig.update_xaxes(side="top", title=None)
    fig.update_yaxes(title=None)
    return _style(fig, title, height=max(320, 26 * len(matrix) + 160))


def dot_interval_chart(df: pd.DataFrame, *, x: str, y: str, low: str, high: str, title: str,
                       color: str | None = None, colors: dict[str, str] | None = None,
                       labels: dict[str, str] | None = None, hover: list[str] | None = None,
                       x_range: tuple[float, float] | None = None,
                       faded: str | None = None) -> go.Figure:
    """A mean per row with its interval as a horizontal error bar; rows where the boolean
    column `faded` is true are drawn hollow and pale (too few observations to rank)."""
    df = df.assign(_plus=(df[high] - df[x]).fillna(0), _minus=(df[x] - df[low]).fillna(0))
    fig = px.scatter(df, x=x, y=y, color=color, color_discrete_map=colors or {},
                     error_x="_plus", error_x_minus="_minus", labels=labels or {},
                     hover_data=hover)
    fig.update_traces(marker={"size": 11})
    if faded:
        for trace in fig.data:
            mask = df.loc[df[color] == trace.name, faded] if color else df[faded]
            trace.marker.symbol = ["circle-open" if f else "circle" for f in mask]
            trace.marker.opacity = None
            trace.marker.line = {"width": 2}
    if color:
        fig.update_layout(scattermode="group", scattergap=0.5)
    fig.add_vline(x=0, line_width=1, line_color="#888")
    if x_range:
        fig.update_xaxes(range=list(x_range))
    fig.update_yaxes(categoryorder="array", categoryarray=list(dict.fromkeys(df[y]))[::-1])
    return _style(fig, title, height=max(320, 30 * df[y].nunique() + 160))


def timeline(df: pd.DataFrame, *, x: str, y: str, title: str, color: str | None = None,
             colors: dict[str, str] | None = None, labels: dict[str, str] | None = None,
             hover: list[str] | None = None) -> go.Figure:
    """Values over publication date, one line (with markers) per colour group."""
    fig = px.line(df.sort_values(x), x=x, y=y, color=color, markers=True,
                  color_discrete_map=colors or {}, labels=labels or {}, hover_data=hover)
    return _style(fig, title, height=420)


def selected_category(event, axis: str) -> str | None:
    """The category of the first clicked point of a `st.plotly_chart` selection event."""
    try:
        points = event.selection.points  # type: ignore[union-attr]
    except AttributeError:
        return None
    return str(points[0][axis]) if points else None
