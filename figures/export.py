"""Figures and tables to files, each carrying its provenance (plotly/kaleido, no Streamlit).

PNG and SVG use kaleido with one long-lived Chromium (`kaleido.start_sync_server`), started
on the first image asked for and reused after; HTML is plotly's standalone page (plotly.js
inlined, so it opens offline); CSV is pandas, with provenance as leading `#` comment lines.
"""
from __future__ import annotations

import copy
import html
import shutil
import textwrap
import threading
import warnings
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis import __version__
from analysis.selection import Selection

PNG_SCALE = 3  # 3 × the on-screen size: print quality for a column-wide chart
_server_lock = threading.Lock()
_server_started = False


@dataclass(frozen=True)
class Provenance:
    corpus: str
    identity: str  # analysis.identity: articles, sources.csv, actors.toml, topics.toml, engine
    filters: str
    method: str
    engine: str = ""  # the tone engine the numbers were scored with

    @classmethod
    def of(cls, selection: Selection, method: str) -> "Provenance":
        """The provenance of what is drawn from `selection`."""
        analysed = selection.analysed
        return cls(analysed.corpus.name, analysed.identity, selection.filters.describe(), method,
                   analysed.engine)

    def with_method(self, method: str) -> "Provenance":
        return replace(self, method=method)

    def lines(self) -> list[str]:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        engine = f", tone engine {self.engine}" if self.engine else ""
        return [
            f"corpus: {self.corpus} (identity {self.identity}: its articles, sources.csv, "
            f"actors.toml and topics.toml{engine})",
            f"filters: {self.filters}",
            f"method: {self.method}",
            f"PressLens {__version__}, exported {stamp}",
        ]


@lru_cache(maxsize=1)
def chromium_available() -> bool:
    """Whether kaleido can find a browser to draw PNG/SVG with."""
    return any(shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome",
                                         "chrome")) or _kaleido_chrome()


def _kaleido_chrome() -> bool:
    try:
        import choreographer.utils  # kaleido's browser finder

        return bool(choreographer.utils.get_browser_path())  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any failure means "not found"
        return False


def _ensure_server() -> None:
    global _server_started
    with _server_lock:
        if not _server_started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _server_started = True


AXIS_BAND = 90  # px under the plot for tick labels and the axis title, above the footer
FOOTER_LINE = 14  # px per footer line (10 px type)
FOOTER_CHARS = 110  # characters per footer line: fits the plot's width however wide the labels


def footer_lines(prov: Provenance) -> list[str]:
    """The provenance, each line wrapped to FOOTER_CHARS so that none runs off the image."""
    return [part for line in prov.lines()
            for part in textwrap.wrap(line, FOOTER_CHARS, subsequent_indent="  ")]


def with_footer(fig: go.Figure, prov: Provenance) -> go.Figure:
    """A copy of `fig` with the provenance as a small footer at the bottom edge, in a band
    (the bottom margin) as tall as its lines need."""
    lines = footer_lines(prov)
    band = AXIS_BAND + FOOTER_LINE * len(lines)
    out = go.Figure(copy.deepcopy(fig.to_dict()))
    out.update_layout(margin={"b": band})
    out.add_annotation(text="<br>".join(html.escape(line) for line in lines), xref="paper",
                       yref="paper", x=0, y=0, yshift=-band + 6, xanchor="left",
                       yanchor="bottom", align="left", showarrow=False,
                       font={"size": 10, "color": "#666"})
    return out


def figure_image(fig: go.Figure, prov: Provenance, fmt: str) -> bytes:
    """PNG or SVG bytes of `fig` with its provenance footer."""
    _ensure_server()
    framed = with_footer(fig, prov)
    width = 1100
    height = (fig.layout.height or 450) + framed.layout.margin.b
    with warnings.catch_warnings():
        # plotly passes browser options that a running kaleido server does not need
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return pio.to_image(framed, format=fmt, width=width, height=height,
                            scale=PNG_SCALE if fmt == "png" else 1)


PLOTLY_JS = "plotly.min.js"  # the one copy a report's HTML charts share


def plotly_js() -> bytes:
    """plotly.js as the installed plotly ships it (no CDN: reports open offline)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode("utf-8")


def figure_html(fig: go.Figure, prov: Provenance, *, shared_js: bool = False) -> bytes:
    """The chart as one HTML page. Alone (a page's download) it carries plotly.js inside,
    about 4.8 MB, so that it opens offline anywhere; with `shared_js` (a report) it loads
    PLOTLY_JS from beside it."""
    note = "<br>".join(html.escape(line) for line in prov.lines())
    page = fig.to_html(include_plotlyjs=PLOTLY_JS if shared_js else True, full_html=True)
    return page.replace(
        "</body>",
        f'<p style="font:12px sans-serif;color:#555;margin:8px">{note}</p></body>',
    ).encode("utf-8")


def table_csv(df: pd.DataFrame, prov: Provenance) -> bytes:
    head = "".join(f"# {line}\n" for line in prov.lines())
    return (head + df.to_csv(index=False)).encode("utf-8")
