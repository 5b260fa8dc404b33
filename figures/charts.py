"""One builder per chart kind, shared by every page (plotly only, no Streamlit).

Figures are written as plain plotly.js dicts and wrapped without plotly's per-property
validation (`_figure`). plotly express validates every property of every trace as it builds
a figure: about 0.1 s a chart, which a page of three charts cannot spend after each filter
change. tests/app/test_charts.py validates every builder's output with plotly, so a wrong
attribute still fails a test.

Outlet colours come from `outlet_colors`, built from the corpus's full outlet list, so an
outlet keeps its colour on every page whatever the filters.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.colors
import plotly.graph_objects as go
import plotly.io as pio

# Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), then Plotly's "Safe" set, then its
# Dark24 (a year of one story across twenty outlets needs twenty colours; 43 before a repeat).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"] + plotly.colors.qualitative.Safe + plotly.colors.qualitative.Dark24
ZONE_COLORS = {"article text": "#0072B2", "caption": "#E69F00", "byline": "#009E73",
               "boilerplate": "#999999"}
POLARITY_COLORS = {"negative": "#D55E00", "neutral": "#BBBBBB", "positive": "#009E73"}
# Kinds of quoted source (analysis.quotes.SOURCE_LABELS), Okabe–Ito colours, unattributed grey.
SOURCE_COLORS = {"named person": "#0072B2", "organization or government": "#009E73",
                 "anonymous source": "#D55E00", "unattributed": "#BBBBBB"}
FONT = "DejaVu Sans, Arial, sans-serif"
BLUES = plotly.colors.make_colorscale(plotly.colors.sequential.Blues)
TEMPLATE = pio.templates["plotly_white"].to_plotly_json()  # expanded once, as plotly.js needs it
FACET_GAP = (0.08, 0.07)  # between panels across, and between rows (paper units)
# Horizontal bars in panels: the gap holds the next panel's labels (about 7 px a character of
# the 12 px font on a chart about 1,100 px wide, as the pages draw it); at most a third.
LABEL_GAP_PER_CHAR, LABEL_GAP_MAX = 0.0065, 0.33


def outlet_colors(outlets: list[str]) -> dict[str, str]:
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(sorted(outlets))}


def corpus_colors(corpus) -> dict[str, str]:
    """One colour per outlet of the whole corpus, whatever the filters select."""
    return outlet_colors(list(corpus.articles["outlet"].unique()))


# ------------------------------------------------------------------------------ helpers
def _figure(traces: list[dict], layout: dict) -> go.Figure:
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _layout(title: str, height: int | None, **more) -> dict:
    layout = {"template": TEMPLATE, "title": {"text": title, "x": 0.01, "xanchor": "left"},
              "font": {"family": FONT, "size": 13}, "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
              "legend": {"tracegroupgap": 0}, **more}
    if height is not None:
        layout["height"] = height
    return layout


def _values(col: pd.Series) -> list:
    """A column as plotly.js reads it: dates as ISO strings, categories as strings."""
    if pd.api.types.is_datetime64_any_dtype(col):
        return [None if pd.isna(t) else t.isoformat() for t in col]
    if isinstance(col.dtype, pd.CategoricalDtype) or col.dtype == object or col.dtype == "str":
        return col.astype(str).tolist()
    return col.to_numpy().tolist()


def _groups(df: pd.DataFrame, by: str | None) -> list[tuple[str | None, pd.DataFrame]]:
    """The rows of each value of `by`, in order of first appearance (one trace each)."""
    if not by:
        return [(None, df)]
    return [(str(k), g) for k, g in df.groupby(by, sort=False, observed=True)]


def _color(name: str | None, i: int, colors: dict[str, str] | None) -> str:
    return (colors or {}).get(name, PALETTE[i % len(PALETTE)])


def _hover(df: pd.DataFrame, lines: list[tuple[str, str]], hover: list[str] | None,
           labels: dict[str, str]) -> tuple[list | None, str]:
    """customdata and a hovertemplate: the given (label, placeholder) lines, then one line per
    `hover` column; the trace's name (outlet, actor …) in the side box."""
    parts = [f"{label}: {ph}" if label else f"<b>{ph}</b>" for label, ph in lines]
    if not hover:
        return None, "<br>".join(parts)
    for i, col in enumerate(hover):
        kind = df[col].dtype.kind
        fmt = ":.2f" if kind == "f" else ":," if kind in "iu" else ""
        parts.append(f"{labels.get(col, col)}: %{{customdata[{i}]{fmt}}}")
    custom = [list(row) for row in zip(*(_values(df[c]) for c in hover))]  # types kept per column
    return custom, "<br>".join(parts)


