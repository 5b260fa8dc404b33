"""A chart with its downloads beside it: PNG, SVG, HTML and the CSV of what it shows."""
from __future__ import annotations

import re

import streamlit as st

from figures import export
from ui.data import view
from figures.views import Chart


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "chart"


def provenance(method: str) -> export.Provenance:
    v = view()
    return export.Provenance(corpus=v.corpus.name, corpus_hash=v.corpus.content_hash,
                             filters=v.filters.describe(), method=method)


def chart(c: Chart, *, selectable: bool = False):
    """Draw the chart and, under it, its four downloads. Images are made only when clicked.
    With `selectable`, clicking a bar or point reruns the page and the selection is returned."""
    fig, data = c.fig, c.data
    prov = provenance(c.method)
    slug = _slug(c.name)
    event = st.plotly_chart(fig, width="stretch", key=f"fig-{slug}",
                            on_select="rerun" if selectable else "ignore",
                            selection_mode="points")
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


def report_button() -> None:
    """One button for the whole current view: every chart in all formats, the CSVs and an
    index.html, zipped. Made when clicked."""
    from figures.report import report_files, report_zip
    from figures.views import all_charts

    v = view()
    prov = provenance("see each chart's caption")

    def build() -> bytes:
        charts, tables = all_charts(v.analysis, v.filters)
        return report_zip(report_files(charts, tables, prov))

    st.sidebar.download_button(
        "Download report (ZIP)", data=build, file_name=f"presslens-{_slug(v.corpus.name)}-report.zip",
        mime="application/zip", on_click="ignore", key="report-zip", icon=":material/folder_zip:",
        help="Every chart of every page for the current filters: PNG, SVG, HTML and CSV, with an "
             "index.html that shows them with their captions.")
