"""A chart with its downloads beside it: PNG, SVG, HTML and the CSV of what it shows."""
from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Mapping

import streamlit as st

from analysis.selection import Selection
from figures import export, views
from figures.report import report_files, report_zip
from figures.views import Chart
from ui.data import view, with_engine


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "chart"


def provenance(method: str, selection: Selection | None = None) -> export.Provenance:
    """The provenance of what is drawn from `selection` (default: the sidebar's)."""
    return export.Provenance.of(selection or view().selection, method)


def chart(c: Chart, *, selectable: bool = False):
    """Draw the chart and, under it, its four downloads, stamped with the provenance of what
    it was drawn from. Images are made only when clicked. With `selectable`, clicking a bar or
    point reruns the page and the selection is returned, on that run only: a selection stays
    on the chart, and acting on it at every later run would undo what the user picks since."""
    fig, data = c.fig, c.data
    prov = provenance(c.method, c.source)
    slug = _slug(c.name)
    event = st.plotly_chart(fig, width="stretch", key=f"fig-{slug}",
                            on_select="rerun" if selectable else "ignore",
                            selection_mode="points")
    if selectable:
        seen, now = f"_selected:{slug}", repr(getattr(getattr(event, "selection", None),
                                                       "points", None))
        if st.session_state.get(seen) == now:
            event = None
        st.session_state[seen] = now
    row = st.container(horizontal=True)
    if export.chromium_available():
        row.download_button("PNG", data=lambda: export.figure_image(fig, prov, "png"),
                            file_name=f"{slug}.png", mime="image/png", on_click="ignore",
                            key=f"png-{slug}", icon=":material/image:")
        row.download_button("SVG", data=lambda: export.figure_image(fig, prov, "svg"),
                            file_name=f"{slug}.svg", mime="image/svg+xml", on_click="ignore",
                            key=f"svg-{slug}", icon=":material/draw:")
    else:
        row.button("PNG", disabled=True, key=f"png-{slug}",
                   help="No Chrome or Chromium found for drawing images: install it "
                        "(`apt install chromium`) or run `plotly_get_chrome`. The camera icon "
                        "on the chart still saves a PNG.")
        row.button("SVG", disabled=True, key=f"svg-{slug}", help="Needs Chromium, as PNG.")
    row.download_button("HTML", data=lambda: export.figure_html(fig, prov),
                        file_name=f"{slug}.html", mime="text/html", on_click="ignore",
                        key=f"html-{slug}", icon=":material/code:")
    row.download_button("CSV", data=export.table_csv(data, prov), file_name=f"{slug}.csv",
                        mime="text/csv", on_click="ignore", key=f"csv-{slug}",
                        icon=":material/table:")
    return event


def remember(name: str, value) -> None:
    """Keep what a page drew with (its settings, the tone engine) for the report: Streamlit
    forgets a page's widget values once another page is open."""
    st.session_state.setdefault(SAVED, {})[name] = value


def amend(name: str, default, **changes) -> None:
    """Change some fields of what `remember` kept under `name` (`default` if nothing yet)."""
    saved = st.session_state.setdefault(SAVED, {})
    saved[name] = replace(saved.get(name, default), **changes)


SAVED = "_drawn_with"


def report_settings(saved: Mapping) -> views.ReportSettings:
    """Each page as the user last drew it (what `remember` kept), else with its defaults."""
    return views.ReportSettings(mentions=saved.get("mentions", views.MentionSettings()),
                                tone=saved.get("tone", views.ToneSettings()),
                                compare=saved.get("compare", views.CompareSettings()),
                                search=saved.get("search"))


def report_button() -> None:
    """One button for the whole current view: every chart in all formats, the CSVs and an
    index.html, zipped; each page drawn with what the user picked on it. Made when clicked."""
    v = view()
    saved = st.session_state.setdefault(SAVED, {})  # read when clicked, the page drawn by then

    prov = provenance("see each chart's caption")  # (built here: the click runs outside the page)

    def build() -> bytes:
        engine = saved.get("engine", v.analysed.engine)
        tone_selection = Selection(with_engine(v.analysed, engine), v.filters)
        charts, tables = views.report_charts(v.selection, report_settings(saved),
                                             tone_selection=tone_selection)
        return report_zip(report_files(charts, tables, prov))

    st.sidebar.download_button(
        "Download report (ZIP)", data=build, file_name=f"presslens-{_slug(v.corpus.name)}-report.zip",
        mime="application/zip", on_click="ignore", key="report-zip", icon=":material/folder_zip:",
        help="Every chart of every page for the current filters, as you set each page: PNG, SVG, "
             "HTML and CSV, with an index.html that shows them with their captions.")