def _grid(count: int, cols: int, gap: float) -> list[tuple[str, list[float], list[float], int, int]]:
    """Small multiples: for each of `count` panels, its axes' suffix ("", "2", …), x and y
    domains, row and column, `cols` panels a row, `gap` between columns."""
    rows = -(-count // cols)
    width = (1 - gap * (cols - 1)) / cols
    tall = (1 - FACET_GAP[1] * (rows - 1)) / rows
    out = []
    for p in range(count):
        r, c = divmod(p, cols)
        x0, y1 = c * (width + gap), 1 - r * (tall + FACET_GAP[1])
        out.append(("" if p == 0 else str(p + 1), _span(x0, x0 + width), _span(y1 - tall, y1),
                    r, c))
    return out


def _panel_title(text: str, x: list[float], y: list[float]) -> dict:
    return {"text": text, "x": (x[0] + x[1]) / 2, "y": y[1], "xref": "paper", "yref": "paper",
            "xanchor": "center", "yanchor": "bottom", "showarrow": False}


def _span(lo: float, hi: float) -> list[float]:
    """An axis domain, kept inside [0, 1] whatever the float arithmetic of the grid gives."""
    return [min(max(round(lo, 6), 0.0), 1.0), min(max(round(hi, 6), 0.0), 1.0)]


def _axis_title(labels: dict[str, str], col: str) -> dict:
    return {"text": labels.get(col, col)}


# ------------------------------------------------------------------------------ builders
def bar_chart(df: pd.DataFrame, *, x: str, y: str, title: str, color: str | None = None,
              colors: dict[str, str] | None = None, orientation: str = "v",
              labels: dict[str, str] | None = None, hover: list[str] | None = None,
              barmode: str = "group", error_low: str | None = None,
              error_high: str | None = None, facet: str | None = None,
              facet_wrap: int = 3) -> go.Figure:
    """Bars, grouped or stacked by `color`; optional asymmetric error bars; with `facet`,
    small multiples (one panel per value, shared value axis) for side-by-side comparison."""
    labels = labels or {}
    value, category = (x, y) if orientation == "h" else (y, x)
    value_ph, category_ph = ("%{x}", "%{y}") if orientation == "h" else ("%{y}", "%{x}")
    order = list(dict.fromkeys(_values(df[category])))
    panels = _groups(df, facet)
    cols = min(facet_wrap, len(panels)) if facet else 1
    rows = -(-len(panels) // cols)
    gap = FACET_GAP[0]
    if facet and orientation == "h":  # each panel's bar labels stand in the gap to its left
        longest = max((len(str(v)) for v in order), default=0)
        gap = max(gap, min(LABEL_GAP_MAX, LABEL_GAP_PER_CHAR * min(longest, 40)))
    traces, layout_axes, titles = [], {}, []
    palette_index = {name: i for i, (name, _) in enumerate(_groups(df, color))}
    shown = set()
    for p, ((panel, rows_of_panel), (suffix, xd, yd, r, c)) in enumerate(
            zip(panels, _grid(len(panels), cols, gap))):
        bottom = r == rows - 1
        value_axis = {"title": _axis_title(labels, value) if bottom else {"text": ""},
                      **({"matches": "x" if orientation == "h" else "y"} if p else {})}
        category_axis = {"title": _axis_title(labels, category) if c == 0 else {"text": ""},
                         "showticklabels": True, "type": "category"}
        if orientation == "h":
            category_axis.update(categoryorder="array", categoryarray=order[::-1])
        xa, ya = (value_axis, category_axis) if orientation == "h" else (category_axis, value_axis)
        layout_axes[f"xaxis{suffix}"] = {**xa, "domain": xd, "anchor": f"y{suffix}"}
        layout_axes[f"yaxis{suffix}"] = {**ya, "domain": yd, "anchor": f"x{suffix}"}
        if facet:
            titles.append(_panel_title(panel, xd, yd))
        for name, g in _groups(rows_of_panel, color):
            custom, template = _hover(g, [("", category_ph), (labels.get(value, value), value_ph)],
                                      hover, labels)
            trace = {"type": "bar", "orientation": orientation, "name": name or "",
                     "x": _values(g[x]), "y": _values(g[y]), "xaxis": f"x{suffix}",
                     "yaxis": f"y{suffix}", "legendgroup": name or "",
                     "marker": {"color": _color(name, palette_index[name], colors)},
                     "showlegend": bool(color) and name not in shown,
                     "customdata": custom, "hovertemplate": template}
            if error_low and error_high:
                trace[f"error_{'x' if orientation == 'h' else 'y'}"] = {
                    "type": "data", "symmetric": False,
                    "array": _values(g[error_high] - g[value]),
                    "arrayminus": _values(g[value] - g[error_low])}
            shown.add(name)
            traces.append(trace)
    n = len(order)
    height = (max(320, 28 * n + 140) if orientation == "h" else 420) * rows
    layout = _layout(title, height if rows == 1 else int(height * 0.8),
                     barmode="relative" if facet else barmode, annotations=titles, **layout_axes)
    return _figure(traces, layout)


def heatmap(matrix: pd.DataFrame, *, title: str, value_label: str,
            text_format: str = ".1f") -> go.Figure:
    """Rows × columns matrix with values printed in the cells (first row at the top)."""
    x_name, y_name = matrix.columns.name or "column", matrix.index.name or "row"
    xs, ys = [str(c) for c in matrix.columns], [str(r) for r in matrix.index]
    trace = {"type": "heatmap", "z": matrix.to_numpy().tolist(), "x": xs, "y": ys,
             "coloraxis": "coloraxis", "texttemplate": f"%{{z:{text_format}}}",
             "hoverinfo": "skip"}
    # A heatmap's cells cannot be selected (plotly selects points): an invisible square point
    # on each cell carries the hover and the click (selected_cell).
    cells = {"type": "scatter", "mode": "markers", "showlegend": False,
             "x": [x for _ in ys for x in xs], "y": [y for y in ys for _ in xs],
             "customdata": matrix.to_numpy().ravel().tolist(),
             "marker": {"symbol": "square", "size": 26, "opacity": 0, "color": "#000"},
             "hovertemplate": f"{x_name}: %{{x}}<br>{y_name}: %{{y}}<br>{value_label}: "
                              f"%{{customdata:{text_format}}}<extra></extra>"}
    longest = max((len(str(c)) for c in matrix.columns), default=0)
    layout = _layout(title, max(320, 26 * len(matrix) + 160),
                     margin={"l": 10, "r": 10, "b": 10, "t": 70 + min(7 * longest, 200)},
                     xaxis={"side": "top", "title": {"text": ""}, "type": "category"},
                     yaxis={"autorange": "reversed", "title": {"text": ""}, "type": "category"},
                     coloraxis={"colorscale": BLUES, "colorbar": {"title": {"text": value_label}}})
    # the title at the top of the figure, above the column labels (not amid them)
    layout["title"].update(y=1, yref="container", yanchor="top", pad={"t": 14})
    return _figure([trace, cells], layout)


def _error_x(g: pd.DataFrame, x: str, low: str, high: str) -> dict:
    return {"type": "data", "symmetric": False, "array": _values((g[high] - g[x]).fillna(0)),
            "arrayminus": _values((g[x] - g[low]).fillna(0))}


def dot_interval_panels(df: pd.DataFrame, *, x: str, y: str, panel: str, low: str, high: str,
                        title: str, colors: dict[str, str] | None = None,
                        labels: dict[str, str] | None = None, hover: list[str] | None = None,
                        x_range: tuple[float, float] | None = None, faded: str | None = None,
                        panel_wrap: int = 2) -> go.Figure:
    """dot_interval_chart as small multiples: one panel per value of `panel` (its trace is
    named after it), its rows `y` labelled on their axis, so that many groups (twenty
    outlets) stay readable without telling twenty colours apart; a dot keeps its group's
    colour (`colors`, by the value of `y`)."""
    labels = labels or {}
    panels = _groups(df, panel)
    cols = min(panel_wrap, len(panels))
    rows = -(-len(panels) // cols)
    order = list(dict.fromkeys(_values(df[y])))
    gap = min(LABEL_GAP_MAX, LABEL_GAP_PER_CHAR * min(max(map(len, order), default=0), 40))
    traces, axes, titles = [], {}, []
    for p, ((name, g), (suffix, xd, yd, r, c)) in enumerate(zip(panels, _grid(len(panels), cols,
                                                                               gap))):
        custom, template = _hover(g, [("", f"{name} · %{{y}}"), (labels.get(x, x), "%{x:.3f}")],
                                  hover, labels)
        hollow = g[faded].to_numpy(bool) if faded else np.zeros(len(g), dtype=bool)
        names = _values(g[y])
        traces.append({
            "type": "scatter", "mode": "markers", "name": name, "showlegend": False,
            "x": _values(g[x]), "y": names, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}",
            "error_x": _error_x(g, x, low, high),
            "marker": {"color": [_color(n, order.index(n), colors) for n in names], "size": 9,
                       "line": {"width": 2},
                       "symbol": np.where(hollow, "circle-open", "circle").tolist()},
            "customdata": custom, "hovertemplate": template})
        axes[f"xaxis{suffix}"] = {"domain": xd, "anchor": f"y{suffix}",
                                  "title": _axis_title(labels, x) if r == rows - 1 else {"text": ""},
                                  **({"range": list(x_range)} if x_range else {}),
                                  **({"matches": "x"} if p else {})}
        axes[f"yaxis{suffix}"] = {"domain": yd, "anchor": f"x{suffix}", "type": "category",
                                  "categoryorder": "array", "categoryarray": order[::-1],
                                  "tickfont": {"size": 11}}
        titles.append(_panel_title(name, xd, yd))
    shapes = [{"type": "line", "x0": 0, "x1": 0, "xref": f"x{s}", "y0": 0, "y1": 1,
               "yref": f"y{s} domain", "line": {"width": 1, "color": "#888"}}
              for s, *_ in _grid(len(panels), cols, gap)]
    layout = _layout(title, rows * (18 * len(order) + 70) + 90, annotations=titles,
                     shapes=shapes, **axes)
    return _figure(traces, layout)


def dot_interval_chart(df: pd.DataFrame, *, x: str, y: str, low: str, high: str, title: str,
                       color: str | None = None, colors: dict[str, str] | None = None,
                       labels: dict[str, str] | None = None, hover: list[str] | None = None,
                       x_range: tuple[float, float] | None = None,
                       faded: str | None = None) -> go.Figure:
    """A mean per row with its interval as a horizontal error bar; rows where the boolean
    column `faded` is true are drawn hollow (too few observations to rank)."""
    labels = labels or {}
    traces = []
    for i, (name, g) in enumerate(_groups(df, color)):
        custom, template = _hover(g, [("", "%{y}"), (labels.get(x, x), "%{x:.3f}")], hover, labels)
        hollow = g[faded].to_numpy(bool) if faded else np.zeros(len(g), dtype=bool)
        traces.append({
            "type": "scatter", "mode": "markers", "name": name or "", "legendgroup": name or "",
            "orientation": "h", "showlegend": bool(color), "x": _values(g[x]), "y": _values(g[y]),
            "error_x": _error_x(g, x, low, high),
            "marker": {"color": _color(name, i, colors), "size": 11, "line": {"width": 2},
                       "symbol": np.where(hollow, "circle-open", "circle").tolist()},
            "customdata": custom, "hovertemplate": template})
    shared = int(df.groupby(y, observed=True)[color].nunique().max()) if color and len(df) else 1
    per_row = max(30, 8 * shared)  # room for every colour's dot on the fullest row
    layout = _layout(
        title, max(320, per_row * df[y].nunique() + 160),
        xaxis={"title": _axis_title(labels, x), **({"range": list(x_range)} if x_range else {})},
        yaxis={"title": _axis_title(labels, y), "type": "category", "categoryorder": "array",
               "categoryarray": list(dict.fromkeys(_values(df[y])))[::-1]},
        shapes=[{"type": "line", "x0": 0, "x1": 0, "xref": "x", "y0": 0, "y1": 1,
                 "yref": "y domain", "line": {"width": 1, "color": "#888"}}],
        **({"scattermode": "group", "scattergap": 0.5} if color else {}))
    return _figure(traces, layout)


DAY_MS = 86_400_000
# Axis ticks a whole period apart (never plotly's hourly ticks on a few days), at most ~10.
_TICKS = {"day": ("%d %b %Y", DAY_MS), "week": ("%d %b %Y", 7 * DAY_MS), "month": ("%b %Y", None)}


def _date_axis(values: pd.Series, period: str | None) -> dict:
    if period not in _TICKS:
        return {"type": "date"}
    fmt, unit = _TICKS[period]
    span = values.max() - values.min()
    count = (span.days // (unit // DAY_MS) if unit else
             (values.max().year - values.min().year) * 12 + values.max().month - values.min().month)
    every = max(1, -(-count // 10))
    return {"type": "date", "tickformat": fmt,
            "dtick": every * unit if unit else f"M{every}", "tick0": values.min()}


def timeline(df: pd.DataFrame, *, x: str, y: str, title: str, color: str | None = None,
             colors: dict[str, str] | None = None, labels: dict[str, str] | None = None,
             hover: list[str] | None = None, period: str | None = None) -> go.Figure:
    """Values over publication date, one line (with markers) per colour group; `period`
    ("day", "week", "month"): what one point stands for, which sets the ticks."""
    labels = labels or {}
    traces = []
    for i, (name, g) in enumerate(_groups(df.sort_values(x), color)):
        custom, template = _hover(g, [(labels.get(x, x), "%{x|%Y-%m-%d}"),
                                      (labels.get(y, y), "%{y}")], hover, labels)
        traces.append({"type": "scatter", "mode": "lines+markers", "name": name or "",
                       "legendgroup": name or "", "showlegend": bool(color),
                       "x": _values(g[x]), "y": _values(g[y]),
                       "line": {"color": _color(name, i, colors)},
                       "customdata": custom, "hovertemplate": template})
    layout = _layout(title, 420, xaxis={"title": _axis_title(labels, x),
                                        **_date_axis(df[x], period)},
                     yaxis={"title": _axis_title(labels, y)})
    return _figure(traces, layout)


def _first_point(event) -> dict | None:
    try:
        points = event.selection.points  # type: ignore[union-attr]
    except AttributeError:
        return None
    return points[0] if points else None


def selected_category(event, axis: str) -> str | None:
    """The category of the first clicked point of a `st.plotly_chart` selection event."""
    point = _first_point(event)
    return str(point[axis]) if point else None


def selected_cell(event) -> tuple[str, str] | None:
    """(column, row) of the heatmap cell clicked (its invisible point), if any."""
    point = _first_point(event)
    return (str(point["x"]), str(point["y"])) if point and "x" in point else None


def selected_series(event, fig: go.Figure, axis: str) -> tuple[str, str] | None:
    """(category on `axis`, name of its trace: the colour group) of the point clicked."""
    point = _first_point(event)
    if not point or axis not in point:
        return None
    curve = point.get("curve_number", point.get("curveNumber"))
    name = fig.data[curve].name if curve is not None and curve < len(fig.data) else ""
    return str(point[axis]), str(name or "")
